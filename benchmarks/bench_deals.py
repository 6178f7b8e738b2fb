"""Benchmark: the deals frontier, Nash and Kalai–Smorodinsky points against NegMAS.

Run with ``python benchmarks/bench_deals.py`` (add ``--large`` to time NegMAS on the 1.77 M
package domains too: minutes each). Both sides get the same seeded random linear-additive
domains (each actor: random issue weights, a random utility for every value) with reservation
values, and compute the frontier of the acceptable packages, the Nash point and the
Kalai–Smorodinsky point; the results are checked equal before the times are compared. NegMAS
(AGPL, test/benchmark-only, installed by ``make .venv/.installed-dev``) enumerates the outcome
space; ours prunes it (see docs/deals.md). Targets from issue 4: ≥ 20× faster than NegMAS at 2
actors × 161,051 packages; 1.77 M packages in ≤ 2 s and ≤ 1 GB, for 2 and 3 actors.
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import numpy as np

from peacetalks.deals.frontier import Front, ks_index, nash_index, pareto_front

SPEEDUP_TARGET = 20.0
SECONDS_TARGET = 2.0
BYTES_TARGET = 1 << 30


def domain(seed: int, actors: int, issues: int, values: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    weight = rng.random((actors, issues))
    weight /= weight.sum(axis=1, keepdims=True)
    value = rng.random((actors, issues, values))
    reservation = rng.uniform(0.3, 0.5, actors)
    return weight, value, reservation


def tables_of(weight: np.ndarray, value: np.ndarray) -> list[np.ndarray]:
    return [np.stack([weight[a, i] * value[a, i] for a in range(len(weight))], axis=1) for i in range(weight.shape[1])]


def ours(weight: np.ndarray, value: np.ndarray, reservation: np.ndarray) -> tuple[Front, int | None, int | None]:
    front = pareto_front(tables_of(weight, value), reservation)
    return front, nash_index(front, reservation), ks_index(front, reservation)


def negmas_run(weight: np.ndarray, value: np.ndarray, reservation: np.ndarray) -> tuple[Any, Any, Any]:
    from negmas.outcomes import make_issue, make_os
    from negmas.preferences import LinearAdditiveUtilityFunction, ks_points, nash_points, pareto_frontier
    from negmas.preferences.value_fun import TableFun

    actors, issues, values = value.shape
    names = [[f"v{k}" for k in range(values)] for _ in range(issues)]
    space = make_os([make_issue(n, name=f"i{i}") for i, n in enumerate(names)])
    ufuns = [LinearAdditiveUtilityFunction(
        values=[TableFun(dict(zip(names[i], value[a, i], strict=True))) for i in range(issues)],
        weights=list(weight[a]), outcome_space=space, reserved_value=float(reservation[a]))
        for a in range(actors)]
    frontier, _ = pareto_frontier(ufuns, issues=space.issues)
    nash = nash_points(ufuns, frontier, outcome_space=space)
    ideal = np.array(frontier).max(axis=0)
    ranges = [(float(u.minmax(space)[0]), float(ideal[a])) for a, u in enumerate(ufuns)]
    ks = ks_points(ufuns, frontier, ranges=ranges)
    return frontier, nash, ks


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def peak_bytes(fn: Callable[[], Any]) -> int:
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def check_equal(mine: tuple[Front, int | None, int | None], theirs: tuple[Any, Any, Any]) -> None:
    front, nash, ks = mine
    frontier, their_nash, their_ks = theirs
    if sorted(np.round(np.array(frontier), 10).tolist()) != sorted(np.round(front.utility, 10).tolist()):
        raise SystemExit("frontiers differ from NegMAS")
    if nash is None or not np.allclose(their_nash[0][0], front.utility[nash]):
        raise SystemExit("Nash points differ from NegMAS")
    if ks is None or not np.allclose(their_ks[0][0], front.utility[ks]):
        raise SystemExit("Kalai–Smorodinsky points differ from NegMAS")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", action="store_true", help="also time NegMAS on the 1.77 M package domains")
    args = parser.parse_args()
    try:
        import negmas  # noqa: F401
        have_negmas = True
    except ImportError:
        have_negmas = False
        print("NegMAS not installed: only our times are printed (make .venv/.installed-dev installs it).")
    print("frontier = efficient packages above every reservation value; 'whole' = the whole space's frontier")
    print(f"{'domain':<28}{'packages':>11}{'frontier':>10}{'ours s':>9}{'peak MB':>9}{'whole':>7}{'whole s':>9}"
          f"{'NegMAS s':>10}{'ratio':>8}")
    for actors in (2, 3):
        for issues in (5, 6):
            run_domain(actors, issues, negmas_too=have_negmas and (issues == 5 or args.large))


def run_domain(actors: int, issues: int, negmas_too: bool) -> None:
    weight, value, reservation = domain(seed=100 * actors + issues, actors=actors, issues=issues, values=11)
    ours_s, mine = timed(lambda: ours(weight, value, reservation), repeat=5)
    peak = peak_bytes(lambda: ours(weight, value, reservation))
    whole_s, whole = timed(lambda: pareto_front(tables_of(weight, value)), repeat=3)
    line = (f"{actors} actors × {issues} issues × 11".ljust(28) + f"{11**issues:>11,}{len(mine[0]):>10,}"
            f"{ours_s:>9.4f}{peak / 2**20:>9.1f}{len(whole):>7,}{whole_s:>9.4f}")
    ratio = None
    if negmas_too:
        theirs_s, theirs = timed(lambda: negmas_run(weight, value, reservation), repeat=1)
        check_equal(mine, theirs)
        ratio = theirs_s / ours_s
        line += f"{theirs_s:>10.2f}{ratio:>7.0f}×"
    else:
        line += f"{'—':>10}{'—':>8}"
    print(line)
    if issues == 5 and actors == 2 and ratio is not None:
        print(f"  target ≥ {SPEEDUP_TARGET:.0f}× faster than NegMAS: {'met' if ratio >= SPEEDUP_TARGET else 'MISSED'}")
    if issues == 6:
        ok = max(ours_s, whole_s) <= SECONDS_TARGET and peak <= BYTES_TARGET
        print(f"  target ≤ {SECONDS_TARGET:g} s and ≤ 1 GB: {'met' if ok else 'MISSED'}")


if __name__ == "__main__":
    main()
