"""Back-tests: forecasts from past dates, with only what the case knew then, scored against what
happened — Brier score (0–1 scale, 0 best), log score and a reliability table — next to two
naive baselines.

The event scored is "fighting stopped (a general ceasefire or a comprehensive agreement) within
k months", for every k whose window closed by the last observation of the case's outcome
indicator (:data:`OUTCOME_INDICATOR`).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from itertools import pairwise
from typing import Any

import numpy as np

from peacetalks.case.types import Case, Indicator
from peacetalks.scenarios.execution import Progress
from peacetalks.scenarios.forecast import month_labels
from peacetalks.scenarios.parameters import ScenarioError
from peacetalks.scenarios.simulate import simulate

OUTCOME_INDICATOR = "general-ceasefire"
DEFAULT_DATES = ("2022-04-15", "2023-02-15", "2024-06-15", "2025-03-15", "2025-11-15", "2025-12-15")
#: Forecasts are kept within [ε, 1 − ε] for the log score, so one confident miss is finite.
EPSILON = 0.01
EVENT = "fighting stopped (general ceasefire or agreement) within k months"


@dataclass(frozen=True)
class Scored:
    as_of: str
    months: int
    by: str
    probability: float
    happened: bool
    base_rate: float
    no_change: float


@dataclass(frozen=True)
class Score:
    forecaster: str
    brier: float
    log: float


@dataclass(frozen=True)
class DateScores:
    """The scores of the windows of one forecast date (they nest: k months within k + 1)."""

    as_of: str
    windows: int
    scores: tuple[Score, ...]


@dataclass(frozen=True)
class Bin:
    low: float
    high: float
    count: int
    mean_forecast: float
    observed: float


@dataclass(frozen=True)
class Backtest:
    case_id: str
    event: str
    runs: int
    seed: int
    forecasts: tuple[Scored, ...]
    scores: tuple[Score, ...]
    reliability: tuple[Bin, ...]
    skipped: tuple[str, ...]
    by_date: tuple[DateScores, ...] = ()
    brier_scale: str = "0–1: mean squared difference between forecast probability and outcome (0 or 1); 0 is best"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def add_months(day: dt.date, months: int) -> dt.date:
    m = day.month - 1 + months
    year, month = day.year + m // 12, m % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def outcome(indicator: Indicator, start: dt.date, end: dt.date) -> bool | None:
    """Whether a general ceasefire was in force at some time in (start, end]; None when the
    indicator does not reach ``end`` yet."""
    inside = [o for o in indicator.series if start < o.date <= end]
    if any(o.value >= 0.5 for o in inside):
        return True
    if not any(o.date >= end for o in indicator.series):
        return None
    return False


def brier(p: np.ndarray, y: np.ndarray) -> float:
    return float(np.mean((p - y) ** 2))


def log_score(p: np.ndarray, y: np.ndarray) -> float:
    """Mean negative log-likelihood in nats (lower is better), forecasts clipped to [ε, 1 − ε]."""
    q = np.clip(p, EPSILON, 1 - EPSILON)
    return float(-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q)))


def reliability(p: np.ndarray, y: np.ndarray, bins: int = 10) -> tuple[Bin, ...]:
    edges = np.linspace(0, 1, bins + 1)
    which = np.clip(np.digitize(p, edges[1:-1]), 0, bins - 1)
    return tuple(Bin(float(edges[b]), float(edges[b + 1]), int((which == b).sum()), float(p[which == b].mean()),
                     float(y[which == b].mean())) for b in range(bins) if (which == b).any())


def base_rate(indicator: Indicator, as_of: dt.date, months: int) -> float:
    """A constant monthly hazard from the record so far (starts of a general ceasefire per month
    observed, with one pseudo-event in one pseudo-month each way), as P(within ``months``)."""
    seen = sorted((o for o in indicator.series if o.date <= as_of), key=lambda o: o.date)
    span = 0 if not seen else max(1, round((as_of - seen[0].date).days / 30.44))
    starts = sum(1 for a, b in pairwise(seen) if a.value < 0.5 <= b.value)
    hazard = (starts + 1) / (span + 2)
    return 1 - (1 - hazard) ** months


def _indicator(case: Case) -> Indicator:
    try:
        return case.indicator(OUTCOME_INDICATOR)
    except KeyError:
        raise ScenarioError(f"case {case.id!r} has no indicator {OUTCOME_INDICATOR!r} recording whether a general "
                            "ceasefire was in force; add one (see docs/scenarios.md) to back-test") from None


def _closed(indicator: Indicator, day: dt.date, stopped: Sequence[float]) -> list[Scored]:
    """The forecast's windows that have closed, each with what happened and the baselines."""
    now = outcome(indicator, day - dt.timedelta(days=1), day) or False
    labels = month_labels(day, len(stopped))
    out = []
    for k in range(1, len(stopped) + 1):
        happened = outcome(indicator, day, add_months(day, k))
        if happened is not None:
            out.append(Scored(as_of=day.isoformat(), months=k, by=labels[k - 1], probability=float(stopped[k - 1]),
                              happened=happened, base_rate=base_rate(indicator, day, k),
                              no_change=1.0 if now else 0.0))
    return out


def _score(scored: Sequence[Scored]) -> tuple[Score, ...]:
    y = np.array([s.happened for s in scored], dtype=float)
    return tuple(Score(name, brier(p, y), log_score(p, y)) for name, p in (
        ("peacetalks scenarios", np.array([s.probability for s in scored])),
        ("base rate", np.array([s.base_rate for s in scored])),
        ("no change", np.array([s.no_change for s in scored]))))


def _scores(case: Case, scored: list[Scored], skipped: list[str], runs: int, seed: int) -> Backtest:
    if not scored:
        return Backtest(case_id=case.id, event=EVENT, runs=runs, seed=seed, forecasts=(), scores=(), reliability=(),
                        skipped=tuple(skipped))
    y = np.array([s.happened for s in scored], dtype=float)
    p_model = np.array([s.probability for s in scored])
    dates = sorted({s.as_of for s in scored})
    by_date = tuple(DateScores(day, sum(s.as_of == day for s in scored), _score([s for s in scored if s.as_of == day]))
                    for day in dates)
    return Backtest(case_id=case.id, event=EVENT, runs=runs, seed=seed, forecasts=tuple(scored),
                    scores=_score(scored), reliability=reliability(p_model, y), skipped=tuple(skipped),
                    by_date=by_date)


def backtest(case: Case, dates: Sequence[dt.date], *, runs: int = 2000, seed: int = 1,
             progress: Progress | None = None) -> Backtest:
    """Forecast from each date and score every window that has closed."""
    indicator = _indicator(case)
    last = max(o.date for o in indicator.series)
    scored: list[Scored] = []
    skipped: list[str] = []
    for day in dates:
        horizon = sum(1 for k in range(1, 241) if add_months(day, k) <= last)
        if horizon == 0:
            skipped.append(f"{day}: no outcome is known yet for any window after it (outcomes recorded to {last})")
            continue
        try:
            forecast = simulate(case, None, runs, horizon, seed, as_of=day, progress=progress)
        except ScenarioError as exc:
            skipped.append(f"{day}: {exc}")
            continue
        scored.extend(_closed(indicator, day, forecast.stopped))
    return _scores(case, scored, skipped, runs, seed)


def grade(case: Case, ledger: Sequence[tuple[int, Mapping[str, Any]]]) -> Backtest:
    """Score forecasts from the ledger (run id, stored forecast) on the windows that have closed
    by the case's latest outcome observation; forecasts with none closed are listed as skipped."""
    indicator = _indicator(case)
    scored: list[Scored] = []
    skipped: list[str] = []
    for run_id, document in ledger:
        closed = _closed(indicator, dt.date.fromisoformat(document["as_of"]), document["stopped"])
        if not closed:
            skipped.append(f"run {run_id} (from {document['as_of']}): no window has closed yet")
        scored.extend(closed)
    return _scores(case, scored, skipped, runs=0, seed=0)
