"""Proposal rules of rules-22 (and what rules-23 took back): a proposal named by its noun with a date or its
authors, on texts written for the test, with near misses where nothing may be found."""

from __future__ import annotations

import datetime as dt

from peacetalks.ingest.clean import clean_text
from peacetalks.ingest.extract import extract
from peacetalks.ingest.lexicon import Lexicon
from peacetalks.ingest.types import Document, SourceInfo


def proposals(text: str, lexicon: Lexicon, published: dt.date | None = None) -> list[str | None]:
    doc = Document(SourceInfo("test", "text", published=published), clean_text(text).text)
    return [e.proposal_id for e in extract(doc, lexicon) if e.kind == "proposal"]


def test_a_noun_inside_a_proposals_name_is_not_what_it_is(lexicon: Lexicon) -> None:
    # the Istanbul communiqué's name holds "the main provisions of a treaty": it is a communiqué, so "the
    # treaty of 2022" is the draft treaty, the one treaty of that year
    assert proposals("Lavrov said it was Kyiv that rejected the treaty of 2022.", lexicon) == [
        "istanbul-draft-treaty-2022"
    ]
    assert proposals("Lavrov said it was Kyiv that rejected the treaty negotiated in 2022.", lexicon) == [
        "istanbul-draft-treaty-2022"
    ]
    assert proposals("The communiqué of 29 March 2022 set out Ukraine's offer.", lexicon) == ["istanbul-2022"]
    # a treaty of a year with none in the case is no proposal
    assert proposals("Lavrov said it was Kyiv that rejected the treaty of 2019.", lexicon) == []


def test_a_document_its_authors_produced(lexicon: Lexicon) -> None:
    text = "The framework Kyiv and Washington produced keeps the army at 800,000 in peacetime."
    assert proposals(text, lexicon, dt.date(2025, 12, 30)) == ["us-ukraine-20-point"]
    # talks produce no document
    assert proposals("The talks Kyiv and Washington held produced no framework.", lexicon, dt.date(2025, 12, 30)) == []


def test_a_month_of_that_year_is_read_in_the_text_s_year(lexicon: Lexicon) -> None:
    # (rules-23, then rules-25) "in March of that year" after 2022 is March 2022, not March of the published
    # year, so the offer of neutrality for guarantees is Istanbul's
    text = (
        "Talks began in 2022. In the communiqué they drew up in Istanbul in March of that year, Kyiv offered a "
        "neutral, non-nuclear Ukraine without foreign bases in return for guarantees like NATO's Article 5."
    )
    assert "istanbul-2022" in proposals(text, lexicon, dt.date(2023, 7, 12))
