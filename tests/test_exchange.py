"""Tests of the exchange model: agreement with decide-exchange-model, properties, edge cases.

The reference files live in /work/shared (not part of the repo) and decide is a test-only,
GPL-licensed dependency; the tests that need either skip with a message when it is absent.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from peacetalks.case.interop.decide import read_decide
from peacetalks.models.exchange import (
    ExchangeParams,
    ExchangeResult,
    candidate_exchanges,
    exchange_model,
    snapshot_arrays,
)

DATA = Path(__file__).resolve().parents[2] / "shared" / "reference" / "data"
FILES = ["decide_sample_data.txt", "decide_copenhagen.csv"]
DECIDE_RUNS = 12
ROUNDS = 10
# decide breaks ties at random, and a random tie-break changes which exchanges stay valid later
# in the round, so its outcomes spread by up to ~5 points over 20 runs. Measured excess of ours
# beyond the range of 20 runs: 0.73 (sample) and 1.60 (Copenhagen) points; see the docs.
OUTCOME_EPS = 3.0
GAIN_TOL = 1e-9


@dataclass(frozen=True)
class Case:
    actors: list[str]
    issues: list[str]
    position: np.ndarray
    salience: np.ndarray
    capability: np.ndarray
    mask: np.ndarray
    bounds: np.ndarray

    def run(self, rounds: int = ROUNDS) -> ExchangeResult:
        params = ExchangeParams(rounds=rounds)
        arrays = (self.position, self.salience, self.capability, self.mask)
        return exchange_model(*arrays, params=params, bounds=self.bounds)

    def to_percent(self, values: np.ndarray) -> np.ndarray:
        lo, hi = self.bounds[:, 0], self.bounds[:, 1]
        return np.asarray((values - lo) / (hi - lo) * 100.0)


def parse_decide(path: Path) -> Case:
    """The reference file through the project's own decide reader."""
    snapshot = read_decide(path, as_of=dt.date(2000, 1, 1)).snapshot()
    return Case(list(snapshot.actors), list(snapshot.issues), *snapshot_arrays(snapshot))


def reference_file(name: str) -> Path:
    path = DATA / name
    if not path.exists():
        pytest.skip(f"reference data {path} not found (it lives in /work/shared, outside the repo)")
    return path


def decide_api() -> dict[str, Any]:
    pytest.importorskip("decide", reason="decide-exchange-model is not installed (test-only dependency)")
    from decide.data.modelfactory import ModelFactory
    from decide.data.reader import InputDataFile
    from decide.model.equalgain import EqualGainModel
    from decide.model.observers.observer import Observable
    from decide.model.utils import ModelLoop

    return {
        "file": InputDataFile,
        "factory": ModelFactory,
        "model": EqualGainModel,
        "obs": Observable,
        "loop": ModelLoop,
    }


def decide_model(path: Path) -> Any:
    api = decide_api()
    return api["factory"](api["file"].open(str(path))).create(model_klass=api["model"], randomized_value=None)


@cache
def decide_first_round(name: str) -> list[tuple[int, int, int, int, float]]:
    """decide's valid candidate exchanges of round 1 as (i, j, p, q, gain), i demanding p."""
    path = reference_file(name)
    case = parse_decide(path)
    model = decide_model(path)
    model.calc_nbs()
    model.determine_positions()
    model.calc_combinations()
    model.determine_groups_and_calculate_exchanges()
    found = [
        (
            case.actors.index(e.i.actor.actor_id),
            case.actors.index(e.j.actor.actor_id),
            case.issues.index(e.p.name),
            case.issues.index(e.q.name),
            float(e.gain),
        )
        for e in model.exchanges
        if e.is_valid
    ]
    return sorted(found, key=lambda e: -e[4])


@cache
def decide_outcomes(name: str) -> np.ndarray:
    """[runs, rounds + 1, issues]: decide's compromise after each round, on its 0–100 scale."""
    path = reference_file(name)
    case = parse_decide(path)
    api = decide_api()
    runs = np.empty((DECIDE_RUNS, ROUNDS + 1, len(case.issues)))
    for run in range(DECIDE_RUNS):
        model = decide_model(path)
        loop = api["loop"](model, api["obs"](model, output_directory=""), run)
        for r in range(ROUNDS + 1):
            if r:
                loop.loop()
            model.calc_nbs()  # after a loop: the positions actors start the next round from
            runs[run, r] = [float(model.nbs[d]) for d in case.issues]
    return runs


def tie_groups(gains: list[float]) -> list[list[int]]:
    """Indices of a descending gain list, grouped where consecutive gains tie."""
    groups: list[list[int]] = []
    for k, g in enumerate(gains):
        if groups and abs(gains[groups[-1][0]] - g) <= GAIN_TOL:
            groups[-1].append(k)
        else:
            groups.append([k])
    return groups


# --- agreement with decide ------------------------------------------------------------------


@pytest.mark.parametrize("name", FILES)
def test_first_round_candidates_match_decide(name: str) -> None:
    theirs = decide_first_round(name)
    case = parse_decide(reference_file(name))
    ours = candidate_exchanges(case.position, case.salience, case.capability, case.mask, bounds=case.bounds)
    assert len(ours) == len(theirs)
    np.testing.assert_allclose([e.gain for e in ours], [e[4] for e in theirs], rtol=0, atol=GAIN_TOL)
    # Where gains tie decide's order is its list order or a coin flip: compare those as sets.
    for group in tie_groups([e[4] for e in theirs]):
        assert {(ours[k].actor_i, ours[k].actor_j, ours[k].issue_p, ours[k].issue_q) for k in group} == {
            theirs[k][:4] for k in group
        }


@pytest.mark.parametrize("name", FILES)
def test_outcomes_within_decide_spread(name: str) -> None:
    runs = decide_outcomes(name)
    case = parse_decide(reference_file(name))
    ours = case.to_percent(case.run().outcomes)
    low, high = runs.min(axis=0) - OUTCOME_EPS, runs.max(axis=0) + OUTCOME_EPS
    outside = np.argwhere((ours < low) | (ours > high))
    assert outside.size == 0, f"(round, issue) outside decide's spread ± {OUTCOME_EPS}: {outside.tolist()}"
    np.testing.assert_allclose(ours[0], runs[0, 0], atol=1e-9)


# --- properties ---------------------------------------------------------------------------------


@st.composite
def cases(draw: st.DrawFn) -> tuple[np.ndarray, ...]:
    n_actors = draw(st.integers(2, 6))
    n_issues = draw(st.integers(2, 4))
    shape = (n_actors, n_issues)
    position = draw(arrays(np.float64, shape, elements=st.floats(0, 100)))
    salience = draw(arrays(np.float64, shape, elements=st.floats(0, 1)))
    capability = draw(arrays(np.float64, shape, elements=st.floats(0, 10)))
    mask = draw(arrays(np.bool_, shape, elements=st.sampled_from([False, False, False, True])))
    return position, salience, capability, mask


def run(position: np.ndarray, salience: np.ndarray, capability: np.ndarray, mask: np.ndarray) -> ExchangeResult:
    return exchange_model(position, salience, capability, mask, params=ExchangeParams(rounds=4))


@settings(max_examples=60, deadline=None)
@given(cases())
def test_actors_without_salience_never_trade(case: tuple[np.ndarray, ...]) -> None:
    position, salience, capability, mask = case
    salience = salience.copy()
    salience[0, :] = 0.0
    result = run(position, salience, capability, mask)
    assert all(0 not in (e.actor_i, e.actor_j) for e in result.exchanges)


@settings(max_examples=30, deadline=None)
@given(cases().map(lambda c: tuple(a[:1] for a in c)))
def test_single_actor_has_no_exchanges(case: tuple[np.ndarray, ...]) -> None:
    result = run(*case)
    assert result.exchanges == ()
    assert result.converged


@settings(max_examples=60, deadline=None)
@given(cases())
def test_outcomes_stay_within_positions(case: tuple[np.ndarray, ...]) -> None:
    position, salience, capability, mask = case
    result = run(position, salience, capability, mask)
    lo, hi = position.min(axis=0) - 1e-9, position.max(axis=0) + 1e-9
    finite = ~np.isnan(result.outcomes)
    assert ((result.outcomes >= lo) | ~finite).all() and ((result.outcomes <= hi) | ~finite).all()


@settings(max_examples=40, deadline=None)
@given(cases())
def test_deterministic(case: tuple[np.ndarray, ...]) -> None:
    first, second = run(*case), run(*case)
    assert [_key(e) for e in first.exchanges] == [_key(e) for e in second.exchanges]
    np.testing.assert_array_equal(first.outcomes, second.outcomes)


@settings(max_examples=60, deadline=None)
@given(cases(), st.randoms(use_true_random=False))
def test_permuting_actors_permutes_results(case: tuple[np.ndarray, ...], rnd: Any) -> None:
    """Holds when no gains tie: ties go to the lowest actor index, which a permutation changes."""
    order = list(range(case[0].shape[0]))
    rnd.shuffle(order)
    perm = np.array(order)
    base = run(*case)
    permuted = run(*(a[perm] for a in case))
    assume(not any("tie" in n for n in base.notes + permuted.notes))
    np.testing.assert_allclose(permuted.outcomes, base.outcomes, atol=1e-7)
    np.testing.assert_allclose(permuted.positions, base.positions[:, perm], atol=1e-7)
    back = {_key(e, perm) for e in permuted.exchanges}
    assert back == {_key(e) for e in base.exchanges}


def _key(e: Any, perm: np.ndarray | None = None) -> tuple[int, ...]:
    i, j = (int(perm[e.actor_i]), int(perm[e.actor_j])) if perm is not None else (e.actor_i, e.actor_j)
    return (e.round, i, j, e.issue_p, e.issue_q)


# --- edge cases -------------------------------------------------------------------------------


def two_actor_case() -> tuple[np.ndarray, ...]:
    position = np.array([[0.0, 100.0], [100.0, 0.0]])
    salience = np.array([[0.9, 0.2], [0.3, 0.8]])
    capability = np.ones((2, 2))
    return position, salience, capability, np.zeros((2, 2), dtype=bool)


def test_one_exchange_by_hand() -> None:
    """Two symmetric-capability actors: the textbook equal-gain exchange, checked by hand."""
    position, salience, capability, mask = two_actor_case()
    (only,) = candidate_exchanges(position, salience, capability, mask)
    assert (only.actor_i, only.actor_j, only.issue_p, only.issue_q) == (0, 1, 0, 1)
    # W_p = 1.2, W_q = 1.0; O_p = 25, O_q = 20. j moving all the way (100 → 0) would shift O_p by
    # 0.3·100/1.2 = 25, so O_q by 1.2·25 = 30 (ΔO_q = ΔO_p·(0.9 + 0.3)/(0.2 + 0.8)): more than i
    # moving all the way (100 → 0) gives, 0.2·100/1.0 = 20. So ΔO_q = 20, ΔO_p = 20/1.2, and
    # neither outcome passes the demander's position (gaps 25 and 20).
    assert only.outcome_shift_q == pytest.approx(-20.0)
    assert only.outcome_shift_p == pytest.approx(-20.0 / 1.2)
    assert only.gain == pytest.approx(0.9 * 20 / 1.2 - 0.2 * 20)
    assert only.gain == pytest.approx(0.8 * 20 - 0.3 * 20 / 1.2)  # equal for j
    assert only.move_i == pytest.approx(-100.0)
    assert only.move_j == pytest.approx(-(20 / 1.2) * 1.2 / 0.3)


def test_missing_position_takes_no_part() -> None:
    position, salience, capability, mask = two_actor_case()
    mask = mask.copy()
    mask[1, 0] = True
    result = exchange_model(position, salience, capability, mask)
    assert result.exchanges == ()
    assert np.isnan(result.positions[:, 1, 0]).all()
    assert result.outcomes[0, 0] == pytest.approx(0.0)  # only actor 0 counts on issue 0


def test_issue_without_weight_has_nan_outcome_and_note() -> None:
    position, salience, capability, mask = two_actor_case()
    salience = salience.copy()
    salience[:, 1] = 0.0
    result = exchange_model(position, salience, capability, mask)
    assert np.isnan(result.outcomes[:, 1]).all()
    assert any("issue 1" in n and "NaN" in n for n in result.notes)


def test_externalities_are_zero_for_traders_and_signed_for_others() -> None:
    position = np.array([[0.0, 100.0], [100.0, 0.0], [0.0, 0.0]])
    salience = np.array([[0.9, 0.2], [0.3, 0.8], [0.5, 0.5]])
    capability = np.array([[1.0, 1.0], [1.0, 1.0], [0.1, 0.1]])
    exchanges = candidate_exchanges(position, salience, capability, np.zeros((3, 2), dtype=bool))
    top = exchanges[0]
    assert top.externalities[[top.actor_i, top.actor_j]].tolist() == [0.0, 0.0]
    assert top.externalities.shape == (3,)


def test_rejects_bad_input() -> None:
    position, salience, capability, mask = two_actor_case()
    with pytest.raises(ValueError, match="salience"):
        exchange_model(position, salience * 2, capability, mask)
    with pytest.raises(ValueError, match="capability"):
        exchange_model(position, salience, -capability, mask)
    with pytest.raises(ValueError, match="shape"):
        exchange_model(position[:1], salience, capability, mask)
    with pytest.raises(ValueError, match="rounds"):
        ExchangeParams(rounds=-1)
