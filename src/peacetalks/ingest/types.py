"""The values ingestion produces: documents with their metadata, and evidence items.

:class:`Evidence` is the JSON contract of ``peacetalks ingest --format json``: its fields and
their meaning are documented in ``docs/ingest.md`` and change only by adding fields.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
from dataclasses import MISSING, asdict, dataclass, field, fields
from functools import cached_property
from typing import Any, Literal

Kind = Literal["stance", "figure", "proposal", "event"]
Polarity = Literal["positive", "negative"]

#: The most characters of cleaned text kept per document: the rest is cut off (and the document
#: says so), so one huge input cannot exhaust memory or time.
MAX_CHARS = 2_000_000


@dataclass(frozen=True)
class SourceInfo:
    """Where a document came from and what it says about itself."""

    location: str  # a path or URL as given
    kind: Literal["text", "html", "url", "feed-item"]
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: dt.date | None = None
    url: str | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        return data


@dataclass(frozen=True)
class Document:
    """A cleaned article: ``text`` is what evidence offsets point into."""

    source: SourceInfo
    text: str
    removed_lines: int = 0  # boilerplate lines dropped by cleaning
    truncated: bool = False

    @cached_property  # asked for once per evidence item: hash the text once
    def id(self) -> str:
        """Identity of the cleaned text: the same article read twice gets the same id."""
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True)
class Evidence:
    """One thing an article says, located in its cleaned text.

    ``text`` is ``document.text[start:end]``; ``sentence`` the whole sentence around it, from
    ``sentence_start``. ``extractor`` names the rule that fired (``stance/verb``, ``figure/area``…).
    """

    kind: Kind
    text: str
    start: int
    end: int
    sentence: str
    sentence_start: int
    extractor: str
    confidence: float
    source_id: str | None = None  # the document's id (its record's source.id)
    actor_id: str | None = None
    actor_name: str | None = None
    speaker_id: str | None = None  # the person or body named, before resolving to its state
    issue_id: str | None = None
    issue_name: str | None = None
    proposal_id: str | None = None
    proposal_name: str | None = None
    stance: str | None = None
    polarity: Polarity | None = None
    conditional: bool = False
    condition: str | None = None
    value: float | str | None = None
    unit: str | None = None
    measure: str | None = None
    event_type: str | None = None
    date: str | None = None  # ISO date, or YYYY-MM / YYYY when only that is given
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        # What asdict gives, without its recursive copy of every field (the fields but ``extra``
        # hold plain values), which took longer than extracting the evidence.
        data = {name: getattr(self, name) for name in _EVIDENCE_FIELDS}
        data["extra"] = copy.deepcopy(self.extra)
        return data


_EVIDENCE_FIELDS = tuple(f.name for f in fields(Evidence))
_EVIDENCE_DEFAULTS = {f.name: f.default for f in fields(Evidence) if f.default is not MISSING}
_EVIDENCE_REQUIRED = frozenset(f.name for f in fields(Evidence) if f.default is MISSING and f.name != "extra")
_ALL_FIELDS = frozenset(_EVIDENCE_FIELDS)


def evidence(**values: Any) -> Evidence:
    """``Evidence(**values)``, made without the frozen dataclass's ``__init__``, which sets each of
    its 26 fields through ``object.__setattr__``: that took a tenth of the time of extraction. The
    item is the same (equal, frozen); a missing or unknown field is an error as before. (Should
    Evidence get a ``__post_init__`` or ``__slots__``, this must do what they do.)"""
    return evidence_of(values)


def evidence_of(values: dict[str, Any]) -> Evidence:
    """:func:`evidence` of the fields in ``values``, a dict the item takes over (so that a caller
    with its fields in a dict already need not unpack them into a new one)."""
    if not values.keys() >= _EVIDENCE_REQUIRED or not values.keys() <= _ALL_FIELDS:
        return Evidence(**values)  # raises the TypeError that names the field
    item = object.__new__(Evidence)
    state = item.__dict__
    state.update(_EVIDENCE_DEFAULTS)
    state["extra"] = {}
    state.update(values)
    return item
