"""Events in a sentence: talks held, prisoner exchanges, strikes, agreements signed, truces,
each with the nearest date; and an article's repeated reports of one event told apart."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

from peacetalks.case.types import ActorKind
from peacetalks.ingest.figures import Figure
from peacetalks.ingest.lexicon import Lexicon, Mention
from peacetalks.ingest.patterns import has_any, trie_pattern
from peacetalks.ingest.types import Evidence

#: Makes an evidence item from offsets within the sentence: (kind, start, end, extractor, confidence, **fields).
MakeItem = Callable[..., Evidence]

# Each event type with words one of which every match of its pattern contains (in lower case): a
# sentence without any of them is spared the pattern. The patterns are searched for in fold(sentence),
# case-sensitively: written in lower case, they find there what they find with IGNORECASE in the
# sentence (tests/test_ingest_prechecks.py), two to three times faster.
EVENT_PATTERNS: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = (
    (
        "exchange",
        ("prisoner", "pow", "exchange", "swap", "return", "freed", "released", "brought", "home"),
        re.compile(
            r"\b(?:prisoner|pow|prisoner-of-war)s?\s+(?:exchange|swap)s?\b|\bexchange[sd]?\s+(?:of\s+)?(?:the\s+)?(?:\d[\d,]*\s+)?"
            # "a further exchange of severely wounded and young prisoners" (not "of all prisoners": a plan's contents)
            r"(?:(?!all\s)[\w-]+\s+(?:and\s+)?){0,3}?(?:prisoners|pows|bodies)\b|\bagreed\s+(?:on\s+|to\s+)?(?:an?\s+|the\s+)?(?:[\w,-]+\s+){0,2}?(?:exchange|swap)\b|"
            r"\bswap(?:ped|s)?\s+(?:of\s+)?(?:[\w,-]+\s+){0,4}?(?:prisoners|pows)\b|"
            # "brought home 500 Ukrainian prisoners", "an exchange that would return 1,200 Ukrainians"
            r"\b(?:returned|freed|released|brought\s+(?:home|back))\s+(?:\d[\d,]*\s+)?(?:\w+\s+)?(?:prisoners|pows|soldiers|civilians)\b|"
            r"\b(?:exchange|swap)\s+(?:that|which)\s+(?:would|will|is\s+to)\s+(?:return|bring\s+home|free)\b|"
            # "the return of 6,000 bodies by each side", "agreed to return 6,000 bodies each"
            r"\breturn(?:ed)?\s+(?:of\s+)?(?:the\s+)?(?:\d[\d,]*\s+)?bodies\b|"
            # a timeline's "314 prisoners of war are exchanged", "500 Ukrainian prisoners come home"
            r"\b(?:prisoners(?:\s+of\s+war)?|pows)\s+(?:(?:are|were|have\s+been|had\s+been)\s+(?:exchanged|swapped|freed|released)|"
            r"(?:come|came|comes)\s+home|(?:return|returned)\s+home)\b",
        ),
    ),
    (
        "agreement",
        ("sign", "adopt"),
        re.compile(
            # "adopted a declaration", "the communiqué was adopted"
            r"\badopt(?:ed|s)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:agreement|declaration|communiqu[ée]|accord)\b|"
            r"\b(?:agreement|declaration|communiqu[ée]|accord)s?\s+(?:was\s+|were\s+|had\s+been\s+|has\s+been\s+)?adopted\b|"
            r"\bsign(?:ed|s|ing)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:agreement|deal|memorandum|accord|treaty|"
            r"declaration|protocol|communiqu[ée]|package|arrangement)\b|\b(?:agreement|deal|memorandum|accord|treaty|"
            # ("the Package of Measures of 12 February 2015 was signed", "a 13-point document signed in Minsk")
            r"protocol|arrangement|initiative|measures)(?:\s+of\s+(?:\d{1,2}\s+)?[a-z]+\.?\s+\d{4})?"
            r"(?:,?\s+(?:was|were|had\s+been|has\s+been)|,)?\s+signed\b|"
            r"\b(?:agreement|deal|memorandum|accord|treaty)\s+(?:that|which)\s+(?:[\w-]+\s+){1,4}?signed\b",
        ),
    ),
    (
        "ceasefire",
        ("ceasefire", "cease-fire", "truce", "pause in", "stop", "halt"),
        re.compile(
            # "agreed that Russia and Ukraine would stop attacking each other's energy infrastructure" (a
            # call or talks in between are their own event)
            r"\bagreed\s+(?:that\s+)?(?:(?:(?!call|talks|meeting)[^.;]){0,60}?\s)?(?:would|will|to)\s+"
            r"(?:stop|halt|pause|cease)\s+(?:attacking|striking|strikes|attacks|fighting|hostilities|firing)\b|"
            r"\b(?:ceasefire|cease-fire|truce)\s+(?:was\s+|has\s+been\s+|had\s+)?(?:declared|announced|agreed|took\s+effect|"
            r"came\s+into\s+force|began|started|collapsed|broke\s+down|broken\s+down|ran|held|lasted|expired)\b|"
            r"\b(?:ceasefire|cease-fire|truce)\s+(?:was|is|were)\s+to\s+(?:start|begin|take\s+effect)\b|"
            # a truce set to start at an hour or on a day: "a ceasefire from midnight on 15 February",
            # "after a ceasefire beginning at midnight", "a new ceasefire from the 15th"
            # (not one only asked for: "called for a ceasefire from 15 February")
            r"(?<!called\sfor\sa\s)(?<!calls\sfor\sa\s)(?<!call\sfor\sa\s)(?<!asked\sfor\sa\s)(?<!demanded\sa\s)"
            r"(?<!proposed\sa\s)\b(?:ceasefire|cease-fire|truce)\s+(?:[\w,-]+\s+){0,10}?(?:from|beginning|starting|taking\s+effect)\s+"
            r"(?:at\s+|on\s+)?(?:midnight|00:00|the\s+\d|\d)|"
            r"\b(?:declared|announced|ordered|agreed(?:\s+(?:to|on))?)\s+"
            r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:ceasefire|cease-fire|truce|pause\s+in\s+(?:the\s+)?fighting)\b",
        ),
    ),
    (
        "strike",
        ("strike", "attack", "barrage", "struck", "shelled", "launched"),
        re.compile(
            r"\b(?:missile|drone|air|rocket|artillery)\s+(?:strikes?|attacks?|barrages?)\b|"
            r"\bstruck\b(?!\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}(?:tone|deal|note|chord|balance|bargain|agreement|compromise)s?\b)|"
            r"\bshelled\b|"
            r"\blaunched\s+(?:\d[\d,]*\s+)?(?:\w+\s+)?(?:missiles|drones)\b",
        ),
    ),
    (
        "talks",
        (
            "talks",
            "negotiations",
            "summit",
            "meeting",
            "consultations",
            "held",
            "hosted",
            "convened",
            "resumed",
            "attended",
            "met",
            "holding",
            "call",
            "conversation",
            "spoke",
            "round",
            "meet",
            "spen",
            "receive",
            "open",
            "begun",
            "begin",
        ),
        re.compile(
            # not "the first round since the war began"
            r"\b(?:talks|negotiations|summit|round(?!\s+of\s+(?!talks|negotiations))|meeting|"
            r"consultations)\b(?:(?!\bsince\b)[^.;]){0,80}?"
            r"\b(?:held|took\s+place|takes\s+place|opened|opens?|resumed|began|begun|begins?|started|ended|concluded|broke\s+up|"
            r"was\s+hosted|were\s+hosted|will\s+be\s+held|are\s+scheduled|is\s+scheduled|postponed)\b|"
            # "hosted the first three-way talks", "hosted 18 leaders"
            r"\b(?:held|holding|hosted|convened|resumed|attended)\s+(?:[\w-]+\s+){0,3}?(?:talks|"
            r"negotiations|summit|meeting|round(?:\s+of\s+(?:talks|negotiations))?|leaders|delegations|envoys)\b|"
            r"\bmet\s+(?:with\s+)?(?:[a-z][\w'-]+\s*){1,3}\b|"
            # "Putin receives US envoys", "received the American delegation"
            r"\breceive[sd]?\s+(?:the\s+)?(?:[\w-]+\s+)?(?:envoys?|delegations?|negotiators)\b|"
            # a timeline in the present: "they meet for three hours", "leaders meet Trump", "spend hours with Putin"
            r"\bmeets?\s+(?:for\s+(?:about\s+)?[\w-]+\s+(?:hours?|days?)|(?:with\s+)?(?-i:[A-Z])[\w'-]+)\b|"
            r"\bspen[dt]s?\s+(?:about\s+|some\s+|nearly\s+)?[\w-]+\s+(?:hours?|days?)\s+(?:in\s+talks\s+)?with\b|"
            r"\b(?:talks|negotiations|summit|meeting|round(?!\s+of\s+(?!talks|negotiations)))\b(?=[^.;]{0,60}?\bon\s+\d)|"
            r"\bround\s+(?:of\s+(?:talks|negotiations)\s+)?(?:was|were|is|will\s+be)\s+(?:held|hosted|scheduled|postponed)\b|"
            r"\b(?:telephone|phone|video)\s+(?:call|conversation)s?\b|\bspoke\s+(?:by|on\s+the)\s+(?:tele)?phone\b|"
            r"\b(?:hours?|days?|sessions?)\s+of\s+(?:[\w-]+\s+)?(?:talks|negotiations)\b|"
            # not "a seat at the table in any negotiations"
            # ("after the weekend's talks")
            r"\b(?:after|during|following|at)\s+(?:the\s+|their\s+|its\s+|an?\s+)?(?:(?!(?:in|any|of|on|for)\s)[\w'’-]+\s+){0,3}?"
            r"(?:talks|negotiations|summits?|meetings?|rounds?|call)\b",
        ),
    ),
)
# The talks pattern with IGNORECASE, for the sentence itself where "meet" occurs: its "leaders meet
# Trump" needs the capital, which fold(sentence) has lost.
_TALKS_CASED = re.compile(EVENT_PATTERNS[-1][2].pattern, re.IGNORECASE)
# A verb that says an event happened or is set (or a word of time), one of which an undated event needs.
_EVENT_VERBS = (
    "held", "took place", "signed", "exchanged", "swapped", "carried out", "launched", "struck", "hit", "met", "agreed",
    "announced", "concluded", "returned", "freed", "released", "declared", "began", "started", "resumed", "hosted",
    "attended", "killed", "shelled", "will be held", "scheduled", "postponed", "after", "during", "following",
    "reported", "responded", "meet", "meets", "spend", "spent", "brought", "ended", "opened", "open", "opens", "begun",
    "begin", "begins", "adopts", "receive", "received", "receives", "come home", "came home", "takes place", "broke up",
)  # fmt: skip
# Searched for in fold(sentence), so in lower case, case-sensitively: several times faster; as a trie, a
# third faster again than the flat alternation.
EVENT_VERB = re.compile(r"\b(?:" + trie_pattern(_EVENT_VERBS, blank=r"\s+") + r")\b")


# "the meeting", "the talks": a definite reference to one event, not an ordinal one ("the second round").
_THE_EVENT = re.compile(
    r"\bthe\s+(?!(?:first|second|third|fourth|fifth|next|new|last|latest|previous|earlier|later|other|final)\b)"
    r"(?:[\w-]+\s+)?(?:talks|negotiations|meeting|summit|call|round|exchange|swap|truce|ceasefire|attack|strike)s?\b",
    re.IGNORECASE,
)


# A timeline's entry opens with its date: "23–24 January – Abu Dhabi: the first three-way talks …".
_ENTRY_AFTER_DATE = re.compile(r"\s*(?:[–—:-]|,)\s")
# (talks only: a truce in a timeline is as often what someone asks for)
_ENTRY_TALKS = re.compile(r"\b(?:talks|negotiations|summit|round|meeting)\b")  # in fold(sentence)
# Talks named by where they were held, a name in capitals before the noun (not a summit of a body or
# group, which is no meeting of the parties: "the NATO summit", "the G20 summit").
_PLACE_TALKS = re.compile(
    r"\b(?<!next )(?<!possible )(?<!proposed )(?<!planned )(?<!no )(?<!of )[Tt]he\s+((?:[A-Z][\w'’-]+\s+){1,2}?)"
    r"(?:summit|round|talks|meeting|negotiations)\b"
)
_NOT_TALKS_PLACES = frozenset(("NATO ", "EU ", "G7 ", "G20 ", "European Council ", "BRICS ", "UN ", "OSCE ", "SCO "))
# "Zelensky met Trump in Davos and Umerov met Witkoff": a verb that reports a meeting of its own
_NEW_MEETING = re.compile(r"(?:met|meets?|held|hosted)\b", re.IGNORECASE)

_SPAN = re.compile(r".+", re.DOTALL)
# Between two coordinated clauses: each may report its own event and date.
_CLAUSES_APART = re.compile(r",\s+(?:and|but|while|whereas)\s+|;")


@functools.cache
def _state_names(lexicon: Lexicon) -> frozenset[str]:
    """The names of the case's states ("Ukraine", "Russia")."""
    return frozenset(a.name for a in lexicon.case.actors if a.kind == ActorKind.STATE)


def _matches(event_type: str, pattern: re.Pattern[str], sentence: str, lowered: str) -> Iterator[re.Match[str]]:
    """The matches of an event type's ``pattern`` in ``sentence`` (``lowered`` is fold(sentence))."""
    if event_type == "talks" and "meet" in lowered:
        return _TALKS_CASED.finditer(sentence)
    return pattern.finditer(lowered)


def _nearest_date(sentence: str, dates: list[Figure], start: int, end: int) -> Figure | None:
    """The date nearest to the event at [start, end), in its own clause if that has one."""

    def apart(d: Figure) -> bool:
        lo, hi = (d.end, start) if d.end <= start else (end, d.start)
        return _CLAUSES_APART.search(sentence, lo, hi) is not None

    near = [d for d in dates if not apart(d)] or dates
    return min(near, key=lambda d: abs(d.start - start)) if near else None


def distinct_events(items: list[Evidence]) -> list[Evidence]:
    """``items`` without events the article already reported: an undated definite reference to an
    event of a type seen before ("hosted the meeting"), or a type seen before on the same date in
    another sentence (in one, :func:`events` has already told them apart)."""
    seen: dict[str | None, dict[str | None, int]] = {}  # type → date → the sentence it was seen in
    kept = []
    for e in items:
        if e.kind == "event":
            dates = seen.get(e.event_type)
            if dates is not None and (
                dates.get(e.date, e.sentence_start) != e.sentence_start if e.date else bool(_THE_EVENT.search(e.text))
            ):
                continue
            seen.setdefault(e.event_type, {}).setdefault(e.date, e.sentence_start)
        kept.append(e)
    return kept


def events(
    sentence: str,
    lowered: str,
    actors: list[Mention],
    issues: list[Mention],
    figures: list[Figure],
    lexicon: Lexicon,
    item: MakeItem,
) -> Iterator[Evidence]:
    """Events of ``sentence``; ``lowered`` is fold(sentence)."""
    dates = [f for f in figures if f.rule == "date"]
    if not (dates or EVENT_VERB.search(lowered)):
        return  # (looked at first: half the cost of looking for the words of each type)
    patterns = [(t, pattern) for t, words, pattern in EVENT_PATTERNS if has_any(lowered, words)]
    if not patterns:
        return
    parties = sorted({lexicon.party(a.ids[0]) for a in actors})
    taken: list[tuple[int, int]] = []
    # With one date or none, two mentions of one type are one event ("met … on 30 November, and the
    # talks ended …"); with several dates they may be meetings on different days, so each is kept.
    # (but "X met Y and Z met W" reports two meetings: a second verb of meeting is a new one).
    reported: set[str] = set()
    dated: set[tuple[str, int]] = set()  # the types reported, each with the date it took
    found = [(t, m) for t, pattern in patterns for m in _matches(t, pattern, sentence, lowered)]
    # (its date may be two: "23–24 January", "29 Jan to 1 Feb")
    entry = next((d for d in dates[:2] if dates[0].start == 0 and _ENTRY_AFTER_DATE.match(sentence, d.end)), None)
    entry_talks = _ENTRY_TALKS.search(lowered) if entry and all(t != "talks" for t, _ in found) else None
    if entry_talks:
        found.append(("talks", entry_talks))
    swaps = [f for f in figures if f.extra and "swap" in f.extra]
    if swaps and all(t != "exchange" for t, _ in found):
        # "1,000 for 1,000 in Istanbul": a swap's count (see figures.py) reports the exchange
        found += [("exchange", m) for f in swaps if (m := _SPAN.match(sentence, f.start, f.end))]
    if "talks" in [t for t, _ in patterns] and "the " in lowered:
        # "the Alaska summit", "the Abu Dhabi round", "the Jeddah meeting": talks named by their place
        # (a state's own name says what they are about: "the Ukraine negotiations")
        states = _state_names(lexicon)
        found += [
            ("talks", m)
            for m in _PLACE_TALKS.finditer(sentence)
            if m[1] not in _NOT_TALKS_PLACES and m[1].rstrip() not in states
        ]
    for event_type, m in found:
        if any(m.start() < end and start < m.end() for start, end in taken):
            continue
        if lowered.endswith("before ", 0, m.start()):
            continue  # "before talks had even begun"
        taken.append((m.start(), m.end()))
        if len(dates) <= 1 and event_type in reported and not _NEW_MEETING.match(m.group()):
            continue
        date = entry if m is entry_talks else _nearest_date(sentence, dates, m.start(), m.end())
        if date is not None and (event_type, date.start) in dated and not _NEW_MEETING.match(m.group()):
            continue  # "on 2 June they added a swap of the wounded and the return of 6,000 bodies": one exchange
        reported.add(event_type)
        if date is not None:
            dated.add((event_type, date.start))
        # "The talks have ended": with its article, a definite reference (see distinct_events)
        start = m.start() - 4 if lowered.endswith("the ", 0, m.start()) else m.start()
        yield item(
            "event",
            start,
            m.end(),
            f"event/{event_type}",
            0.75 if date else 0.6,
            event_type=event_type,
            date=date.value if date else None,
            value=date.value if date else None,
            unit="date" if date else None,
            extra={
                "actors": parties,
                "issues": sorted({i for mention in issues for i in mention.ids}),
                **((date.extra or {}) if date else {}),  # a relative date says what it was resolved from
            },
        )
