"""Dates and proposal references of rules-25 to rules-27, on texts written for the test: a month "of that
year", a day of the month a dated sentence names, a day near a past perfect, the date an article reaches by days
without a year, an author's document of the weeks before an article, an owner standing for a plural's document,
a subject laying a document down past words between commas; with near misses."""

from __future__ import annotations

import datetime as dt

from peacetalks.ingest.clean import clean_text
from peacetalks.ingest.extract import extract
from peacetalks.ingest.lexicon import Lexicon
from peacetalks.ingest.types import Document, Evidence, SourceInfo


def evidence(text: str, lexicon: Lexicon, published: dt.date | None = None) -> list[Evidence]:
    return extract(Document(SourceInfo("test", "text", published=published), clean_text(text).text), lexicon)


def proposals(text: str, lexicon: Lexicon, published: dt.date | None = None) -> list[str | None]:
    return [e.proposal_id for e in evidence(text, lexicon, published) if e.kind == "proposal"]


def dates(text: str, lexicon: Lexicon, published: dt.date | None = None) -> list[object]:
    return [e.value for e in evidence(text, lexicon, published) if e.kind == "figure" and e.unit == "date"]


def test_a_month_of_that_year_takes_the_year_the_text_gave(lexicon: Lexicon) -> None:
    text = "The General Assembly voted in March 2022. In October of that year it condemned the annexations."
    assert dates(text, lexicon, dt.date(2024, 2, 20)) == ["2022-03", "2022-10"]
    # without "of that year" a month is read against the published date, as news writes it
    assert dates("The assembly voted in March 2022. In October it met again.", lexicon, dt.date(2024, 11, 2)) == [
        "2022-03",
        "2024-10",
    ]


def test_a_day_of_the_month_the_sentence_dated_is_in_that_year(lexicon: Lexicon) -> None:
    text = "Russia, June 2024: Putin's conditions of 14 June asked Ukraine to give up its NATO bid."
    assert dates(text, lexicon, dt.date(2026, 1, 28)) == ["2024-06", "2024-06-14"]
    assert proposals(text, lexicon, dt.date(2026, 1, 28)) == ["russia-june-2024-terms"]
    # another month of the sentence says nothing of the day's year
    assert dates("Russia, May 2024: the talks of 14 June were cancelled.", lexicon, dt.date(2026, 1, 28)) == [
        "2024-05",
        "2025-06-14",
    ]


def test_days_without_a_year_move_the_article_on_from_an_earlier_year(lexicon: Lexicon) -> None:
    # gone back to 2022, the article comes back to the year it was published in by days without a year
    text = (
        "It was the first direct meeting since 2022. At the second round, on 2 June, the two delegations "
        "agreed to swap the severely wounded. Russia also handed over its memorandum."
    )
    assert proposals(text, lexicon, dt.date(2025, 7, 24)) == ["russia-memorandum-2025"]
    # … and not back: a day before the document, in an article published after it, leaves the article at
    # its published date
    text = "Kyiv's paper was handed over on 28 May. Moscow's memorandum asks for recognition of the annexations."
    assert proposals(text, lexicon, dt.date(2025, 6, 4)) == ["russia-memorandum-2025"]


def test_an_owner_alone_stands_for_the_document_of_a_plural(lexicon: Lexicon) -> None:
    text = (
        "On 2 June the two delegations exchanged memoranda. Moscow's demanded recognition of Crimea as Russian."
    )
    assert proposals(text, lexicon, dt.date(2025, 7, 24)) == ["russia-memorandum-2025"]
    text = "On 2 June the delegations exchanged memoranda, Moscow's setting out recognition of its annexations."
    assert proposals(text, lexicon, dt.date(2025, 7, 24)) == ["russia-memorandum-2025"]
    # with no plural of a document noun, an owner alone is none
    text = "On 2 June the delegations exchanged prisoners, Moscow's setting out its terms later."
    assert "russia-memorandum-2025" not in proposals(text, lexicon, dt.date(2025, 7, 24))


def test_an_authors_undated_document_of_the_weeks_before_the_article(lexicon: Lexicon) -> None:
    text = (
        "A year earlier, on 11 July 2023, the allies met in Vilnius. "
        "The new declaration comes three weeks after Putin set out his conditions for a ceasefire."
    )
    assert proposals(text, lexicon, dt.date(2024, 7, 11)) == ["russia-june-2024-terms"]
    # long after the document, what a side asks is no document without its date or its laying down
    text = "Since 2022 the war has gone on. The Kremlin said its conditions for a settlement have not changed."
    assert proposals(text, lexicon, dt.date(2026, 3, 4)) == []


def test_a_document_outlined_by_a_titled_author(lexicon: Lexicon) -> None:
    text = "The framework outlined by President Volodymyr Zelensky on Wednesday keeps the army at 800,000."
    assert proposals(text, lexicon, dt.date(2025, 12, 26)) == ["us-ukraine-20-point"]


def test_a_document_its_subject_laid_down_past_words_between_commas(lexicon: Lexicon) -> None:
    # (rules-26)
    text = (
        "Vladimir Putin, addressing the leaders of his foreign ministry on Friday, set out the conditions for a "
        "ceasefire."
    )
    assert proposals(text, lexicon, dt.date(2024, 6, 15)) == ["russia-june-2024-terms"]
    # a document noun between the commas is what the subject acts on, not what it lays down
    text = "Vladimir Putin, rejecting the plan of his diplomats, set out the conditions for a ceasefire."
    assert proposals(text, lexicon, dt.date(2024, 6, 15)) == []


def test_a_day_near_a_past_perfect_is_before_the_published_date(lexicon: Lexicon) -> None:
    # (rules-27) "11 March", published on 24 December, is nearer in the March ahead, but "had offered" says
    # it is past
    text = "In Jeddah on 11 March Ukraine and the United States had offered a 30-day ceasefire."
    assert dates(text, lexicon, dt.date(2025, 12, 24)) == ["2025-03-11"]
    assert "jeddah-ceasefire-2025" in proposals(text, lexicon, dt.date(2025, 12, 24))
    # without it, a day the published date would put near ahead stays ahead
    assert dates("Talks in Geneva on 11 March will test the ceasefire.", lexicon, dt.date(2025, 12, 24)) == [
        "2026-03-11"
    ]
