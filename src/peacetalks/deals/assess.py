"""Proposal assessment: each actor's utility, acceptability, red lines and deal-breakers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

import numpy as np

from peacetalks.case.snapshot import Snapshot
from peacetalks.case.types import Proposal
from peacetalks.deals.frontier import pareto_front
from peacetalks.deals.space import grid as default_grid
from peacetalks.deals.space import restrict
from peacetalks.deals.utility import DealError, FloatArray, Preferences, preferences


class Silence(StrEnum):
    """How an issue a proposal says nothing about is valued.

    ``expectation``: it settles where the actors expect, the weighted-median forecast of the
    snapshot (capability × salience weights). ``status-quo``: it stays where it stands without a
    deal (the issue's ``status_quo`` in the case).
    """

    EXPECTATION = "expectation"
    STATUS_QUO = "status-quo"


@dataclass(frozen=True)
class IssueGap:
    """One actor's view of one issue of a package."""

    issue: str
    value: float
    silent: bool
    position: float | None
    red_line_low: float | None
    red_line_high: float | None
    beyond_red_line: float
    loss: float


@dataclass(frozen=True)
class Verdict:
    """One actor's verdict on a package. ``acceptable`` is None without a reservation value;
    ``deal_breakers`` are the issues whose red line the package crosses, then the fewest further
    issues that, moved to the actor's positions, would lift it to its reservation value
    (largest loss first). ``robust`` says whether the verdict is the same at both ends of the
    reservation's coded ``range`` (None without a range, or when the reservation was overridden)."""

    actor: str
    veto: bool
    utility: float
    reservation: float | None
    acceptable: bool | None
    margin: float | None
    robust: bool | None
    deal_breakers: tuple[str, ...]
    issues: tuple[IssueGap, ...]


@dataclass(frozen=True)
class Assessment:
    """A proposal judged by every actor of the analysis.

    ``package`` is the value on every issue (silent issues filled as ``silence`` says);
    ``accepted`` is whether every veto holder accepts it (None when one lacks a reservation);
    ``nash_product`` is Π max(0, u − r) over the veto holders; ``dominated_by`` is a package on
    the Pareto frontier of the veto holders that is better for all of them, if one exists.
    """

    proposal: str
    name: str
    date: str
    status: str
    silence: str
    package: dict[str, float]
    silent: tuple[str, ...]
    verdicts: tuple[Verdict, ...]
    accepted: bool | None
    nash_product: float | None
    dominated_by: dict[str, float] | None
    dominated_gain: dict[str, float] | None

    def verdict(self, actor: str) -> Verdict:
        for v in self.verdicts:
            if v.actor == actor:
                return v
        raise DealError(f"no actor {actor!r} in this assessment; known: {', '.join(v.actor for v in self.verdicts)}")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (infinities and NaN never occur)."""
        return asdict(self)


def choose_silence(snapshot: Snapshot, silence: Silence | str | None) -> Silence:
    """``None`` means status quo where the case codes one on every issue, else expectation."""
    if silence is not None:
        return Silence(silence)
    coded = snapshot.issue_records and all(r.status_quo is not None for r in snapshot.issue_records)
    return Silence.STATUS_QUO if coded else Silence.EXPECTATION


def fill_silence(snapshot: Snapshot, proposal: Proposal, silence: Silence | str) -> tuple[FloatArray, tuple[str, ...]]:
    """The proposal as a full package [I] and the issues it is silent on."""
    silence = Silence(silence)
    stated = np.array([proposal.positions[i].position if i in proposal.positions else np.nan
                       for i in snapshot.issues])
    silent = tuple(i for i in snapshot.issues if i not in proposal.positions)
    return np.where(np.isnan(stated), default_values(snapshot, silence), stated), silent


def default_values(snapshot: Snapshot, silence: Silence | str) -> FloatArray:
    """What a silent proposal leaves each issue at, by the chosen rule."""
    silence = Silence(silence)
    if silence is Silence.STATUS_QUO:
        records = snapshot.issue_records
        missing = [r.id for r in records if r.status_quo is None]
        if missing or not records:
            raise DealError(f"silence 'status-quo' needs a status_quo on every issue; missing on: "
                            f"{', '.join(missing) or 'all issues'} (add 'status_quo' to those issues "
                            "in the case, or use silence 'expectation')")
        return np.array([r.status_quo.value for r in records if r.status_quo is not None])
    # Imported here: the models package loads Numba, which only this rule needs.
    from peacetalks.models.base import per_issue
    from peacetalks.models.central import weighted_median

    expected = per_issue(snapshot, weighted_median)
    # An issue nobody weighs in on has no forecast: take the middle of its scale.
    return np.where(np.isnan(expected), (snapshot.scale_min + snapshot.scale_max) / 2, expected)


def assess(
    snapshot: Snapshot,
    proposal: Proposal,
    *,
    silence: Silence | str | None = None,
    reservation: Mapping[str, float] | None = None,
    actors: Sequence[str] | None = None,
    risk: float = 1.0,
    grid: Sequence[Sequence[float]] | None = None,
) -> Assessment:
    """Judge one proposal for every actor of ``snapshot`` (or ``actors``).

    ``silence`` says how issues the proposal is silent on are valued (default: the status quo
    when the case codes one for every issue, else the actors' expectation; see :class:`Silence`).
    ``reservation`` overrides the case's reservation values by actor. ``grid`` gives the values
    searched on each issue for a dominating package (default :func:`peacetalks.deals.space.grid`).
    """
    prefs = preferences(snapshot, actors=actors, reservation=reservation, risk=risk)
    rule = choose_silence(snapshot, silence)
    package, silent = fill_silence(snapshot, proposal, rule)
    return _assess(prefs, snapshot, proposal, package, silent, rule, grid, set(reservation or ()))


def assess_all(snapshot: Snapshot, proposals: Sequence[Proposal], **options: Any) -> tuple[Assessment, ...]:
    """:func:`assess` for each proposal, with the same options."""
    return tuple(assess(snapshot, p, **options) for p in proposals)


def _assess(prefs: Preferences, snapshot: Snapshot, proposal: Proposal, package: FloatArray,
            silent: tuple[str, ...], silence: Silence, grid: Sequence[Sequence[float]] | None,
            overridden: set[str]) -> Assessment:
    utility = prefs.utility(package[None, :])[0]
    losses = prefs.losses(package)
    lo, hi = prefs.red_lines()
    inside = np.stack([prefs.within_limits(i, package[i:i + 1])[0] for i in range(len(prefs.issues))], axis=1)
    verdicts = []
    for a, actor in enumerate(prefs.actors):
        r = prefs.reservation[a]
        has_r = not np.isnan(r)
        gaps = []
        for i, issue in enumerate(prefs.issues):
            held = prefs.weight[a, i] > 0
            low, high = (float(lo[a, i]), float(hi[a, i])) if held and has_r else (None, None)
            beyond = 0.0 if low is None or high is None else max(low - package[i], package[i] - high, 0.0)
            gaps.append(IssueGap(
                issue=issue, value=float(package[i]), silent=issue in silent,
                position=float(prefs.position[a, i]) if held else None,
                red_line_low=low, red_line_high=high, beyond_red_line=float(beyond),
                loss=float(losses[a, i]),
            ))
        crossed = [int(i) for i in np.flatnonzero(~inside[a])]
        breakers = tuple(prefs.issues[i] for i in crossed)
        short = r - utility[a] - losses[a, crossed].sum()
        if has_r and short > 0:
            rest = [i for i in np.argsort(-losses[a], kind="stable") if i not in crossed]
            needed = int(np.searchsorted(np.cumsum(losses[a][rest]), short - 1e-12)) + 1
            breakers += tuple(prefs.issues[i] for i in rest[:needed])
        acceptable = bool(utility[a] >= r and not crossed) if has_r else None
        verdicts.append(Verdict(
            actor=actor, veto=bool(prefs.veto[a]), utility=float(utility[a]),
            reservation=float(r) if has_r else None,
            acceptable=acceptable,
            robust=_robust(snapshot, actor, float(utility[a]), acceptable, bool(crossed), overridden),
            margin=float(utility[a] - r) if has_r else None,
            deal_breakers=breakers, issues=tuple(gaps),
        ))
    vetoes = np.flatnonzero(prefs.veto)
    known = len(vetoes) > 0 and not np.isnan(prefs.reservation[vetoes]).any()
    accepted = all(verdicts[a].acceptable for a in vetoes) if known else None
    nash = float(np.prod(np.maximum(utility[vetoes] - prefs.reservation[vetoes], 0.0))) if known else None
    dominated_by, gain = _dominating(prefs, snapshot, package, utility, vetoes, grid)
    return Assessment(
        proposal=proposal.id, name=proposal.name, date=proposal.date.isoformat(),
        status=proposal.status.value, silence=silence.value,
        package={i: float(v) for i, v in zip(prefs.issues, package, strict=True)}, silent=silent,
        verdicts=tuple(verdicts), accepted=accepted, nash_product=nash,
        dominated_by=dominated_by, dominated_gain=gain,
    )


def _robust(snapshot: Snapshot, actor: str, utility: float, acceptable: bool | None, crossed: bool,
            overridden: set[str]) -> bool | None:
    if crossed:
        return True  # rejected on a red line, whatever the reservation value
    record = dict(zip(snapshot.actors, snapshot.reservations, strict=False)).get(actor)
    if acceptable is None or record is None or record.range is None or actor in overridden:
        return None
    return (utility >= record.range.low) == (utility >= record.range.high)


def _dominating(prefs: Preferences, snapshot: Snapshot, package: FloatArray, utility: FloatArray,
                vetoes: np.ndarray, grid: Sequence[Sequence[float]] | None
                ) -> tuple[dict[str, float] | None, dict[str, float] | None]:
    """A frontier package better for every veto holder, the one whose smallest gain is largest."""
    if len(vetoes) == 0:
        return None, None
    own = [dict(zip(prefs.issues, package, strict=True))]
    values = [np.asarray(g, dtype=float) for g in (grid or default_grid(snapshot, own))]
    sub = restrict(prefs, vetoes)
    tables = [sub.values(i, v) for i, v in enumerate(values)]
    # A dominating package may not cross a red line the proposal respects.
    allowed = [sub.within_limits(i, v).all(axis=1) | np.isclose(v, package[i]) for i, v in enumerate(values)]
    front = pareto_front(tables, utility[vetoes], allowed)
    gains = front.utility - utility[vetoes][None, :]
    better = (gains >= 0).all(axis=1) & (gains > 1e-9).any(axis=1)
    if not better.any():
        return None, None
    best = int(np.argmax(np.where(better, gains.min(axis=1), -np.inf)))
    chosen = {i: float(values[k][front.choice[best, k]]) for k, i in enumerate(prefs.issues)}
    return chosen, {prefs.actors[a]: float(g) for a, g in zip(vetoes, gains[best], strict=True)}
