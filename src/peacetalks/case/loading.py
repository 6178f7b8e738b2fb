"""Loading case files: one YAML/JSON file or a folder of them, all-or-nothing.

Each file holds any of the top-level keys of a case. Scalar keys (``id``, ``name``, ``as_of``,
``description``) may appear in one file only; list sections are concatenated across files in
file-name order. Every problem found — malformed YAML, wrong types, unknown ids, values off the
scale, dates after the case's date — is collected and raised as one :class:`CaseError`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from peacetalks.case.checks import case_problems
from peacetalks.case.types import (
    Actor,
    Case,
    Event,
    Id,
    Indicator,
    Issue,
    Parameter,
    Position,
    Proposal,
    Reservation,
    Source,
    Text,
)
from peacetalks.case.yamlfile import Path as FieldPath
from peacetalks.case.yamlfile import dotted, read_yaml
from peacetalks.errors import CaseError, Problem

SECTIONS: dict[str, type[BaseModel]] = {
    "sources": Source,
    "actors": Actor,
    "issues": Issue,
    "positions": Position,
    "proposals": Proposal,
    "events": Event,
    "indicators": Indicator,
    "parameters": Parameter,
    "reservations": Reservation,
}
SCALARS: dict[str, TypeAdapter[Any]] = {
    "id": TypeAdapter(Id),
    "name": TypeAdapter(Text),
    "as_of": TypeAdapter(dt.date),
    "description": TypeAdapter(Text),
}
REQUIRED_SCALARS = ("id", "name", "as_of")
CASE_SUFFIXES = (".yaml", ".yml", ".json")
#: Bound on one case file; real cases are well under a megabyte.
MAX_FILE_BYTES = 50 * 1024 * 1024

_ADAPTERS = {name: TypeAdapter(model) for name, model in SECTIONS.items()}


def load_case_path(path: str | Path) -> Case:
    """Load a case from a YAML/JSON file or a folder of them."""
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix.lower() in CASE_SUFFIXES and p.is_file())
        if not files:
            raise CaseError([Problem(str(path), None, "", "the folder holds no .yaml, .yml or .json files",
                                     "point at a case file or a folder of case files")])
    elif path.is_file():
        files = [path]
    else:
        raise CaseError([Problem(str(path), None, "", "no such file or folder", "check the path")])
    return parse_case_texts((str(f), _read_text(f)) for f in files)


def _read_text(path: Path) -> str:
    if path.stat().st_size > MAX_FILE_BYTES:
        raise CaseError([Problem(str(path), None, "", f"file is larger than {MAX_FILE_BYTES // 2**20} MB",
                                 "split the case into a folder of smaller files")])
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CaseError([Problem(str(path), None, "", f"not UTF-8 text (byte {exc.start})",
                                 "save the file as UTF-8")]) from None
    except OSError as exc:
        raise CaseError([Problem(str(path), None, "", f"cannot read file: {exc.strerror}", "")]) from None


def parse_case_texts(texts: Iterable[tuple[str, str]]) -> Case:
    """Build a case from (file name, text) pairs; raise one CaseError listing every problem."""
    problems: list[Problem] = []
    lines: dict[str, dict[FieldPath, int]] = {}
    scalars: dict[str, tuple[str, Any]] = {}
    items: dict[str, list[tuple[str, int, Any]]] = {name: [] for name in SECTIONS}
    unreadable = False

    for filename, text in texts:
        try:
            data, lines[filename] = _parse(text, filename)
        except CaseError as exc:
            problems.extend(exc.problems)
            unreadable = True
            continue
        if data is None:
            continue
        if not isinstance(data, dict):
            problems.append(Problem(filename, 1, "", "a case file must be a mapping of sections",
                                    "start with keys such as 'id:', 'actors:' and 'issues:'"))
            continue
        for key, value in data.items():
            line = lines[filename].get((key,))
            if key in SCALARS:
                if key in scalars:
                    problems.append(Problem(filename, line, key, f"'{key}' is also set in {scalars[key][0]}",
                                            "set each case-level field in one file only"))
                else:
                    scalars[key] = (filename, value)
            elif key in SECTIONS:
                if value is None:
                    continue
                if not isinstance(value, list):
                    problems.append(Problem(filename, line, key, f"'{key}' must be a list",
                                            f"write each entry on a line starting with '- ' under '{key}:'"))
                    continue
                items[key].extend((filename, k, item) for k, item in enumerate(value))
            else:
                allowed = ", ".join([*SCALARS, *SECTIONS])
                problems.append(Problem(filename, line, str(key), f"unknown top-level key {key!r}",
                                        f"allowed keys: {allowed}"))

    meta: dict[str, Any] = {}
    for key, (filename, value) in scalars.items():
        try:
            meta[key] = SCALARS[key].validate_python(value)
        except ValidationError as exc:
            problems.extend(_pydantic_problems(exc, filename, (key,), lines.get(filename, {})))
    # A file that could not be parsed may well hold the missing fields: don't report them twice.
    for key in REQUIRED_SCALARS if not unreadable else ():
        if key not in scalars:
            first = next(iter(lines), "<case>")
            problems.append(Problem(first, None, key, f"the case has no '{key}'",
                                    f"add a top-level '{key}:' to one of the case files"))

    # Entries that fail type validation still take part in the cross-checks, as raw mappings,
    # so one run reports both "salience above 100" and "unknown actor" for the same entry.
    valid: dict[str, list[BaseModel]] = {name: [] for name in SECTIONS}
    checked: dict[str, Any] = {name: [] for name in SECTIONS}
    origins: dict[str, list[tuple[str, int]]] = {name: [] for name in SECTIONS}
    for section, entries in items.items():
        for filename, k, raw in entries:
            try:
                model = _ADAPTERS[section].validate_python(raw)
            except ValidationError as exc:
                problems.extend(_pydantic_problems(exc, filename, (section, k), lines.get(filename, {})))
                checked[section].append(raw)
            else:
                valid[section].append(model)
                checked[section].append(model.model_dump())
            origins[section].append((filename, k))

    checked["as_of"] = meta.get("as_of")
    for path, message, hint in case_problems(checked):
        name, position, *rest = path
        origin_file, index = origins[str(name)][int(position)]
        where: FieldPath = (name, index, *rest)  # the entry's place in its own file
        problems.append(Problem(origin_file, _line(lines.get(origin_file, {}), where), dotted(where), message, hint))

    if problems:
        raise CaseError(sorted(problems, key=lambda p: (p.file, p.line or 0)))
    return Case(**meta, **valid)


def _parse(text: str, filename: str) -> tuple[Any, dict[FieldPath, int]]:
    if filename.lower().endswith(".json"):
        try:
            return json.loads(text), {}
        except json.JSONDecodeError as exc:
            raise CaseError([Problem(filename, exc.lineno, "", f"malformed JSON: {exc.msg}",
                                     "check commas, brackets and quotes on this line")]) from None
    return read_yaml(text, filename)


def _line(lines: dict[FieldPath, int], path: FieldPath) -> int | None:
    """The line of the longest prefix of ``path`` that the file records."""
    for end in range(len(path), 0, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


_HINTS = {
    "missing": "add this field",
    "extra_forbidden": "remove the field or fix its spelling (see `peacetalks schema`)",
    "date_from_datetime_parsing": "write dates as YYYY-MM-DD",
    "date_parsing": "write dates as YYYY-MM-DD",
    "date_type": "write dates as YYYY-MM-DD",
    "float_parsing": "write a number such as 40 or 62.5",
    "float_type": "write a number such as 40 or 62.5",
    "greater_than_equal": "saliences and capabilities run from 0 to 100",
    "less_than_equal": "saliences and capabilities run from 0 to 100",
    "enum": "use one of the listed values",
    "literal_error": "use one of the listed values",
    "string_pattern_mismatch": "ids may not start or end with blanks or contain line breaks",
    "tuple_type": "write a list, e.g. [a, b]",
    "model_type": "write a mapping of fields here",
    "dict_type": "write a mapping here",
}


def _pydantic_problems(
    exc: ValidationError, filename: str, prefix: FieldPath, lines: dict[FieldPath, int]
) -> list[Problem]:
    out = []
    for err in exc.errors(include_url=False):
        path: FieldPath = (*prefix, *(p for p in err["loc"] if isinstance(p, str | int)))
        message = str(err["msg"])
        if err["type"] == "extra_forbidden":
            message = "unknown field"
        if message.startswith("Value error, "):
            message = message.removeprefix("Value error, ")
        out.append(Problem(filename, _line(lines, path), dotted(path), message, _HINTS.get(err["type"], "")))
    return out
