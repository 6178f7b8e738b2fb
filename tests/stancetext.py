"""The stances the rules read in a short text, for the tests of the stance rules."""

from __future__ import annotations

from peacetalks.ingest.clean import clean_text
from peacetalks.ingest.extract import extract
from peacetalks.ingest.lexicon import Lexicon
from peacetalks.ingest.types import Document, Evidence, SourceInfo


def stances(text: str, lexicon: Lexicon) -> list[Evidence]:
    """The stance items of ``text``, each checked to quote the text at its offsets."""
    doc = Document(SourceInfo("test", "text"), clean_text(text).text)
    found = [e for e in extract(doc, lexicon) if e.kind == "stance"]
    for e in found:
        assert doc.text[e.start : e.end] == e.text
    return found


def pairs(text: str, lexicon: Lexicon) -> set[tuple[str | None, str | None]]:
    """The (actor, issue or proposal) pairs of the stances of ``text``."""
    return {(e.actor_id, e.issue_id or e.proposal_id) for e in stances(text, lexicon)}
