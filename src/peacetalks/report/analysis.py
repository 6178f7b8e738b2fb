"""The analysis results a briefing is built from, computed once, before any section is written.

Sections are functions of an :class:`Analysis` (see :mod:`peacetalks.report.sections`); a new
layer (proposal assessments, scenario forecasts) adds a field here and its own section functions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from peacetalks.case import Case, Snapshot
from peacetalks.deals import Assessment, DealError, Space, assess_all, space
from peacetalks.errors import PeacetalksError
from peacetalks.models.base import Prediction, available_models, get_model
from peacetalks.models.draws import Distribution

#: Default Monte Carlo draws per model for the 90 % intervals. The exchange model runs its
#: rounds once per draw (about 7 ms each on the built-in case, against well under 1 ms for the
#: others), so it gets fewer by default to keep the whole briefing within a minute.
DEFAULT_RUNS = 1000
DEFAULT_EXCHANGE_RUNS = 500
#: Default look-back for "what changed", in days before the briefing's date.
DEFAULT_SINCE_DAYS = 90

#: Told which step starts: (steps done so far, all steps, what starts now).
StepReporter = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ModelResult:
    prediction: Prediction
    spread: Distribution | None  # None when no draws were asked for

    @property
    def name(self) -> str:
        return self.prediction.model


@dataclass(frozen=True)
class Analysis:
    case: Case
    as_of: dt.date
    since: dt.date
    snapshot: Snapshot
    before: Snapshot
    models: tuple[ModelResult, ...]
    seed: int
    #: Each proposal tabled by the date, judged by every actor (empty when it cannot be done).
    assessments: tuple[Assessment, ...] = ()
    #: The bargaining space among the veto holders, or None with the reason in ``deals_note``.
    space: Space | None = None
    deals_note: str | None = None


@dataclass(frozen=True)
class Settings:
    """What a briefing is computed with; every field is a command-line option of ``brief``."""

    as_of: dt.date | None = None
    since: dt.date | None = None
    runs: int = DEFAULT_RUNS
    exchange_runs: int = DEFAULT_EXCHANGE_RUNS
    seed: int = 1

    def draws_for(self, model: str) -> int:
        return self.exchange_runs if model == "exchange" else self.runs


def analysis_steps(settings: Settings) -> list[str]:
    """The steps :func:`analyse` reports, in order, for a progress bar."""
    steps = ["snapshots"]
    for name in available_models():
        draws = settings.draws_for(name)
        steps.append(f"{name}: prediction" + (f" and {draws:,} draws" if draws else ""))
    steps.append("deals: proposal assessments and the bargaining space")
    return steps


def analyse(case: Case, settings: Settings, on_step: StepReporter | None = None) -> Analysis:
    """Take the snapshots and run every registered model, with draws for the intervals."""
    as_of = settings.as_of or case.as_of
    since = settings.since or as_of - dt.timedelta(days=DEFAULT_SINCE_DAYS)
    if since >= as_of:
        raise PeacetalksError(f"--since {since} must be before the briefing's date {as_of}")
    if settings.runs < 0 or settings.exchange_runs < 0:
        raise PeacetalksError("the number of draws (--runs, --exchange-runs) cannot be negative")
    steps = analysis_steps(settings)
    report = on_step or (lambda done, total, what: None)
    report(0, len(steps), steps[0])
    snapshot, before = case.snapshot(as_of), case.snapshot(since)
    results = []
    for k, name in enumerate(available_models(), start=1):
        report(k, len(steps), steps[k])
        model = get_model(name)
        draws = settings.draws_for(name)
        spread = model.predict_draws(snapshot, draws, settings.seed) if draws else None
        results.append(ModelResult(model.predict(snapshot), spread))
    report(len(steps) - 1, len(steps), steps[-1])
    assessments, bargaining, note = _deals(case, snapshot)
    return Analysis(case, as_of, since, snapshot, before, tuple(results), settings.seed, assessments, bargaining, note)


def _deals(case: Case, snapshot: Snapshot) -> tuple[tuple[Assessment, ...], Space | None, str | None]:
    """Assess the proposals tabled by the snapshot's date and map the bargaining space, with the
    proposals' stances added to the values searched. A case without the reservation values or
    veto holders these need gets no deals results, and the reason."""
    tabled = [p for p in case.proposals if p.date <= snapshot.as_of]
    if np.ma.getmaskarray(snapshot.position).all():
        return (), None, f"no actor holds a position by {snapshot.as_of}"
    assessments: tuple[Assessment, ...] = ()
    bargaining, note = None, None
    try:
        assessments = assess_all(snapshot, tabled)
    except DealError as exc:
        note = str(exc)
    try:
        bargaining = space(snapshot, proposals=tabled)
    except DealError as exc:
        note = note or str(exc)
    return assessments, bargaining, note
