"""Words that say how much an issue matters to an actor, as signed steps on the 0–100 salience
scale: an analyst-reviewable heuristic, not a measurement.

A sentence that calls an issue a "red line", "non-negotiable" or the "top priority" raises its
salience for the actor; "ready to discuss", "secondary", "could be set aside" lower it. A negation
just before a cue turns it round ("no longer a red line" lowers, "not ready to discuss" raises),
except for cues that are negative already ("non-negotiable", "will never"). The cue's sentence
must name the actor and the issue: the issue named nearest the cue in its own clause, and the
actor of the stance item nearest it or, failing that, the only actor the sentence names (a
possessive, "Ukraine's neutrality", counts only when no other actor is named). A cue inside a
condition ("… if Kyiv dropped its claim") is hypothetical and does not count.

Across articles, :data:`REPEAT_MIN` articles in :data:`REPEAT_DAYS` days in which the same actor
insists on, demands or rejects the same issue raise its salience by :data:`REPEAT_STEP`, once, on
the article that reaches the count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peacetalks.ingest.lexicon import Lexicon
from peacetalks.ingest.types import Evidence

STRONG, MILD = 10, 5
#: (rule, step, pattern, negatable), strongest first: a span claimed by one cue is not reused.
CUES: tuple[tuple[str, int, str, bool], ...] = (
    ("salience/not-a-priority", -STRONG, r"(?:not|no\s+longer)\s+(?:a|the|our|their|its)\s+(?:top\s+)?priority", False),
    ("salience/non-negotiable", STRONG,
     r"non-?negotiable|not\s+(?:negotiable|up\s+for\s+(?:negotiation|discussion|debate))", False),
    ("salience/never", STRONG,
     r"(?:will|would|shall|can|could)\s+never|never\s+(?:accept|agree|recogni[sz]e|cede|give\s+up|surrender|trade)"
     r"|under\s+no\s+circumstances|at\s+any\s+(?:cost|price)|at\s+all\s+costs|no\s+compromises?\s+on", False),
    ("salience/red-line", STRONG, r"red\s+lines?", True),
    ("salience/top-priority", STRONG,
     r"(?:top|highest|first|absolute|overriding|number\s+one)\s+priorit(?:y|ies)|existential", True),
    ("salience/secondary", -STRONG,
     r"(?:is|are|was|were|remains?|as|an?)\s+secondary(?!\s+sanctions)|(?:less|least)\s+important|(?:set|put|left|leave)\s+aside|shelved?|deferred|(?:at|for)\s+a\s+later"
     r"\s+stage|dropped\s+(?:its|their|the)\s+(?:demand|insistence|claim)|no\s+longer\s+(?:insists?|demands?)", False),
    ("salience/key", MILD,
     r"priorit(?:y|ies)|(?:key|core|central|main)\s+(?:demand|issue|condition|interest)s?|cornerstone"
     r"|(?:is|are|was|were|remains?)\s+(?:crucial|essential|vital|fundamental)", True),
    ("salience/ready-to-discuss", -MILD,
     r"(?:ready|willing|prepared|open)\s+to\s+(?:discuss|discussing|negotiate|negotiating|talk\s+about|compromise)"
     r"|open\s+to\s+(?:discussion|compromise|talks)|(?:could|can|may)\s+be\s+(?:discussed|negotiated)"
     r"|room\s+for\s+compromise|flexib(?:le|ility)", True),
)
_CUES = [(rule, step, re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE), neg) for rule, step, pattern, neg in CUES]
_NEGATION = re.compile(
    r"\b(?:not|never|no|no\s+longer|refuses?\s+to|refused\s+to|unwilling\s+to|isn't|is\s+not|aren't|wasn't)"
    r"(?:\s+\w+){0,2}\s*$|n't(?:\s+\w+){0,2}\s*$",
    re.IGNORECASE,
)
_CUE_WORDS = re.compile(
    r"red\s+line|negotia|never|circumstances|any\s+(?:cost|price)|all\s+costs|compromise|priorit|existential"
    r"|secondary|important|aside|shelve|defer|later\s+stage|dropped|no\s+longer|key|core|central|main"
    r"|cornerstone|crucial|essential|vital|fundamental|discuss|talk\s+about|flexib",
    re.IGNORECASE,
)

# A cue speaks of the issues named in its own clause only.
_CLAUSE_BREAK = re.compile(
    r"[,;:()]|\s[–—-]\s|\b(?:but|while|whereas|although|though|however|adding|and\s+that)\b", re.IGNORECASE
)
# A cue in a condition is hypothetical: "open to a deal if Kyiv dropped its claim".
_HYPOTHETICAL = re.compile(
    r"\b(?:if|unless|provided|once|in\s+exchange\s+for|in\s+return\s+for|on\s+condition)\b", re.IGNORECASE
)

REPEAT_MIN, REPEAT_DAYS, REPEAT_STEP = 3, 30, MILD
#: The stances that, repeated across articles, show insistence.
INSISTING = frozenset({"insist", "demand", "reject"})


@dataclass(frozen=True)
class Cue:
    """A salience cue in a sentence, attributed to an actor and issue."""

    actor: str
    issue: str
    rule: str
    step: int  # signed points on the 0–100 salience scale
    text: str  # the cue as written
    sentence: str
    evidence: int | None  # the stance item it was attributed through, if any
    confidence: float


def cues(sentence: str) -> list[tuple[str, int, int, int]]:
    """Every salience cue in ``sentence``: (rule, signed step, start, end)."""
    if not _CUE_WORDS.search(sentence):
        return []
    found: list[tuple[str, int, int, int]] = []
    for rule, step, pattern, negatable in _CUES:
        for m in pattern.finditer(sentence):
            if any(m.start() < end and start < m.end() for _, _, start, end in found):
                continue
            if negatable and _NEGATION.search(sentence[max(0, m.start() - 40) : m.start()]):
                found.append((f"{rule}/negated", -step, m.start(), m.end()))
            else:
                found.append((rule, step, m.start(), m.end()))
    return sorted(found, key=lambda c: c[2])


def attributed_cues(text: str, evidence: list[Evidence], lexicon: Lexicon | None, actors: set[str]) -> list[Cue]:
    """The cues of every sentence that holds a stance item, or (with ``lexicon``) names one of
    ``actors`` and an issue, attributed to an actor and an issue. The issue is the one named
    nearest the cue ("ready to discuss X, and Y is not a priority" gives X and Y); the actor is
    that of the stance item nearest the cue, else the only actor the sentence names."""
    by_sentence: dict[int, list[int]] = {}
    for k, e in enumerate(evidence):
        if e.kind == "stance" and e.actor_id in actors and e.issue_id:
            by_sentence.setdefault(e.sentence_start, []).append(k)
    spans = _sentence_spans(evidence) if lexicon is None else _all_sentences(text)
    found: list[Cue] = []
    for s0, s1 in spans:
        sentence = text[s0:s1]
        sentence_cues = cues(sentence)
        if not sentence_cues:
            continue
        stances = by_sentence.get(s0, [])
        issues = lexicon.issues(sentence) if lexicon is not None else []
        for rule, step, start, end in sentence_cues:
            c0, c1 = _clause(sentence, start, end)
            if _HYPOTHETICAL.search(sentence, c0, start):
                continue
            in_clause = [m for m in issues if m.start < c1 and c0 < m.end]
            # "Donbas" names two issues: the cue applies to each
            named = min(in_clause, key=lambda m: _distance(m.start, m.end, start, end)).ids if in_clause else ()
            if issues and not named:
                continue  # the issues named are in other clauses
            if stances:
                k = min(stances, key=lambda k: _distance(evidence[k].start - s0, evidence[k].end - s0, start, end))
                e = evidence[k]
                if not named and not (e.start - s0 < c1 and c0 < e.end - s0):
                    continue  # without a lexicon: the stance must reach into the cue's clause
                for issue in named or (str(e.issue_id),):
                    same = issue == e.issue_id
                    found.append(Cue(str(e.actor_id), issue, rule, step, sentence[start:end], sentence,
                                     k if same else None, 0.6 if same else 0.5))  # fmt: skip
            elif named and lexicon is not None and (speaker := _only_actor(sentence, lexicon, actors)):
                found += [Cue(speaker, issue, rule, step, sentence[start:end], sentence, None, 0.45) for issue in named]
    return found


def _sentence_spans(evidence: list[Evidence]) -> list[tuple[int, int]]:
    return sorted({(e.sentence_start, e.sentence_start + len(e.sentence)) for e in evidence if e.kind == "stance"})


def _all_sentences(text: str) -> list[tuple[int, int]]:
    from peacetalks.ingest.sentences import sentences

    return list(sentences(text))


def _only_actor(sentence: str, lexicon: Lexicon, actors: set[str]) -> str | None:
    """The one actor the sentence names, leaving out possessives ("Ukraine's neutrality") when
    another is named; None when there is none or several: whose issue it is stays unclear."""
    named = [(lexicon.party(m.ids[0]), sentence[m.end : m.end + 2] in ("'s", "’s")) for m in lexicon.actors(sentence)]
    speakers = {a for a, possessive in named if not possessive and a in actors}
    if not speakers:
        speakers = {a for a, _ in named if a in actors}
    return speakers.pop() if len(speakers) == 1 else None


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The span of the clause around the cue at [start, end)."""
    c0, c1 = 0, len(sentence)
    for m in _CLAUSE_BREAK.finditer(sentence):
        if m.end() <= start:
            c0 = m.end()
        elif m.start() >= end:
            c1 = m.start()
            break
    return c0, c1


def _distance(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, b0 - a1, a0 - b1)
