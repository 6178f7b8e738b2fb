"""What changed since a date: new stances, moved positions (and salience changes) and new
figures, by actor and issue, each with links to its sources. Pure: takes the case and the stored
evidence as plain values."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from peacetalks.case.types import Case


@dataclass(frozen=True)
class Reported:
    """One stored evidence item with where and when it was reported."""

    date: dt.date
    title: str | None
    url: str
    duplicate: bool
    item: dict[str, Any]
    document_id: str = ""
    ordinal: int = 0

    @property
    def event_id(self) -> str:
        """The id an accepted event update gives this item in the case."""
        return f"ingest-{self.document_id}-{self.ordinal}"


@dataclass
class Digest:
    since: dt.date
    stances: dict[tuple[str, str], list[Reported]] = field(default_factory=dict)  # (actor, issue or proposal)
    moved: list[dict[str, Any]] = field(default_factory=list)
    figures: list[Reported] = field(default_factory=list)
    events: list[Reported] = field(default_factory=list)
    documents: int = 0

    def to_json(self) -> dict[str, Any]:
        def rep(r: Reported) -> dict[str, Any]:
            return {
                "date": r.date.isoformat(),
                "title": r.title,
                "url": r.url,
                "text": r.item.get("text"),
                "sentence": r.item.get("sentence"),
                "stance": r.item.get("stance"),
                "polarity": r.item.get("polarity"),
                "conditional": r.item.get("conditional"),
                "value": r.item.get("value"),
                "unit": r.item.get("unit"),
            }

        return {
            "since": self.since.isoformat(),
            "documents": self.documents,
            "stances": [
                {"actor": a, "object": o, "reports": [rep(r) for r in rs]} for (a, o), rs in self.stances.items()
            ],
            "moved_positions": self.moved,
            "figures": [rep(r) for r in self.figures],
            "events": [rep(r) for r in self.events],
        }


def digest(case: Case, reported: Iterable[Reported], since: dt.date) -> Digest:
    """Evidence reported on or after ``since`` (near-duplicates left out) and the positions of
    ``case`` that moved on or after it."""
    result = Digest(since)
    seen_docs: set[str] = set()
    said: set[tuple[object, ...]] = set()  # a sentence's stance is one statement, however many cues gave it
    for r in sorted(reported, key=lambda r: r.date):
        if r.date < since or r.duplicate:
            continue
        seen_docs.add(r.url)
        kind = r.item.get("kind")
        if kind == "stance":
            key = (str(r.item.get("actor_id")), str(r.item.get("issue_id") or r.item.get("proposal_id")))
            statement = (*key, r.url, r.item.get("sentence_start"), r.item.get("stance"), r.item.get("polarity"))
            if statement not in said:
                said.add(statement)
                result.stances.setdefault(key, []).append(r)
        elif kind == "figure" and r.item.get("unit") != "date":
            result.figures.append(r)
        elif kind == "event":
            result.events.append(r)
    result.documents = len(seen_docs)
    sources = {s.id: s for s in case.sources}
    for actor in case.actors:
        for issue in case.issues:
            history = case.history(actor.id, issue.id)
            for before, after in itertools.pairwise(history):
                if after.as_of >= since and (after.position, after.salience) != (before.position, before.salience):
                    result.moved.append(
                        {
                            "actor": actor.id,
                            "issue": issue.id,
                            "from": before.position,
                            "to": after.position,
                            "salience_from": before.salience,
                            "salience_to": after.salience,
                            "as_of": after.as_of.isoformat(),
                            "label": issue.scale.label_for(after.position),
                            "sources": [
                                {
                                    "id": s,
                                    "title": sources[s].title if s in sources else s,
                                    "url": sources[s].url if s in sources else None,
                                }
                                for s in after.sources
                            ],
                        }
                    )
    result.moved.sort(key=lambda m: (m["as_of"], m["actor"], m["issue"]))
    return result


def markdown(d: Digest, case: Case) -> str:
    """The digest as Markdown, readable offline; every line links its source."""
    names = (
        {a.id: a.name for a in case.actors}
        | {i.id: i.name for i in case.issues}
        | {p.id: p.name for p in case.proposals}
    )
    lines = [
        f"# What changed in {case.name} since {d.since}",
        "",
        f"{d.documents} article(s) reported; near-duplicates are counted once.",
        "",
    ]
    lines += (
        ["## Moved positions", ""]
        + (
            [
                f"- **{names.get(m['actor'], m['actor'])}** on {names.get(m['issue'], m['issue'])}: {m['from']:g} → "
                f"{m['to']:g} as of {m['as_of']} ({m['label']})"
                + (
                    f", salience {m['salience_from']:g} → {m['salience_to']:g}"
                    if m["salience_from"] != m["salience_to"]
                    else ""
                )
                + "; sources: "
                + ", ".join(f"[{s['title']}]({s['url']})" if s["url"] else s["title"] for s in m["sources"])
                for m in d.moved
            ]
            or ["- none"]
        )
        + [""]
    )
    lines += ["## New stances, by actor and issue", ""]
    for (actor, obj), reports in sorted(d.stances.items()):
        lines.append(f"- **{names.get(actor, actor)}** on {names.get(obj, obj)}: {len(reports)} statement(s)")
        for r in reports:
            label = r.item.get("stance", "")
            label += " (not)" if r.item.get("polarity") == "negative" else ""
            label += " (conditional)" if r.item.get("conditional") else ""
            lines.append(f"  - {r.date} {label}: “{r.item.get('sentence', '')}” — [{r.title or r.url}]({r.url})")
    if not d.stances:
        lines.append("- none")
    lines += ["", "## New figures", ""] + (
        [
            f"- {r.date} {r.item.get('text')} = {_number(r.item.get('value'))} {r.item.get('unit')}"
            + (f" ({r.item['measure']})" if r.item.get("measure") else "")
            + f" — [{r.title or r.url}]({r.url})"
            for r in d.figures
        ]
        or ["- none"]
    )
    lines += ["", "## Events reported", ""] + (
        [
            f"- {r.item.get('date') or r.date} {r.item.get('event_type')}: “{r.item.get('sentence', '')}” — "
            f"[{r.title or r.url}]({r.url})"
            for r in d.events
        ]
        or ["- none"]
    )
    return "\n".join(lines) + "\n"


def _number(value: object) -> str:
    return f"{value:,.10g}" if isinstance(value, float | int) else str(value)
