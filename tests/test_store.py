"""The store on SQLite and on a real PostgreSQL server (tests/pg.py starts one)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event

from peacetalks.case.types import (
    Actor,
    ActorKind,
    ActorRole,
    Anchor,
    Case,
    CodedBy,
    Confidence,
    Event,
    Indicator,
    Issue,
    Observation,
    Parameter,
    Position,
    Proposal,
    ProposalStance,
    ProposalStatus,
    Provision,
    Range,
    Scale,
    Source,
    SourceKind,
    Uncertainty,
)
from peacetalks.errors import StoreError
from peacetalks.store import Store, default_url
from peacetalks.store.schema import positions, sources

D = dt.date


def _position(
    actor: str, issue: str, when: D, value: float, *, sources: tuple[str, ...] = ("s-talks",),
    coded_by: CodedBy = CodedBy.SOURCE, **extra: Any,
) -> Position:
    fields: dict[str, Any] = {"salience": 80.0, "capability": 60.0, **extra}
    return Position(actor=actor, issue=issue, as_of=when, position=value, sources=sources,
                    coded_by=coded_by, **fields)


def make_case(**changes: Any) -> Case:
    """A small case in the shape of a real one: two parties and a mediator, two issues,
    positions that move over time, and something in every other section."""
    scale = Scale(anchors=(Anchor(value=0, label="full withdrawal"), Anchor(value=100, label="all held")))
    fields: dict[str, Any] = {
        "id": "north-south",
        "name": "North–South talks",
        "as_of": D(2025, 3, 1),
        "description": "A test case with the structure of a real negotiation.",
        "sources": (
            Source(id="s-talks", title="Delegations meet", kind=SourceKind.NEWS, outlet="Wire",
                   url="https://example.org/talks", published=D(2024, 2, 1), reliability="B"),
            Source(id="s-plan", title="Ten-point plan", kind=SourceKind.OFFICIAL,
                   published=D(2024, 6, 10), reliability="A", note="Full text in annex."),
            Source(id="s-poll", title="Opinion poll", kind=SourceKind.POLL, author="Institute"),
        ),
        "actors": (
            Actor(id="north", name="North", kind=ActorKind.STATE, role=ActorRole.PARTY, aliases=("N",)),
            Actor(id="south", name="South", kind=ActorKind.STATE, role=ActorRole.PARTY),
            Actor(id="broker", name="Broker", kind=ActorKind.STATE, role=ActorRole.MEDIATOR),
        ),
        "issues": (
            Issue(id="territory", name="Territory", category="land", description="Where the line runs.",
                  scale=scale),
            Issue(id="guarantees", name="Security guarantees", category="security",
                  description="Who guarantees the deal.", scale=scale, terms=("guarantee",)),
        ),
        "positions": (
            _position("north", "territory", D(2024, 2, 1), 0.1 + 0.2),
            _position("north", "territory", D(2024, 9, 1), 100 / 3, salience=90.5),
            _position("south", "territory", D(2024, 2, 1), 95.0, capability=70.125),
            _position("south", "guarantees", D(2024, 6, 10), 80.0, sources=("s-plan", "s-talks"),
                      confidence=Confidence.HIGH),
            _position("broker", "territory", D(2024, 6, 10), 55.5, coded_by=CodedBy.ANALYST,
                      sources=(), rationale="Inferred from the broker's plan.",
                      uncertainty=Uncertainty(position=Range(low=45, high=65))),
            _position("north", "guarantees", D(2024, 2, 1), 10.0),
        ),
        "proposals": (
            Proposal(id="plan", name="Ten-point plan", date=D(2024, 6, 10), status=ProposalStatus.PROPOSED,
                     authors=("broker",), sources=("s-plan",),
                     positions={"territory": ProposalStance(position=60.0, rationale="Freeze")},
                     provisions=(Provision(ref="1", text="Freeze the line.", issue="territory"),)),
        ),
        "events": (
            Event(id="e1", date=D(2024, 2, 1), title="First round", kind="talks", actors=("north", "south"),
                  sources=("s-talks",)),
        ),
        "indicators": (
            Indicator(id="support", name="Support for talks", unit="%", actor="north",
                      series=(Observation(date=D(2024, 5, 1), value=41.7, low=39.0, high=44.4,
                                          sources=("s-poll",)),)),
        ),
        "parameters": (
            Parameter(id="shock", description="Monthly shock", distribution="normal",
                      params={"mean": 0.0, "sd": 2.5}, coded_by=CodedBy.ANALYST, rationale="Judgement."),
        ),
    }
    fields.update(changes)
    return Case(**fields)


def changed_case(first: Case) -> Case:
    """The next import of the case: one stance revised, one dropped, one added, a new source."""
    revised = [
        p.model_copy(update={"position": 40.0}) if (p.actor, p.as_of) == ("north", D(2024, 9, 1)) else p
        for p in first.positions
        if not (p.actor == "north" and p.issue == "guarantees")
    ]
    added = _position("south", "territory", D(2025, 2, 1), 90.25, sources=("s-new",))
    new_source = Source(id="s-new", title="Second round", kind=SourceKind.NEWS, published=D(2025, 2, 1))
    # The new position goes in front so that the order of the kept ones shifts too.
    return make_case(positions=(added, *revised), sources=(*first.sources, new_source))


# Fixtures ------------------------------------------------------------------------------------


@pytest.fixture
def blank_store(store_url: str) -> Iterator[Store]:
    with Store.open(store_url) as store:
        yield store


@pytest.fixture
def store(blank_store: Store) -> Store:
    blank_store.init()
    return blank_store


def _history(store: Store, case: Case) -> list[Any]:
    return [
        store.position_history(case.id, actor.id, issue.id) for actor in case.actors for issue in case.issues
    ]


# Lifecycle -----------------------------------------------------------------------------------


def test_init_is_idempotent(blank_store: Store) -> None:
    assert not blank_store.is_initialised()
    blank_store.init()
    blank_store.save_case(make_case())
    blank_store.init()
    assert blank_store.is_initialised()
    assert blank_store.has_case("north-south")


def test_uninitialised_store_says_how_to_initialise_it(blank_store: Store) -> None:
    for call in (blank_store.list_cases, lambda: blank_store.load_case("x"), blank_store.runs):
        with pytest.raises(StoreError, match=r"is not initialised: run `peacetalks db init`"):
            call()


def test_store_from_another_schema_version_is_refused(store: Store, store_url: str) -> None:
    from sqlalchemy import create_engine, update

    from peacetalks.store.schema import schema_info
    from peacetalks.store.urls import parse_url

    engine = create_engine(parse_url(store_url))
    with engine.begin() as conn:
        conn.execute(update(schema_info).values(value="999"))
    engine.dispose()
    with Store.open(store_url) as reopened, pytest.raises(StoreError, match="schema version 999"):
        reopened.list_cases()


# Cases ---------------------------------------------------------------------------------------


def test_round_trip_is_exact(store: Store) -> None:
    case = make_case()
    result = store.save_case(case)
    assert (result.status, result.added) == ("created", len(case.positions))
    assert str(result) == "case 'north-south' created: 6 positions"
    loaded = store.load_case(case.id)
    assert loaded == case
    assert loaded.content_hash == case.content_hash
    assert loaded.positions[0].position == 0.1 + 0.2  # floats exactly, not rounded
    assert store.load_case(case.id).positions[1].position == 100 / 3


def test_columns_cover_every_field_of_sources_and_positions() -> None:
    # A field added to Source or Position without a column would be lost on the way through.
    assert set(Source.model_fields) - {"id"} <= set(sources.c.keys())
    assert set(Position.model_fields) <= set(positions.c.keys())


def test_saving_the_same_content_writes_nothing(store: Store) -> None:
    case = make_case()
    store.save_case(case)
    before = store.list_cases()
    assert store.save_case(make_case()).status == "unchanged"
    assert store.list_cases() == before
    assert _history(store, case) == _history(store, store.load_case(case.id))


def test_other_content_needs_replace(store: Store) -> None:
    case = make_case()
    store.save_case(case)
    with pytest.raises(StoreError, match=r"already stored with different content; pass replace=True"):
        store.save_case(changed_case(case))
    assert store.load_case(case.id) == case


def test_replace_keeps_the_history(store: Store) -> None:
    first = make_case()
    store.save_case(first)
    [original] = store.position_history(first.id, "north", "guarantees")
    second = changed_case(first)

    result = store.save_case(second, replace=True)

    assert str(result) == "case 'north-south' replaced: 4 positions kept, 2 superseded, 2 added"
    assert store.load_case(first.id) == second
    # Dropped: still in the history, superseded by the save.
    [dropped] = store.position_history(first.id, "north", "guarantees")
    assert dropped.position == original.position
    assert dropped.recorded_at == original.recorded_at
    assert dropped.superseded_at is not None and dropped.superseded_at > dropped.recorded_at
    # Revised: both versions, the old one superseded when the new one was recorded.
    territory = store.position_history(first.id, "north", "territory")
    assert [(h.position.as_of, h.position.position) for h in territory] == [
        (D(2024, 2, 1), 0.1 + 0.2), (D(2024, 9, 1), 100 / 3), (D(2024, 9, 1), 40.0)
    ]
    assert territory[0].superseded_at is None  # unchanged, kept as it was
    assert territory[1].superseded_at == territory[2].recorded_at
    assert territory[2].superseded_at is None
    [listed] = store.list_cases()
    assert (listed.content_hash, listed.positions) == (second.content_hash, len(second.positions))


def test_load_as_recorded_at_an_earlier_time(store: Store) -> None:
    first = make_case()
    store.save_case(first)
    between = dt.datetime.now(dt.UTC)
    second = changed_case(first)
    store.save_case(second, replace=True)

    assert store.load_case(first.id, recorded_at=between).positions == first.positions
    assert store.load_case(first.id, recorded_at=dt.datetime.now(dt.UTC)).positions == second.positions
    naive_utc = between.replace(tzinfo=None)
    assert store.load_case(first.id, recorded_at=naive_utc).positions == first.positions
    with pytest.raises(StoreError, match="was not yet stored"):
        store.load_case(first.id, recorded_at=between - dt.timedelta(days=1))


def test_failed_replace_leaves_the_store_as_it_was(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    first = make_case()
    store.save_case(first)
    history = _history(store, first)
    listed = store.list_cases()
    written: list[str] = []

    # Fail the save at the database, on its last step (the sources), after it has already
    # superseded, inserted and updated rows.
    def fail_on_sources(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO SOURCES"):
            raise RuntimeError("disk full")
        written.append(statement.split(None, 1)[0].upper())

    event.listen(Engine, "before_cursor_execute", fail_on_sources)
    try:
        with pytest.raises(RuntimeError, match="disk full"):
            store.save_case(changed_case(first), replace=True)
    finally:
        event.remove(Engine, "before_cursor_execute", fail_on_sources)

    assert {"UPDATE", "INSERT", "DELETE"} <= set(written)  # it really failed half-way
    assert store.load_case(first.id) == first
    assert _history(store, first) == history
    assert store.list_cases() == listed


def test_list_and_delete(store: Store) -> None:
    assert store.list_cases() == []
    case = make_case()
    other = make_case(id="other", name="Other talks", positions=case.positions[:2])
    store.save_case(case)
    store.save_case(other)
    store.record_run(case, kind="median", parameters={}, seed=None, result={})

    listed = store.list_cases()
    assert [(c.id, c.name, c.as_of, c.positions) for c in listed] == [
        ("north-south", "North–South talks", D(2025, 3, 1), 6), ("other", "Other talks", D(2025, 3, 1), 2)
    ]
    assert listed[0].content_hash == case.content_hash
    assert listed[0].saved_at.tzinfo is not None

    store.delete_case("north-south")
    assert not store.has_case("north-south")
    assert [c.id for c in store.list_cases()] == ["other"]
    assert len(store.runs("north-south")) == 1  # runs outlive their case
    with pytest.raises(StoreError, match=r"no case 'north-south' in the store; stored cases: other"):
        store.delete_case("north-south")


def test_unknown_case_lists_the_stored_ones(store: Store) -> None:
    store.save_case(make_case())
    with pytest.raises(StoreError, match=r"no case 'nope' in the store; stored cases: north-south"):
        store.load_case("nope")
    with pytest.raises(StoreError, match=r"no case 'nope'"):
        store.position_history("nope", "north", "territory")


# Runs ----------------------------------------------------------------------------------------


def test_runs_registry(store: Store) -> None:
    case = make_case()
    other = make_case(id="other")
    first = store.record_run(case, kind="expected-utility", parameters={"rounds": 5, "q": 0.5},
                             seed=2**40, result={"outcome": {"territory": 47.25}})
    second = store.record_run(other, kind="median", parameters={}, seed=None, result={"x": [1, 2]})

    runs = store.runs()
    assert [r.id for r in runs] == [first, second]
    run = store.runs("north-south")[0]
    assert (run.case_id, run.case_hash, run.kind) == ("north-south", case.content_hash, "expected-utility")
    assert (run.parameters, run.seed, run.result) == ({"rounds": 5, "q": 0.5}, 2**40,
                                                      {"outcome": {"territory": 47.25}})
    assert run.version == version("peacetalks")
    assert run.created_at.tzinfo is not None
    assert abs(dt.datetime.now(dt.UTC) - run.created_at) < dt.timedelta(minutes=5)
    assert [r.id for r in store.runs("other")] == [second]


def test_runs_refuse_what_json_cannot_hold(store: Store) -> None:
    with pytest.raises(StoreError, match="cannot be stored as JSON"):
        store.record_run(make_case(), kind="x", parameters={"q": float("nan")}, seed=1, result={})
    with pytest.raises(StoreError, match="cannot be stored as JSON"):
        store.record_run(make_case(), kind="x", parameters={}, seed=1, result={"when": D(2024, 1, 1)})
    assert store.runs() == []


# Opening -------------------------------------------------------------------------------------


def test_unreachable_server_names_the_url_without_the_password() -> None:
    with pytest.raises(StoreError) as caught:
        Store.open("postgresql://analyst:s3cret@127.0.0.1:1/peacetalks")
    message = str(caught.value)
    assert "cannot connect to the store at postgresql+psycopg://analyst:***@127.0.0.1:1/peacetalks" in message
    assert "s3cret" not in message
    assert "Connection refused" in message  # the driver's own words


def test_bad_urls_say_what_to_give() -> None:
    with pytest.raises(StoreError, match="no database driver"):
        Store.open("nosuchdb://somewhere/x")
    with pytest.raises(StoreError, match=r"cannot read the store URL"):
        Store.open("sqlite://:::bad")
    with pytest.raises(StoreError, match=r"cannot connect to the store at sqlite:///.*missing"):
        Store.open("sqlite:////nonexistent-folder/missing/x.db")


def test_default_url(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PEACETALKS_DB", "postgresql://db.example/peacetalks")
    assert default_url() == "postgresql://db.example/peacetalks"
    monkeypatch.delenv("PEACETALKS_DB")
    monkeypatch.setattr("platformdirs.user_data_dir", lambda app: str(tmp_path / "data" / app))
    assert default_url() == f"sqlite:///{tmp_path / 'data' / 'peacetalks' / 'peacetalks.db'}"
    assert (tmp_path / "data" / "peacetalks").is_dir()


def test_a_plain_path_is_a_sqlite_file(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "plain.db")) as store:
        store.init()
        store.save_case(make_case())
        assert store.url == store.url_for_display == f"sqlite:///{tmp_path / 'plain.db'}"
    assert (tmp_path / "plain.db").exists()


def test_url_for_display_hides_the_password(postgres: Any) -> None:
    with postgres.database() as url:
        # The throwaway server trusts local logins, so any password gets in.
        with_password = url.replace("postgres@", "postgres:s3cret@")
        with Store.open(with_password) as store:
            assert store.url == with_password.replace("postgresql://", "postgresql+psycopg://")
            assert "s3cret" not in store.url_for_display and ":***@" in store.url_for_display
            with pytest.raises(StoreError) as caught:
                store.list_cases()
            assert "s3cret" not in str(caught.value)
