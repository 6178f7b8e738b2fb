"""Relative dates resolved against the published date: worked examples, properties, and the
path into figures and events."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builtincase import lexicon
from peacetalks.ingest.dates import MAX_DAYS, relative_dates, resolve
from peacetalks.ingest.extract import extract
from peacetalks.ingest.types import Document, SourceInfo

WEDNESDAY = dt.date(2026, 3, 11)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Kremlin said yesterday it rejected the plan.", [("yesterday", "2026-03-10", "day")]),
        ("Talks resume tomorrow.", [("tomorrow", "2026-03-12", "day")]),
        ("Envoys met the day before yesterday.", [("the day before yesterday", "2026-03-09", "day")]),
        ("Kyiv said on Monday it would not cede land.", [("on Monday", "2026-03-09", "day")]),
        ("Officials said Wednesday.", [("Wednesday", "2026-03-11", "day")]),  # the day itself
        ("Envoys met last Tuesday.", [("last Tuesday", "2026-03-10", "day")]),
        ("Envoys met last Wednesday.", [("last Wednesday", "2026-03-04", "day")]),
        ("They meet next Monday.", [("next Monday", "2026-03-16", "day")]),
        ("Talks will be held on Friday.", [("on Friday", "2026-03-13", "day")]),
        ("Talks on Friday will focus on prisoners.", [("on Friday", "2026-03-13", "day")]),
        ("Russia said on Monday it would attend talks on Friday.",
         [("on Monday", "2026-03-09", "day"), ("on Friday", "2026-03-13", "day")]),
        ("Talks are due on Friday, officials said Monday.",
         [("on Friday", "2026-03-13", "day"), ("Monday", "2026-03-09", "day")]),
        ("It was struck three days ago.", [("three days ago", "2026-03-08", "day")]),
        ("They met two weeks ago.", [("two weeks ago", "2026-02-23", "week")]),
        ("A round was held last week.", [("last week", "2026-03-02", "week")]),
        ("A round is planned next week.", [("next week", "2026-03-16", "week")]),
        ("Earlier this month Russia struck Kyiv.", [("Earlier this month", "2026-03", "month")]),
        ("They met last month.", [("last month", "2026-02", "month")]),
        ("Talks failed last year.", [("last year", "2025", "year")]),
        ("Drone attacks rose over the past year.", []),  # a span of time, not a date
        ("It was signed 40 years ago.", [("40 years ago", None, "year")]),  # beyond the bound: not read
    ],
)
def test_worked_examples(sentence: str, expected: list[tuple[str, str | None, str]]) -> None:
    found = relative_dates(sentence, WEDNESDAY)
    assert [(r.phrase, r.value, r.precision) for r in found] == expected
    assert all(r.resolved_from == (WEDNESDAY if r.value else None) for r in found)


def test_month_and_year_steps_cross_the_year() -> None:
    assert resolve("last month", dt.date(2026, 1, 5)) == ("2025-12", "month")
    assert resolve("next month", dt.date(2025, 12, 31)) == ("2026-01", "month")
    assert resolve("last Monday", dt.date(2026, 1, 1)) == ("2025-12-29", "day")


def test_names_are_not_dates() -> None:
    assert relative_dates("The Good Friday Agreement was cited, The Sunday Times reported.", WEDNESDAY) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Trump wanted an answer by Thanksgiving on 27 November.", [("27 November", "2025-11-27", "day")]),
        ("At the second round on 2 June, Russia handed over its memorandum.", [("2 June", "2025-06-02", "day")]),
        ("Talks on December 14, 2025 ended; more on December 16.", [("December 16", "2025-12-16", "day")]),
        ("The draft that followed in April was never signed.", [("April", "2025-04", "month")]),
        ("Washington wants a deal by June.", [("June", "2026-06", "month")]),
        ("Talks will resume on 3 October.", [("3 October", "2026-10-03", "day")]),
        ("Fighting has gone on since 2 March.", [("2 March", "2025-03-02", "day")]),
        ("They met on 12 March 2025 and on 14 and 15 December 2025.", []),  # full dates: figures
        ("Markets rose. May brings talks. It may rain.", []),  # a month alone is no date
        ("on 31 June", [("31 June", None, "day")]),
    ],
)
def test_days_and_months_without_a_year_take_the_nearest_year(
    sentence: str, expected: list[tuple[str, str | None, str]]
) -> None:
    published = dt.date(2025, 11, 22)
    found = relative_dates(sentence, published)
    assert [(r.phrase, r.value, r.precision) for r in found] == expected
    assert all(r.resolved_from == (published if r.value else None) for r in found)
    assert all(r.value is None for r in relative_dates(sentence, None))


def test_without_a_published_date_the_phrase_is_kept_unresolved() -> None:
    [found] = relative_dates("Kyiv said on Monday it would not cede land.", None)
    assert (found.phrase, found.value, found.resolved_from) == ("on Monday", None, None)


def _nearest_day(value: str, anchor: dt.date) -> dt.date:
    """The day of the period ``value`` names (a day, a month or a year) nearest to ``anchor``."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    first = dt.date(parts[0], parts[1] if len(parts) == 2 else 1, 1)
    last = (
        dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        if len(parts) == 2
        else dt.date(parts[0], 12, 31)
    )
    return min(max(anchor, first), last)


PHRASES = st.sampled_from(
    ["yesterday", "today", "tomorrow", "on Monday", "last Sunday", "next Friday", "Saturday", "last week",
     "next week", "this month", "earlier this month", "later this year", "next year", "past month",
     "366 days ago", "999 days ago", "104 weeks ago", "60 months ago", "10 years ago", "a year ago",
     "will meet on", "said", ",", "the", "Good", "Times", "ago", "days", "\n", "2 June", "by", "since", "Sept.",
     "December", "29", "February", "31", "in May", "5 May 2025", "in 2014"]
)  # fmt: skip


@given(
    words=st.lists(PHRASES | st.text(max_size=12), max_size=30).map(" ".join),
    anchor=st.dates(),
)
def test_never_crash_and_stay_near_the_anchor(words: str, anchor: dt.date) -> None:
    for r in relative_dates(words, anchor):
        assert words[r.start : r.end].split() == r.phrase.split()
        if r.value is not None:
            assert abs((_nearest_day(r.value, anchor) - anchor).days) <= MAX_DAYS, r
            assert r.resolved_from == anchor


@given(anchor=st.dates())
def test_calendar_edges_stay_unresolved_rather_than_fail(anchor: dt.date) -> None:
    for phrase in ("tomorrow", "yesterday", "next week", "10 years ago", "next year", "last month"):
        value, _ = resolve(phrase, anchor)
        assert value is None or abs((_nearest_day(value, anchor) - anchor).days) <= MAX_DAYS


def test_events_and_date_figures_take_the_published_date() -> None:
    text = "Russia and Ukraine exchanged 157 prisoners of war on Monday, officials said.\n"
    dated = Document(SourceInfo("a.html", "html", published=WEDNESDAY), text)
    [event] = [e for e in extract(dated, lexicon()) if e.kind == "event"]
    assert (event.date, event.extra["relative"], event.extra["resolved_from"]) == ("2026-03-09", "on Monday",
                                                                                   "2026-03-11")
    [day] = [e for e in extract(dated, lexicon()) if e.kind == "figure" and e.unit == "date"]
    assert (day.value, day.date, day.text, day.extractor) == ("2026-03-09", "2026-03-09", "on Monday", "figure/date")

    undated = Document(SourceInfo("a.txt", "text"), text)
    [event] = [e for e in extract(undated, lexicon()) if e.kind == "event"]
    assert event.date is None
    [day] = [e for e in extract(undated, lexicon()) if e.kind == "figure" and e.unit == "date"]
    assert (day.value, day.date, day.extra["relative"], day.extractor) == (None, None, "on Monday",
                                                                           "figure/relative-date")


@settings(max_examples=50, deadline=None)
@given(words=st.lists(PHRASES | st.sampled_from(["Russia", "exchanged", "prisoners", "talks", "held", "two"]),
                      max_size=25).map(" ".join),
       published=st.dates() | st.none())
def test_extraction_with_any_published_date_never_crashes(words: str, published: dt.date | None) -> None:
    doc = Document(SourceInfo("a.txt", "text", published=published), words)
    for e in extract(doc, lexicon()):
        assert doc.text[e.start : e.end] == e.text
        if e.extra.get("relative") is not None:
            # without a published date, only a day or month whose year the text implies is resolved
            inferred = e.extra.get("inferred_from") == "text"
            assert (e.extra["resolved_from"] is None) == ((published is None and not inferred) or e.value is None)
            assert not inferred or published is None


def test_events_dated_to_a_day_are_proposed_and_week_dates_are_not() -> None:
    from peacetalks.ingest.updates import propose

    case = lexicon().case
    text = "Russia and Ukraine exchanged 157 prisoners on Monday.\nThey exchanged 90 prisoners last week.\n"
    doc = Document(SourceInfo("a.html", "html", published=WEDNESDAY), text)
    events = [u for u in propose(case, doc, extract(doc, lexicon())) if u.kind == "event"]
    assert [u.payload["event"]["date"] for u in events] == ["2026-03-09"]
