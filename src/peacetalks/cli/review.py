"""Storing ingested evidence, and reviewing the case updates proposed from it:
``review``, ``accept`` and ``reject``."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from peacetalks.cli import DbOption, app, err, friendly, out
from peacetalks.errors import PeacetalksError

if TYPE_CHECKING:
    from peacetalks.case.types import Case
    from peacetalks.ingest.digest import Reported
    from peacetalks.ingest.inputs import Skipped
    from peacetalks.ingest.lexicon import Lexicon
    from peacetalks.store import Store


def _open_store(db: str | None) -> Store:
    from peacetalks.store import Store

    store = Store.open(db)
    if not store.is_initialised():
        store.close()
        raise PeacetalksError(
            f"store at {store.url_for_display} is not initialised: run `peacetalks db init` first "
            "(or use ingest --dry-run to only print the evidence)"
        )
    return store


def store_ingest(
    inputs: list[str],
    case: Case,
    lexicon: Lexicon,
    *,
    db: str | None,
    allow_private: bool,
    max_items: int,
    as_json: bool,
    stances: str = "rules",
) -> list[Skipped]:
    """Ingest into the store: one transaction per document, documents already stored skipped."""
    import numpy as np
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from peacetalks.ingest.dedupe import DuplicateIndex
    from peacetalks.ingest.inputs import Skipped
    from peacetalks.ingest.pipeline import ingest
    from peacetalks.ingest.updates import propose

    skipped: list[Skipped] = []
    counts = {"stored": 0, "already": 0, "duplicates": 0, "updates": 0}
    with _open_store(db) as store:

        def earlier(actor: str, issue: str, since: dt.date) -> list[Reported]:
            found = store.stored_evidence(case.id, since=since, kinds=["stance"], actor=actor, issue=issue)
            return [e.reported() for e in found]

        if not store.has_case(case.id):
            store.save_case(case)
            err().print(f"saved case {case.id!r} in the store, so that accepted updates have a case to change")
        index = DuplicateIndex()
        for doc_id, sig in store.document_signatures(case.id):
            index.add(doc_id, np.array(sig, dtype=np.uint64))
        columns = (
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
        )
        with Progress(*columns, console=err(), transient=True) as progress:
            task = progress.add_task("ingesting", total=_count_files(inputs))
            found = ingest(
                inputs, lexicon, allow_private=allow_private, max_feed_items=max_items, index=index, stances=stances
            )
            for item in found:
                progress.advance(task)
                if isinstance(item, Skipped):
                    skipped.append(item)
                    progress.console.print(
                        f"[yellow]skipped[/yellow] {item.location}: {item.reason}", highlight=False, soft_wrap=True
                    )
                    continue
                # Near-duplicates are stored and linked, but propose nothing: their news is already counted.
                updates = (
                    []
                    if item.duplicate_of
                    else propose(case, item.document, item.evidence, lexicon=lexicon, earlier=earlier)
                )
                if store.add_document(case.id, item, updates):
                    counts["stored"] += 1
                    counts["duplicates"] += item.duplicate_of is not None
                    counts["updates"] += len(updates)
                else:
                    counts["already"] += 1
                if as_json:
                    typer.echo(json.dumps(item.to_json(), ensure_ascii=False))
    err().print(
        f"{counts['stored']} document(s) stored ({counts['duplicates']} near-duplicates linked to earlier ones), "
        f"{counts['already']} already stored and skipped; {counts['updates']} update(s) proposed"
        + (" — see `peacetalks review`" if counts["updates"] else "")
    )
    return skipped


def _count_files(inputs: list[str]) -> int | None:
    """How many documents the inputs hold, when they are all local (a feed's size is unknown)."""
    from pathlib import Path

    from peacetalks.ingest.inputs import folder_files

    if any("://" in target for target in inputs):
        return None
    return sum(sum(1 for _ in folder_files(Path(t))) if Path(t).is_dir() else 1 for t in inputs)


class ReviewFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


@app.command()
@friendly
def review(
    case: Annotated[str | None, typer.Option("--case", help="Only this stored case.", show_default=False)] = None,
    all_: Annotated[bool, typer.Option("--all", help="Also list accepted and rejected updates.")] = False,
    fmt: Annotated[ReviewFormat, typer.Option("--format", help="table or json.")] = ReviewFormat.TABLE,
    db: DbOption = None,
) -> None:
    """List the case updates proposed from ingested articles, with the diff against the case and
    the sentence they rest on. Decide with `peacetalks accept ID…` or `peacetalks reject ID…`."""
    from rich.table import Table

    with _open_store(db) as store:
        found = store.updates(case, status=None if all_ else "pending")
    if fmt is ReviewFormat.JSON:
        typer.echo(
            json.dumps(
                [
                    {
                        **u.__dict__,
                        "as_of": u.as_of.isoformat(),
                        "decided_at": u.decided_at.isoformat() if u.decided_at else None,
                    }
                    for u in found
                ],
                ensure_ascii=False,
                indent=1,
            )
        )
        return
    if not found:
        out().print("no pending updates" if not all_ else "no updates")
        return
    table = Table(
        "id",
        "kind",
        "date",
        "update (current → proposed) and the sentence it rests on",
        "source",
        "status",
        show_lines=True,
    )
    for u in found:
        sentence = str(u.payload.get("sentence") or u.payload.get("event", {}).get("description") or "")
        table.add_row(
            str(u.id),
            u.kind,
            str(u.as_of),
            f"{u.summary}\n[dim]“{sentence[:300]}”[/dim]",
            f"{u.source_title or ''}\n{u.source_url}",
            u.status,
        )
    out().print(table)


IdsArgument = Annotated[list[int], typer.Argument(help="Update ids from `peacetalks review`.", show_default=False)]
NoteOption = Annotated[str | None, typer.Option("--note", help="Why, for the record.", show_default=False)]


@app.command()
@friendly
def accept(
    ids: IdsArgument,
    position: Annotated[
        float | None,
        typer.Option(
            "--position",
            help="Scale value for a position update (needed when the stance may have moved or is new).",
            show_default=False,
        ),
    ] = None,
    salience: Annotated[
        float | None,
        typer.Option("--salience", min=0, max=100, help="0–100; default: the position in force's "
                     "(needed for an actor's first position on the issue); for a salience update, "
                     "the value to set instead of the proposed step.", show_default=False),
    ] = None,
    capability: Annotated[
        float | None,
        typer.Option("--capability", min=0, max=100, help="0–100; default as for --salience.", show_default=False),
    ] = None,
    note: NoteOption = None,
    db: DbOption = None,
) -> None:
    """Accept proposed updates: each becomes part of the stored case (a new time-versioned
    position — restated, moved or with its salience stepped —, event or indicator point) citing
    the article as its source."""
    from peacetalks.ingest.updates import apply_update, source_for

    if (position, salience, capability) != (None, None, None) and len(ids) > 1:
        raise PeacetalksError("--position/--salience/--capability apply to one update: accept it on its own")
    with _open_store(db) as store:
        found = {u.id: u for u in store.updates(status=None, ids=ids)}
        _check_ids(ids, found)
        case_ids = {u.case_id for u in found.values()}
        if len(case_ids) > 1:
            raise PeacetalksError(
                f"the updates belong to several cases ({', '.join(sorted(case_ids))}): accept them per case"
            )
        base = store.load_case(case_ids.pop())
        case = base
        decisions: dict[int, tuple[str, Case | None, str | None]] = {}
        for update_id in ids:
            u = found[update_id]
            if u.status != "pending":
                raise PeacetalksError(f"update {update_id} is already {u.status}")
            source, *also = (source_for(store.document(u.case_id, d)) for d in u.cited_documents)
            case = apply_update(
                case,
                u.kind,
                u.payload,
                source,
                position=position,
                salience=salience,
                capability=capability,
                also_cites=also,
            )
            decisions[update_id] = ("accepted", case, note)
        result = store.decide(decisions, base)
    out().print(f"accepted {len(ids)} update(s); {result}")


def _check_ids(ids: list[int], found: Mapping[int, object]) -> None:
    unknown = [i for i in ids if i not in found]
    if unknown:
        raise PeacetalksError(
            f"no proposed update with id {', '.join(map(str, unknown))}: see `peacetalks review --all`"
        )


@app.command()
@friendly
def reject(ids: IdsArgument, note: NoteOption = None, db: DbOption = None) -> None:
    """Reject proposed updates: the decision is recorded and the case is left as it is."""
    with _open_store(db) as store:
        found = {u.id: u for u in store.updates(status=None, ids=ids)}
        _check_ids(ids, found)
        store.decide({i: ("rejected", None, note) for i in ids}, None)
    out().print(f"rejected {len(ids)} update(s)")
