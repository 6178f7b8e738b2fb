"""The domain types of a negotiation case, validated with pydantic.

Field-level rules (types, ranges, required text) live on the models; rules that relate one part
of a case to another (an id that must exist, a value inside an issue's scale, a date not after
the case's date) live in :mod:`peacetalks.case.checks`, so that a loader can report every one of
them with its file and line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

if TYPE_CHECKING:
    from peacetalks.case.snapshot import Snapshot

#: An identifier: any text without leading or trailing blanks or line breaks.
Id = Annotated[
    str, StringConstraints(min_length=1, max_length=200, pattern=r"^[^\s]([^\n\r\t]*[^\s])?$")
]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
Score = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]
Number = Annotated[float, Field(allow_inf_nan=False)]


class Model(BaseModel):
    """Base of every case type: unknown fields are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceKind(StrEnum):
    NEWS = "news"
    ANALYSIS = "analysis"
    OFFICIAL = "official"
    POLL = "poll"
    DATASET = "dataset"


class Source(Model):
    """Where a value comes from. ``reliability`` follows the Admiralty scale (A reliable … F
    cannot be judged)."""

    id: Id
    title: Text
    kind: SourceKind
    outlet: Text | None = None
    author: Text | None = None
    url: Annotated[str, StringConstraints(pattern=r"^(https?|file)://\S+$")] | None = None
    published: dt.date | None = None
    reliability: Literal["A", "B", "C", "D", "E", "F"] = "F"
    note: Text | None = None


class ActorKind(StrEnum):
    STATE = "state"
    BLOC = "bloc"
    ORGANISATION = "organisation"
    PERSON = "person"
    GROUP = "group"


class ActorRole(StrEnum):
    PARTY = "party"
    MEDIATOR = "mediator"
    GUARANTOR = "guarantor"
    SUPPORTER = "supporter"
    OBSERVER = "observer"


class Actor(Model):
    """A participant. A person is ``member_of`` a state, a state may be ``member_of`` a bloc."""

    id: Id
    name: Text
    kind: ActorKind
    role: ActorRole
    aliases: tuple[Text, ...] = ()
    member_of: Id | None = None
    description: Text | None = None


class Anchor(Model):
    """A point on an issue's scale and what that value means, in words."""

    value: Number
    label: Text


class Scale(Model):
    """A labelled numeric scale. By convention 0 is Ukraine's (or the first party's) maximal
    position and 100 the opposing one; anchors say in words what values mean."""

    min: Number = 0.0
    max: Number = 100.0
    anchors: tuple[Anchor, ...] = Field(min_length=2)

    @model_validator(mode="after")
    def _check(self) -> Scale:
        if self.max <= self.min:
            raise ValueError(f"max ({self.max}) must be greater than min ({self.min})")
        values = [a.value for a in self.anchors]
        outside = [v for v in values if not self.min <= v <= self.max]
        if outside:
            raise ValueError(f"anchor values {outside} lie outside [{self.min}, {self.max}]")
        if len(set(values)) != len(values):
            raise ValueError("two anchors have the same value")
        return self

    def contains(self, value: float) -> bool:
        return self.min <= value <= self.max

    def label_for(self, value: float) -> str:
        """The label of the anchor nearest to ``value`` (the lower one on a tie)."""
        anchors = sorted(self.anchors, key=lambda a: a.value)
        return min(anchors, key=lambda a: abs(a.value - value)).label


class Outcome(Model):
    """What was actually decided on an issue, for backtesting the models."""

    value: Number
    date: dt.date | None = None
    sources: tuple[Id, ...] = Field(min_length=1)
    note: Text | None = None


class Confidence(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class CodedBy(StrEnum):
    SOURCE = "source"
    ANALYST = "analyst"


def _check_coding(coded_by: CodedBy, sources: tuple[str, ...], rationale: str | None) -> None:
    if coded_by is CodedBy.SOURCE and not sources:
        raise ValueError("coded_by 'source' needs at least one source id in 'sources'")
    if coded_by is CodedBy.ANALYST and not rationale:
        raise ValueError("coded_by 'analyst' needs a one-line 'rationale'")


class StatusQuo(Model):
    """Where an issue stands while there is no deal; a proposal silent on the issue can be read
    as leaving it there (see :mod:`peacetalks.deals`)."""

    value: Number
    coded_by: CodedBy
    sources: tuple[Id, ...] = ()
    rationale: Text | None = None

    @model_validator(mode="after")
    def _check(self) -> StatusQuo:
        _check_coding(self.coded_by, self.sources, self.rationale)
        return self


class Issue(Model):
    id: Id
    name: Text
    category: Text
    description: Text
    scale: Scale
    terms: tuple[Text, ...] = ()
    outcome: Outcome | None = None
    status_quo: StatusQuo | None = None


class Range(Model):
    low: Number
    high: Number

    @model_validator(mode="after")
    def _check(self) -> Range:
        if self.low > self.high:
            raise ValueError(f"low ({self.low:g}) is above high ({self.high:g})")
        return self


class Uncertainty(Model):
    """Ranges within which a position's values may lie; Monte Carlo draws sample them uniformly.
    A value without a range is drawn with the spread its ``confidence`` implies."""

    position: Range | None = None
    salience: Range | None = None
    capability: Range | None = None


class Position(Model):
    """An actor's stance on an issue from ``as_of`` until its next position.

    ``coded_by`` is ``source`` when a cited source states the stance as coded, ``analyst`` when
    the value is a judgement; a judgement must give its ``rationale``.
    """

    actor: Id
    issue: Id
    as_of: dt.date
    position: Number
    salience: Score
    capability: Score
    sources: tuple[Id, ...] = ()
    confidence: Confidence = Confidence.MEDIUM
    coded_by: CodedBy
    rationale: Text | None = None
    uncertainty: Uncertainty | None = None

    @model_validator(mode="after")
    def _check(self) -> Position:
        ranges = self.uncertainty or Uncertainty()
        for name, bounded in (("position", False), ("salience", True), ("capability", True)):
            span: Range | None = getattr(ranges, name)
            value = getattr(self, name)
            if span is None:
                continue
            if not span.low <= value <= span.high:
                raise ValueError(f"uncertainty.{name} [{span.low:g}, {span.high:g}] does not contain {value:g}")
            if bounded and (span.low < 0 or span.high > 100):
                raise ValueError(f"uncertainty.{name} must lie within 0–100")
        if self.coded_by is CodedBy.SOURCE and not self.sources:
            raise ValueError("coded_by 'source' needs at least one source id in 'sources'")
        if self.coded_by is CodedBy.ANALYST and not self.rationale:
            raise ValueError("coded_by 'analyst' needs a one-line 'rationale'")
        return self


class DealRole(StrEnum):
    """Whether a deal needs the actor's consent (``veto``) or only counts its view (``influence``)."""

    VETO = "veto"
    INFLUENCE = "influence"


class Leaning(StrEnum):
    """Which end of every scale an actor never minds moving towards beyond its position."""

    LOWER = "lower"
    HIGHER = "higher"


class RedLine(Model):
    """The furthest an actor will go on one issue, whatever it gets elsewhere: values below
    ``low`` or above ``high`` make any package unacceptable to it."""

    issue: Id
    low: Number | None = None
    high: Number | None = None
    sources: tuple[Id, ...] = ()
    coded_by: CodedBy
    rationale: Text | None = None

    @model_validator(mode="after")
    def _check(self) -> RedLine:
        if self.low is None and self.high is None:
            raise ValueError("a red line needs 'low', 'high' or both")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low ({self.low:g}) is above high ({self.high:g})")
        _check_coding(self.coded_by, self.sources, self.rationale)
        return self


class Reservation(Model):
    """What no deal (the conflict going on) is worth to an actor, from ``as_of`` on.

    ``value`` is on the deals utility scale: 1 is a package at the actor's position on every
    issue it holds one on, 0 a package at the far end of every scale (see docs/deals.md).
    ``role`` says whether a deal needs the actor's consent. ``leaning`` (optional) makes the
    actor's positions demands rather than ideal points: an outcome beyond its position towards
    that end of the scales costs it nothing. ``red_lines`` are hard limits issue by issue.
    """

    actor: Id
    as_of: dt.date
    value: Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)]
    role: DealRole
    leaning: Leaning | None = None
    red_lines: tuple[RedLine, ...] = ()
    range: Range | None = None
    sources: tuple[Id, ...] = ()
    confidence: Confidence = Confidence.MEDIUM
    coded_by: CodedBy
    rationale: Text | None = None

    @model_validator(mode="after")
    def _check(self) -> Reservation:
        if self.range is not None and not (0 <= self.range.low <= self.value <= self.range.high <= 1):
            raise ValueError(f"range [{self.range.low:g}, {self.range.high:g}] must lie within 0–1 "
                             f"and contain the value {self.value:g}")
        _check_coding(self.coded_by, self.sources, self.rationale)
        return self


class ProposalStance(Model):
    """Where a proposal stands on one issue, and why it is coded there."""

    position: Number
    rationale: Text | None = None


class Provision(Model):
    """One point of a proposal, in our own words."""

    ref: Text
    text: Text
    issue: Id | None = None
    category: Text | None = None
    phase: int | None = None
    sources: tuple[Id, ...] = ()


class Phase(Model):
    order: int = Field(ge=1)
    name: Text
    steps: tuple[Text, ...] = ()
    conditions: tuple[Text, ...] = ()
    verification: Text | None = None


class ProposalStatus(StrEnum):
    DRAFT = "draft"
    PROPOSED = "proposed"
    UNDER_NEGOTIATION = "under-negotiation"
    AGREED = "agreed"
    SIGNED = "signed"
    REJECTED = "rejected"
    LAPSED = "lapsed"
    SUPERSEDED = "superseded"


class Proposal(Model):
    """A plan on the table. ``positions`` maps issue id to the proposal's stance; an issue it
    is silent on is simply absent."""

    id: Id
    name: Text
    date: dt.date
    status: ProposalStatus
    authors: tuple[Id, ...] = ()
    summary: Text | None = None
    sources: tuple[Id, ...] = Field(min_length=1)
    positions: dict[Id, ProposalStance] = Field(default_factory=dict)
    provisions: tuple[Provision, ...] = ()
    phases: tuple[Phase, ...] = ()
    #: How articles name the proposal ("28-point plan", "Minsk II"), for ingestion.
    terms: tuple[Text, ...] = ()


class Event(Model):
    id: Id
    date: dt.date
    title: Text
    kind: Literal[
        "talks", "agreement", "exchange", "ceasefire", "strike", "military", "statement",
        "sanctions", "vote", "other",
    ]
    description: Text | None = None
    actors: tuple[Id, ...] = ()
    issues: tuple[Id, ...] = ()
    sources: tuple[Id, ...] = Field(min_length=1)


class Observation(Model):
    """One dated value of an indicator, with an optional interval."""

    date: dt.date
    value: Number
    low: Number | None = None
    high: Number | None = None
    sources: tuple[Id, ...] = Field(min_length=1)
    note: Text | None = None

    @model_validator(mode="after")
    def _check(self) -> Observation:
        if self.low is not None and self.low > self.value:
            raise ValueError(f"low ({self.low}) is above the value ({self.value})")
        if self.high is not None and self.high < self.value:
            raise ValueError(f"high ({self.high}) is below the value ({self.value})")
        return self


class Indicator(Model):
    """A sourced time series, such as a poll question or the share of territory occupied."""

    id: Id
    name: Text
    unit: Text
    description: Text | None = None
    actor: Id | None = None
    series: tuple[Observation, ...] = Field(min_length=1)


_DISTRIBUTION_PARAMS: dict[str, set[str]] = {
    "fixed": {"value"},
    "uniform": {"low", "high"},
    "normal": {"mean", "sd"},
    "lognormal": {"mean", "sd"},
    "triangular": {"low", "mode", "high"},
    "beta": {"a", "b"},
}


class Parameter(Model):
    """A scenario parameter: a distribution and its justification."""

    id: Id
    description: Text
    distribution: Literal["fixed", "uniform", "normal", "lognormal", "triangular", "beta"]
    params: dict[str, Number]
    sources: tuple[Id, ...] = ()
    coded_by: CodedBy
    rationale: Text | None = None

    @model_validator(mode="after")
    def _check(self) -> Parameter:
        expected = _DISTRIBUTION_PARAMS[self.distribution]
        if set(self.params) != expected:
            raise ValueError(
                f"a {self.distribution} distribution takes params {sorted(expected)}, "
                f"got {sorted(self.params)}"
            )
        if self.coded_by is CodedBy.ANALYST and not self.rationale:
            raise ValueError("coded_by 'analyst' needs a one-line 'rationale'")
        if self.coded_by is CodedBy.SOURCE and not self.sources:
            raise ValueError("coded_by 'source' needs at least one source id in 'sources'")
        return self


class Case(Model):
    """A whole negotiation case. Construct it with :func:`peacetalks.load_case` (which reports
    every problem with file and line) or directly (which raises on the first failing check)."""

    id: Id
    name: Text
    as_of: dt.date
    description: Text | None = None
    sources: tuple[Source, ...] = ()
    actors: tuple[Actor, ...] = ()
    issues: tuple[Issue, ...] = ()
    positions: tuple[Position, ...] = ()
    proposals: tuple[Proposal, ...] = ()
    events: tuple[Event, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    parameters: tuple[Parameter, ...] = ()
    reservations: tuple[Reservation, ...] = ()

    @model_validator(mode="after")
    def _check_references(self) -> Case:
        from peacetalks.case.checks import case_problems

        problems = case_problems(self.model_dump(mode="python"))
        if problems:
            listed = "; ".join(f"{path}: {message}" for path, message, _ in problems[:20])
            more = f" (and {len(problems) - 20} more)" if len(problems) > 20 else ""
            raise ValueError(f"{len(problems)} inconsistencies: {listed}{more}")
        return self

    # Lookups. cached_property works on a frozen pydantic model because it writes to __dict__.
    @cached_property
    def _index(self) -> dict[str, dict[str, object]]:
        return {
            "source": {s.id: s for s in self.sources},
            "actor": {a.id: a for a in self.actors},
            "issue": {i.id: i for i in self.issues},
            "proposal": {p.id: p for p in self.proposals},
            "indicator": {i.id: i for i in self.indicators},
        }

    def _get(self, kind: str, id_: str) -> object:
        try:
            return self._index[kind][id_]
        except KeyError:
            known = ", ".join(sorted(self._index[kind])) or "none"
            raise KeyError(f"no {kind} {id_!r} in case {self.id!r}; known: {known}") from None

    def source(self, id_: str) -> Source:
        return self._get("source", id_)  # type: ignore[return-value]

    def actor(self, id_: str) -> Actor:
        return self._get("actor", id_)  # type: ignore[return-value]

    def issue(self, id_: str) -> Issue:
        return self._get("issue", id_)  # type: ignore[return-value]

    def proposal(self, id_: str) -> Proposal:
        return self._get("proposal", id_)  # type: ignore[return-value]

    def indicator(self, id_: str) -> Indicator:
        return self._get("indicator", id_)  # type: ignore[return-value]

    def history(self, actor: str, issue: str) -> list[Position]:
        """Every position of ``actor`` on ``issue``, oldest first."""
        return sorted(
            (p for p in self.positions if p.actor == actor and p.issue == issue),
            key=lambda p: p.as_of,
        )

    def snapshot(
        self, as_of: dt.date | str | None = None, actors: list[str] | None = None
    ) -> Snapshot:
        """The case as of a date (default: the case's own date) as aligned arrays."""
        from peacetalks.case.snapshot import take_snapshot

        when = dt.date.fromisoformat(as_of) if isinstance(as_of, str) else as_of
        return take_snapshot(self, when or self.as_of, actors)

    @cached_property
    def content_hash(self) -> str:
        """SHA-256 of the case's canonical JSON: equal for equal content, whatever the file."""
        canonical = json.dumps(self.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(canonical.encode()).hexdigest()
