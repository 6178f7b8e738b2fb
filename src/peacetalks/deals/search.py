"""Packages near a proposal that every veto holder accepts, and cross-issue trades (logrolls)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from peacetalks.case.snapshot import Snapshot
from peacetalks.case.types import Proposal
from peacetalks.deals.assess import choose_silence, fill_silence
from peacetalks.deals.frontier import pareto_front
from peacetalks.deals.space import Point, _allowed, _label, grid, point, restrict, veto_rows
from peacetalks.deals.utility import DealError, FloatArray, preferences


@dataclass(frozen=True)
class Move:
    """One issue changed from the proposal's value to another."""

    issue: str
    before: float
    after: float
    before_label: str
    after_label: str


@dataclass(frozen=True)
class Nearby:
    """An acceptable package, the moves that reach it from the proposal and their size
    (the sum of the moves as shares of each scale)."""

    distance: float
    moves: tuple[Move, ...]
    point: Point
    acceptable_to: tuple[str, ...]


@dataclass(frozen=True)
class Search:
    """The packages closest to a proposal that every actor in ``actors`` accepts, nearest first
    (empty when there is none: :func:`peacetalks.deals.space` says what would change that)."""

    proposal: str
    silence: str
    actors: tuple[str, ...]
    start: Point
    results: tuple[Nearby, ...]
    method: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Logroll:
    """A two-issue trade from a starting package: each move alone costs some veto holder, both
    together leave every veto holder at least as well off. ``gains`` by actor (all actors)."""

    moves: tuple[Move, Move]
    gains: dict[str, float]
    point: Point


SEARCH_METHOD = ("Closeness to the proposal (minus the scale-normalised distance, additive over "
                 "issues) is added as one more objective; the frontier of (closeness, utilities) "
                 "among packages every veto holder accepts is built with the pruned frontier "
                 "search, and its members are ranked by distance. Results are the nearest "
                 "acceptable packages not beaten on every count by a nearer one.")


def _moves(snapshot: Snapshot, before: FloatArray, after: FloatArray) -> tuple[Move, ...]:
    return tuple(
        Move(issue=issue, before=float(before[i]), after=float(after[i]),
             before_label=_label(snapshot, i, float(before[i])), after_label=_label(snapshot, i, float(after[i])))
        for i, issue in enumerate(snapshot.issues) if not np.isclose(before[i], after[i])
    )


def search(
    snapshot: Snapshot,
    proposal: Proposal,
    *,
    limit: int = 5,
    silence: str | None = None,
    reservation: Mapping[str, float] | None = None,
    veto: Sequence[str] | None = None,
    accept_by: Sequence[str] | None = None,
    risk: float = 1.0,
    values: Sequence[Sequence[float]] | None = None,
) -> Search:
    """The ``limit`` packages nearest to ``proposal`` that every veto holder accepts — or, with
    ``accept_by``, that those actors accept (e.g. only the party that rejects the proposal).
    See ``SEARCH_METHOD``."""
    full = preferences(snapshot, reservation=reservation, veto=veto, risk=risk)
    if accept_by:
        rows = np.array([full.index(a) for a in accept_by])
        missing = [full.actors[r] for r in rows if np.isnan(full.reservation[r])]
        if missing:
            raise DealError(f"no reservation value for {', '.join(missing)}: acceptance cannot be judged")
    else:
        rows = veto_rows(full)
    prefs = restrict(full, rows)
    rule = choose_silence(snapshot, silence)
    start, _ = fill_silence(snapshot, proposal, rule)
    around = [dict(zip(snapshot.issues, start, strict=True))]
    grid_values = [np.asarray(v, dtype=float) for v in (values or grid(snapshot, around))]
    span = prefs.high - prefs.low
    tables = [np.column_stack([prefs.values(i, v), -np.abs(v - start[i]) / span[i]]) for i, v in enumerate(grid_values)]
    bound = np.append(prefs.reservation, np.nan)
    front = pareto_front(tables, bound, _allowed(prefs, grid_values))
    order = np.argsort(-front.utility[:, -1], kind="stable")[:limit]
    ok = full.acceptable
    results = []
    for k in order:
        package = np.array([grid_values[i][front.choice[k, i]] for i in range(len(grid_values))])
        accepted = ok(package[None, :])[0]
        results.append(Nearby(distance=float(-front.utility[k, -1]), moves=_moves(snapshot, start, package),
                              point=point(snapshot, full, package),
                              acceptable_to=tuple(a for a, yes in zip(full.actors, accepted, strict=True) if yes)))
    return Search(proposal=proposal.id, silence=rule.value, actors=prefs.actors,
                  start=point(snapshot, full, start), results=tuple(results), method=SEARCH_METHOD)


def logrolls(
    snapshot: Snapshot,
    proposal: Proposal | None = None,
    *,
    limit: int = 10,
    silence: str | None = None,
    reservation: Mapping[str, float] | None = None,
    veto: Sequence[str] | None = None,
    risk: float = 1.0,
) -> tuple[Logroll, ...]:
    """Two-issue trades from ``proposal`` (default: the status quo, or the expectation where the
    case codes no status quo) that leave every veto holder better off, largest smallest gain
    first. Every pair of issues and every pair of grid values is tried (I² K² cases, a few
    thousand on the built-in case); moves across a veto holder's red line are left out."""
    full = preferences(snapshot, reservation=reservation, veto=veto, risk=risk)
    rows = veto_rows(full)
    prefs = restrict(full, rows)
    rule = choose_silence(snapshot, silence)
    if proposal is None:
        from peacetalks.deals.assess import default_values

        start = default_values(snapshot, rule)
    else:
        start, _ = fill_silence(snapshot, proposal, rule)
    values = grid(snapshot, [dict(zip(snapshot.issues, start, strict=True))])
    allowed = _allowed(prefs, values)
    delta = [prefs.values(i, v) - prefs.values(i, start[i:i + 1]) for i, v in enumerate(values)]
    found: list[tuple[float, int, int, int, int]] = []
    for i in range(len(values)):
        hurts_i = (delta[i] < -1e-12).any(axis=1) & allowed[i]
        for j in range(i + 1, len(values)):
            hurts_j = (delta[j] < -1e-12).any(axis=1) & allowed[j]
            total = delta[i][:, None, :] + delta[j][None, :, :]
            good = (total >= -1e-12).all(axis=2) & (total > 1e-9).any(axis=2)
            good &= hurts_i[:, None] & hurts_j[None, :]
            for ki, kj in zip(*np.nonzero(good), strict=True):
                found.append((float(total[ki, kj].min()), i, int(ki), j, int(kj)))
    found.sort(key=lambda f: -f[0])
    out = []
    for _, i, ki, j, kj in found[:limit]:
        package = start.copy()
        package[i], package[j] = values[i][ki], values[j][kj]
        moves = _moves(snapshot, start, package)
        before = full.utility(start[None, :])[0]
        after = full.utility(package[None, :])[0]
        out.append(Logroll(moves=(moves[0], moves[1]),
                           gains={a: float(g) for a, g in zip(full.actors, after - before, strict=True)},
                           point=point(snapshot, full, package)))
    return tuple(out)
