"""The proposal classes of rules-17: descriptions of a case proposal the lexicon did not read in
heldout24–31 and the training sets. Each class as a probe sentence, with one where it must not fire."""

from __future__ import annotations

import datetime as dt

import pytest

from test_ingest_references import proposals  # the same probe helpers as the other proposal tests

JUNE_2026 = dt.date(2026, 6, 14)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("These are the terms Russian President Vladimir Putin set out on 14 June 2024.", "russia-june-2024-terms"),
        ("Kyiv studied the plan US President Donald Trump unveiled in November 2025.", "us-28-point"),
    ],
)
def test_a_title_and_the_name_after_it_are_one_author(text: str, expected: str) -> None:
    assert [p for _, p in proposals(text, JUNE_2026)] == [expected]


def test_a_title_of_another_party_before_a_name_is_no_author() -> None:
    # the US envoy laid nothing down for Putin: the two names are two parties, and the plan is no one's
    text = "Kyiv studied the plan US envoy Vladimir Putin set out."
    assert proposals(text, JUNE_2026) == []


def test_the_subject_of_a_second_verb_lays_the_document_down() -> None:
    text = (
        "Two years ago, on the eve of the summit in Switzerland, Vladimir Putin went to his Foreign "
        "Ministry and set out the terms on which he would order a ceasefire."
    )
    assert proposals(text, JUNE_2026) == [("terms", "russia-june-2024-terms")]


@pytest.mark.parametrize(
    "text",
    [
        "Vladimir Putin went to his Foreign Ministry and said the terms were unacceptable.",  # laid nothing down
        "The US met Russia and agreed a memorandum.",  # agreed by two: no one's alone
    ],
)
def test_a_second_verb_that_lays_nothing_down_names_no_document(text: str) -> None:
    assert proposals(text, JUNE_2026) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an article gone back to 2022 still speaks of the framework of December 2025
        (
            "Every peace text since 2022 asks for an exchange. The US–Ukraine framework of December kept it.",
            "us-ukraine-20-point",
        ),
        ("In March 2022 Kyiv held out. The December framework has Russia withdraw from Sumy.", "us-ukraine-20-point"),
    ],
)
def test_a_month_names_its_only_proposal_even_after_earlier_dates(text: str, expected: str) -> None:
    assert [p for _, p in proposals(text)] == [expected]


def test_a_month_with_no_proposal_of_the_authors_names_none() -> None:
    # no proposal of Washington's and Kyiv's is of July
    assert proposals("In March 2022 Kyiv held out. The US–Ukraine framework of July failed.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The draft treaty that came out of the Istanbul talks was never signed.",
        "The last known draft of the Treaty on Permanent Neutrality is dated 15 April.",
        "In the April draft treaty Russia proposed a peacetime Ukrainian army of 85,000 troops.",
    ],
)
def test_the_draft_treaty_is_the_istanbul_draft_of_2022(text: str) -> None:
    assert [p for _, p in proposals(text, JUNE_2026)] == ["istanbul-draft-treaty-2022"]


def test_a_treaty_draft_of_another_kind_is_no_proposal() -> None:
    # "every draft treats …" is a verb, and a peace treaty to come is no draft treaty
    assert proposals("Every draft treats sanctions as a bargaining chip; a peace treaty may follow.", JUNE_2026) == []


def test_a_ceasefire_lasting_30_days_is_the_jeddah_truce() -> None:
    text = "Ukraine said it was ready to accept an immediate ceasefire lasting 30 days, provided Russia did too."
    assert [p for _, p in proposals(text, dt.date(2025, 3, 12))] == ["jeddah-ceasefire-2025"]


def test_an_unconditional_ceasefire_lasting_30_days_is_kyivs_own_offer() -> None:
    text = "In Istanbul Kyiv proposed an unconditional ceasefire lasting 30 days and a meeting of the presidents."
    assert proposals(text, dt.date(2025, 5, 17)) == []
