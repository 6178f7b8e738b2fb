"""The shortcuts taken for speed change no result, on arbitrary text: a cheap pre-check never
skips a pattern that would have matched, rewritten patterns match as they did, and terms matched
case-sensitively in folded text are those IGNORECASE finds, and sentence splitting reads the
same word before a full stop."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from peacetalks.ingest import cues, dates, documents, events, extract, figures, sentences
from peacetalks.ingest import lexicon as lexicon_module
from peacetalks.ingest.lexicon import _Terms
from peacetalks.ingest.patterns import AtWordStart, fold, has_any
from peacetalks.ingest.sentences import _word_before
from peacetalks.ingest.types import Evidence, evidence_of

# Words the patterns look for, in odd cases and with the letters IGNORECASE treats alike
# (dotless ı, long ſ, dotted İ, the Kelvin sign), numbers, dates and punctuation around them.
PIECES = [
    "Talks",
    "talks",
    "were",
    "held",
    "HELD",
    "met",
    "Met",
    "Putin",
    "round",
    "of",
    "on",
    "in",
    "the",
    "since",
    "mid-",
    "prisoners",
    "phone",
    "conversation",
    "prıson",
    "POWs",
    "exchanged",
    "ſwapped",
    "SİGNED",
    "signed",
    "an",
    "agreement",
    "ceasefire",
    "truce",
    "declared",
    "missile",
    "strikes",
    "struck",
    "launched",
    "drones",
    "troops",
    "Troops",
    "army",
    "of about",
    "at",
    "600,000",
    "2.5",
    "12",
    "3",
    "1,5",
    "2025",
    "1999",
    "March",
    "May",
    "Sept.",
    "12th",
    "five",
    "FIVE",
    "fıve",
    "a hundred",
    "hundred",
    "twenty",
    "years",
    "days",
    "weeks",
    "\u212am",
    "km2",
    "square",
    "kilometres",
    "miles",
    "%",
    "per cent",
    "$",
    "€",
    "bn",
    "billion",
    "USD",
    "dollars",
    "respondents",
    "soldiers",
    "civilians",
    ",",
    ".",
    ";",
    "-",
    "–",
    "(",
    ")",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=25).map(
    lambda parts: " ".join(parts)
)


@settings(max_examples=400, deadline=None)
@given(texts, st.sampled_from(["five", "signed", "prison", "swap", "troops", "km", "this"]))
def test_fold_finds_every_word_ignorecase_finds(text: str, word: str) -> None:
    assert (re.search(word, text, re.IGNORECASE) is not None) == (word in fold(text))
    assert len(fold(text)) == len(text)


@settings(max_examples=400, deadline=None)
@given(texts)
@example("Witkoff met Putin; the truce was declared; a POW swap; drone attacks; they signed a deal")
@example("Trump and Putin had a phone conversation on 3 May 2025.")
@example("they took  place, took-place, will be held, opens, opener, spent, spends, came home, received")
def test_each_event_pattern_runs_wherever_it_matches(sentence: str) -> None:
    lowered = fold(sentence)
    for event_type, words, pattern in events.EVENT_PATTERNS:
        if pattern.search(lowered) or (event_type == "talks" and events._TALKS_CASED.search(sentence)):
            assert any(w in lowered for w in words), event_type
    any_case = re.compile(events.EVENT_VERB.pattern, re.IGNORECASE)
    assert bool(events.EVENT_VERB.search(lowered)) == bool(any_case.search(sentence))
    assert bool(events.EVENT_VERB.search(lowered)) == bool(PLAIN_EVENT_VERB.search(lowered))


# The event verbs as first written, a flat alternation, before they became a trie.
PLAIN_EVENT_VERB = re.compile(
    r"\b(?:held|took\s+place|signed|exchanged|swapped|carried\s+out|launched|struck|hit|met|agreed|announced|"
    r"concluded|returned|freed|released|declared|began|started|resumed|hosted|attended|killed|shelled|"
    r"will\s+be\s+held|scheduled|postponed|after|during|following|reported|responded|meets?|spen[dt]|brought|ended|"
    r"opened|opens?|begun|begins?|adopts|receive[sd]?|come\s+home|came\s+home|takes\s+place)\b"
)


# The number pattern as first written, before it began with its digit for speed.
# (and, since rules-10, thousands apart by spaces, not after a month, and never the first digits of
# a number with thousands apart: "8" of "8,006")
_SPACED = r"[ \u00a0\u2009\u202f]\d{3}(?![\d,])"
PLAIN_NUMBER = re.compile(
    rf"(?<![\w.,])(?!0\d)(\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}{figures._NOT_A_DAY}(?:{_SPACED})+|\d+)(?:\.(\d+))?"
    rf"(?![\d])(?!,\d{{3}}(?!\d)|{_SPACED})"
)
PLAIN_YEAR = re.compile(r"(?<![\w.,])(?:19|20)\d\d\b(?![-–]\w)")
PLAIN_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:(?:st|nd|rd|th)?\s+(?:of\s+)?|-)({figures._MONTH})(?:\s*,?\s+|-)(\d{{4}})\b"
)
# The patterns that begin with a month as first written, before the month became a trie.
PLAIN_MONTH_FIRST = {
    "_DATE_MDY": rf"\b({figures._MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b",
    "_DATE_MY": rf"\b({figures._MONTH})\s+(?:of\s+)?(\d{{4}})\b",
    "_MONTH_DAY_BEFORE": rf"\b({figures._MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?{figures._JOINED}",
    "_MONTH_BEFORE": rf"\b({figures._MONTH}){figures._JOINED}",
}


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(texts)
@example("talks in mid- 2025")
@example("00")  # (no number starts at a zero before a digit)
@example("the 1999 war")
@example("x2020 and 1,2019 or 2022-23 in 2026")
@example("some 3 000 km, 8,006 killed, 1\u202f000\u202f000 people, on March 3 500 prisoners, 12 3456")
@example("Five hundred troops and twenty prisoners, for a hundred days, on 3rd of Sept. 2025")
def test_figure_patterns_and_their_prechecks(sentence: str) -> None:
    lowered = fold(sentence)
    assert spans(re.compile(figures._NUM), sentence) == spans(PLAIN_NUMBER, sentence)
    assert spans(figures._DATE_DMY, sentence) == spans(PLAIN_DAY_MONTH, sentence)
    assert spans(figures._YEAR, sentence) == spans(PLAIN_YEAR, sentence)
    if figures._COUNT.search(lowered):
        assert figures._COUNTED_WORD.search(lowered)
    if re.search(figures._WNUM, sentence) and not re.search(r"\d", sentence):
        assert figures._NUMBER_WORD.search(lowered)
    if not figures._NUMBER_WORD.search(lowered):  # without number words, the digits-only variants agree
        for plain, digits in ((figures._COUNT, figures._COUNT_DIGITS), (figures._DURATION, figures._DURATION_DIGITS)):
            assert [m.span() for m in digits.finditer(lowered)] == [m.span() for m in plain.finditer(lowered)]
    if any(p.search(sentence) for p in (figures._DATE_DMY, figures._DATE_MDY, figures._DATE_MY)):
        assert any(stem in sentence for stem in figures._MONTH_STEMS)


MONTH_PIECES = ["Jan", "January", "Jan.", "Sep", "Sept", "Sept.", "September", "May", "Mayor", "March", "Mar", "June",
                "Juneau", "xMay", "_May", "3", "14th", "2025", "of", "and", "to", "-", ",", " ", "."]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(MONTH_PIECES), st.text(max_size=2)), max_size=14).map("".join),
       st.integers(0, 40), st.integers(0, 40))  # fmt: skip
@example("on Jan. 3, 2025 and Sept 2024", 0, 40)
@example("xMay 2025, May of 2025 and June 14 to", 0, 40)
def test_patterns_beginning_with_a_month_match_as_they_did(text: str, pos: int, endpos: int) -> None:
    for name, plain in PLAIN_MONTH_FIRST.items():
        fast, slow = getattr(figures, name), re.compile(plain)
        assert spans(fast, text) == spans(slow, text), name
        # searched in a window of the sentence, the character before still counts
        found, expected = fast.search(text, pos, endpos), slow.search(text, pos, endpos)
        assert (found and (found.span(), found.groups())) == (expected and (expected.span(), expected.groups())), name


TERMS = [("Crimea", "c"), ("Türkiye", "t"), ("Kılıç", "k"), ("china–brazil plan", "p"), ("security guarantee", "s")]
TERM_PIECES = [
    "Crimea",
    "CRİMEA",
    "crımea",
    "Crimeas",
    "Türkiye",
    "TÜRKIYE",
    "kılıç",
    "Kilic",
    "KILIÇ",
    "-",
    " ",
    "x",
    "China–Brazil plan",
    "china-brazil plans",
    "Security  Guarantees",
    "ſecurity guarantee",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(TERM_PIECES), st.text(max_size=2)), max_size=12).map("".join))
def test_terms_found_in_folded_text_as_with_ignorecase(text: str) -> None:
    fast = _Terms(TERMS, exact_case=False)
    assert fast._fold_text  # Latin letters and a dash: matched in fold(text)
    reference = _Terms(TERMS, exact_case=False)
    reference._fold_text = False
    reference._folded_re = lexicon_module._alternation(reference._folded, any_case=True, flags=re.IGNORECASE)
    assert fast.find(text) == reference.find(text)


def test_terms_in_other_scripts_keep_ignorecase() -> None:
    terms = _Terms([("перемирие", "truce"), ("μέτωπο", "front")], exact_case=False)
    assert not terms._fold_text
    assert [m.ids for m in terms.find("ПЕРЕМИРИЕ на ΜΈΤΩΠΟ")] == [("truce",), ("front",)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\u00a0ab.(\"'“M", max_size=120), st.integers(0, 120))
@example("b" + "(" * 40 + "mr", 42)  # a word longer than one look back
@example("a" * 80 + " " * 40, 120)
def test_the_word_before_a_full_stop_is_the_last_word_of_the_line_so_far(line: str, end: int) -> None:
    end = min(end, len(line))
    before = line[:end]
    assert _word_before(line, end) == (before.rsplit(None, 1)[-1].lower() if before.strip() else "")


# The clause boundary and the sentence end as first written, before they began with their first character.
PLAIN_BOUNDARY = re.compile(
    r";|\s[–—]\s|,\s+and\s+(?=[a-z])|,?\s+(?:while|whereas|but|however|yet|(?:al)?though(?!\s+not\s+[^,;.]{0,40},))\b|"
    r"\.\s|,\s+where\b|\s+and\s+(?=(?:said|says|added|adds|warned|warns|told|tells)\b)"
)
PLAIN_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")
CLAUSE_PIECES = ["and", "said", "tells", "while", "but", "yet", "where", "whereas", "however", "though", "although",
                 "not", "in law", "x", "Kyiv",
                 ",", ";", ".", "!", "?", "”", ")", "–", "—", "-", " ", "  ", "\n", "\t", "\u00a0"]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(CLAUSE_PIECES), st.text(max_size=2)), max_size=20).map("".join),
       st.integers(0, 30))  # fmt: skip
@example("Russia rejected it, and ukraine – but not Kyiv; while. where , where  and said", 40)
@example("accept in practice, though not in law, control, although not, ok", 30)
def test_clause_boundaries_and_sentence_ends_are_found_as_before(text: str, endpos: int) -> None:
    lowered = fold(text)
    assert spans(extract._BOUNDARY, lowered) == spans(PLAIN_BOUNDARY, lowered)
    # as _introduced searches it, up to an offset
    assert [m.span() for m in extract._BOUNDARY.finditer(lowered, 0, endpos)] == [
        m.span() for m in PLAIN_BOUNDARY.finditer(lowered, 0, endpos)
    ]
    assert spans(sentences._END, text) == spans(PLAIN_END, text)
    assert spans(figures._DIGITS, text) == spans(re.compile(r"\d+"), text)


PAIRED_PIECES = ["American", "and", "Ukrainian", "US", "delegations", "officials", "envoys", "xAmerican", "_A", "Éa",
                 "teams", " ", "  ", "\n", "-", "É", "Ab"]  # fmt: skip
PLAIN_PAIRED = re.compile(
    r"\b([A-Z][a-z]+)\s+and\s+([A-Z][a-z]+)\s+(delegations|negotiators|teams|officials|diplomats|governments|leaders|envoys)\b"
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PAIRED_PIECES), st.text(max_size=2)), max_size=14).map("".join))
@example("the American and Ukrainian delegations")
@example("American and Ukrainian delegations, and xAmerican and Ukrainian envoys; ÉAmerican and Ukrainian teams")
def test_paired_group_nouns_are_found_as_before(text: str) -> None:
    assert spans(lexicon_module._PAIRED_GROUPS, text) == spans(PLAIN_PAIRED, text)


@settings(max_examples=200, deadline=None)
@given(texts, st.lists(st.sampled_from(["five", "day", "for", "Jan", "–", "", "in a"]), max_size=6))
def test_the_cheap_check_for_words_is_any_of_them_in_the_text(text: str, words: list[str]) -> None:
    assert has_any(text, words) == any(word in text for word in words)


def test_mentions_and_figures_compare_and_hash_by_their_fields() -> None:
    # (not frozen, for speed: they must still behave as the frozen dataclasses they were)
    a, b = lexicon_module.Mention(1, 4, ("russia",)), lexicon_module.Mention(1, 4, ("russia",))
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1 and a != lexicon_module.Mention(1, 5, ("russia",))
    f, g = figures.Figure(0, 3, "percent", 40.0, "%"), figures.Figure(0, 3, "percent", 40.0, "%")
    assert f == g and hash(f) == hash(g) and f != figures.Figure(0, 3, "percent", 41.0, "%")


def test_evidence_made_without_init_is_the_dataclass_item() -> None:
    values = {"kind": "figure", "text": "40%", "start": 3, "end": 6, "sentence": "At 40% support.", "sentence_start": 0,
              "extractor": "figure/percent", "confidence": 0.9, "value": 40.0, "extra": {"per": "day"}}  # fmt: skip
    made = evidence_of(dict(values))
    assert made == Evidence(**values) and made.to_json() == Evidence(**values).to_json()
    assert evidence_of({k: v for k, v in values.items() if k != "extra"}).extra == {}
    with pytest.raises(TypeError, match="colour"):
        evidence_of({**values, "colour": "blue"})
    with pytest.raises(TypeError, match="confidence"):
        evidence_of({k: v for k, v in values.items() if k != "confidence"})


LABEL_PIECES = ["MOSCOW", "Kyiv", "2026-01-06", "Paris", "Context", "Update", "14:05", "a", "very-long-heading-word",
                "—", "–", ":", " ", "  ", "\t", "\n", ",", "Russia", "said", "talks"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(LABEL_PIECES), st.text(max_size=2)), max_size=16).map("".join))
@example("MOSCOW — Russia said on Monday it was ready for talks.")
@example("Extraordinarily-long-dateline-word another-longish-heading-word Istanbul – Talks resumed.")
@example("Update:\tRussia said so.")
def test_the_first_look_for_a_label_is_never_narrower_than_the_label_rule(sentence: str) -> None:
    rule = documents._LABEL.match(sentence)
    found = documents.label(sentence)
    assert (found.span() if found else None) == (rule.span() if rule and rule.end() > 0 else None)


def test_an_em_dash_dateline_is_read_as_a_label() -> None:
    assert documents.dateline("MOSCOW — Russia said on Monday it was ready for talks.") == len("MOSCOW — ")
    # a phrase between dashes is no dateline: its actors may speak
    assert documents.dateline("Russia and Ukraine — the two parties — agreed to meet.") == 0


def folded_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """The patterns written in lower case to be searched for in fold(text) instead of with IGNORECASE in the text."""
    return [(event_type, pattern) for event_type, _, pattern in events.EVENT_PATTERNS] + [
        ("_ENTRY_TALKS", events._ENTRY_TALKS),
        *((name, getattr(extract, name)) for name in ("_SAID_MUST", "_HEDGE")),
        *((name, getattr(cues, name)) for name in ("CONDITION", "MODAL", "NEGATION")),
        *((name, getattr(figures, name)) for name in FOLDED_FIGURES),
    ]


FOLDED_FIGURES = ("_PERCENT", "_PERCENT_WORDS", "_A_DURATION", "_DURATION", "_DURATION_DIGITS", "_ONE_IN", "_COUNT",
                  "_COUNT_DIGITS")  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(texts)
@example("Witkoff met Putin; the truce was declared; a POW swap; drone attacks; they SİGNED a deal")
@example("Leaders meet Trump; they MEET for two hours; Putin meets ſwiss envoys")
@example("Kyiv SAID that Russia MUST withdraw, provided Moscow … ONCE again; iF only")
@example("Fıve Troops for 3 dayſ, ONE in FIVE, 20 PER CENT, Twenty-Five Percent, for a Week, 2 \u212am, A Third of")
def test_patterns_in_folded_text_find_what_ignorecase_finds_in_the_text(text: str) -> None:
    lowered = fold(text)
    for name, pattern in folded_patterns():
        if name == "talks" and "meet" in lowered:  # its capital after "meets" is looked for in the text
            assert events._TALKS_CASED.pattern == pattern.pattern and events._TALKS_CASED.flags & re.IGNORECASE
            continue
        assert spans(pattern, lowered) == [
            (m.span(), tuple(g and fold(g) for g in m.groups()))
            for m in re.compile(pattern.pattern, re.IGNORECASE).finditer(text)
        ], name


def test_numbers_and_units_spelt_with_letters_ignorecase_treats_alike_are_read() -> None:
    # (with IGNORECASE in the sentence, "fıve" and "dayſ" matched but were then looked up as written, and failed)
    found = [(f.rule, f.value, f.unit) for f in figures.find_figures("Fıve troops stayed for 3 dayſ.")]
    assert found == [("count", 5.0, "troops"), ("duration", 3.0, "day")]


WORD_PIECES = ["demands", "Demand", "reject", "rejects", "pre-", "-", "x", "_", "crimea", "crimeas", "the bloc",
               "security guarantee", "guarantees", "2", " ", "  ", "\n", "’", "(", "é", "ſ"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORD_PIECES), st.text(max_size=2)), max_size=16).map("".join))
@example("demands-reject xreject demand_demanded, rejects")
@example("crimea-crimeas security guarantees_ guarantee")
def test_searching_from_the_character_before_a_word_finds_what_the_pattern_finds(text: str) -> None:
    lowered = fold(text)
    terms = lexicon_module._alternation(dict.fromkeys(["crimea", "the bloc", "security guarantee"]), any_case=True)
    assert isinstance(terms, AtWordStart)
    for fast in (extract._CUE_WORDS, terms):
        assert [(m.span(), m.groups(), m.re) for m in fast.finditer(lowered)] == [
            (m.span(), m.groups(), m.re) for m in fast.pattern.finditer(lowered)
        ]


def test_a_pattern_searched_from_the_character_before_must_open_with_its_look_behind() -> None:
    with pytest.raises(ValueError, match="does not open"):
        AtWordStart(re.compile(r"\bdemand"), r"\w")


SAYING_PIECES = ["according", "ACCORDİNG", "to", "the", "quoted", "Cited", "cıted", "said", "Said", ",", "”", ",”",
                 " ", "  ", "Peskov", "spokesman", "adviser"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(SAYING_PIECES), st.text(max_size=2)), max_size=10).map(" ".join))
def test_the_attribution_patterns_run_wherever_they_match(before: str) -> None:
    words = fold(before)
    if extract._ACCORDING_TO.search(before):
        assert "according" in words
    if extract._QUOTED.search(before):
        assert "quoted" in words or "cited" in words
    if extract._SAID_BEFORE.search(before) or extract._AFTER_COMMA.search(before):
        assert "," in before


DATE_PIECES = ["two", "Two", "years", "YEARS", "ago", "AGO", "this", "last", "next", "Next", "week", "month", "Monday",
               "on", "yesterday", "tonight", "morning", "the", "day", "before", "earlier", "3", "ſunday"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(DATE_PIECES), st.text(max_size=2)), max_size=10).map(" ".join))
@example("two YEARS AGO, earlier this month and next week")
def test_the_relative_date_pattern_runs_wherever_it_matches(sentence: str) -> None:
    lowered = fold(sentence)
    if dates._PHRASE_FOLDED.search(lowered):
        assert any(w in lowered for w in dates._KEYWORDS) or (
            any(w in lowered for w in dates._PERIODS) and any(w in lowered for w in dates._PERIOD_WORDS)
        )
