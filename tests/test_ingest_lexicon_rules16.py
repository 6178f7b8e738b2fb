"""The proposal classes of rules-16: the descriptions an article names a case proposal with that
the lexicon did not read, and false alarms it made. Each class as a probe sentence, with one where
it must not fire."""

from __future__ import annotations

import datetime as dt

import pytest

from test_ingest_references import proposals  # the same probe helpers as the other proposal tests

JUNE_2024 = dt.date(2024, 6, 1)


@pytest.mark.parametrize(
    "text",
    [
        "Turkey backed the arrangement that let Ukrainian grain leave the ports of Odesa.",
        "Moscow quit the deal which for a year allowed Ukraine to ship grain by sea.",
    ],
)
def test_an_agreement_named_by_what_it_let_happen(text: str) -> None:
    assert [p for _, p in proposals(text, JUNE_2024)] == ["black-sea-grain-initiative"]


@pytest.mark.parametrize(
    "text",
    [
        "The deal that let Russia keep the land it holds was rejected in Kyiv.",  # no word of one proposal alone
        "The talks that let grain traders hope again ended in Istanbul.",  # talks are no agreement
    ],
)
def test_what_an_agreement_let_happen_names_no_proposal_without_its_own_word(text: str) -> None:
    assert proposals(text, JUNE_2024) == []


def test_a_counted_position_is_a_counted_paper() -> None:
    assert proposals("Beijing publishes 12-point position on the war.", JUNE_2024) == [
        ("12-point position", "china-12-points")
    ]


def test_a_document_by_its_full_title_is_one_mention() -> None:
    text = "Document 9. Package of Measures for the Implementation of the Minsk Agreements, 12 February 2015."
    assert [p for _, p in proposals(text, JUNE_2024)] == ["minsk-ii"]


MAY_2025 = dt.date(2025, 5, 20)


def test_a_truce_written_out_in_words_is_the_30_day_truce() -> None:
    text = "Putin answered the American and Ukrainian proposal for a thirty-day truce in March 2025."
    assert [p for _, p in proposals(text, MAY_2025)] == ["jeddah-ceasefire-2025"]


def test_a_30_day_truce_dated_later_than_jeddah_is_another_offer() -> None:
    later = "Moscow's truce ran from 8 to 10 May 2025; Kyiv called for an immediate 30-day truce instead."
    assert proposals(later, MAY_2025) == []
    # dated in the month of the Jeddah statement, or not dated at all, it is the Jeddah truce
    for text in (
        "On 11 March 2025 Ukraine said it was ready to accept an immediate 30-day ceasefire.",
        "Putin said Russia would accept a 30-day ceasefire only if arms supplies stopped.",
    ):
        assert [p for _, p in proposals(text, MAY_2025)] == ["jeddah-ceasefire-2025"]


@pytest.mark.parametrize(
    "text",
    [
        "In September 2024 South Africa endorsed the six points that China and Brazil had agreed that May.",
        "Episode 58: Six points from Beijing and Brasília",
    ],
)
def test_the_points_a_proposal_counts_with_one_of_its_authors(text: str) -> None:
    assert [p for _, p in proposals(text, JUNE_2024)] == ["china-brazil-6-points"]


@pytest.mark.parametrize(
    "text",
    [
        "Levada found 67% in favour of talks in Russia, six points more than a month before.",  # no author
        "What the six points do not mention is the border.",  # no author named
    ],
)
def test_counted_points_without_an_author_name_no_proposal(text: str) -> None:
    assert proposals(text, JUNE_2024) == []


def test_neutrality_for_guarantees_in_2022_is_the_istanbul_communique() -> None:
    text = (
        "In March 2022 Ukraine's negotiators in Istanbul put forward permanent neutrality in return for "
        "guarantees from a group of states."
    )
    assert [p for _, p in proposals(text, JUNE_2024)] == ["istanbul-2022"]


@pytest.mark.parametrize(
    "text",
    [
        # the same bargain argued over again in 2025 is no offer of 2022
        "In November 2025 Kyiv again spoke of neutrality in exchange for guarantees.",
        # beside another proposal of that year, it is what that one holds
        "In spring 2022 Ukraine offered permanent neutrality in return for guarantees in the Istanbul draft treaty.",
    ],
)
def test_neutrality_for_guarantees_otherwise_names_no_communique(text: str) -> None:
    assert "istanbul-2022" not in [p for _, p in proposals(text, JUNE_2024)]


def test_a_see_also_line_names_what_it_lists() -> None:
    from peacetalks.ingest.clean import clean_text

    cleaned = clean_text("The talks went on.\nSee also: Antalya talks; Minsk Protocol; Geneva talks.\nSee also\n").text
    assert cleaned == "The talks went on.\nSee also: Antalya talks; Minsk Protocol; Geneva talks."
    assert [p for _, p in proposals(cleaned, JUNE_2024)] == ["minsk-i"]
