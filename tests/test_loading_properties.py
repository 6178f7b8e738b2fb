"""Random and mutated case files: the loader returns a whole case or raises CaseError — never
anything else."""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casetext import CASE_YAML
from peacetalks.case import Case, parse_case_texts
from peacetalks.errors import CaseError

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def load_or_case_error(text: str) -> None:
    try:
        case = parse_case_texts([("case.yaml", text)])
    except CaseError as exc:
        assert exc.problems, "a CaseError must name at least one problem"
        assert all(p.file == "case.yaml" and p.message for p in exc.problems)
    else:
        assert isinstance(case, Case)
        case.snapshot()  # a case that loads can always be analysed


@SETTINGS
@given(st.text(max_size=400))
def test_random_text(text: str) -> None:
    load_or_case_error(text)


@SETTINGS
@given(st.data())
def test_character_mutations(data: st.DataObject) -> None:
    text = CASE_YAML
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text)))
        op = data.draw(st.sampled_from(["delete", "insert", "swap-lines"]))
        if op == "delete":
            text = text[:at] + text[at + data.draw(st.integers(1, 30)):]
        elif op == "insert":
            text = text[:at] + data.draw(st.text(alphabet=" :-[]{}#&*!|>'\"\n\t,0123456789abc", max_size=8)) + text[at:]
        else:
            lines = text.splitlines()
            i, j = data.draw(st.integers(0, len(lines) - 1)), data.draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
    load_or_case_error(text)


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*path, key))
    elif isinstance(node, list):
        for k, value in enumerate(node):
            found += _paths(value, (*path, k))
    return found


@SETTINGS
@given(st.data())
def test_structural_mutations(data: st.DataObject) -> None:
    doc = yaml.safe_load(CASE_YAML)
    for _ in range(data.draw(st.integers(1, 3))):
        paths = [p for p in _paths(doc) if p]
        path = data.draw(st.sampled_from(paths))
        parent = doc
        for part in path[:-1]:
            parent = parent[part]
        if data.draw(st.booleans()):
            parent[path[-1]] = data.draw(values)
        elif isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent.pop(path[-1])
    load_or_case_error(yaml.safe_dump(doc, allow_unicode=True))
