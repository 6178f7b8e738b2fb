"""``peacetalks ingest``: read articles into evidence (and, without --dry-run, into the store)."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from peacetalks.cli import DbOption, app, err, friendly, out
from peacetalks.errors import PeacetalksError


class IngestFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


class StanceExtractor(StrEnum):
    RULES = "rules"
    LEARNED = "learned"


@app.command()
@friendly
def ingest(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Text or HTML files, folders, http(s) URLs of articles or RSS/Atom feeds.", show_default=False
        ),
    ],
    case: Annotated[str, typer.Option("--case", help="Case whose actors, issue terms and proposals are recognised.")],
    fmt: Annotated[
        IngestFormat,
        typer.Option(
            "--format",
            help="table: a summary per document; json: one JSON "
            'object per line and document, {"source": …, "evidence": […]}.',
        ),
    ] = IngestFormat.TABLE,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Only print the evidence; store nothing.")] = False,
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private", help="Allow URLs on private, loopback and link-local addresses (refused by default)."
        ),
    ] = False,
    max_items: Annotated[int, typer.Option("--max-items", help="At most this many items per feed.", min=1)] = 50,
    stances: Annotated[
        StanceExtractor,
        typer.Option(
            "--stances",
            help="rules: the hand-written stance rules; learned: a small logistic model shipped with "
            "peacetalks (no download) that judges every actor–issue pair named close together, what the "
            "rules found among its evidence: more stances found on unfamiliar text, but fewer of them right "
            "(docs/ingest.md, 'The learned stance model').",
        ),
    ] = StanceExtractor.RULES,
    db: DbOption = None,
) -> None:
    """Extract evidence from articles: who said what about which issue (stances, with negation
    and conditions), proposals mentioned, figures with normalised units and events, each with
    its sentence and character offsets. Near-duplicates are linked to the first copy.

    Without --dry-run the evidence is stored and turned into proposed case updates for
    `peacetalks review`; documents already stored are skipped, so an interrupted run resumes."""
    from peacetalks.catalog import load_case
    from peacetalks.ingest.dedupe import DuplicateIndex
    from peacetalks.ingest.inputs import Skipped
    from peacetalks.ingest.lexicon import Lexicon
    from peacetalks.ingest.pipeline import ingest as run

    loaded = load_case(case, db=db)
    lexicon = Lexicon(loaded)
    skipped: list[Skipped] = []
    if not dry_run:
        from peacetalks.cli.review import store_ingest

        skipped = store_ingest(
            inputs,
            loaded,
            lexicon,
            db=db,
            allow_private=allow_private,
            max_items=max_items,
            as_json=fmt is IngestFormat.JSON,
            stances=stances.value,
        )
    else:
        from rich.table import Table

        table = Table(
            "document",
            "title",
            "stances",
            "figures",
            "proposals",
            "events",
            "duplicate of",
            title="Evidence found (dry run: nothing stored)",
        )
        index = DuplicateIndex()
        where: dict[str, str] = {}
        items = run(
            inputs, lexicon, allow_private=allow_private, max_feed_items=max_items, index=index, stances=stances.value
        )
        for item in items:
            if not isinstance(item, Skipped):
                where.setdefault(item.document.id, item.document.source.location)
            if isinstance(item, Skipped):
                skipped.append(item)
                err().print(f"[yellow]skipped[/yellow] {item.location}: {item.reason}", highlight=False, soft_wrap=True)
                continue
            if fmt is IngestFormat.JSON:
                typer.echo(json.dumps(item.to_json(), ensure_ascii=False, sort_keys=False))
            else:
                counts = {k: sum(e.kind == k for e in item.evidence) for k in ("stance", "figure", "proposal", "event")}
                table.add_row(
                    item.document.id,
                    (item.document.source.title or item.document.source.location)[:60],
                    *(str(counts[k]) for k in counts),
                    item.duplicate_of or "",
                )
        if fmt is IngestFormat.TABLE:
            out().print(table)
        for head, members in index.clusters().items():
            copies = ", ".join(where[m] for m in members[1:])
            err().print(f"near-duplicates of {where[head]} ({head}): {copies}", highlight=False, soft_wrap=True)
    if skipped:
        raise PeacetalksError(f"{len(skipped)} input(s) could not be read (listed above); the others were processed")
