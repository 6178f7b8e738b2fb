"""The actor table of a one-issue expected-utility (Bueno de Mesquita) model.

A header row naming the columns ``Actor, Capability, Position, Salience`` (any case, any order,
extra columns ignored), then one row per actor; comma, semicolon or tab delimited, fields
optionally quoted. The EC vehicle-emissions table (capability 0.08, position 4, salience 80 on
a 4–10 scale) is the model example.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peacetalks.case.interop._common import (
    Input,
    PathOrText,
    Problems,
    capability_factor,
    factor_note,
    file_source,
    format_cell,
    format_number,
    imported_actor,
    imported_position,
    make_case,
    read_input,
    round10,
    scaled,
    significant_fields,
    slug,
    split_fields,
)
from peacetalks.case.types import Anchor, Case, Issue, Scale, Source

COLUMNS = ("actor", "capability", "position", "salience")
SOURCE_ID = "bdm-file"
_DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True)
class _Row:
    line: int
    actor: str
    capability: float
    position: float
    salience: float


def read_bdm(
    path_or_text: PathOrText,
    *,
    issue_id: str = "issue",
    issue_name: str | None = None,
    scale: tuple[float, float] | None = None,
    as_of: dt.date,
    name: str | None = None,
    source: Source | None = None,
) -> Case:
    """A one-issue case from a BDM actor table (a file or its text).

    The scale is ``scale`` if given, else 0–100 when every position lies in it, else the range of
    the positions; the issue description says which. Capability: ×100 when no value exceeds 1,
    as given up to 100, rescaled so the largest is 100 above that. Salience: ×100 when no value
    exceeds 1, else as given (it must then lie in 0–100). ``name`` sets the case name (default:
    the file stem, else the issue name) and ``source`` replaces the source describing the file.
    """
    data = read_input(path_or_text)
    problems = Problems(data.label)
    rows = _parse(data, problems)
    span, how = _scale(rows, scale, problems)
    salience_factor = 100.0 if all(r.salience <= 1 for r in rows) else 1.0
    _check(rows, span, salience_factor, problems)
    problems.raise_if_any()
    with problems.building():
        return _build(rows, data, span, how, salience_factor, issue_id, issue_name, name, as_of, source)


def _parse(data: Input, problems: Problems) -> list[_Row]:
    numbered = [(k, line) for k, line in enumerate(data.lines(), start=1) if line.strip()]
    if not numbered:
        problems.add(None, "", "the file is empty", "start with a header: Actor,Capability,Position,Salience")
        problems.raise_if_any()
    header_line, header = numbered[0]
    delimiter, columns, width = _header(header)
    missing = [c for c in COLUMNS if c not in columns]
    if missing:
        problems.add(header_line, "header", f"missing column(s) {', '.join(missing)}",
                     "the first row names the columns: Actor,Capability,Position,Salience")
        problems.raise_if_any()
    rows: list[_Row] = []
    seen: dict[str, int] = {}
    for line, text in numbered[1:]:
        fields = significant_fields(split_fields(text, delimiter))
        row = _parse_row(line, fields, columns, width, delimiter, problems)
        if row is None:
            continue
        if row.actor in seen:
            problems.add(line, "Actor", f"actor {row.actor!r} is already on line {seen[row.actor]}",
                         "give each actor one row")
            continue
        seen[row.actor] = line
        rows.append(row)
    if not rows and not problems.found:
        problems.add(None, "", "the table has no actor rows", "add one row per actor below the header")
    return rows


def _header(text: str) -> tuple[str, dict[str, int], int]:
    """The delimiter that makes the most required column names appear, the column indexes and
    the number of columns."""
    best = max(_DELIMITERS, key=lambda d: sum(c in _names(text, d) for c in COLUMNS))
    names = _names(text, best)
    columns: dict[str, int] = {}
    for k, column in enumerate(names):
        columns.setdefault(column, k)  # a repeated column name: the first one counts
    return best, columns, len(significant_fields(names))


def _names(text: str, delimiter: str) -> list[str]:
    return [f.lower() for f in split_fields(text, delimiter)]


def _parse_row(
    line: int, fields: list[str], columns: dict[str, int], width: int, delimiter: str, problems: Problems
) -> _Row | None:
    if len(fields) > width or len(fields) < max(columns[c] for c in COLUMNS) + 1:
        problems.add(line, "row", f"has {len(fields)} field(s), the header has {width}",
                     "one value per column; quote names that contain the delimiter")
        return None
    actor = problems.ident(fields[columns["actor"]], line, "Actor")
    numbers = [problems.number(fields[columns[c]], line, c.capitalize(), decimal_comma=delimiter != ",")
               for c in COLUMNS[1:]]
    capability, position, salience = numbers
    if actor is None or capability is None or position is None or salience is None:
        return None
    return _Row(line, actor, capability, position, salience)


def _scale(
    rows: list[_Row], given: tuple[float, float] | None, problems: Problems
) -> tuple[tuple[float, float], str]:
    if given is not None:
        low, high = given
        if not low < high or abs(low) == float("inf") or abs(high) == float("inf"):
            problems.add(None, "scale", f"scale ({low:g}, {high:g}) is not a range",
                         "give (lowest, highest) with lowest < highest")
            return (0.0, 100.0), "as given"
        return (float(low), float(high)), "as given"
    values = [r.position for r in rows]
    if all(0 <= v <= 100 for v in values):
        return (0.0, 100.0), "the default 0–100, since every position lies in it"
    low, high = min(values), max(values)
    if low == high:  # one value outside 0–100: keep a real range around it
        return (min(0.0, low), max(100.0, high)), "0–100 widened to the only position"
    return (low, high), "from the lowest and highest position"


def _check(rows: list[_Row], span: tuple[float, float], salience_factor: float, problems: Problems) -> None:
    low, high = span
    for row in rows:
        if not low <= row.position <= high:
            problems.add(row.line, "Position", f"position {row.position:g} is outside the scale "
                         f"[{low:g}, {high:g}]", "pass a scale that contains every position")
        if row.capability < 0:
            problems.add(row.line, "Capability", f"capability {row.capability:g} is negative",
                         "capability is 0 or more")
        if not 0 <= row.salience * salience_factor <= 100:
            problems.add(row.line, "Salience", f"salience {row.salience:g} is outside 0–100",
                         "give every salience as 0–1 or every salience as 0–100")


def _build(
    rows: list[_Row],
    data: Input,
    span: tuple[float, float],
    how: str,
    salience_factor: float,
    issue_id: str,
    issue_name: str | None,
    name: str | None,
    as_of: dt.date,
    given: Source | None,
) -> Case:
    title = issue_name or issue_id
    case_name = name or (data.path.stem if data.path else title)
    source = file_source(SOURCE_ID, data, f"{case_name} (BDM actor table)", given)
    factor = capability_factor(max(r.capability for r in rows), percent_allowed=True)
    low, high = span
    issue = Issue(
        id=issue_id, name=title, category="imported",
        description=f"{title} (imported from a BDM actor table; scale {low:g}–{high:g}, {how})",
        scale=Scale(min=low, max=high, anchors=(Anchor(value=low, label=f"{low:g}"),
                                                Anchor(value=high, label=f"{high:g}"))),
    )
    return make_case(
        case_id=slug(case_name, "bdm-import"),
        name=case_name,
        as_of=as_of,
        description=("Imported from a BDM actor table: "
                     f"{factor_note('salience', 'file salience', salience_factor)}; "
                     f"{factor_note('capability', 'file capability', factor)}."),
        source=source,
        actors=[imported_actor(r.actor, r.actor) for r in rows],
        issues=[issue],
        positions=[imported_position(r.actor, issue_id, r.position, scaled(r.salience, salience_factor),
                                     scaled(r.capability, factor), as_of, source) for r in rows],
    )


def write_bdm(case: Case, issue_id: str, as_of: dt.date | None = None) -> str:
    """The actors with a position on ``issue_id`` as of ``as_of`` as a comma-separated BDM table:
    capability as a share (capability/100), salience 0–100, position on the issue's own scale."""
    case.issue(issue_id)  # a KeyError naming the known issues beats an index error below
    snap = case.snapshot(as_of, actors=[a.id for a in case.actors])
    column = snap.issues.index(issue_id)
    out = ["Actor,Capability,Position,Salience\n"]
    for records in snap.records:
        rec = records[column]
        if rec is not None:
            cells = (format_cell(rec.actor, ","), format_number(round10(rec.capability / 100)),
                     format_number(rec.position), format_number(rec.salience))
            out.append(",".join(cells) + "\n")
    return "".join(out)


__all__ = ["COLUMNS", "read_bdm", "write_bdm"]
