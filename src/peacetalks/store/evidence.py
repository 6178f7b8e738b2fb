"""Ingested documents, their evidence and the case updates proposed from it, with review
decisions. Mixed into :class:`peacetalks.store.Store`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Insert, Table, and_, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from peacetalks.errors import StaleWriteError, StoreError
from peacetalks.store.records import StoredEvidence, StoredUpdate
from peacetalks.store.schema import cases, documents, evidence, proposed_updates

if TYPE_CHECKING:
    from peacetalks.case.types import Case
    from peacetalks.ingest.pipeline import Ingested
    from peacetalks.ingest.types import Document
    from peacetalks.ingest.updates import ProposedUpdate
    from peacetalks.store.records import SaveResult


class EvidenceStore:
    """The ingestion half of the store. Each document is written in one transaction with its
    evidence and proposed updates, so an interrupted ingest leaves whole documents only."""

    if TYPE_CHECKING:

        def _begin(self, doing: str, *, check: bool = True) -> AbstractContextManager[Connection]: ...
        def _require_current(self, conn: Connection) -> None: ...

    @contextmanager
    def _ingest_tables(self, doing: str) -> Iterator[Connection]:
        """A transaction on a store that has the ingestion tables (schema version 2)."""
        with self._begin(doing) as conn:
            self._require_current(conn)
            yield conn

    def has_document(self, case_id: str, document_id: str) -> bool:
        with self._ingest_tables("look up a document") as conn:
            return (
                conn.scalar(select(documents.c.id).where(documents.c.case_id == case_id, documents.c.id == document_id))
                is not None
            )

    def document_signatures(self, case_id: str) -> list[tuple[str, list[int]]]:
        """(id, MinHash signature) of every document stored for ``case_id``, oldest first."""
        with self._ingest_tables("read document signatures") as conn:
            rows = conn.execute(
                select(documents.c.id, documents.c.signature)
                .where(documents.c.case_id == case_id)
                .order_by(documents.c.ingested_at)
            )
            return [(r.id, list(r.signature)) for r in rows]

    def add_document(self, case_id: str, ingested: Ingested, updates: Sequence[ProposedUpdate]) -> bool:
        """Store a document with its evidence and proposed updates; False (and nothing written)
        if this text is already stored for the case."""
        doc = ingested.document
        now = dt.datetime.now(dt.UTC)
        with self._ingest_tables(f"store document {doc.id}") as conn:
            if conn.scalar(select(documents.c.id).where(documents.c.case_id == case_id, documents.c.id == doc.id)):
                return False
            info = doc.source
            stored = conn.scalar(
                _insert_new(conn, documents).returning(documents.c.id).values(
                    case_id=case_id,
                    id=doc.id,
                    location=info.location,
                    kind=info.kind,
                    title=info.title,
                    outlet=info.outlet,
                    author=info.author,
                    url=info.url,
                    published=info.published,
                    text=doc.text,
                    signature=ingested.signature,
                    duplicate_of=ingested.duplicate_of,
                    similarity=ingested.similarity if ingested.duplicate_of else None,
                    extractor_version=ingested.to_json()["source"]["extractor_version"],
                    ingested_at=now,
                )
            )
            if stored is None:
                return False  # another ingest stored it since the check above (it waited for that one)
            if ingested.evidence:
                conn.execute(
                    insert(evidence),
                    [
                        {
                            "case_id": case_id,
                            "document_id": doc.id,
                            "ordinal": k,
                            "kind": e.kind,
                            "actor_id": e.actor_id,
                            "issue_id": e.issue_id,
                            "proposal_id": e.proposal_id,
                            "item": e.to_json(),
                        }
                        for k, e in enumerate(ingested.evidence)
                    ],
                )
            if updates:
                conn.execute(
                    insert(proposed_updates),
                    [
                        {
                            "case_id": case_id,
                            "document_id": doc.id,
                            "kind": u.kind,
                            "as_of": u.as_of,
                            "actor": u.actor,
                            "issue": u.issue,
                            "evidence": list(u.evidence),
                            "payload": u.payload,
                            "summary": u.summary,
                            "status": "pending",
                        }
                        for u in updates
                    ],
                )
        return True

    def updates(
        self, case_id: str | None = None, *, status: str | None = "pending", ids: Iterable[int] | None = None
    ) -> list[StoredUpdate]:
        """Proposed updates, oldest first: of one case, with one status (None: any), or by id."""
        query = (
            select(proposed_updates, documents.c.title, documents.c.url, documents.c.location)
            .join(
                documents,
                and_(
                    documents.c.case_id == proposed_updates.c.case_id, documents.c.id == proposed_updates.c.document_id
                ),
            )
            .order_by(proposed_updates.c.id)
        )
        if case_id is not None:
            query = query.where(proposed_updates.c.case_id == case_id)
        if status is not None:
            query = query.where(proposed_updates.c.status == status)
        if ids is not None:
            query = query.where(proposed_updates.c.id.in_(list(ids)))
        with self._ingest_tables("list proposed updates") as conn:
            return [_update(r._mapping) for r in conn.execute(query)]

    def document(self, case_id: str, document_id: str) -> Document:
        """A stored document, as ingestion read it."""
        from peacetalks.ingest.types import Document, SourceInfo

        with self._ingest_tables("read a document") as conn:
            row = conn.execute(
                select(documents).where(documents.c.case_id == case_id, documents.c.id == document_id)
            ).first()
        if row is None:
            raise StoreError(f"no document {document_id!r} stored for case {case_id!r}")
        return Document(
            SourceInfo(row.location, row.kind, row.title, row.outlet, row.author, row.published, row.url), row.text
        )

    def decide(self, decisions: dict[int, tuple[str, Case | None, str | None]], base: Case | None) -> SaveResult | None:
        """Record decisions {update id: (accepted|rejected, the case with it applied or None,
        note)} in one transaction; the last accepted case is saved (replacing ``base``, which
        must still be what the store holds)."""
        from peacetalks.store.store import _save_case

        now = dt.datetime.now(dt.UTC)
        result = None
        with self._ingest_tables("record review decisions") as conn:
            pending = set(
                conn.scalars(
                    select(proposed_updates.c.id).where(
                        proposed_updates.c.id.in_(list(decisions)), proposed_updates.c.status == "pending"
                    )
                )
            )
            if pending != set(decisions):
                raise StoreError(
                    f"update(s) {sorted(set(decisions) - pending)} are not pending (already decided or "
                    "unknown): see `peacetalks review --all`"
                )
            final = [c for status, c, _ in decisions.values() if status == "accepted" and c is not None]
            if final:
                assert base is not None
                stored = conn.scalar(select(cases.c.content_hash).where(cases.c.id == base.id).with_for_update())
                if stored != base.content_hash:
                    raise StaleWriteError(base.id, base.content_hash, stored)
                result = _save_case(conn, final[-1], replace=True, now=now)
            for update_id, (status, _, note) in decisions.items():
                conn.execute(
                    update(proposed_updates)
                    .where(proposed_updates.c.id == update_id)
                    .values(status=status, decided_at=now, note=note)
                )
        return result

    def stored_evidence(
        self,
        case_id: str,
        *,
        since: dt.date | None = None,
        kinds: Iterable[str] | None = None,
        actor: str | None = None,
        issue: str | None = None,
    ) -> list[StoredEvidence]:
        """Evidence of the documents published (or, undated, ingested) on or after ``since``,
        oldest first; only of ``kinds``, ``actor`` and ``issue`` when given."""
        query = (
            select(
                evidence.c.item,
                evidence.c.document_id,
                evidence.c.ordinal,
                documents.c.title,
                documents.c.url,
                documents.c.location,
                documents.c.published,
                documents.c.ingested_at,
                documents.c.duplicate_of,
            )
            .join(documents, and_(documents.c.case_id == evidence.c.case_id, documents.c.id == evidence.c.document_id))
            .where(evidence.c.case_id == case_id)
            # The same order on both backends (PostgreSQL sorts NULL last by default, SQLite first).
            .order_by(documents.c.published.nulls_first(), documents.c.ingested_at, evidence.c.id)
        )
        if kinds is not None:
            query = query.where(evidence.c.kind.in_(list(kinds)))
        if actor is not None:
            query = query.where(evidence.c.actor_id == actor)
        if issue is not None:
            query = query.where(evidence.c.issue_id == issue)
        if since is not None:
            midnight = dt.datetime.combine(since, dt.time(), dt.UTC)
            query = query.where(
                or_(
                    documents.c.published >= since,
                    and_(documents.c.published.is_(None), documents.c.ingested_at >= midnight),
                )
            )
        with self._ingest_tables("read stored evidence") as conn:
            found = [
                StoredEvidence(
                    r.document_id,
                    r.ordinal,
                    r.title,
                    r.url or r.location,
                    r.published or r.ingested_at.date(),
                    r.duplicate_of,
                    dict(r.item),
                )
                for r in conn.execute(query)
            ]
        # By each document's date, which for an undated one is the day it was ingested (stable:
        # documents and their items keep their order within a day).
        return sorted((e for e in found if since is None or e.date >= since), key=lambda e: e.date)


def _insert_new(conn: Connection, table: Table) -> Insert:
    """An INSERT that skips a row whose key is already stored, so that two ingests of the same
    article at once store it once instead of failing (PostgreSQL makes the second wait for the
    first to commit, then skips)."""
    dialect_insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    return dialect_insert(table).on_conflict_do_nothing()


def _update(row: Any) -> StoredUpdate:
    return StoredUpdate(
        id=row["id"],
        case_id=row["case_id"],
        document_id=row["document_id"],
        kind=row["kind"],
        as_of=row["as_of"],
        actor=row["actor"],
        issue=row["issue"],
        evidence=tuple(row["evidence"]),
        payload=dict(row["payload"]),
        summary=row["summary"],
        status=row["status"],
        decided_at=row["decided_at"],
        note=row["note"],
        source_title=row["title"],
        source_url=row["url"] or row["location"],
    )
