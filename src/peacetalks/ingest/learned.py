"""The learned stance extractor (``--stances learned``): a logistic model that decides, for each
(actor, issue-or-proposal) pair a document names close together, whether the document attributes a
stance on it to that actor.

Candidates are the pairs whose actor (resolved to its party) and object share a sentence; whose
actor was named one or two sentences before an object whose sentence names no actor (reported
speech carried on), or in the two sentences before the object's or the one after, in its paragraph;
the authors of a proposal named in the object's sentence or the two before, in its paragraph (its
contents); and the pairs the rules found. Each occurrence of a pair gets the features of
:data:`FEATURES` (some are the pair's or the document's, the same in all its occurrences); the
model gives each occurrence a probability and the pair the highest. (It is trained by
multiple-instance learning: a positive pair's best occurrence counts fully, its others little.) The rules' findings are
features too; as the rules were tuned on the very texts the model is trained on, it is trained on
what the rules of each set's day found there before they were improved on it
(``benchmarks/fresh-rules.json``), which is what rules give on text they have not seen. The
weights, the threshold and how they were chosen (grouped cross-validation on the tuning sets) are
in ``data/stance-model.json``, written by ``benchmarks/train_stance.py``; docs/ingest.md has more.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from peacetalks.errors import PeacetalksError
from peacetalks.ingest.cues import CONDITION, CUE, CUE_STANCE, MODAL, NEGATION, cue_form
from peacetalks.ingest.cues import SAYS as _SAYING_VERBS
from peacetalks.ingest.documents import DOCUMENT_NOUNS
from peacetalks.ingest.lexicon import Lexicon, Mention
from peacetalks.ingest.patterns import fold
from peacetalks.ingest.sentences import sentences
from peacetalks.ingest.types import Document, Evidence, evidence

MODEL_FILE = Path(__file__).resolve().parent.parent / "data" / "stance-model.json"
LEARNED_VERSION = "learned-4"

#: The features, in the order of the weights, each with what it says (all in [0, 1] or a log count).
FEATURES: dict[str, str] = {
    "same_sentence": "actor and object in one sentence",
    "carried": "the actor named one or two sentences before the object, which has none of its own",
    "cue_between": "a stance cue between actor and object",
    "cue_before_object": "a stance cue in the five words before the object",
    "cue_in_sentence": "a stance cue anywhere in the object's sentence",
    "cue_closeness": "1 / (1 + words between the object and the nearest cue of its sentence), 0 with none",
    "cue_demand": "the cue nearest before the object demands or insists",
    "cue_reject": "… rejects or opposes",
    "cue_accept": "… accepts or supports",
    "cue_offer": "… offers or proposes",
    "cue_condition": "… sets a condition",
    "cue_warn": "… warns",
    "closeness": "1 / (1 + words between actor and object)",  # (words counted as spaces, here and below)
    "actor_first": "the actor comes before the object",
    "chain": "actor, then a cue, then the object, with no other party between actor and cue",
    "chain_opening": "a chain whose actor opens the sentence",
    "nearest": "no other party is named nearer the object in its sentence",
    "cue_before_actor": 'a cue before the actor, the object after it ("demanded that Ukraine withdraw from …")',
    "clause_break": 'a semicolon, "while", "but" or "whereas" between actor and object',
    "other_clause": 'another clause (", and", ", but", ";" …) between actor and object, no cue or saying between',
    "actor_passive": 'the actor followed by a form of "be" ("Ukraine would be kept out of …")',
    "actor_target": 'the actor after for, to, on, against, of, into ("guarantees for Ukraine")',
    "actor_place": 'the actor after "in" or "at", a place ("In Moscow, …")',
    "actor_modal": 'the actor followed by must, should, has to ("Ukraine must withdraw …": it is told)',
    "actor_says": 'the actor next to a verb of saying ("Russia said", "said Putin", "according to Kyiv")',
    "other_says": "another party of the object's sentence next to a verb of saying",
    "by_actor": 'the actor after "by", or "from" after what a source sends (a passive\'s agent, a source)',
    "other_actor_closer": "another party named between actor and object",
    "possessive": 'the actor as owner: "Russia\'s demand"',
    "opens_sentence": "the actor is among the first three words of its sentence",
    "saying": "a verb of saying in the actor's sentence",
    "negation": "a negation in the object's sentence",
    "condition": "a condition (if, unless, provided …) in the object's sentence",
    "modal": "must, should, has to in the object's sentence (often said of the actor, by another)",
    "quoted": "quote marks in the object's sentence",
    "headline": "the object in the document's first sentence",
    "sentence_parties": "log(1 + parties named in the object's sentence)",
    "sentence_objects": "log(1 + issues and proposals named in the object's sentence)",
    "proposal": "the object is a proposal (not an issue)",
    "author": "the actor is one of the proposal's authors",
    "occurrences": "log(1 + occurrences of the pair)",
    "sentences_together": "log(1 + sentences naming both actor and object)",
    "share": "the share of the object's sentences that name the actor too",
    "parties": "log(1 + parties the document names)",
    "nearby": "the actor in the two sentences before the object's or the one after, in its paragraph (not carried)",
    "actor_after": "the actor named in the sentence after the object's",
    "apart": "sentences between the actor's sentence and the object's (0 in one sentence)",
    "same_paragraph": "actor and object in one paragraph",
    "paragraph_opener": "the actor named in the first sentence of the object's paragraph",
    "author_together": "the actor is one of the proposal's authors and named in its sentence",
    "actor_share": "the share of the document's mentions of parties that name the actor",
    "main_actor": "the actor is the party the document names most",
    "question": "the object's sentence is a question",
    "pronoun_says": 'a pronoun next to a verb of saying in the object\'s sentence ("he said")',
    "in_list": 'the actor is in a list of parties ("Russia, Ukraine and the US")',
    "contents": "the actor is an author of a proposal named in the object's sentence or the two before it",
    "rules": "the rules found the pair",
    "rules_spoken": "the rules found it said (not only as a document's contents, authors or signers)",
    "rules_confidence": "the rules' highest confidence on the pair",
}
_NAMES = tuple(FEATURES)
_INDEX = {name: i for i, name in enumerate(_NAMES)}
_GROUP = {
    "demand": "cue_demand",
    "insist": "cue_demand",
    "reject": "cue_reject",
    "oppose": "cue_reject",
    "accept": "cue_accept",
    "support": "cue_accept",
    "offer": "cue_offer",
    "propose": "cue_offer",
    "condition": "cue_condition",
    "warn": "cue_warn",
}

_NOT_SPOKEN = frozenset(("stance/document", "stance/author", "stance/signed"))
# (the verbs of saying, negations, conditions and modals are the rules', so that both read a
# sentence alike; NEGATION, CONDITION and MODAL are searched in fold() of the text, lower case)
_SAYING = re.compile(rf"\b(?:{_SAYING_VERBS}|according\s+to|announced|declared|quoted)\b", re.IGNORECASE)
_PRONOUN_SAYS = re.compile(
    rf"\b(?:(?:he|she|they|it)\s+(?:\w+\s+)?{_SAYING_VERBS}|(?:said|says|added|wrote)\s+(?:he|she))\b"
)
_LINE_BREAK = re.compile("\n")
_QUOTES = ('"', "“", "”")
_OWNS = re.compile(r"['’]s?\b")
_BREAK = re.compile(r";|\b(?:while|but|whereas)\b")
_CLAUSE = re.compile(r"[;:]|,\s+(?:and|but|while|whereas|yet|so)\b")
_BE = re.compile(r"\s+(?:(?:would|will|could|should|must|might)\s+)?(?:be|is|are|was|were|been)\b")
_TARGETING = frozenset(("for", "to", "on", "against", "of", "into", "toward", "towards"))
_ACTOR_MODAL = re.compile(rf"\s+(?:(?:would|will)\s+)?{MODAL.pattern}")
_SAYS_AFTER = re.compile(rf"(?:\s+[\w'’-]+){{0,2}}?\s+(?:{_SAYING_VERBS}|announced)\b")
_SAYING_BEFORE = frozenset(("said", "says", "told", "added", "according", "warned", "wrote"))
# "from" gives a source only after what a source sends ("a proposal from Moscow", "pressure from
# Washington"), not after anyone who comes from a place ("tourists from Turkey")
_SENT_FROM = re.compile(
    rf"(?:{DOCUMENT_NOUNS}|demands?|calls?|requests?|pressure|signals?|assurances?|support|backing)"
)
_PLACE = frozenset(("in", "at"))
_LIST = re.compile(r"\s*(?:,|,?\s+and|,?\s+or|/|–|-)\s*(?:the\s+)?", re.IGNORECASE)


@dataclass(frozen=True)
class Model:
    """The shipped weights: an occurrence's probability is
    ``1 / (1 + exp(-(bias + ((x - mean) / scale) · weights)))``, a pair's the highest of its
    occurrences'; a pair is accepted from ``threshold`` on."""

    weights: npt.NDArray[np.float64]
    bias: float
    mean: npt.NDArray[np.float64]
    scale: npt.NDArray[np.float64]
    threshold: float
    keep_rules: bool  # whether a pair the rules found is kept when the model rejects it

    def probability(self, x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """The probability of each row of ``x`` (occurrences by :data:`FEATURES`)."""
        z = self.bias + ((x - self.mean) / self.scale) @ self.weights
        return np.asarray(1.0 / (1.0 + np.exp(-z)))


def model_from_json(data: dict[str, Any]) -> Model:
    if list(data["features"]) != list(FEATURES):
        raise PeacetalksError(
            "the learned stance model was trained on other features than this version computes; "
            "retrain it with `python benchmarks/train_stance.py`"
        )
    return Model(
        np.array(data["weights"], dtype=np.float64),
        float(data["bias"]),
        np.array(data["mean"], dtype=np.float64),
        np.array(data["scale"], dtype=np.float64),
        float(data["threshold"]),
        bool(data["keep_rules"]),
    )


@cache
def shipped_model() -> Model:
    """The model in the package's ``data/stance-model.json``."""
    return model_from_json(json.loads(MODEL_FILE.read_text(encoding="utf-8")))


@dataclass(frozen=True)
class Occurrence:
    """One place a pair is named: the object's sentence and mention, and the actor's mention."""

    sentence: tuple[int, int]  # the object's sentence, as offsets in the text (as the mentions)
    actor: Mention
    obj: Mention
    together: bool  # whether the actor is in the object's sentence (else in one of the two before)


Pair = tuple[str, str, bool]  # (party, object id, is a proposal)


@dataclass(frozen=True)
class Candidate:
    pair: Pair
    occurrences: list[Occurrence]  # none for a pair only the rules found
    features: npt.NDArray[np.float64]  # one row per occurrence (one row of pair features if none)
    rules: list[Evidence]  # the rules' stance items on the pair


def _inside(mentions: list[Mention], spans: list[tuple[int, int]]) -> list[list[Mention]]:
    starts = [m.start for m in mentions]
    return [
        [m for m in mentions[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, e)] if m.end <= e]
        for s, e in spans
    ]


@dataclass(frozen=True)
class Scan:
    """What :func:`~peacetalks.ingest.extract.extract` has already found in a document's text, so
    that the model need not look again: its sentences, ``fold(text)`` and the mentions of actors,
    issues and proposals, each in order of position."""

    spans: list[tuple[int, int]]
    folded: str
    actors: list[Mention]
    issues: list[Mention]
    proposals: list[Mention]


def scan(text: str, lexicon: Lexicon) -> Scan:
    folded = fold(text)
    proposals = lexicon.proposals_and_nouns(text, folded)[0]
    return Scan(list(sentences(text)), folded, lexicon.actors(text), lexicon.issues(text, folded), proposals)


def candidates(
    doc: Document, lexicon: Lexicon, rule_stances: Sequence[Evidence], scanned: Scan | None = None
) -> list[Candidate]:
    """The candidate pairs of ``doc`` with their features, in order of pair (``rule_stances``: the
    rules' stance items, each of whose pairs is a candidate too; ``scanned``: the text's
    :func:`scan`, when the caller has it)."""
    text = doc.text
    scanned = scanned or scan(text, lexicon)
    folded, spans = scanned.folded, scanned.spans
    actors = _inside(scanned.actors, spans)
    objects_found: list[tuple[Mention, bool]] = [(m, False) for m in scanned.issues]
    objects_found += [(m, True) for m in scanned.proposals]
    objects_found.sort(key=lambda o: (o[0].start, o[1]))
    obj_starts = [o[0].start for o in objects_found]
    cue_spans = [(m.start(), m.end()) for m in CUE.finditer(folded)]
    cue_starts = [s for s, _ in cue_spans]

    rules: dict[tuple[str, str], list[Evidence]] = {}
    for e in rule_stances:
        said_on = e.issue_id or e.proposal_id
        if e.actor_id and said_on:
            rules.setdefault((e.actor_id, said_on), []).append(e)
    named = [lexicon.party(i) for sent in actors for m in sent for i in dict.fromkeys(m.ids)]
    parties_named = set(named)
    mentions_of = {p: named.count(p) for p in parties_named}
    most = max(mentions_of.values(), default=0)
    found: dict[Pair, list[tuple[Occurrence, npt.NDArray[np.float64]]]] = {}
    object_sentences: dict[str, set[int]] = {}
    actor_rows: dict[int, npt.NDArray[np.float64]] = {}  # by the mention's start
    saying: dict[int, bool] = {}  # by sentence

    def actor_row(j: int, a: Mention) -> npt.NDArray[np.float64]:
        if a.start not in actor_rows:
            if j not in saying:
                saying[j] = _SAYING.search(text, *spans[j]) is not None
            actor_rows[a.start] = _actor_features(text, spans[j][0], a, saying[j])
        return actor_rows[a.start]

    objects_in = []
    for s0, s1 in spans:
        first, last = bisect.bisect_left(obj_starts, s0), bisect.bisect_left(obj_starts, s1)
        objects_in.append([o for o in objects_found[first:last] if o[0].end <= s1])
    breaks = [m.start() for m in _LINE_BREAK.finditer(text)]  # (a paragraph ends at a line break)
    paragraph = [bisect.bisect_left(breaks, s0) for s0, _ in spans]
    paragraph_start: dict[int, int] = {}
    for k, number in enumerate(paragraph):
        paragraph_start.setdefault(number, k)

    for k, (s0, s1) in enumerate(spans):
        here = objects_in[k]
        if not here:
            continue
        first = bisect.bisect_left(cue_starts, s0)
        cues = [c for c in cue_spans[first : bisect.bisect_left(cue_starts, s1)] if c[1] <= s1]
        own = [a for a in actors[k] if not any(o.start <= a.start and a.end <= o.end for o, _ in here)]
        parties = [frozenset(lexicon.party(i) for i in a.ids) for a in own]
        sentence = _sentence_features(folded[s0:s1], k, cues, len(set().union(*parties)), len(here))
        # (the paragraph's other sentences near the object's: reported speech carried on from the
        # sentence before or the one before that when the object's names no actor, else nearby)
        near = [j for j in (k - 2, k - 1, k + 1) if 0 <= j < len(spans) and paragraph[j] == paragraph[k]]
        carried = [] if own else [j for j in (k - 1, k - 2) if j >= 0]
        sources = [(k, a) for a in own] + [(j, a) for j in dict.fromkeys([*carried, *near]) for a in actors[j]]
        opener = paragraph_start[paragraph[k]]
        opening = {lexicon.party(i) for a in actors[opener] for i in a.ids}
        documents = [
            (j, m, plan) for j in range(max(opener, k - 2), k + 1) for m, is_p in objects_in[j] if is_p
            for plan in m.ids if lexicon.proposal_parties.get(plan)
        ]  # fmt: skip
        for obj, is_proposal in here:
            for obj_id in obj.ids:
                object_sentences.setdefault(obj_id, set()).add(k)
            obj_row = sentence + _object_features(text, s0, obj, cues)
            for j, a in sources:
                values = obj_row + actor_row(j, a)
                if j == k:
                    mine = parties[own.index(a)]
                    others = [(b, actor_row(k, b)) for b, p in zip(own, parties, strict=True) if not p & mine]
                    _pair_features(text, a, obj, others, cues, values)
                elif j in carried:
                    values[_INDEX["carried"]] = values[_INDEX["actor_first"]] = 1.0
                else:
                    values[_INDEX["nearby"]] = 1.0
                    values[_INDEX["actor_first"]] = j < k
                    values[_INDEX["actor_after"]] = j > k
                values[_INDEX["apart"]] = abs(j - k)
                values[_INDEX["same_paragraph"]] = paragraph[j] == paragraph[k]
                values[_INDEX["chain_opening"]] = values[_INDEX["chain"]] * values[_INDEX["opens_sentence"]]
                for actor_id in a.ids:
                    party = lexicon.party(actor_id)
                    row = values.copy()
                    row[_INDEX["paragraph_opener"]] = party in opening
                    for obj_id in obj.ids:
                        at = Occurrence((s0, s1), a, Mention(obj.start, obj.end, (obj_id,)), j == k)
                        found.setdefault((party, obj_id, is_proposal), []).append((at, row))
            for j, document, plan in documents:  # the contents of a document: its authors' stances
                if document.start == obj.start:
                    continue
                for party in lexicon.proposal_parties[plan]:
                    values = obj_row.copy()
                    values[_INDEX["contents"]] = values[_INDEX["same_paragraph"]] = 1.0
                    values[_INDEX["apart"]] = k - j
                    values[_INDEX["actor_first"]] = (j, document.start) < (k, obj.start)
                    values[_INDEX["paragraph_opener"]] = party in opening
                    at = Occurrence((s0, s1), Mention(document.start, document.end, (party,)), obj, j == k)
                    for obj_id in obj.ids:
                        found.setdefault((party, obj_id, is_proposal), []).append((at, values))
    for actor_id, obj_id in rules:
        found.setdefault((actor_id, obj_id, obj_id in lexicon.proposal_names), [])
    out = []
    for pair in sorted(found):
        party, obj_id, is_proposal = pair
        occurrences = [o for o, _ in found[pair]]
        rows = np.array([x for _, x in found[pair]]) if occurrences else np.zeros((1, len(_NAMES)))
        together = {o.sentence for o in occurrences if o.together}
        rows[:, _INDEX["proposal"]] = is_proposal
        rows[:, _INDEX["author"]] = is_proposal and party in lexicon.proposal_parties.get(obj_id, ())
        rows[:, _INDEX["occurrences"]] = math.log1p(len(occurrences))
        rows[:, _INDEX["sentences_together"]] = math.log1p(len(together))
        rows[:, _INDEX["share"]] = len(together) / max(1, len(object_sentences.get(obj_id, ())))
        rows[:, _INDEX["parties"]] = math.log1p(len(parties_named))
        rows[:, _INDEX["author_together"]] = rows[:, _INDEX["author"]] * rows[:, _INDEX["same_sentence"]]
        rows[:, _INDEX["actor_share"]] = mentions_of.get(party, 0) / max(1, len(named))
        rows[:, _INDEX["main_actor"]] = mentions_of.get(party, 0) == most > 0
        said = rules.get((party, obj_id), [])
        rows[:, _INDEX["rules"]] = bool(said)
        rows[:, _INDEX["rules_spoken"]] = any(e.extractor not in _NOT_SPOKEN for e in said)
        rows[:, _INDEX["rules_confidence"]] = max((e.confidence for e in said), default=0.0)
        out.append(Candidate(pair, occurrences, rows, said))
    return out


Cues = list[tuple[int, int]]


def _features(**values: float) -> npt.NDArray[np.float64]:
    x = np.zeros(len(_NAMES))
    for name, value in values.items():
        x[_INDEX[name]] = value
    return x


def _sentence_features(folded: str, k: int, cues: Cues, parties: int, objects: int) -> npt.NDArray[np.float64]:
    """The features of the object's sentence (``folded``, as fold() gives it; ``cues``: its cues'
    offsets in the text)."""
    return _features(
        cue_in_sentence=bool(cues),
        negation=NEGATION.search(folded) is not None,
        condition=CONDITION.search(folded) is not None,
        modal=MODAL.search(folded) is not None,
        quoted=any(q in folded for q in _QUOTES),
        headline=k == 0,
        pronoun_says=_PRONOUN_SAYS.search(folded) is not None,
        question=folded.rstrip().rstrip('"”’').endswith("?"),
        sentence_parties=math.log1p(parties),
        sentence_objects=math.log1p(objects),
    )


def _object_features(text: str, s0: int, obj: Mention, cues: Cues) -> npt.NDArray[np.float64]:
    """The cues before the object in its sentence (from ``s0``)."""
    x = np.zeros(len(_NAMES))
    before = text.rfind(" ", s0, obj.start)
    for _ in range(4):
        before = text.rfind(" ", s0, before) if before > s0 else s0
    x[_INDEX["cue_before_object"]] = any(max(before, s0) <= c0 and c1 <= obj.start for c0, c1 in cues)
    if cues:
        words = min(text.count(" ", *((c1, obj.start) if c1 <= obj.start else (obj.end, c0))) for c0, c1 in cues)
        x[_INDEX["cue_closeness"]] = 1.0 / (1.0 + words)
    nearest = [c for c in cues if c[1] <= obj.start] or cues
    if nearest and (group := _GROUP.get(CUE_STANCE[cue_form(text[nearest[-1][0] : nearest[-1][1]])])):
        x[_INDEX[group]] = 1.0
    return x


def _actor_features(text: str, a_start: int, a: Mention, saying: bool) -> npt.NDArray[np.float64]:
    """The actor's place in its sentence (from ``a_start``; ``saying``: whether it has a verb of
    saying) and the words around it."""
    before = text[max(a_start, a.start - 40) : a.start].lower().split()[-4:]
    if before[-1:] == ["the"]:
        before = before[:-1]
    last = before[-1] if before else ""
    sent_from = last == "from" and len(before) > 1 and _SENT_FROM.fullmatch(before[-2]) is not None
    return _features(
        possessive=_OWNS.match(text, a.end) is not None,
        opens_sentence=text.count(" ", a_start, a.start) <= 2,
        saying=saying,
        actor_passive=_BE.match(text, a.end) is not None,
        actor_target=last in _TARGETING,
        actor_place=last in _PLACE,
        actor_modal=_ACTOR_MODAL.match(text, a.end) is not None,
        actor_says=_SAYS_AFTER.match(text, a.end) is not None or not _SAYING_BEFORE.isdisjoint(before),
        by_actor=last == "by" or sent_from,
    )


def _pair_features(
    text: str,
    a: Mention,
    obj: Mention,
    others: list[tuple[Mention, npt.NDArray[np.float64]]],
    cues: Cues,
    x: npt.NDArray[np.float64],
) -> None:
    """Actor and object in one sentence, into ``x``: what lies between them, and the sentence's
    ``others`` (the mentions of other parties, with their actor features)."""
    first = a.start < obj.start
    lo, hi = (a.end, obj.start) if first else (obj.end, a.start)
    gap = text.count(" ", lo, hi)
    x[_SAME] = 1.0
    x[_CLOSENESS] = 1.0 / (1.0 + gap)
    x[_FIRST] = first
    x[_BREAK_AT] = _BREAK.search(text, lo, hi) is not None
    between = any(lo <= c0 and c1 <= hi for c0, c1 in cues)
    if cues:
        x[_CUE_BETWEEN] = between
        x[_CUE_BEFORE_ACTOR] = first and cues[0][1] <= a.start
    x[_OTHER_CLAUSE] = not between and _CLAUSE.search(text, lo, hi) is not None and _SAYING.search(text, lo, hi) is None
    if others:
        x[_OTHER_CLOSER] = any(lo <= b.start and b.end <= hi for b, _ in others)
        x[_NEAREST] = not any(
            text.count(" ", *((b.end, obj.start) if b.start < obj.start else (obj.end, b.start))) < gap
            for b, _ in others
        )
        x[_OTHER_SAYS] = any(row[_SAYS] for _, row in others)
        x[_IN_LIST] = any(
            _LIST.fullmatch(text, *((a.end, b.start) if a.start < b.start else (b.end, a.start))) is not None
            for b, _ in others
        )
    else:
        x[_NEAREST] = 1.0
    if first and cues:
        x[_CHAIN] = any(
            a.end <= c0 and c1 <= obj.start and not any(a.end <= b.start and b.end <= c0 for b, _ in others)
            for c0, c1 in cues
        )


_SAME, _CLOSENESS, _FIRST = _INDEX["same_sentence"], _INDEX["closeness"], _INDEX["actor_first"]
_BREAK_AT, _OTHER_CLAUSE = _INDEX["clause_break"], _INDEX["other_clause"]
_CUE_BETWEEN, _CUE_BEFORE_ACTOR = _INDEX["cue_between"], _INDEX["cue_before_actor"]
_OTHER_CLOSER, _NEAREST, _OTHER_SAYS = _INDEX["other_actor_closer"], _INDEX["nearest"], _INDEX["other_says"]
_SAYS, _CHAIN, _IN_LIST = _INDEX["actor_says"], _INDEX["chain"], _INDEX["in_list"]


def learned_stances(
    doc: Document, lexicon: Lexicon, items: list[Evidence], model: Model | None = None, scanned: Scan | None = None
) -> list[Evidence]:
    """``items`` (what :func:`~peacetalks.ingest.extract.extract` found, with its :class:`Scan` of
    the text if it passes it) with the rules' stances replaced by one ``stance/learned`` item per
    pair the model accepts (or the rules found, if the model keeps those), in order of sentence."""
    model = model or shipped_model()
    found = candidates(doc, lexicon, [e for e in items if e.kind == "stance"], scanned)
    if not found:
        return items
    everything = model.probability(np.vstack([c.features for c in found]))
    ends = np.cumsum([len(c.features) for c in found])
    accepted = []
    for candidate, end in zip(found, ends, strict=True):
        probability = everything[end - len(candidate.features) : end]
        best = int(np.argmax(probability))  # (the first of equals)
        if probability[best] >= model.threshold or (candidate.rules and model.keep_rules):
            accepted.append(_item(doc, lexicon, candidate, float(probability[best]), best))
    rest = [e for e in items if e.kind != "stance"]
    # (a stable sort by sentence: the rules' items keep their order, the model's follow them)
    return sorted([*rest, *accepted], key=lambda e: e.sentence_start)


def _item(doc: Document, lexicon: Lexicon, candidate: Candidate, p: float, best: int) -> Evidence:
    """The item of an accepted pair, at its best occurrence (else where the rules found it)."""
    party, obj_id, is_proposal = candidate.pair
    said = max(candidate.rules, key=lambda e: e.confidence) if candidate.rules else None
    fields: dict[str, Any] = {}
    if candidate.occurrences:
        at = candidate.occurrences[best]
        s0, s1 = at.sentence
        start, end = at.obj.start, at.obj.end
        if at.together:  # from the actor to the object
            start, end = min(at.actor.start, start), max(at.actor.end, end)
        speaker = next((i for i in at.actor.ids if lexicon.party(i) == party), party)
        fields.update(sentence_start=s0, sentence=doc.text[s0:s1], start=start, end=end, speaker_id=speaker)
        fields.update(_cue_stance(doc.text, s0, s1, at.obj))
    else:  # a pair only the rules found (through a pronoun, a document's contents …): their place
        assert said is not None
        fields.update(sentence_start=said.sentence_start, sentence=said.sentence, start=said.start, end=said.end)
        fields.update(speaker_id=said.speaker_id)
    if said is not None:
        fields.update(
            stance=said.stance, polarity=said.polarity, conditional=said.conditional, condition=said.condition
        )
    fields.update(
        kind="stance",
        text=doc.text[fields["start"] : fields["end"]],
        extractor="stance/learned",
        confidence=max(0.01, round(p, 2)),  # (a pair only the rules' may score next to nothing)
        source_id=doc.id,
        actor_id=party,
        actor_name=lexicon.actor_names[party],
        extra={"rules": sorted({e.extractor for e in candidate.rules})} if candidate.rules else {},
    )
    if is_proposal:
        fields.update(proposal_id=obj_id, proposal_name=lexicon.proposal_names[obj_id])
    else:
        fields.update(issue_id=obj_id, issue_name=lexicon.issue_names[obj_id])
    return evidence(**fields)


def _cue_stance(text: str, s0: int, s1: int, obj: Mention) -> dict[str, Any]:
    """The stance of the cue nearest before the object in its sentence (else the nearest after),
    with its polarity and whether the sentence states a condition; no cue, no stance."""
    folded = fold(text[s0:s1])
    cues = list(CUE.finditer(folded))
    if not cues:
        return {"stance": None, "polarity": None, "conditional": False, "condition": None}
    before = [c for c in cues if s0 + c.end() <= obj.start]
    cue = before[-1] if before else min(cues, key=lambda c: abs(s0 + c.start() - obj.end))
    lead = folded[max(0, cue.start() - 30) : cue.start()]
    condition = CONDITION.search(folded)
    return {
        "stance": CUE_STANCE[cue_form(cue.group())],
        "polarity": "negative" if NEGATION.search(lead) else "positive",
        "conditional": condition is not None,
        "condition": None,
    }
