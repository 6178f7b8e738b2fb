"""The bargaining space: per-issue zones, the Pareto frontier, Nash and Kalai–Smorodinsky
packages, and — when no package is acceptable to every veto holder — the smallest change that
would create one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any

import numpy as np

from peacetalks.case.snapshot import Snapshot
from peacetalks.case.types import Proposal
from peacetalks.deals.frontier import Front, count_acceptable, ks_index, nash_index, pareto_front
from peacetalks.deals.utility import DealError, FloatArray, Preferences, preferences


def grid(snapshot: Snapshot, extra: Sequence[Mapping[str, float]] = ()) -> list[FloatArray]:
    """The values considered on each issue: its scale's anchors (the options that appeared in
    the sources), plus any value in ``extra`` packages (e.g. the case's proposals)."""
    values: list[FloatArray] = []
    for k, issue in enumerate(snapshot.issues):
        record = snapshot.issue_records[k] if snapshot.issue_records else None
        points = {a.value for a in record.scale.anchors} if record is not None else set()
        if not points:
            points = set(np.linspace(snapshot.scale_min[k], snapshot.scale_max[k], 5))
        points |= {p[issue] for p in extra if issue in p}
        values.append(np.array(sorted(points), dtype=float))
    return values


def restrict(prefs: Preferences, rows: Sequence[int] | np.ndarray) -> Preferences:
    """The same preferences for a subset of the actors."""
    rows = np.asarray(rows, dtype=int)
    return replace(prefs, actors=tuple(prefs.actors[r] for r in rows), position=prefs.position[rows],
                   salience=prefs.salience[rows], weight=prefs.weight[rows], leaning=prefs.leaning[rows],
                   reservation=prefs.reservation[rows], veto=prefs.veto[rows],
                   limit_low=prefs.limit_low[rows], limit_high=prefs.limit_high[rows])


@dataclass(frozen=True)
class Zone:
    """One issue: each veto holder's acceptable interval (everything else going its way) and
    their overlap, the zone of possible agreement (None when the intervals do not meet)."""

    issue: str
    intervals: dict[str, tuple[float, float]]
    overlap: tuple[float, float] | None
    overlap_labels: tuple[str, str] | None


@dataclass(frozen=True)
class Point:
    """A package with each actor's utility and the words of the nearest scale anchors."""

    package: dict[str, float]
    labels: dict[str, str]
    utility: dict[str, float]


@dataclass(frozen=True)
class Change:
    """One change to one actor's reservation value, salience or red line (``issue`` is None for
    a reservation)."""

    actor: str
    kind: str  # "reservation", "salience", "red-line-low" or "red-line-high"
    issue: str | None
    current: float
    needed: float


@dataclass(frozen=True)
class Remedy:
    """Changes that together make ``point`` acceptable to every veto holder; ``size`` adds them
    up (reservation in utility, salience per 100, red lines as a share of the scale)."""

    changes: tuple[Change, ...]
    size: float
    point: Point


@dataclass(frozen=True)
class Space:
    """The bargaining space among the veto holders ``actors``.

    ``frontier_size`` counts the Pareto frontier of the whole grid; ``agreement_count`` all the
    packages every veto holder accepts (None when too many stay undecided to count);
    ``agreement_size`` the efficient ones, which ``agreement_frontier`` holds (empty when none),
    ``agreement_values`` the grid values that occur in them per issue. ``nash`` and
    ``kalai_smorodinsky`` use the reservation values as the disagreement point. When nothing is
    acceptable, ``closest`` lists the smallest changes (reservation or salience) that would make
    something acceptable, smallest first.
    """

    case_id: str
    as_of: str
    actors: tuple[str, ...]
    reservation: dict[str, float]
    issues: tuple[str, ...]
    grid_sizes: dict[str, int]
    packages: int
    zones: tuple[Zone, ...]
    frontier_size: int
    agreement_count: int | None
    agreement_size: int
    agreement_frontier: tuple[Point, ...]
    agreement_values: dict[str, tuple[float, ...]]
    nash: Point | None
    kalai_smorodinsky: Point | None
    closest: tuple[Remedy, ...]
    method: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


METHOD = ("Per-issue pruning of dominated values, issue-by-issue merging of Pareto fronts and, for "
          "the agreement set, dropping partial packages whose best completion misses a reservation "
          "value; the package space is never enumerated (see docs/deals.md).")


def veto_rows(prefs: Preferences) -> np.ndarray:
    rows = np.flatnonzero(prefs.veto)
    if len(rows) == 0:
        raise DealError("no actor holds a veto: code 'role: veto' in the case's reservations, "
                        "or name the veto holders (--veto)")
    missing = [prefs.actors[r] for r in rows if np.isnan(prefs.reservation[r])]
    if missing:
        raise DealError(f"no reservation value for {', '.join(missing)}: add them to the case's "
                        "'reservations' or pass them (--reservation ACTOR=VALUE)")
    return rows


def _label(snapshot: Snapshot, issue: int, value: float) -> str:
    if not snapshot.issue_records:
        return f"{value:g}"
    return snapshot.issue_records[issue].scale.label_for(value)


def point(snapshot: Snapshot, prefs: Preferences, package: FloatArray) -> Point:
    u = prefs.utility(package[None, :])[0]
    return Point(
        package={i: float(v) for i, v in zip(prefs.issues, package, strict=True)},
        labels={i: _label(snapshot, k, float(v)) for k, (i, v) in enumerate(zip(prefs.issues, package, strict=True))},
        utility={a: float(x) for a, x in zip(prefs.actors, u, strict=True)},
    )


def _packages(front: Front, values: Sequence[FloatArray]) -> FloatArray:
    return np.stack([values[i][front.choice[:, i]] for i in range(len(values))], axis=1) \
        if len(front) else np.zeros((0, len(values)))


def space(
    snapshot: Snapshot,
    *,
    reservation: Mapping[str, float] | None = None,
    veto: Sequence[str] | None = None,
    risk: float = 1.0,
    values: Sequence[Sequence[float]] | None = None,
    proposals: Sequence[Proposal] = (),
    frontier_limit: int = 50,
) -> Space:
    """Map the bargaining space of ``snapshot`` among its veto holders.

    ``values`` sets the values considered on each issue (default :func:`grid`: the scale
    anchors plus the values ``proposals`` take, so that each proposal is a package of the space).
    ``frontier_limit`` bounds how many agreement packages are returned (highest Nash product
    first); the count is always complete.
    """
    full = preferences(snapshot, reservation=reservation, veto=veto, risk=risk)
    rows = veto_rows(full)
    prefs = restrict(full, rows)
    stances = [{i: st.position for i, st in p.positions.items()} for p in proposals]
    grid_values = [np.asarray(v, dtype=float) for v in (values or grid(snapshot, stances))]
    if len(grid_values) != len(snapshot.issues):
        raise DealError(f"values given for {len(grid_values)} issues; the case has {len(snapshot.issues)}")
    tables = [prefs.values(i, v) for i, v in enumerate(grid_values)]
    r = prefs.reservation
    allowed = _allowed(prefs, grid_values)
    whole = pareto_front(tables)
    agree = pareto_front(tables, r, allowed)
    packages = _packages(agree, grid_values)
    if len(agree):
        product = np.prod(agree.utility - r[None, :], axis=1)
        order = np.argsort(-product, kind="stable")[:frontier_limit]
    else:
        order = np.zeros(0, dtype=int)
    nash = nash_index(agree, r)
    ks = ks_index(agree, r)
    return Space(
        case_id=snapshot.case_id,
        as_of=snapshot.as_of.isoformat(),
        actors=prefs.actors,
        reservation={a: float(x) for a, x in zip(prefs.actors, r, strict=True)},
        issues=snapshot.issues,
        grid_sizes={i: len(v) for i, v in zip(snapshot.issues, grid_values, strict=True)},
        packages=int(np.prod([len(v) for v in grid_values], dtype=float)),
        zones=zones(snapshot, prefs),
        frontier_size=len(whole),
        agreement_count=count_acceptable(tables, r, allowed) if len(agree) else 0,
        agreement_size=len(agree),
        agreement_frontier=tuple(point(snapshot, full, packages[k]) for k in order),
        agreement_values={i: tuple(float(x) for x in np.unique(packages[:, k]))
                          for k, i in enumerate(snapshot.issues)},
        nash=None if nash is None else point(snapshot, full, packages[nash]),
        kalai_smorodinsky=None if ks is None else point(snapshot, full, packages[ks]),
        closest=() if len(agree) else closest_changes(snapshot, full, rows, grid_values),
        method=METHOD,
    )


def zones(snapshot: Snapshot, prefs: Preferences) -> tuple[Zone, ...]:
    """Per issue, each actor's acceptable interval and the overlap of all of them."""
    lo, hi = prefs.red_lines()
    out = []
    for i, issue in enumerate(prefs.issues):
        held = [a for a in range(len(prefs.actors)) if not np.isnan(lo[a, i])]
        intervals = {prefs.actors[a]: (float(lo[a, i]), float(hi[a, i])) for a in held}
        if held:
            low, high = max(lo[a, i] for a in held), min(hi[a, i] for a in held)
        else:
            low, high = float(prefs.low[i]), float(prefs.high[i])
        overlap = (float(low), float(high)) if low <= high else None
        labels = None if overlap is None else (_label(snapshot, i, overlap[0]), _label(snapshot, i, overlap[1]))
        out.append(Zone(issue=issue, intervals=intervals, overlap=overlap, overlap_labels=labels))
    return tuple(out)


def closest_changes(snapshot: Snapshot, full: Preferences, rows: np.ndarray,
                    values: Sequence[FloatArray]) -> tuple[Remedy, ...]:
    """The smallest changes that make some package acceptable to every veto holder, smallest
    first: one reservation value lowered (exact: the best that actor can get while the others
    keep theirs), one salience moved (searched in steps of 5), or one red line moved to meet
    the others' limits — alone, or followed by the reservation change still needed."""
    prefs = restrict(full, rows)
    remedies: list[Remedy] = []
    for moved in [None, *_red_line_moves(prefs)]:
        changed = prefs if moved is None else moved[1]
        first = () if moved is None else (moved[0],)
        front = pareto_front(_tables(changed, values), changed.reservation, _allowed(changed, values))
        if len(front):
            remedies.append(_remedy(snapshot, full, first, changed, front, values))
            continue
        for k in range(len(rows)):
            others = changed.reservation.copy()
            others[k] = np.nan
            front = pareto_front(_tables(changed, values), others, _allowed(changed, values))
            if not len(front):
                continue
            best = int(np.argmax(front.utility[:, k]))
            step = Change(actor=prefs.actors[k], kind="reservation", issue=None,
                          current=float(prefs.reservation[k]), needed=float(front.utility[best, k]))
            remedies.append(Remedy(changes=(*first, step), size=_size(prefs, (*first, step)),
                                   point=point(snapshot, full, _packages(front, values)[best])))
    # Saliences cannot help while the red lines alone leave some issue without a value.
    conflict = any(not ok.any() for ok in _allowed(prefs, values))
    for k in range(len(rows)) if not conflict else ():
        found = _salience_change(snapshot, full, rows, k, values)
        if found is not None:
            remedies.append(found)
    return tuple(sorted(remedies, key=lambda r: r.size)[:10])


def _tables(prefs: Preferences, values: Sequence[FloatArray]) -> list[FloatArray]:
    return [prefs.values(i, v) for i, v in enumerate(values)]


def _size(prefs: Preferences, changes: Sequence[Change]) -> float:
    """Changes made comparable: reservation in utility, salience per 100, red lines per scale."""
    total = 0.0
    for c in changes:
        scale = {"reservation": 1.0, "salience": 100.0}.get(c.kind)
        if scale is None:
            i = prefs.issues.index(c.issue or "")
            scale = float(prefs.high[i] - prefs.low[i])
        total += abs(c.needed - c.current) / scale
    return total


def _remedy(snapshot: Snapshot, full: Preferences, changes: tuple[Change, ...], prefs: Preferences,
            front: Front, values: Sequence[FloatArray]) -> Remedy:
    product = np.prod(front.utility - prefs.reservation[None, :], axis=1)
    package = _packages(front, values)[int(np.argmax(product))]
    return Remedy(changes=changes, size=_size(prefs, changes), point=point(snapshot, full, package))


def _red_line_moves(prefs: Preferences) -> list[tuple[Change, Preferences]]:
    """Each red line that conflicts with another veto holder's, moved just far enough to meet it."""
    moves = []
    for k in range(len(prefs.actors)):
        others = [j for j in range(len(prefs.actors)) if j != k]
        for i, issue in enumerate(prefs.issues):
            for end in ("high", "low"):
                limits = prefs.limit_high if end == "high" else prefs.limit_low
                current = float(limits[k, i])
                if not np.isfinite(current) or not others:
                    continue
                if end == "high":
                    target = max([float(prefs.limit_low[j, i]) for j in others] + [current])
                else:
                    target = min([float(prefs.limit_high[j, i]) for j in others] + [current])
                if target == current:
                    continue
                moved = limits.copy()
                moved[k, i] = target
                change = Change(actor=prefs.actors[k], kind=f"red-line-{end}", issue=issue,
                                current=current, needed=target)
                relaxed = replace(prefs, limit_high=moved) if end == "high" else replace(prefs, limit_low=moved)
                moves.append((change, relaxed))
    return moves


def _allowed(prefs: Preferences, values: Sequence[FloatArray]) -> list[np.ndarray]:
    return [np.asarray(prefs.within_limits(i, v).all(axis=1)) for i, v in enumerate(values)]


def _salience_change(snapshot: Snapshot, full: Preferences, rows: np.ndarray, k: int,
                     values: Sequence[FloatArray]) -> Remedy | None:
    """The smallest move (in steps of 5) of one of veto holder ``k``'s saliences that makes some
    package acceptable to all."""
    a = int(rows[k])
    best: Remedy | None = None
    best_delta = np.inf
    for i in range(len(full.issues)):
        if full.salience[a, i] <= 0:
            continue
        current = float(full.salience[a, i])
        for delta in range(5, 101, 5):
            if delta >= best_delta:
                break
            tried = (_with_salience(snapshot, full, rows, a, i, current, s, values)
                     for s in (current - delta, current + delta) if 0 <= s <= 100)
            remedy = next((r for r in tried if r is not None), None)
            if remedy is not None:
                best, best_delta = remedy, delta
                break
    return best


def _with_salience(snapshot: Snapshot, full: Preferences, rows: np.ndarray, a: int, i: int,
                   current: float, salience: float, values: Sequence[FloatArray]) -> Remedy | None:
    moved = full.with_salience(a, i, salience)
    changed = restrict(moved, rows)
    front = pareto_front(_tables(changed, values), changed.reservation, _allowed(changed, values))
    if not len(front):
        return None
    change = Change(actor=full.actors[a], kind="salience", issue=full.issues[i], current=current, needed=salience)
    return _remedy(snapshot, moved, (change,), changed, front, values)
