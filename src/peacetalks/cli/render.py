"""Rich renderables for the terminal: a case overview as of a date, problem lists, case lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from peacetalks.case import Case, Snapshot
from peacetalks.catalog import CaseEntry
from peacetalks.errors import Problem
from peacetalks.models.backtest import BASELINES, Backtest
from peacetalks.models.base import Prediction
from peacetalks.models.draws import Distribution


def overview(case: Case, as_of: dt.date, *, issues: Sequence[str] | None = None,
             events: int = 8) -> list[RenderableType]:
    """Everything a reader needs to see where a negotiation stood on a date, with sources."""
    snap = case.snapshot(as_of)
    cited: list[str] = []
    parts: list[RenderableType] = [_header(case, snap), _actors(case), _issues(case)]
    for issue_id in issues or snap.issues:
        parts.append(_positions(case, snap, issue_id, cited))
    parts += [_proposals(case, as_of), _events(case, as_of, events, cited), _indicators(case, as_of, cited),
              _sources(case, cited)]
    return parts


def _header(case: Case, snap: Snapshot) -> Panel:
    held = int((~snap.position.mask).sum())
    lines = [
        Text.assemble(("As of ", "bold"), str(snap.as_of), f"   (case data up to {case.as_of})"),
        Text(f"{len(case.actors)} actors · {len(case.issues)} issues · {held} positions in force "
             f"({len(case.positions)} recorded over time) · {len(case.proposals)} proposals · "
             f"{len(case.events)} events · {len(case.indicators)} indicators · {len(case.sources)} sources"),
        Text(f"content hash {case.content_hash[:12]}", style="dim"),
    ]
    if case.description:
        lines.insert(0, Text(case.description))
    return Panel(Group(*lines), title=f"[bold]{case.name}[/bold] [dim]({case.id})[/dim]", expand=True)


def _actors(case: Case) -> Table:
    table = Table(title="Actors", title_justify="left", expand=True)
    for column in ("id", "name", "kind", "role", "member of", "also called"):
        table.add_column(column)
    for a in case.actors:
        table.add_row(a.id, a.name, a.kind.value, a.role.value, a.member_of or "", ", ".join(a.aliases[:4]))
    return table


def _issues(case: Case) -> Table:
    table = Table(title="Issues and their scales (what each value means)", title_justify="left",
                  expand=True, show_lines=True)
    table.add_column("issue")
    table.add_column("category")
    table.add_column("scale")
    for i in case.issues:
        anchors = "\n".join(f"{a.value:>5g}  {a.label}" for a in sorted(i.scale.anchors, key=lambda a: a.value))
        table.add_row(f"[bold]{i.id}[/bold]\n{i.name}", i.category, anchors)
    return table


def _positions(case: Case, snap: Snapshot, issue_id: str, cited: list[str]) -> Table:
    issue = case.issue(issue_id)
    col = snap.issues.index(issue_id)
    table = Table(title=f"Positions on {issue.name} [dim]({issue.id})[/dim] as of {snap.as_of}",
                  title_justify="left", expand=True)
    for column, justify in (("actor", "left"), ("position", "right"), ("meaning", "left"),
                            ("salience", "right"), ("capability", "right"), ("since", "left"),
                            ("coded by", "left"), ("sources", "left")):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    held = [rec for rec in (row[col] for row in snap.records) if rec is not None]
    for rec in sorted(held, key=lambda r: r.position):
        _cite(cited, rec.sources)
        table.add_row(rec.actor, f"{rec.position:g}", issue.scale.label_for(rec.position), f"{rec.salience:g}",
                      f"{rec.capability:g}", str(rec.as_of), rec.coded_by.value, ", ".join(rec.sources))
    missing = [a for a, row in zip(snap.actors, snap.records, strict=True) if row[col] is None]
    if missing:
        table.caption = f"no position recorded by {snap.as_of}: {', '.join(missing)}"
    return table


def _proposals(case: Case, as_of: dt.date) -> Table:
    table = Table(title=f"Proposals tabled by {as_of}", title_justify="left", expand=True)
    for column in ("id", "name", "date", "status", "authors", "issues covered", "provisions"):
        table.add_column(column)
    for p in sorted((p for p in case.proposals if p.date <= as_of), key=lambda p: p.date):
        table.add_row(p.id, p.name, str(p.date), p.status.value, ", ".join(p.authors),
                      str(len(p.positions)), str(len(p.provisions)))
    return table


def _events(case: Case, as_of: dt.date, count: int, cited: list[str]) -> Table:
    recent = sorted((e for e in case.events if e.date <= as_of), key=lambda e: e.date)[-count:]
    table = Table(title=f"Latest {len(recent)} events up to {as_of}", title_justify="left", expand=True)
    for column in ("date", "event", "kind", "sources"):
        table.add_column(column)
    for e in recent:
        _cite(cited, e.sources)
        table.add_row(str(e.date), e.title, e.kind, ", ".join(e.sources))
    return table


def _indicators(case: Case, as_of: dt.date, cited: list[str]) -> Table:
    table = Table(title=f"Indicators: latest value up to {as_of}", title_justify="left", expand=True)
    for column in ("indicator", "value", "date", "sources"):
        table.add_column(column)
    for ind in case.indicators:
        known = [o for o in ind.series if o.date <= as_of]
        if not known:
            continue
        last = max(known, key=lambda o: o.date)
        _cite(cited, last.sources)
        interval = f" [{last.low:g}–{last.high:g}]" if last.low is not None and last.high is not None else ""
        table.add_row(ind.name, f"{last.value:g} {ind.unit}{interval}", str(last.date), ", ".join(last.sources))
    return table


def _sources(case: Case, cited: list[str]) -> Group:
    """One entry per cited source; the address on its own unbroken line so it stays clickable."""
    lines: list[RenderableType] = [Text("Sources cited above", style="italic")]
    for source_id in cited:
        s = case.source(source_id)
        lines.append(Text.assemble((s.id, "bold"), f"  {s.outlet + ': ' if s.outlet else ''}{s.title}"))
        if s.url:
            lines.append(Text(f"    {s.url}", style=f"link {s.url}", no_wrap=True, overflow="ignore"))
    return Group(*lines)


def _cite(cited: list[str], sources: Iterable[str]) -> None:
    cited.extend(s for s in sources if s not in cited)


def problems(items: Sequence[Problem]) -> Table:
    table = Table(title=f"{len(items)} problem{'s' if len(items) != 1 else ''}", title_justify="left",
                  expand=True)
    for column in ("file", "line", "field", "problem", "what to do"):
        table.add_column(column, overflow="fold")
    for p in items:
        table.add_row(p.file, str(p.line or ""), p.field, p.message, p.hint)
    return table


def case_list(entries: Sequence[CaseEntry]) -> Table:
    table = Table(title="Cases", title_justify="left")
    for column in ("id", "name", "origin", "as of", "content hash"):
        table.add_column(column)
    for e in entries:
        table.add_row(e.id, e.name, e.origin, str(e.as_of), e.content_hash[:12])
    return table


def predictions_table(case: Case, results: Sequence[Prediction],
                      spreads: Sequence[Distribution] = ()) -> Table:
    """Issues down, models across: each outcome with its 90 % interval over the draws (if any)
    and the nearest label of the issue's scale."""
    intervals = [spread.interval(0.9) for spread in spreads]
    as_of = results[0].as_of if results else str(case.as_of)
    table = Table(title=f"Predicted outcomes, {case.name}, as of {as_of}", title_justify="left",
                  expand=True, show_lines=True)
    table.add_column("issue")
    for result in results:
        table.add_column(result.model)
    for k, issue_id in enumerate(results[0].issues if results else ()):
        issue = case.issue(issue_id)
        cells = []
        for m, result in enumerate(results):
            value = float(result.outcome[k])
            if value != value:
                cells.append("no prediction")
                continue
            band = f"  [{intervals[m][0][k]:.1f}–{intervals[m][1][k]:.1f}]" if intervals else ""
            cells.append(f"[bold]{value:.1f}[/bold]{band}\n{issue.scale.label_for(value)}")
        table.add_row(f"{issue.name}\n[dim]{issue.id}[/dim]", *cells)
    return table


def backtest_table(result: Backtest) -> Table:
    table = Table(title=f"Backtest of {result.case_id} as of {result.as_of}: predicted vs actual",
                  title_justify="left")
    for column in ("model", "issue", "predicted", "actual", "abs. error"):
        table.add_column(column, justify="left" if column in ("model", "issue") else "right")
    for s in result.scores:
        table.add_row(s.model, s.issue, f"{s.predicted:.3f}", f"{s.actual:g}", f"{s.error:.3f}")
    baseline = result.mae("compromise")
    table.caption = "MAE: " + "; ".join(
        f"{name} {result.mae(name):.3f}" + ("" if name in BASELINES else f" ({result.mae(name) - baseline:+.3f} "
                                            "vs compromise; negative is better)")
        for name in result.models)
    return table
