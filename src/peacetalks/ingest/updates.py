"""Proposed case updates from a document's evidence, as diffs against the case as of the
article's date. Pure functions: the store keeps them, a person accepts or rejects them.

- **position**: one per (actor, issue) the article states a stance on. A stance restates a
  position; the rules cannot read a new scale value from words, so the proposal carries the
  position in force forward with the article as its source, and flags offers and conditional
  stances as "may have moved" for the reviewer to give a value when accepting. An actor with
  no position yet on the issue gets a proposal that needs a value.
- **salience**: one per (actor, issue) with a position in force whose importance the article's
  words move (:mod:`peacetalks.ingest.salience`: "red line", "non-negotiable", "ready to discuss",
  "secondary" …, or insistence repeated across articles): the strongest step up plus the strongest
  step down, applied to the salience in force and kept within 0–100. Nothing when they cancel.
- **event**: one per event with a full date (a week-precision "last week" is not one).
- **indicator**: a percentage whose sentence matches an indicator's name (at least half its content
  words, crudely stemmed); the first such percentage of a sentence only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from peacetalks.case.types import Case, Position, Source, SourceKind
from peacetalks.ingest import salience as rules
from peacetalks.ingest.types import Document, Evidence

if TYPE_CHECKING:
    from peacetalks.ingest.digest import Reported
    from peacetalks.ingest.lexicon import Lexicon

UpdateKind = Literal["position", "salience", "event", "indicator"]
#: Earlier stored stance reports of (actor, issue) on or after a date, for the repeated-insistence rule.
EarlierReports = Callable[[str, str, dt.date], Sequence["Reported"]]
_MOVES = frozenset({"offer", "accept", "propose", "condition"})
_STOPWORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "on",
        "for",
        "and",
        "or",
        "that",
        "who",
        "would",
        "could",
        "with",
        "by",
        "from",
        "as",
        "at",
        "is",
        "are",
        "be",
        "it",
        "its",
        "this",
        "kiis",
        "poll",
        "ukrainians",
        "ukraine",
        "russia",
    ]
)


@dataclass(frozen=True)
class ProposedUpdate:
    kind: UpdateKind
    as_of: dt.date
    actor: str | None
    issue: str | None
    evidence: tuple[int, ...]  # indexes into the document's evidence
    payload: dict[str, Any]
    summary: str


def source_for(doc: Document) -> Source:
    """The case source an accepted update cites: the article itself."""
    info = doc.source
    url = info.url if info.url and re.match(r"^(https?|file)://\S+$", info.url) else None
    return Source(
        id=f"article-{doc.id}",
        title=info.title or info.location[:200] or doc.id,
        kind=SourceKind.NEWS,
        outlet=info.outlet,
        author=info.author,
        url=url,
        published=info.published,
        note="Added by peacetalks ingest when a reviewer accepted an update based on it.",
    )


def propose(
    case: Case,
    doc: Document,
    evidence: list[Evidence],
    *,
    today: dt.date | None = None,
    lexicon: Lexicon | None = None,
    earlier: EarlierReports | None = None,
) -> list[ProposedUpdate]:
    """Updates suggested by ``evidence`` from ``doc``, dated to the article (or ``today``).
    With ``lexicon``, salience cues in sentences without a stance item are attributed too; with
    ``earlier``, insistence repeated across stored articles raises salience."""
    when = doc.source.published or today or dt.date.today()
    proposals: list[ProposedUpdate] = []
    by_pair: dict[tuple[str, str], list[int]] = {}
    actor_ids = {a.id for a in case.actors}
    for k, e in enumerate(evidence):
        if e.kind == "stance" and e.actor_id in actor_ids and e.issue_id:
            by_pair.setdefault((e.actor_id, e.issue_id), []).append(k)
    for (actor, issue), indexes in by_pair.items():
        proposals.append(_position(case, actor, issue, when, [evidence[k] for k in indexes], tuple(indexes)))
    proposals += _salience(case, doc, evidence, when, lexicon, earlier)
    pointed: set[tuple[int, str]] = set()  # (sentence, indicator): its first percentage only
    for k, e in enumerate(evidence):
        if e.kind == "event" and e.date and len(e.date) == 10 and e.extra.get("precision", "day") == "day":
            proposals.append(_event(doc, e, k))
        if e.kind == "figure" and e.unit == "%" and isinstance(e.value, float | int):
            indicator = _matching_indicator(case, e.sentence)
            # "39% …, up from 10% in 2022": a later percentage of the sentence is an earlier value or another measure
            if indicator is not None and (e.sentence_start, indicator) not in pointed:
                pointed.add((e.sentence_start, indicator))
                proposals.append(
                    ProposedUpdate(
                        "indicator",
                        when,
                        None,
                        None,
                        (k,),
                        {"indicator": indicator, "observation": {"date": when.isoformat(), "value": float(e.value)}},
                        f"indicator {indicator}: {e.value:g}% on {when} ({e.text})",
                    )
                )
    return proposals


def _position(
    case: Case, actor: str, issue: str, when: dt.date, stances: list[Evidence], indexes: tuple[int, ...]
) -> ProposedUpdate:
    previous = _in_force(case, actor, issue, when)
    # (a learned stance without a cue says that the actor took a position, not which: it may have moved)
    moved = any(s.stance in _MOVES or s.stance is None or s.conditional for s in stances)
    said = "; ".join(
        f"{s.stance or 'a stance (no cue)'}{' (not)' if s.polarity == 'negative' else ''}"
        f"{' (conditional)' if s.conditional else ''}"
        for s in stances
    )
    payload: dict[str, Any] = {
        "actor": actor,
        "issue": issue,
        "as_of": when.isoformat(),
        "stances": said,
        "may_have_moved": moved,
        "current": None
        if previous is None
        else {
            "position": previous.position,
            "salience": previous.salience,
            "capability": previous.capability,
            "as_of": previous.as_of.isoformat(),
            "sources": list(previous.sources),
        },
        "proposed": None
        if previous is None or moved
        else {
            "position": previous.position,
            "salience": previous.salience,
            "capability": previous.capability,
        },
        "sentence": stances[0].sentence,
    }
    scale = case.issue(issue).scale
    if previous is None:
        change = "no position yet: give --position, --salience and --capability when accepting"
    elif moved:
        change = (
            f"{previous.position:g} ({scale.label_for(previous.position)}) since {previous.as_of} — "
            "may have moved: give --position when accepting"
        )
    else:
        change = (
            f"{previous.position:g} since {previous.as_of} → restated {when} ({scale.label_for(previous.position)})"
        )
    return ProposedUpdate("position", when, actor, issue, indexes, payload, f"{actor} on {issue}: {said}; {change}")


def _in_force(case: Case, actor: str, issue: str, when: dt.date) -> Position | None:
    current = [p for p in case.history(actor, issue) if p.as_of <= when]
    return current[-1] if current else None


def _salience(
    case: Case,
    doc: Document,
    evidence: list[Evidence],
    when: dt.date,
    lexicon: Lexicon | None,
    earlier: EarlierReports | None,
) -> list[ProposedUpdate]:
    """Salience changes the article's words suggest, one per (actor, issue) with a position in force."""
    found: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for cue in rules.attributed_cues(doc.text, evidence, lexicon, {a.id for a in case.actors}):
        found.setdefault((cue.actor, cue.issue), []).append(
            {"rule": cue.rule, "step": cue.step, "text": cue.text, "sentence": cue.sentence,
             "evidence": cue.evidence, "confidence": cue.confidence}
        )  # fmt: skip
    also: dict[tuple[str, str], list[str]] = {}
    if earlier is not None:
        for pair, reports in _repeated(doc, evidence, when, earlier).items():
            found.setdefault(pair, []).append(
                {"rule": "salience/repeated", "step": rules.REPEAT_STEP,
                 "text": f"{len(reports) + 1} articles in {rules.REPEAT_DAYS} days",
                 "sentence": next(e.sentence for e in evidence
                                  if e.kind == "stance" and (e.actor_id, e.issue_id) == pair),
                 "evidence": None, "confidence": 0.5,
                 "earlier": [{"document_id": r.document_id, "date": r.date.isoformat(), "title": r.title,
                              "url": r.url, "sentence": r.item.get("sentence")} for r in reports]}
            )  # fmt: skip
            also[pair] = sorted({r.document_id for r in reports})
    proposals = []
    for (actor, issue), fired in found.items():
        previous = _in_force(case, actor, issue, when)
        if previous is None:
            continue  # a first position needs all its values from the reviewer: the position update asks
        up = max((f for f in fired if f["step"] > 0), key=lambda f: f["step"], default=None)
        down = min((f for f in fired if f["step"] < 0), key=lambda f: f["step"], default=None)
        moved_by = [f for f in (up, down) if f is not None]
        step = sum(f["step"] for f in moved_by)
        new = min(100.0, max(0.0, previous.salience + step))
        if new == previous.salience:
            continue  # the cues cancel, or the salience is at the end of the scale already
        indexes = tuple(sorted({f["evidence"] for f in fired if f["evidence"] is not None}))
        payload: dict[str, Any] = {
            "actor": actor,
            "issue": issue,
            "as_of": when.isoformat(),
            "current": {
                "position": previous.position,
                "salience": previous.salience,
                "capability": previous.capability,
                "as_of": previous.as_of.isoformat(),
                "sources": list(previous.sources),
            },
            "proposed": {"salience": new},
            "step": new - previous.salience,
            "rules": fired,
            "moved_by": [f["rule"] for f in moved_by],
            "confidence": max(f["confidence"] for f in moved_by),
            "sentence": moved_by[0]["sentence"],
            "also_documents": also.get((actor, issue), []),
        }
        why = "; ".join(f"{f['rule']} ({f['step']:+d}): “{f['text']}”" for f in moved_by)
        applied = f"{new - previous.salience:+g}"
        if new != previous.salience + step:
            applied += f"; {step:+d} capped at {new:g}"
        summary = (
            f"{actor} on {issue}: salience {previous.salience:g} → {new:g} ({applied}) "
            f"since {previous.as_of}, position {previous.position:g} kept — {why}"
        )
        proposals.append(ProposedUpdate("salience", when, actor, issue, indexes, payload, summary))
    return proposals


def _repeated(
    doc: Document, evidence: list[Evidence], when: dt.date, earlier: EarlierReports
) -> dict[tuple[str, str], list[Reported]]:
    """(actor, issue) pairs this article insists on that reach REPEAT_MIN articles in the window
    with it, and the earlier reports that count."""
    insisted = {
        (str(e.actor_id), str(e.issue_id))
        for e in evidence
        if e.kind == "stance" and e.issue_id and e.stance in rules.INSISTING and e.polarity != "negative"
    }
    since = when - dt.timedelta(days=rules.REPEAT_DAYS)
    reached: dict[tuple[str, str], list[Reported]] = {}
    for actor, issue in sorted(insisted):
        by_document: dict[str, Reported] = {}
        for r in earlier(actor, issue, since):
            if (
                r.document_id != doc.id
                and not r.duplicate
                and r.date <= when
                and r.item.get("stance") in rules.INSISTING
                and r.item.get("polarity") != "negative"
            ):
                by_document.setdefault(r.document_id, r)
        if len(by_document) == rules.REPEAT_MIN - 1:  # this article is the one that reaches the count
            reached[(actor, issue)] = list(by_document.values())
    return reached


def _event(doc: Document, e: Evidence, k: int) -> ProposedUpdate:
    date = dt.date.fromisoformat(str(e.date))
    issues = list(e.extra.get("issues", []))
    actors = list(e.extra.get("actors", []))
    event = {
        "id": f"ingest-{doc.id}-{k}",
        "date": date.isoformat(),  # = Reported.event_id
        "title": f"{(e.event_type or 'event').capitalize()} reported by {doc.source.title or doc.source.location}"[
            :200
        ],
        "kind": e.event_type if e.event_type in ("talks", "agreement", "exchange", "ceasefire", "strike") else "other",
        "description": e.sentence[:500],
        "actors": actors,
        "issues": issues,
    }
    return ProposedUpdate(
        "event", date, None, None, (k,), {"event": event}, f"new event {date}: {e.event_type} — {e.sentence[:100]}"
    )


def _content_words(text: str) -> set[str]:
    return {_stem(w) for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2 and w not in _STOPWORDS}


def _stem(word: str) -> str:
    """A crude English stem, enough to match "reject" with "rejecting" and "controls" with "control"."""
    for suffix, replacement, shortest in (("ies", "y", 5), ("ing", "", 6), ("ed", "", 5), ("s", "", 4)):
        if word.endswith(suffix) and len(word) >= shortest and not word.endswith("ss"):
            return word[: -len(suffix)] + replacement
    return word


def _matching_indicator(case: Case, sentence: str) -> str | None:
    words = _content_words(sentence)
    best, best_overlap = None, 0.0
    for indicator in case.indicators:
        if "percent" not in indicator.unit and "%" not in indicator.unit:
            continue
        name = _content_words(indicator.name)
        overlap = len(words & name) / len(name) if name else 0.0
        if overlap > best_overlap:
            best, best_overlap = indicator.id, overlap
    return best if best_overlap >= 0.5 else None


def apply_update(
    case: Case,
    kind: str,
    payload: dict[str, Any],
    source: Source,
    *,
    position: float | None = None,
    salience: float | None = None,
    capability: float | None = None,
    rationale: str | None = None,
    also_cites: Sequence[Source] = (),
) -> Case:
    """``case`` with one accepted update written in, citing ``source`` and ``also_cites`` (the
    other articles of a repeated-insistence salience update; each added to the case's sources if
    new). The case date moves forward to the update's date when that is later. Raises
    PeacetalksError when the update needs a value the reviewer did not give."""
    from peacetalks.case.types import CodedBy, Confidence, Event, Observation
    from peacetalks.errors import PeacetalksError

    cited = (source, *also_cites)
    sources = {s.id: s for s in case.sources}
    for s in cited:
        sources.setdefault(s.id, s)
    changes: dict[str, Any] = {"sources": tuple(sources.values())}
    if kind in ("position", "salience"):
        when = dt.date.fromisoformat(payload["as_of"])
        # Defaults come from the position in force now, so accepting a restated position after a
        # salience change (or the other way round) keeps both.
        in_force = _in_force(case, payload["actor"], payload["issue"], when)
        sentence = " ".join(str(payload.get("sentence", "")).split())[:300]
        if kind == "position":
            values: dict[str, Any] = _accepted_values(case, payload, in_force, position, salience, capability)
            confidence = Confidence.LOW if payload.get("may_have_moved") else Confidence.MEDIUM
            why = f"Reviewer's coding of the article's stance ({payload.get('stances')}): \"{sentence}\""
        else:
            if in_force is None:
                raise PeacetalksError(
                    f"{payload['actor']} has no position on {payload['issue']} in force on {when} to change the "
                    "salience of: accept or add a position first"
                )
            value = salience if salience is not None else min(100.0, max(0.0, in_force.salience + payload["step"]))
            ranges = in_force.uncertainty
            if ranges and ranges.salience and not ranges.salience.low <= value <= ranges.salience.high:
                ranges = ranges.model_copy(update={"salience": None})  # the old range no longer holds
            values = {"position": in_force.position, "salience": value, "capability": in_force.capability,
                      "uncertainty": ranges}  # fmt: skip
            confidence = Confidence.LOW
            why = (
                f"Salience {in_force.salience:g} → {value:g} from news ({', '.join(payload.get('moved_by', []))}, "
                f"a heuristic the reviewer accepted): \"{sentence}\""
            )
        new = Position(
            actor=payload["actor"],
            issue=payload["issue"],
            as_of=when,
            **values,
            sources=tuple(s.id for s in cited),
            confidence=confidence,
            coded_by=CodedBy.ANALYST,
            rationale=rationale or why,
        )
        kept = tuple(
            p for p in case.positions if not (p.actor == new.actor and p.issue == new.issue and p.as_of == new.as_of)
        )
        changes["positions"] = (*kept, new)
    elif kind == "event":
        event = Event.model_validate({**payload["event"], "sources": [source.id]})
        when = event.date
        known = {a.id for a in case.actors}
        event = event.model_copy(update={"actors": tuple(a for a in event.actors if a in known)})
        changes["events"] = (*(e for e in case.events if e.id != event.id), event)
    elif kind == "indicator":
        observation = Observation.model_validate({**payload["observation"], "sources": [source.id]})
        when = observation.date
        changes["indicators"] = tuple(
            i.model_copy(
                update={
                    "series": tuple(
                        sorted((*(o for o in i.series if o.date != when), observation), key=lambda o: o.date)
                    )
                }
            )
            if i.id == payload["indicator"]
            else i
            for i in case.indicators
        )
    else:
        raise PeacetalksError(f"unknown update kind {kind!r}")
    changes["as_of"] = max(case.as_of, when)
    return Case.model_validate({**case.model_dump(), **changes})


def _accepted_values(
    case: Case,
    payload: dict[str, Any],
    in_force: Position | None,
    position: float | None,
    salience: float | None,
    capability: float | None,
) -> dict[str, float]:
    """The values of an accepted position update: those the reviewer gave, else the restated
    position and the salience and capability in force."""
    from peacetalks.errors import PeacetalksError

    proposed = payload.get("proposed") or {}
    given = {
        "position": position if position is not None else proposed.get("position"),
        "salience": salience if salience is not None else in_force.salience if in_force else None,
        "capability": capability if capability is not None else in_force.capability if in_force else None,
    }
    missing = [f"--{name}" for name, v in given.items() if v is None]
    if missing:
        raise PeacetalksError(
            f"this update of {payload['actor']} on {payload['issue']} needs {', '.join(missing)} "
            "(the article's stance does not give a scale value): pass them to accept"
        )
    scale = case.issue(payload["issue"]).scale
    if not scale.contains(float(given["position"])):  # type: ignore[arg-type]
        raise PeacetalksError(
            f"--position {given['position']} lies outside the issue's scale [{scale.min:g}, {scale.max:g}]"
        )
    return {name: float(v) for name, v in given.items()}  # type: ignore[arg-type]
