"""The deals commands driven as a user would: tables, JSON, help and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_deals import HAND


@pytest.fixture
def hand_file(tmp_path: Path) -> Path:
    path = tmp_path / "hand.yaml"
    path.write_text(HAND)
    return path


@pytest.mark.parametrize("command", ["assess", "space", "search", "sequence"])
def test_deals_commands_explain_themselves(run, command: str) -> None:  # type: ignore[no-untyped-def]
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Usage" in result.output and "--format" in result.output


def test_assess_table_marks_acceptance_and_deal_breakers(run) -> None:  # type: ignore[no-untyped-def]
    result = run("assess", "russia-ukraine", "us-28-point", "peace-formula")
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if line.split()[:1] == ["us-28-point"])
    assert row.count("✗") >= 2 and "✓" in row
    assert "Deal-breakers" in result.output
    assert "ukraine: territory-donetsk" in result.output


def test_assess_json_matches_the_api(run) -> None:  # type: ignore[no-untyped-def]
    result = run("assess", "russia-ukraine", "russia-june-2024-terms", "--format", "json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    verdicts = {v["actor"]: v for v in document["assessments"][0]["verdicts"]}
    assert verdicts["ukraine"]["acceptable"] is False and verdicts["eu"]["acceptable"] is False
    assert verdicts["russia"]["acceptable"] is True


def test_reservation_override_changes_the_verdict(run, hand_file: Path) -> None:  # type: ignore[no-untyped-def]
    plain = json.loads(run("assess", str(hand_file), "split", "--format", "json").stdout)
    strict = json.loads(run("assess", str(hand_file), "split", "-r", "north=0.6", "--format", "json").stdout)
    assert plain["assessments"][0]["accepted"] is True
    assert strict["assessments"][0]["accepted"] is False


def test_assess_without_reservations_shows_utilities(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "plain.yaml"
    path.write_text(HAND.split("reservations:")[0] + "proposals:" + HAND.split("proposals:")[1])
    result = run("assess", str(path), "split")
    assert result.exit_code == 0, result.output
    assert "no actor" in result.output.lower() and "0.50?" in result.output
    assert run("space", str(path)).exit_code == 1


def test_space_shows_zones_and_bargaining_solutions(run, hand_file: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("space", str(hand_file))
    assert result.exit_code == 0, result.output
    assert "Nash" in result.output and "Kalai–Smorodinsky" in result.output
    assert "0 — North keeps it" in result.output and "100 — neutral" in result.output
    document = json.loads(run("space", str(hand_file), "--format", "json").stdout)
    assert document["nash"]["package"] == {"land": 0.0, "bloc": 100.0}


def test_space_on_the_builtin_case_reports_the_smallest_change(run) -> None:  # type: ignore[no-untyped-def]
    result = run("space", "russia-ukraine")
    assert result.exit_code == 0, result.output
    assert "No package is better than no deal" in result.output
    assert "red-line" in result.output and "territory-donetsk" in result.output


def test_search_near_a_proposal(run) -> None:  # type: ignore[no-untyped-def]
    result = run("search", "russia-ukraine", "--near", "us-ukraine-20-point", "--accept-by", "russia",
                 "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    nearest = document["search"]["results"][0]
    assert "russia" in nearest["acceptable_to"]
    assert "territory-donetsk" in {m["issue"] for m in nearest["moves"]}


def test_search_lists_logrolls_from_the_status_quo(run, hand_file: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("search", str(hand_file))
    assert result.exit_code == 0, result.output
    assert "Trades that leave every veto holder better off" in result.output


def test_sequence_reports_each_phase(run) -> None:  # type: ignore[no-untyped-def]
    result = run("sequence", "russia-ukraine", "minsk-ii")
    assert result.exit_code == 0, result.output
    assert "needs a guarantor" in result.output and "settlement first" in result.output
    document = json.loads(run("sequence", "russia-ukraine", "minsk-ii", "--format", "json").stdout)
    assert [p["order"] for p in document["phases"]] == [1, 2, 3, 4]


def test_clear_errors(run, hand_file: Path) -> None:  # type: ignore[no-untyped-def]
    for args, words in [
        (("assess", "russia-ukraine", "no-such-plan"), "no proposal"),
        (("assess", str(hand_file), "-r", "north"), "ACTOR=VALUE"),
        (("sequence", str(hand_file), "split"), "lists no phases"),
        (("space", str(hand_file), "--veto", "ghost"), "ghost"),
    ]:
        result = run(*args)
        assert result.exit_code == 1, (args, result.output)
        assert words in result.output and "Traceback" not in result.output
