"""The analysis results a briefing is built from, computed once, before any section is written.

Sections are functions of an :class:`Analysis` (see :mod:`peacetalks.report.sections`); a new
layer (proposal assessments, scenario forecasts) adds a field here and its own section functions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from peacetalks.case import Case, Snapshot
from peacetalks.deals import Assessment, DealError, Space, assess_all, space
from peacetalks.errors import PeacetalksError
from peacetalks.models.base import Prediction, available_models, get_model
from peacetalks.models.draws import Distribution

if TYPE_CHECKING:
    from peacetalks.scenarios import Forecast, ParameterSet
    from peacetalks.scenarios.sensitivity import Sensitivity

#: Default Monte Carlo draws per model for the 90 % intervals. The exchange model runs its
#: rounds once per draw (about 7 ms each on the built-in case, against well under 1 ms for the
#: others), so it gets fewer by default to keep the whole briefing within a minute.
DEFAULT_RUNS = 1000
DEFAULT_EXCHANGE_RUNS = 500
#: Default scenario runs for the outcome probabilities and fan charts (about 0.5 s on the built-in
#: case), and runs per simulation of the sensitivity tornado, which simulates twice per varying
#: parameter (84 simulations, about 4 s): both leave the briefing far inside its minute.
DEFAULT_SCENARIO_RUNS = 10_000
DEFAULT_TORNADO_RUNS = 2_000
#: Months simulated, and the month the tornado and the FAQ read ("in the next 12 months").
SCENARIO_HORIZON = 24
SCENARIO_MONTH = 12
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
    #: The scenario forecast from the date, or None with the reason in ``scenarios_note``.
    scenarios: Scenarios | None = None
    scenarios_note: str | None = None


@dataclass(frozen=True)
class Scenarios:
    forecast: Forecast
    #: One-at-a-time tornado of "fighting stopped by month SCENARIO_MONTH" (None: not asked for).
    sensitivity: Sensitivity | None
    parameters: ParameterSet
    #: The first and second party's actor ids, as the simulation orders them.
    parties: tuple[str, str]


@dataclass(frozen=True)
class Settings:
    """What a briefing is computed with; every field is a command-line option of ``brief``."""

    as_of: dt.date | None = None
    since: dt.date | None = None
    runs: int = DEFAULT_RUNS
    exchange_runs: int = DEFAULT_EXCHANGE_RUNS
    scenario_runs: int = DEFAULT_SCENARIO_RUNS
    tornado_runs: int = DEFAULT_TORNADO_RUNS
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
    if settings.scenario_runs:
        steps.append(f"scenarios: {settings.scenario_runs:,} runs × {SCENARIO_HORIZON} months")
        if settings.tornado_runs:
            steps.append(f"scenarios: sensitivity tornado, {settings.tornado_runs:,} runs per parameter end")
    return steps


def analyse(case: Case, settings: Settings, on_step: StepReporter | None = None) -> Analysis:
    """Take the snapshots and run every registered model, with draws for the intervals."""
    as_of = settings.as_of or case.as_of
    since = settings.since or as_of - dt.timedelta(days=DEFAULT_SINCE_DAYS)
    if since >= as_of:
        raise PeacetalksError(f"--since {since} must be before the briefing's date {as_of}")
    if min(settings.runs, settings.exchange_runs, settings.scenario_runs, settings.tornado_runs) < 0:
        raise PeacetalksError("the number of draws and runs (--runs, --exchange-runs, --scenario-runs, "
                              "--tornado-runs) cannot be negative")
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
    done = len(available_models()) + 1
    report(done, len(steps), steps[done])
    assessments, bargaining, note = _deals(case, snapshot)
    forecast, why = _scenarios(case, as_of, settings, lambda k: report(done + k, len(steps), steps[done + k]))
    return Analysis(case, as_of, since, snapshot, before, tuple(results), settings.seed, assessments, bargaining, note,
                    forecast, why)


def _scenarios(case: Case, as_of: dt.date, settings: Settings,
               on_step: Callable[[int], None]) -> tuple[Scenarios | None, str | None]:
    """The forecast from the briefing's date and its tornado; a case the simulation cannot run on
    (no scenario parameters, not two parties, no reservation values) gets the reason instead."""
    from peacetalks.scenarios import ScenarioError, parameter_set, simulate
    from peacetalks.scenarios.sensitivity import analyse as sensitivity
    from peacetalks.scenarios.simulate import prepare

    if not settings.scenario_runs:
        return None, "no scenario runs were asked for (--scenario-runs 0)"
    on_step(1)
    try:
        params = parameter_set(case)
        packages, _, _ = prepare(case, as_of)
        forecast = simulate(case, params, settings.scenario_runs, SCENARIO_HORIZON, settings.seed, as_of=as_of)
        tornado = None
        if settings.tornado_runs:
            on_step(2)
            tornado = sensitivity(case, params, runs=settings.tornado_runs, horizon=SCENARIO_HORIZON,
                                  seed=settings.seed, as_of=as_of, month=SCENARIO_MONTH, metric="stopped",
                                  sobol_runs=0, target=0.0)
    except (ScenarioError, DealError) as exc:
        return None, str(exc)
    first, second = packages.actors[:2]
    return Scenarios(forecast, tornado, params, (first, second)), None


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
