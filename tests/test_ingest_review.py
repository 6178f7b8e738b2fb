"""Storing ingested evidence and reviewing the updates it proposes, through the CLI, on SQLite
and on PostgreSQL (the ``store_url`` fixture in conftest.py)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import create_engine, func, select, update
from typer.testing import CliRunner

from peacetalks.case.loading import load_case_path
from peacetalks.catalog import builtin_cases
from peacetalks.cli import app
from peacetalks.ingest import pipeline
from peacetalks.ingest.digest import Reported, digest
from peacetalks.store import Store
from peacetalks.store.schema import documents, evidence, proposed_updates, schema_info
from peacetalks.store.urls import parse_url

GENEVA = """<!doctype html><html><head><title>Geneva round ends</title>
<meta property="article:published_time" content="2026-03-10T08:00:00Z"></head><body><article>
<p>The Kremlin rejected the 20-point plan again, and Russia demands that Ukraine leave Donetsk.</p>
<p>Kyiv is willing to discuss a demilitarised zone provided Russia pulls back too.</p>
<p>Russia and Ukraine exchanged 157 prisoners of war on 9 March 2026.</p>
</article><footer>Leave a Comment</footer></body></html>"""

WIRE = (
    "Ukraine rejects any withdrawal from Kramatorsk, officials said on Monday, as envoys prepared for "
    "another round in Abu Dhabi. The Kremlin insists on Ukraine's neutrality and has warned against "
    "European troops. Analysts said about 19% of Ukraine remains occupied.\n"
)


def run(*args: str) -> Any:
    result = CliRunner().invoke(app, list(args))
    return result


@pytest.fixture
def db(store_url: str) -> str:
    assert run("db", "init", "--db", store_url).exit_code == 0
    return store_url


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a-geneva.html").write_text(GENEVA, encoding="utf-8")
    (folder / "b-wire.txt").write_text(WIRE, encoding="utf-8")
    # a syndicated rewrite of the same wire copy
    (folder / "c-wire-copy.txt").write_text(WIRE.replace("on Monday", "on Monday, 9 March"), encoding="utf-8")
    (folder / "d-other.txt").write_text(
        "Zelensky urged Washington to impose new sanctions on Rosneft.\n", encoding="utf-8"
    )
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\x00\x10JFIF")  # not read: folders take .txt/.md/.html only
    return folder


def counts(url: str) -> tuple[int, int, int]:
    engine = create_engine(parse_url(url))
    with engine.connect() as conn:
        found = tuple(
            conn.scalar(select(func.count()).select_from(t)) or 0 for t in (documents, evidence, proposed_updates)
        )
    engine.dispose()
    return found  # type: ignore[return-value]


def pending(db: str) -> list[dict[str, Any]]:
    result = run("review", "--format", "json", "--db", db)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_ingest_stores_evidence_and_proposes_updates_once(db: str, folder: Path) -> None:
    result = run("ingest", str(folder), "--case", "russia-ukraine", "--db", db)
    assert result.exit_code == 0, result.output
    assert "4 document(s) stored (1 near-duplicates linked" in " ".join(result.stderr.split())
    first = counts(db)
    updates = pending(db)
    kinds = sorted((u["kind"], u["actor"], u["issue"]) for u in updates)
    assert ("event", None, None) in kinds
    assert ("position", "russia", "territory-donetsk") in kinds
    assert ("position", "ukraine", "territory-donetsk") in kinds
    # the near-duplicate proposed nothing of its own: one update per (actor, issue) of the wire story
    assert sum(1 for k in kinds if k == ("position", "ukraine", "territory-donetsk")) == 1
    geneva = next(u for u in updates if u["issue"] == "demilitarised-zone")
    assert geneva["as_of"] == "2026-03-10"  # the article's date, from its HTML metadata
    assert geneva["payload"]["may_have_moved"] is True  # a conditional offer

    again = run("ingest", str(folder), "--case", "russia-ukraine", "--db", db)
    assert again.exit_code == 0
    assert counts(db) == first
    assert "0 document(s) stored" in again.stderr and "4 already stored" in " ".join(again.stderr.split())


def test_interrupted_folder_ingest_resumes_without_duplicates_or_losses(
    db: str, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clean = f"sqlite:///{tmp_path / 'clean.db'}"
    run("db", "init", "--db", clean)
    assert run("ingest", str(folder), "--case", "russia-ukraine", "--db", clean).exit_code == 0

    real = pipeline.extract
    seen: list[str] = []

    def dies_on_third(doc: Any, lexicon: Any, **options: Any) -> Any:
        seen.append(doc.id)
        if len(seen) == 3:
            raise KeyboardInterrupt
        return real(doc, lexicon, **options)

    monkeypatch.setattr(pipeline, "extract", dies_on_third)
    interrupted = run("ingest", str(folder), "--case", "russia-ukraine", "--db", db)
    assert interrupted.exit_code != 0
    assert counts(db)[0] == 2  # whole documents only
    monkeypatch.setattr(pipeline, "extract", real)
    assert run("ingest", str(folder), "--case", "russia-ukraine", "--db", db).exit_code == 0
    assert counts(db) == counts(clean)


def test_accept_and_reject(db: str, folder: Path) -> None:
    run("ingest", str(folder), "--case", "russia-ukraine", "--db", db)
    updates = pending(db)
    restated = next(u for u in updates if (u["actor"], u["issue"]) == ("russia", "territory-donetsk"))
    moved = next(u for u in updates if u["issue"] == "demilitarised-zone")
    event = next(u for u in updates if u["kind"] == "event")
    rejected = next(u for u in updates if (u["actor"], u["issue"]) == ("ukraine", "territory-donetsk"))

    result = run("accept", str(moved["id"]), "--db", db)
    assert result.exit_code == 1 and "needs --position" in result.stderr

    assert run("accept", str(restated["id"]), str(event["id"]), "--db", db).exit_code == 0
    assert run("accept", str(moved["id"]), "--position", "45", "--db", db).exit_code == 0
    assert run("reject", str(rejected["id"]), "--note", "not new", "--db", db).exit_code == 0
    again = run("accept", str(restated["id"]), "--db", db)
    assert again.exit_code == 1 and "already accepted" in again.stderr

    with Store.open(db) as store:
        case = store.load_case("russia-ukraine")
        decided = {u.id: u.status for u in store.updates(status=None)}
    assert decided[rejected["id"]] == "rejected" and decided[restated["id"]] == "accepted"
    [source] = [s for s in case.sources if s.title == "Geneva round ends"]
    donetsk = case.history("russia", "territory-donetsk")[-1]
    assert (str(donetsk.as_of), donetsk.sources, donetsk.coded_by.value) == ("2026-03-10", (source.id,), "analyst")
    assert donetsk.position == restated["payload"]["current"]["position"]  # restated, not moved
    dmz = case.history("ukraine", "demilitarised-zone")[-1]
    assert (dmz.position, dmz.confidence.value) == (45, "low")
    [new_event] = [e for e in case.events if e.sources == (source.id,)]
    assert (str(new_event.date), new_event.kind) == ("2026-03-09", "exchange")
    assert case.as_of >= dmz.as_of

    timeline = run("timeline", "russia-ukraine", "--since", "2026-03-09", "--format", "json", "--db", db)
    rows = json.loads(timeline.stdout)
    assert [r["what"] for r in rows if r["kind"] == "exchange" and r["date"] == "2026-03-09"] == ["event"]  # once

    digest = run("digest", "russia-ukraine", "--since", "2026-03-01", "--db", db)
    assert digest.exit_code == 0, digest.output
    assert "**Ukraine** on Demilitarised, buffer and free economic zones: 35 → 45 as of 2026-03-10" in digest.stdout
    assert "(Geneva round ends)" not in digest.stdout and "[Geneva round ends](" in digest.stdout
    assert "19%" in digest.stdout


def test_version_one_store_is_upgraded_by_db_init(db: str) -> None:
    url = db
    engine = create_engine(parse_url(url))
    with engine.begin() as conn:
        for table in (proposed_updates, evidence, documents):
            table.drop(conn)
        conn.execute(update(schema_info).values(value="1"))
    engine.dispose()
    refused = run("review", "--db", url)
    assert refused.exit_code == 1 and "run `peacetalks db init`" in refused.stderr
    assert run("import", "russia-ukraine", "--db", url).exit_code == 0  # cases are still served
    assert run("db", "init", "--db", url).exit_code == 0
    assert run("review", "--db", url).exit_code == 0
    with Store.open(url) as store:
        assert store.has_case("russia-ukraine")


def test_dry_run_json_contract(folder: Path) -> None:
    result = run(
        "ingest",
        str(folder / "a-geneva.html"),
        str(folder / "photo.jpg"),
        "--case",
        "russia-ukraine",
        "--format",
        "json",
        "--dry-run",
    )
    assert result.exit_code == 1 and "photo.jpg: looks like a binary file" in result.stderr  # the rest processed
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert set(record) == {"source", "evidence"}
    assert {"id", "location", "kind", "title", "published", "url", "duplicate_of", "cluster"} <= set(record["source"])
    required = {
        "kind",
        "actor_id",
        "actor_name",
        "issue_id",
        "issue_name",
        "stance",
        "polarity",
        "value",
        "unit",
        "text",
        "start",
        "end",
        "confidence",
        "sentence",
        "extractor",
    }
    assert all(required <= set(item) for item in record["evidence"])
    assert {item["kind"] for item in record["evidence"]} == {"stance", "figure", "proposal", "event"}
    assert record["source"]["title"] == "Geneva round ends" and record["source"]["published"] == "2026-03-10"


def test_missing_input_and_unknown_case_are_clear_errors(tmp_path: Path) -> None:
    missing = run("ingest", str(tmp_path / "nope.txt"), "--case", "russia-ukraine", "--dry-run")
    assert missing.exit_code == 1 and "no such file or folder" in missing.stderr
    unknown = run("ingest", str(tmp_path), "--case", "no-such-case", "--dry-run")
    assert unknown.exit_code == 1 and "Traceback" not in unknown.output


def test_poll_figures_become_indicator_points_and_new_positions_need_values(db: str, tmp_path: Path) -> None:
    article = tmp_path / "poll.html"
    article.write_text(
        "<html><head><title>New KIIS poll</title>"
        '<meta property="article:published_time" content="2026-03-12"></head><body><article>'
        "<p>A KIIS poll found that 41% of Ukrainians say Ukraine could give up some territory for a quick peace.</p>"
        "<p>India supports a ceasefire on the current front line.</p></article></body></html>",
        encoding="utf-8",
    )
    assert run("ingest", str(article), "--case", "russia-ukraine", "--db", db).exit_code == 0
    updates = pending(db)
    [point] = [u for u in updates if u["kind"] == "indicator"]
    assert point["payload"] == {"indicator": "ua-poll-could-concede-territory",
                                "observation": {"date": "2026-03-12", "value": 41.0}}
    [india] = [u for u in updates if u["actor"] == "india"]
    assert india["payload"]["current"] is None  # India has no position on the issue in the case

    missing = run("accept", str(india["id"]), "--position", "30", "--db", db)
    assert missing.exit_code == 1 and "needs --salience, --capability" in " ".join(missing.stderr.split())
    outside = run("accept", str(india["id"]), "--position", "130", "--salience", "20", "--capability", "5", "--db", db)
    assert outside.exit_code == 1 and "outside the issue's scale" in " ".join(outside.stderr.split())
    assert run("accept", str(point["id"]), "--db", db).exit_code == 0
    assert run("accept", str(india["id"]), "--position", "30", "--salience", "20", "--capability", "5",
               "--db", db).exit_code == 0
    with Store.open(db) as store:
        case = store.load_case("russia-ukraine")
    series = case.indicator("ua-poll-could-concede-territory").series
    assert (str(series[-1].date), series[-1].value) == ("2026-03-12", 41.0)
    [position] = case.history("india", india["issue"])
    assert (position.position, position.salience, position.capability) == (30, 20, 5)


def test_stored_evidence_is_in_date_order_on_every_store(db: str, folder: Path) -> None:
    assert run("ingest", str(folder), "--case", "russia-ukraine", "--db", db).exit_code == 0
    with Store.open(db) as store:
        found = store.stored_evidence("russia-ukraine")
        since = store.stored_evidence("russia-ukraine", since=dt.date(2026, 3, 11), kinds=["stance"], actor="ukraine")
    dates = [e.date for e in found]
    assert dates == sorted(dates) and dates[0] == dt.date(2026, 3, 10)  # the dated article, then those ingested today
    assert since and all(e.item["actor_id"] == "ukraine" and e.item["kind"] == "stance" for e in since)
    assert {e.document_id for e in since} < {e.document_id for e in found}  # the Geneva article is left out


def test_a_sentence_gives_one_point_per_indicator_and_word_forms_match() -> None:
    from peacetalks.case.loading import load_case_path
    from peacetalks.catalog import builtin_cases
    from peacetalks.ingest.extract import extract
    from peacetalks.ingest.lexicon import Lexicon
    from peacetalks.ingest.types import Document, SourceInfo
    from peacetalks.ingest.updates import propose

    case = load_case_path(builtin_cases()["russia-ukraine"])
    doc = Document(
        SourceInfo("poll.txt", "text", published=dt.date(2026, 3, 15)),
        "A KIIS poll found 41% of Ukrainians say Ukraine could give up some territory, up from 10% in 2022.\n"
        "A KIIS poll found 75% of Ukrainians reject the Russian plan.\n",
    )
    points = [u.payload for u in propose(case, doc, extract(doc, Lexicon(case))) if u.kind == "indicator"]
    assert [(p["indicator"], p["observation"]["value"]) for p in points] == [
        ("ua-poll-could-concede-territory", 41.0),  # not also the 10% of 2022
        ("ua-poll-reject-russian-plan", 75.0),  # "reject" matches "rejecting" in the indicator's name
    ]


def test_two_ingests_of_one_article_at_once_store_it_once_on_postgresql(postgres: Any, tmp_path: Path) -> None:
    import threading

    from peacetalks.case.loading import load_case_path
    from peacetalks.catalog import builtin_cases
    from peacetalks.ingest.lexicon import Lexicon

    case = load_case_path(builtin_cases()["russia-ukraine"])
    article = tmp_path / "wire.txt"
    article.write_text(WIRE, encoding="utf-8")
    [item] = list(pipeline.ingest([str(article)], Lexicon(case)))
    assert isinstance(item, pipeline.Ingested)
    with postgres.database() as url, Store.open(url) as store:
        store.init()
        engine = create_engine(parse_url(url))
        # The other ingest has inserted the document and not yet committed: this one's check
        # cannot see it, so it must wait for that commit and then skip, not fail.
        with engine.connect() as other:
            other.begin()
            other.execute(documents.insert().values(
                case_id=case.id, id=item.document.id, location="elsewhere", kind="text", text=item.document.text,
                signature=[], extractor_version="x", ingested_at=dt.datetime.now(dt.UTC)))  # fmt: skip
            outcome: list[bool] = []
            racer = threading.Thread(target=lambda: outcome.append(store.add_document(case.id, item, [])))
            racer.start()
            racer.join(timeout=1)
            assert racer.is_alive(), "the second insert waits for the first transaction"
            other.commit()
        racer.join(timeout=30)
        engine.dispose()
        assert outcome == [False]
        assert store.has_document(case.id, item.document.id)
        assert counts(url)[0] == 1


def test_two_processes_ingesting_into_one_store_both_finish(db: str, tmp_path: Path) -> None:
    data = Path(__file__).parent / "data" / "ingest"
    folders = []
    for name in ("heldout6", "heldout7"):
        folder = tmp_path / name
        folder.mkdir()
        for entry in yaml.safe_load((data / f"{name}.yaml").read_text(encoding="utf-8"))["texts"]:
            (folder / f"{name}-{entry['id']}.txt").write_text(entry["text"], encoding="utf-8")
        folders.append(folder)
    command = [sys.executable, "-m", "peacetalks", "ingest", "--case", "russia-ukraine", "--db", db]
    running = [subprocess.Popen([*command, str(f)], stderr=subprocess.PIPE, text=True) for f in folders]
    errors = [p.communicate(timeout=300)[1] for p in running]
    assert [p.returncode for p in running] == [0, 0], errors

    one_by_one = f"sqlite:///{tmp_path / 'sequential.db'}"
    run("db", "init", "--db", one_by_one)
    for folder in folders:
        assert run("ingest", str(folder), "--case", "russia-ukraine", "--db", one_by_one).exit_code == 0
    assert counts(db)[:2] == counts(one_by_one)[:2]  # every document and every item, once


def test_digest_lists_a_sentences_stance_once() -> None:
    # "demands for Ukraine … to recognize Russia's annexation of Crimea": two cues, one statement; another
    # sentence, or another stance in the same one, is a statement of its own
    case = load_case_path(builtin_cases()["russia-ukraine"])

    def said(sentence_start: int, stance: str, text: str) -> Reported:
        item = {"kind": "stance", "actor_id": "russia", "issue_id": "territory-crimea", "stance": stance,
                "polarity": "positive", "sentence_start": sentence_start, "text": text}  # fmt: skip
        return Reported(dt.date(2026, 3, 2), "A report", "https://example.org/a", False, item)

    reports = [said(0, "demand", "demands for"), said(0, "demand", "to recognize"), said(0, "reject", "rejects"),
               said(90, "demand", "demands")]  # fmt: skip
    listed = digest(case, reports, dt.date(2026, 3, 1)).stances[("russia", "territory-crimea")]
    statements = [(r.item["sentence_start"], r.item["stance"]) for r in listed]
    assert statements == [(0, "demand"), (0, "reject"), (90, "demand")]
