"""``peacetalks timeline`` and ``peacetalks digest``: what happened, and what changed."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from peacetalks.cli import DbOption, _date, app, friendly, out
from peacetalks.errors import PeacetalksError

SinceOption = Annotated[str | None, typer.Option("--since", help="Only from this date on (YYYY-MM-DD).",
                                                 show_default=False)]


def _reported(case_id: str, db: str | None, since: object) -> list[object]:
    from peacetalks.ingest.digest import Reported
    from peacetalks.store import Store

    with Store.open(db) as store:
        if not store.is_initialised() or not store.has_case(case_id):
            return []
        return [Reported(e.date, e.title, e.url, e.duplicate_of is not None, e.item, e.document_id, e.ordinal)
                for e in store.stored_evidence(case_id, since=since)]  # type: ignore[arg-type]


@app.command()
@friendly
def timeline(
    case: Annotated[str, typer.Argument(help="Case path, stored id or built-in name.")],
    since: SinceOption = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    db: DbOption = None,
) -> None:
    """The case's events and position changes in date order, with the events ingested articles
    report that are not (yet) in the case marked as reported."""
    from rich.table import Table

    from peacetalks.catalog import load_case
    from peacetalks.ingest.digest import Reported

    loaded = load_case(case, db=db)
    start = _date(since, "--since")
    rows: list[dict[str, object]] = []
    for e in loaded.events:
        rows.append({"date": e.date.isoformat(), "what": "event", "kind": e.kind, "title": e.title,
                     "actors": list(e.actors), "sources": list(e.sources)})
    for p in loaded.positions:
        label = loaded.issue(p.issue).scale.label_for(p.position)
        rows.append({"date": p.as_of.isoformat(), "what": "position", "kind": p.issue,
                     "title": f"{p.actor}: {p.position:g} — {label}", "actors": [p.actor], "sources": list(p.sources)})
    in_case = {e.id for e in loaded.events}
    for r in _reported(loaded.id, db, start):
        assert isinstance(r, Reported)
        if r.item.get("kind") == "event" and not r.duplicate and r.event_id not in in_case:
            rows.append({"date": str(r.item.get("date") or r.date), "what": "reported", "kind": r.item.get("event_type"),
                         "title": r.item.get("sentence"), "actors": r.item.get("extra", {}).get("actors", []),
                         "sources": [r.url]})
    rows = sorted((r for r in rows if start is None or str(r["date"]) >= start.isoformat()), key=lambda r: str(r["date"]))
    if fmt == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    table = Table("date", "what", "kind", "", "sources", title=f"{loaded.name}: timeline" + (f" since {start}" if start else ""))
    for r in rows:
        table.add_row(str(r["date"]), str(r["what"]), str(r["kind"]), str(r["title"]), ", ".join(map(str, r["sources"])))  # type: ignore[call-overload]
    out().print(table)


@app.command()
@friendly
def digest(
    case: Annotated[str, typer.Argument(help="Case path, stored id or built-in name.")],
    since: Annotated[str, typer.Option("--since", help="Report changes from this date on (YYYY-MM-DD).")],
    fmt: Annotated[str, typer.Option("--format", help="markdown or json.")] = "markdown",
    db: DbOption = None,
) -> None:
    """What changed since a date: new stances, moved positions, new figures and events, by actor
    and issue, with links to the sources (Markdown, readable offline)."""
    from peacetalks.catalog import load_case
    from peacetalks.ingest.digest import Reported, digest as build, markdown

    loaded = load_case(case, db=db)
    start = _date(since, "--since")
    if start is None:
        raise PeacetalksError("--since is required")
    reports = [r for r in _reported(loaded.id, db, start) if isinstance(r, Reported)]
    result = build(loaded, reports, start)
    if fmt == "json":
        typer.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
    else:
        typer.echo(markdown(result, loaded))
