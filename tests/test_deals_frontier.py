"""Properties of the pruned frontier, Nash and Kalai–Smorodinsky points, and a cross-check
against NegMAS (a test-only, AGPL-licensed peer installed by `make` in the dev environment; the
cross-check skips with a message when it is absent)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peacetalks.deals.frontier import count_acceptable, ks_index, nash_index, nondominated, pareto_front


@st.composite
def domains(draw: st.DrawFn) -> tuple[list[np.ndarray], np.ndarray]:
    actors = draw(st.integers(2, 3))
    sizes = draw(st.lists(st.integers(1, 4), min_size=1, max_size=4))
    ints = draw(st.booleans())  # small integers force ties and duplicates
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    tables = [(rng.integers(0, 4, (k, actors)) if ints else rng.random((k, actors))).astype(float) for k in sizes]
    reservation = rng.uniform(0, 0.6, actors) * len(sizes) * (3 if ints else 1)
    return tables, reservation


def enumerate_all(tables: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    combos = np.array(list(itertools.product(*[range(len(t)) for t in tables])))
    utility = sum(t[combos[:, i]] for i, t in enumerate(tables))
    return combos, np.asarray(utility)


TOL = 1e-9


def dominated(u: np.ndarray, others: np.ndarray) -> bool:
    """Dominated beyond rounding (sums of the same terms in another order differ by ~1e-16)."""
    return bool(((others >= u - TOL).all(axis=1) & (others > u + TOL).any(axis=1)).any())


def rounded(points: np.ndarray) -> set[tuple[float, ...]]:
    return {tuple(p) for p in np.round(points, 9).tolist()}


@settings(max_examples=150, deadline=None)
@given(domains())
def test_frontier_is_exactly_the_undominated_packages(domain: tuple[list[np.ndarray], np.ndarray]) -> None:
    tables, _ = domain
    _, everything = enumerate_all(tables)
    front = pareto_front(tables)
    expected = rounded(np.array([u for u in everything if not dominated(u, everything)]))
    assert rounded(front.utility) == expected
    assert len(front) == len(expected)  # each utility vector once
    for u, choice in zip(front.utility, front.choice, strict=True):
        assert not dominated(u, everything)
        assert np.allclose(u, sum(t[c] for t, c in zip(tables, choice, strict=True)))


@settings(max_examples=150, deadline=None)
@given(domains())
def test_nash_point_is_on_the_frontier_and_maximises_the_product(domain: tuple[list[np.ndarray], np.ndarray]) -> None:
    tables, r = domain
    _, everything = enumerate_all(tables)
    rational = everything[(everything >= r).all(axis=1)]
    front = pareto_front(tables, r)
    efficient = [u for u in rational if not dominated(u, rational)]
    assert rounded(front.utility) == (rounded(np.array(efficient)) if efficient else set())
    k = nash_index(front, r)
    if len(rational) == 0:
        assert k is None and ks_index(front, r) is None
        return
    assert k is not None
    nash = front.utility[k]
    assert not dominated(nash, everything)
    assert np.prod(nash - r) == pytest.approx(np.prod(rational - r, axis=1).max())
    ks = ks_index(front, r)
    assert ks is not None and not dominated(front.utility[ks], everything)


@settings(max_examples=100, deadline=None)
@given(domains(), st.integers(1, 5))
def test_an_issue_nobody_cares_about_changes_nothing(domain: tuple[list[np.ndarray], np.ndarray], k: int) -> None:
    tables, r = domain
    plain = pareto_front(tables, r)
    wider = pareto_front([*tables, np.zeros((k, tables[0].shape[1]))], r)
    assert np.array_equal(plain.utility, wider.utility)
    assert nash_index(plain, r) == nash_index(wider, r)
    assert ks_index(plain, r) == ks_index(wider, r)


@settings(max_examples=150, deadline=None)
@given(domains())
def test_acceptable_packages_are_counted_exactly(domain: tuple[list[np.ndarray], np.ndarray]) -> None:
    tables, r = domain
    _, everything = enumerate_all(tables)
    assert count_acceptable(tables, r) == int((everything >= r).all(axis=1).sum())


def test_nondominated_keeps_duplicates_once() -> None:
    points = np.array([[1.0, 1.0], [1.0, 1.0], [0.5, 2.0], [0.5, 0.5]])
    assert sorted(nondominated(points).tolist()) == [0, 2]
    points3 = np.array([[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [2.0, 0.0, 0.0], [0.0, 0.0, 0.0]])
    assert sorted(nondominated(points3).tolist()) == [0, 2]


def test_red_lines_drop_values_before_the_search() -> None:
    tables = [np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([[0.5, 0.5], [0.2, 0.9]])]
    front = pareto_front(tables, allowed=[np.array([True, False]), np.array([True, True])])
    assert (front.choice[:, 0] == 0).all()


# --- NegMAS cross-check -----------------------------------------------------------------------


def negmas_domain(seed: int, actors: int, issues: int,
                  values: int) -> tuple[list[object], list[np.ndarray], np.ndarray]:
    negmas = pytest.importorskip("negmas", reason="NegMAS not installed (make .venv/.installed-dev installs it)")
    from negmas.outcomes import make_issue, make_os
    from negmas.preferences import LinearAdditiveUtilityFunction
    from negmas.preferences.value_fun import TableFun

    assert negmas
    rng = np.random.default_rng(seed)
    names = [[f"v{k}" for k in range(values)] for _ in range(issues)]
    space = make_os([make_issue(n, name=f"i{i}") for i, n in enumerate(names)])
    weight = rng.random((actors, issues))
    weight /= weight.sum(axis=1, keepdims=True)
    value = rng.random((actors, issues, values))
    reservation = rng.uniform(0.2, 0.45, actors)
    ufuns = [LinearAdditiveUtilityFunction(values=[TableFun(dict(zip(names[i], value[a, i], strict=True)))
                                                   for i in range(issues)],
                                           weights=list(weight[a]), outcome_space=space,
                                           reserved_value=float(reservation[a]))
             for a in range(actors)]
    tables = [np.stack([weight[a, i] * value[a, i] for a in range(actors)], axis=1) for i in range(issues)]
    return ufuns, tables, reservation


@pytest.mark.parametrize(("seed", "actors"), [(1, 2), (2, 2), (3, 3), (4, 3)])
def test_frontier_nash_and_ks_match_negmas(seed: int, actors: int) -> None:
    ufuns, tables, r = negmas_domain(seed, actors, issues=4, values=6)
    from negmas.preferences import ks_points, nash_points, pareto_frontier

    theirs, _ = pareto_frontier(ufuns, issues=ufuns[0].outcome_space.issues)  # type: ignore[attr-defined]
    ours = pareto_front(tables, r)
    assert sorted(np.round(np.array(theirs), 12).tolist()) == sorted(np.round(ours.utility, 12).tolist())
    their_nash = nash_points(ufuns, theirs, outcome_space=ufuns[0].outcome_space)  # type: ignore[attr-defined]
    k = nash_index(ours, r)
    assert k is not None and np.allclose(their_nash[0][0], ours.utility[k])
    # KS normalises by the best utility among the acceptable packages (Kalai–Smorodinsky's ideal
    # point); NegMAS takes the ranges it is given, so give it that ideal.
    space = ufuns[0].outcome_space  # type: ignore[attr-defined]
    ranges = [(float(u.minmax(space)[0]), float(ours.utility[:, a].max())) for a, u in enumerate(ufuns)]  # type: ignore[attr-defined]
    their_ks = ks_points(ufuns, theirs, ranges=ranges)
    j = ks_index(ours, r)
    assert j is not None and np.allclose(their_ks[0][0], ours.utility[j])
