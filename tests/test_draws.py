"""Monte Carlo draws: seeded, inside the stated ranges, and consistent with the point models."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casetext import CASE_YAML
from peacetalks.case import parse_case_texts
from peacetalks.errors import PeacetalksError
from peacetalks.models.base import get_model
from peacetalks.models.central import weighted_median
from peacetalks.models.draws import CHUNK, draw_chunks

RANGED = CASE_YAML.replace(
    "coded_by: analyst, rationale: mediator pushes a freeze}",
    "coded_by: analyst, rationale: mediator pushes a freeze,\n"
    "     uncertainty: {position: {low: 45, high: 60}, salience: {low: 20, high: 40}}}",
)


@pytest.fixture(scope="module")
def snapshot():  # type: ignore[no-untyped-def]
    return parse_case_texts([("case.yaml", RANGED)]).snapshot("2025-01-01")


def test_same_seed_same_samples_other_seed_other_samples(snapshot) -> None:  # type: ignore[no-untyped-def]
    model = get_model("compromise")
    first, again = model.predict_draws(snapshot, 500, seed=7), model.predict_draws(snapshot, 500, seed=7)
    np.testing.assert_array_equal(first.samples, again.samples)
    assert not np.array_equal(first.samples, model.predict_draws(snapshot, 500, seed=8).samples)
    assert first.samples.shape == (500, 2)


def test_stated_ranges_bound_the_draws(snapshot) -> None:  # type: ignore[no-untyped-def]
    (inputs,) = draw_chunks(snapshot, 2000, seed=1)
    broker, border = snapshot.actors.index("broker"), snapshot.issues.index("border")
    assert inputs.position[:, broker, border].min() >= 45 and inputs.position[:, broker, border].max() <= 60
    assert inputs.salience[:, broker, border].min() >= 20 and inputs.salience[:, broker, border].max() <= 40
    # Without a stated range the spread follows confidence (medium: ±7.5), clipped to the scale.
    south = snapshot.actors.index("south")
    assert inputs.position[:, south, border].min() >= 92.5 and inputs.position[:, south, border].max() <= 100
    # A 0–10 scale gets a proportional spread.
    alliance = snapshot.issues.index("alliance")
    assert inputs.position[:, south, alliance].min() >= 9.25


def test_zero_spread_reproduces_the_point_prediction(snapshot) -> None:  # type: ignore[no-untyped-def]
    flat = parse_case_texts([("case.yaml", CASE_YAML)]).snapshot("2025-01-01")
    none = {"high": 0.0, "medium": 0.0, "low": 0.0}
    for name in ("compromise", "median"):
        model = get_model(name)
        drawn = model.predict_draws(flat, 3, seed=1, spread=none)
        np.testing.assert_allclose(drawn.samples, np.tile(model.predict(flat).outcome, (3, 1)))


def test_vectorised_median_equals_the_condorcet_rule(snapshot) -> None:  # type: ignore[no-untyped-def]
    (inputs,) = draw_chunks(snapshot, 300, seed=3)
    drawn = get_model("median").outcomes(inputs)
    for d in range(300):
        for i in range(len(snapshot.issues)):
            held = inputs.held[:, i]
            weight = inputs.capability[d, held, i] * inputs.salience[d, held, i] / 100
            assert drawn[d, i] == pytest.approx(weighted_median(inputs.position[d, held, i], weight))


def test_many_draws_come_in_chunks_and_intervals_are_ordered(snapshot) -> None:  # type: ignore[no-untyped-def]
    spread = get_model("compromise").predict_draws(snapshot, CHUNK + 10, seed=2)
    assert spread.samples.shape == (CHUNK + 10, 2)
    low, high = spread.interval(0.9)
    assert (low <= spread.median()).all() and (spread.median() <= high).all()
    with pytest.raises(PeacetalksError):
        get_model("compromise").predict_draws(snapshot, 0, seed=1)


def test_ranges_must_contain_the_value() -> None:
    from peacetalks.errors import CaseError

    bad = RANGED.replace("position: {low: 45, high: 60}", "position: {low: 55, high: 60}")
    with pytest.raises(CaseError, match=r"does not contain 50"):
        parse_case_texts([("case.yaml", bad)])
    off_scale = RANGED.replace("position: {low: 45, high: 60}", "position: {low: 45, high: 160}")
    with pytest.raises(CaseError, match="outside the scale"):
        parse_case_texts([("case.yaml", off_scale)])


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 80), st.integers(1, 4), st.integers(0, 2**32 - 1), st.booleans())
def test_compiled_kernels_agree_with_the_point_rules(actors: int, issues: int, seed: int, ties: bool) -> None:
    # Beyond 64 actors the median kernel sorts instead of ranking; tied positions and actors
    # without a position or weight must not change the rule.
    from peacetalks.models.central import compromise
    from peacetalks.models.draws import Inputs

    rng = np.random.default_rng(seed)
    shape = (5, actors, issues)
    position = rng.integers(0, 5, shape).astype(float) * 25 if ties else rng.uniform(0, 100, shape)
    salience = np.where(rng.random(shape) < 0.2, 0.0, rng.uniform(0, 100, shape))
    capability = rng.uniform(0, 100, shape)
    held = rng.random((actors, issues)) < 0.8
    inputs = Inputs(position, salience, capability, held, np.zeros(issues), np.full(issues, 100.0))
    means, medians = get_model("compromise").outcomes(inputs), get_model("median").outcomes(inputs)
    for d in range(5):
        for i in range(issues):
            weight = capability[d, held[:, i], i] * salience[d, held[:, i], i] / 100
            x = position[d, held[:, i], i]
            np.testing.assert_allclose(means[d, i], compromise(x, weight), rtol=1e-12)
            # The lower weighted median equals the Condorcet rule except on exact ties, where both
            # are optimal: compare the total weighted distance they leave.
            if weight.sum() > 0:
                distance = [float(np.abs(x - m) @ weight) for m in (medians[d, i], weighted_median(x, weight))]
                assert distance[0] == pytest.approx(distance[1], rel=1e-9, abs=1e-9)
                assert medians[d, i] in x
            else:
                assert np.isnan(medians[d, i])
