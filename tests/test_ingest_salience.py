"""Salience changes proposed from the words of articles, and accepted into the case, on SQLite
and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from builtincase import case, lexicon
from peacetalks.cli import app
from peacetalks.ingest.extract import extract
from peacetalks.ingest.salience import cues
from peacetalks.ingest.types import Document, SourceInfo
from peacetalks.ingest.updates import ProposedUpdate, propose
from peacetalks.store import Store

MARCH_10 = dt.date(2026, 3, 10)


def salience_updates(text: str, published: dt.date | None = MARCH_10) -> list[ProposedUpdate]:
    doc = Document(SourceInfo("a.txt", "text", published=published), text)
    return [u for u in propose(case(), doc, extract(doc, lexicon()), lexicon=lexicon()) if u.kind == "salience"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Donbas is a red line for Moscow.", [("salience/red-line", 10)]),
        ("Crimea is no longer a red line.", [("salience/red-line/negated", -10)]),
        ("Neutrality is non-negotiable, Peskov said.", [("salience/non-negotiable", 10)]),
        ("Ukraine will never recognise Crimea as Russian.", [("salience/never", 10)]),
        ("Security guarantees are our top priority.", [("salience/top-priority", 10)]),
        ("Sanctions relief is not a priority for Washington.", [("salience/not-a-priority", -10)]),
        ("Elections are a secondary question.", [("salience/secondary", -10)]),
        ("Kyiv is ready to discuss a demilitarised zone.", [("salience/ready-to-discuss", -5)]),
        ("Kyiv is not ready to discuss territory.", [("salience/ready-to-discuss/negated", 5)]),
        ("The US threatened secondary sanctions on buyers of Russian oil.", []),
        ("Drones hit vital infrastructure near Kyiv.", []),
    ],
)
def test_cues(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert [(rule, step) for rule, step, _, _ in cues(sentence)] == expected


def test_a_red_line_raises_the_salience_in_force_with_its_sentence_and_rule() -> None:
    [update] = salience_updates("Zelensky said Crimea is a red line for Ukraine.")
    in_force = case().history("ukraine", "territory-crimea")[-1]
    assert (update.actor, update.issue, update.as_of) == ("ukraine", "territory-crimea", MARCH_10)
    assert update.payload["current"]["salience"] == in_force.salience
    assert update.payload["proposed"] == {"salience": in_force.salience + 10}
    assert update.payload["moved_by"] == ["salience/red-line"]
    assert update.payload["sentence"] == "Zelensky said Crimea is a red line for Ukraine."
    assert f"salience {in_force.salience:g} → {in_force.salience + 10:g} (+10)" in update.summary
    assert "salience/red-line (+10): “red line”" in update.summary


def test_a_stance_sentence_attributes_the_cue_to_its_actor_and_issue() -> None:
    [update] = salience_updates("Kyiv is ready to discuss a demilitarised zone with Russia.")
    assert (update.actor, update.issue, update.payload["step"]) == ("ukraine", "demilitarised-zone", -5)
    assert update.evidence, "the stance item it rests on is cited"
    assert update.payload["rules"][0]["confidence"] == 0.6


def test_the_strongest_step_each_way_counts_and_the_scale_is_bounded() -> None:
    # 95 in force: a red line (+10) and "ready to discuss" (-5) in one article give +5, capped at 100
    # (the example in docs/ingest.md)
    text = "Russia insists that Donetsk is a red line. Russia is ready to discuss Donetsk only after a ceasefire."
    [update] = salience_updates(text)
    assert (update.actor, update.issue) == ("russia", "territory-donetsk")
    assert update.payload["moved_by"] == ["salience/red-line", "salience/ready-to-discuss"]
    assert update.payload["proposed"] == {"salience": 100.0} and update.payload["step"] == 5
    assert "salience 95 → 100 (+5) since 2026-01-24, position 95 kept" in update.summary
    # a second strong raise adds nothing: the strongest step each way counts
    stronger = salience_updates(text + " Peskov said Russia's claim to Donetsk is non-negotiable.")
    assert [u.payload["step"] for u in stronger] == [5]


def test_no_proposal_without_a_position_in_force_a_speaker_or_a_move() -> None:
    assert salience_updates("Crimea is a red line.") == []  # whose?
    assert salience_updates("India said sanctions relief is a red line.") == []  # India has no position on it
    # two speakers: each clause's cue goes to its own speaker, and Kyiv's names the issue only as "it"
    two = salience_updates("Russia said Donetsk is a red line and Kyiv said it is a red line.")
    assert [(u.actor, u.issue) for u in two] == [("russia", "territory-donetsk")]
    # the issue named is in another clause; the cue is inside a condition
    assert salience_updates("Zelensky's adviser said any pause must be a full ceasefire, adding that Ukraine will "
                            "never recognise the annexation as legal.") == []
    assert salience_updates("Moscow was open to a deal on the Zaporizhzhia nuclear plant if Kyiv dropped its "
                            "claim to the left bank of the Dnipro.") == []
    assert salience_updates("Russia called Donetsk non-negotiable.", published=dt.date(2026, 3, 1))[0].payload[
        "current"
    ]["salience"] == 95  # as of the article's date


# Through the command line, on both stores ------------------------------------------------------

INSISTS = [
    ("2026-03-01", "The Kremlin insists on Ukraine's neutrality, Peskov told reporters in Moscow."),
    ("2026-03-09", "Lavrov said Russia insists on neutrality for Ukraine as a condition of any settlement."),
    ("2026-03-20", "Russia again demanded Ukraine's neutrality, a senior diplomat said at the United Nations."),
    ("2026-03-25", "Moscow insists on neutrality, the foreign ministry repeated on its website."),
]


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def write_article(folder: Path, name: str, date: str, body: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(
        f"<html><head><title>{name}</title><meta property=\"article:published_time\" content=\"{date}\"></head>"
        f"<body><article><p>{body}</p></article></body></html>",
        encoding="utf-8",
    )


def pending(db: str) -> list[dict[str, Any]]:
    result = run("review", "--format", "json", "--db", db)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.fixture
def db(store_url: str) -> str:
    assert run("db", "init", "--db", store_url).exit_code == 0
    return store_url


def test_insistence_repeated_across_articles_raises_salience_once(db: str, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    for k, (date, body) in enumerate(INSISTS):
        write_article(folder, f"{k}.html", date, body)
    assert run("ingest", str(folder), "--case", "russia-ukraine", "--db", db).exit_code == 0
    [repeated] = [u for u in pending(db) if u["kind"] == "salience"]
    assert (repeated["actor"], repeated["issue"], repeated["as_of"]) == ("russia", "nato-neutrality", "2026-03-20")
    assert repeated["payload"]["moved_by"] == ["salience/repeated"]
    assert "3 articles in 30 days" in repeated["summary"]
    assert len(repeated["payload"]["also_documents"]) == 2

    assert run("accept", str(repeated["id"]), "--db", db).exit_code == 0
    with Store.open(db) as store:
        updated = store.load_case("russia-ukraine")
    latest = updated.history("russia", "nato-neutrality")[-1]
    before = case().history("russia", "nato-neutrality")[-1]
    assert (latest.as_of, latest.position, latest.capability) == (dt.date(2026, 3, 20), before.position,
                                                                   before.capability)
    assert latest.salience == min(100, before.salience + 5)
    assert (latest.coded_by.value, latest.confidence.value) == ("analyst", "low")
    assert "from news" in str(latest.rationale) and "salience/repeated" in str(latest.rationale)
    cited = {s.id: s for s in updated.sources if s.id in latest.sources}
    assert sorted(s.title for s in cited.values()) == ["0.html", "1.html", "2.html"]  # the three articles


def test_accepting_a_salience_change_and_a_restated_position_keeps_both(db: str, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    write_article(folder, "dmz.html", "2026-03-12",
                  "Ukraine insists on a demilitarised zone. Zelensky said the demilitarised zone is a red line.")
    assert run("ingest", str(folder), "--case", "russia-ukraine", "--db", db).exit_code == 0
    updates = pending(db)
    [sal] = [u for u in updates if u["kind"] == "salience"]
    [restated] = [u for u in updates if u["kind"] == "position" and u["issue"] == "demilitarised-zone"]
    before = case().history("ukraine", "demilitarised-zone")[-1]
    assert run("accept", str(sal["id"]), "--db", db).exit_code == 0
    assert run("accept", str(restated["id"]), "--db", db).exit_code == 0
    with Store.open(db) as store:
        latest = store.load_case("russia-ukraine").history("ukraine", "demilitarised-zone")[-1]
    assert (str(latest.as_of), latest.position, latest.salience) == ("2026-03-12", before.position,
                                                                     before.salience + 10)

    digest = run("digest", "russia-ukraine", "--since", "2026-03-01", "--db", db)
    assert f"salience {before.salience:g} → {before.salience + 10:g}" in digest.stdout


def test_the_issue_nearest_the_cue_takes_it_and_possessives_do_not_speak() -> None:
    found = salience_updates(
        "Zelensky said Kyiv is ready to discuss the Zaporizhzhia front, and that Crimea is not a priority."
    )
    assert sorted((u.actor, u.issue, u.payload["step"]) for u in found) == [
        ("ukraine", "territory-crimea", -10), ("ukraine", "territory-zaporizhzhia", -5)]
    [neutrality] = salience_updates("Dmitry Peskov said that Ukraine's neutrality is non-negotiable.")
    assert (neutrality.actor, neutrality.issue) == ("russia", "nato-neutrality")
    assert "(+5; +10 capped at 100)" in neutrality.summary  # 95 in force


WORDS = st.sampled_from(
    ["Russia", "Kyiv", "Zelensky", "Peskov", "Crimea", "Donetsk", "neutrality", "is", "a", "red line", "not",
     "no longer", "non-negotiable", "ready to discuss", "secondary", "priority", "insists on", "never", "'s",
     ",", ".", "\n", "and"]
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(text=st.lists(WORDS | st.text(max_size=6), max_size=40).map(" ".join))
def test_arbitrary_text_never_crashes_the_salience_rules(text: str) -> None:
    for rule, step, start, end in cues(text):
        assert rule.startswith("salience/") and step in (-10, -5, 5, 10) and 0 <= start < end <= len(text)
    for u in salience_updates(text):
        assert 0 <= u.payload["proposed"]["salience"] <= 100 and u.payload["step"] != 0
