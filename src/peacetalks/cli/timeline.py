"""``peacetalks timeline`` and ``peacetalks digest``: what happened, and what changed."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from peacetalks.cli import DbOption, _date, app, friendly, out

if TYPE_CHECKING:
    from peacetalks.ingest.digest import Reported


class TimelineFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


class DigestFormat(StrEnum):
    MARKDOWN = "markdown"
    JSON = "json"


@dataclass(frozen=True)
class Row:
    date: str
    what: str  # event, position, or reported (an ingested event not in the case)
    kind: str
    title: str
    actors: list[str]
    sources: list[str]


def _reported(case_id: str, db: str | None, since: dt.date | None) -> list[Reported]:
    """Stored evidence of ``case_id``; none when there is no store or the case is not in it."""
    from peacetalks.store import Store

    with Store.open(db) as store:
        if not store.is_initialised() or not store.has_case(case_id):
            return []
        return [e.reported() for e in store.stored_evidence(case_id, since=since)]


@app.command()
@friendly
def timeline(
    case: Annotated[str, typer.Argument(help="Case path, stored id or built-in name.")],
    since: Annotated[
        str | None, typer.Option("--since", help="Only from this date on (YYYY-MM-DD).", show_default=False)
    ] = None,
    fmt: Annotated[TimelineFormat, typer.Option("--format", help="table or json.")] = TimelineFormat.TABLE,
    db: DbOption = None,
) -> None:
    """The case's events and positions in date order, with the events that ingested articles
    report but the case does not (yet) hold marked "reported"."""
    from rich.table import Table

    from peacetalks.catalog import load_case

    loaded = load_case(case, db=db)
    start = _date(since, "--since")
    rows = [Row(e.date.isoformat(), "event", e.kind, e.title, list(e.actors), list(e.sources)) for e in loaded.events]
    rows += [
        Row(
            p.as_of.isoformat(),
            "position",
            p.issue,
            f"{p.actor}: {p.position:g} — {loaded.issue(p.issue).scale.label_for(p.position)}",
            [p.actor],
            list(p.sources),
        )
        for p in loaded.positions
    ]
    in_case = {e.id for e in loaded.events}
    rows += [
        Row(
            str(r.item.get("date") or r.date),
            "reported",
            str(r.item.get("event_type")),
            str(r.item.get("sentence")),
            list(r.item.get("extra", {}).get("actors", [])),
            [r.url],
        )
        for r in _reported(loaded.id, db, start)
        if r.item.get("kind") == "event" and not r.duplicate and r.event_id not in in_case
    ]
    rows = sorted((r for r in rows if start is None or r.date >= start.isoformat()), key=lambda r: r.date)
    if fmt is TimelineFormat.JSON:
        typer.echo(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=1))
        return
    title = f"{loaded.name}: timeline" + (f" since {start}" if start else "")
    table = Table("date", "what", "kind", "", "sources", title=title)
    for r in rows:
        table.add_row(r.date, r.what, r.kind, r.title, ", ".join(r.sources))
    out().print(table)


@app.command()
@friendly
def digest(
    case: Annotated[str, typer.Argument(help="Case path, stored id or built-in name.")],
    since: Annotated[str, typer.Option("--since", help="Report changes from this date on (YYYY-MM-DD).")],
    fmt: Annotated[DigestFormat, typer.Option("--format", help="markdown or json.")] = DigestFormat.MARKDOWN,
    db: DbOption = None,
) -> None:
    """What changed since a date: new stances, moved positions, new figures and events, by actor
    and issue, with links to the sources (Markdown, readable offline)."""
    from peacetalks.catalog import load_case
    from peacetalks.ingest.digest import digest as build
    from peacetalks.ingest.digest import markdown

    loaded = load_case(case, db=db)
    start = _date(since, "--since")
    assert start is not None  # typer requires --since
    result = build(loaded, _reported(loaded.id, db, start), start)
    if fmt is DigestFormat.JSON:
        typer.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
    else:
        typer.echo(markdown(result, loaded))
