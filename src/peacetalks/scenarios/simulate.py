"""``simulate``: the public entry point of the scenario forecasts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from peacetalks.case.types import Case
from peacetalks.scenarios.dynamics import Start
from peacetalks.scenarios.execution import Job, Progress, execute
from peacetalks.scenarios.forecast import Forecast, summarise
from peacetalks.scenarios.packages import Packages, build
from peacetalks.scenarios.parameters import FloatArray, ParameterSet, ScenarioError, parameter_set

#: Indicators the starting state is read from (the latest observation on or before the date);
#: without them the state starts at the neutral values beside them.
START_INDICATORS = {
    "territory_share": ("ua-territory-under-russian-control", 0.0),
    "opinion_first": ("ua-poll-could-concede-territory", 50.0),
    "opinion_second": ("ru-poll-levada-favour-talks", 50.0),
}


def start_state(case: Case, as_of: dt.date) -> Start:
    """The state at ``as_of`` from what the case's indicators knew by then."""
    values = {}
    known = {i.id: i for i in case.indicators}
    for name, (indicator, default) in START_INDICATORS.items():
        series = [o for o in known[indicator].series if o.date <= as_of] if indicator in known else []
        values[name] = max(series, key=lambda o: o.date).value if series else default
    return Start(**values)


#: Candidate packages by (case hash, date): they depend on neither parameters nor seed, and
#: sensitivity analyses and backtests simulate the same snapshot many times.
_BUILT: dict[tuple[str, dt.date], Packages] = {}


def _packages(case: Case, as_of: dt.date) -> Packages:
    key = (case.content_hash, as_of)
    if key not in _BUILT:
        if len(_BUILT) >= 8:
            _BUILT.pop(next(iter(_BUILT)))
        _BUILT[key] = build(case, case.snapshot(as_of))
    return _BUILT[key]


def prepare(case: Case, as_of: dt.date | None = None) -> tuple[Packages, Start, dt.date]:
    """The candidate packages and starting state for a forecast from ``as_of`` (cached: the
    package search takes about a second and does not depend on the parameters)."""
    when = as_of or case.as_of
    if when > case.as_of:
        raise ScenarioError(f"as_of {when} is after the case's own date {case.as_of}: the case knows nothing later")
    return _packages(case, when), start_state(case, when), when


def simulate(
    case: Case,
    parameters: Mapping[str, float] | ParameterSet | None = None,
    runs: int = 10_000,
    horizon: int = 24,
    seed: int = 0,
    *,
    as_of: dt.date | None = None,
    backend: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
    draws: FloatArray | None = None,
    progress: Progress | None = None,
) -> Forecast:
    """Monte Carlo forecast of ``case`` from ``as_of`` (default: the case's date).

    ``parameters`` fixes scenario parameters by id (the rest are drawn from the case's
    distributions); ``draws`` [runs, P] replaces the draws altogether (sensitivity analysis).
    The same seed gives the same forecast whatever ``backend``, ``workers`` and chunking.
    """
    from importlib.metadata import version

    if runs < 1 or horizon < 1:
        raise ScenarioError(f"runs and horizon must be at least 1 (got runs={runs}, horizon={horizon})")
    if horizon > 240:
        raise ScenarioError(f"horizon {horizon} months is beyond 20 years; the dynamics are not meant for that")
    params = parameters if isinstance(parameters, ParameterSet) else parameter_set(case, parameters)
    if draws is not None and draws.shape != (runs, len(params.parameters)):
        raise ScenarioError(f"draws must have shape ({runs}, {len(params.parameters)}), got {draws.shape}")
    packages, start, when = prepare(case, as_of)
    job = Job(packages=packages, params=params, start=start, horizon=horizon, seed=seed, runs=runs, draws=draws)
    block = execute(job, backend=backend, workers=workers, scheduler=scheduler, progress=progress)
    return summarise(block, packages, params, case_id=case.id, case_hash=case.content_hash, as_of=when,
                     seed=seed, backend=backend, version=version("peacetalks"))
