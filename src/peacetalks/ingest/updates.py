"""Proposed case updates from a document's evidence, as diffs against the case as of the
article's date. Pure functions: the store keeps them, a person accepts or rejects them.

- **position**: one per (actor, issue) the article states a stance on. A stance restates a
  position; the rules cannot read a new scale value from words, so the proposal carries the
  position in force forward with the article as its source, and flags offers and conditional
  stances as "may have moved" for the reviewer to give a value when accepting. An actor with
  no position yet on the issue gets a proposal that needs a value.
- **event**: one per event with a full date.
- **indicator**: a percentage whose sentence matches an indicator's name (its content words).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Literal

from peacetalks.case.types import Case, Source, SourceKind
from peacetalks.ingest.types import Document, Evidence

UpdateKind = Literal["position", "event", "indicator"]
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
    case: Case, doc: Document, evidence: list[Evidence], *, today: dt.date | None = None
) -> list[ProposedUpdate]:
    """Updates suggested by ``evidence`` from ``doc``, dated to the article (or ``today``)."""
    when = doc.source.published or today or dt.date.today()
    proposals: list[ProposedUpdate] = []
    by_pair: dict[tuple[str, str], list[int]] = {}
    actor_ids = {a.id for a in case.actors}
    for k, e in enumerate(evidence):
        if e.kind == "stance" and e.actor_id in actor_ids and e.issue_id:
            by_pair.setdefault((e.actor_id, e.issue_id), []).append(k)
    for (actor, issue), indexes in by_pair.items():
        proposals.append(_position(case, actor, issue, when, [evidence[k] for k in indexes], tuple(indexes)))
    for k, e in enumerate(evidence):
        if e.kind == "event" and e.date and len(e.date) == 10:
            proposals.append(_event(doc, e, k))
        if e.kind == "figure" and e.unit == "%" and isinstance(e.value, float | int):
            indicator = _matching_indicator(case, e.sentence)
            if indicator is not None:
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
    current = [p for p in case.history(actor, issue) if p.as_of <= when]
    previous = current[-1] if current else None
    moved = any(s.stance in _MOVES or s.conditional for s in stances)
    said = "; ".join(
        f"{s.stance}{' (not)' if s.polarity == 'negative' else ''}{' (conditional)' if s.conditional else ''}"
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
    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2 and w not in _STOPWORDS}


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
) -> Case:
    """``case`` with one accepted update written in, citing ``source`` (added if new). The case
    date moves forward to the update's date when that is later. Raises PeacetalksError when the
    update needs a value the reviewer did not give."""
    from peacetalks.case.types import CodedBy, Confidence, Event, Observation, Position
    from peacetalks.errors import PeacetalksError

    sources = case.sources if any(s.id == source.id for s in case.sources) else (*case.sources, source)
    changes: dict[str, Any] = {"sources": sources}
    if kind == "position":
        proposed = payload.get("proposed") or {}
        current = payload.get("current") or {}
        given = {
            "--position": position if position is not None else proposed.get("position"),
            "--salience": salience if salience is not None else proposed.get("salience", current.get("salience")),
            "--capability": capability
            if capability is not None
            else proposed.get("capability", current.get("capability")),
        }
        missing = [name for name, v in given.items() if v is None]
        if missing:
            raise PeacetalksError(
                f"this update of {payload['actor']} on {payload['issue']} needs {', '.join(missing)} "
                "(the article's stance does not give a scale value): pass them to accept"
            )
        value, sal, cap = (float(v) for v in given.values())  # type: ignore[arg-type]
        scale = case.issue(payload["issue"]).scale
        if not scale.contains(value):
            raise PeacetalksError(f"--position {value} lies outside the issue's scale [{scale.min:g}, {scale.max:g}]")
        when = dt.date.fromisoformat(payload["as_of"])
        sentence = " ".join(str(payload.get("sentence", "")).split())[:300]
        new = Position(
            actor=payload["actor"],
            issue=payload["issue"],
            as_of=when,
            position=value,
            salience=sal,
            capability=cap,
            sources=(source.id,),
            confidence=Confidence.LOW if payload.get("may_have_moved") else Confidence.MEDIUM,
            coded_by=CodedBy.ANALYST,
            rationale=rationale
            or f"Reviewer's coding of the article's stance ({payload.get('stances')}): \"{sentence}\"",
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
    return Case.model_validate({**case.model_dump(), **{k: v for k, v in changes.items()}})
