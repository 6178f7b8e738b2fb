"""The tables of the store.

Positions are bitemporal: ``as_of`` is valid time (when the stance held), ``recorded_at`` and
``superseded_at`` are transaction time (when the store learned a row and when a later save
replaced it). Rows are never updated except to set ``superseded_at``, so the store can answer
"what did we believe at time T". ``case_versions`` records every save that changed a case, with
the ids of its position rows in case order: order is part of a case's content, and it cannot be
kept on the position rows themselves without rewriting rows that did not change.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Date,
    DateTime,
    Dialect,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)

#: Bump when the tables change; a store with another version is refused, not guessed at.
#: Version 2 added the ingestion tables (documents, evidence, proposed_updates); `db init`
#: upgrades a version-1 store in place, since it only adds tables.
SCHEMA_VERSION = 2
ADDITIVE_UPGRADES = {"1": "2"}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """An aware UTC datetime on every backend (SQLite keeps no time zone, so we store naive UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value} given where an aware UTC datetime is needed")
        utc = value.astimezone(dt.UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


metadata = MetaData()

schema_info = Table(
    "schema_info",
    metadata,
    Column("key", String(50), primary_key=True),
    Column("value", Text, nullable=False),
)

cases = Table(
    "cases",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("name", Text, nullable=False),
    Column("description", Text),
    Column("as_of", Date, nullable=False),
    Column("content_hash", String(64), nullable=False),
    # The whole case except sources and positions, as Case.model_dump(mode="json") gives it.
    Column("document", JSON, nullable=False),
    Column("saved_at", UTCDateTime, nullable=False),
)

sources = Table(
    "sources",
    metadata,
    Column("case_id", String(200), ForeignKey("cases.id"), primary_key=True),
    Column("source_id", String(200), primary_key=True),
    Column("ordinal", Integer, nullable=False),
    Column("title", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("outlet", Text),
    Column("author", Text),
    Column("url", Text),
    Column("published", Date),
    Column("reliability", String(1), nullable=False),
    Column("note", Text),
)

positions = Table(
    "positions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(200), ForeignKey("cases.id"), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("issue", String(200), nullable=False),
    Column("as_of", Date, nullable=False),
    Column("position", Double, nullable=False),
    Column("salience", Double, nullable=False),
    Column("capability", Double, nullable=False),
    Column("sources", JSON, nullable=False),
    Column("confidence", String(20), nullable=False),
    Column("coded_by", String(20), nullable=False),
    Column("rationale", Text),
    Column("uncertainty", JSON),
    Column("recorded_at", UTCDateTime, nullable=False),
    Column("superseded_at", UTCDateTime),
    Index("ix_positions_case_actor_issue", "case_id", "actor", "issue"),
)

case_versions = Table(
    "case_versions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(200), ForeignKey("cases.id"), nullable=False),
    Column("saved_at", UTCDateTime, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("position_ids", JSON, nullable=False),
    Index("ix_case_versions_case_saved", "case_id", "saved_at"),
)

# Not tied to cases by a foreign key: a run stays on record after its case is deleted.
runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(200), nullable=False, index=True),
    Column("case_hash", String(64), nullable=False),
    Column("kind", String(100), nullable=False),
    Column("parameters", JSON, nullable=False),
    Column("seed", BigInteger),
    Column("version", String(50), nullable=False),
    Column("result", JSON, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

# Ingestion (schema version 2). Documents and evidence are not tied to cases by a foreign key:
# what was read stays on record when a case is deleted and stored again.
documents = Table(
    "documents",
    metadata,
    Column("case_id", String(200), primary_key=True),
    Column("id", String(64), primary_key=True),  # the cleaned text's hash
    Column("location", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("title", Text),
    Column("outlet", Text),
    Column("author", Text),
    Column("url", Text),
    Column("published", Date),
    Column("text", Text, nullable=False),
    Column("signature", JSON, nullable=False),
    Column("duplicate_of", String(64)),
    Column("similarity", Double),
    Column("extractor_version", String(50), nullable=False),
    Column("ingested_at", UTCDateTime, nullable=False),
)

evidence = Table(
    "evidence",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(200), nullable=False),
    Column("document_id", String(64), nullable=False),
    Column("ordinal", Integer, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("actor_id", String(200)),
    Column("issue_id", String(200)),
    Column("proposal_id", String(200)),
    Column("item", JSON, nullable=False),  # the evidence item as ingest --format json prints it
    UniqueConstraint("case_id", "document_id", "ordinal"),
    Index("ix_evidence_case_actor_issue", "case_id", "actor_id", "issue_id"),
)

proposed_updates = Table(
    "proposed_updates",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(200), nullable=False, index=True),
    Column("document_id", String(64), nullable=False),
    Column("kind", String(20), nullable=False),  # position, event, indicator
    Column("as_of", Date, nullable=False),
    Column("actor", String(200)),
    Column("issue", String(200)),
    Column("evidence", JSON, nullable=False),  # evidence ordinals in the document
    Column("payload", JSON, nullable=False),
    Column("summary", Text, nullable=False),
    Column("status", String(20), nullable=False),  # pending, accepted, rejected
    Column("decided_at", UTCDateTime),
    Column("note", Text),
    Column("result", JSON),  # what accepting it wrote into the case
)
