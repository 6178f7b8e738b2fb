"""``peacetalks simulate``, ``sensitivity`` and ``backtest-scenarios``: the scenario forecasts."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from peacetalks.cli import AsOfOption, DbOption, _date, _record, _write_atomically, app, err, friendly, out
from peacetalks.errors import PeacetalksError

if TYPE_CHECKING:
    from peacetalks.case import Case
    from peacetalks.scenarios import Forecast


class Backend(StrEnum):
    LOCAL = "local"
    DASK = "dask"


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"


RunsOption = Annotated[int, typer.Option("--runs", "-n", help="Monte Carlo runs.", min=1)]
HorizonOption = Annotated[int, typer.Option("--horizon", help="Months to simulate.", min=1, max=240)]
SeedOption = Annotated[int, typer.Option(help="Seed; the same seed gives the same forecast on any backend.")]
SetOption = Annotated[list[str] | None, typer.Option(
    "--set", help="Fix a scenario parameter, PARAM=VALUE (repeatable); see --explain for the ids.",
    show_default=False)]
BackendOption = Annotated[Backend, typer.Option(help="local (processes on this machine) or dask.")]
WorkersOption = Annotated[int, typer.Option(
    help="Local processes, or Dask LocalCluster workers when no --scheduler is given.", min=1)]
SchedulerOption = Annotated[str | None, typer.Option(
    help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: start a LocalCluster).", show_default=False)]


@contextmanager
def _progress(total: int, what: str) -> Iterator[Callable[[int], None]]:
    """A rich progress bar on stderr (so JSON on stdout stays clean), advanced by runs done."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err(), transient=True) as bar:
        task = bar.add_task(what, total=total)
        yield lambda done: bar.advance(task, done)


def _write_runs(forecast: Forecast, path: Path) -> None:
    """The per-run table as CSV, Parquet or JSON (by suffix), written whole or not at all."""
    import os
    import tempfile

    suffix = path.suffix.lower()
    if suffix not in (".csv", ".parquet", ".json"):
        raise PeacetalksError(f"--runs-out {path}: use a .csv, .parquet or .json file name")
    frame = forecast.runs_frame()
    if suffix == ".parquet":
        from importlib.util import find_spec

        if find_spec("pyarrow") is None:
            raise PeacetalksError("Parquet output needs pyarrow: pip install 'peacetalks[parquet]'")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        if suffix == ".csv":
            frame.to_csv(tmp, index=False)
        elif suffix == ".parquet":
            frame.to_parquet(tmp, index=False)
        else:
            frame.to_json(tmp, orient="records", lines=True)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _load(case: str, db: str | None) -> Case:
    from peacetalks.catalog import load_case

    return load_case(case, db=db)


@app.command()
@friendly
def simulate(
    case: Annotated[str, typer.Argument(help="Case path, stored id or built-in name.")],
    as_of: AsOfOption = None,
    runs: RunsOption = 10_000,
    horizon: HorizonOption = 24,
    seed: SeedOption = 1,
    assignments: SetOption = None,
    backend: BackendOption = Backend.LOCAL,
    workers: WorkersOption = 1,
    scheduler: SchedulerOption = None,
    explain: Annotated[bool, typer.Option(
        "--explain", help="List every parameter with its distribution and its source or rationale.")] = False,
    fmt: Annotated[Format, typer.Option("--format", help="table, or json (the whole forecast).")] = Format.TABLE,
    runs_out: Annotated[Path | None, typer.Option(
        "--runs-out", help="Write every run and month (outcome and state) to a .csv, .parquet or .json file.",
        show_default=False)] = None,
    db: DbOption = None,
) -> None:
    """Forecast the conflict month by month: the probability of continued war, escalation, a
    ceasefire (monitored or not), a frozen conflict or a comprehensive agreement, with 95 % Monte
    Carlo intervals, the median time to a ceasefire, the terms signed and the runs behind the
    extremes. Every parameter is drawn from the case's sourced or judged distributions; the
    forecast is recorded in the store's ledger when a store exists (peacetalks db init)."""
    from peacetalks.cli.render_scenarios import explain_table, forecast_view
    from peacetalks.scenarios import explain as explain_rows
    from peacetalks.scenarios import parameter_set
    from peacetalks.scenarios import simulate as run_simulation
    from peacetalks.scenarios.parameters import parse_assignments

    loaded = _load(case, db)
    fixed = parse_assignments(assignments or [])
    params = parameter_set(loaded, fixed)
    with _progress(runs, f"simulating {runs:,} runs × {horizon} months") as advance:
        forecast = run_simulation(loaded, params, runs, horizon, seed, as_of=_date(as_of), backend=backend.value,
                                  workers=workers, scheduler=scheduler, progress=advance)
    document = forecast.to_dict()
    rows = explain_rows(loaded, params)
    _record(db, loaded, "forecast", {"as_of": forecast.as_of, "runs": runs, "horizon": horizon, "set": fixed,
                                      "backend": backend.value}, seed, document)
    if runs_out is not None:
        _write_runs(forecast, runs_out)
        err().print(f"wrote {runs_out}")
    if fmt is Format.JSON:
        if explain:
            from dataclasses import asdict

            document["parameters"] = [asdict(r) for r in rows]
        sys.stdout.write(json.dumps(document, indent=1, ensure_ascii=False) + "\n")
        return
    console = out()
    for part in forecast_view(forecast):
        console.print(part)
    if explain:
        console.print(explain_table(rows))


@app.command()
@friendly
def sensitivity(
    case: Annotated[str, typer.Argument(help="Case path, stored id or built-in name.")],
    as_of: AsOfOption = None,
    runs: RunsOption = 2_000,
    horizon: HorizonOption = 24,
    seed: SeedOption = 1,
    assignments: SetOption = None,
    month: Annotated[int, typer.Option(help="The month the target probability is read at.", min=1)] = 12,
    target: Annotated[float, typer.Option(help="The probability the search tries to reach.", min=0, max=1)] = 0.5,
    metric: Annotated[str, typer.Option(
        help="agreement (a comprehensive agreement signed) or stopped (fighting stopped by a ceasefire or an "
        "agreement).")] = "agreement",
    stretch: Annotated[float, typer.Option(
        help="How far beyond each parameter's coded range the search may go, in widths of that range.",
        min=0)] = 1.0,
    sobol_runs: Annotated[int, typer.Option(
        "--sobol-runs", help="Base sample size N of the Sobol analysis (it runs N × (P + 2) runs; 0: skip).",
        min=0)] = 256,
    workers: WorkersOption = 1,
    fmt: Annotated[Format, typer.Option("--format", help="table, or json.")] = Format.TABLE,
    db: DbOption = None,
) -> None:
    """What drives the forecast of a comprehensive agreement (treaty) signed within --month
    months (or, with --metric stopped, of fighting stopped): a one-at-a-time tornado (each
    parameter at its 5th and 95th percentile), variance-based Sobol indices (first-order and
    total), and a search for the smallest changes of the parameters that would lift that
    probability to --target."""
    from peacetalks.cli.render_scenarios import sensitivity_view
    from peacetalks.scenarios import parameter_set
    from peacetalks.scenarios.parameters import parse_assignments
    from peacetalks.scenarios.sensitivity import analyse

    loaded = _load(case, db)
    params = parameter_set(loaded, parse_assignments(assignments or []))
    total = runs * (2 * len(params.varying()) + 1) + sobol_runs * (len(params.varying()) + 2)
    with _progress(total, "sensitivity runs") as advance:
        result = analyse(loaded, params, runs=runs, horizon=horizon, seed=seed, as_of=_date(as_of), month=month,
                         target=target, metric=metric, sobol_runs=sobol_runs, stretch=stretch, workers=workers,
                         progress=advance)
    document = result.to_dict()
    _record(db, loaded, "sensitivity", {"as_of": result.as_of, "runs": runs, "horizon": horizon, "month": month,
                                         "target": target, "metric": metric, "stretch": stretch,
                                         "sobol_runs": sobol_runs}, seed, document)
    if fmt is Format.JSON:
        sys.stdout.write(json.dumps(document, indent=1, ensure_ascii=False) + "\n")
        return
    for part in sensitivity_view(result):
        out().print(part)


@app.command("backtest-scenarios")
@friendly
def backtest_scenarios(
    case: Annotated[str, typer.Argument(help="Case path, stored id or built-in name.")],
    date: Annotated[list[str] | None, typer.Option(
        "--date", help="Forecast date YYYY-MM-DD (repeatable; default: the case's backtest dates).",
        show_default=False)] = None,
    runs: RunsOption = 2_000,
    seed: SeedOption = 1,
    ledger: Annotated[bool, typer.Option(
        "--ledger", help="Grade the forecasts recorded in the store's ledger instead of making new ones.")] = False,
    fmt: Annotated[Format, typer.Option("--format", help="table, or json.")] = Format.TABLE,
    output: Annotated[Path | None, typer.Option("--out", "-o", help="Also write the JSON to this file.",
                                                show_default=False)] = None,
    db: DbOption = None,
) -> None:
    """Forecast from past dates with only what the case knew then, and score the forecasts of
    "fighting stopped by month k" against what happened: Brier score (0–1 scale, 0 best), log
    score and a reliability table, next to the base-rate and no-change baselines. Dates without
    the reservation values a forecast needs are listed as skipped, with the reason. With
    --ledger, the forecasts recorded by 'simulate' are graded instead."""
    from peacetalks.cli.render_scenarios import backtest_view
    from peacetalks.scenarios.backtest import DEFAULT_DATES, backtest, grade

    loaded = _load(case, db)
    if ledger:
        from peacetalks.catalog import existing_store

        store = existing_store(db)
        if store is None:
            raise PeacetalksError("no store to read the ledger from: run 'peacetalks db init' and record forecasts "
                                  "with 'peacetalks simulate' first")
        with store:
            entries = [(r.id, r.result) for r in store.runs(loaded.id) if r.kind == "forecast"]
        result = grade(loaded, entries)
        document = result.to_dict()
    else:
        dates = [d for d in (_date(x, "--date") for x in (date or DEFAULT_DATES)) if d is not None]
        with _progress(runs * len(dates), "back-testing") as advance:
            result = backtest(loaded, dates, runs=runs, seed=seed, progress=advance)
        document = result.to_dict()
        _record(db, loaded, "backtest-scenarios", {"dates": [d.isoformat() for d in dates], "runs": runs}, seed,
                document)
    text = json.dumps(document, indent=1, ensure_ascii=False) + "\n"
    if output is not None:
        _write_atomically(output, text)
        err().print(f"wrote {output}")
    if fmt is Format.JSON:
        sys.stdout.write(text)
        return
    for part in backtest_view(result):
        out().print(part)
