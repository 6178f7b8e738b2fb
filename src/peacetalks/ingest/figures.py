"""Figures in a sentence, with units normalised.

Each rule finds one kind of figure; a span claimed by an earlier rule is not reused by a later
one, so "12 March 2025" is one date and not also a count of 12. Normalised units:

- percentages → ``%`` (percentage points → ``pp``), with what they measure when the sentence says;
- areas → ``km2`` (square miles × 2.589988, hectares ÷ 100, acres × 0.00404686); lengths → ``km``
  (miles × 1.609344, metres ÷ 1,000);
- money → ``USD``, ``EUR``, ``GBP``, ``RUB``, ``UAH``, ``CNY`` or ``CHF`` in units (bn/billion ×
  1e9, m/million × 1e6);
- counts → the thing counted (``troops``, ``prisoners``, ``people``, ``children``, ``tanks``,
  ``countries``, ``votes``, ``tonnes``, ``barrels``…), also a poll's sample ("n=1,022": people), a
  prisoner swap ("175 for 175": one figure) and the parts that add up to a count ("500 came home,
  200 and then 300");
- durations → ``day`` (week 7, month 30.44, year 365.25 days) or ``hour`` ("4 hrs" too), also
  without a number ("for a week", "a month-long truce"), but not points in time ("two days later");
- dates → ``date`` with an ISO value (``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` when that is all
  the text gives): numeric ones day first ("19.09.2014"), and a year alone unless it is a count
  ("2000 troops", "some 2000").

Both numbers of a range ("30 to 50 years") or change ("from 880,000 to 600,000 troops") are
figures of the second's unit, each with the pair in ``extra`` (``range`` or ``change``), and so
are numbers listed before them ("5, 10 or 40 km", "50, 70 and 140 km").
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, replace
from typing import Any

from peacetalks.ingest.patterns import fold, has_any, trie_pattern

# Each month's names in lower case, the full one first.
_MONTH_FORMS = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
#: Every name of a month, in lower case, with its number.
MONTHS = {m: i + 1 for i, names in enumerate(_MONTH_FORMS) for m in names}
FULL_MONTHS = tuple(names[0] for names in _MONTH_FORMS)
SHORT_MONTHS = tuple(m for names in _MONTH_FORMS for m in names[1:])
#: Capitalised or, as datelines and factboxes write them, in capitals ("DEC. 28, 2025", "MARCH 2022").
MONTH_NAMES = (*(m.capitalize() for m in MONTHS), *(m.upper() for m in MONTHS))
_MONTH = "(?:" + trie_pattern(MONTH_NAMES) + r")\.?"
# r"\b" + _MONTH as a trie that checks the character before after the first letter: re then skips
# ahead to the capitals months begin with (five times faster than trying each name at each word).
_MONTH_WORD = "(?:" + trie_pattern(MONTH_NAMES, not_after=r"\w") + r")\.?"
_WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "a dozen": 12,
    "half a": 0.5,
    "one and a half": 1.5,
    "two and a half": 2.5,
    "three and a half": 3.5,
    "a quarter of a": 0.25,
    "three quarters of a": 0.75,
    "a thousand": 1e3,
    "a million": 1e6,
    "a billion": 1e9,
}
# "twenty-five", "forty one": a space in a word number stands for blanks or a hyphen.
_WORD_NUMBERS.update(
    {f"{tens} {unit}": _WORD_NUMBERS[tens] + _WORD_NUMBERS[unit]
     for tens in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
     for unit in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")}
)  # fmt: skip
# "two hundred and thirty billion dollars", "one hundred and ninety-three": numbers said aloud.
_WORD_NUMBERS.update(
    {f"{lead} hundred{f' and {rest}' if rest else ''}": _WORD_NUMBERS[lead] * 100 + (_WORD_NUMBERS[rest] if rest else 0)
     for lead in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
     for rest in ("", *(w for w, v in list(_WORD_NUMBERS.items())
                        if isinstance(v, int) and 1 <= v <= 99 and " a" not in f" {w}"))}
)  # fmt: skip
# A number not inside a longer one: "600,000", "2.5", also with spaces between the thousands
# ("3 000", "3\u202f000", as style guides outside the US write them). It begins with its first
# digit (the check on the character before comes after it), which lets re skip ahead to digits
# instead of trying every position.
# (not a day after its month: "on March 3 500 prisoners" are 500; a genuine thousands group)
_NOT_A_DAY = "".join(
    f"(?<!{end} {digits})"
    for end in ("ary", "rch", "ril", "May", "une", "uly", "ust", "ber", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
                "Sep", "ept", "Oct", "Nov", "Dec")
    for digits in (r"\d", r"\d\d")
)  # fmt: skip
# (nor a number that labels something: "round 3 500 prisoners", "day 12 150 prisoners", "No. 4 300 troops")
_NOT_A_DAY += "".join(
    f"(?<!{word} {digits})"
    for stem in ("round", "day", "no.", "article", "point", "item", "line", "phase", "part", "section", "paragraph",
                 "resolution", "page", "group", "stage", "annex", "clause")
    for word in (stem, stem.capitalize())
    for digits in (r"\d", r"\d\d")
)  # fmt: skip
_SPACED = r"[ \u00a0\u2009\u202f]\d{3}(?![\d,])"
# (and never at a zero before a digit: "section 3 000 troops", not joined, has no count "000")
_NO_LEADING_ZERO = r"(?<!(?<![\d.,])0(?=\d))"
_NUM = (
    rf"(\d(?<![\w.,]\d){_NO_LEADING_ZERO}(?:\d{{0,2}}(?:,\d{{3}})+|\d{{0,2}}(?={_SPACED}){_NOT_A_DAY}(?:{_SPACED})+|\d*))"
    r"(?:\.(\d+))?"
    rf"(?!\d|,\d{{3}}(?!\d)|{_SPACED})"
)
_WNUM = rf"(?:{_NUM}|(?i:\b({trie_pattern(_WORD_NUMBERS)})\b))"
# _WNUM for fold(sentence), the words matched case-sensitively: re then drops a branch of the trie
# after one character, which with IGNORECASE it cannot (_DURATION, _COUNT: a third faster).
_WNUM_FOLDED = rf"(?:{_NUM}|\b({trie_pattern(_WORD_NUMBERS)})\b)"
# _WNUM for a sentence without number words: the same groups, the third always empty.
_DNUM = rf"(?:{_NUM}())"
# ("90 Mrd. Euro", "12 000 milliards de dollars": a milliard, as German, French and Italian copy
# write a billion)
_SCALE = r"(?:\s*(trillion|trn|tn|billion|bn|bln|milliards?|miliardi|mrd|mld|million|mln|mn|thousand|hundred|m|k)\b)?"
# "about", "no more than": words before a number that leave it the number it is.
_ABOUT = (
    "(?:(?:"
    + trie_pattern(("about", "around", "some", "roughly", "nearly", "almost", "over", "under", "just over",
                    "just under", "up to", "at most", "at least", "no more than", "not more than", "more than",
                    "fewer than", "less than"))
    + r")\s+)?"
)  # fmt: skip
_SCALES = {
    "trillion": 1e12,
    "trn": 1e12,
    "tn": 1e12,
    "billion": 1e9,
    "bn": 1e9,
    "million": 1e6,
    "mln": 1e6,
    "bln": 1e9,
    "milliard": 1e9,
    "milliards": 1e9,
    "miliardi": 1e9,
    "mrd": 1e9,
    "mld": 1e9,
    "mn": 1e6,
    "m": 1e6,
    "thousand": 1e3,
    "hundred": 100.0,
    "k": 1e3,
}

# ("18-Mar-2014", as registers and filings write it, too)
_DATE_DMY = re.compile(rf"(\d(?<!\w\d)\d?)(?:(?:st|nd|rd|th)?\s+(?:of\s+)?|-)({_MONTH})(?:\s*,?\s+|-)(\d{{4}})\b")
_DATE_MDY = re.compile(rf"({_MONTH_WORD})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")
_DATE_ISO = re.compile(r"\b(\d{4})([-/])(\d{2})\2(\d{2})\b")  # ("2026/01/06" too)
_DATE_MY = re.compile(rf"({_MONTH_WORD})\s+(?:of\s+)?(\d{{4}})\b")
# "19.09.2014", "31/03/2022": day first, as in most of the world; "3/31/2022" when only that is a date.
_DATE_NUMERIC = re.compile(r"(\d(?<![\w.,/]\d)\d?)([./])(\d{1,2})\2(\d{4})\b(?![.,/]\d)")
# The first day of "14 and 15 December 2025", just before a full date.
_DAY_BEFORE_DATE = re.compile(r"(?<![\w,.])(\d{1,2})(?:st|nd|rd|th)?\s*(?:and|to|&|-|–)\s*$")
# A day or month joined to a full date that gives the year for both: "between 14 February and 4
# March 2025", "29 October to 2 November 2022", "October 29 and November 2, 2022", "in March and
# May 2023".
_JOINED = r"\s*,?\s*(?:and|or|to|until|till|through|&|-|–)\s*$"
_DAY_MONTH_BEFORE = re.compile(rf"(?<![\w,.])(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH}){_JOINED}")
_MONTH_DAY_BEFORE = re.compile(rf"({_MONTH_WORD})\s+(\d{{1,2}})(?:st|nd|rd|th)?{_JOINED}")
_MONTH_BEFORE = re.compile(rf"({_MONTH_WORD}){_JOINED}")
# A year is a date, unless it is a count: after a word that also comes before counts ("around 2000
# troops") or before what is counted ("2000 people", "2000 km"). The year is found first: re skips
# ahead to digits.
_YEAR = re.compile(r"(?:19|20)(?<![\w.,]19|[\w.,]20)\d\d\b(?![-–]\w)")
# "in 2022–24", "2014-2015": both years of a span.
_YEARS = re.compile(r"((?:19|20)(?<![\w.,$€£]19|[\w.,$€£]20)\d\d)(?:\s?[-–]\s?|/)((?:19|20)?\d\d)\b(?![-–.,/]?\d)")
# ("spring 2022", "Putin's 2024 conditions", "the figure for 2024" too)
_YEAR_BEFORE = re.compile(
    r"(?:\b(in|since|by|until|till|from|before|after|during|early|late|mid-?|the|around|over|circa|of|with|between|than|"
    r"for|spring|summer|autumn|winter)\s+|\b(?:pre|post|mid)-|\w(['’]s)\s+"
    r"|\b(?:spring|summer|autumn|winter|end|start|beginning|middle|half|quarter)\s+of\s+|\bQ[1-4]\s+)$",
    re.IGNORECASE,
)
# "FY2024", "FY 2025": a fiscal year, by the calendar year it is named after.
_FISCAL_YEAR = re.compile(r"\bFY\s?((?:19|20)\d\d)\b")
_JOINED_YEAR = re.compile(r"\s+(?:and|or|to)\s+")
# "around 2000 troops", "of 1950 km" are no years: these words also come before counts.
_COUNT_WORDS = frozenset(("around", "over", "circa", "of", "with", "between", "than"))
# A number of things, not a year, by a word just before it: "No. 2014", "resolution 2022", "some 2000".
_NOT_A_YEAR_BEFORE = re.compile(
    r"(?:\b(?:no|nos|number|resolution|article|page|flight|room|about|some|nearly|almost|approximately|roughly|"
    r"least|only|total|totalling|reached)\.?|[#№$€£₴])\s*$",
    re.IGNORECASE,
)
# A word after a number that may be what it counts: a plural noun ("2000 troops"), not a verb or
# another word ending in s ("the biggest month of 2025 was November").
_PLURAL = r"(?!(?:was|has|is|as|its|this|his|thus|plus|always|perhaps|whereas|unless|across|besides)\b)[a-z]+s\b"
_COUNTED_AFTER = re.compile(rf"\s+(?:{_PLURAL}|km\b|staff\b|personnel\b)")
# A sign or code before a sum: "$5bn", "₽300bn", "CHF 7.5bn", also "EUR1.5bn" (the number then
# after a letter, which _NUM elsewhere refuses).
_SIGN = r"(?:US\$|\$|€|£|₴|₽)"
_CODES = r"(?:USD|EUR|GBP|RUB|UAH|CHF|CNY)"
_CURRENCY_BEFORE = rf"({_SIGN}\s?|\b{_CODES}(?:\s|(?=\d)))"
_NUM_AFTER_CODE = _NUM.replace(r"\d(?<![\w.,]\d)", r"\d(?<![.,]\d)", 1)
# ("EUR 185–193bn", "$5 to 10 billion": both ends of a range, in the scale after the second)
_MONEY_PRE = re.compile(
    rf"{_CURRENCY_BEFORE}{_NUM_AFTER_CODE}(?:\s*(?:-|–|to)\s*{_SIGN}?{_NUM})?{_SCALE}",
    re.IGNORECASE,
)
# "between EUR 185bn and 193bn", "between $5 and 10 billion": both ends, each in its own scale or the second's.
_MONEY_BETWEEN = re.compile(
    rf"\bbetween\s+{_CURRENCY_BEFORE}{_NUM_AFTER_CODE}{_SCALE}\s+and\s+(?:{_SIGN}|{_CODES}\s)?\s?"
    rf"{_NUM}{_SCALE}",
    re.IGNORECASE,
)
_WORD_AFTER = re.compile(r"\s+[A-Za-z]")
# "a twelve-trillion-dollar package": money in words.
_MONEY_WORDS = re.compile(
    rf"\b({trie_pattern(_WORD_NUMBERS)})[\s-](trillion|billion|million)[\s-](dollar|euro|pound)s?\b", re.IGNORECASE
)
_MONEY_POST = re.compile(
    rf"{_NUM}{_SCALE}\.?\s*(?:(?:US|American|di|de)\s+)?(dollars?|euros?|pounds|roubles|rubles|hryvnias?|hryvnyas?|yuan|renminbi|swiss\s+francs?|USD|EUR|GBP|RUB|UAH|CNY|CHF)\b",
    re.IGNORECASE,
)
_AREA = re.compile(
    rf"{_NUM}{_SCALE}\s*(square\s+kilomet(?:re|er)s?|square\s+km|sq\.?\s?km|km2|km²|square\s+miles?|sq\.?\s?mi(?:les?)?|hectares?|acres?)",
    re.IGNORECASE,
)
# "20pc": British papers' short form.
# The patterns marked "in fold(sentence)" are searched for there, case-sensitively: written in lower case,
# they find there what they find with IGNORECASE in the sentence (tests/test_ingest_prechecks.py), about
# twice as fast. Text whose case is kept is read from the sentence by the match's offsets.
_PERCENT = re.compile(rf"{_NUM}[\s-]?(%|per\s?cent\b|percent\b|pc\b|percentage\s+points?\b)")  # in fold(sentence)
# "ten per cent": the same with the number in words (the groups: none, none, the word, the unit); in fold(sentence).
_PERCENT_WORDS = re.compile(
    rf"()()\b({trie_pattern(_WORD_NUMBERS)})[\s-](per\s?cent|percent|percentage\s+points?)\b"
)
# ("4 hrs", "10 yrs": the short forms of crawls and notes)
_DURATION_UNITS = r"(?:-|\s+)(minutes?|hours?|hrs?|days?|weeks?|fortnights?|months?|years?|yrs?|decades?)\b"
_SHORT_UNITS = {"hr": "hour", "yr": "year"}
# "for a week", "within a year": a duration of one unit without a number (in fold(sentence)).
# "up 6 points in a month": "in" only where the clause ends after it ("in a year when" is no span).
_A_DURATION = re.compile(
    r"\b(?:(?:for|within|over|lasting|up\s+to)\s+(?:about\s+|nearly\s+|almost\s+|roughly\s+|just\s+|more\s+than\s+|"
    r"less\s+than\s+|over\s+|under\s+|at\s+least\s+)?an?\s+"
    r"(hour|day|week|fortnight|month|year|decade)\b"
    r"|in\s+an?\s+(hour|day|week|fortnight|month|year|decade)(?=\s*(?:[,;:.)]|$))"
    # "a month-long truce", "a year-long freeze"
    r"|(hour|day|week|fortnight|month|year|decade)-long)"
)
# "Two days later", "Four years on,", "three days after the deal": a point in time, not a
# duration, unless a word before says it lasted ("for two days before agreeing").
_RELATIVE_AFTER = re.compile(r"\s*(?:later|earlier|after|before|into|on(?=\s*[,;:.)]|\s*$))\b", re.IGNORECASE)
_LATER = re.compile(r"\s*(?:later|earlier)\b", re.IGNORECASE)
_SPAN_BEFORE = re.compile(r"\b(?:for|within|over|lasting|during)\s+(?:about\s+|nearly\s+|almost\s+)?$", re.IGNORECASE)
# "these two nations", "the two sides": a reference back, not a count.
# A word that labels the number after it ("article 5", "step 3"), in fold(sentence).
_LABELLED = re.compile(
    r"\b(?:article|art\.|round|no\.|point|item|line|phase|part|section|paragraph|resolution|page|stage|annex|clause|"
    r"step|chapter|card|question|episode)\s+$"
)
_REFERENCE_BEFORE = re.compile(r"\b(?:the(?:\s+same)?|these|those|both|its|their)\s+$", re.IGNORECASE)
_DURATION = re.compile(_WNUM_FOLDED + _DURATION_UNITS)  # in fold(sentence)
_DURATION_DIGITS = re.compile(_DNUM + _DURATION_UNITS)  # in fold(sentence)
_COUNTED = {
    "troops": "troops",
    "soldiers": "troops",
    "soldats": "troops",  # (French copy quoted in translation: "15 000 à 30 000 soldats")
    "soldaten": "troops",
    "servicemen": "troops",
    "personnel": "troops",
    "fighters": "troops",
    "prisoners": "prisoners",
    "pows": "prisoners",
    "captives": "prisoners",
    "detainees": "prisoners",
    "people": "people",
    "persons": "people",
    "citizens": "people",
    "adults": "people",
    "voters": "people",
    "men": "people",
    "women": "people",
    "volunteers": "people",
    "workers": "people",
    "journalists": "people",
    "diplomats": "people",
    "ukrainians": "people",
    "russians": "people",
    "americans": "people",
    "europeans": "people",
    "mercenaries": "troops",
    "peacekeepers": "troops",
    "conscripts": "troops",
    "recruits": "troops",
    "deaths": "casualties",
    "injuries": "casualties",
    "vessels": "vessels",
    "ships": "vessels",
    "tankers": "vessels",
    "boats": "vessels",
    "warships": "vessels",
    "civilians": "civilians",
    "children": "children",
    "refugees": "people",
    "residents": "people",
    "casualties": "casualties",
    "dead": "casualties",
    "tanks": "tanks",
    "drones": "drones",
    "missiles": "missiles",
    "vehicles": "vehicles",
    "bodies": "bodies",
    "villages": "settlements",
    "settlements": "settlements",
    "towns": "settlements",
    "respondents": "people",
    "delegates": "people",
    "negotiators": "people",
    "deportees": "people",
    "hostages": "prisoners",
    "delegations": "delegations",
    "households": "households",
    "families": "households",
    "homes": "homes",
    "buildings": "buildings",
    "launchers": "launchers",
    "rockets": "missiles",
    "shells": "shells",
    "aircraft": "aircraft",
    "jets": "aircraft",
    "planes": "aircraft",
    "helicopters": "aircraft",
    "staff": "people",
    "leaders": "people",
    "observers": "people",
    "monitors": "people",
    "countries": "countries",
    "guarantors": "countries",
    "nations": "countries",
    "states": "countries",
    "organisations": "organisations",
    "organizations": "organisations",
    "votes": "votes",
    "abstentions": "votes",
    "tonnes": "tonnes",
    "tons": "tonnes",
    "barrels": "barrels",
    "bpd": "barrels",  # barrels per day (``extra.per``)
}
# "2000 people", "2000 km", "1990 in all": a count after a number that could be a year.
_UNIT_AFTER = (
    r"\s*(?:%|[-\s]?(?:per\s?cent|percent|km|kilomet|miles?\b|metres?|meters?|sq\b|square|hectares?|acres?|tonnes?|tons?\b|"
    r"bn\b|billion|million|thousand|hours?\b|hrs?\b|yrs?\b|days?\b|weeks?\b|months?\b|years?\b))"
)
_NOT_A_YEAR_AFTER = re.compile(
    rf"{_UNIT_AFTER}|\s+(?:[A-Za-z-]+\s+){{0,2}}?(?:{trie_pattern(_COUNTED)})\b|\s+{_PLURAL}|\s+in\s+all\b",
    re.IGNORECASE,
)
# After "for" or a possessive only a unit or a counted noun says a number is no year.
_COUNT_AFTER = re.compile(rf"{_UNIT_AFTER}|\s+(?:[A-Za-z-]+\s+)?(?:{trie_pattern(_COUNTED)})\b", re.IGNORECASE)
# "two people present", "people familiar with the talks": who a report cites, not a count.
_SOURCES_AFTER = re.compile(
    r"\s+(?:familiar|briefed|close\s+to|aware|with\s+(?:knowledge|direct))\b", re.IGNORECASE
)
# (not a speed: "150 km/h", "90 kilometres per hour", "60 mph")
_LENGTH = re.compile(
    rf"{_NUM}{_SCALE}(?:-|\s*)(kilomet(?:re|er)s?|km|miles?|metres?|meters?)\b(?![²2]|\s*/\s*h\b|\s+(?:per|an)\s+hour\b)",
    re.IGNORECASE,
)
# "a 15,000-strong force": troops.
_STRONG = re.compile(
    rf"{_NUM}{_SCALE}-strong\s+(?:[\w-]+\s+)?(?:force|contingent|army|mission|brigade|corps|battalion)\b", re.IGNORECASE
)
# "by 93 votes to 18": the votes against.
_VOTES_AGAINST = re.compile(rf"\bvotes?\s+(?:to|against)\s+{_WNUM}", re.IGNORECASE)
# "141 in favour, five against": the other ends of a tally, in a sentence about a vote.
_TALLY = re.compile(rf"{_WNUM}\s+(?:against|opposed|abstain(?:ed|ing)|in\s+favou?r)\b", re.IGNORECASE)
# "voted 141 to 7", "the tallies: 143 to 5", "passed 93–18–65": each part of a tally (for, against,
# abstaining), in a sentence about a vote.
_TALLY_TO = re.compile(
    rf"{_NUM}(?:\s+to\s+|\s*[-–]\s*){_NUM}(?:\s*[-–]\s*{_NUM})?(?:\s+votes?\b)?"
    rf"(?!\s*(?:%|per\b)|\s+(?:[A-Za-z]+s|{_MONTH})\b|[\w.,]\d|[\w-])"
)
# "the number of listed tankers to 557": a count with its noun before it.
# "about 35 members of the Coalition of the Willing", "27 member states of the EU": countries (a
# body of states; not "members of parliament", "members of the delegation").
_MEMBERS_OF = re.compile(
    rf"{_WNUM}\s+(?:member\s+states|members)\s+of\s+the\s+(?:Coalition\s+of\s+the\s+Willing|European\s+Union|EU|NATO|"
    r"(?:Atlantic\s+|military\s+)?alliance|G7|G20|(?:UN\s+)?Security\s+Council)\b",
    re.IGNORECASE,
)
_NUMBER_OF = re.compile(
    rf"\bnumber\s+of\s+(?:[A-Za-z-]+\s+){{0,2}}?({trie_pattern(_COUNTED)})\b[^.;,]{{0,30}}?"
    rf"\b(?:to|at|was|is|reached|of)\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+)?"
    rf"{_NUM}{_SCALE}(?!\s*(?:%|per))",
    re.IGNORECASE,
)
# A number without its noun that takes the unit of the count before it in the sentence: "2,514
# civilians were killed and 12,142 injured", "12 people and 40 others", "415,000 soldiers, some
# 35,000 a month" (a rate: ``extra.per``), "1.8 million people, and the total could reach two
# million" (a scale word, and no plural noun after it); after "losses" or "toll" without such a
# count, casualties ("losses of about 1,000 a day").
_ELLIPTIC_TAIL = (
    rf"(?:{_SCALE}(?:\s+(others?|more)\b"
    r"|(?=\s+(?:of\s+(?:them|whom)\s+)?(?:were\s+|had\s+been\s+|have\s+been\s+)?(?:[a-z]+ly\s+)?(?:injured|wounded|killed|dead|died|missing|hurt|"
    r"captured|detained|freed|released|displaced|evacuated|deported)\b)"
    r"|\s+(?:a|per|each)\s+(day|week|month|year)\b)"
    r"|\s*(trillion|billion|bn|bln|million|mln|thousand)\b(?!\s+(?!(?:was|has|is|its|this|as|plus)\b)[a-z]+s\b))"
)
_ELLIPTIC = re.compile(_WNUM + _ELLIPTIC_TAIL, re.IGNORECASE)
_ELLIPTIC_DIGITS = re.compile(_DNUM + _ELLIPTIC_TAIL, re.IGNORECASE)
# What an elliptical number is next to (see _ELLIPTIC and _ELLIPTIC_AFTER_VERB), for cheap checks first.
_ELLIPTIC_VERBS = (
    "injured", "wounded", "killed", "dead", "died", "missing", "hurt", "captured", "detained", "freed", "released",
    "displaced", "evacuated", "deported",
)  # fmt: skip
_ELLIPTIC_WORDS = (*_ELLIPTIC_VERBS, "other", "more", "illion", "thousand", "bn", "mln")
_AFTER_VERB_WORDS = (
    *_ELLIPTIC_VERBS, "recorded", "verified", "counted", "registered", "documented", "identified", "add", "proposed",
    "offered", "lost", "another", "further",
)  # fmt: skip
_RATE = re.compile(r"\b(?:a|per|each)\s+(?:day|week|month|year)\b")
# "1,100 soldiers a day", "€8 billion a year": a count or sum per unit of time (``extra.per``).
# ("$1,500 per capita", "€900 per head": per person)
_PER_AFTER = re.compile(
    r"\s+(?:(?:a|per|each)\s+(day|week|month|year)\b|per\s+(capita|head|person|inhabitant|resident)\b)", re.IGNORECASE
)
# "killed 25 people and injured at least 40", "1,200 prisoners, and another 84 in October": the
# verb or "another" before the number, nothing after it.
_ELLIPTIC_AFTER_VERB = re.compile(
    r"\b(?:(?:injured|wounded|killed|captured|detained|freed|released|evacuated|deported|recorded|verified|counted|"
    r"registered|documented|identified|add(?:s|ed|ing)?|proposed|offered|(lost))\s+(?:at\s+least\s+|"
    r"more\s+than\s+|some\s+|about\s+|around\s+|roughly\s+|nearly\s+|over\s+|another\s+)?|another\s+|a\s+further\s+)"
    rf"{_NUM}{_SCALE}(?=\s*(?:[,.;:)]|$)|\s+(?:in|on|at|and|when|after|during|overnight|by)\b)",
    re.IGNORECASE,
)
# "set the limit at 600,000", "a ceiling of 800,000": in talks on a war, a cap without a noun is
# on troops (from 10,000 on; a noun after it says otherwise).
_CAP = re.compile(
    rf"\b(?:limit(?:ed|s)?|cap(?:ped|s)?|ceiling)\b[^.;]{{0,20}}?\b(?:of|at|to)\s+{_ABOUT}{_NUM}{_SCALE}"
    r"(?!,\d|\s*(?:%|per\b)|\s+[A-Za-z]+s\b)",
    re.IGNORECASE,
)
# "the 600,000 ceiling", "a 250,000-troop cap": the same, the number first.
_CAP_BEFORE = re.compile(
    rf"{_NUM}{_SCALE}[\s-](?:(?:troops?|army|personnel|soldiers?|manpower)[\s-])?(?:limit|cap|ceiling)\b", re.IGNORECASE
)
# "keeps them at 800,000 in peacetime": a strength in peacetime is an army's, in troops.
_PEACETIME = re.compile(rf"{_NUM}{_SCALE}\s+in\s+peacetime\b", re.IGNORECASE)
_VERB_AFTER = re.compile(
    r"\s+(?:of\s+(?:them|whom)\s+)?(?:were\s+|had\s+been\s+|have\s+been\s+)?(?:[a-z]+ly\s+)?([a-z]+)", re.IGNORECASE
)
# A sentence on military losses, in fold(sentence): its dead are troops.
_MILITARY = re.compile(
    r"\b(?:military|soldiers?|troops|servicemen|army|armed forces|defen[cs]e ministry|ministry of defen[cs]e)\b"
)
# … when it speaks of losses (or of dead an army acknowledges or counts), not of a military strike that left
# them ("a military strike left 12 dead").
_MILITARY_LOSSES = re.compile(
    r"\b(?:casualt|loss|lost|toll|military\s+dead|dead\s+soldiers|killed\s+in\s+action|acknowledg|admit|"
    r"defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e)"
)
# "1.2 million casualties, 275,000 to 325,000 of them killed": the dead among a war's casualties,
# which a sentence on no civilians counts as soldiers (in fold(sentence)).
_KILLED_AMONG = re.compile(r"\bcasualties\b[^.;]{0,80}?\b(?:including|of\s+them|of\s+whom|among\s+them)\b")
# Counted as people, but prisoners when a sentence is about an exchange ("1,200 Ukrainians").
_NATIONALS = frozenset(("ukrainians", "russians"))
_EXCHANGE_WORDS = ("exchang", "swap", "prisoner", "pows", "captiv")
_TOLL_OF = re.compile(
    r"\b(?:toll|losses)\s+(?:of|at|to)\s+(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|almost\s+)?$", re.IGNORECASE
)
_LOSSES_BEFORE = re.compile(r"\b(?:losses|toll|lost)\b", re.IGNORECASE)
# "one in five", "three out of four": shares, as percentages (in fold(sentence)); fractions in words ("a
# fifth of", "two-thirds of") are no figures, as every annotated set's guide has it.
_ONE_IN = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine)\s+(?:in|out\s+of)\s+(two|three|four|five|six|seven|eight|"
    r"nine|ten)\b"
)
# "1 in 5 Ukrainians", "3 out of 4 respondents" (not "1 in 2025": a digit or ten after it, nothing more).
_ONE_IN_DIGITS = re.compile(r"(?<![\w.,])([1-9])\s+(?:in|out\s+of)\s+(10|[2-9])(?![\w.,%])")
# "175 for 175", "a 1,000-for-1,000 exchange": a prisoner swap, one figure.
_SWAP = re.compile(rf"{_NUM}(?:\s+|-)for(?:\s+|-){_NUM}")
# "(n=1,022)": the size of a poll's sample, in people.
_SAMPLE = re.compile(rf"\b[nN]\s?=\s?{_NUM}")
# "two of the people said": the people a report cites (a handful, before a reporting verb).
# ("two people present", but "the 18 leaders present": those at a meeting, counted)
_REPORTED = re.compile(r"\s+(?:present\b|(?:present\s+)?(?:said|say|says|told|added|cautioned|confirmed|spoke)\b)")
# A number without its noun, and no unit after it: what a total gives.
_BARE_TOTAL = rf"{_NUM}{_SCALE}(?!\s*(?:%|per\b)|\s+[A-Za-z]+s\b|,\d)"
# "bring the total to 640", "(one count gives 33)": a number without its noun, of the count before.
_TOTAL = re.compile(
    rf"\b(?:total|tally|count|figure|list)(?:\s+(?:in|for)\s+\d{{4}})?,?\s+(?:of|to|at|is|was|gives|stood\s+at|reached|"
    rf"rose\s+to|fell\s+to)\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|just\s+over\s+|just\s+under\s+|"
    rf"more\s+than\s+|over\s+)?{_BARE_TOTAL}"
)
# "add 43 vessels to the list, taking it to 640": the new total, of the count before.
_TAKING_IT = re.compile(
    rf"\b(?:taking|bringing|raising|lifting|pushing|took|brought|raised|lifted|pushed)\s+(?:it|them)\s+to\s+"
    rf"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|just\s+over\s+|more\s+than\s+|over\s+)?"
    rf"{_BARE_TOTAL}"
)
_IN_ALL = re.compile(rf"\b(?:for|to|of|making)\s+{_NUM}{_SCALE}(?=\s+(?:in\s+all|in\s+total|altogether)\b)")
# "200 on 5 March and 300 on 6 March": numbers of the count before, each with its date.
# … also "by" a date, and the first of two joined ("10,582 and 19,875 by February 2024").
_BEFORE_DATE = re.compile(
    rf"{_NUM}{_SCALE}(?=\s+(?:and\s+\d[\d,]*\d\s+)?(?:on|in|by)\s+(?:about\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}|{_MONTH}|(?:19|20)\d\d)\b)"
)
# "Civilians killed in 2025: 2,514, with 12,142 injured": a bare number in the list after a colon
# whose head names what is counted (see _listed_unit), where nothing after it names another unit.
_LISTED_BARE = re.compile(
    rf"(?<![\w.,$€£]){_NUM}{_SCALE}(?=\s*(?:[,;.()\[\]]|[-–]\s*\d|$)|\s+(?:killed|dead|injured|wounded|missing|"
    r"a\s+(?:day|week|month|year)|per|each|with|plus|possibly|by|at|in|and|to|or|according|including|of\s+whom)\b)"
)
# (after the range it may end: "between 100,000 and 140,000 killed")
_DEAD_AFTER = re.compile(rf"(?:\s*(?:to|and|[-–])\s*{_NUM}{_SCALE})?\s+(?:killed|dead)\b")
# "15,000 to 30,000" without a noun after it (see find_figures: a range said again).
_BARE_RANGE = re.compile(rf"{_NUM}{_SCALE}\s*(?:to|-|–)\s*{_NUM}{_SCALE}(?!\s*%|\s+[A-Za-z]+s\b|[\w-])")
_TOLL_WORDS = ("killed", "dead", "wounded", "casualt", "losses", "missing")
# "would keep 800,000": a round army strength without its noun (see find_figures).
_ARMY_SIZE = re.compile(
    rf"(?<![\w.,$€£]){_NUM}{_SCALE}(?!,\d|\s*(?:%|per\b)|\s+[A-Za-z]+s\b|\s+(?:km|sq|tonnes?|square)\b|[\w-])"
)
# "in groups of 200 and 300": numbers of the count before.
_GROUPS = re.compile(
    rf"\b(?:groups|batches|waves|tranches|convoys)\s+of\s+{_NUM}(?:\s*(?:,|and|or)\s*{_NUM})?(?!\s*%|\s+[A-Za-z]+s\b)"
)
# "a population of 33.2 million", "Population: 33.2 million", "the population fell to about 31
# million, from 41 million": people (the second number after "from").
_POPULATION = re.compile(
    rf"\bpopulation\b[^.;()]{{0,30}}?(?:\b(?:of|at|to|was|is|from|reached|totals?|totalled|numbers?|numbered)|:)\s+"
    rf"{_ABOUT}{_NUM}{_SCALE}(?:,?\s+(?:from|against|down\s+from|up\s+from)\s+{_ABOUT}{_NUM}{_SCALE})?"
    r"(?=\s*(?:[,.;:()]|$)|\s+(?:in|and|as|by|at|on|from|to|is|was|were|are|has|had|while|but|before|after|since|"
    r"according)\b)",
    re.IGNORECASE,
)
# "157 on each side": a count of what the count just before it counted.
_EACH = re.compile(
    rf"{_NUM}\s+(?:on\s+each\s+side|from\s+each\s+side|each|apiece|a\s+side|per\s+side)\b", re.IGNORECASE
)
# Where a range or change can end: a digit after a joining word (number words are checked apart).
_JOINED_COUNT = re.compile(r"\s*,?\s*(?:and|or)\s+(?:some\s+|about\s+|roughly\s+|around\s+|nearly\s+)?")
_JOINED_NUMBER = re.compile(r"(?:[-–]|\b(?i:to|or|and|à))\s*\d")
_JOINED_NUMBER_FOLDED = re.compile(r"(?:[-–]|\b(?:to|or|and|à))\s*\d")  # the same in fold(sentence), faster
# "5, " before "10 or 40 km".
_LISTED_BEFORE = re.compile(rf"(?<![\w.,]){_NUM}\s*,\s*$")
# The first number of a range ("30 to 50 years", "between 2 and 3%") or change ("from 880,000 to").
_RANGE_BEFORE = re.compile(rf"(?:\b(between|from)\s+)?{_WNUM}\s*(?:to|and|or|à|-|–)\s*$", re.IGNORECASE)
# (the words between are no number: "10-0 with five abstentions" counts five, not 0)
_COUNTED_NOUN = (
    rf"{_SCALE}\s+(?:(?!(?:{trie_pattern(_WORD_NUMBERS)})\s)[A-Za-z-]+\s+){{0,2}}?({trie_pattern(_COUNTED)})\b(?:\s+of\s+war)?"
)
_COUNT = re.compile(_WNUM_FOLDED + _COUNTED_NOUN)  # in fold(sentence)
_COUNT_DIGITS = re.compile(_DNUM + _COUNTED_NOUN)  # in fold(sentence)
# "put Russian casualties, killed, wounded and missing, at about 1.2 million", "civilian deaths at
# 2,514": a count with its noun before "at" (before the army's rule: "military casualties at 500,000").
_NOUN_AT = re.compile(
    rf"\b({trie_pattern(_COUNTED)})\b[^.;:()]{{0,50}}?\s+at\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|"
    rf"roughly\s+|more\s+than\s+|over\s+|just\s+over\s+|up\s+to\s+)?{_NUM}{_SCALE}"
    r"(?!,\d|[:.]\d|\s*(?:%|per\b|[ap]\.?m\b|o['’]clock|h\b|hours?\b|km|kilomet|mph\b|miles?\b)|\s+[A-Za-z]+s\b)",
    re.IGNORECASE,
)
# "… at 500,000 to 600,000": the bare number that closes a range whose first number has its unit.
_RANGE_AFTER = re.compile(rf"\s*(?:to|-|–)\s*{_NUM}{_SCALE}(?!,\d|\s*(?:%|per\b)|\s+[A-Za-z]+s\b|[\w-])", re.IGNORECASE)
# "renewed for 120 days and then twice for 60": a bare number after "for" in the unit of the
# duration before it in the sentence.
# ("a guarantee of 15 years; Kyiv asked for 30 to 50": both ends of a range)
_FOR_BARE = re.compile(
    rf"\bfor\s+(?:another\s+|a\s+further\s+)?(?:{_NUM}\s*(?:to|-|–)\s*)?{_NUM}(?=\s*(?:[,.;:)]|$|\s+(?:each|more)\b))"
)
_ARMY_WORD = re.compile(r"\b(?:army|armed\s+forces|military|forces)\b")  # in fold(sentence)
# "an army of 600,000", "capped at 800,000": a count of troops with the noun before it.
_ARMY_COUNT = re.compile(
    rf"\b(?:army|armed\s+forces|military|troops?|forces?)\b[^.;]{{0,40}}?\b(?:of|at|to|from|number(?:s|ed|ing)?|total(?:s|led|ling)?)"
    rf"\s+{_ABOUT}{_NUM}{_SCALE}(?!\s*(?:%|per))",
    re.IGNORECASE,
)
_DURATION_DAYS = {
    "hour": 1.0,
    "day": 1.0,
    "week": 7.0,
    "fortnight": 14.0,
    "month": 30.44,
    "year": 365.25,
    "decade": 3652.5,
}
_CURRENCY = {
    "us$": "USD",
    "$": "USD",
    "usd": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euros": "EUR",
    "euro": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "pounds": "GBP",
    "rub": "RUB",
    "roubles": "RUB",
    "rubles": "RUB",
    "₴": "UAH",
    "yuan": "CNY",
    "renminbi": "CNY",
    "cny": "CNY",
    "uah": "UAH",
    "₽": "RUB",
    "chf": "CHF",
    "swiss francs": "CHF",
    "swiss franc": "CHF",
    "hryvnia": "UAH",
    "hryvnias": "UAH",
    "hryvnya": "UAH",
    "hryvnyas": "UAH",
}
# What money after its number is called by, for a cheap check first.
_MONEY_NAMES = (
    "dollar", "euro", "pound", "rouble", "ruble", "hryvn", "yuan", "renminbi", "usd", "eur", "gbp", "rub", "uah", "cny",
    "franc", "chf",
)  # fmt: skip
_DIGIT = re.compile(r"\d")
_BARE_NUMBER = re.compile(_NUM)
# "5 and 6 March": days, not parts of a count
_DAY_OF_MONTH = re.compile(rf"(?:\s*(?:and|to|-|–)\s*\d{{1,2}})?(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}")
_DIGITS = re.compile(r"\d\d*")  # "\d+", with a first digit that re can skip ahead to
# Number words and counted nouns, to search for in fold(sentence): case-sensitive, so faster.
_NUMBER_WORD = re.compile(rf"\b(?:{trie_pattern(_WORD_NUMBERS)})\b")
_COUNTED_WORD = re.compile(rf"\b(?:{trie_pattern(_COUNTED)})\b")  # whole words: "men" is not in "agreement"
# Month names and abbreviations all begin with one of these.
_MONTH_STEMS = tuple(sorted({s for m in MONTHS for s in (m.capitalize()[:3], m.upper()[:3])}))
# Whether one of them occurs, in one pass over the sentence instead of one for each (three times faster).
_MONTH_STEM = re.compile(trie_pattern(_MONTH_STEMS))
_MEASURE_AFTER = re.compile(r"\s*(?:of|in|among|for)\s+([^,;.()]{3,80})")


@dataclass(slots=True, unsafe_hash=True)  # not frozen, for speed, but never changed: see lexicon.Mention
class Figure:
    start: int
    end: int
    rule: str  # percent, area, money, count, duration, date (relative-date: unresolved, no value)
    value: float | str | None
    unit: str
    measure: str | None = None
    extra: dict[str, Any] | None = None


def _number(whole: str, frac: str | None, scale: str | None = None) -> float:
    value = float("".join(whole.split()).replace(",", "") + ("." + frac if frac else ""))
    return round(value * _SCALES[scale.lower()], 6) if scale else value  # (33.2 million, not 33200000.000000004)


def _word_or_number(match: re.Match[str], base: int) -> float:
    """The number in digits at group ``base`` (with its fraction after it), else the number in
    words two groups on; an empty digits group ("()" in _PERCENT_WORDS) counts as none."""
    if match.group(base):
        return _number(match.group(base), match.group(base + 1))
    return float(_WORD_NUMBERS[" ".join(re.split(r"[\s-]+", match.group(base + 2).lower()))])


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    try:
        if day is not None and month is not None:
            return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
    if month is not None:
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
    return f"{year:04d}"


def month_of(name: str) -> int:
    """The number of the month ``name`` (any case, perhaps with a full stop: "Sept.")."""
    return MONTHS[name.lower().rstrip(".")]


def find_figures(sentence: str, unit_before: str | None = None, *, lowered: str | None = None) -> list[Figure]:
    """Every figure in ``sentence``, offsets relative to it, in order of position. ``unit_before``
    is the unit of the last count of the sentence before in its paragraph, which a number without
    its noun after a verb takes when the sentence has no count of its own ("The UN verified 2,088
    civilian deaths in 2024. In 2023 it recorded 1,974."). ``lowered`` is fold(sentence), when the
    caller has it already."""
    lowered = fold(sentence) if lowered is None else lowered

    def has(*words: str) -> bool:  # each pattern below runs only where its keywords occur
        for word in words:  # noqa: SIM110 (has_any, inline: this runs a dozen times a sentence)
            if word in lowered:
                return True
        return False

    number_words = _NUMBER_WORD.search(lowered) is not None
    durations = has("hour", "day", "week", "month", "year", "fortnight", "decade", "minute", "hrs", " hr", "yrs")
    # "for a week" has no number; the words before one of its units are few.
    one_unit = durations and has("for", "within", "over", "lasting", "up", "in a", "-long")
    if not number_words and not _DIGIT.search(sentence) and not (one_unit and _A_DURATION.search(lowered)):
        return []  # most sentences: spare them the patterns below
    month = _MONTH_STEM.search(sentence) is not None
    duration, count = (_DURATION, _COUNT) if number_words else (_DURATION_DIGITS, _COUNT_DIGITS)
    taken: list[tuple[int, int]] = []
    found: list[Figure] = []

    def add(fig: Figure) -> None:
        for start, end in taken:
            if fig.start < end and start < fig.end:
                return
        taken.append((fig.start, fig.end))
        found.append(fig)

    def add_count(start: int, end: int, amount: float, unit: str) -> None:
        """A count with its noun before it, and the bare number that closes its range ("a force of
        15,000 to 30,000", "casualties at 500,000 to 600,000")."""
        if high := _RANGE_AFTER.match(sentence, end):
            top = _number(high[1], high[2], high[3])
            ends = {"range": {"low": amount, "high": top}}
            add(Figure(start, end, "count", amount, unit, extra=ends))
            add(Figure(high.start(1), high.end(), "count", top, unit, extra=dict(ends)))
        else:
            add(Figure(start, end, "count", amount, unit))

    def joins(at: int) -> bool:
        """Whether a joining word ends just before offset ``at`` (see _JOINED), cheaply."""
        before = lowered[max(0, at - 9) : at]
        return has_any(before, ("and", "or", "to", "til", "through", "&", "-", "–"))

    def add_joined(start: int, end: int, then: str, month: int, day: int | None) -> None:
        """A day or month joined to the full date ``then``, in its year (the one before when it
        would come after it: "December and January 2026")."""
        year = int(then[:4])
        if (month, day or 0) > (int(then[5:7]), int(then[8:10] or 0) if len(then) > 7 else 0):
            year -= 1
        if (iso := _iso(year, month, day)) is not None:
            add(Figure(start, end, "date", iso, "date", extra={"inferred_from": "text"}))

    for m in _DATE_ISO.finditer(sentence) if "-" in sentence or "/" in sentence else ():
        if (iso := _iso(int(m[1]), int(m[3]), int(m[4]))) is not None:
            add(Figure(m.start(), m.end(), "date", iso, "date"))
        else:
            taken.append((m.start(), m.end()))  # not a date ("31 February"), and not a month either
    for m in _DATE_DMY.finditer(sentence) if month else ():
        if (iso := _iso(int(m[3]), month_of(m[2]), int(m[1]))) is not None:
            first = _DAY_BEFORE_DATE.search(sentence, max(0, m.start() - 12), m.start())
            if first and (first_iso := _iso(int(m[3]), month_of(m[2]), int(first[1]))) is not None:
                add(Figure(first.start(1), first.end(1), "date", first_iso, "date"))
            elif joins(m.start()) and (pair := _DAY_MONTH_BEFORE.search(sentence, max(0, m.start() - 24), m.start())):
                add_joined(pair.start(), pair.end(2), iso, month_of(pair[2]), int(pair[1]))
            add(Figure(m.start(), m.end(), "date", iso, "date"))
        else:
            taken.append((m.start(), m.end()))  # not a date ("31 February"), and not a month either
    for m in _DATE_MDY.finditer(sentence) if month else ():
        if (iso := _iso(int(m[3]), month_of(m[1]), int(m[2]))) is not None:
            if joins(m.start()) and (pair := _MONTH_DAY_BEFORE.search(sentence, max(0, m.start() - 24), m.start())):
                add_joined(pair.start(), pair.end(2), iso, month_of(pair[1]), int(pair[2]))
            add(Figure(m.start(), m.end(), "date", iso, "date"))
        else:
            taken.append((m.start(), m.end()))  # not a date ("31 February"), and not a month either
    for m in _DATE_MY.finditer(sentence) if month else ():
        if (iso := _iso(int(m[2]), month_of(m[1]))) is not None:
            if joins(m.start()) and (pair := _MONTH_BEFORE.search(sentence, max(0, m.start() - 18), m.start())):
                add_joined(pair.start(), pair.end(1), iso, month_of(pair[1]), None)
            add(Figure(m.start(), m.end(), "date", iso, "date"))
    for m in _DATE_NUMERIC.finditer(sentence) if "/" in sentence or sentence.count(".") > 1 else ():
        day, month_number, year = int(m[1]), int(m[3]), int(m[4])
        iso = _iso(year, month_number, day) if month_number <= 12 else None
        if iso is None and m[2] == "/":
            iso = _iso(year, day, month_number)  # "3/31/2022"
        if iso is not None:
            add(Figure(m.start(), m.end(), "date", iso, "date"))
    for m in _YEARS.finditer(sentence) if "-" in sentence or "–" in sentence or "/" in sentence else ():
        since, until = int(m[1]), int(m[2]) if len(m[2]) == 4 else int(m[1][:2] + m[2])
        if since < until <= since + 50 and not _NOT_A_YEAR_AFTER.match(sentence, m.end()):
            span = {"range": {"low": m[1], "high": str(until)}}
            add(Figure(m.start(1), m.end(1), "date", m[1], "date", extra=span))
            add(Figure(m.start(2), m.end(2), "date", str(until), "date", extra=span))
    for m in _FISCAL_YEAR.finditer(sentence) if "FY" in sentence else ():
        add(Figure(m.start(), m.end(), "date", m[1], "date", extra={"fiscal_year": True}))
    last_year, last_word = -1, ""
    for m in _YEAR.finditer(sentence):
        if any(start <= m.start() < end for start, end in taken):
            continue  # the year of a full date
        word: str | None = None  # a year alone ("expected 2026 to be better")
        if last_year >= 0 and _JOINED_YEAR.fullmatch(sentence, last_year, m.start()):
            word = last_word
        elif before := _YEAR_BEFORE.search(sentence, max(0, m.start() - 12), m.start()):
            word = (before[1] or before[2] or "").lower()
        if word is None or word == "the":  # "the 2022 Istanbul talks", but "the 2000 troops"
            if _NOT_A_YEAR_BEFORE.search(sentence, max(0, m.start() - 16), m.start()) or _NOT_A_YEAR_AFTER.match(
                sentence, m.end()
            ):
                continue
        elif word in _COUNT_WORDS and _COUNTED_AFTER.match(sentence, m.end()):
            continue
        elif word in ("for", "'s", "’s") and _COUNT_AFTER.match(sentence, m.end()):
            continue  # "for 2000 troops", "Ukraine's 2000 troops", but "Putin's 2024 conditions"
        add(Figure(m.start(), m.end(), "date", m[0], "date"))
        last_year, last_word = m.end(), word or ""
    money_signs = has("$", "€", "£", "₴", "₽", "usd", "eur", "gbp", "rub", "uah", "chf", "cny")
    for m in _MONEY_BETWEEN.finditer(sentence) if money_signs and "between" in lowered else ():
        least, most = _number(m[2], m[3], m[4] or m[7]), _number(m[5], m[6], m[7])
        if least < most and (m[4] or m[7] or not _WORD_AFTER.match(sentence, m.end())):  # "$5 and 10 people"
            currency, ends = _CURRENCY[m[1].strip().lower()], {"range": {"low": least, "high": most}}
            add(Figure(m.start(1), max(m.end(i) for i in (2, 3, 4) if m[i]), "money", least, currency, extra=ends))
            add(Figure(m.start(5), m.end(), "money", most, currency, extra=dict(ends)))
    for m in _MONEY_PRE.finditer(sentence) if money_signs else ():
        currency = _CURRENCY[m[1].strip().lower()]
        if m[4] is None:
            add(Figure(m.start(), m.end(), "money", _number(m[2], m[3], m[6]), currency, extra=_per(sentence, m.end())))
            continue
        least, most = _number(m[2], m[3], m[6]), _number(m[4], m[5], m[6])
        first_end = m.end(3) if m[3] else m.end(2)
        if least < most:
            ends = {"range": {"low": least, "high": most}}
            add(Figure(m.start(), first_end, "money", least, currency, extra=ends))
            add(Figure(m.start(4), m.end(), "money", most, currency, extra=dict(ends)))
        else:  # "€10–5": the first alone, as written
            add(Figure(m.start(), first_end, "money", _number(m[2], m[3]), currency, extra=_per(sentence, first_end)))
    money_words = has(*_MONEY_NAMES)
    for m in _MONEY_WORDS.finditer(sentence) if money_words and number_words else ():
        amount = _WORD_NUMBERS[" ".join(re.split(r"[\s-]+", m[1].lower()))] * _SCALES[m[2].lower()]
        add(Figure(m.start(), m.end(), "money", amount, _CURRENCY[m[3].lower() + "s"]))
    for m in _MONEY_POST.finditer(sentence) if money_words else ():
        amount, currency = _number(m[1], m[2], m[3]), _CURRENCY[" ".join(m[4].lower().split())]
        add(Figure(m.start(), m.end(), "money", amount, currency, extra=_per(sentence, m.end())))
    for m in _AREA.finditer(sentence) if has("square", "sq", "km", "hectare", "acre") else ():
        value = _number(m[1], m[2], m[3])
        unit = m[4].lower()
        if "mi" in unit:
            km2 = value * 2.589988
        elif unit.startswith("acre"):
            km2 = value * 0.00404686
        elif unit.startswith("hect"):
            km2 = value / 100
        else:
            km2 = value
        add(
            Figure(
                m.start(),
                m.end(),
                "area",
                round(km2, 3),
                "km2",
                extra={"stated_value": value, "stated_unit": " ".join(m[4].split())},
            )
        )
    for m in _LENGTH.finditer(sentence) if has("km", "kilomet", "mile", "metre", "meter") else ():
        value = _number(m[1], m[2], m[3])
        stated = m[4].lower()
        km = value * 1.609344 if stated.startswith("mile") else value / 1000 if stated.startswith("met") else value
        extra = {"stated_value": value, "stated_unit": stated}
        add(Figure(m.start(), m.end(), "length", round(km, 3), "km", extra=extra))
    percents = (
        [*_PERCENT.finditer(lowered), *(_PERCENT_WORDS.finditer(lowered) if number_words else ())]
        if has("%", "per", "pc")
        else ()
    )
    for m in percents:
        unit = "pp" if m[m.lastindex or 0].lower().startswith("percentage") else "%"
        value = _word_or_number(m, 1)
        measure = _MEASURE_AFTER.match(sentence, m.end())
        add(
            Figure(
                m.start(),
                m.end(),
                "percent",
                value,
                unit,
                measure=measure[1].strip() if measure else _measure_before(sentence, m.start()),
            )
        )
    for m in _ONE_IN.finditer(lowered) if number_words else ():
        part, whole = _WORD_NUMBERS[m[1].lower()], _WORD_NUMBERS[m[2].lower()]
        if part < whole:
            add(_share(sentence, m, 100 * part / whole))
    for m in _ONE_IN_DIGITS.finditer(lowered) if " in " in lowered or " out of " in lowered else ():
        if (part := int(m[1])) < (whole := int(m[2])):
            add(_share(sentence, m, 100 * part / whole))
    for m in duration.finditer(lowered) if durations else ():
        if sentence[m.end() : m.end() + 4].lower() == " old":
            continue
        lasted = _SPAN_BEFORE.search(sentence, max(0, m.start() - 12), m.start())
        if _RELATIVE_AFTER.match(sentence, m.end()) and not lasted:
            continue
        add(_duration(m.start(), m.end(), _word_or_number(m, 1), m[4]))
    for m in _A_DURATION.finditer(lowered) if one_unit else ():
        if _LATER.match(sentence, m.end()):
            continue  # "handed over a year later" is a point in time
        add(_duration(m.start(), m.end(), 1.0, m[1] or m[2] or m[3]))
    for m in _SWAP.finditer(sentence) if "for" in lowered and has("exchang", "swap", "prisoner", "pow") else ():
        if m[1] == m[3] and m[2] == m[4]:
            value = _number(m[1], m[2])
            add(Figure(m.start(), m.end(), "count", value, "prisoners", extra={"swap": [value, value]}))
    for m in _SAMPLE.finditer(sentence) if "=" in sentence else ():
        add(Figure(m.start(), m.end(), "count", _number(m[1], m[2]), "people", extra={"sample": True}))
    # the digits-only pattern skips ahead to digits faster than a search for its nouns would
    for m in count.finditer(lowered) if not number_words or _COUNTED_WORD.search(lowered) else ():
        if sentence[m.end() : m.end() + 6].lower().startswith(("-point", " point")):
            continue
        unit = _COUNTED[m[5].lower()]
        if unit == "casualties" and (
            "civilian" in (between := lowered[m.start() : m.start(5)])
            or ("military" not in between and _after_civilians(sentence, found, m.start()))
            or (m[5].lower() == "deaths" and _civilians_only(lowered, found))
        ):
            unit = "civilians"  # "8,006 civilian deaths and 13,287 injuries"
        elif unit == "casualties" and m[5].lower() == "dead":
            unit = _dead(lowered, m.start())
        elif unit == "people" and m[5].lower() in _NATIONALS and _exchanged(lowered, m.end()):
            unit = "prisoners"  # "an exchange bringing home 1,200 Ukrainians", "500 Ukrainians home"
        if (unit == "people" and _is_source(sentence, m)) or (
            m[1] is None and _REFERENCE_BEFORE.search(sentence, max(0, m.start() - 12), m.start())
        ):
            continue
        amount = round(_word_or_number(m, 1) * _SCALES.get((m[4] or "").lower(), 1.0), 6)  # (32.8 million)
        per = {"per": "day"} if m[5].lower() == "bpd" else _per(sentence, m.end())
        add(Figure(m.start(), m.end(), "count", amount, unit, extra=per))
    # The rules below read numbers the rules above left alone; most sentences have none.
    if number_words or _left_alone(sentence, taken):
        for m in _STRONG.finditer(sentence) if "-strong" in lowered else ():
            add(Figure(m.start(), m.end(), "count", _number(m[1], m[2], m[3]), "troops"))
        for m in _PEACETIME.finditer(sentence) if "peacetime" in lowered else ():
            if (amount := _number(m[1], m[2], m[3])) >= 10_000:
                add(Figure(m.start(1), m.end(), "count", amount, "troops"))
        for m in _NOUN_AT.finditer(sentence) if " at " in lowered and _COUNTED_WORD.search(lowered) else ():
            if any(s <= m.start(2) < e for s, e in taken):
                continue
            # the noun nearest the number: "soldiers killed, and casualties at 500,000" counts casualties
            *_, nearest = _COUNTED_WORD.finditer(lowered, m.start(), m.start(2))
            if _ARMY_WORD.search(lowered, nearest.end(), m.start(2)):
                continue  # "the United States … keeps the army at 800,000": the army's rule counts troops
            noun = nearest[0]
            unit = _dead(lowered, m.start(2)) if noun == "dead" else _COUNTED[noun]
            if _RANGE_AFTER.match(sentence, m.end()) or not _JOINED_NUMBER.match(sentence, m.end() + 1):
                add_count(m.start(2), m.end(), _number(m[2], m[3], m[4]), unit)  # "at 30 to 50 sites": no prisoners
        for m in _ARMY_COUNT.finditer(sentence) if has("army", "force", "military", "troop") else ():
            add_count(m.start(1), m.end(), _number(m[1], m[2], m[3]), "troops")
        if "vote" in lowered or "abstention" in lowered or "in favo" in lowered:
            for m in _VOTES_AGAINST.finditer(sentence):
                add(Figure(m.start(1) if m[1] else m.start(3), m.end(), "count", _word_or_number(m, 1), "votes"))
            for m in _TALLY.finditer(sentence) if has("against", "opposed", "abstain", "favo") else ():
                add(Figure(m.start(), m.end(), "count", _word_or_number(m, 1), "votes"))
        if has("vote", "abstain", "abstention", "in favo", "passed", "adopted", "approved", "carried"):
            for m in _TALLY_TO.finditer(sentence):
                if not any(s < m.end() and m.start() < e for s, e in taken):
                    add(Figure(m.start(1), m.end(2) if m[2] else m.end(1), "count", _number(m[1], m[2]), "votes"))
                    second_end = m.end() if m[5] is None else m.end(4) if m[4] else m.end(3)
                    add(Figure(m.start(3), second_end, "count", _number(m[3], m[4]), "votes"))
                    if m[5]:
                        add(Figure(m.start(5), m.end(), "count", _number(m[5], m[6]), "votes"))
        for m in _MEMBERS_OF.finditer(sentence) if "members of" in lowered or "member states of" in lowered else ():
            add(Figure(m.start(), m.end(), "count", _word_or_number(m, 1), "countries"))
        for m in _POPULATION.finditer(sentence) if "population" in lowered else ():
            first_end = max(m.end(i) for i in (1, 2, 3) if m[i])
            add(Figure(m.start(1), first_end, "count", _number(m[1], m[2], m[3]), "people"))
            if m[4]:
                add(Figure(m.start(4), m.end(), "count", _number(m[4], m[5], m[6]), "people"))
        for m in _NUMBER_OF.finditer(sentence) if "number of" in lowered else ():
            add(Figure(m.start(2), m.end(), "count", _number(m[2], m[3], m[4]), _COUNTED[m[1].lower()]))
        for m in _GROUPS.finditer(sentence) if has("groups", "batches", "waves", "tranches", "convoys") else ():
            if (unit := _count_unit_before(found, m.start())) is not None:
                add(Figure(m.start(1), m.end(2) if m[2] else m.end(1), "count", _number(m[1], m[2]), unit))
                if m[3]:
                    add(Figure(m.start(3), m.end(), "count", _number(m[3], m[4]), unit))
        for m in _EACH.finditer(sentence) if has("each", "apiece", "side") else ():
            if (unit := _count_unit_before(found, m.start())) is not None:
                add(Figure(m.start(), m.end(), "count", _number(m[1], m[2]), unit))
        # "the 19th added 117, for 557 in all", "bring the total to 640": of the count before
        in_all = _IN_ALL.finditer(sentence) if has("in all", "in total", "altogether") else ()
        totals = _TOTAL.finditer(sentence) if has("total", "tally", "count", "figure", "list") else ()
        taking = _TAKING_IT.finditer(sentence) if has(" it to ", " them to ") else ()
        for m in itertools.chain(in_all, totals, taking):
            # (a date of the sentence is no count of its own: "its own figure in 2022, at just over 6,000")
            unit = _count_unit_before(found, m.start()) or (
                unit_before if not any(f.rule == "count" for f in found) else None
            )
            if unit is not None:
                add(Figure(m.start(1), m.end(), "count", _number(m[1], m[2], m[3]), unit))
        colon_list = ": " in sentence and bool(_COUNTED_WORD.search(lowered) or has("losses", "toll"))
        for m in _BEFORE_DATE.finditer(sentence) if colon_list or any(f.rule == "count" for f in found) else ():
            if (unit := _count_unit_before(found, m.start()) or _listed_unit(lowered, m.start())) is not None:
                add(Figure(m.start(), m.end(), "count", _number(m[1], m[2], m[3]), unit))
        for m in _LISTED_BARE.finditer(sentence) if colon_list else ():
            if _LABELLED.search(lowered, max(0, m.start() - 12), m.start()):
                continue  # "…: guarantees mirroring Article 5": a label's number, no count of the list
            if (unit := _listed_unit(lowered, m.start())) is not None and not any(
                s < m.end() and m.start() < e for s, e in taken
            ):
                if unit == "casualties" and _DEAD_AFTER.match(lowered, m.end()):
                    unit = _dead(lowered[: lowered.rfind(": ", 0, m.start())], m.start())
                add_count(m.start(), m.end(), _number(m[1], m[2], m[3]), unit)
        for m in _FOR_BARE.finditer(sentence) if durations and "for" in lowered else ():
            # the figure just before it is the duration ("1,000 prisoners for 1,000" is a swap)
            last = max((f for f in found if f.end <= m.start()), key=lambda f: f.end, default=None)
            if last is None or last.rule != "duration" or m.start() - last.end > 60:
                continue
            if last.extra and (unit := last.extra.get("stated_unit")) in _DURATION_DAYS:
                longest = _duration(m.start(3), m.end(), _number(m[3], m[4]), unit)
                if m[1] is None:
                    add(longest)
                elif (stated := _number(m[1], m[2])) < _number(m[3], m[4]):
                    shortest = _duration(m.start(1), m.end(2) if m[2] else m.end(1), stated, unit)
                    ends_of: dict[str, Any] = {"range": {"low": shortest.value, "high": longest.value}}
                    add(replace(shortest, extra={**(shortest.extra or {}), **ends_of}))
                    add(replace(longest, extra={**(longest.extra or {}), **ends_of}))
        for m in _CAP.finditer(sentence) if has("limit", "cap", "ceiling") else ():
            if (amount := _number(m[1], m[2], m[3])) >= 10_000:
                add_count(m.start(1), m.end(), amount, "troops")
        for m in _CAP_BEFORE.finditer(sentence) if has("limit", "cap", "ceiling") else ():
            if (amount := _number(m[1], m[2], m[3])) >= 10_000:
                add(Figure(m.start(1), m.end(), "count", amount, "troops"))
        elliptic = _ELLIPTIC if number_words else _ELLIPTIC_DIGITS
        elliptic_cue = (found or unit_before or has("losses", "toll", "lost")) and (
            has(*_ELLIPTIC_WORDS) or _RATE.search(lowered)
        )
        for m in elliptic.finditer(sentence) if elliptic_cue else ():
            if any(s <= m.start() < e for s, e in taken):
                continue
            # ("the combined toll of roughly 1.8 million" counts casualties, whatever the count before it)
            toll = _TOLL_OF.search(sentence, max(0, m.start() - 30), m.start())
            unit = "casualties" if toll else _count_unit_before(found, m.start())
            verb = None if m[5] or m[6] or m[7] else _VERB_AFTER.match(sentence, m.end())
            if unit is None and _LOSSES_BEFORE.search(sentence, 0, m.start()):
                unit = "casualties"
            elif unit is None and verb and not any(f.rule == "count" for f in found):
                unit = unit_before  # "The UN verified 2,088 civilian deaths. In 2023 it verified 1,974 killed."
            if unit is None:
                continue
            if unit == "casualties" and verb and verb[1].lower() in ("killed", "dead", "died"):
                unit = _dead(lowered, m.start())
            amount = round(_word_or_number(m, 1) * _SCALES.get((m[4] or m[7] or "").lower(), 1.0), 6)
            add(Figure(m.start(), m.end(), "count", amount, unit, extra={"per": m[6].lower()} if m[6] else None))
        after_verb = (found or unit_before) and has(*_AFTER_VERB_WORDS)
        for m in _ELLIPTIC_AFTER_VERB.finditer(sentence) if after_verb else ():
            unit = _count_unit_before(found, m.start())
            if unit is None and not any(f.rule == "count" for f in found):
                unit = unit_before
            if unit is None and m[1]:
                unit = "casualties"  # "Russia lost some 415,000 in 2025"
            if unit is not None:
                add(Figure(m.start(2), m.end(), "count", _number(m[2], m[3], m[4]), unit))
        for fig in [f for f in found if f.rule == "count"] if _left_alone(sentence, taken) else ():
            for piece in _parts(sentence, fig, taken):
                add(piece)
    ranges = [f for f in found if f.rule != "date"]  # (the search for a joining word only where there are any)
    if ranges and not number_words and not _JOINED_NUMBER_FOLDED.search(lowered):
        ranges = []
    for fig in ranges:
        joined = sentence[max(0, fig.start - 5) : fig.start].rstrip().lower()
        if not (joined.endswith(("-", "–")) or joined[-4:].split()[-1:] in (["to"], ["or"], ["and"], ["à"])):
            continue
        if (low := _range_start(sentence, fig, taken)) is not None:
            found[found.index(fig)] = low[1]
            add(low[0])
            item: Figure | None = low[0]
            # "by 5, 10 or 40 km": the numbers listed before the pair are of its unit too
            while item and (listed := _LISTED_BEFORE.search(sentence, max(0, item.start - 16), item.start)):
                if (item := _listed(item, listed)) is not None:
                    add(item)
    armies = [f for f in found if f.rule == "count"]
    if "000" in sentence and all(f.unit == "troops" for f in armies) and (  # (round thousands only)
        _ARMY_WORD.search(lowered)
        or has("ceiling", "troop", "soldier")
        or ((armies or unit_before == "troops") and not has(*_TOLL_WORDS))  # (a toll, unless of an army)
    ):
        # "a ceiling of 600,000 soldiers; the framework would keep 800,000", "Kyiv asked for
        # 250,000": a round army strength without its noun, in a sentence only on troops
        for m in _ARMY_SIZE.finditer(sentence):
            if 10_000 <= (amount := _number(m[1], m[2], m[3])) < 1_000_000 and amount % 1_000 == 0:
                add(Figure(m.start(1), m.end(), "count", amount, "troops"))
    for m in _BARE_RANGE.finditer(sentence) if any(f.extra and "range" in f.extra for f in found) else ():
        # "15 000 à 30 000 soldats …; we print them as 15,000 to 30,000": the range said again
        ends = {"range": {"low": _number(m[1], m[2], m[3]), "high": _number(m[4], m[5], m[6])}}
        said = next((f for f in reversed(found) if f.end <= m.start() and f.extra and "range" in f.extra), None)
        if said and said.rule == "count" and said.extra and said.extra["range"] == ends["range"]:
            first_end = m.end(3) if m[3] else m.end(2) if m[2] else m.end(1)
            add(Figure(m.start(1), first_end, "count", ends["range"]["low"], said.unit, extra=ends))
            add(Figure(m.start(4), m.end(), "count", ends["range"]["high"], said.unit, extra=dict(ends)))
    found.sort(key=lambda f: f.start)
    return found


def _parts(sentence: str, whole: Figure, taken: list[tuple[int, int]]) -> list[Figure]:
    """For "500 Ukrainians came home over two days, 200 and then 300": the numbers left alone
    after the count ``whole`` that add up to it, as counts of its unit (``extra.part_of``)."""
    parts: list[Figure] = []
    for m in _BARE_NUMBER.finditer(sentence, whole.end, whole.end + 120):
        if any(s <= m.start() < e for s, e in taken) or _DAY_OF_MONTH.match(sentence, m.end()):
            continue
        part = _number(m[1], m[2])
        parts.append(Figure(m.start(), m.end(), "count", part, whole.unit, extra={"part_of": whole.value}))
        total = sum(float(p.value or 0) for p in parts)
        if len(parts) >= 2 and total == whole.value:
            return parts
        if total >= float(whole.value or 0):
            break
    return []


def _dead(lowered: str, at: int) -> str:
    """The unit of a count of dead at ``at``: troops in a sentence on military losses (a military
    word and a word of losses: "military casualties, including 275,000 dead"), civilians in one on
    civilians and no army's losses ("15,000 civilians killed, 2,514 of the dead in 2025"), the
    remains of them as bodies, else casualties."""
    if lowered[max(0, at - 11) : at] == "remains of ":
        return "bodies"
    military = (_MILITARY.search(lowered) is not None and _MILITARY_LOSSES.search(lowered) is not None) or (
        "civilian" not in lowered and _KILLED_AMONG.search(lowered) is not None
    )
    if "civilian" in lowered:
        return "casualties" if military else "civilians"
    return "troops" if military else "casualties"


def _exchanged(lowered: str, end: int) -> bool:
    """Whether the people counted up to ``end`` come home in a prisoner exchange: the sentence is
    about one, or the count is followed by "home"."""
    return lowered.startswith(" home", end) or any(map(lowered.__contains__, _EXCHANGE_WORDS))


def _after_civilians(sentence: str, found: list[Figure], at: int) -> bool:
    """Whether a count of civilians is joined to the number at ``at`` ("8,006 civilian deaths and …")."""
    last = max((f for f in found if f.end <= at), key=lambda f: f.end, default=None)
    return last is not None and last.unit == "civilians" and _JOINED_COUNT.fullmatch(sentence, last.end, at) is not None


def _civilians_only(lowered: str, found: list[Figure]) -> bool:
    """Whether the deaths of a sentence are of civilians: it counted civilians before them and
    speaks of no army ("2,514 civilians killed …, after 1,974 deaths in 2023")."""
    return any(f.unit == "civilians" for f in found) and _MILITARY.search(lowered) is None


def _listed_unit(lowered: str, at: int) -> str | None:
    """For "the civilian deaths it has verified: 1,974 in 2023, 2,088 in 2024": the unit of the
    counted noun before the colon that opens the list the number at ``at`` is in."""
    colon = lowered.rfind(": ", 0, at)
    if colon < 0 or ";" in lowered[colon:at]:
        return None
    head = lowered[lowered.rfind(". ", 0, colon) + 1 : colon][-100:]
    nouns = _COUNTED_WORD.findall(head)
    if not nouns:  # "Russian losses per day in December 2025: around 1,000"
        return "casualties" if _LOSSES_BEFORE.search(head) else None
    unit = _COUNTED[nouns[-1]]
    return "civilians" if unit == "casualties" and "civilian" in head else unit


def _count_unit_before(found: list[Figure], at: int) -> str | None:
    """The unit of the count found last among those ending before ``at``."""
    return next((f.unit for f in reversed(found) if f.rule == "count" and f.end <= at), None)


def _is_source(sentence: str, m: re.Match[str]) -> bool:
    """Whether the count of people ``m`` is the people a report cites ("two people familiar with
    the talks", "one of the people said")."""
    return _SOURCES_AFTER.match(sentence, m.end()) is not None or (
        _REPORTED.match(sentence, m.end()) is not None and _word_or_number(m, 1) <= 10
    )


def _per(sentence: str, end: int) -> dict[str, Any] | None:
    """``{"per": "day"}`` for a figure followed by "a day", "per month" …, else None."""
    rate = _PER_AFTER.match(sentence, end)
    return {"per": rate[1].lower() if rate[1] else "person"} if rate else None


def _left_alone(sentence: str, taken: list[tuple[int, int]]) -> bool:
    """Whether a number of ``sentence`` begins outside every span ``taken``."""
    for m in _DIGITS.finditer(sentence):
        at = m.start()
        for start, end in taken:
            if start <= at < end:
                break
        else:
            return True
    return False


def _share(sentence: str, m: re.Match[str], percent: float) -> Figure:
    """ "one in five Ukrainians", "a third of the territory" as a percentage, with what it measures."""
    measure = _MEASURE_AFTER.match(sentence, m.end()) or re.match(r"\s+([A-Za-z][^,;.()]{2,60})", sentence[m.end() :])
    extra = {"stated": " ".join(sentence[m.start() : m.end()].split())}  # (as written: m may be in fold(sentence))
    return Figure(m.start(), m.end(), "percent", round(percent, 2), "%", measure[1].strip() if measure else None, extra)


def _duration(start: int, end: int, amount: float, stated_unit: str) -> Figure:
    unit = stated_unit.lower().rstrip("s")
    unit = _SHORT_UNITS.get(unit, unit)
    if unit == "hour":
        return Figure(start, end, "duration", amount, "hour")
    if unit == "minute":
        extra = {"stated_value": amount, "stated_unit": unit}
        return Figure(start, end, "duration", round(amount / 60, 4), "hour", extra=extra)
    extra = {"stated_value": amount, "stated_unit": unit}
    return Figure(start, end, "duration", round(amount * _DURATION_DAYS[unit], 2), "day", extra=extra)


def _range_start(sentence: str, fig: Figure, taken: list[tuple[int, int]]) -> tuple[Figure, Figure] | None:
    """For the second number of "30 to 50 years" or "from 880,000 to 600,000 troops": the first,
    as a figure of the same unit, and the second with the pair in ``extra`` (``range``: low and
    high; ``change``: from and to)."""
    if not isinstance(fig.value, float | int):
        return None
    stated = re.match(_WNUM, sentence[fig.start :])
    m = _RANGE_BEFORE.search(sentence, max(0, fig.start - 40), fig.start)
    if stated is None or m is None or any(s < m.end() and m.start() < e for s, e in taken):
        return None
    high, low = _word_or_number(stated, 1), _word_or_number(m, 2)
    start, end = (m.start(4), m.end(4)) if m[2] is None else (m.start(2), m.end(3) if m[3] else m.end(2))
    kind = (m[1] or "").lower()
    if high == 0 or (
        sentence[end : fig.start].strip().lower() == "and"
        and kind != "between"
        and not _LISTED_BEFORE.search(sentence, max(0, start - 16), start)  # "bands of 50, 70 and 140 km"
    ):
        return None  # "2 civilians and 500 prisoners" is no range
    value = round(fig.value * low / high, 3)
    if kind == "from":
        pair: dict[str, Any] = {"change": {"from": value, "to": fig.value}}
    elif low < high:
        pair = {"range": {"low": value, "high": fig.value}}
    else:
        return None
    extra = {**(fig.extra or {}), **pair}
    first = Figure(start, end, fig.rule, value, fig.unit, fig.measure, extra)
    if "stated_value" in extra:
        first = replace(first, extra={**extra, "stated_value": low})
    return first, replace(fig, extra=extra)


def _listed(after: Figure, m: re.Match[str]) -> Figure | None:
    """The number ``m`` listed before the figure ``after`` ("5" of "5, 10 or 40 km"), in its unit."""
    extra = dict(after.extra or {})
    of_after = extra.get("stated_value", after.value)
    if not isinstance(after.value, float) or not of_after:
        return None
    stated = _number(m[1], m[2])
    if "stated_value" in extra:
        extra["stated_value"] = stated
    value = round(after.value * stated / of_after, 3)
    return Figure(m.start(), m.end(2) if m[2] else m.end(1), after.rule, value, after.unit, after.measure, extra)


def _measure_before(sentence: str, start: int) -> str | None:
    """For "support for the plan stood at 40%": the clause before the figure, if it is short."""
    head = re.split(r"[,;:()]|\b(?:and|but|while)\b", sentence[:start])[-1]
    head = re.sub(
        r"\b(?:stood|stands|was|is|were|are|rose|fell|reached|at|to|by|of|about|around|nearly|some)\b", " ", head
    )
    head = " ".join(head.split())
    return head if 3 <= len(head) <= 80 else None
