"""The description classes of rules-13: words an article names a case proposal with that the
lexicon did not read. Each class as a probe sentence, with one where it must not fire."""

from __future__ import annotations

import datetime as dt

import pytest

from builtincase import lexicon
from peacetalks.ingest.dates import with_relative_dates
from peacetalks.ingest.extract import extract
from peacetalks.ingest.figures import find_figures
from peacetalks.ingest.types import Document, SourceInfo
from test_ingest_references import proposals  # the same probe helpers as the other proposal tests

MARCH_2026 = dt.date(2026, 3, 13)
LATE_NOVEMBER_2025 = dt.date(2025, 11, 27)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a month after the noun says which month, as one before it does ("the November draft")
        (
            "The American draft of November would have capped Ukraine's forces at 600,000.",
            MARCH_2026,
            [("draft", "us-28-point")],
        ),
        ("The Chinese paper of February called for a ceasefire.", MARCH_2026, [("paper", "china-12-points")]),
        # "last June" is the June before the published date, and labels the document it follows
        (
            "Moscow's memorandum of last June asks for ceilings on troops.",
            MARCH_2026,
            [("memorandum", "russia-memorandum-2025")],
        ),
        # a relative date in the sentence ("on Sunday") leaves the article at its published date
        (
            "Geneva on Sunday produced a slimmer version of the American plan.",
            LATE_NOVEMBER_2025,
            [("plan", "us-28-point")],
        ),
        # "scheme" is a noun a proposal goes by; "worked out" lays one down
        (
            "Delegates were asked whether they could accept the American scheme.",
            LATE_NOVEMBER_2025,
            [("scheme", "us-28-point")],
        ),
        (
            "It keeps the army at 800,000 under the framework Kyiv worked out with the Americans at Christmas.",
            MARCH_2026,
            [("framework", "us-ukraine-20-point")],
        ),
        # a noun of the proposal's own names that its subject laid down
        (
            "The members of the Coalition of the Willing adopted a declaration promising a multinational force.",
            None,
            [("declaration", "paris-declaration")],
        ),
    ],
)
def test_a_proposal_by_description(text: str, published: dt.date | None, expected: list[tuple[str, str]]) -> None:
    assert proposals(text, published) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a month after "of" that starts a date is that date, not the month alone
        "The American draft of November 2014 was never published.",
        # the EU's own scheme to lend is no peace proposal, nor is a scheme with a word no proposal has
        "The EU's scheme to lend Kyiv €90 billion was agreed.",
        "The American visa scheme was suspended.",
        # a month with no author and several proposals that month is none of them
        "The November draft offered an amnesty.",
        # a document two sides agreed is no one's alone
        "The US and Russia agreed a memorandum on embassies.",
    ],
)
def test_no_proposal_by_description(text: str) -> None:
    assert proposals(text, MARCH_2026) == []


def test_last_month_is_the_one_before_the_published_date() -> None:
    sentence = "It was agreed last June, and talks resume in June."
    dates = [f.value for f in with_relative_dates(sentence, find_figures(sentence), MARCH_2026) if f.rule == "date"]
    assert dates == ["2025-06", "2026-06"]


def stance_pairs(text: str) -> set[tuple[str | None, str | None]]:
    doc = Document(SourceInfo("a.txt", "text"), text)
    return {(e.actor_id, e.issue_id or e.proposal_id) for e in extract(doc, lexicon()) if e.kind == "stance"}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # a zone by what creates it: forces pulled back, heavy forces withdrawn
        ("Ukraine would pull its heavy forces back by 5 km, but only if Russia did the same.",
         ("ukraine", "demilitarised-zone")),
        # army limits by the ceiling's own words
        ("Moscow demands ceilings on troops and on weapons.", ("russia", "army-limits")),
        # guarantees by the troops sent
        ("France and Britain proposed European ground troops after a deal.", ("france", "security-guarantees")),
        ("Britain offered to help with deploying troops to Ukraine.", ("uk", "security-guarantees")),
        # the humanitarian file by its verbs and hyphenated forms
        ("The EU demands that Russia return all the children it has deported.", ("eu", "prisoners-humanitarian")),
    ],
)  # fmt: skip
def test_an_issue_by_its_other_words(text: str, pair: tuple[str, str]) -> None:
    assert pair in stance_pairs(text)


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        # a report of the war, with no one's position on the issue
        ("Russian ground troops advanced near Pokrovsk overnight.", "security-guarantees"),
        ("The convoy pulled back to Kharkiv after the strike.", "demilitarised-zone"),
        ("Russia said it had moved heavy forces to the border.", "demilitarised-zone"),
    ],
)
def test_an_issue_word_without_a_position(text: str, issue: str) -> None:
    assert not {p for p in stance_pairs(text) if p[1] == issue}
