"""Relative dates ("yesterday", "last Tuesday", "on Monday", "earlier this month", "two weeks
ago", "next week", and days or months without a year: "on 2 June", "by June") found in a
sentence and resolved against the document's published date.

Pure functions. A phrase resolves to the ISO form the figures use for the precision it has:
``YYYY-MM-DD`` for a day (and for a week: the Monday that starts it, with ``precision`` saying
"week"), ``YYYY-MM`` for a month, ``YYYY`` for a year. Without a published date nothing is
guessed: the phrase is kept, unresolved. A bare weekday ("said Monday", "on Friday") means the
last such day on or before the published date, unless the words just before or after it speak
of the future ("will meet on Friday", "talks due on Friday"), then the next one after it. A day
or month without a year takes the year that puts it nearest the published date, a time ahead
counting twice as far: on or after it when the words around it speak of the future or after
"by" ("by June"), on or before it after "since".

Every resolved date lies within :data:`MAX_DAYS` days of the published date: counts are
bounded ("40 years ago" is not read), and dates outside the calendar stay unresolved.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from peacetalks.ingest.figures import _MONTHS, Figure
from peacetalks.ingest.figures import _month as _month_number
from peacetalks.ingest.patterns import trie_pattern

Precision = Literal["day", "week", "month", "year"]

#: No resolved date is further than this from the date it was resolved from (ten years and a bit).
MAX_DAYS = 3700

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
_MONTH_NAMES = [m.capitalize() for m in _MONTHS]
# A month name with its capital, then what is around it: a day before ("2 June") or after ("June
# 2"), else a preposition before ("by June"); never a year after (that is a full date).
_MONTH_NAME = re.compile(rf"{trie_pattern(_MONTH_NAMES)}\.?\b")
_DAY_BEFORE = re.compile(r"(?<![\w.,])(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?$")
_DAY_AFTER = re.compile(r"\s+(\d{1,2})(?:st|nd|rd|th)?\b")
_YEAR_NEXT = re.compile(r"\s*,?\s*(?:of\s+)?\d{4}\b")
_MONTH_PREPOSITION = re.compile(
    r"\b(?:in|(by)|since|until|till|from|during|before|after|early|late)\s+$", re.IGNORECASE
)
# Every phrase contains one of these; a sentence without any is skipped.
_KEYWORDS = ("day", "night", "morning", "afternoon", "evening", "tomorrow", "week", "month", "year")
# Weekday names that are parts of names, not dates.
_NOT_A_DATE = re.compile(
    r"(?:good|black|cyber|bloody|holy|easter|ash)\s+$|^\s+(?:times|telegraph|herald|post|express|mirror|mail|"
    r"agreement|accords?)\b",
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
    """A relative date phrase in a sentence; ``value`` is None when it could not be resolved."""

    start: int
    end: int
    phrase: str
    value: str | None
    precision: Precision
    resolved_from: dt.date | None

    def figure(self) -> Figure:
        """The phrase as a figure: a ``date`` when resolved, else a ``relative-date`` with no value."""
        extra = {
            "relative": self.phrase,
            "precision": self.precision,
            "resolved_from": self.resolved_from.isoformat() if self.resolved_from else None,
        }
        if self.value is None:
            return Figure(self.start, self.end, "relative-date", None, "date", extra=extra)
        return Figure(self.start, self.end, "date", self.value, "date", extra=extra)


def relative_dates(sentence: str, anchor: dt.date | None) -> list[RelativeDate]:
    """Every relative date phrase in ``sentence``, resolved against ``anchor`` when it is given."""
    without_year = _without_year(sentence, anchor) if _MONTH_NAME.search(sentence) else []
    lowered = sentence.lower()
    if not any(map(lowered.__contains__, _KEYWORDS)):
        return without_year  # most sentences: spare them the pattern
    found = []
    for m in _PHRASE.finditer(sentence):
        if m["weekday"] and (m["which"] or "on").lower() == "on" and _names_a_thing(sentence, m.start(), m.end()):
            continue
        future = _future(sentence, m.start(), m.end())
        value, precision = _resolve(m, anchor, future)
        found.append(
            RelativeDate(
                m.start(),
                m.end(),
                " ".join(m[0].split()),
                value,
                precision,
                anchor if value is not None else None,
            )
        )
    return sorted(found + without_year, key=lambda r: r.start) if without_year else found


def _without_year(sentence: str, anchor: dt.date | None) -> list[RelativeDate]:
    """ "on 2 June", "June 2", "by June": days and months the sentence gives no year for."""
    found = []
    for m in _MONTH_NAME.finditer(sentence):
        if (m.start() and sentence[m.start() - 1].isalpha()) or _YEAR_NEXT.match(sentence, m.end()):
            continue
        start, end, day, deadline = m.start(), m.end(), None, False
        if before := _DAY_BEFORE.search(sentence, max(0, start - 12), start):
            start, day = before.start(1), int(before[1])
        elif (after := _DAY_AFTER.match(sentence, end)) and not _YEAR_NEXT.match(sentence, after.end()):
            end, day = after.end(), int(after[1])
        elif preposition := _MONTH_PREPOSITION.search(sentence, max(0, start - 8), start):
            deadline = preposition[1] is not None  # "by June" looks ahead
        else:
            continue  # "May", "March" alone may be no date
        precision: Precision = "month" if day is None else "day"
        value = None
        if anchor is not None:
            ahead = deadline or _future(sentence, start, end)
            since = sentence[max(0, start - 6) : start].lower() == "since "
            value = _nearest_year(_month_number(m[0]), day, anchor, ahead=ahead, since=since)
        phrase = " ".join(sentence[start:end].split())
        found.append(RelativeDate(start, end, phrase, value, precision, anchor if value is not None else None))
    return found


def _nearest_year(month: int, day: int | None, anchor: dt.date, *, ahead: bool, since: bool) -> str | None:
    """The ``day`` (or the month, without one) in the year that puts it nearest ``anchor``: on or
    after it when ``ahead``, on or before it ``since``; else a time ahead counts as twice as far
    (news mostly reports what has happened)."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            first = dt.date(year, month, day or 1)
            last = first if day else dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        except (ValueError, OverflowError):  # "31 June", or beyond the calendar
            continue
        if (ahead and last < anchor) or (since and first > anchor):
            continue
        distance = (anchor - last).days if last < anchor else 0 if first <= anchor else 2 * (first - anchor).days
        candidates.append((distance, first))
    if not candidates:
        return None
    best = min(candidates)[1]
    return best.isoformat() if day else f"{best.year:04d}-{best.month:02d}"


def with_relative_dates(sentence: str, figures: list[Figure], anchor: dt.date | None) -> list[Figure]:
    """``figures`` with the relative dates of ``sentence`` added; a figure inside a relative
    date ("two weeks" in "two weeks ago") gives way to it. Sorted by position."""
    relative = relative_dates(sentence, anchor)
    if not relative:
        return figures
    kept = [f for f in figures if not any(f.start < r.end and r.start < f.end for r in relative)]
    return sorted(kept + [r.figure() for r in relative], key=lambda f: f.start)


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
    return (anchor - back * day).isoformat()


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _month(anchor: dt.date, step: int) -> str | None:
    index = anchor.year * 12 + anchor.month - 1 + step
    year, month = divmod(index, 12)
    return f"{year:04d}-{month + 1:02d}" if 1 <= year <= 9999 else None
