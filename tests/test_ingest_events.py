"""Events as timelines, live blogs and readouts report them: the present tense of a timeline, an
entry that opens with its date, talks that begin or end, and two meetings in one sentence."""

from __future__ import annotations

import pytest

from builtincase import lexicon
from peacetalks.ingest.clean import clean_text
from peacetalks.ingest.extract import extract
from peacetalks.ingest.types import Document, SourceInfo


def events(text: str) -> list[tuple[str | None, str | None]]:
    doc = Document(SourceInfo("a.txt", "text"), clean_text(text).text)
    return [(e.event_type, e.date) for e in extract(doc, lexicon()) if e.kind == "event"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a timeline's present tense
        (
            "2026-01-06 – Paris: the Coalition of the Willing adopts the Paris Declaration.",
            [("agreement", "2026-01-06")],
        ),
        ("On 20 January 2026 in Davos, Donald Trump meets Volodymyr Zelensky.", [("talks", "2026-01-20")]),
        ("On 4 February 2026, 314 prisoners of war are exchanged.", [("exchange", "2026-02-04")]),
        ("On 5 March 2026, 500 Ukrainian prisoners come home.", [("exchange", "2026-03-05")]),
        # an entry that opens with its date names talks by their noun alone
        ("23–24 January 2026 – Abu Dhabi: the first three-way talks since 2022.", [("talks", "2026-01-24")]),
        ("17 February 2026 – Geneva: the third round lasts six hours.", [("talks", "2026-02-17")]),
        # talks that have begun; a host of talks or of leaders; envoys received
        ("On 2 June 2025 the second round of direct talks has begun in Istanbul.", [("talks", "2025-06-02")]),
        ("The UAE hosted the first three-way talks in Abu Dhabi in January 2026.", [("talks", "2026-01")]),
        ("Keir Starmer hosted 18 leaders in London on 2 March 2025.", [("talks", "2025-03-02")]),
        ("On 22 January 2026 Putin receives US envoys for four hours.", [("talks", "2026-01-22")]),
        # a round on its date, a truce that ran, prisoners freed, an exchange of some prisoners
        ("The face-to-face round at Istanbul on 29 March 2022 produced a communiqué.", [("talks", "2022-03-29")]),
        ("Moscow's Victory Day ceasefire ran from 8 to 10 May 2025.", [("ceasefire", "2025-05-08")]),
        ("314 prisoners had been freed by each side on 5 February 2026.", [("exchange", "2026-02-05")]),
        (
            "On 2 June 2025 they agreed a further exchange of severely wounded and young prisoners.",
            [("exchange", "2025-06-02")],
        ),
        # two meetings in one sentence with one date, each with its own verb
        (
            "Zelensky met Trump in Davos and Umerov met Witkoff in Miami on 22 January 2026.",
            [("talks", "2026-01-22"), ("talks", "2026-01-22")],
        ),
    ],
)
def test_events_as_timelines_and_live_blogs_report_them(text: str, expected: list[tuple[str, str]]) -> None:
    assert events(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Several governments said concessions before talks had even begun were a mistake.",
        "Britain said Ukraine must have a seat at the table in any negotiations.",
        "On 12 March 2026 Kyiv said the round would not take place on schedule.",
        # a truce a timeline entry names is as often one someone asks for
        "29 December 2025 – Zelensky says a referendum would need a 60-day ceasefire.",
        # a date that is no entry's: the sentence goes on without a dash or colon after it
        "23 January 2026 brought no talks.",
        # what a document calls for
        "On 16 June 2024 the communiqué called for a full exchange of all prisoners of war.",
    ],
)
def test_what_is_no_event(text: str) -> None:
    assert events(text) == []


def test_a_definite_reference_to_talks_reported_before_is_the_same_event() -> None:
    text = "The second round of direct talks has begun in Istanbul. The talks have ended."
    assert events(text) == [("talks", None)]
