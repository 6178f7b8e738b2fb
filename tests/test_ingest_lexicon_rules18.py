"""The proposal classes of rules-18: descriptions of a case proposal the lexicon did not read in
heldout32/33 and the tuning sets. Each class as a probe sentence, with one where it must not fire."""

from __future__ import annotations

import datetime as dt

import pytest

from builtincase import lexicon
from peacetalks.ingest.extract import extract
from peacetalks.ingest.types import Document, SourceInfo
from test_ingest_references import proposals  # the same probe helpers as the other proposal tests


def events(text: str, published: dt.date | None = None) -> list[str | None]:
    doc = Document(SourceInfo("a.txt", "text", published=published), text)
    return [e.event_type for e in extract(doc, lexicon()) if e.kind == "event"]


def figures(text: str, published: dt.date | None = None) -> list[tuple[object, str | None]]:
    doc = Document(SourceInfo("a.txt", "text", published=published), text)
    return [(e.value, e.unit) for e in extract(doc, lexicon()) if e.kind == "figure"]


def test_a_month_whose_year_was_guessed_picks_the_proposal_of_that_month_a_year_off() -> None:
    # no published date: "in November" after a date of May 2025 is read as November 2024, the
    # nearest; the month was written, its year guessed, and the one EU proposal of a November is meant
    text = (
        "Talks resumed on 20 May 2025. Ever since, European capitals have asked for a truce first, "
        "and it is the first item of the counter-proposal they drew up in November."
    )
    assert ("counter-proposal", "ceasefire-current-line") in proposals(text)


def test_a_guessed_year_is_not_moved_further_than_a_year() -> None:
    # Minsk II (February 2015) is no "package put forward in February" of a text that has reached 2026
    text = "Talks resumed on 20 May 2026. The economic package Moscow's side put forward in February was shelved."
    assert proposals(text) == []


def test_a_counter_proposal_to_a_proposal_named_before_it_is_no_older_than_that_proposal() -> None:
    # "to it" says what it answers (no infinitive: "the EU's plan to lend"), and the answer to the
    # plan of November 2025 is the European counter-proposal, though the article stood in July
    text = (
        "The third round met on 23 July 2025. Each text since then promises an exchange: the 28-point "
        "plan of November 2025 and the Europeans' counter-proposal to it."
    )
    assert [p for _, p in proposals(text)] == ["us-28-point", "ceasefire-current-line"]


def test_a_plan_to_do_something_is_still_no_proposal() -> None:
    assert proposals("On 1 December 2025 the EU's plan to lend Ukraine money was delayed.") == []


@pytest.mark.parametrize(
    "text",
    [
        "In 2022 Kyiv asked for the grain corridor to be extended to two more ports.",
        "Ukraine's plan called for an extension of the grain corridor to Mykolaiv.",
        "In July 2022 Turkey brokered the grain corridor with the United Nations.",
    ],
)
def test_a_corridor_extended_or_brokered_is_the_agreement_its_word_names(text: str) -> None:
    assert "black-sea-grain-initiative" in [p for _, p in proposals(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Ships have used Ukraine's grain corridor since the deal's end in 2023.",  # a route, no agreement
        "In 2024 Moscow said it was studying Turkish ideas for reviving the grain corridor.",  # a new one, if any
    ],
)
def test_a_corridor_only_used_or_revived_names_no_agreement(text: str) -> None:
    assert "black-sea-grain-initiative" not in [p for _, p in proposals(text)]


def test_a_date_said_where_a_document_was_handed_to_someone_in_several_words_picks_by_that_date() -> None:
    # the paper of 28 May 2025 is no proposal of the case, so not Kyiv's Peace Formula of 2022
    text = "Talks resumed on 2 June 2025. Ukraine's own paper, sent to the Russian side on 28 May, asked for a truce."
    assert proposals(text) == []
    dated = "Kyiv answered on 5 June 2025. Its reply studied the memorandum handed to the Ukrainian side on 2 June."
    assert [p for _, p in proposals(dated)] == ["russia-memorandum-2025"]


def test_a_document_picked_by_its_date_alone_must_fit_the_words_before_its_noun() -> None:
    # a bilateral guarantee offer of December 2025 is not the 20-point framework of that month
    assert proposals("Kyiv studied the bilateral offer outlined in Florida on 28 December 2025.") == []
    assert [p for _, p in proposals("Kyiv studied the revised framework of 24 December 2025.")] == [
        "us-ukraine-20-point"
    ]
    # "follow-up" is a word any document may take
    assert [p for _, p in proposals("The follow-up package of 12 February 2015 set a new ceasefire.")] == ["minsk-ii"]


@pytest.mark.parametrize("dateline", ["LVIV, Apr 3 —", "LVIV, 3 April –", "LVIV, April 3, 2026 —"])
def test_a_wire_datelines_date_is_no_figure_of_the_text(dateline: str) -> None:
    text = f"Talks stall\n{dateline} Ukraine and Russia swapped 200 prisoners on Friday."
    assert figures(text, dt.date(2026, 4, 4)) == [(200.0, "prisoners"), ("2026-04-03", "date")]


def test_a_date_that_opens_a_sentence_without_a_place_is_still_a_figure() -> None:
    text = "Talks stall\nApril 3 — Ukraine and Russia swapped prisoners."
    assert ("2026-04-03", "date") in figures(text, dt.date(2026, 4, 4))


def test_a_labels_number_in_a_list_after_a_colon_is_no_count() -> None:
    # ("States" before the colon would give a bare number the unit of countries)
    text = "Ukraine and the United States drew up the text: guarantees mirroring Article 5, alongside aid."
    assert figures(text) == []
    listed = "The states that signed it, by year: 12 in 2024, 9 in 2025."
    assert [f for f in figures(listed) if f[1] == "countries"] == [(12.0, "countries"), (9.0, "countries")]


def test_the_same_two_people_are_a_reference_back_no_count() -> None:
    assert figures("The deal was signed later by the same two leaders.") == []
    assert figures("The deal was signed later by two leaders.") == [(2.0, "people")]


@pytest.mark.parametrize(
    "text",
    ["Kyiv holds about a fifth of the region.", "Two-thirds of the region is occupied.", "A quarter of voters agree."],
)
def test_a_fraction_in_words_is_no_figure(text: str) -> None:
    assert figures(text) == []


def test_a_share_of_whole_numbers_is_still_a_percentage() -> None:
    assert figures("One in five Ukrainians has lost a relative.") == [(20.0, "%")]


@pytest.mark.parametrize("phrase", ["last week", "this month", "earlier this year", "next week"])
def test_the_period_a_report_speaks_from_is_no_figure(phrase: str) -> None:
    assert figures(f"Kyiv and Moscow swapped prisoners {phrase}.", dt.date(2026, 4, 4)) == []


def test_a_weekday_and_a_date_are_still_figures() -> None:
    text = "Kyiv and Moscow swapped prisoners on Friday, after the talks of 12 March."
    assert figures(text, dt.date(2026, 4, 4)) == [("2026-04-03", "date"), ("2026-03-12", "date")]


@pytest.mark.parametrize(
    "text",
    ["After the weekend's talks, Kyiv said it was hopeful.", "During Monday’s meeting they spoke of guarantees."],
)
def test_talks_named_by_their_day_are_talks(text: str) -> None:
    assert events(text) == ["talks"]


@pytest.mark.parametrize(
    "text",
    ["On 12 March 2025 the Jeddah meeting was praised.", "Trump's line shifted with the Alaska summit in August 2025."],
)
def test_talks_named_by_their_place_are_talks(text: str) -> None:
    assert events(text) == ["talks"]


@pytest.mark.parametrize(
    "text",
    [
        "The NATO summit produced a communiqué in July 2023.",  # a summit of a body, no meeting of the parties
        "On 3 March 2026 Kyiv hoped for the next Geneva round.",  # not held
        "The Ukraine negotiations of 2022 have a long history.",  # what they are about, not where
        "The communiqué of the Lausanne summit in June 2024 asked for peace.",  # the frame of what is reported
    ],
)
def test_other_named_meetings_are_no_talks(text: str) -> None:
    assert "talks" not in events(text)


@pytest.mark.parametrize(
    "text",
    [
        "The protocol of 5 September 2014 was signed in Minsk.",
        "The Package of Measures signed on 12 February 2015 set a ceasefire.",
    ],
)
def test_a_document_signed_with_its_date_between_is_an_agreement(text: str) -> None:
    assert "agreement" in events(text)


def test_a_document_to_be_signed_is_no_agreement() -> None:
    assert "agreement" not in events("The plan ends with a document, signed by the parties, that ends the war.")


def test_a_swap_counted_one_for_one_reports_an_exchange() -> None:
    assert "exchange" in events("Prisoners went home in May 2025: 390 for 390, after the talks in Istanbul.")


def test_a_count_of_prisoners_alone_reports_no_exchange() -> None:
    assert "exchange" not in events("Some 390 prisoners are held in May 2025, Kyiv said.")


def test_the_return_of_bodies_is_an_exchange() -> None:
    assert events("On 2 June 2025 the sides agreed to return 6,000 bodies each.") == ["exchange"]


def test_two_mentions_of_one_type_on_one_date_in_a_sentence_are_one_event() -> None:
    text = (
        "On 16 May 2025 they held talks, and on 2 June 2025 they added a swap of wounded prisoners and the "
        "return of 900 bodies."
    )
    assert sorted(events(text)) == ["exchange", "talks"]


@pytest.mark.parametrize(
    "text",
    [
        "The package of 12 February 2015 set a ceasefire from midnight on 15 February.",
        "After a ceasefire beginning at midnight on 15 February 2015, heavy guns were to be pulled back.",
    ],
)
def test_a_truce_set_to_start_at_an_hour_or_on_a_day_is_a_ceasefire(text: str) -> None:
    assert "ceasefire" in events(text)


def test_a_truce_only_called_for_is_no_ceasefire() -> None:
    assert "ceasefire" not in events("In 2015 the text called for a ceasefire from 15 February.")


def test_an_authors_unqualified_paper_is_not_one_two_years_old_or_more() -> None:
    # in May 2025, "Kyiv's own paper" is no Peace Formula of 2022 (nor Istanbul's texts of that year)
    text = "Talks resumed on 16 May 2025. Kyiv's own paper asked for a truce first."
    assert proposals(text) == []
    # the author's proposal of the year before is still meant
    recent = "Talks resumed on 1 March 2026. The American draft still held."
    assert [p for _, p in proposals(recent)] == ["us-ukraine-20-point"]
