"""Sensitivity of a forecast: one-at-a-time tornado, Sobol indices, and a search for what would
lift a probability to a target.

All three use common random numbers: every simulation takes the same seed, and the dynamics
draw every random number whether or not it is used, so two runs with the same index differ only
through the parameters changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from peacetalks.case.types import Case
from peacetalks.scenarios.dynamics import Block
from peacetalks.scenarios.execution import Progress
from peacetalks.scenarios.parameters import INDEX, NAMES, FloatArray, ParameterSet, ScenarioError, quantile
from peacetalks.scenarios.simulate import simulate

METRICS = ("agreement", "stopped")


@dataclass(frozen=True)
class Bar:
    """One parameter of the tornado: the probability with it at its 5th and 95th percentile."""

    parameter: str
    low_value: float
    high_value: float
    low: float
    high: float

    @property
    def swing(self) -> float:
        return abs(self.high - self.low)


@dataclass(frozen=True)
class SobolIndex:
    parameter: str
    first: float
    total: float


@dataclass(frozen=True)
class Change:
    """One parameter moved from the median of its distribution to ``needed``; ``beyond_range``
    when that lies outside the distribution the case codes (a change of assumptions, not of luck)."""

    parameter: str
    current: float
    needed: float
    beyond_range: bool


@dataclass(frozen=True)
class Search:
    """The smallest set of parameter changes found that lifts the probability to ``target``
    (``reached`` False: the best found within the searched ranges, the coded ranges widened by
    ``stretch`` times their width at each end)."""

    target: float
    stretch: float
    reached: bool
    probability: float
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class Sensitivity:
    case_id: str
    as_of: str
    metric: str
    month: int
    runs: int
    seed: int
    baseline: float
    tornado: tuple[Bar, ...]
    sobol_runs: int
    sobol: tuple[SobolIndex, ...]
    search: Search

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for bar, raw in zip(self.tornado, d["tornado"], strict=True):
            raw["swing"] = bar.swing
        return d


def event(block: Block, metric: str, month: int) -> FloatArray:
    """Per run, 1.0 when the event happened by ``month``: a comprehensive agreement signed
    (``agreement``) or fighting stopped by a ceasefire or agreement (``stopped``)."""
    if metric == "agreement":
        hit = (block.package >= 0) & (block.package_month <= month)
    elif metric == "stopped":
        hit = (block.stop_month > 0) & (block.stop_month <= month)
    else:
        raise ScenarioError(f"unknown metric {metric!r}; use one of {', '.join(METRICS)}")
    return hit.astype(float)


def sobol_indices(y_a: FloatArray, y_b: FloatArray, y_ab: FloatArray) -> tuple[FloatArray, FloatArray]:
    """First-order (Saltelli 2010) and total (Jansen 1999) indices from outputs on the base
    matrices A and B [N] and on A with column i taken from B, ``y_ab`` [P, N]. Outputs are
    centred on their overall mean first (the first-order estimator is not shift-invariant), as
    SALib does."""
    centre = np.mean(np.concatenate([y_a, y_b, y_ab.ravel()]))
    y_a, y_b, y_ab = y_a - centre, y_b - centre, y_ab - centre
    variance = float(np.var(np.concatenate([y_a, y_b])))
    if variance == 0:
        return np.zeros(len(y_ab)), np.zeros(len(y_ab))
    first = np.mean(y_b[None, :] * (y_ab - y_a[None, :]), axis=1) / variance
    total = 0.5 * np.mean((y_a[None, :] - y_ab) ** 2, axis=1) / variance
    return first, total


def analyse(case: Case, params: ParameterSet, *, runs: int = 2000, horizon: int = 24, seed: int = 1,
            as_of: dt.date | None = None, month: int = 12, target: float = 0.5, metric: str = "agreement",
            sobol_runs: int = 512, stretch: float = 1.0, workers: int = 1,
            progress: Progress | None = None) -> Sensitivity:
    """Tornado, Sobol indices and the target search for one metric at one month."""
    if not 1 <= month <= horizon:
        raise ScenarioError(f"month {month} must lie within the horizon (1–{horizon})")

    def probability(fixed: ParameterSet, n: int = runs, draws: FloatArray | None = None) -> FloatArray:
        forecast = simulate(case, fixed, n, horizon, seed, as_of=as_of, workers=workers, draws=draws,
                            progress=progress)
        return event(forecast.raw, metric, month)

    baseline = float(probability(params).mean())
    varying = params.varying()
    bars = []
    for name in varying:
        low, high = params.bounds(name)
        p_low = float(probability(params.with_fixed({name: low})).mean())
        p_high = float(probability(params.with_fixed({name: high})).mean())
        bars.append(Bar(parameter=name, low_value=low, high_value=high, low=p_low, high=p_high))
    bars.sort(key=lambda b: -b.swing)
    sobol: list[SobolIndex] = []
    if sobol_runs:
        first, total = _sobol(params, varying, sobol_runs, seed, lambda d: probability(params, len(d), d))
        sobol = sorted((SobolIndex(n, float(f), float(t)) for n, f, t in zip(varying, first, total, strict=True)),
                       key=lambda s: -s.total)
    search = _search(params, bars, baseline, target, stretch, lambda fixed: float(probability(fixed).mean()))
    when = as_of or case.as_of
    return Sensitivity(case_id=case.id, as_of=when.isoformat(), metric=metric, month=month, runs=runs, seed=seed,
                       baseline=baseline, tornado=tuple(bars), sobol_runs=sobol_runs, sobol=tuple(sobol),
                       search=search)


def _sobol(params: ParameterSet, varying: tuple[str, ...], n: int, seed: int,
           evaluate: Callable[[FloatArray], FloatArray]) -> tuple[FloatArray, FloatArray]:
    """Saltelli's scheme: A and B from independent uniforms, then A with each column from B.
    All matrices share the run index, hence each run's shock stream."""
    rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(2**20,)))
    u_a, u_b = rng.random((n, len(varying))), rng.random((n, len(varying)))

    def matrix(u: FloatArray) -> FloatArray:
        out = np.empty((n, len(NAMES)))
        for k, p in enumerate(params.parameters):
            out[:, k] = params.fixed[p.id] if p.id in params.fixed else quantile(p, np.full(n, 0.5))
        for j, name in enumerate(varying):
            out[:, INDEX[name]] = quantile(params.parameters[INDEX[name]], u[:, j])
        return out

    a, b = matrix(u_a), matrix(u_b)
    y_a, y_b = evaluate(a), evaluate(b)
    y_ab = np.empty((len(varying), n))
    for j, name in enumerate(varying):
        ab = a.copy()
        ab[:, INDEX[name]] = b[:, INDEX[name]]
        y_ab[j] = evaluate(ab)
    return sobol_indices(y_a, y_b, y_ab)


def _search(params: ParameterSet, bars: list[Bar], baseline: float, target: float, stretch: float,
            evaluate: Callable[[ParameterSet], float]) -> Search:
    """Coordinate ascent: at each step try every parameter not yet moved at the end of its
    (widened) range that the tornado says raises the probability (both ends where the tornado
    saw no effect), move the one that helps most — only as far as needed (bisection) once the
    target is within reach — and repeat until the target is met or nothing helps."""
    fixed: dict[str, float] = {}
    changes: list[Change] = []
    best = baseline
    direction = {b.parameter: (1 if b.high > b.low else -1 if b.high < b.low else 0) for b in bars}
    while best < target:
        tried: list[tuple[float, str, float]] = []
        for name, sign in direction.items():
            if name in fixed:
                continue
            low, high = params.domain(name, stretch)
            for end in ((high,) if sign > 0 else (low,) if sign < 0 else (low, high)):
                tried.append((evaluate(params.with_fixed({**fixed, name: end})), name, end))
        if not tried:
            break
        value, name, end = max(tried)
        if value <= best:
            break
        param = params.parameters[INDEX[name]]
        current = float(quantile(param, np.array([0.5]))[0])
        needed = end
        if value >= target:
            lo, hi = current, end  # bisect on the value between the median and the end
            for _ in range(6):
                mid = (lo + hi) / 2
                p_mid = evaluate(params.with_fixed({**fixed, name: mid}))
                if p_mid >= target:
                    hi, needed, value = mid, mid, p_mid
                else:
                    lo = mid
        fixed[name] = needed
        coded = params.domain(name)
        changes.append(Change(name, current, float(needed), not coded[0] <= needed <= coded[1]))
        best = value
    return Search(target=target, stretch=stretch, reached=best >= target, probability=best, changes=tuple(changes))
