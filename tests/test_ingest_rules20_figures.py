"""The proposal and figure classes of rules-20, tuned on heldout36/37 and the older sets: each class
as probe sentences that must give the item, and near misses that must give none."""

from __future__ import annotations

import datetime as dt

from builtincase import lexicon
from peacetalks.ingest.extract import extract
from peacetalks.ingest.types import Document, SourceInfo
from test_ingest_references import proposals  # the same probe helpers as the other proposal tests


def figures(text: str, published: dt.date | None = None) -> list[tuple[object, str | None]]:
    doc = Document(SourceInfo("a.txt", "text", published=published), text)
    return [(e.value, e.unit) for e in extract(doc, lexicon()) if e.kind == "figure"]


# --- class 1: the Minsk Protocol by its formal title ----------------------------------------------


def test_the_minsk_protocol_is_named_by_its_formal_title() -> None:
    text = "The text, formally the protocol on the results of consultations of the Trilateral Contact Group, has twelve points."
    assert [p for _, p in proposals(text)] == ["minsk-i"]


def test_the_formal_title_and_its_short_name_in_apposition_are_one_mention() -> None:
    text = "The Protocol on the results of consultations of the Trilateral Contact Group — the Minsk Protocol — was signed."
    assert [p for _, p in proposals(text)] == ["minsk-i"]


def test_consultations_of_the_contact_group_alone_name_no_proposal() -> None:
    assert proposals("The results of consultations of the Trilateral Contact Group were disappointing.") == []
