"""The values the store returns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from peacetalks.case.types import Position

if TYPE_CHECKING:
    from peacetalks.ingest.digest import Reported


@dataclass(frozen=True)
class SaveResult:
    """What :meth:`Store.save_case` did: ``created``, ``unchanged`` or ``replaced``, and how many
    positions it kept as they were, marked superseded, and added."""

    case_id: str
    status: Literal["created", "unchanged", "replaced"]
    content_hash: str
    kept: int = 0
    superseded: int = 0
    added: int = 0

    def __str__(self) -> str:
        if self.status == "replaced":
            counts = f"{self.kept} positions kept, {self.superseded} superseded, {self.added} added"
        else:
            counts = f"{self.kept + self.added} positions"
        return f"case {self.case_id!r} {self.status}: {counts}"


@dataclass(frozen=True)
class StoredCase:
    """A stored case as listed: ``positions`` counts its current positions."""

    id: str
    name: str
    as_of: dt.date
    content_hash: str
    saved_at: dt.datetime
    positions: int


@dataclass(frozen=True)
class StoredPosition:
    """One recorded version of a position: valid from ``position.as_of``, known to the store from
    ``recorded_at`` until ``superseded_at`` (None while it is current)."""

    position: Position
    recorded_at: dt.datetime
    superseded_at: dt.datetime | None


@dataclass(frozen=True)
class RunRecord:
    """One analysis run in the registry."""

    id: int
    case_id: str
    case_hash: str
    kind: str
    parameters: dict[str, Any]
    seed: int | None
    version: str
    result: dict[str, Any]
    created_at: dt.datetime


@dataclass(frozen=True)
class StoredUpdate:
    """A case update proposed from an article's evidence, and the review decision on it."""

    id: int
    case_id: str
    document_id: str
    kind: str
    as_of: dt.date
    actor: str | None
    issue: str | None
    evidence: tuple[int, ...]
    payload: dict[str, Any]
    summary: str
    status: str
    decided_at: dt.datetime | None
    note: str | None
    source_title: str | None
    source_url: str

    @property
    def cited_documents(self) -> list[str]:
        """The documents an accepted update cites: its own, then the earlier articles a
        repeated-insistence salience update counted."""
        return [self.document_id, *self.payload.get("also_documents", [])]


@dataclass(frozen=True)
class StoredEvidence:
    """One stored evidence item with its document; ``date`` is the article's (or the ingest's)."""

    document_id: str
    ordinal: int
    title: str | None
    url: str
    date: dt.date
    duplicate_of: str | None
    item: dict[str, Any]

    def reported(self) -> Reported:
        """The item as the digest, timeline and salience rules take it."""
        from peacetalks.ingest.digest import Reported

        return Reported(self.date, self.title, self.url, self.duplicate_of is not None, self.item, self.document_id,
                        self.ordinal)  # fmt: skip
