"""A case as of a date: aligned actor × issue arrays for the analysis layers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from peacetalks.case.types import Case, Issue, Position, Reservation

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True, eq=False)
class Snapshot:
    """Positions, saliences and capabilities as of a date.

    ``position``, ``salience`` and ``capability`` are masked arrays of shape
    (len(actors), len(issues)); a cell is masked when the actor had stated no position on the
    issue by ``as_of`` — never a silent zero. ``records`` holds the :class:`Position` behind each
    cell (or ``None``) so every number can be traced to its sources.
    """

    case_id: str
    case_hash: str
    as_of: dt.date
    actors: tuple[str, ...]
    issues: tuple[str, ...]
    position: np.ma.MaskedArray
    salience: np.ma.MaskedArray
    capability: np.ma.MaskedArray
    scale_min: np.ndarray
    scale_max: np.ndarray
    records: tuple[tuple[Position | None, ...], ...]
    reservations: tuple[Reservation | None, ...] = ()
    issue_records: tuple[Issue, ...] = ()

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.actors), len(self.issues)

    def record(self, actor: str, issue: str) -> Position | None:
        """The position in force for ``actor`` on ``issue`` as of the snapshot's date."""
        for wanted, known, what in ((actor, self.actors, "actor"), (issue, self.issues, "issue")):
            if wanted not in known:
                raise KeyError(f"no {what} {wanted!r} in this snapshot; known: {', '.join(known)}")
        return self.records[self.actors.index(actor)][self.issues.index(issue)]

    def to_dataframe(self) -> pd.DataFrame:
        """One row per actor and issue with a position: values, date, sources and coding."""
        import pandas as pd

        rows = [
            {
                "actor": rec.actor,
                "issue": rec.issue,
                "position": rec.position,
                "salience": rec.salience,
                "capability": rec.capability,
                "as_of": rec.as_of,
                "confidence": rec.confidence.value,
                "coded_by": rec.coded_by.value,
                "sources": list(rec.sources),
                "rationale": rec.rationale,
            }
            for row in self.records
            for rec in row
            if rec is not None
        ]
        columns = ["actor", "issue", "position", "salience", "capability", "as_of", "confidence",
                   "coded_by", "sources", "rationale"]
        return pd.DataFrame(rows, columns=columns)


def take_snapshot(case: Case, as_of: dt.date, actors: list[str] | None = None) -> Snapshot:
    """The latest position at or before ``as_of`` for each actor and issue.

    By default the rows are every actor that holds a position anywhere in the case, in case
    order, so snapshots of one case at different dates have the same shape.
    """
    with_positions = {p.actor for p in case.positions}
    if actors is None:
        actor_ids = tuple(a.id for a in case.actors if a.id in with_positions)
    else:
        for actor_id in actors:
            case.actor(actor_id)  # raises KeyError naming the known actors
        actor_ids = tuple(actors)
    issue_ids = tuple(i.id for i in case.issues)
    row = {a: k for k, a in enumerate(actor_ids)}
    col = {i: k for k, i in enumerate(issue_ids)}

    latest: dict[tuple[int, int], Position] = {}
    for pos in case.positions:
        if pos.as_of > as_of or pos.actor not in row:
            continue
        key = (row[pos.actor], col[pos.issue])
        if key not in latest or pos.as_of > latest[key].as_of:
            latest[key] = pos

    shape = (len(actor_ids), len(issue_ids))
    values = np.zeros((3, *shape))
    mask = np.ones(shape, dtype=bool)
    records: list[list[Position | None]] = [[None] * shape[1] for _ in range(shape[0])]
    for (a, i), pos in latest.items():
        values[:, a, i] = (pos.position, pos.salience, pos.capability)
        mask[a, i] = False
        records[a][i] = pos

    def masked(k: int) -> np.ma.MaskedArray:
        return np.ma.MaskedArray(values[k], mask=mask.copy())

    issues = [case.issue(i) for i in issue_ids]
    reservations: dict[str, Reservation] = {}
    for res in case.reservations:
        if res.as_of <= as_of and res.actor in row and (
                res.actor not in reservations or res.as_of > reservations[res.actor].as_of):
            reservations[res.actor] = res
    return Snapshot(
        case_id=case.id,
        case_hash=case.content_hash,
        as_of=as_of,
        actors=actor_ids,
        issues=issue_ids,
        position=masked(0),
        salience=masked(1),
        capability=masked(2),
        scale_min=np.array([i.scale.min for i in issues], dtype=float),
        scale_max=np.array([i.scale.max for i in issues], dtype=float),
        records=tuple(tuple(r) for r in records),
        reservations=tuple(reservations.get(a) for a in actor_ids),
        issue_records=tuple(issues),
    )
