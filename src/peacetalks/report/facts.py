"""Small helpers that turn case values into the words and claims sections are made of."""

from __future__ import annotations

import math
from dataclasses import dataclass

from peacetalks.case import Case, Position, Proposal
from peacetalks.case.types import Issue
from peacetalks.report.analysis import Analysis
from peacetalks.report.document import Claim

#: Anchor of the methodology subsection on analyst judgements, the basis of unsourced codings.
JUDGEMENTS = "judgements"
ROLE_ORDER = ("party", "mediator", "guarantor", "supporter", "observer")


def method_anchor(model: str) -> str:
    return f"method-{model}"


def words(issue: Issue, value: float) -> str:
    """A value with the label of its scale's nearest anchor, e.g. ``50 (freeze on the line)``."""
    return f"{value:g} ({issue.scale.label_for(value)})"


def width(issue: Issue) -> float:
    return issue.scale.max - issue.scale.min


def position_claim(issue: Issue, rec: Position) -> Claim:
    return Claim(words(issue, rec.position), rec.sources, None if rec.sources else JUDGEMENTS)


def sources_of(*positions: Position) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s for p in positions for s in p.sources))


def sentence(text: str) -> str:
    """``text`` ending in a full stop, unless it already ends in a punctuation mark."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def stance_sources(proposal: Proposal, issue: str) -> tuple[str, ...]:
    """The sources of the provisions on ``issue`` where the proposal has some, else its own."""
    own = tuple(dict.fromkeys(s for v in proposal.provisions if v.issue == issue for s in v.sources))
    return own or proposal.sources


def claim(text: str, sources: tuple[str, ...]) -> Claim:
    """A claim resting on ``sources``, or on the analyst's judgement where there are none."""
    return Claim(text, sources, None if sources else JUDGEMENTS)


def count(n: int, noun: str) -> str:
    """``1 proposal``, ``2 proposals``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def name_of(case: Case, actor_id: str) -> str:
    return case.actor(actor_id).name


@dataclass(frozen=True)
class Change:
    """A position in force at the briefing's date that was not in force at the earlier date."""

    actor: str
    issue: Issue
    before: Position | None
    after: Position

    @property
    def shift(self) -> float:
        return math.nan if self.before is None else self.after.position - self.before.position


def changes(analysis: Analysis) -> list[Change]:
    """Positions recorded between the two snapshots whose value moved or that are new, largest
    move first (new positions last)."""
    case, now, then = analysis.case, analysis.snapshot, analysis.before
    found = []
    for a, actor in enumerate(now.actors):
        for i, issue_id in enumerate(now.issues):
            after, before = now.records[a][i], then.records[a][i]
            if after is None or after is before or (before is not None and after.position == before.position):
                continue
            found.append(Change(actor, case.issue(issue_id), before, after))
    return sorted(found, key=lambda c: (c.before is None, -abs(c.shift) if c.before else 0, c.after.as_of))
