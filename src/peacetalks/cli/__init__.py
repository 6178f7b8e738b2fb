"""The ``peacetalks`` command.

Heavy modules (pandas, SQLAlchemy) are imported inside the commands that need them so that
``--help`` stays instant.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
import tempfile
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer
from rich.console import Console

from peacetalks.errors import CaseError, PeacetalksError

if TYPE_CHECKING:
    from peacetalks.case import Case
    from peacetalks.catalog import Format
    from peacetalks.models.base import Prediction
    from peacetalks.models.draws import Distribution

P = ParamSpec("P")
R = TypeVar("R")

app = typer.Typer(
    name="peacetalks",
    help="Understand, track and forecast peace negotiations from a sourced case model.\n\n"
    "A CASE argument is a path to a case file or folder (YAML/JSON), a decide-exchange-model file, "
    "a BDM actor CSV, the id of a case in the store, or a built-in case such as 'russia-ukraine'.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)
db_app = typer.Typer(help="Manage the store (SQLite by default, PostgreSQL with --db postgresql://…).",
                     no_args_is_help=True)
app.add_typer(db_app, name="db")



def out() -> Console:
    """Standard output; made per call so the terminal's current width is used."""
    return Console()


def err() -> Console:
    return Console(stderr=True)


DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Store URL, e.g. sqlite:///cases.db or postgresql://user@host/db. "
                 "Default: $PEACETALKS_DB, else a SQLite file in your user data folder.",
                 show_default=False),
]
AsOfOption = Annotated[
    str | None, typer.Option("--as-of", help="Date YYYY-MM-DD (default: the case's own date).",
                             show_default=False),
]


class ImportFormat(StrEnum):
    AUTO = "auto"
    YAML = "yaml"
    JSON = "json"
    DECIDE = "decide"
    BDM = "bdm"


class ExportFormat(StrEnum):
    YAML = "yaml"
    JSON = "json"
    DECIDE = "decide"
    BDM = "bdm"


def friendly(command: Callable[P, R]) -> Callable[P, R]:
    """Print our errors as one clear message and exit non-zero, without a traceback."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except CaseError as exc:
            from peacetalks.cli.render import problems

            err().print(problems(exc.problems))
            err().print(f"[red]error:[/red] {len(exc.problems)} problem(s) — nothing was loaded or written.")
            raise typer.Exit(1) from None
        except PeacetalksError as exc:
            err().print(f"[red]error:[/red] {exc}", highlight=False)
            raise typer.Exit(1) from None

    return run


def _date(value: str | None, option: str = "--as-of") -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise PeacetalksError(f"{option} {value!r} is not a date; write it as YYYY-MM-DD") from None


@app.command()
@friendly
def cases(db: DbOption = None) -> None:
    """List the built-in cases and the cases saved in the store."""
    from peacetalks.catalog import list_cases
    from peacetalks.cli.render import case_list

    out().print(case_list(list_cases(db=db)))


@app.command()
@friendly
def show(
    case: Annotated[str, typer.Argument(help="Case path, stored id or built-in name.")],
    as_of: AsOfOption = None,
    issue: Annotated[list[str] | None, typer.Option("--issue", help="Show only this issue (repeatable).",
                                                    show_default=False)] = None,
    events: Annotated[int, typer.Option(help="How many recent events to list.", min=0)] = 8,
    db: DbOption = None,
) -> None:
    """Show a case as of a date: actors, issues with their scale labels, every position in force
    with its sources, proposals, recent events and indicators."""
    from peacetalks.catalog import load_case
    from peacetalks.cli.render import overview

    loaded = load_case(case, db=db)
    when = _date(as_of) or loaded.as_of
    for issue_id in issue or []:
        if issue_id not in {i.id for i in loaded.issues}:
            known = ", ".join(i.id for i in loaded.issues)
            raise PeacetalksError(f"no issue {issue_id!r} in case {loaded.id!r}; known issues: {known}")
    console = out()
    for part in overview(loaded, when, issues=issue, events=events):
        console.print(part, crop=False)  # source addresses must never be cut short


@app.command()
@friendly
def validate(
    path: Annotated[Path, typer.Argument(help="Case file or folder, decide file or BDM CSV to check.")],
    fmt: Annotated[ImportFormat, typer.Option("--format", help="Input format.")] = ImportFormat.AUTO,
) -> None:
    """Check a case file and print every problem with its file, line, field and a hint.

    Exits with status 1 if anything is wrong, 0 if the case is valid."""
    from peacetalks.catalog import read_case_file

    case = read_case_file(path, _input_format(fmt))
    out().print(f"[green]valid:[/green] case {case.id!r} ({case.name}) as of {case.as_of}: "
              f"{len(case.actors)} actors, {len(case.issues)} issues, {len(case.positions)} positions, "
              f"{len(case.proposals)} proposals, {len(case.events)} events, {len(case.sources)} sources")


def _input_format(fmt: ImportFormat) -> Format | None:
    if fmt is ImportFormat.AUTO:
        return None
    return "case" if fmt in (ImportFormat.YAML, ImportFormat.JSON) else ("decide" if fmt is ImportFormat.DECIDE
                                                                       else "bdm")


@app.command("import")
@friendly
def import_(
    source: Annotated[str, typer.Argument(help="Case path (YAML/JSON folder or file, decide file, BDM CSV) "
                                                "or built-in case name.")],
    fmt: Annotated[ImportFormat, typer.Option("--format", help="Input format.")] = ImportFormat.AUTO,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="Date for the positions of decide/BDM files, which carry none (default: today).",
        show_default=False)] = None,
    replace: Annotated[bool, typer.Option(
        "--replace", help="Replace a stored case of the same id; its earlier positions stay in the history.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Validate a case and save it in the store, in one transaction (all or nothing)."""
    from peacetalks.case import load_case_path
    from peacetalks.catalog import builtin_cases, read_case_file
    from peacetalks.store import Store

    builtins = builtin_cases()
    if not Path(source).exists() and source in builtins:
        case = load_case_path(builtins[source])
    else:
        case = read_case_file(source, _input_format(fmt), as_of=_date(as_of))
    with Store.open(db) as store:
        store.init()
        result = store.save_case(case, replace=replace)
        out().print(f"{result}  [dim]({store.url_for_display})[/dim]")


@app.command()
@friendly
def export(
    case: Annotated[str, typer.Argument(help="Case path, stored id or built-in name.")],
    fmt: Annotated[ExportFormat, typer.Option("--format", help="Output format.")] = ExportFormat.YAML,
    output: Annotated[Path | None, typer.Option("--out", "-o", help="File to write (default: print).",
                                                show_default=False)] = None,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="For decide/BDM: the date whose positions are written (default: the case's date).",
        show_default=False)] = None,
    issue: Annotated[str | None, typer.Option("--issue", help="For BDM (one issue per file): the issue id.",
                                              show_default=False)] = None,
    db: DbOption = None,
) -> None:
    """Write a case as YAML, JSON, a decide-exchange-model file or a BDM actor CSV."""
    from peacetalks.catalog import load_case

    loaded = load_case(case, db=db)
    when = _date(as_of)
    if fmt is ExportFormat.YAML:
        from peacetalks.case.serialize import case_to_yaml

        text = case_to_yaml(loaded)
    elif fmt is ExportFormat.JSON:
        from peacetalks.case.serialize import case_to_json

        text = case_to_json(loaded)
    elif fmt is ExportFormat.DECIDE:
        from peacetalks.case.interop.decide import write_decide

        text = write_decide(loaded, as_of=when)
    else:
        from peacetalks.case.interop.bdm import write_bdm

        if issue is None:
            known = ", ".join(i.id for i in loaded.issues)
            raise PeacetalksError(f"a BDM file holds one issue: pass --issue (one of: {known})")
        if issue not in {i.id for i in loaded.issues}:
            raise PeacetalksError(f"no issue {issue!r} in case {loaded.id!r}")
        text = write_bdm(loaded, issue, as_of=when)
    if output is None:
        sys.stdout.write(text)
    else:
        _write_atomically(output, text)
        err().print(f"wrote {output}")


def _write_atomically(path: Path, text: str) -> None:
    """Write through a temporary file and rename, so a failure never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@app.command()
@friendly
def schema(
    output: Annotated[Path | None, typer.Option("--out", "-o", help="File to write (default: print).",
                                                show_default=False)] = None,
) -> None:
    """Print the JSON Schema of a case file, for editors that validate YAML as you type."""
    import json

    from peacetalks.case import Case

    text = json.dumps(Case.model_json_schema(), indent=2) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        _write_atomically(output, text)


class PredictFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


@app.command()
@friendly
def predict(
    case: Annotated[str, typer.Argument(help="Case path, stored id or built-in name.")],
    model: Annotated[list[str] | None, typer.Option(
        "--model", "-m", help="Model name (repeatable), or 'all'. See the list below.", show_default=False)] = None,
    as_of: AsOfOption = None,
    rounds: Annotated[int | None, typer.Option(help="Rounds for models that have them.", min=1,
                                               show_default=False)] = None,
    draws: Annotated[int, typer.Option(
        help="Monte Carlo draws of positions, saliences and capabilities (0: none). Each value is drawn "
        "from its stated range, else ± a spread set by its confidence.", min=0)] = 0,
    seed: Annotated[int | None, typer.Option(help="Seed for the draws (default: a random one, printed).",
                                             show_default=False)] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Say why each model predicts what it does.")] = False,
    fmt: Annotated[PredictFormat, typer.Option("--format", help="Output format.")] = PredictFormat.TABLE,
    db: DbOption = None,
) -> None:
    """Predict where the negotiation settles on each issue, with each bargaining model side by side,
    and the scale label nearest to each outcome. Models: compromise (weighted mean), median
    (weighted median), challenge (expected-utility challenges) and exchange (equal-gain trades)."""
    from peacetalks.catalog import load_case
    from peacetalks.cli.render import predictions_table
    from peacetalks.models.base import available_models, get_model

    names = model or ["all"]
    if "all" in names:
        names = list(available_models())
    loaded = load_case(case, db=db)
    snapshot = loaded.snapshot(_date(as_of) or loaded.as_of)
    if draws and seed is None:
        import secrets

        seed = secrets.randbelow(2**31)
    results: list[Prediction] = []
    spreads: list[Distribution] = []
    for name in names:
        chosen = get_model(name)
        if rounds is not None and "rounds" in chosen.params():
            chosen = get_model(name, rounds=rounds)
        results.append(chosen.predict(snapshot))
        if draws:
            # On stderr, so JSON and CSV on stdout stay clean; the exchange model takes ~0.1 s a draw.
            with err().status(f"{name}: {draws:,} draws (model {len(spreads) + 1} of {len(names)})…"):
                spreads.append(chosen.predict_draws(snapshot, draws, seed or 0))
    import json

    from peacetalks.models.output import predictions_json

    document = predictions_json(loaded, results, spreads)
    run_parameters = {"models": names, "as_of": snapshot.as_of.isoformat(), "rounds": rounds, "draws": draws}
    _record(db, loaded, "predict", run_parameters, seed if draws else None, json.loads(document))
    if fmt is PredictFormat.TABLE:
        console = out()
        console.print(predictions_table(loaded, results, spreads))
        if draws:
            console.print(f"Intervals: central 90 % of {draws:,} draws, seed {seed} "
                          "(model-implied uncertainty from the coding ranges, not a calibrated probability).")
        for result in results:
            for note in result.notes:
                console.print(f"[yellow]{result.model}:[/yellow] {note}")
            if explain:
                console.print(result.explain(), highlight=False)
    else:
        from peacetalks.models.output import predictions_csv

        sys.stdout.write(document if fmt is PredictFormat.JSON else predictions_csv(loaded, results, spreads))


@app.command()
@friendly
def backtest(
    case: Annotated[str, typer.Argument(help="Case path, stored id or built-in name (e.g. ec-emissions).")],
    model: Annotated[list[str] | None, typer.Option(
        "--model", "-m", help="Model name (repeatable); default: all.", show_default=False)] = None,
    as_of: AsOfOption = None,
    db: DbOption = None,
) -> None:
    """Score the models against the outcomes a case records: absolute error per issue and mean
    absolute error (MAE) per model, next to the compromise and weighted-median baselines."""
    from peacetalks.catalog import load_case
    from peacetalks.cli.render import backtest_table
    from peacetalks.models.backtest import BASELINES
    from peacetalks.models.backtest import backtest as run_backtest
    from peacetalks.models.base import available_models, get_model

    names = list(dict.fromkeys([*BASELINES, *(model or available_models())]))
    loaded = load_case(case, db=db)
    result = run_backtest(loaded, [get_model(name) for name in names], as_of)
    _record(db, loaded, "backtest", {"models": names, "as_of": result.as_of}, None,
            {"mae": {name: _finite(result.mae(name)) for name in result.models},
             "scores": [{"model": s.model, "issue": s.issue, "predicted": _finite(s.predicted), "actual": s.actual}
                        for s in result.scores]})
    out().print(backtest_table(result))


def _finite(value: float) -> float | None:
    """JSON has no NaN: a missing prediction is stored as null."""
    return value if value == value else None


def _record(db: str | None, case: Case, kind: str, parameters: dict[str, Any], seed: int | None,
            result: dict[str, Any]) -> None:
    """Register the run (case hash, parameters, seed, version, result) in the store, if there is
    one; without a store (`peacetalks db init`) the run is simply not registered."""
    from peacetalks.catalog import existing_store

    store = existing_store(db)
    if store is None:
        return
    with store:
        run_id = store.record_run(case, kind=kind, parameters=parameters, seed=seed, result=result)
        err().print(f"[dim]recorded as run {run_id} in {store.url_for_display}[/dim]")


@db_app.command("init")
@friendly
def db_init(db: DbOption = None) -> None:
    """Create the store's tables if they do not exist yet (safe to run again)."""
    from peacetalks.store import Store

    with Store.open(db) as store:
        store.init()
        out().print(f"store ready at {store.url_for_display}")


def main() -> None:
    app()
from peacetalks.cli import brief as _brief  # noqa: E402,F401
from peacetalks.cli import deals as _deals  # noqa: E402,F401
from peacetalks.cli import ingest as _ingest  # noqa: E402,F401
from peacetalks.cli import review as _review  # noqa: E402,F401
from peacetalks.cli import scenarios as _scenarios  # noqa: E402,F401
from peacetalks.cli import timeline as _timeline  # noqa: E402,F401
from peacetalks.cli import web as _web  # noqa: E402,F401
