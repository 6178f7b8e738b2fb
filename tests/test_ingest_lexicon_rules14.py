"""The description classes of rules-14: words an article names a case proposal with that the
lexicon did not read, and the date a proposal noun is read at. Each class as a probe sentence,
with one where it must not fire."""

from __future__ import annotations

import datetime as dt

import pytest

from test_ingest_references import proposals  # the same probe helpers as the other proposal tests

MARCH_2026 = dt.date(2026, 3, 13)


@pytest.mark.parametrize(
    "text",
    [
        "The fairest basis for a ceasefire, he says, is that both armies stay where they stand.",
        "His instructions have been consistent: halt the fighting where the two armies stand.",
        "Kyiv's line is that a ceasefire should leave both armies where they stand.",
        "Kyiv's delegation stuck to its proposal that the fighting be halted where the two armies now stand.",
    ],
)
def test_the_freeze_by_the_armies_halted_where_they_stand(text: str) -> None:
    assert [p for _, p in proposals(text, MARCH_2026)] == ["ceasefire-current-line"]


def test_where_a_side_stands_on_a_question_is_no_freeze() -> None:
    assert proposals("Neither government has said where they stand on the election question.", MARCH_2026) == []


@pytest.mark.parametrize(
    "text",
    [
        "In March 2025 Ukraine accepted a 30-day interim ceasefire on condition that Russia did the same.",
        "A ceasefire of 30 days, which could be extended, that the United States and Ukraine put forward.",
        "Donald Trump backed a 30-day truce in March 2025.",
    ],
)
def test_the_jeddah_truce_by_its_thirty_days(text: str) -> None:
    assert [p for _, p in proposals(text, MARCH_2026)] == ["jeddah-ceasefire-2025"]


def test_kyivs_unconditional_thirty_days_at_istanbul_is_not_the_jeddah_truce() -> None:
    text = "In Istanbul on 16 May 2025 Umerov put forward a full and unconditional 30-day ceasefire."
    assert proposals(text, MARCH_2026) == []


def test_the_thirty_days_beside_the_statement_it_describes_is_one_mention() -> None:
    text = "Under the Jeddah statement, Ukraine is ready for an immediate interim ceasefire of 30 days."
    assert proposals(text, MARCH_2026) == [("Jeddah statement", "jeddah-ceasefire-2025")]


def test_a_noun_is_dated_where_it_stands_not_by_a_later_clause() -> None:
    # "since 2022" is when the Peace Formula began asking, not where the article is at "the US draft"
    text = (
        "A settlement looks closer by the spring of 2026. Every plan on the table — the 20-point framework "
        "of 24.12.2025 and the US draft of November before it — provides for an all-for-all exchange, and "
        "Kyiv's Peace Formula has since 2022 asked for the return of deported children."
    )
    assert ("draft", "us-28-point") in proposals(text)


def test_a_date_in_the_nouns_own_clause_still_counts() -> None:
    text = "The joint statement the United States and Ukraine issued in Jeddah in March 2025 listed humanitarian steps."
    assert proposals(text) == [("joint statement", "jeddah-ceasefire-2025")]
