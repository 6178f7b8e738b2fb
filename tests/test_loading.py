"""Loading case files: a valid case loads whole; a broken one raises one CaseError naming every
problem with its file, line, field and a hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from casetext import CASE_YAML
from peacetalks.case import load_case_path, parse_case_texts
from peacetalks.errors import CaseError, Problem


def load_text(text: str, name: str = "case.yaml") -> object:
    return parse_case_texts([(name, text)])


def problems_of(text: str) -> tuple[Problem, ...]:
    with pytest.raises(CaseError) as info:
        load_text(text)
    return info.value.problems


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_valid_case_loads_whole() -> None:
    case = parse_case_texts([("case.yaml", CASE_YAML)])
    assert case.id == "demo"
    assert [a.id for a in case.actors] == ["north", "south", "broker", "leader"]
    assert case.actor("leader").member_of == "north"
    assert case.issue("alliance").scale.max == 10
    assert len(case.history("north", "border")) == 2
    assert case.proposal("freeze").positions["border"].position == 50


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        ("{actor: broker, issue: border", "{actor: nobody, issue: border", "positions[4].actor",
         "unknown actor id 'nobody'"),
        ("{actor: south, issue: alliance, as_of: 2024-06-01, position: 10",
         "{actor: south, issue: alliance, as_of: 2024-06-01, position: 11", "positions[3].position",
         "outside the scale of issue 'alliance' [0, 10]"),
        ("position: 100, salience: 80", "position: 100, salience: 180", "positions[2].salience",
         "less than or equal to 100"),
        ("issue: border, as_of: 2022-03-01, position: 100", "issue: border, as_of: 2026-03-01, position: 100",
         "positions[2].as_of", "after the case date 2025-06-30"),
        ("sources: [wire-2024], coded_by: source}", "sources: [wire-2099], coded_by: source}",
         "positions[3].sources[0]", "unknown source id 'wire-2099'"),
        ("{id: south, name: South", "{id: north, name: South", "actors[1].id", "duplicate id 'north'"),
        ("salience: 30, capability: 50", "salience: thirty, capability: 50", "positions[4].salience",
         "valid number"),
        ("member_of: north}", "member_of: atlantis}", "actors[3].member_of", "unknown actor id 'atlantis'"),
        ("kind: talks, actors: [north, south]", "kind: talks, actors: [north, west]", "events[0].actors[1]",
         "unknown actor id 'west'"),
        ("border: {position: 50, rationale", "border: {position: 150, rationale",
         "proposals[0].positions.border.position", "outside the scale"),
        ("rationale: mediator pushes a freeze}", "colour: blue}", "positions[4].colour", "unknown field"),
    ],
)
def test_each_problem_is_located(old: str, new: str, field: str, words: str) -> None:
    assert old in CASE_YAML
    text = CASE_YAML.replace(old, new, 1)
    found = problems_of(text)
    matching = [p for p in found if p.field.startswith(field) and words in p.message]
    assert matching, f"no problem at {field} mentioning {words!r} in {[str(p) for p in found]}"
    problem = matching[0]
    assert problem.file == "case.yaml"
    assert problem.line == line_of(text, new)
    assert problem.hint


def test_an_analyst_judgement_needs_a_rationale() -> None:
    text = CASE_YAML.replace("coded_by: analyst, rationale: mediator pushes a freeze}", "coded_by: analyst}")
    (problem,) = problems_of(text)
    assert problem.field == "positions[4]"
    assert "needs a one-line 'rationale'" in problem.message
    assert problem.line == line_of(text, "{actor: broker, issue: border")


def test_every_problem_is_reported_at_once() -> None:
    text = (CASE_YAML.replace("{actor: broker, issue: border", "{actor: nobody, issue: border")
            .replace("position: 100, salience: 80", "position: 100, salience: 180")
            .replace("- {id: south, name: South", "- {id: north, name: South"))
    found = problems_of(text)
    messages = " | ".join(p.message for p in found)
    assert "unknown actor id 'nobody'" in messages
    assert "less than or equal to 100" in messages
    assert "duplicate id 'north'" in messages
    # The position with the bad salience is also checked against the issue's scale and actors.
    assert len(found) >= 3


def test_an_entry_with_a_type_error_still_gets_reference_checks() -> None:
    text = CASE_YAML.replace("{actor: broker, issue: border, as_of: 2024-06-01, position: 50, salience: 30",
                             "{actor: ghost, issue: border, as_of: 2024-06-01, position: 500, salience: 300")
    fields = {p.field for p in problems_of(text)}
    assert {"positions[4].salience", "positions[4].actor", "positions[4].position"} <= fields


def test_malformed_yaml_names_the_line() -> None:
    text = CASE_YAML.replace("name: Demo negotiation", "name: [Demo negotiation")
    (problem,) = problems_of(text)
    assert "malformed YAML" in problem.message
    assert problem.line is not None and problem.line >= 2


def test_missing_case_fields_and_unknown_sections() -> None:
    text = CASE_YAML.replace("id: demo\n", "").replace("events:", "happenings:")
    found = problems_of(text)
    assert any(p.field == "id" and "no 'id'" in p.message for p in found)
    assert any("unknown top-level key 'happenings'" in p.message and "allowed keys" in p.hint for p in found)


def test_wrong_types_are_reported_not_crashed() -> None:
    for text in ("- just\n- a list\n", "actors: 3\n", "actors: [1, 2]\nid: x\nname: y\nas_of: 2020-01-01\n",
                 "positions: [{actor: [a]}]\n", "as_of: not-a-date\nid: x\nname: y\n"):
        with pytest.raises(CaseError):
            load_text(text)


def test_folder_of_files_concatenates_sections(tmp_path: Path) -> None:
    head, rest = CASE_YAML.split("sources:", 1)
    (tmp_path / "case.yaml").write_text(head)
    (tmp_path / "data.yaml").write_text("sources:" + rest)
    case = load_case_path(tmp_path)
    assert case == load_text(CASE_YAML)


def test_folder_errors_name_the_file_they_are_in(tmp_path: Path) -> None:
    head, rest = CASE_YAML.split("sources:", 1)
    (tmp_path / "a-case.yaml").write_text(head)
    (tmp_path / "b-data.yaml").write_text("sources:" + rest.replace("salience: 30", "salience: -3"))
    (tmp_path / "c-extra.yaml").write_text("name: Twice\n")
    with pytest.raises(CaseError) as info:
        load_case_path(tmp_path)
    files = {Path(p.file).name: p for p in info.value.problems}
    assert "salience" in files["b-data.yaml"].field
    assert "also set in" in files["c-extra.yaml"].message


def test_json_case_files_load(tmp_path: Path) -> None:
    from peacetalks.case.serialize import case_to_json

    case = load_text(CASE_YAML)
    path = tmp_path / "case.json"
    path.write_text(case_to_json(case))  # type: ignore[arg-type]
    assert load_case_path(path) == case


def test_yaml_export_round_trips(tmp_path: Path) -> None:
    from peacetalks.case.serialize import case_to_yaml

    case = load_text(CASE_YAML)
    path = tmp_path / "again.yaml"
    path.write_text(case_to_yaml(case))  # type: ignore[arg-type]
    again = load_case_path(path)
    assert again == case
    assert again.content_hash == case.content_hash  # type: ignore[attr-defined]


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(CaseError, match="no such file"):
        load_case_path(tmp_path / "absent.yaml")
    with pytest.raises(CaseError, match=r"no \.yaml"):
        load_case_path(tmp_path)


def test_alias_bombs_are_refused() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for level in "bcdefgh":
        prev = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [{', '.join([f'*{prev}'] * 10)}]\n"
    with pytest.raises(CaseError, match="expands to more than"):
        load_text(bomb)
