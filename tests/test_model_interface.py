"""Every registered model honours the same contract: parameters read back, a prediction per issue,
unanimity kept, explanations, and reproducible draws."""

from __future__ import annotations

import numpy as np
import pytest

from casetext import CASE_YAML
from peacetalks.case import parse_case_texts
from peacetalks.models.base import Model, available_models, get_model

MODELS = list(available_models())
UNANIMOUS = CASE_YAML.replace("position: 100, salience: 80", "position: 40, salience: 80").replace(
    "issue: border, as_of: 2024-06-01, position: 50", "issue: border, as_of: 2024-06-01, position: 40")


@pytest.fixture(scope="module")
def snapshot():  # type: ignore[no-untyped-def]
    return parse_case_texts([("case.yaml", CASE_YAML)]).snapshot("2025-01-01")


@pytest.mark.parametrize("name", MODELS)
def test_contract(name: str, snapshot) -> None:  # type: ignore[no-untyped-def]
    model = get_model(name)
    assert isinstance(model, Model) and model.name == name and model.summary
    assert type(model)(**model.params()).params() == model.params()  # parameters read back unchanged
    prediction = model.predict(snapshot)
    assert prediction.model == name and prediction.issues == snapshot.issues
    assert prediction.outcome.shape == (len(snapshot.issues),)
    lo, hi = snapshot.position.min(axis=0), snapshot.position.max(axis=0)
    assert ((prediction.outcome >= lo - 1e-9) & (prediction.outcome <= hi + 1e-9)).all()
    assert prediction.explain().startswith(f"{name} on demo as of 2025-01-01")
    drawn = model.predict_draws(snapshot, 20, seed=3)
    np.testing.assert_array_equal(drawn.samples, model.predict_draws(snapshot, 20, seed=3).samples)
    assert drawn.samples.shape == (20, len(snapshot.issues))


@pytest.mark.parametrize("name", MODELS)
def test_unanimity_gives_that_position(name: str) -> None:
    snap = parse_case_texts([("case.yaml", UNANIMOUS)]).snapshot("2025-01-01")
    assert get_model(name).predict(snap).outcome_of("border") == pytest.approx(40)


def test_exchange_model_explains_its_exchanges() -> None:
    case = parse_case_texts([("case.yaml", CASE_YAML.replace(
        "  - {actor: north, issue: border, as_of: 2022-03-01",
        "  - {actor: north, issue: alliance, as_of: 2024-06-01, position: 0, salience: 20, capability: 40,\n"
        "     sources: [wire-2024], coded_by: source}\n"
        "  - {actor: north, issue: border, as_of: 2022-03-01"))])
    prediction = get_model("exchange", rounds=3).predict(case.snapshot("2025-01-01"))
    assert prediction.positions is not None and prediction.positions.shape[0] == prediction.mean.shape[0]  # type: ignore[union-attr]
    lines = prediction.explain().splitlines()
    assert any("in return for" in line and "each gains" in line for line in lines), lines


def test_challenge_model_on_the_builtin_ec_case_reproduces_scholz_table_2() -> None:
    import peacetalks

    prediction = get_model("challenge", rounds=8).predict(peacetalks.load_case("ec-emissions").snapshot())
    assert prediction.median is not None and prediction.mean is not None
    # Scholz, Calbert & Smith (2011), Table 2, Q = 1, rounds 1–8.
    published_median = [8.4, 9.9, 9.9, 9.9, 9.9, 7.4, 8.8, 9.6]
    published_mean = [7.4, 7.5, 7.6, 7.3, 7.3, 7.4, 7.5, 7.6]
    close_medians = sum(abs(m - p) <= 0.15 for m, p in zip(prediction.median[1:, 0], published_median, strict=True))
    assert close_medians >= 7
    assert all(abs(m - p) <= 0.1 for m, p in zip(prediction.mean[1:, 0], published_mean, strict=True))
    assert prediction.outcome_of("emissions-delay") == prediction.median[-1, 0]
    assert "accepts" in prediction.explain()
