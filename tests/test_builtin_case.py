"""The built-in Russia–Ukraine case: loads cleanly and holds what a user would check first."""

from __future__ import annotations

import datetime as dt
import importlib.resources
from collections import defaultdict

import pytest

from peacetalks.case import Case, CodedBy, load_case_path

CASE_ID = "russia-ukraine"

REQUIRED_ACTORS = {
    "ukraine", "russia", "united-states", "eu", "uk", "france", "germany", "turkey", "china",
    "saudi-arabia", "un", "osce",
}
PERSONS = {
    "zelensky": "ukraine",
    "putin": "russia",
    "dmitriev": "russia",
    "erdogan": "turkey",
    "trump": "united-states",
    "witkoff": "united-states",
}
REQUIRED_ISSUES = {
    "territory-crimea", "territory-donetsk", "territory-luhansk", "territory-zaporizhzhia",
    "territory-kherson", "nato-neutrality", "security-guarantees", "army-limits",
    "demilitarised-zone", "sanctions-relief", "frozen-assets-reparations",
    "accountability-amnesty", "prisoners-humanitarian", "ceasefire-sequencing",
}
REQUIRED_PROPOSALS = {
    "peace-formula", "china-12-points", "russia-june-2024-terms", "istanbul-2022",
    "us-28-point", "us-ukraine-20-point", "ceasefire-current-line", "black-sea-grain-initiative",
}
MAIN_ACTORS = ("ukraine", "russia", "united-states")


@pytest.fixture(scope="module")
def case() -> Case:
    path = importlib.resources.files("peacetalks") / "data" / "cases" / CASE_ID
    return load_case_path(str(path))


def test_case_metadata(case: Case) -> None:
    assert case.id == CASE_ID
    assert case.as_of == dt.date(2026, 3, 13)
    assert case.description


def test_required_actors_and_persons(case: Case) -> None:
    ids = {a.id for a in case.actors}
    assert ids >= REQUIRED_ACTORS
    assert len(case.actors) >= 12
    for person, state in PERSONS.items():
        actor = case.actor(person)
        assert actor.kind == "person"
        assert actor.member_of == state
    assert case.actor("ukraine").role == "party"
    assert case.actor("russia").role == "party"
    assert case.actor("turkey").role == "mediator"


def test_aliases_for_ingestion(case: Case) -> None:
    assert "Kyiv" in case.actor("ukraine").aliases
    assert "Kremlin" in case.actor("russia").aliases
    assert "Zelenskyy" in case.actor("zelensky").aliases
    assert "Türkiye" in case.actor("turkey").aliases


def test_issues_have_scales_with_anchors_and_terms(case: Case) -> None:
    ids = {i.id for i in case.issues}
    assert ids >= REQUIRED_ISSUES
    assert len(case.issues) >= 10
    for issue in case.issues:
        assert len(issue.scale.anchors) >= 3, issue.id
        assert issue.scale.min == 0 and issue.scale.max == 100, issue.id
        assert issue.terms, issue.id
        assert "100" in issue.description, issue.id  # the scale convention is spelled out


def test_main_actors_cover_every_issue_over_time(case: Case) -> None:
    dates: dict[tuple[str, str], set[dt.date]] = defaultdict(set)
    for pos in case.positions:
        dates[pos.actor, pos.issue].add(pos.as_of)
    for actor in MAIN_ACTORS:
        for issue in case.issues:
            seen = dates[actor, issue.id]
            assert len(seen) >= 3, f"{actor} on {issue.id}: only {sorted(seen)}"
            assert all(dt.date(2022, 1, 1) <= d <= dt.date(2026, 12, 31) for d in seen), (actor, issue.id)


def test_other_actors_have_positions(case: Case) -> None:
    with_positions = {p.actor for p in case.positions}
    assert {"eu", "uk", "turkey", "china"} <= with_positions


def test_every_position_is_sourced_and_explained(case: Case) -> None:
    source_ids = {s.id for s in case.sources}
    for pos in case.positions:
        where = f"{pos.actor}/{pos.issue}/{pos.as_of}"
        assert pos.sources, where
        assert set(pos.sources) <= source_ids, where
        assert pos.rationale and pos.rationale.strip(), where
        if pos.coded_by is CodedBy.ANALYST:
            assert len(pos.rationale) > 20, where
        assert pos.as_of <= case.as_of, where


def test_snapshots_show_movement_on_territory_and_nato(case: Case) -> None:
    early = case.snapshot("2022-04-01")
    late = case.snapshot("2026-03-01")
    for actor in ("ukraine", "russia"):
        for issue in ("territory-donetsk", "nato-neutrality"):
            before = early.record(actor, issue)
            after = late.record(actor, issue)
            assert before is not None and after is not None, (actor, issue)
            assert before.position != after.position, (actor, issue)
            assert before.sources and after.sources, (actor, issue)


def test_required_proposals(case: Case) -> None:
    ids = {p.id for p in case.proposals}
    assert ids >= REQUIRED_PROPOSALS
    issue_ids = {i.id for i in case.issues}
    for pid in REQUIRED_PROPOSALS:
        proposal = case.proposal(pid)
        assert proposal.sources, pid
        assert proposal.provisions, pid
        assert proposal.positions, pid
        assert set(proposal.positions) <= issue_ids, pid
        assert proposal.summary, pid


def test_sequenced_proposals_have_phases(case: Case) -> None:
    for pid in ("us-28-point", "us-ukraine-20-point", "black-sea-grain-initiative"):
        assert case.proposal(pid).phases, pid
    ceasefire = [p for p in case.proposal("us-28-point").phases if "ceasefire" in p.name.lower()]
    assert ceasefire and ceasefire[0].conditions


def test_every_source_has_a_url(case: Case) -> None:
    assert case.sources
    for source in case.sources:
        assert source.url, source.id
        assert source.url.startswith(("http://", "https://")), source.id


def test_events_timeline(case: Case) -> None:
    assert len(case.events) >= 30
    source_ids = {s.id for s in case.sources}
    for event in case.events:
        assert event.sources and set(event.sources) <= source_ids, event.id
    dates = [e.date for e in case.events]
    assert min(dates) < dt.date(2022, 1, 1) and max(dates) >= dt.date(2026, 1, 1)


def test_indicators(case: Case) -> None:
    by_actor: dict[str | None, list[str]] = defaultdict(list)
    for indicator in case.indicators:
        by_actor[indicator.actor].append(indicator.id)
        for obs in indicator.series:
            assert obs.sources, indicator.id
            assert obs.date <= case.as_of, indicator.id
    assert any(i.startswith("ua-poll") for i in by_actor["ukraine"])  # Ukrainian polls
    assert any(i.startswith("ru-poll") for i in by_actor["russia"])  # Russian polls
    occupied = case.indicator("ua-territory-under-russian-control")
    assert occupied.unit.startswith("percent") and len(occupied.series) >= 2
    monthly = case.indicator("russian-territorial-gains-monthly")
    assert "month" in monthly.unit and len(monthly.series) >= 2
