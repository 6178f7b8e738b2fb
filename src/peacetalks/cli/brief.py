"""``peacetalks brief``: write the sourced briefing of a case as HTML and Markdown."""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from peacetalks.cli import AsOfOption, DbOption, _date, _record, app, err, friendly, out

# Literal copies of the defaults in peacetalks.report.analysis, which is not imported here so that
# `peacetalks --help` stays instant; a test checks that the two agree.
RUNS, EXCHANGE_RUNS, SINCE_DAYS = 1000, 500, 90
SCENARIO_RUNS, TORNADO_RUNS = 10_000, 2_000


class BriefFormat(StrEnum):
    HTML = "html"
    MD = "md"
    BOTH = "both"


@app.command()
@friendly
def brief(
    case: Annotated[str, typer.Argument(help="Case path, stored id or built-in name.")],
    as_of: AsOfOption = None,
    since: Annotated[str | None, typer.Option(
        "--since", help=f"Start of 'what changed' (default: {SINCE_DAYS} days before the briefing's date).",
        show_default=False)] = None,
    output: Annotated[Path, typer.Option("--out", "-o", help="Folder to write the briefing into.")] = Path("briefing"),
    fmt: Annotated[BriefFormat, typer.Option("--format", help="html (one self-contained file), md (Markdown "
                                             "with its charts as SVG files beside it) or both.")] = BriefFormat.BOTH,
    runs: Annotated[int, typer.Option(
        help="Monte Carlo draws per bargaining model for the 90 % intervals (0: none); scenario runs are "
        "--scenario-runs.", min=0)] = RUNS,
    exchange_runs: Annotated[int, typer.Option(
        help="Draws for the exchange model, which runs all its rounds on every draw (about 7 ms each on the "
        "built-in case); the default keeps the whole briefing within a minute.", min=0)] = EXCHANGE_RUNS,
    scenario_runs: Annotated[int, typer.Option(
        "--scenario-runs", help="Runs of the monthly scenario simulation for the outcome probabilities, fan charts "
        "and the ceasefire answer (0: no scenarios section).", min=0)] = SCENARIO_RUNS,
    tornado_runs: Annotated[int, typer.Option(
        "--tornado-runs", help="Runs per simulation of the sensitivity tornado, which simulates twice per varying "
        "parameter (0: no tornado).", min=0)] = TORNADO_RUNS,
    seed: Annotated[int, typer.Option(help="Seed for the draws and the scenario runs; the same seed gives the same "
                                      "briefing.")] = 1,
    db: DbOption = None,
) -> None:
    """Write the briefing of a case as of a date: where the talks stand, the key players and their
    stances, each issue with the actors and every model's predicted outcome, the proposals and
    which actors could accept them, the bargaining space, the scenarios (outcome probabilities by
    month, fan charts, the sensitivity tornado), what changed, the timeline, the indicators, an
    FAQ, the methodology and limits, and every source.

    The HTML file is self-contained (inline CSS and SVG, no script, nothing fetched) and opens
    offline; every statement of fact links to its sources."""
    import json

    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from peacetalks.catalog import load_case
    from peacetalks.models.output import predictions_json
    from peacetalks.report import Settings, analyse, build_document, write_briefing
    from peacetalks.report.analysis import analysis_steps

    loaded = load_case(case, db=db)
    settings = Settings(as_of=_date(as_of), since=_date(since, "--since"), runs=runs, exchange_runs=exchange_runs,
                        scenario_runs=scenario_runs, tornado_runs=tornado_runs, seed=seed)
    when = settings.as_of or loaded.as_of
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", loaded.id).strip("-.") + f"-{when}"
    steps = [*analysis_steps(settings), "writing the sections", "saving the files"]
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
               TextColumn("{task.completed}/{task.total}"), TimeElapsedColumn())
    with Progress(*columns, console=err(), transient=True) as progress:
        task = progress.add_task(steps[0], total=len(steps))

        def step(done: int, total: int, what: str) -> None:
            progress.update(task, completed=done, description=what)

        analysis = analyse(loaded, settings, step)
        step(len(steps) - 2, len(steps), steps[-2])
        document = build_document(analysis)
        step(len(steps) - 1, len(steps), steps[-1])
        written = write_briefing(document, output, stem, fmt.value)
        step(len(steps), len(steps), "done")
    results = [m.prediction for m in analysis.models]
    spreads = [m.spread for m in analysis.models if m.spread is not None]
    parameters = {"as_of": str(analysis.as_of), "since": str(analysis.since), "runs": runs,
                  "exchange_runs": exchange_runs, "scenario_runs": scenario_runs, "tornado_runs": tornado_runs,
                  "format": fmt.value, "files": [str(p) for p in written]}
    document_json = predictions_json(loaded, results, spreads if len(spreads) == len(results) else [])
    _record(db, loaded, "brief", parameters, seed, json.loads(document_json))
    console = out()
    for path in written:
        console.print(f"wrote {path}", highlight=False, soft_wrap=True)
    html = [p for p in written if p.suffix == ".html"]
    if html:
        console.print(f"open {html[0].resolve().as_uri()} in a browser (works offline)", highlight=False,
                      soft_wrap=True)
