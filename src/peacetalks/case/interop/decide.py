"""The input format of the decide-exchange-model package (Stokman's exchange model).

Tagged rows, tab- or semicolon-delimited (detected per file), fields optionally quoted::

    #O  title
    #/  comment
    #A  actor key; name; comment
    #P  issue key; name; description
    #M  issue key; value; description        (lowest and highest value set the issue's range)
    #D  actor key; issue key; position; salience 0–1; power ≥ 0; [comment]

Rows may come in any order. An actor without a ``#D`` row on an issue has no position there.
An issue with fewer than two ``#M`` values gets decide-exchange-model's own default range,
0–100, so a position such as 160 on it is reported rather than silently widening the scale.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

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
from peacetalks.case.types import Anchor, Case, Issue, Position, Scale, Source

#: Fields after the tag: (fewest, most); None = any number.
_ARITY: dict[str, tuple[int, int | None]] = {
    "#A": (1, 3), "#P": (1, 3), "#M": (2, 3), "#D": (5, 6), "#O": (0, None), "#/": (0, None),
}
_LAYOUT = {
    "#A": "#A; actor key; name; comment",
    "#P": "#P; issue key; name; description",
    "#M": "#M; issue key; value; description",
    "#D": "#D; actor key; issue key; position; salience (0–1); power (≥ 0)",
    "#O": "#O; title",
    "#/": "#/; comment",
}
_DEFAULT_RANGE = (0.0, 100.0)  # what decide-exchange-model assumes without #M rows
_TAG_AT_START = re.compile(r"[ ]*(['\"]?)#.\1[ ]*([\t;])")
SOURCE_ID = "decide-file"


@dataclass(frozen=True)
class _Row:
    line: int
    fields: list[str]


@dataclass(frozen=True)
class _Point:
    line: int
    value: float
    label: str | None


@dataclass(frozen=True)
class _Datum:
    line: int
    actor: str
    issue: str
    position: float
    salience: float
    power: float


@dataclass
class _Parsed:
    """The rows of one file, each checked on its own; references are resolved afterwards."""

    title: str | None = None
    actors: dict[str, _Row] = field(default_factory=dict)
    issues: dict[str, _Row] = field(default_factory=dict)
    points: list[tuple[str, _Point]] = field(default_factory=list)
    data: list[_Datum] = field(default_factory=list)


def read_decide(
    path_or_text: PathOrText,
    *,
    name: str | None = None,
    as_of: dt.date,
    source: Source | None = None,
) -> Case:
    """A case from a decide-exchange-model input file (or its text).

    ``name`` overrides the case name (default: the ``#O`` title, else the file stem); the case id
    is a slug of the name. Every position cites one dataset source describing the file, or
    ``source`` if given. Salience is multiplied by 100; power becomes capability ×100 when no
    power exceeds 1, otherwise it is rescaled so the largest is 100 (the case description
    records the factor). Every bad row is reported, with its line, in one :class:`CaseError`.
    """
    data = read_input(path_or_text)
    problems = Problems(data.label)
    parsed = _parse(data, problems)
    scales = _scales(parsed, problems)
    _check_data(parsed, scales, problems)
    problems.raise_if_any()
    with problems.building():
        return _build(parsed, scales, data, name, as_of, source)


def detect_delimiter(lines: list[str]) -> str:
    """Tab or semicolon: whichever follows the tag of the first tagged row."""
    for line in lines:
        found = _TAG_AT_START.match(line)
        if found:
            return found.group(2)
    return "\t" if any("\t" in line for line in lines) else ";"


def _parse(data: Input, problems: Problems) -> _Parsed:
    lines = data.lines()
    delimiter = detect_delimiter(lines)
    parsed = _Parsed()
    for number, line in enumerate(lines, start=1):
        fields = significant_fields(split_fields(line, delimiter))
        if not fields:
            continue
        row = _Row(number, fields)
        tag = fields[0].upper()
        if tag not in _ARITY:
            problems.add(number, "tag", f"unknown row tag {fields[0][:20]!r}",
                         "rows start with #A, #P, #M, #D, #O or #/ followed by a tab or semicolon")
        elif _arity_ok(tag, row, problems):
            _parse_row(tag, row, parsed, problems)
    if not (parsed.actors or parsed.issues or parsed.data) and not problems.found:
        problems.add(None, "", "no actors (#A), issues (#P) or data (#D) found",
                     "is this a decide-exchange-model file? rows look like '#A;USA;United States'")
    return parsed


def _arity_ok(tag: str, row: _Row, problems: Problems) -> bool:
    fewest, most = _ARITY[tag]
    count = len(row.fields) - 1
    if count < fewest or (most is not None and count > most):
        expected = f"{fewest}" if fewest == most else f"{fewest} to {most}"
        problems.add(row.line, tag, f"has {count} field(s) after the tag, expected {expected}",
                     f"write {_LAYOUT[tag]}")
        return False
    return True


def _parse_row(tag: str, row: _Row, parsed: _Parsed, problems: Problems) -> None:
    if tag == "#O":
        if parsed.title is None and " ".join(row.fields[1:]).strip():
            parsed.title = " ".join(row.fields[1:]).strip()
    elif tag in ("#A", "#P"):
        _parse_keyed(tag, row, parsed.actors if tag == "#A" else parsed.issues, problems)
    elif tag == "#M":
        _parse_point(row, parsed, problems)
    elif tag == "#D":
        _parse_datum(row, parsed, problems)


def _parse_keyed(tag: str, row: _Row, seen: dict[str, _Row], problems: Problems) -> None:
    key = problems.ident(row.fields[1], row.line, f"{tag} key")
    if key is None:
        return
    if key in seen:
        problems.add(row.line, f"{tag} key", f"duplicate key {key!r} (first on line {seen[key].line})",
                     "give each actor and issue its own key")
        return
    seen[key] = row


def _parse_point(row: _Row, parsed: _Parsed, problems: Problems) -> None:
    issue = problems.ident(row.fields[1], row.line, "#M issue")
    value = problems.number(row.fields[2], row.line, "#M value", decimal_comma=True)
    if issue is not None and value is not None:
        label = row.fields[3] if len(row.fields) > 3 else None
        parsed.points.append((issue, _Point(row.line, value, label or None)))


def _parse_datum(row: _Row, parsed: _Parsed, problems: Problems) -> None:
    actor = problems.ident(row.fields[1], row.line, "#D actor")
    issue = problems.ident(row.fields[2], row.line, "#D issue")
    values = [problems.number(raw, row.line, f"#D {what}", decimal_comma=True)
              for raw, what in zip(row.fields[3:6], ("position", "salience", "power"), strict=True)]
    position, salience, power = values
    if salience is not None and not 0 <= salience <= 1:
        problems.add(row.line, "#D salience", f"salience {salience:g} is outside 0–1",
                     "decide files give salience as a share: 0.8 for 80%")
        salience = None
    if power is not None and power < 0:
        problems.add(row.line, "#D power", f"power {power:g} is negative", "power is 0 or more")
        power = None
    if actor is None or issue is None or position is None or salience is None or power is None:
        return
    parsed.data.append(_Datum(row.line, actor, issue, position, salience, power))


@dataclass(frozen=True)
class _Range:
    low: float
    high: float
    anchors: tuple[Anchor, ...]


def _scales(parsed: _Parsed, problems: Problems) -> dict[str, _Range]:
    """Each issue's range and anchors from its #M rows (0–100 without at least two values)."""
    points: dict[str, dict[float, _Point]] = {key: {} for key in parsed.issues}
    for issue, point in parsed.points:
        if issue not in points:
            problems.add(point.line, "#M issue", f"unknown issue {issue!r}", _known("#P", parsed.issues))
        elif point.value in points[issue]:
            first = points[issue][point.value].line
            problems.add(point.line, "#M value", f"value {point.value:g} is already labelled on line {first}",
                         "give each scale point of an issue its own value")
        else:
            points[issue][point.value] = point
    return {issue: _range(list(found.values())) for issue, found in points.items()}


def _range(points: list[_Point]) -> _Range:
    labelled = {p.value: p.label or f"{p.value:g}" for p in points}
    if len(labelled) < 2:
        # Like decide-exchange-model: without a lowest and a highest value the range is 0–100.
        for end in _DEFAULT_RANGE:
            labelled.setdefault(end, f"{end:g}")
    anchors = tuple(Anchor(value=v, label=labelled[v]) for v in sorted(labelled))
    return _Range(anchors[0].value, anchors[-1].value, anchors)


def _check_data(parsed: _Parsed, scales: dict[str, _Range], problems: Problems) -> None:
    """Reject #D rows whose actor, issue or position does not fit the rest of the file."""
    first_line: dict[tuple[str, str], int] = {}
    for datum in parsed.data:
        if datum.actor not in parsed.actors:
            problems.add(datum.line, "#D actor", f"unknown actor {datum.actor!r}", _known("#A", parsed.actors))
        if datum.issue not in parsed.issues:
            problems.add(datum.line, "#D issue", f"unknown issue {datum.issue!r}", _known("#P", parsed.issues))
        else:
            span = scales[datum.issue]
            if not span.low <= datum.position <= span.high:
                problems.add(datum.line, "#D position",
                             f"position {datum.position:g} is outside the range of {datum.issue!r} "
                             f"[{span.low:g}, {span.high:g}]",
                             "use a value in the range, or widen it with #M rows for the issue")
        pair = (datum.actor, datum.issue)
        if pair in first_line:
            problems.add(datum.line, "#D", f"a second row for {datum.actor!r} on {datum.issue!r} "
                         f"(first on line {first_line[pair]})", "keep one #D row per actor and issue")
        first_line.setdefault(pair, datum.line)


def _known(tag: str, keys: dict[str, _Row]) -> str:
    if not keys:
        return f"the file has no {tag} rows"
    listed = ", ".join(sorted(keys)[:12])
    return f"add a {tag} row for it or use one of: {listed}{', …' if len(keys) > 12 else ''}"


def _build(
    parsed: _Parsed,
    scales: dict[str, _Range],
    data: Input,
    name: str | None,
    as_of: dt.date,
    given: Source | None,
) -> Case:
    case_name = name or parsed.title or (data.path.stem if data.path else "Imported decide data")
    source = file_source(SOURCE_ID, data, f"{case_name} (decide-exchange-model data)", given)
    factor = capability_factor(max((d.power for d in parsed.data), default=0.0), percent_allowed=False)
    actors = [imported_actor(key, _field(row, 2) or key, _field(row, 3)) for key, row in parsed.actors.items()]
    issues = [_issue(key, row, scales[key]) for key, row in parsed.issues.items()]
    return make_case(
        case_id=slug(case_name, "decide-import"),
        name=case_name,
        as_of=as_of,
        description=("Imported from a decide-exchange-model file: "
                     f"{factor_note('salience', 'file salience', 100.0)}; "
                     f"{factor_note('capability', 'file power', factor)}."),
        source=source,
        actors=actors,
        issues=issues,
        positions=_positions(parsed, factor, as_of, source),
    )


def _field(row: _Row, index: int) -> str | None:
    return row.fields[index] if len(row.fields) > index and row.fields[index] else None


def _issue(key: str, row: _Row, span: _Range) -> Issue:
    issue_name = _field(row, 2) or key
    return Issue(id=key, name=issue_name, category="imported", description=_field(row, 3) or issue_name,
                 scale=Scale(min=span.low, max=span.high, anchors=span.anchors))


def _positions(parsed: _Parsed, factor: float, as_of: dt.date, source: Source) -> list[Position]:
    # Case order (actors, then issues, as first defined) rather than row order, so that a file
    # and its export give equal cases whatever order their #D rows come in.
    actor_rank = {key: k for k, key in enumerate(parsed.actors)}
    issue_rank = {key: k for k, key in enumerate(parsed.issues)}
    ordered = sorted(parsed.data, key=lambda d: (actor_rank[d.actor], issue_rank[d.issue]))
    return [imported_position(d.actor, d.issue, d.position, scaled(d.salience, 100.0),
                              scaled(d.power, factor), as_of, source) for d in ordered]


def write_decide(case: Case, as_of: dt.date | None = None, delimiter: str = ";") -> str:
    """The case as of ``as_of`` (default: the case's date) as a decide-exchange-model file.

    Every actor and issue is listed; a cell without a position has no ``#D`` row. Salience and
    capability are divided by 100 (capability is not mapped back through any factor the import
    applied: the file's power is our 0–100 capability as a share). Line breaks inside names
    become spaces, since rows are lines.
    """
    if delimiter not in (";", "\t"):
        raise ValueError(f"delimiter must be ';' or a tab, not {delimiter!r}")
    snap = case.snapshot(as_of, actors=[a.id for a in case.actors])

    def row(*cells: str) -> str:
        return delimiter.join(format_cell(c, delimiter) for c in cells) + "\n"

    out = [row("#O", case.name),
           row("#/", f"exported by peacetalks from case {case.id} as of {snap.as_of}; "
                     "salience = salience/100, power = capability/100")]
    out += [row("#A", a.id, a.name, *([a.description] if a.description else [])) for a in case.actors]
    for issue in case.issues:
        out.append(row("#P", issue.id, issue.name, issue.description))
        for value, label in _scale_points(issue.scale):
            out.append(row("#M", issue.id, format_number(value), *([label] if label else [])))
    for records in snap.records:
        for rec in records:
            if rec is not None:
                out.append(row("#D", rec.actor, rec.issue, format_number(rec.position),
                               format_number(round10(rec.salience / 100)),
                               format_number(round10(rec.capability / 100))))
    return "".join(out)


def _scale_points(scale: Scale) -> list[tuple[float, str | None]]:
    """The anchors, plus the scale's ends when no anchor sits there (the lowest and highest #M
    value are the range). A label that is just the value is left out: the reader restores it."""
    points: dict[float, str | None] = {scale.min: None, scale.max: None}
    for anchor in scale.anchors:
        points[anchor.value] = None if anchor.label == f"{anchor.value:g}" else anchor.label
    return sorted(points.items())


__all__ = ["detect_delimiter", "read_decide", "write_decide"]
