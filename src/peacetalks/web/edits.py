"""What-if edits: a variant of a case with some positions, saliences, capabilities or
reservation values changed, and an unsaved package built issue by issue.

Edits become ordinary case records dated at the what-if date and coded ``analyst`` with a
rationale that says what was changed from what, so a saved variant is as traceable as any case.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from peacetalks.case.types import (
    Case,
    CodedBy,
    Id,
    Position,
    Proposal,
    ProposalStance,
    ProposalStatus,
)
from peacetalks.errors import PeacetalksError

Score = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]
Finite = Annotated[float, Field(allow_inf_nan=False)]
#: Bounds on one request, so a client cannot make the server build an enormous variant.
MAX_EDITS = 2000


class EditError(PeacetalksError):
    """An edit that does not fit the case (unknown actor, value off the scale, …)."""


class PositionEdit(BaseModel):
    """New values for one actor on one issue; a value left out keeps the one in force."""

    model_config = ConfigDict(extra="forbid")
    actor: Id
    issue: Id
    position: Finite | None = None
    salience: Score | None = None
    capability: Score | None = None


class ReservationEdit(BaseModel):
    """A new reservation value (0–1, the deals utility scale) for an actor that has one coded."""

    model_config = ConfigDict(extra="forbid")
    actor: Id
    value: Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)]


class Edits(BaseModel):
    """What to change, as of ``as_of`` (default: the case's date; not after it)."""

    model_config = ConfigDict(extra="forbid")
    as_of: dt.date | None = None
    positions: list[PositionEdit] = Field(default_factory=list, max_length=MAX_EDITS)
    reservations: list[ReservationEdit] = Field(default_factory=list, max_length=MAX_EDITS)

    def is_empty(self) -> bool:
        return not self.positions and not self.reservations


def when(case: Case, as_of: dt.date | None) -> dt.date:
    """The analysis date: ``as_of`` or the case's own, never after the case's date."""
    date = as_of or case.as_of
    if date > case.as_of:
        raise EditError(f"as_of {date} is after the case's date {case.as_of}: choose {case.as_of} or earlier")
    return date


def apply_edits(case: Case, edits: Edits) -> Case:
    """The case with ``edits`` applied (the case itself when there are none)."""
    if edits.is_empty():
        return case
    date = when(case, edits.as_of)
    snapshot = case.snapshot(date)
    positions = list(case.positions)
    for edit in edits.positions:
        _known(case, edit.actor, edit.issue)
        base = snapshot.record(edit.actor, edit.issue) if edit.actor in snapshot.actors else None
        new = _edited_position(edit, base, date)
        positions = [p for p in positions if (p.actor, p.issue, p.as_of) != (new.actor, new.issue, date)]
        positions.append(new)
    reservations = list(case.reservations)
    for change in edits.reservations:
        if change.actor not in {a.id for a in case.actors}:
            _unknown("actor", change.actor)
        coded = [r for r in case.reservations if r.actor == change.actor and r.as_of <= date]
        if not coded:
            raise EditError(f"actor {change.actor!r} has no reservation value coded by {date}: only coded "
                            "reservation values can be changed (add one to the case file)")
        latest = max(coded, key=lambda r: r.as_of)
        new_res = latest.model_copy(update={
            "as_of": date, "value": change.value, "coded_by": CodedBy.ANALYST,
            "range": latest.range if latest.range and latest.range.low <= change.value <= latest.range.high else None,
            "rationale": f"What-if edit: reservation value {latest.value:g} → {change.value:g} "
                         f"(was: {latest.rationale or 'coded from sources'})",
        })
        reservations = [r for r in reservations if (r.actor, r.as_of) != (change.actor, date)]
        reservations.append(new_res)
    return revalidate(case, positions=tuple(positions), reservations=tuple(reservations))


def revalidate(case: Case, **changes: Any) -> Case:
    """``case`` with ``changes``, checked as a whole: a :class:`EditError` lists what is wrong."""
    document = case.model_dump()
    document.update(changes)
    try:
        return Case.model_validate(document)
    except ValidationError as exc:
        listed = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'case'}: {e['msg']}" for e in exc.errors()[:10])
        raise EditError(f"the edited case is not valid: {listed}") from None


def _known(case: Case, actor: str, issue: str) -> None:
    if actor not in {a.id for a in case.actors}:
        _unknown("actor", actor)
    if issue not in {i.id for i in case.issues}:
        _unknown("issue", issue)


def _unknown(kind: str, value: str) -> None:
    raise EditError(f"no {kind} {value!r} in the case")


def _edited_position(edit: PositionEdit, base: Position | None, date: dt.date) -> Position:
    values = {"position": edit.position, "salience": edit.salience, "capability": edit.capability}
    if base is None:
        missing = [k for k, v in values.items() if v is None]
        if missing:
            raise EditError(f"{edit.actor!r} holds no position on {edit.issue!r} as of {date}: give "
                            f"{', '.join(missing)} too")
        changed = "new position"
        sources: tuple[str, ...] = ()
    else:
        changed = ", ".join(f"{k} {getattr(base, k):g} → {v:g}" for k, v in values.items()
                            if v is not None and v != getattr(base, k)) or "no value changed"
        sources = base.sources
    try:
        return Position(
            actor=edit.actor, issue=edit.issue, as_of=date,
            position=edit.position if edit.position is not None else base.position,  # type: ignore[union-attr]
            salience=edit.salience if edit.salience is not None else base.salience,  # type: ignore[union-attr]
            capability=edit.capability if edit.capability is not None else base.capability,  # type: ignore[union-attr]
            sources=sources, confidence=base.confidence if base else "low", coded_by=CodedBy.ANALYST,
            rationale=f"What-if edit: {changed}",
        )
    except ValidationError as exc:
        raise EditError(f"{edit.actor!r} on {edit.issue!r}: {exc.errors()[0]['msg']}") from None


class Package(BaseModel):
    """A package built issue by issue: the value on each issue it takes a stand on."""

    model_config = ConfigDict(extra="forbid")
    positions: dict[Id, Finite] = Field(default_factory=dict, max_length=MAX_EDITS)
    name: Annotated[str, Field(min_length=1, max_length=200)] = "Package built in the dashboard"


def package_proposal(case: Case, package: Package, date: dt.date) -> Proposal:
    """The package as an unsaved draft proposal of ``case``. It is built without validation
    because a draft cites no source yet (a saved proposal must); the values are checked here."""
    for issue_id, value in package.positions.items():
        if issue_id not in {i.id for i in case.issues}:
            _unknown("issue", issue_id)
        scale = case.issue(issue_id).scale
        if not scale.contains(value):
            raise EditError(f"{value:g} on {issue_id!r} lies outside its scale [{scale.min:g}, {scale.max:g}]")
    return Proposal.model_construct(
        id="package", name=package.name, date=date, status=ProposalStatus.DRAFT, authors=(), summary=None,
        sources=(), positions={k: ProposalStance(position=v) for k, v in package.positions.items()},
        provisions=(), phases=(),
    )
