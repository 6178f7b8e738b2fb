"""Utilities, reservation values and deal roles as aligned arrays.

An actor's utility for a package ``x`` (one value per issue) is

    U_a(x) = Σ_i w_ai · (1 − d_ai(x_i)^ρ),   d_ai(x) = |x − p_ai| / (max_i − min_i)

with ``p_ai`` its position, ``w_ai`` its saliences normalised to sum to 1 over the issues it
holds a position on, and ``ρ`` the risk curvature (1 linear; above 1 the loss is convex in
distance, a risk-averse actor; below 1 risk-acceptant). An actor with a ``leaning`` treats its
positions as demands: a value beyond its position towards that end of the scales has d = 0.
U = 1 at the actor's positions; 0 at the far end of every scale. The reservation value is the
utility of no deal on the same scale.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import NDArray

from peacetalks.case.snapshot import Snapshot
from peacetalks.case.types import DealRole, Leaning
from peacetalks.errors import PeacetalksError

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]


class DealError(PeacetalksError):
    """A deals analysis cannot run on this input (missing reservation values, unknown ids…)."""


@dataclass(frozen=True, eq=False)
class Preferences:
    """Everything a deals analysis needs about the actors, as arrays [actor, issue].

    ``salience`` is the raw 0–100 salience (0 where the actor holds no position) and ``weight``
    the same normalised per actor. ``reservation`` is NaN for an actor with none coded;
    ``veto`` marks actors whose consent a deal needs; ``leaning`` is −1 (lower end), +1 (higher
    end) or 0 (none); ``limit_low`` and ``limit_high`` are the coded red lines (±inf where none).
    """

    actors: tuple[str, ...]
    issues: tuple[str, ...]
    position: FloatArray
    salience: FloatArray
    weight: FloatArray
    low: FloatArray
    high: FloatArray
    leaning: NDArray[np.int64]
    reservation: FloatArray
    veto: BoolArray
    limit_low: FloatArray
    limit_high: FloatArray
    risk: float = 1.0

    def values(self, issue: int, x: FloatArray) -> FloatArray:
        """Weighted utility each actor gets from values ``x`` [K] on one issue: shape [K, A]."""
        x = np.asarray(x, dtype=float)[:, None]
        p = self.position[:, issue][None, :]
        # Leaning lower (−1) only minds values above its position, leaning higher (+1) below.
        against = np.maximum((x - p) * -self.leaning[None, :], 0.0)
        gap = np.where(self.leaning[None, :] == 0, np.abs(x - p), against)
        d = gap / (self.high[issue] - self.low[issue])
        v = 1.0 - (d if self.risk == 1.0 else d**self.risk)
        w = self.weight[:, issue][None, :]
        return np.asarray(np.where(w > 0, w * v, 0.0))

    def utility(self, packages: FloatArray) -> FloatArray:
        """Utilities of packages [N, I] for every actor: shape [N, A]."""
        packages = np.atleast_2d(np.asarray(packages, dtype=float))
        total = np.zeros((packages.shape[0], len(self.actors)))
        for i in range(len(self.issues)):
            total += self.values(i, packages[:, i])
        return total

    def losses(self, package: FloatArray) -> FloatArray:
        """What each actor loses on each issue against its positions: shape [A, I]."""
        package = np.asarray(package, dtype=float)
        return np.stack([self.weight[:, i] - self.values(i, package[i : i + 1])[0]
                         for i in range(len(self.issues))], axis=1)

    def within_limits(self, issue: int, x: FloatArray) -> BoolArray:
        """Whether values ``x`` [K] of one issue respect each actor's red line: [K, A]."""
        x = np.asarray(x, dtype=float)[:, None]
        return np.asarray((x >= self.limit_low[None, :, issue]) & (x <= self.limit_high[None, :, issue]))

    def acceptable(self, packages: FloatArray) -> BoolArray:
        """[N, A]: utility at least the reservation and every red line respected (False for an
        actor without a reservation)."""
        packages = np.atleast_2d(np.asarray(packages, dtype=float))
        ok = self.utility(packages) >= self.reservation[None, :]
        for i in range(len(self.issues)):
            ok &= self.within_limits(i, packages[:, i])
        return np.asarray(ok)

    def red_lines(self) -> tuple[FloatArray, FloatArray]:
        """Per actor and issue, the interval of values it could accept if every other issue went
        its way — its coded red line, narrowed to what its reservation value allows: [A, I]
        lower and upper ends (NaN where the actor has no reservation or no position)."""
        span = self.high - self.low
        slack = 1.0 - self.reservation[:, None]
        with np.errstate(divide="ignore", invalid="ignore"):
            reach = (slack / self.weight) ** (1.0 / self.risk) * span[None, :]
        reach = np.where(self.weight > 0, reach, np.inf)
        lo = np.where(self.leaning[:, None] < 0, -np.inf, self.position - reach)
        hi = np.where(self.leaning[:, None] > 0, np.inf, self.position + reach)
        lo = np.maximum(np.maximum(lo, self.low[None, :]), self.limit_low)
        hi = np.minimum(np.minimum(hi, self.high[None, :]), self.limit_high)
        none = np.isnan(self.reservation)[:, None] | (self.weight <= 0)
        return np.where(none, np.nan, lo), np.where(none, np.nan, hi)

    def index(self, actor: str) -> int:
        if actor not in self.actors:
            raise DealError(f"no actor {actor!r} in this analysis; known: {', '.join(self.actors)}")
        return self.actors.index(actor)

    def with_salience(self, actor: int, issue: int, salience: float) -> Preferences:
        """The same preferences with one salience (0–100) changed and the weights renormalised."""
        changed = self.salience.copy()
        changed[actor, issue] = salience
        return replace(self, salience=changed, weight=_normalise(changed))


def _normalise(salience: FloatArray) -> FloatArray:
    total = salience.sum(axis=1, keepdims=True)
    return np.asarray(np.where(total > 0, salience / np.where(total > 0, total, 1.0), 0.0))


def preferences(
    snapshot: Snapshot,
    *,
    actors: Sequence[str] | None = None,
    reservation: Mapping[str, float] | None = None,
    veto: Sequence[str] | None = None,
    risk: float = 1.0,
) -> Preferences:
    """The preferences of ``actors`` (default: every actor of the snapshot with a position).

    ``reservation`` overrides the case's reservation values by actor; ``veto`` overrides which
    actors hold a veto (default: the case's ``role: veto``).
    """
    if not risk > 0:
        raise DealError(f"risk curvature must be positive, got {risk}")
    names = tuple(actors) if actors is not None else snapshot.actors
    for name in names:
        if name not in snapshot.actors:
            raise DealError(f"no actor {name!r} with positions in case {snapshot.case_id!r}; "
                            f"known: {', '.join(snapshot.actors)}")
    rows = [snapshot.actors.index(a) for a in names]
    held = ~np.ma.getmaskarray(snapshot.position)[rows]
    salience = np.where(held, snapshot.salience.data[rows], 0.0)
    records = snapshot.reservations or (None,) * len(snapshot.actors)
    coded = [records[r] for r in rows]
    res = np.array([np.nan if c is None else c.value for c in coded])
    for name, value in (reservation or {}).items():
        if name not in names:
            raise DealError(f"reservation given for {name!r}, which is not in the analysis; "
                            f"actors: {', '.join(names)}")
        if not 0.0 <= value <= 1.0:
            raise DealError(f"reservation of {name!r} must lie in 0–1, got {value}")
        res[names.index(name)] = value
    if veto is None:
        vetoes = np.array([c is not None and c.role is DealRole.VETO for c in coded])
    else:
        unknown = sorted(set(veto) - set(names))
        if unknown:
            raise DealError(f"veto given for {', '.join(unknown)}, not in the analysis; actors: {', '.join(names)}")
        vetoes = np.array([a in veto for a in names])
    leaning = np.array([0 if c is None or c.leaning is None else (-1 if c.leaning is Leaning.LOWER else 1)
                        for c in coded], dtype=np.int64)
    limit_low = np.full(held.shape, -np.inf)
    limit_high = np.full(held.shape, np.inf)
    for a, record in enumerate(coded):
        for line in record.red_lines if record is not None else ():
            i = snapshot.issues.index(line.issue)
            limit_low[a, i] = -np.inf if line.low is None else line.low
            limit_high[a, i] = np.inf if line.high is None else line.high
    prefs = Preferences(
        actors=names,
        issues=snapshot.issues,
        position=np.where(held, snapshot.position.data[rows], np.nan),
        salience=salience,
        weight=_normalise(salience),
        low=snapshot.scale_min.astype(float),
        high=snapshot.scale_max.astype(float),
        leaning=leaning,
        reservation=res,
        veto=vetoes,
        limit_low=limit_low,
        limit_high=limit_high,
        risk=float(risk),
    )
    return prefs
