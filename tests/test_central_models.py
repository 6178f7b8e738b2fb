"""Compromise and weighted median: the published EC figures and the properties the issue names."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from casetext import CASE_YAML
from peacetalks.case import parse_case_texts
from peacetalks.models.base import available_models, get_model
from peacetalks.models.central import compromise, weighted_median

# EC vehicle-emissions case (BDM 1994 p. 78; Scholz, Calbert & Smith 2011, Table 1).
EC_CAPABILITY = np.array([0.08, 0.08, 0.03, 0.16, 0.16, 0.16, 0.16, 0.05, 0.05, 0.08])
EC_POSITION = np.array([4, 7, 4, 4, 10, 10, 10, 7, 4, 7], dtype=float)
EC_SALIENCE = np.array([80, 40, 20, 80, 60, 60, 90, 10, 100, 70]) / 100


def test_published_baselines_on_the_ec_case() -> None:
    weight = EC_CAPABILITY * EC_SALIENCE
    assert compromise(EC_POSITION, weight) == pytest.approx(7.39, abs=0.005)
    assert weighted_median(EC_POSITION, weight) == 7.0


def test_no_weight_means_no_prediction() -> None:
    assert np.isnan(compromise(EC_POSITION, np.zeros(10)))
    assert np.isnan(weighted_median(EC_POSITION, np.zeros(10)))
    assert np.isnan(weighted_median(np.array([]), np.array([])))


def test_median_ties_go_to_the_lower_index_actor() -> None:
    assert weighted_median(np.array([30.0, 70.0]), np.array([1.0, 1.0])) == 30.0
    assert weighted_median(np.array([70.0, 30.0]), np.array([1.0, 1.0])) == 70.0


cases = st.integers(2, 12).flatmap(lambda n: st.tuples(
    arrays(float, n, elements=st.floats(0, 100)),
    arrays(float, n, elements=st.floats(0.01, 1)),
    arrays(float, n, elements=st.floats(0.01, 100)),
))


@settings(max_examples=200, deadline=None)
@given(cases, st.floats(-50, 50), st.floats(0.1, 10))
def test_properties(data: tuple[np.ndarray, np.ndarray, np.ndarray], shift: float, stretch: float) -> None:
    position, salience, capability = data
    weight = capability * salience
    for rule in (compromise, weighted_median):
        outcome = rule(position, weight)
        assert position.min() - 1e-9 <= outcome <= position.max() + 1e-9
        # Unanimity gives that position.
        assert rule(np.full_like(position, position[0]), weight) == pytest.approx(position[0])
        # Rescaling the scale rescales the outcome.
        assert rule(position * stretch + shift, weight) == pytest.approx(outcome * stretch + shift, abs=1e-6)
        # Zero-salience actors have no influence.
        extra_position = np.append(position, 0.0 if outcome > 50 else 100.0)
        assert rule(extra_position, np.append(weight, 0.0)) == pytest.approx(outcome, abs=1e-9)
    # Raising one actor's capability never moves the compromise away from it.
    before = compromise(position, weight)
    boosted = capability.copy()
    boosted[0] *= 2
    after = compromise(position, boosted * salience)
    assert abs(after - position[0]) <= abs(before - position[0]) + 1e-9


def test_models_are_listed_and_predict_on_a_snapshot() -> None:
    assert {"compromise", "median"} <= set(available_models())
    snap = parse_case_texts([("case.yaml", CASE_YAML)]).snapshot("2025-01-01")
    prediction = get_model("compromise").predict(snap)
    # border: north 40 (w 0.9*40), south 100 (w 0.8*60), broker 50 (w 0.3*50)
    expected = (40 * 36 + 100 * 48 + 50 * 15) / (36 + 48 + 15)
    assert prediction.outcome_of("border") == pytest.approx(expected)
    assert prediction.outcome_of("alliance") == 10
    # cumulative weight 36 at 40, 51 at 50 of 99: the weighted median is 50
    assert get_model("median").predict(snap).outcome_of("border") == 50
    assert prediction.case_hash == snap.case_hash and prediction.params == {}


def test_unknown_model_names_the_known_ones() -> None:
    from peacetalks.errors import PeacetalksError

    with pytest.raises(PeacetalksError, match="available: compromise, median"):
        get_model("oracle")
