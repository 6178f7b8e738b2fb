"""Precision and recall of extracted evidence against a reader's annotations.

An annotation lists, for one text, the stance pairs ``[actor, issue-or-proposal]`` (compared as
sets), the figures ``[value, unit]``, the proposals named and the event types reported (compared
as multisets). Numbers match within 0.5 %; a figure with the right value but another unit is a
miss, so recall counts correct units. Unresolved relative dates (no value) are not scored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from peacetalks.ingest.types import Evidence

KINDS = ("stance", "figure", "proposal", "event")


@dataclass
class Score:
    true_positives: int = 0
    predicted: int = 0
    expected: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.true_positives / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.true_positives / self.expected if self.expected else None

    def add(self, other: Score) -> None:
        self.true_positives += other.true_positives
        self.predicted += other.predicted
        self.expected += other.expected
        self.misses += other.misses
        self.false_alarms += other.false_alarms


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, int | float) and isinstance(b, int | float):
        return abs(float(a) - float(b)) <= 0.005 * max(abs(float(a)), abs(float(b)), 1e-9)
    return str(a) == str(b)


def _match(predicted: Sequence[tuple[Any, ...]], expected: Sequence[tuple[Any, ...]], label: str) -> Score:
    free = list(predicted)
    score = Score(predicted=len(predicted), expected=len(expected))
    for want in expected:
        hit = next((p for p in free if len(p) == len(want) and all(map(_same, p, want))), None)
        if hit is None:
            score.misses.append(f"{label}: {list(want)}")
        else:
            free.remove(hit)
            score.true_positives += 1
    score.false_alarms += [f"{label}: {list(p)}" for p in free]
    return score


def score_text(evidence: Iterable[Evidence], annotation: Mapping[str, Any], label: str = "") -> dict[str, Score]:
    """Scores per kind for one annotated text."""
    items = list(evidence)
    extracted = {
        "stances": sorted({(e.actor_id, e.issue_id or e.proposal_id) for e in items if e.kind == "stance"}),
        # A relative date ("on Monday") in a text without a published date has no value to compare.
        "figures": [(e.value, e.unit) for e in items if e.kind == "figure" and e.value is not None],
        "proposals": [e.proposal_id for e in items if e.kind == "proposal"],
        "events": [e.event_type for e in items if e.kind == "event"],
    }
    return compare(extracted, annotation, label)


def compare(predicted: Mapping[str, Any], expected: Mapping[str, Any], label: str = "") -> dict[str, Score]:
    """Scores per kind of one annotation of a text against another (an extractor's, or a second
    reader's, against the reference)."""

    def stances(a: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        return sorted({(actor, issue) for actor, issue in a.get("stances") or []})

    def listed(a: Mapping[str, Any], key: str) -> list[tuple[Any, ...]]:
        return [tuple(x) if isinstance(x, list | tuple) else (x,) for x in a.get(key) or []]

    scores = {"stance": _match(stances(predicted), stances(expected), f"{label} stance")}
    for kind in KINDS[1:]:
        scores[kind] = _match(listed(predicted, f"{kind}s"), listed(expected, f"{kind}s"), f"{label} {kind}")
    return scores


def total(scores: Iterable[Mapping[str, Score]]) -> dict[str, Score]:
    summed = {kind: Score() for kind in KINDS}
    for per_text in scores:
        for kind, score in per_text.items():
            summed[kind].add(score)
    return summed
