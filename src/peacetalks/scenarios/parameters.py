"""Scenario parameters: the case's distributions, overrides, per-run draws and the explanation.

Each run draws one value of every parameter from its distribution. ``lognormal`` takes the mean
and standard deviation of the variable's logarithm (NumPy's convention); ``beta`` draws on 0–1.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np
from numpy.typing import NDArray

from peacetalks.case.types import Case, Parameter
from peacetalks.errors import PeacetalksError

FloatArray = NDArray[np.float64]

#: The parameters the dynamics read, in the column order of the draws matrix.
NAMES: tuple[str, ...] = (
    "gain-rate-mean", "gain-rate-volatility", "gain-rate-reversion", "km2-per-percent",
    "offensive-probability", "offensive-multiplier", "escalation-threshold", "aid-effect-on-gains",
    "ukraine-cost-per-month", "russia-cost-per-month", "ceasefire-cost-share", "strike-probability",
    "strike-cost", "strike-hardening", "strike-aid-response", "aid-drift", "sanctions-package-probability",
    "sanctions-package-size", "sanctions-cost", "ukraine-opinion-per-cost", "russia-opinion-per-cost",
    "opinion-noise", "ukraine-opinion-weight", "russia-opinion-weight", "momentum-weight", "aid-weight",
    "sanctions-weight", "ukraine-red-line-erosion", "russia-red-line-erosion", "leadership-change-probability",
    "leadership-change-shift", "mediator-engagement-mean", "mediator-reversion", "deadline-probability",
    "deadline-boost", "us-policy-change-probability", "us-policy-change-effect", "signing-probability",
    "ratification-factor", "monitored-share", "monitored-collapse-hazard", "unmonitored-collapse-hazard",
    "agreement-breakdown-hazard", "collapse-guarantee-salience", "frozen-after-months",
    "ukraine-territory-salience-per-opinion", "russia-sanctions-salience-per-sanctions",
    "ukraine-ceasefire-salience-per-cost", "russia-ceasefire-salience-per-cost",
)
INDEX = {name: k for k, name in enumerate(NAMES)}
#: Parameters that are probabilities or shares, so any value a search tries stays within 0–1.
UNIT_INTERVAL = frozenset(n for n in NAMES if n.endswith(("probability", "hazard", "share", "reversion", "factor"))
                          or n == "mediator-engagement-mean")


class ScenarioError(PeacetalksError):
    """A scenario run cannot start: missing or malformed parameters, bad options."""


@dataclass(frozen=True)
class ParameterSet:
    """The distributions a simulation draws from, in :data:`NAMES` order, with any fixed values."""

    parameters: tuple[Parameter, ...]
    fixed: dict[str, float]

    def draw(self, n: int, rng: np.random.Generator) -> FloatArray:
        """[n, P] values, one row per run. Every column consumes its random numbers whether or not
        it is fixed, so fixing one parameter leaves the draws of the others unchanged."""
        out = np.empty((n, len(NAMES)))
        for k, param in enumerate(self.parameters):
            u = rng.random(n)
            out[:, k] = self.fixed[param.id] if param.id in self.fixed else quantile(param, u)
        return out

    def with_fixed(self, values: Mapping[str, float]) -> ParameterSet:
        return ParameterSet(self.parameters, {**self.fixed, **_checked(values)})

    def bounds(self, name: str, low: float = 0.05, high: float = 0.95) -> tuple[float, float]:
        """The ``low`` and ``high`` quantiles of one parameter's distribution."""
        param = self.parameters[INDEX[name]]
        values = quantile(param, np.array([low, high]))
        return float(values[0]), float(values[1])

    def domain(self, name: str, stretch: float = 0.0) -> tuple[float, float]:
        """The range of a parameter's distribution (its support; the 0.1 % and 99.9 % quantiles
        of an unbounded one), widened by ``stretch`` times its width at each end and kept within
        what the parameter can mean."""
        tail = 0.001 if self.parameters[INDEX[name]].distribution in ("normal", "lognormal") else 0.0
        low, high = self.bounds(name, tail, 1.0 - tail)
        width = high - low
        low, high = low - stretch * width, high + stretch * width
        if self.bounds(name, tail, tail)[0] >= 0:
            low = max(low, 0.0)
        if name in UNIT_INTERVAL:
            high = min(high, 1.0)
        return low, high

    def varying(self) -> tuple[str, ...]:
        """Parameters with a spread (not fixed by their distribution nor by an override)."""
        return tuple(p.id for p in self.parameters
                     if p.distribution != "fixed" and p.id not in self.fixed)


def quantile(param: Parameter, u: FloatArray) -> FloatArray:
    """Inverse distribution function of a parameter at probabilities ``u`` (0–1)."""
    p = param.params
    u = np.clip(np.asarray(u, dtype=float), 1e-12, 1 - 1e-12)
    match param.distribution:
        case "fixed":
            return np.full_like(u, p["value"])
        case "uniform":
            return p["low"] + u * (p["high"] - p["low"])
        case "normal" | "lognormal":
            z = np.array([NormalDist().inv_cdf(float(x)) for x in u.ravel()]).reshape(u.shape)
            x = p["mean"] + p["sd"] * z
            return np.exp(x) if param.distribution == "lognormal" else x
        case "triangular":
            lo, mode, hi = p["low"], p["mode"], p["high"]
            cut = (mode - lo) / (hi - lo) if hi > lo else 0.5
            left = lo + np.sqrt(u * (hi - lo) * (mode - lo))
            right = hi - np.sqrt((1 - u) * (hi - lo) * (hi - mode))
            return np.where(u < cut, left, right)
        case _:  # beta: invert the CDF numerically on a fine grid (no SciPy dependency)
            grid = np.linspace(0.0, 1.0, 4001)
            density = grid ** (p["a"] - 1) * (1 - grid) ** (p["b"] - 1)
            density[~np.isfinite(density)] = 0.0
            cdf = np.concatenate(([0.0], np.cumsum((density[1:] + density[:-1]) / 2)))
            return np.interp(u, cdf / cdf[-1], grid)


def _checked(values: Mapping[str, float]) -> dict[str, float]:
    unknown = sorted(set(values) - set(NAMES))
    if unknown:
        raise ScenarioError(f"unknown scenario parameter(s) {', '.join(unknown)}; known: {', '.join(NAMES)}")
    bad = [k for k, v in values.items() if not math.isfinite(v)]
    if bad:
        raise ScenarioError(f"parameter(s) {', '.join(bad)} must be finite numbers")
    return {k: float(v) for k, v in values.items()}


def parameter_set(case: Case, fixed: Mapping[str, float] | None = None) -> ParameterSet:
    """The case's scenario parameters in :data:`NAMES` order; every one must be present."""
    by_id = {p.id: p for p in case.parameters}
    missing = [name for name in NAMES if name not in by_id]
    if missing:
        raise ScenarioError(
            f"case {case.id!r} lacks the scenario parameter(s) {', '.join(missing)}: add them to its "
            "'parameters' (a distribution with sources or an analyst's rationale; see docs/scenarios.md "
            "and the built-in russia-ukraine case's scenario.yaml)")
    return ParameterSet(tuple(by_id[name] for name in NAMES), _checked(fixed or {}))


def parse_assignments(items: Sequence[str]) -> dict[str, float]:
    """``PARAM=VALUE`` strings (from ``--set``) as a mapping."""
    values: dict[str, float] = {}
    for item in items:
        name, sep, text = item.partition("=")
        if not sep:
            raise ScenarioError(f"--set {item!r}: write it as PARAM=VALUE, e.g. signing-probability=0.4")
        try:
            values[name.strip()] = float(text)
        except ValueError:
            raise ScenarioError(f"--set {item!r}: {text!r} is not a number") from None
    return _checked(values)


@dataclass(frozen=True)
class Explained:
    """One parameter as the simulation uses it: its distribution, and where it comes from."""

    id: str
    description: str
    distribution: str
    params: dict[str, float]
    fixed_to: float | None
    coded_by: str
    sources: tuple[str, ...]
    urls: tuple[str, ...]
    rationale: str | None


def explain(case: Case, params: ParameterSet) -> tuple[Explained, ...]:
    """Every parameter with its source URLs or its rationale, for ``simulate --explain``."""
    rows = []
    for p in params.parameters:
        urls = tuple(case.source(s).url or f"{case.source(s).title} (no URL)" for s in p.sources)
        rows.append(Explained(id=p.id, description=p.description, distribution=p.distribution,
                              params=dict(p.params), fixed_to=params.fixed.get(p.id), coded_by=p.coded_by.value,
                              sources=p.sources, urls=urls, rationale=p.rationale))
    return tuple(rows)
