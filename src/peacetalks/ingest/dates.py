"""Relative dates ("yesterday", "last Tuesday", "on Monday", "earlier this month", "two weeks
ago", "next week", and days or months without a year: "on 2 June", "by June", "the December
survey") found in a sentence and resolved against the document's published date.

Pure functions. A phrase resolves to the ISO form the figures use for the precision it has:
``YYYY-MM-DD`` for a day (and for a week: the Monday that starts it, with ``precision`` saying
"week"), ``YYYY-MM`` for a month, ``YYYY`` for a year. Without a published date nothing is
guessed: the phrase is kept, unresolved. A bare weekday ("said Monday", "on Friday") means the
last such day on or before the published date, unless the words just before or after it speak
of the future ("will meet on Friday", "talks due on Friday"), then the next one after it. A day
or month without a year takes the year that puts it nearest the published date, a time ahead
counting twice as far: on or after it when the words around it speak of the future or after
"by" ("by June"), on or before it after "since". Without a published date, a day or month without
a year is resolved the same way against the latest date the text gave before it (its ``context``:
"signed on 5 September 2014 … a memorandum of 19 September" is 2014-09-19), and says so
(``inferred_from: text``); other relative phrases then stay unresolved.

Every resolved date lies within :data:`MAX_DAYS` days of the published date: counts are
bounded ("40 years ago" is not read), and dates outside the calendar stay unresolved.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

from peacetalks.ingest.figures import MONTH_NAMES, Figure, month_of
from peacetalks.ingest.patterns import fold, has_any, trie_pattern

Precision = Literal["day", "week", "month", "year"]
#: The text's own time (see text_present), or what gives it when first needed.
Present = str | Callable[[], str | None] | None

#: No resolved date is further than this from the date it was resolved from (ten years and a bit).
MAX_DAYS = 3700
#: A day or month spoken of as ahead may still be one this long before the anchor.
_JUST_GONE = dt.timedelta(days=14)

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_COUNTS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
#: The largest count read per unit, which keeps every result within MAX_DAYS of its anchor.
_MAX_COUNT = {"day": 366, "week": 104, "month": 60, "year": 10}

_PHRASE = re.compile(
    r"\b(?:"
    r"(?P<fixed>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tonight|tomorrow"
    r"|last\s+night|this\s+(?:morning|afternoon|evening))"
    rf"|(?P<count>\d{{1,3}}|{'|'.join(_COUNTS)})\s+(?P<unit>day|week|month|year)s?\s+ago"
    rf"|(?P<within>(?:earlier|later)\s+this|this|last|next)\s+(?P<period>week|month|year)"
    r"|(?:(?P<which>last|next|this|on)\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r")\b",
    re.IGNORECASE,
)
# The same, searched for in fold(sentence) case-sensitively: several times faster.
_PHRASE_FOLDED = re.compile(_PHRASE.pattern)
# A month name with its capital or in capitals (as crawls and tickers write them: "ON 22 JAN"), then what
# is around it: a day before ("2 June") or after ("June 2"), else a preposition before ("by June"); never
# a year after (that is a full date).
_MONTH_NAME = re.compile(rf"{trie_pattern(MONTH_NAMES)}\.?\b")
# "December 2025", "16 May 2025", "2025-12-12": a month with its year (see text_present).
# (the check on the character before made after the century: re then skips ahead to the 1s and 2s
# instead of trying every position, four times faster over a whole text)
_YEAR_DIGITS = re.compile(r"(?:19|20)(?<![\w.,]19|[\w.,]20)\d\d(?![\w.,]\d)")
_MONTH_YEAR = re.compile(rf"({trie_pattern(MONTH_NAMES)})\.?\s+(?:of\s+)?$")
_ISO_MONTH = re.compile(r"-(0[1-9]|1[0-2])\b")
_DAY_BEFORE = re.compile(r"(?<![\w.,])(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?$")
# The first day of "from 8 to 10 May", "between 9 and 14 January".
_FIRST_DAY = re.compile(r"(?<![\w.,])(\d{1,2})(?:st|nd|rd|th)?\s*(?:and|to|until|through|&|-|–)\s*$")
_DAY_AFTER = re.compile(r"\s+(\d{1,2})(?:st|nd|rd|th)?\b")
_YEAR_NEXT = re.compile(r"\s*,?\s*(?:of\s+)?\d{4}\b")
_HAD_DONE = re.compile(r"\bhad\s+(?:not\s+|already\s+|also\s+)?(?!been\b|to\b)[a-z]+(?:ed|en|wn|ne|id|ld|nt|ht)\b")
# "in March of that year": the year the text gave last, not the published one
_OF_THAT_YEAR = re.compile(r"\s+of\s+(?:that|the\s+same)\s+year\b", re.IGNORECASE)
_MONTH_PREPOSITION = re.compile(
    r"(?:\b(?:in|(by)|since|until|till|(?:up\s+)?to|from|between|during|before|after|early|late|"
    r"(?:the\s+)?(?:end|start|beginning|middle)\s+of)\s+|\bmid-)$",
    re.IGNORECASE,
)
# "the December survey", "The March talks": a month naming what happened in it.
_THE_MONTH = re.compile(r"\b(?:the|this|last)\s+$", re.IGNORECASE)
# "last June": the month's latest time before the published date, never one ahead of it.
_LAST_MONTH = re.compile(r"\blast\s+$", re.IGNORECASE)
_LOWER_NOUN = re.compile(r"\s+[a-z]{3,}")
# "between August and December": a month joined to one just before it.
_JOINED_MONTH = re.compile(rf"{trie_pattern(MONTH_NAMES)}\.?\s*(?:,|and|or|to|through|until|till|-|–)\s*$")
# "September's bar", "lower than August's": a month's own figure; "up six points on January": the
# month a change is measured from.
_MONTH_POSSESSIVE = re.compile(r"['’]s\b")
_CHANGE_ON = re.compile(r"\b(?:up|down|rose|fell|higher|lower)\b[^.;:]{0,40}?\bon\s+$", re.IGNORECASE)
# "November was the busiest month": a month as the subject (not May, March: verbs too).
_MONTH_SUBJECT = re.compile(r"\s+(?:was|saw|brought|had\s+been|has\s+been)\b")
# A month alone that the words around it make a time (not May, March: a name, a verb): "the 28-point
# plan of November", "the largest month of 2025 was November", a caption's "September: 259 km²" and
# "…: November, 701 km²" (not "the fifteenth of February": an ordinal day, written out).
_OF_MONTH = re.compile(r"\b(?:of|was|were|is)\s+$")
_ORDINAL_OF = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w*teenth|twentieth|"
    r"thirtieth|(?:twenty|thirty)-\w+|\d{1,2}(?:st|nd|rd|th)|ides)\s+of\s+$",
    re.IGNORECASE,
)
_NUMBER_NEXT = re.compile(r"\s*[:,]\s*\d")


def _named_month(sentence: str, start: int, end: int) -> bool:
    before = sentence[max(0, start - 30) : start]
    return bool(
        (_OF_MONTH.search(before) and not _ORDINAL_OF.search(before))
        or _NUMBER_NEXT.match(sentence, end)  # (after a colon too: "…: November, 701 km²")
    )


# Every phrase contains one of these, or a week, month or year with "ago", "this", "last" or "next"
# ("two years ago", "last month"); a sentence without any is skipped ("for two years" too).
_KEYWORDS = ("day", "night", "morning", "afternoon", "evening", "tomorrow")
_PERIODS = ("week", "month", "year")
_PERIOD_WORDS = ("ago", "this", "last", "next")
# Weekday names that are parts of names, not dates.
_NOT_A_DATE = re.compile(
    r"(?:good|black|cyber|bloody|holy|easter|ash)\s+$|^\s+(?:times|telegraph|herald|post|express|mirror|mail|"
    r"agreement|accords?|programmes?|programs?|show)\b",
    re.IGNORECASE,
)
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|would|shall|'ll|due|scheduled|expected|set\s+to|plans?\s+to|planned|going\s+to|to\s+be\s+held|"
    r"to\s+(?:meet|hold|resume|start|begin|visit|travel|sign))\b[^,;:]*$",
    re.IGNORECASE,
)
_FUTURE_AFTER = re.compile(r"^\s*(?:will|shall|is\s+due|are\s+due|is\s+scheduled|are\s+scheduled)\b", re.IGNORECASE)
# A reporting verb between a future word and the phrase ends the future ("will…, officials said Monday").
_REPORTING = re.compile(r".*\b(?:said|says|told|announced|added|stated|confirmed|reported)\b", re.IGNORECASE)


@dataclass(frozen=True)
class RelativeDate:
    """A relative date phrase in a sentence; ``value`` is None when it could not be resolved.
    ``resolved_from`` is the published date it was resolved against; ``inferred_from`` the date
    of the text (ISO, a day, month or year) whose year a day or month without one took instead."""

    start: int
    end: int
    phrase: str
    value: str | None
    precision: Precision
    resolved_from: dt.date | None
    inferred_from: str | None = None

    def figure(self) -> Figure:
        """The phrase as a figure: a ``date`` when resolved, else a ``relative-date`` with no value."""
        extra: dict[str, str | None] = {
            "relative": self.phrase,
            "precision": self.precision,
            "resolved_from": self.resolved_from.isoformat() if self.resolved_from else self.inferred_from,
        }
        if self.value is None:
            return Figure(self.start, self.end, "relative-date", None, "date", extra=extra)
        if self.inferred_from is not None:
            extra["inferred_from"] = "text"
        return Figure(self.start, self.end, "date", self.value, "date", extra=extra)


def relative_dates(
    sentence: str,
    anchor: dt.date | None,
    context: str | None = None,
    present: Present = None,
    furthest: str | None = None,
) -> list[RelativeDate]:
    """Every relative date phrase in ``sentence``, resolved against ``anchor`` when it is given;
    without one, days and months without a year against ``context``, the ISO date (day, month or
    year) the text last gave before the sentence, or against ``present`` (see :func:`present_for`;
    ``furthest`` is the latest date the text gave before the sentence)."""
    return _relative_dates(sentence, anchor, context, [], None, present, furthest)


def text_present(text: str) -> str | None:
    """The latest month (``YYYY-MM``) that ``text`` names with its year: when a text without a
    published date was written, near enough to read "the December framework" against."""
    months = []
    for m in _YEAR_DIGITS.finditer(text):  # (the years first: few, and found fast)
        if iso := _ISO_MONTH.match(text, m.end()):
            months.append(f"{m[0]}-{iso[1]}")
        elif named := _MONTH_YEAR.search(text, max(0, m.start() - 14), m.start()):
            months.append(f"{m[0]}-{month_of(named[1]):02d}")
    return max(months, default=None)


def _relative_dates(
    sentence: str,
    anchor: dt.date | None,
    context: str | None,
    figures: list[Figure],
    lowered: str | None = None,
    present: Present = None,
    furthest: str | None = None,
) -> list[RelativeDate]:
    without_year = (
        _without_year(sentence, anchor, context, figures, present, furthest) if _MONTH_NAME.search(sentence) else []
    )
    lowered = fold(sentence) if lowered is None else lowered
    if not has_any(lowered, _KEYWORDS) and not (
        has_any(lowered, _PERIODS) and has_any(lowered, _PERIOD_WORDS)
    ):
        return without_year  # most sentences: spare them the pattern
    found = []
    for m in _PHRASE_FOLDED.finditer(lowered):
        if m["weekday"] and (m["which"] or "on").lower() == "on" and _names_a_thing(sentence, m.start(), m.end()):
            continue
        future = _future(sentence, m.start(), m.end())
        value, precision = _resolve(m, anchor, future)
        found.append(
            RelativeDate(
                m.start(),
                m.end(),
                " ".join(sentence[m.start() : m.end()].split()),
                value,
                precision,
                anchor if value is not None else None,
            )
        )
    return sorted(found + without_year, key=lambda r: r.start) if without_year else found


def _without_year(
    sentence: str,
    anchor: dt.date | None,
    context: str | None,
    figures: list[Figure],
    present: Present = None,
    furthest: str | None = None,
) -> list[RelativeDate]:
    """ "on 2 June", "June 2", "by June", "from 8 to 10 May": days and months the sentence gives no year for."""
    found: list[RelativeDate] = []
    for m in _MONTH_NAME.finditer(sentence):
        if (m.start() and sentence[m.start() - 1].isalpha()) or _YEAR_NEXT.match(sentence, m.end()):
            continue
        start, end, day, deadline, first_day, joined = m.start(), m.end(), None, False, None, False
        if before := _DAY_BEFORE.search(sentence, max(0, start - 12), start):
            start, day = before.start(1), int(before[1])
            first_day = _FIRST_DAY.search(sentence, max(0, start - 14), start)
        elif (after := _DAY_AFTER.match(sentence, end)) and not _YEAR_NEXT.match(sentence, after.end()):
            end, day = after.end(), int(after[1])
        elif preposition := _MONTH_PREPOSITION.search(sentence, max(0, start - 20), start):
            deadline = preposition[1] is not None  # "by June" looks ahead
        elif _JOINED_MONTH.search(sentence, max(0, start - 16), start):
            joined = True
        elif (m[0] not in ("May", "MAY") and _MONTH_POSSESSIVE.match(sentence, end)) or _CHANGE_ON.search(
            sentence, max(0, start - 60), start
        ):
            pass  # (Theresa May's government is no month)
        elif not (m[0] not in ("May", "March", "MAY", "MARCH") and _MONTH_SUBJECT.match(sentence, end)) and not (
            _THE_MONTH.search(sentence, max(0, start - 6), start) and _LOWER_NOUN.match(sentence, end)
        ) and not _LAST_MONTH.search(sentence, max(0, start - 6), start) and not (
            m[0] not in ("May", "March", "MAY", "MARCH") and _named_month(sentence, start, end)
        ):
            continue  # "May", "March" alone may be no date
        month = month_of(m[0])
        last = found[-1] if found else None
        if joined and last and last.value and last.precision == "month" and last.end >= start - 16:
            # "in March, April and June": the months of a list follow each other from the first
            year = int(last.value[:4]) + (month < int(last.value[5:7]))
            found.append(replace(last, start=start, end=end, phrase=m[0], value=f"{year:04d}-{month:02d}"))
            continue
        ahead = deadline or _future(sentence, start, end)
        since = sentence[max(0, start - 6) : start].lower() == "since " or bool(
            _LAST_MONTH.search(sentence, max(0, start - 6), start)
        )
        # "On 11 March Ukraine and the US had offered …": a past perfect near it tells of the time before
        # the published date (without one, of no time before the text's date: "had barred it by mid-April")
        if anchor is not None and not ahead and not since:
            since = _HAD_DONE.search(sentence, max(0, start - 60), end + 60) is not None
        days = [(start, end, day)]
        if first_day and day is not None and int(first_day[1]) < day:
            days.insert(0, (first_day.start(1), first_day.end(1), int(first_day[1])))
        for d_start, d_end, d in days:
            value, inferred = None, None
            earlier = [f for f in figures if f.end <= start]
            year_from = latest_date(earlier, context)
            # "in March of that year": the year the text gave last, not the published one
            that_span = _span(year_from[:4]) if year_from and _OF_THAT_YEAR.match(sentence, end) else None
            that_year = that_span is not None
            if that_span is not None:
                value, inferred = _nearest_year(month, d, *that_span, ahead=False, since=False), year_from
            elif anchor is not None and (same := _same_month(month, d, earlier)):
                value, inferred = same, same
            elif anchor is not None:
                value = _nearest_year(month, d, anchor, anchor, ahead=ahead, since=since)
                if not ahead and value and value > (anchor + dt.timedelta(days=31)).isoformat():
                    value = _after_date_before(month, d, earlier, anchor) or value
                if not ahead and value and value > anchor.isoformat() and (
                    read := _after_text_date(month, d, year_from, anchor)
                ):
                    value, inferred = read, year_from  # (its year is the text's: the article moves on with it)
            elif year_from and (span := _span(year_from)):
                value = _nearest_year(month, d, *span, ahead=ahead, since=since)
                inferred = year_from if value is not None else None
            # "the peak of March 2022 … the framework drawn up in December", in a text whose latest
            # month is November 2025: the December of the text's own time (not when the sentence
            # gave the year itself: "the rounds of 2025, in May, June and July")
            if (
                anchor is None
                and not that_year
                and d is None
                and present is not None
                and (now := present_for(context, furthest, present() if callable(present) else present))
                and (value is None or (year_from == context and _years_apart(value, now)))
                and (span := _span(now))
                and (read := _nearest_year(month, d, *span, ahead=ahead, since=since))
            ):
                value, inferred = read, now
            phrase = " ".join(sentence[d_start:d_end].split())
            found.append(
                RelativeDate(
                    d_start,
                    d_end,
                    phrase,
                    value,
                    "month" if d is None else "day",
                    anchor if value is not None else None,
                    inferred,
                )
            )
    return found


def _years_apart(value: str, other: str) -> bool:
    """Whether the ISO dates ``value`` and ``other`` (a year is its January) are more than a year apart."""
    return abs(_month_index(value) - _month_index(other)) > 12


def _month_index(value: str) -> int:
    return int(value[:4]) * 12 + (int(value[5:7]) if len(value) > 4 else 1)


def present_for(context: str | None, furthest: str | None, present: str | None) -> str | None:
    """``present`` (see :func:`text_present`) where a month without a year is read against it
    rather than ``context``: there is no context, or the text has gone back more than a year
    from the furthest date it gave (``furthest``: "in early 2026 … the peak of March 2022"), or
    the context is more than a year past ``present`` ("the loan for 2026–27")."""
    if present is None or context is None:
        return present
    back = furthest is not None and _month_index(furthest) - _month_index(context) > 12
    return present if back or _month_index(context) - _month_index(present) > 12 else None


def _after_date_before(month: int, day: int | None, before: list[Figure], anchor: dt.date) -> str | None:
    """ "Swaps after the talks of 16 May 2025 and the round of 2 June", published in March 2026:
    a day not spoken of as ahead that the published date would put more than a month ahead takes
    its year from the full date given before it in the sentence, if that puts it in the past."""
    given = [f for f in before if f.rule == "date" and not f.extra]
    span = _span(str(given[-1].value)) if given else None
    value = _nearest_year(month, day, *span, ahead=False, since=False) if span else None
    return value if value and value <= anchor.isoformat() else None


def _same_month(month: int, day: int | None, before: list[Figure]) -> str | None:
    """ "Russia, June 2024: Putin's conditions of 14 June …": a day of the month a date given with its
    year names just before it in the sentence is in that year (whatever the published date)."""
    for f in reversed(before):
        value = f.value
        if f.rule == "date" and not f.extra and isinstance(value, str) and len(value) == 7:
            span = _span(value) if int(value[5:7]) == month else None
            return _nearest_year(month, day, *span, ahead=False, since=False) if span else None
    return None


def _after_text_date(month: int, day: int | None, reached: str | None, anchor: dt.date) -> str | None:
    """ "On 2 March 2025, at the London summit, … Nine days later, on 11 March, …", published in
    February 2026: a day or month not spoken of as ahead that the published date would put ahead
    takes the year that puts it nearest the latest date the text gave before it (``reached``,
    in an earlier sentence too), if that puts it on or before the published date."""
    span = _span(reached) if reached and len(reached) > 4 else None
    value = _nearest_year(month, day, *span, ahead=False, since=False) if span else None
    return value if value and value <= anchor.isoformat() else None


def _span(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day of the ISO day, month or year ``value``."""
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            day = dt.date(*parts)
            return day, day
        if len(parts) == 2:
            first = dt.date(parts[0], parts[1], 1)
            return first, dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1) - dt.timedelta(days=1)
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    except (ValueError, OverflowError, TypeError):
        return None


def _nearest_year(
    month: int, day: int | None, early: dt.date, late: dt.date, *, ahead: bool, since: bool
) -> str | None:
    """The ``day`` (or the month, without one) in the year that puts it nearest the anchor, the
    days ``early`` to ``late`` (one day for a published date): on or after it when ``ahead``, on
    or before it ``since``; else a time ahead counts as twice as far (news mostly reports what has
    happened)."""
    candidates = []
    for year in (early.year - 1, early.year, late.year, late.year + 1):
        try:
            first = dt.date(year, month, day or 1)
            last = first if day else dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        except (ValueError, OverflowError):  # "31 June", or beyond the calendar
            continue
        # (ahead, but not a year on from a day just gone: "the round pencilled in for 5 to 9 March will
        # not happen", published on 13 March)
        if (ahead and last < early - _JUST_GONE) or (since and first > late):
            continue
        distance = (early - last).days if last < early else 0 if first <= late else 2 * (first - late).days
        candidates.append((distance, first))
    if not candidates:
        return None
    best = min(candidates)[1]
    return best.isoformat() if day else f"{best.year:04d}-{best.month:02d}"


def with_relative_dates(
    sentence: str,
    figures: list[Figure],
    anchor: dt.date | None,
    context: str | None = None,
    *,
    lowered: str | None = None,
    present: Present = None,
    furthest: str | None = None,
) -> list[Figure]:
    """``figures`` with the relative dates of ``sentence`` added; a figure inside a relative
    date ("two weeks" in "two weeks ago") gives way to it, and a relative date to a date figure.
    Without ``anchor``, a day or month without a year takes its year from the latest date figure
    before it in the sentence, else from ``context`` (see :func:`latest_date`). Sorted by position.
    ``lowered`` is fold(sentence), when the caller has it already."""
    relative = _relative_dates(sentence, anchor, context, figures, lowered, present, furthest)
    if not relative:
        return figures
    dated = [f for f in figures if f.rule == "date"]
    relative = [r for r in relative if not any(f.start < r.end and r.start < f.end for f in dated)]
    kept = [f for f in figures if not any(f.start < r.end and r.start < f.end for r in relative)]
    return sorted(kept + [r.figure() for r in relative], key=lambda f: f.start)


def latest_date(figures: list[Figure], context: str | None = None) -> str | None:
    """What a later day or month without a year takes its year from: ``context`` moved on by
    each date in ``figures`` that the text gave with its year (see :func:`later_context`), and by a
    day or month that took its year from ``context``, later in that year ("16 May" in a timeline of 2025:
    a later "since 2022" is then background, and "2 June" stays in 2025)."""
    for f in figures:
        if f.rule != "date" or not isinstance(f.value, str):
            continue
        if not (f.extra and "relative" in f.extra):
            context = later_context(context, f.value)
        elif f.extra.get("inferred_from") == "text" and context and f.value[:4] == context[:4] and f.value > context:
            context = f.value  # (not a day or month the text went back to: "in March" after October)
    return context


def reached_date(figures: list[Figure], context: str | None = None) -> str | None:
    """The date an article has reached after ``figures``, for what its descriptions of documents
    refer to: as :func:`latest_date`, and also moved on to a later day or month without a year
    read against the published date, up to it ("On 2 June they handed over memoranda", in an
    article of July 2025 gone back to 2022 before: June 2025), as news gives the year of an
    earlier year's date. With no ``context`` such a day leaves it None: the article is at its
    published date, which is no earlier than the days it reports."""
    for f in figures:
        extra = f.extra
        if (
            extra
            and "resolved_from" in extra
            and "inferred_from" not in extra
            and isinstance(f.value, str)
            and f.value <= extra["resolved_from"]
        ):
            if context is not None and f.value > context:
                context = f.value
        else:
            context = latest_date([f], context)
    return context


def later_context(context: str | None, value: str) -> str:
    """The date a day or month without a year is read against once the text has given ``value``
    after ``context``: ``value``, unless it is a year alone no later than the day or month of
    ``context`` ("on 16 May 2025, the first talks since the spring of 2022 … on 2 June" is 2025),
    as such a year is mostly background."""
    if context is not None and len(value) == 4 and len(context) > 4 and value <= context[:4]:
        return context
    return value


def resolve(phrase: str, anchor: dt.date, *, future: bool = False) -> tuple[str | None, Precision]:
    """The ISO value and precision of one relative date ``phrase`` as of ``anchor``; ``future``
    says which way a bare weekday points. (None, precision) when it is no relative date or
    falls outside the calendar."""
    m = _PHRASE.fullmatch(" ".join(phrase.split()))
    if m is None:
        return None, "day"
    return _resolve(m, anchor, future)


def _names_a_thing(sentence: str, start: int, end: int) -> bool:
    """ "Good Friday Agreement", "The Sunday Times": a weekday inside a name."""
    return bool(_NOT_A_DATE.search(sentence[max(0, start - 8) : start]) or _NOT_A_DATE.match(sentence[end : end + 12]))


def _future(sentence: str, start: int, end: int) -> bool:
    before = sentence[max(0, start - 60) : start]
    reported = _REPORTING.match(before)
    if reported:
        before = before[reported.end() :]
    return bool(_FUTURE_BEFORE.search(before) or _FUTURE_AFTER.match(sentence[end : end + 20]))


def _resolve(m: re.Match[str], anchor: dt.date | None, future: bool) -> tuple[str | None, Precision]:
    precision = _precision(m)
    if anchor is None:
        return None, precision
    try:
        return _value(m, anchor, future), precision
    except (OverflowError, ValueError):  # before year 1 or after 9999
        return None, precision


def _precision(m: re.Match[str]) -> Precision:
    unit = (m["period"] or m["unit"] or "day").lower()
    return unit if unit in ("week", "month", "year") else "day"  # type: ignore[return-value]


def _value(m: re.Match[str], anchor: dt.date, future: bool) -> str | None:
    day = dt.timedelta(days=1)
    if m["fixed"]:
        words = " ".join(m["fixed"].lower().split())
        shift = {"yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2,
                 "the day after tomorrow": 2}.get(words, 0)  # fmt: skip
        return (anchor + shift * day).isoformat()
    if m["count"]:
        raw = m["count"].lower()
        n = int(raw) if raw.isdigit() else _COUNTS[raw]
        unit = m["unit"].lower()
        if not 1 <= n <= _MAX_COUNT[unit]:
            return None
        if unit == "day":
            return (anchor - n * day).isoformat()
        if unit == "week":
            return _monday(anchor - 7 * n * day).isoformat()
        if unit == "month":
            return _month(anchor, -n)
        return f"{anchor.year - n:04d}" if anchor.year - n >= 1 else None
    if m["period"]:
        within = " ".join(m["within"].lower().split())
        step = {"last": -1, "next": 1}.get(within, 0)
        period = m["period"].lower()
        if period == "week":
            return _monday(anchor + 7 * step * day).isoformat()
        if period == "month":
            return _month(anchor, step)
        year = anchor.year + step
        return f"{year:04d}" if 1 <= year <= 9999 else None
    weekday = _WEEKDAYS.index(m["weekday"].lower())
    which = (m["which"] or "").lower()
    back = (anchor.weekday() - weekday) % 7  # days since that weekday, 0 on the day itself
    ahead = (weekday - anchor.weekday()) % 7 or 7  # days until the next one, a week on the day itself
    if which == "last":
        return (anchor - (back or 7) * day).isoformat()
    if which == "next" or future:
        return (anchor + ahead * day).isoformat()
    if which == "this":  # "Thanksgiving, which is this Thursday", on a Monday: the day of the published date's week
        return (_monday(anchor) + weekday * day).isoformat()
    return (anchor - back * day).isoformat()


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _month(anchor: dt.date, step: int) -> str | None:
    index = anchor.year * 12 + anchor.month - 1 + step
    year, month = divmod(index, 12)
    return f"{year:04d}-{month + 1:02d}" if 1 <= year <= 9999 else None
