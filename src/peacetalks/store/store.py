"""The :class:`Store`: cases with bitemporal positions, and the analysis-run registry."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from importlib.metadata import PackageNotFoundError, version
from types import TracebackType
from typing import Any, Self

from pydantic import ValidationError
from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    delete,
    event,
    func,
    insert,
    inspect,
    select,
    update,
)
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, NoSuchModuleError, SQLAlchemyError

from peacetalks.case.types import Case, Position
from peacetalks.errors import StaleWriteError, StoreError
from peacetalks.store import convert
from peacetalks.store.evidence import EvidenceStore
from peacetalks.store.records import RunRecord, SaveResult, StoredCase, StoredPosition
from peacetalks.store.schema import (
    ADDITIVE_UPGRADES,
    SCHEMA_VERSION,
    case_versions,
    cases,
    metadata,
    positions,
    runs,
    schema_info,
    sources,
)
from peacetalks.store.urls import default_url, mask, parse_url

_INT64 = range(-(2**63), 2**63)


class Store(EvidenceStore):
    """A case store on SQLite or PostgreSQL. Open it with :meth:`open`; every write is one
    transaction, so a failed write leaves the store as it was.

    ``url`` is the store's URL as SQLAlchemy uses it, password included; ``url_for_display``
    masks the password, for messages and logs.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self.url = engine.url.render_as_string(hide_password=False)
        self.url_for_display = mask(engine.url)
        self._checked = False
        self._behind = False  # schema one additive upgrade behind: no ingestion tables yet

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Connect to the store at ``url`` (default: :func:`default_url`). Creates no tables."""
        parsed = parse_url(url or default_url())
        shown = mask(parsed)
        connect_args: dict[str, Any] = {}
        if parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
            connect_args["connect_timeout"] = 10  # libpq waits forever by default
        try:
            engine = create_engine(parsed, connect_args=connect_args)
        except (NoSuchModuleError, ImportError) as exc:  # unknown scheme, or psycopg not installed
            raise StoreError(
                f"cannot open the store at {shown}: no database driver for it ({exc}); "
                "use sqlite:///… or postgresql://… (PostgreSQL needs `pip install peacetalks[postgres]`)"
            ) from None
        except ArgumentError as exc:
            raise StoreError(f"cannot open the store at {shown}: {exc}") from None
        if engine.dialect.name == "sqlite":
            _sqlite_transactions(engine)
        try:
            with engine.connect():
                pass
        except SQLAlchemyError as exc:
            engine.dispose()
            what_to_check = (
                "that its folder exists and is writable" if engine.dialect.name == "sqlite"
                else "the URL, that the server runs and that the user may log in"
            )
            raise StoreError(
                f"cannot connect to the store at {shown}: {_reason(exc)}; check {what_to_check}"
            ) from None
        return cls(engine)

    # Lifecycle -----------------------------------------------------------------------------

    def init(self) -> None:
        """Create the tables that are missing and record the schema version. Safe to repeat."""
        with self._begin("initialise the store", check=False) as conn:
            metadata.create_all(conn)
            stored = _stored_version(conn)
            if stored is None:
                conn.execute(insert(schema_info).values(key="schema_version", value=str(SCHEMA_VERSION)))
            elif ADDITIVE_UPGRADES.get(stored) == str(SCHEMA_VERSION):  # create_all added the new tables
                conn.execute(update(schema_info).where(schema_info.c.key == "schema_version")
                             .values(value=str(SCHEMA_VERSION)))
            else:
                _require_version(stored, self.url_for_display)
        self._checked = True
        self._behind = False

    def is_initialised(self) -> bool:
        with self._begin("inspect the store", check=False) as conn:
            return inspect(conn).has_table(schema_info.name) and _stored_version(conn) is not None

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # Cases ---------------------------------------------------------------------------------

    def save_case(self, case: Case, *, replace: bool = False, expected_hash: str | None = None) -> SaveResult:
        """Store ``case``. Saving the same content again writes nothing. A case already stored
        with other content needs ``replace=True``: positions equal to stored current ones are
        kept, the other current ones are marked superseded, and the new ones are recorded now.

        ``expected_hash`` makes the save conditional: it raises :class:`StaleWriteError` unless
        the stored case still has that content hash (checked in the same transaction), so two
        editors who started from the same version cannot overwrite each other's change."""
        try:
            with self._begin(f"save case {case.id!r}") as conn:
                return _save_case(conn, case, replace=replace, now=_now(), expected_hash=expected_hash)
        except StoreError as exc:
            if not isinstance(exc.__cause__, IntegrityError):
                raise
        # A case not stored yet has no row to lock, so two processes saving it first can both
        # insert; the later one fails on the key and, once more, compares with what was stored.
        with self._begin(f"save case {case.id!r}") as conn:
            return _save_case(conn, case, replace=replace, now=_now(), expected_hash=expected_hash)

    def load_case(self, case_id: str, *, recorded_at: dt.datetime | None = None) -> Case:
        """The stored case, or with ``recorded_at`` its positions as the store knew them then
        (a naive datetime is read as UTC).

        Only positions are versioned: the rest of the case (actors, issues, sources, proposals…)
        is always the latest saved version, even when ``recorded_at`` is given.
        """
        with self._begin(f"load case {case_id!r}") as conn:
            row = conn.execute(select(cases).where(cases.c.id == case_id)).first()
            if row is None:
                raise _unknown_case(conn, case_id)
            wanted = select(case_versions.c.position_ids).where(case_versions.c.case_id == case_id)
            if recorded_at is not None:
                when = recorded_at if recorded_at.tzinfo else recorded_at.replace(tzinfo=dt.UTC)
                wanted = wanted.where(case_versions.c.saved_at <= when)
            ids = conn.scalar(wanted.order_by(case_versions.c.saved_at.desc(), case_versions.c.id.desc()))
            if ids is None:
                raise StoreError(
                    f"case {case_id!r} was not yet stored at {recorded_at}; it was first saved at "
                    f"{_first_saved(conn, case_id)}: ask for a later time"
                )
            by_id = {
                r.id: convert.position_from_row(r._mapping)
                for r in conn.execute(select(positions).where(positions.c.id.in_(ids)))
            }
            found = [
                convert.source_from_row(r._mapping)
                for r in conn.execute(
                    select(sources).where(sources.c.case_id == case_id).order_by(sources.c.ordinal)
                )
            ]
        try:
            return convert.build_case(row.document, found, [by_id[i] for i in ids])
        except ValidationError as exc:
            raise StoreError(
                f"stored case {case_id!r} no longer validates ({exc.error_count()} problems, first: "
                f"{exc.errors()[0]['msg']}); save it again from its case file with --replace"
            ) from None

    def has_case(self, case_id: str) -> bool:
        with self._begin("look up a case") as conn:
            return conn.scalar(select(cases.c.id).where(cases.c.id == case_id)) is not None

    def list_cases(self) -> list[StoredCase]:
        current = (
            select(positions.c.case_id, func.count().label("n"))
            .where(positions.c.superseded_at.is_(None))
            .group_by(positions.c.case_id)
            .subquery()
        )
        query = (
            select(cases, func.coalesce(current.c.n, 0).label("n"))
            .outerjoin(current, current.c.case_id == cases.c.id)
            .order_by(cases.c.id)
        )
        with self._begin("list cases") as conn:
            return [
                StoredCase(r.id, r.name, r.as_of, r.content_hash, r.saved_at, r.n)
                for r in conn.execute(query)
            ]

    def delete_case(self, case_id: str) -> None:
        """Remove a case with its sources and its whole position history. Its analysis runs
        stay in the registry."""
        with self._begin(f"delete case {case_id!r}") as conn:
            if conn.scalar(select(cases.c.id).where(cases.c.id == case_id)) is None:
                raise _unknown_case(conn, case_id)
            for table in (case_versions, positions, sources):
                conn.execute(delete(table).where(table.c.case_id == case_id))
            conn.execute(delete(cases).where(cases.c.id == case_id))

    def position_history(self, case_id: str, actor: str, issue: str) -> list[StoredPosition]:
        """Every version ever recorded of ``actor``'s positions on ``issue``, by valid date and
        then by when it was recorded."""
        query = (
            select(positions)
            .where(positions.c.case_id == case_id, positions.c.actor == actor, positions.c.issue == issue)
            .order_by(positions.c.as_of, positions.c.recorded_at, positions.c.id)
        )
        with self._begin(f"read the position history of case {case_id!r}") as conn:
            if conn.scalar(select(cases.c.id).where(cases.c.id == case_id)) is None:
                raise _unknown_case(conn, case_id)
            return [
                StoredPosition(convert.position_from_row(r._mapping), r.recorded_at, r.superseded_at)
                for r in conn.execute(query)
            ]

    # Analysis runs -------------------------------------------------------------------------

    def record_run(
        self, case: Case, *, kind: str, parameters: dict[str, Any], seed: int | None, result: dict[str, Any]
    ) -> int:
        """Register an analysis run of ``case`` with the case hash and the peacetalks version;
        returns the run's id. ``parameters`` and ``result`` must be JSON without NaN or infinity."""
        for name, value in (("parameters", parameters), ("result", result)):
            try:
                json.dumps(value, allow_nan=False)
            except (TypeError, ValueError) as exc:
                raise StoreError(
                    f"the run's {name} cannot be stored as JSON ({exc}); pass plain numbers, text, "
                    "lists and dicts (NumPy values: .tolist()), without NaN or infinity"
                ) from None
        if seed is not None and seed not in _INT64:
            raise StoreError(f"seed {seed} does not fit in 64 bits; record a smaller seed")
        row = {
            "case_id": case.id, "case_hash": case.content_hash, "kind": kind, "parameters": parameters,
            "seed": seed, "version": _peacetalks_version(), "result": result, "created_at": _now(),
        }
        with self._begin(f"record a {kind} run") as conn:
            run_id: int = conn.execute(insert(runs).values(row).returning(runs.c.id)).scalar_one()
        return run_id

    def runs(self, case_id: str | None = None) -> list[RunRecord]:
        """Recorded runs, oldest first; only those of ``case_id`` if given."""
        query = select(runs).order_by(runs.c.id)
        if case_id is not None:
            query = query.where(runs.c.case_id == case_id)
        with self._begin("list runs") as conn:
            return [RunRecord(**r._mapping) for r in conn.execute(query)]

    # Plumbing ------------------------------------------------------------------------------

    @contextmanager
    def _begin(self, doing: str, *, check: bool = True) -> Iterator[Connection]:
        """A transaction that turns driver errors into a StoreError saying what failed where."""
        try:
            with self._engine.begin() as conn:
                if check and not self._checked:
                    self._check_initialised(conn)
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"could not {doing} in the store at {self.url_for_display}: {_reason(exc)}") from exc

    def _check_initialised(self, conn: Connection) -> None:
        stored = _stored_version(conn) if inspect(conn).has_table(schema_info.name) else None
        if stored is None:
            raise StoreError(f"store at {self.url_for_display} is not initialised: run `peacetalks db init`")
        # A store one additive upgrade behind still serves cases and runs; only the tables added
        # since are missing, and the ingestion methods ask for `db init` (see _require_current).
        self._behind = ADDITIVE_UPGRADES.get(stored) == str(SCHEMA_VERSION)
        if not self._behind:
            _require_version(stored, self.url_for_display)
        self._checked = True

    def _require_current(self, conn: Connection) -> None:
        if self._behind:
            raise StoreError(
                f"store at {self.url_for_display} has schema version {_stored_version(conn)}: run `peacetalks db "
                f"init` to add the ingestion tables of version {SCHEMA_VERSION} (nothing stored is changed)"
            )


#: How long a SQLite transaction waits for another process's write to finish before it fails.
SQLITE_BUSY_TIMEOUT_MS = 30_000


def _sqlite_transactions(engine: Engine) -> None:
    """Let SQLAlchemy, not the sqlite3 module, decide where transactions begin, so reads and DDL
    are inside them too; and enforce foreign keys as PostgreSQL does.

    Transactions take the write lock when they begin (IMMEDIATE), and a busy store is waited for:
    two processes ingesting into one file then take turns. A deferred transaction that read first
    and writes second fails at once with "database is locked" when another writer holds the lock,
    whatever the timeout, as SQLite cannot let it wait without risking a deadlock."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys = ON")
        dbapi_connection.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def _stored_version(conn: Connection) -> str | None:
    return conn.scalar(select(schema_info.c.value).where(schema_info.c.key == "schema_version"))


def _require_version(stored: str, url: str) -> None:
    if stored != str(SCHEMA_VERSION):
        raise StoreError(
            f"store at {url} has schema version {stored}, this peacetalks reads version "
            f"{SCHEMA_VERSION}: use the peacetalks release that wrote it, or a new store"
        )


def _save_case(conn: Connection, case: Case, *, replace: bool, now: dt.datetime,
               expected_hash: str | None = None) -> SaveResult:
    """Store ``case`` inside the transaction ``conn`` (see :meth:`Store.save_case`)."""
    # FOR UPDATE makes concurrent saves of one case on PostgreSQL wait for each other.
    stored_hash = conn.scalar(
        select(cases.c.content_hash).where(cases.c.id == case.id).with_for_update()
    )
    if expected_hash is not None and stored_hash != expected_hash:
        raise StaleWriteError(case.id, expected_hash, stored_hash)
    if stored_hash == case.content_hash:
        return SaveResult(case.id, "unchanged", case.content_hash, kept=len(case.positions))
    if stored_hash is not None and not replace:
        raise StoreError(
            f"case {case.id!r} is already stored with different content; pass replace=True "
            "(--replace on the command line) to replace it; earlier positions stay in the history"
        )
    if stored_hash is None:
        conn.execute(insert(cases).values(_case_row(case, now)))
    else:
        conn.execute(update(cases).where(cases.c.id == case.id).values(_case_row(case, now)))
    current = _current_position_rows(conn, case.id)
    kept_ids, new = _match_positions(current, case.positions)
    still_current = set(kept_ids.values())
    stale = [row_id for row_id in current if row_id not in still_current]
    if stale:
        conn.execute(update(positions).where(positions.c.id.in_(stale)).values(superseded_at=now))
    added = _insert_positions(conn, case.id, [case.positions[k] for k in new], now)
    added_ids = dict(zip(new, added, strict=True))
    order = [kept_ids[k] if k in kept_ids else added_ids[k] for k in range(len(case.positions))]
    conn.execute(
        insert(case_versions).values(
            case_id=case.id, saved_at=now, content_hash=case.content_hash, position_ids=order
        )
    )
    _write_sources(conn, case)
    return SaveResult(
        case.id, "created" if stored_hash is None else "replaced", case.content_hash,
        kept=len(kept_ids), superseded=len(stale), added=len(new),
    )


def _current_position_rows(conn: Connection, case_id: str) -> dict[int, Position]:
    query = (
        select(positions)
        .where(positions.c.case_id == case_id, positions.c.superseded_at.is_(None))
        .order_by(positions.c.id)
    )
    return {r.id: convert.position_from_row(r._mapping) for r in conn.execute(query)}


def _match_positions(
    current: Mapping[int, Position], wanted: tuple[Position, ...]
) -> tuple[dict[int, int], list[int]]:
    """Pair each wanted position with an equal current row: ({index in wanted: row id}, [indexes
    of wanted positions that need a new row])."""
    free: dict[Position, list[int]] = {}
    for row_id, position in current.items():
        free.setdefault(position, []).append(row_id)
    kept: dict[int, int] = {}
    new: list[int] = []
    for k, position in enumerate(wanted):
        if free.get(position):
            kept[k] = free[position].pop(0)
        else:
            new.append(k)
    return kept, new


def _insert_positions(
    conn: Connection, case_id: str, new: list[Position], now: dt.datetime
) -> list[int]:
    if not new:
        return []
    rows = [{**convert.position_row(p), "case_id": case_id, "recorded_at": now} for p in new]
    inserted = conn.execute(insert(positions).returning(positions.c.id, sort_by_parameter_order=True), rows)
    return list(inserted.scalars())


def _write_sources(conn: Connection, case: Case) -> None:
    conn.execute(delete(sources).where(sources.c.case_id == case.id))
    if case.sources:
        conn.execute(insert(sources), convert.source_rows(case))


def _case_row(case: Case, now: dt.datetime) -> dict[str, Any]:
    return {
        "id": case.id, "name": case.name, "description": case.description, "as_of": case.as_of,
        "content_hash": case.content_hash, "document": convert.case_document(case), "saved_at": now,
    }


def _unknown_case(conn: Connection, case_id: str) -> StoreError:
    known = list(conn.scalars(select(cases.c.id).order_by(cases.c.id)))
    listed = ", ".join(known) if known else "none yet"
    return StoreError(f"no case {case_id!r} in the store; stored cases: {listed}")


def _first_saved(conn: Connection, case_id: str) -> dt.datetime | None:
    first: dt.datetime | None = conn.scalar(
        select(func.min(case_versions.c.saved_at)).where(case_versions.c.case_id == case_id)
    )
    return first


def _reason(exc: SQLAlchemyError) -> str:
    """The driver's own message, without SQLAlchemy's statement dump and help link."""
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        return " ".join(str(exc.orig).split())  # libpq's messages span lines
    return str(exc).split("\n", 1)[0]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _peacetalks_version() -> str:
    try:
        return version("peacetalks")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown"

