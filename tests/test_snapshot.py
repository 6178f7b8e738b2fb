"""Snapshots: the latest position at or before a date, aligned arrays, explicit gaps."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from casetext import CASE_YAML
from peacetalks.case import Case, parse_case_texts


@pytest.fixture(scope="module")
def case() -> Case:
    return parse_case_texts([("case.yaml", CASE_YAML)])


def test_positions_follow_the_date(case: Case) -> None:
    early, late = case.snapshot("2023-01-01"), case.snapshot("2025-01-01")
    north, border = early.actors.index("north"), early.issues.index("border")
    assert early.position[north, border] == 0
    assert late.position[north, border] == 40
    assert early.record("north", "border").sources == ("wire-2022",)  # type: ignore[union-attr]
    assert late.record("north", "border").sources == ("wire-2024",)  # type: ignore[union-attr]


def test_a_position_dated_on_the_snapshot_day_counts(case: Case) -> None:
    snap = case.snapshot(dt.date(2024, 6, 1))
    assert snap.record("north", "border").position == 40  # type: ignore[union-attr]


def test_missing_values_are_masked_never_zero(case: Case) -> None:
    snap = case.snapshot("2023-01-01")
    assert snap.shape == (3, 2)  # every actor with a position somewhere, every issue
    broker, alliance = snap.actors.index("broker"), snap.issues.index("alliance")
    assert snap.position.mask[broker].all()  # the mediator spoke only in 2024
    assert snap.salience.mask[:, alliance].all()
    assert snap.record("broker", "border") is None
    # Masked cells drop out of reductions instead of pulling them towards zero.
    border = snap.issues.index("border")
    assert snap.position[:, border].mean() == 50


def test_arrays_are_aligned_and_typed(case: Case) -> None:
    snap = case.snapshot()
    assert snap.as_of == case.as_of
    assert snap.actors == ("north", "south", "broker")  # case order; the person holds no position
    assert snap.issues == ("border", "alliance")
    for array in (snap.position, snap.salience, snap.capability):
        assert isinstance(array, np.ma.MaskedArray)
        assert array.shape == snap.shape
        assert array.dtype == float
    np.testing.assert_array_equal(snap.scale_max, [100, 10])
    south = snap.actors.index("south")
    assert snap.capability[south].tolist() == [60, 60]


def test_chosen_actors_and_unknown_ones(case: Case) -> None:
    snap = case.snapshot(actors=["south", "leader"])
    assert snap.actors == ("south", "leader")
    assert snap.position.mask[1].all()
    with pytest.raises(KeyError, match="known: broker, leader, north, south"):
        case.snapshot(actors=["nobody"])


def test_dataframe_has_one_row_per_position_in_force(case: Case) -> None:
    frame = case.snapshot("2025-01-01").to_dataframe()
    assert len(frame) == 4
    row = frame[(frame.actor == "north") & (frame.issue == "border")].iloc[0]
    assert row.position == 40 and row.coded_by == "analyst" and row.sources == ["wire-2024"]
    assert list(frame.columns)[:5] == ["actor", "issue", "position", "salience", "capability"]


def test_a_copied_case_with_changes_gets_its_own_hash_and_lookups() -> None:
    from casetext import CASE_YAML
    from peacetalks.case import parse_case_texts

    case = parse_case_texts([("case.yaml", CASE_YAML)])
    before, first = case.content_hash, case.actors[0]
    renamed = first.model_copy(update={"name": "Renamed"})
    changed = case.model_copy(update={"actors": (renamed, *case.actors[1:])})
    assert changed.actor(first.id).name == "Renamed" and case.actor(first.id).name != "Renamed"
    assert changed.content_hash != before and case.content_hash == before
    assert case.model_copy().content_hash == before
