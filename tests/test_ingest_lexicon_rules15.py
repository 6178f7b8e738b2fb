"""The proposal classes of rules-15: the descriptions an article names a case proposal with that
the lexicon did not read, and false alarms it made. Each class as a probe sentence, with one where
it must not fire."""

from __future__ import annotations

import datetime as dt

import pytest

from test_ingest_references import proposals  # the same probe helpers as the other proposal tests

JANUARY_2026 = dt.date(2026, 1, 10)


@pytest.mark.parametrize(
    "text",
    [
        "The hook: the Americans' November draft would have frozen the lines in Kherson.",
        "Kherson and Zaporizhzhia frozen along the line of contact, as the Americans' November plan would have it.",
    ],
)
def test_a_plan_by_the_plural_of_its_authors_demonym(text: str) -> None:
    assert [p for _, p in proposals(text, JANUARY_2026)] == ["us-28-point"]


def test_a_plural_that_names_no_party_gives_no_owner() -> None:
    assert proposals("The Bosnians' November plan was a local one.", JANUARY_2026) == []


def test_the_first_draft_is_the_first_the_article_named() -> None:
    text = (
        "The 28-point plan of November gave way to the 20-point framework in December. "
        "The Americans' first draft capped Ukraine's army at 600,000."
    )
    assert [p for _, p in proposals(text, JANUARY_2026)] == ["us-28-point", "us-ukraine-20-point", "us-28-point"]
    earlier = "The framework keeps 800,000, against the 600,000 proposed in the earlier American draft."
    assert [p for _, p in proposals(f"{text} {earlier}", JANUARY_2026)][-1] == "us-28-point"


def test_without_an_earlier_name_the_first_draft_is_read_as_any_other() -> None:
    # nothing named before: the latest American plan by the date, as "the American draft" would be
    assert [p for _, p in proposals("The first American draft is on the table.", JANUARY_2026)] == [
        "us-ukraine-20-point"
    ]


def test_a_draft_peace_plan_is_one_proposal() -> None:
    text = "The US draft peace plan of November 2025 provided for USD 100 billion of the frozen assets."
    assert proposals(text, JANUARY_2026) == [("plan", "us-28-point")]


def test_a_counted_statement_is_a_counted_plan() -> None:
    text = "Beijing has tried to rally support for its six-point statement with Brazil."
    assert [p for _, p in proposals(text, JANUARY_2026)] == ["china-brazil-6-points"]


@pytest.mark.parametrize(
    "text",
    [
        "Record share of Russians want talks, but the Kremlin's terms stay the same.",
        "Respondents rejected a package matching Moscow's terms by 82% to 10%.",
        'The lead currently says that China "supports Russia\'s peace terms".',
    ],
)
def test_a_partys_terms_are_what_it_asks_not_a_document(text: str) -> None:
    assert proposals(text, JANUARY_2026) == []


@pytest.mark.parametrize(
    "text",
    [
        "On 14 June 2024 the Kremlin's terms were set out.",
        "Moscow's terms of June 2024 claim all of Donetsk.",
    ],
)
def test_terms_laid_down_or_dated_are_the_document(text: str) -> None:
    assert [p for _, p in proposals(text, JANUARY_2026)] == ["russia-june-2024-terms"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Arakhamia presented it afterwards as the main provisions of a treaty on Ukraine's security guarantees.",
            "istanbul-2022",
        ),
        ("The text is China's position on the political settlement of the Ukraine crisis.", "china-12-points"),
    ],
)
def test_a_proposal_by_the_title_of_its_document(text: str, expected: str) -> None:
    assert [p for _, p in proposals(text, JANUARY_2026)] == [expected]


def test_a_treaty_on_guarantees_still_to_be_written_is_no_title() -> None:
    assert proposals("Ukraine wants a treaty on security guarantees with the United States.", JANUARY_2026) == []


@pytest.mark.parametrize(
    "text",
    [
        "Under the framework Kyiv and Washington drew up in December, a zone could be created.",
        "Washington proposed the zone in the framework it drew up with Kyiv in December.",
    ],
)
def test_the_month_a_proposal_was_laid_down_in_an_undated_article(text: str) -> None:
    assert [p for _, p in proposals(text)] == ["us-ukraine-20-point"]


def test_a_month_something_else_was_done_in_is_no_date_of_the_plan() -> None:
    assert proposals("The plan Russia rejected in March was new.") == []
