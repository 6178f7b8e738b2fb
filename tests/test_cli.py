"""The peacetalks command, driven as a user would: help, show, validate, import, export, db."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from casetext import CASE_YAML

COMMANDS = [["cases"], ["show"], ["predict"], ["backtest"], ["validate"], ["import"], ["export"], ["schema"],
            ["db"], ["db", "init"]]


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo.yaml"
    path.write_text(CASE_YAML)
    return path


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_explains_itself(run, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Usage" in result.output and len(result.output.split()) > 15


def test_show_a_case_as_of_two_dates(run, case_file: Path) -> None:  # type: ignore[no-untyped-def]
    early = run("show", str(case_file), "--as-of", "2023-01-01", "--issue", "border")
    late = run("show", str(case_file), "--as-of", "2025-01-01", "--issue", "border")
    assert early.exit_code == 0 and late.exit_code == 0, early.output + late.output
    assert "North keeps everything" in early.stdout and "wire-2022" in early.stdout
    assert "freeze on the line" in late.stdout and "wire-2024" in late.stdout
    assert "https://example.org/2024" in late.stdout  # the cited source is listed with its address


def test_validate_ok_and_broken(run, case_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ok = run("validate", str(case_file))
    assert ok.exit_code == 0 and "valid" in ok.stdout
    broken = tmp_path / "broken.yaml"
    broken.write_text(CASE_YAML.replace("{actor: broker, issue: border", "{actor: nobody, issue: border")
                      .replace("salience: 80", "salience: 800"))
    result = run("validate", str(broken))
    assert result.exit_code == 1
    assert "unknown actor id 'nobody'" in result.output
    assert "less than or equal to 100" in result.output
    assert "broken.yaml" in result.output and "Traceback" not in result.output


def test_import_show_and_export_through_the_store(run, case_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("db", "init").exit_code == 0
    imported = run("import", str(case_file))
    assert imported.exit_code == 0, imported.output
    listed = run("cases")
    assert "demo" in listed.stdout and "stored" in listed.stdout
    shown = run("show", "demo")
    assert shown.exit_code == 0 and "Demo negotiation" in shown.stdout
    target = tmp_path / "out" / "demo.yaml"
    exported = run("export", "demo", "--format", "yaml", "--out", str(target))
    assert exported.exit_code == 0, exported.output
    from peacetalks.case import load_case_path

    assert load_case_path(target) == load_case_path(case_file)


def test_import_refuses_to_overwrite_different_content(run, case_file: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("import", str(case_file)).exit_code == 0
    case_file.write_text(CASE_YAML.replace("salience: 30", "salience: 35"))
    again = run("import", str(case_file))
    assert again.exit_code == 1 and "--replace" in again.output
    assert run("import", str(case_file), "--replace").exit_code == 0


def test_json_and_decide_and_bdm_exports(run, case_file: Path) -> None:  # type: ignore[no-untyped-def]
    as_json = run("export", str(case_file), "--format", "json")
    assert as_json.exit_code == 0 and '"id": "demo"' in as_json.stdout
    decide = run("export", str(case_file), "--format", "decide")
    assert decide.exit_code == 0 and "#D" in decide.stdout
    no_issue = run("export", str(case_file), "--format", "bdm")
    assert no_issue.exit_code == 1 and "--issue" in no_issue.output
    bdm = run("export", str(case_file), "--format", "bdm", "--issue", "border")
    assert bdm.exit_code == 0 and "north" in bdm.stdout.lower()


def test_clear_errors_without_tracebacks(run, case_file: Path) -> None:  # type: ignore[no-untyped-def]
    unknown = run("show", "no-such-case")
    assert unknown.exit_code == 1 and "known cases" in unknown.output
    bad_date = run("show", str(case_file), "--as-of", "March 2024")
    assert bad_date.exit_code == 1 and "YYYY-MM-DD" in bad_date.output
    bad_issue = run("show", str(case_file), "--issue", "water")
    assert bad_issue.exit_code == 1 and "known issues: border, alliance" in bad_issue.output
    for result in (unknown, bad_date, bad_issue):
        assert "Traceback" not in result.output


def test_schema_describes_the_case_file(run) -> None:  # type: ignore[no-untyped-def]
    result = run("schema")
    assert result.exit_code == 0
    assert '"positions"' in result.stdout and '"salience"' in result.stdout


def test_the_installed_command_runs(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "peacetalks", "validate", str(tmp_path / "nope.yaml")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "no such file" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("issue", ["territory-donetsk", "nato-neutrality"])
def test_builtin_case_shows_how_the_parties_moved(run, issue: str) -> None:  # type: ignore[no-untyped-def]
    import peacetalks

    case = peacetalks.load_case("russia-ukraine")
    shown = {}
    for when in ("2022-04-01", "2026-03-01"):
        result = run("show", "russia-ukraine", "--as-of", when, "--issue", issue)
        assert result.exit_code == 0, result.output
        shown[when] = result.stdout
    for actor in ("ukraine", "russia"):
        early = case.snapshot("2022-04-01").record(actor, issue)
        late = case.snapshot("2026-03-01").record(actor, issue)
        assert early is not None and late is not None
        assert early.position != late.position, f"{actor} did not move on {issue}"
        for record, text in ((early, shown["2022-04-01"]), (late, shown["2026-03-01"])):
            assert record.sources, f"{actor} on {issue} as of {record.as_of} cites no source"
            positions_table = text.split("Positions on", 1)[1]
            row = next(line for line in positions_table.splitlines() if line.startswith(f"│ {actor} "))
            assert f"{record.position:g}" in row and str(record.as_of) in row
            assert all(source in text for source in record.sources)
            assert case.source(record.sources[0]).url in text  # type: ignore[operator]


def test_predict_prints_each_model_side_by_side(run, case_file: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("predict", str(case_file), "--as-of", "2025-01-01", "--model", "compromise", "--model", "median")
    assert result.exit_code == 0, result.output
    assert "compromise" in result.stdout and "median" in result.stdout
    assert "freeze on the line" in result.stdout  # the scale label nearest to the outcome


def test_predict_json_and_csv_agree(run, case_file: Path) -> None:  # type: ignore[no-untyped-def]
    import csv
    import io
    import json

    as_json = json.loads(run("predict", str(case_file), "--format", "json").stdout)
    rows = list(csv.DictReader(io.StringIO(run("predict", str(case_file), "--format", "csv").stdout)))
    by_json = {(r["model"], r["issue"]): r["outcome"] for r in as_json["outcomes"]}
    by_csv = {(r["model"], r["issue"]): float(r["outcome"]) for r in rows}
    assert by_json == pytest.approx(by_csv)
    assert ("compromise", "border") in by_csv and as_json["case"] == "demo"


def test_predict_rejects_unknown_models(run, case_file: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("predict", str(case_file), "--model", "oracle")
    assert result.exit_code == 1 and "available:" in result.output


def test_predict_with_draws_gives_reproducible_intervals(run, case_file: Path) -> None:  # type: ignore[no-untyped-def]
    import json

    args = ("predict", str(case_file), "--draws", "300", "--seed", "5", "--format", "json")
    first, second = json.loads(run(*args).stdout), json.loads(run(*args).stdout)
    assert first == second
    row = next(r for r in first["outcomes"] if r["model"] == "compromise" and r["issue"] == "border")
    assert row["low_90"] < row["outcome"] < row["high_90"] and row["seed"] == 5 and row["draws"] == 300
    table = run("predict", str(case_file), "--draws", "300", "--seed", "5")
    assert "90 % of 300 draws, seed 5" in table.stdout


def test_backtest_scores_the_ec_reference_case(run) -> None:  # type: ignore[no-untyped-def]
    result = run("backtest", "ec-emissions")
    assert result.exit_code == 0, result.output
    # Published: compromise 7.39 and weighted median 7.0 against the actual 8.833 years.
    assert "1.443" in result.stdout and "1.833" in result.stdout
    no_outcome = run("backtest", "russia-ukraine")
    assert no_outcome.exit_code == 1 and "records no actual outcome" in no_outcome.output


def test_analysis_runs_are_registered_in_the_store(run, case_file: Path) -> None:  # type: ignore[no-untyped-def]
    from peacetalks.case import load_case_path
    from peacetalks.store import Store

    assert run("predict", str(case_file), "--draws", "50", "--seed", "9").exit_code == 0  # no store yet: not recorded
    assert run("db", "init").exit_code == 0
    result = run("predict", str(case_file), "--draws", "50", "--seed", "9")
    assert result.exit_code == 0 and "recorded as run" in result.output
    assert run("backtest", "ec-emissions").exit_code == 0
    with Store.open() as store:
        runs = store.runs()
    assert [r.kind for r in runs] == ["predict", "backtest"]
    assert runs[0].seed == 9 and runs[0].case_hash == load_case_path(case_file).content_hash
    assert runs[0].parameters["draws"] == 50 and runs[0].result["outcomes"]
