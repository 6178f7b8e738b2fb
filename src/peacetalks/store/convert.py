"""Conversions between case types and table rows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import RowMapping

from peacetalks.case.types import Case, Position, Source

_ROW_ONLY_SOURCE_COLUMNS = {"case_id", "source_id", "ordinal"}
_ROW_ONLY_POSITION_COLUMNS = {"id", "case_id", "recorded_at", "superseded_at"}


def case_document(case: Case) -> dict[str, Any]:
    """The case as JSON without sources and positions, which have tables of their own."""
    document = case.model_dump(mode="json")
    del document["sources"], document["positions"]
    return document


def source_rows(case: Case) -> list[dict[str, Any]]:
    rows = []
    for ordinal, source in enumerate(case.sources):
        row = source.model_dump(mode="python")
        row["source_id"] = row.pop("id")
        rows.append({**row, "case_id": case.id, "ordinal": ordinal, "kind": source.kind.value})
    return rows


def source_from_row(row: RowMapping) -> Source:
    fields = {k: v for k, v in row.items() if k not in _ROW_ONLY_SOURCE_COLUMNS}
    return Source.model_validate({**fields, "id": row["source_id"]})


def position_row(position: Position) -> dict[str, Any]:
    # mode="json" turns the sources tuple into a list and enums into text; the date stays a date
    # so the DATE column gets one.
    return {**position.model_dump(mode="json"), "as_of": position.as_of}


def position_from_row(row: RowMapping) -> Position:
    return Position.model_validate(
        {k: v for k, v in row.items() if k not in _ROW_ONLY_POSITION_COLUMNS}
    )


def build_case(
    document: Mapping[str, Any], sources: Iterable[Source], positions: Sequence[Position]
) -> Case:
    return Case.model_validate({**document, "sources": tuple(sources), "positions": tuple(positions)})
