"""The result of a simulation: outcome probabilities by month with Monte Carlo intervals, time
to a ceasefire, signed terms, fan-chart data and the runs that explain the extremes."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from peacetalks.scenarios.dynamics import OUTCOMES, SHOCKS, STATE, WAR, Block
from peacetalks.scenarios.packages import Packages
from peacetalks.scenarios.parameters import NAMES, ParameterSet, quantile

if TYPE_CHECKING:
    import pandas as pd

QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)
#: z for the 95 % Wilson interval of a Monte Carlo proportion.
_Z = 1.959963984540054


@dataclass(frozen=True)
class Interval:
    low: float
    high: float


@dataclass(frozen=True)
class Explanation:
    """One run that stands for an extreme of the forecast, and why it went that way."""

    kind: str
    run: int
    path: str
    shocks: dict[str, int]
    notable: dict[str, float]
    terms: dict[str, str] | None


@dataclass(frozen=True)
class SignedPackage:
    """One package signed as a comprehensive agreement: its index among the candidates (the
    ``package`` column of :meth:`Forecast.runs_frame`), the share of runs that signed it first,
    and its terms per issue in scale words."""

    index: int
    share: float
    terms: dict[str, str]


@dataclass(frozen=True)
class Forecast:
    """Outcome probabilities per month (``months[k]`` is the month ending ``k + 1`` months
    after ``as_of``). Intervals are 95 % Wilson intervals of the Monte Carlo proportion: they
    measure simulation noise, not model uncertainty, which the parameter draws already carry.

    ``stopped`` is the share of runs in which fighting has stopped (ceasefire or agreement) at
    least once by each month; ``median_months_to_ceasefire`` is the first month at which that
    share reaches one half (None: beyond the horizon). ``signed_terms`` gives, per issue, the
    share of first-signed comprehensive agreements at each scale label. ``fan`` holds quantiles
    of each state variable per month (index 0 = the forecast date). ``sequencing_readiness`` is
    the share of phased steps needing no guarantor in the latest phased proposals
    (``sequencing_from``), a factor on the chance of signing a comprehensive agreement.
    """

    case_id: str
    case_hash: str
    as_of: str
    runs: int
    horizon: int
    seed: int
    backend: str
    version: str
    overrides: dict[str, float]
    outcomes: tuple[str, ...]
    months: tuple[str, ...]
    probability: dict[str, tuple[float, ...]]
    interval: dict[str, tuple[Interval, ...]]
    stopped: tuple[float, ...]
    agreement_signed: tuple[float, ...]
    median_months_to_ceasefire: int | None
    signed_terms: dict[str, dict[str, float]]
    signed_packages: tuple[SignedPackage, ...]
    fan: dict[str, dict[str, tuple[float, ...]]]
    extremes: tuple[Explanation, ...]
    candidate_packages: int
    sequencing_readiness: float
    sequencing_from: tuple[str, ...]
    raw: Block = field(repr=False, compare=False)
    issues: tuple[str, ...] = field(default=(), repr=False, compare=False)
    package_values: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)), repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: everything but the per-run arrays (see :meth:`runs_frame`)."""
        skip = {"raw", "issues", "package_values"}
        return {k: v for k, v in asdict(self).items() if k not in skip} | {
            "interval": {o: [[i.low, i.high] for i in v] for o, v in self.interval.items()}}

    def probability_by(self, month: int, outcome: str) -> float:
        return self.probability[outcome][month - 1]

    def runs_frame(self) -> pd.DataFrame:
        """One row per run and month: outcome and every state variable, for notebooks."""
        import pandas as pd

        n, h = self.raw.outcome.shape
        frame = pd.DataFrame({
            "run": np.repeat(np.arange(n), h),
            "month": np.tile(np.arange(1, h + 1), n),
            "date": np.tile(np.array(self.months), n),
            "outcome": pd.Categorical.from_codes(self.raw.outcome.ravel().astype(np.int64),
                                                categories=pd.Index(list(OUTCOMES))),
        })
        for k, name in enumerate(STATE):
            frame[name] = self.raw.state[:, 1:, k].ravel()
        frame["package"] = np.repeat(self.raw.package, h)
        return frame


def month_labels(as_of: dt.date, horizon: int) -> tuple[str, ...]:
    out = []
    for k in range(1, horizon + 1):
        m = as_of.month - 1 + k
        out.append(f"{as_of.year + m // 12:04d}-{m % 12 + 1:02d}")
    return tuple(out)


def wilson(p: np.ndarray, n: int) -> list[Interval]:
    centre = (p + _Z**2 / (2 * n)) / (1 + _Z**2 / n)
    half = _Z * np.sqrt(p * (1 - p) / n + _Z**2 / (4 * n**2)) / (1 + _Z**2 / n)
    return [Interval(float(max(c - h, 0.0)), float(min(c + h, 1.0))) for c, h in zip(centre, half, strict=True)]


def summarise(block: Block, packages: Packages, params: ParameterSet, *, case_id: str, case_hash: str,
              as_of: dt.date, seed: int, backend: str, version: str) -> Forecast:
    n, horizon = block.outcome.shape
    probability = {o: tuple(float(x) for x in (block.outcome == k).mean(axis=0)) for k, o in enumerate(OUTCOMES)}
    interval = {o: tuple(wilson(np.array(p), n)) for o, p in probability.items()}
    months = np.arange(1, horizon + 1)
    stop = block.stop_month.astype(int)
    stopped = ((stop[:, None] > 0) & (stop[:, None] <= months[None, :])).mean(axis=0)
    signed = ((block.package[:, None] >= 0) & (block.package_month[:, None] <= months[None, :])).mean(axis=0)
    reached = np.flatnonzero(stopped >= 0.5)
    levels = np.quantile(block.state, QUANTILES, axis=0)  # [Q, H + 1, V] in one partition
    fan = {name: {f"q{int(q * 100):02d}": tuple(float(x) for x in levels[j, :, k]) for j, q in enumerate(QUANTILES)}
           for k, name in enumerate(STATE)}
    return Forecast(
        case_id=case_id, case_hash=case_hash, as_of=as_of.isoformat(), runs=n, horizon=horizon, seed=seed,
        backend=backend, version=version, overrides=dict(params.fixed), outcomes=OUTCOMES,
        months=month_labels(as_of, horizon), probability=probability, interval=interval,
        stopped=tuple(float(x) for x in stopped), agreement_signed=tuple(float(x) for x in signed),
        median_months_to_ceasefire=int(reached[0]) + 1 if len(reached) else None,
        signed_terms=signed_terms(block, packages), signed_packages=signed_packages(block, packages), fan=fan,
        extremes=extremes(block, packages, params),
        candidate_packages=len(packages), sequencing_readiness=packages.readiness,
        sequencing_from=packages.readiness_from, raw=block, issues=packages.issues, package_values=packages.values,
    )


def signed_terms(block: Block, packages: Packages) -> dict[str, dict[str, float]]:
    chosen = block.package[block.package >= 0]
    out: dict[str, dict[str, float]] = {}
    for i, issue in enumerate(packages.issues):
        counts: dict[str, float] = {}
        if len(chosen):
            values, count = np.unique(packages.values[chosen, i], return_counts=True)
            for v, c in zip(values, count, strict=True):
                label = packages.label(int(np.flatnonzero(packages.values[:, i] == v)[0]), i)
                counts[label] = counts.get(label, 0.0) + float(c) / len(chosen)
        out[issue] = dict(sorted(counts.items(), key=lambda kv: -kv[1]))
    return out


def signed_packages(block: Block, packages: Packages, top: int = 10) -> tuple[SignedPackage, ...]:
    """The ``top`` packages signed first most often, share of all runs."""
    chosen = block.package[block.package >= 0]
    if not len(chosen):
        return ()
    index, count = np.unique(chosen, return_counts=True)
    order = np.argsort(-count, kind="stable")[:top]
    n = len(block.package)
    return tuple(SignedPackage(int(index[k]), float(count[k]) / n,
                               {issue: packages.label(int(index[k]), i) for i, issue in enumerate(packages.issues)})
                 for k in order)


def _path(codes: np.ndarray) -> str:
    """'continued-war ×5, ceasefire-monitored ×3, …' for one run."""
    parts, start = [], 0
    for k in range(1, len(codes) + 1):
        if k == len(codes) or codes[k] != codes[start]:
            parts.append(f"{OUTCOMES[int(codes[start])]} ×{k - start}")
            start = k
    return ", ".join(parts)


def extremes(block: Block, packages: Packages, params: ParameterSet) -> tuple[Explanation, ...]:
    """The earliest agreement, the earliest ceasefire, the most escalated run and the run with
    the most months of war, each with its path, shocks and most unusual parameter draws."""
    picks: list[tuple[str, int]] = []
    has_deal = np.flatnonzero(block.package >= 0)
    if len(has_deal):
        picks.append(("earliest comprehensive agreement", int(has_deal[np.argmin(block.package_month[has_deal])])))
    stopped = np.flatnonzero(block.stop_month > 0)
    if len(stopped):
        picks.append(("earliest end of fighting", int(stopped[np.argmin(block.stop_month[stopped])])))
    escalation = (block.outcome == 1).sum(axis=1)
    if escalation.max() > 0:
        picks.append(("most months of escalation", int(np.argmax(escalation))))
    war = ((block.outcome == WAR) | (block.outcome == 1)).sum(axis=1)
    picks.append(("war to the horizon", int(np.argmax(war))))
    out = []
    for kind, run in picks:
        share = {name: _rank(params, name, float(block.draws[run, k])) for k, name in enumerate(NAMES)
                 if name in params.varying()}
        notable = dict(sorted(share.items(), key=lambda kv: -abs(kv[1] - 0.5))[:4])
        pkg = int(block.package[run])
        terms = None if pkg < 0 else {issue: packages.label(pkg, i) for i, issue in enumerate(packages.issues)}
        out.append(Explanation(kind=kind, run=run, path=_path(block.outcome[run]),
                               shocks={s: int(block.shocks[run, k]) for k, s in enumerate(SHOCKS)},
                               notable={k: round(v, 3) for k, v in notable.items()}, terms=terms))
    return tuple(out)


def _rank(params: ParameterSet, name: str, value: float) -> float:
    """Where ``value`` lies in the parameter's distribution (its quantile, 0–1)."""
    grid = quantile(params.parameters[NAMES.index(name)], np.linspace(0, 1, 201))
    return float(np.interp(value, grid, np.linspace(0, 1, 201)))
