"""The decide-exchange-model and BDM interop formats: import, export, round trips, bad input."""

from __future__ import annotations

import contextlib
import datetime as dt
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peacetalks.case.interop import read_bdm, read_decide, write_bdm, write_decide
from peacetalks.case.interop._common import split_fields
from peacetalks.case.types import Case
from peacetalks.errors import CaseError

AS_OF = dt.date(2009, 10, 28)
DATA = Path(__file__).resolve().parents[2] / "shared" / "reference" / "data"

# A cut-down Copenhagen file, inline so the property tests run without the reference data.
SMALL = (
    "#O\tCopenhagen excerpt\n"
    "#/\tActor\tIssue\tposition\tsalience\tpower\n"
    "#A\tUSA\tUSA\n"
    "#A\tEU (incl Norway)\tEU (incl Norway)\n"
    "#A\tRussia\tRussia\n"
    "#P\tNewtreaty\tCopenhagen new treaty vs extension of Kyoto\n"
    "#M\tNewtreaty\t0\tKyoto extended\n"
    "#M\tNewtreaty\t100\tnew treaty\n"
    "#P\tControl\tlevel of control of adaptation funding\n"
    "#D\tUSA\tNewtreaty\t10\t0.9\t0.26\n"
    "#D\tEU (incl Norway)\tNewtreaty\t50\t0.4\t0.156\n"
    "#D\tRussia\tNewtreaty\t90\t0.7\t0.013\n"
    "#D\tUSA\tControl\t10\t0.6\t0.26\n"
    "#D\tEU (incl Norway)\tControl\t50\t0.75\t0.156\n"
)

EC_EMISSIONS = """Actor,Capability,Position,Salience
Netherlands,0.08,4,80
Belgium,0.08,7,40
Luxembourg,0.03,4,20
Germany,0.16,4,80
France,0.16,10,60
Italy,0.16,10,60
UK,0.16,10,90
Ireland,0.05,7,10
Denmark,0.05,4,100
Greece,0.08,7,70
"""


def reference(name: str) -> Path:
    path = DATA / name
    if not path.is_file():
        pytest.skip(f"{DATA} not found — reference files are not part of the repo")
    return path


def reread_decide(case: Case, delimiter: str = ";") -> Case:
    """Export and import again, citing the original source (an export's own file is another)."""
    return read_decide(write_decide(case, delimiter=delimiter), as_of=case.as_of, source=case.sources[0])


def decide_data_rows(text: str) -> dict[tuple[str, str], list[float]]:
    """The #D rows of a decide text as {(actor, issue): [position, salience, power]}."""
    delimiter = "\t" if "\t" in text else ";"
    rows = [split_fields(line, delimiter) for line in text.splitlines()]
    return {(r[1], r[2]): [float(v) for v in r[3:6]] for r in rows if r[0] == "#D"}


# --- decide: the reference files ------------------------------------------------------------


def test_copenhagen_import() -> None:
    case = read_decide(reference("decide_copenhagen.csv"), as_of=AS_OF)
    assert (len(case.actors), len(case.issues)) == (11, 7)
    assert case.id == "decide-copenhagen"
    assert case.actor("EU (incl Norway)").kind == "group"
    snap = case.snapshot()
    assert snap.position.mask.sum() == 2
    assert snap.record("Russia", "Commitments") is None
    assert snap.record("Russia", "Extra") is None
    usa = snap.record("USA", "Newtreaty")
    assert usa is not None
    assert (usa.position, usa.salience, usa.capability) == (10.0, 90.0, 26.0)
    assert usa.sources == ("decide-file",) and usa.coded_by == "source" and usa.as_of == AS_OF
    source = case.sources[0]
    assert source.kind == "dataset" and source.title == "decide_copenhagen.csv"
    assert source.url is not None and source.url.startswith("file:///")
    assert "× 100" in (case.description or "")


def test_sample_data_import() -> None:
    case = read_decide(reference("decide_sample_data.txt"), as_of=AS_OF)
    assert (len(case.actors), len(case.issues)) == (10, 6)
    scale = case.issue("tol-hoogte").scale
    assert (scale.min, scale.max) == (0.5, 7.0)
    assert case.issue("wanneer-tol").description == "Wat is dit voor onzin?"
    assert case.actor("Willems").description == "Test"
    assert case.snapshot().position.mask.sum() == 0


@pytest.mark.parametrize("name", ["decide_copenhagen.csv", "decide_sample_data.txt"])
@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_decide_round_trip(name: str, delimiter: str) -> None:
    case = read_decide(reference(name), as_of=AS_OF)
    assert reread_decide(case, delimiter) == case


@pytest.mark.parametrize("name", ["decide_copenhagen.csv", "decide_sample_data.txt"])
def test_exported_numbers_equal_the_originals(name: str) -> None:
    path = reference(name)
    text = write_decide(read_decide(path, as_of=AS_OF))
    assert decide_data_rows(text) == decide_data_rows(path.read_text())
    # Shortest round-trip formatting: the text itself, not only the value, is unchanged.
    assert ";0.156\n" in text or name != "decide_copenhagen.csv"


def test_error_file_reports_the_bad_rows_by_line() -> None:
    path = reference("decide_copenhagen_with_errors.csv")
    lines = path.read_text().splitlines()
    negative = 1 + next(k for k, line in enumerate(lines) if "-0.247" in line)
    outside = 1 + next(k for k, line in enumerate(lines) if "\t160\t" in line)
    with pytest.raises(CaseError) as caught:
        read_decide(path, as_of=AS_OF)
    found = {(p.line, p.field) for p in caught.value.problems}
    assert (negative, "#D power") in found
    assert (outside, "#D position") in found
    assert all(p.file == str(path) for p in caught.value.problems)
    assert f"{path}:{negative}" in str(caught.value)


# --- decide: inline texts -----------------------------------------------------------------


def test_quoted_unquoted_crlf_and_semicolons_give_the_same_case() -> None:
    plain = read_decide(SMALL, as_of=AS_OF)
    quoted = "\n".join(
        "\t".join(f"'{f}'" if k % 2 else f'"{f}"' for k, f in enumerate(line.split("\t")))
        for line in SMALL.splitlines()
    )
    semicolons = SMALL.replace("\t", ";")
    for variant in (quoted, SMALL.replace("\n", "\r\n"), semicolons, "\ufeff" + SMALL + "\n\n"):
        assert read_decide(variant, as_of=AS_OF) == plain


def test_inline_text_defaults() -> None:
    case = read_decide(SMALL, as_of=AS_OF)
    assert (case.id, case.name) == ("copenhagen-excerpt", "Copenhagen excerpt")
    assert case.sources[0].url is None
    control = case.issue("Control").scale
    assert (control.min, control.max) == (0.0, 100.0)  # no #M rows: decide's own default
    assert [a.label for a in case.issue("Newtreaty").scale.anchors] == ["Kyoto extended", "new treaty"]
    assert case.snapshot().record("Russia", "Control") is None
    assert read_decide(SMALL, name="Other name", as_of=AS_OF).id == "other-name"


def test_rows_may_come_in_any_order() -> None:
    # #D and #M rows before the #A/#P rows they refer to, in reverse order; the actor and issue
    # order (the order of the case's tuples) stays that of the #A and #P rows.
    lines = SMALL.splitlines()
    data = [line for line in lines if line.startswith(("#D", "#M"))]
    rest = [line for line in lines if not line.startswith(("#D", "#M"))]
    shuffled = "\n".join([*reversed(data), *rest])
    assert read_decide(shuffled, as_of=AS_OF) == read_decide(SMALL, as_of=AS_OF)


def test_round_trip_inline() -> None:
    case = read_decide(SMALL, as_of=AS_OF)
    assert reread_decide(case) == case
    assert reread_decide(case, "\t") == case


def test_power_above_one_is_rescaled_and_recorded() -> None:
    text = "#A;a;A\n#A;b;B\n#P;x;X\n#D;a;x;10;0.5;40\n#D;b;x;20;0.5;8\n"
    case = read_decide(text, as_of=AS_OF)
    assert [p.capability for p in case.positions] == [100.0, 20.0]
    assert "× 2.5" in (case.description or "")


BAD_ROWS = [
    ("#D;USA;Newtreaty;10;0.9\n", "#D", "field"),
    ("#D;USA;Newtreaty;ten;0.9;0.26\n", "#D position", "not a number"),
    ("#D;USA;Newtreaty;10;1.5;0.26\n", "#D salience", "outside 0–1"),
    ("#D;USA;Newtreaty;10;0.9;-1\n", "#D power", "negative"),
    ("#D;Russia;Control;120;0.9;0.26\n", "#D position", "outside the range"),
    ("#D;Nobody;Newtreaty;10;0.9;0.26\n", "#D actor", "unknown actor"),
    ("#D;USA;Nothing;10;0.9;0.26\n", "#D issue", "unknown issue"),
    ("#D;Russia;Newtreaty;10;0.9;0.26\n", "#D", "second row"),
    ("#A;USA;United States\n", "#A key", "duplicate"),
    ("#P;Newtreaty;again\n", "#P key", "duplicate"),
    ("#X;what\n", "tag", "unknown row tag"),
    ("#M;Nothing;5\n", "#M issue", "unknown issue"),
    ("#D;USA;Newtreaty;nan;0.9;0.26\n", "#D position", "not a number"),
]


@pytest.mark.parametrize(("row", "field", "message"), BAD_ROWS)
def test_bad_row_is_reported_with_line_field_and_hint(row: str, field: str, message: str) -> None:
    text = SMALL.replace("\t", ";") + row
    line = text.count("\n")
    with pytest.raises(CaseError) as caught:
        read_decide(text, as_of=AS_OF)
    problems = caught.value.problems
    assert len(problems) == 1, problems
    assert (problems[0].line, problems[0].field) == (line, field)
    assert message in problems[0].message and problems[0].hint


def test_all_bad_rows_are_collected() -> None:
    text = SMALL.replace("\t", ";") + "".join(row for row, _, _ in BAD_ROWS)
    with pytest.raises(CaseError) as caught:
        read_decide(text, as_of=AS_OF)
    assert len(caught.value.problems) == len(BAD_ROWS)


@pytest.mark.parametrize("content", [b"", b"\n\n  \n", b"\xff\xfe\x00garbage\x81", bytes(range(256)),
                                     b"plain words\nno tags"])
def test_garbage_files_give_case_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "garbage.csv"
    path.write_bytes(content)
    with pytest.raises(CaseError):
        read_decide(path, as_of=AS_OF)
    with pytest.raises(CaseError):
        read_bdm(path, as_of=AS_OF)


def test_missing_file_gives_case_error(tmp_path: Path) -> None:
    with pytest.raises(CaseError, match="no such file"):
        read_decide(tmp_path / "absent.csv", as_of=AS_OF)
    with pytest.raises(CaseError, match="no such file"):
        read_decide(str(tmp_path / "absent.csv"), as_of=AS_OF)


def test_write_decide_rejects_other_delimiters() -> None:
    with pytest.raises(ValueError, match="delimiter"):
        write_decide(read_decide(SMALL, as_of=AS_OF), delimiter=",")


# --- BDM ------------------------------------------------------------------------------------


def test_bdm_ec_emissions() -> None:
    case = read_bdm(EC_EMISSIONS, issue_id="delay", issue_name="Delay in years", scale=(4, 10), as_of=AS_OF)
    issue = case.issue("delay")
    assert (issue.scale.min, issue.scale.max) == (4.0, 10.0)
    netherlands = case.snapshot().record("Netherlands", "delay")
    assert netherlands is not None
    assert (netherlands.capability, netherlands.position, netherlands.salience) == (8.0, 4.0, 80.0)
    assert len(case.actors) == 10


def test_bdm_defaults_and_semicolons() -> None:
    text = "salience;position;ACTOR;capability;note\n0.5;40;A;3;x\n0.8;60;B;12;\n"
    case = read_bdm(text, as_of=AS_OF)
    a = case.snapshot().record("A", "issue")
    assert a is not None and (a.salience, a.capability) == (50.0, 3.0)  # 0–1 salience, 0–100 capability
    assert case.issue("issue").scale.max == 100.0
    wide = read_bdm("Actor,Capability,Position,Salience\nA,200,-5,50\nB,100,250,60\n", as_of=AS_OF)
    assert (wide.issue("issue").scale.min, wide.issue("issue").scale.max) == (-5.0, 250.0)
    assert "lowest and highest position" in wide.issue("issue").description
    assert [p.capability for p in wide.positions] == [100.0, 50.0]


def test_bdm_round_trip() -> None:
    case = read_bdm(EC_EMISSIONS, issue_id="delay", scale=(4, 10), as_of=AS_OF)
    text = write_bdm(case, "delay")
    assert text.splitlines()[1] == "Netherlands,0.08,4.0,80.0"
    again = read_bdm(text, issue_id="delay", scale=(4, 10), as_of=AS_OF, name=case.name,
                     source=case.sources[0])
    assert again == case


def test_bdm_from_decide_case_skips_masked_cells() -> None:
    case = read_decide(SMALL, as_of=AS_OF)
    rows = write_bdm(case, "Control").splitlines()
    assert [r.split(",")[0] for r in rows[1:]] == ["USA", "EU (incl Norway)"]  # Russia has none
    with pytest.raises(KeyError):
        write_bdm(case, "Nothing")


@pytest.mark.parametrize(
    ("text", "line", "field"),
    [
        ("Actor,Capability,Position,Salience\nA,x,4,80\n", 2, "Capability"),
        ("Actor,Capability,Position,Salience\nA,-1,4,80\n", 2, "Capability"),
        ("Actor,Capability,Position,Salience\nA,1,4,80\nB,1,5,180\n", 3, "Salience"),
        ("Actor,Capability,Position,Salience\nA,1,4\n", 2, "row"),
        ("Actor,Capability,Position,Salience\nA,1,4,80\nA,1,5,80\n", 3, "Actor"),
        ("Actor,Capability,Position,Salience\nA,1,40,80\n", 2, "Position"),  # outside the 4–10 scale
        ("Actor,Power,Position,Salience\nA,1,4,80\n", 1, "header"),
    ],
)
def test_bdm_bad_rows(text: str, line: int, field: str) -> None:
    with pytest.raises(CaseError) as caught:
        read_bdm(text, scale=(4, 10), as_of=AS_OF)
    assert (line, field) in {(p.line, p.field) for p in caught.value.problems}


# --- nothing but a Case or a CaseError --------------------------------------------------------


def mutate(text: str, seed: int, edits: int) -> str:
    """``text`` with random characters, fields and lines deleted, inserted or duplicated."""
    rng = random.Random(seed)
    pieces = ["\t", ";", "'", '"', "\n", "\r", "#A", "#D", "#M", "#P", "-", "1e400", "0.5", "nan", " ", "\x00"]
    for _ in range(edits):
        k = rng.randrange(len(text) + 1)
        action = rng.randrange(4)
        if action == 0:
            text = text[:k] + text[k + rng.randrange(1, 8):]
        elif action == 1:
            text = text[:k] + rng.choice(pieces) + text[k:]
        elif action == 2:
            lines = text.split("\n")
            j = rng.randrange(len(lines))
            lines.insert(rng.randrange(len(lines) + 1), lines[j])
            text = "\n".join(lines)
        else:
            text = text[:k] + chr(rng.randrange(0x20, 0x3000)) + text[k:]
    return text


def assert_case_or_case_error(text: str, reader: str = "decide") -> None:
    read = read_decide if reader == "decide" else read_bdm
    try:
        case = read(text, as_of=AS_OF)
    except CaseError as exc:
        assert exc.problems
    else:
        assert isinstance(case, Case)


FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(seed=st.integers(0, 2**32), edits=st.integers(1, 12), tab=st.booleans())
def test_mutated_decide_text(seed: int, edits: int, tab: bool) -> None:
    base = SMALL if tab else SMALL.replace("\t", ";")
    assert_case_or_case_error(mutate(base, seed, edits))


@FUZZ
@given(st.text())
def test_random_text(text: str) -> None:
    assert_case_or_case_error(text)
    assert_case_or_case_error(text, "bdm")


@FUZZ
@given(seed=st.integers(0, 2**32), edits=st.integers(1, 12))
def test_mutated_bdm_text(seed: int, edits: int) -> None:
    assert_case_or_case_error(mutate(EC_EMISSIONS, seed, edits), "bdm")


@pytest.mark.skipif(not (DATA / "decide_copenhagen.csv").is_file(),
                    reason=f"{DATA} not found — reference files are not part of the repo")
@settings(max_examples=100, deadline=None)
@given(seed=st.integers(0, 2**32), edits=st.integers(1, 20))
def test_mutated_copenhagen_file(seed: int, edits: int) -> None:
    assert_case_or_case_error(mutate((DATA / "decide_copenhagen.csv").read_text(), seed, edits))


@settings(max_examples=100, deadline=None)
@given(st.binary())
def test_random_bytes(data: bytes) -> None:
    with contextlib.suppress(CaseError):
        read_decide(data, as_of=AS_OF)
