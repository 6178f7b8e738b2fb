"""Scoring one annotation against another: what eval_ingest.py and the agreement script report."""

from __future__ import annotations

from pathlib import Path

from peacetalks.ingest.evaluate import compare, score_text, total
from peacetalks.ingest.types import Evidence

REFERENCE = {
    "stances": [["russia", "territory-donetsk"], ["ukraine", "territory-donetsk"]],
    "figures": [[20, "%"], [20, "%"], ["2025-03-11", "date"]],
    "proposals": ["us-28-point"],
    "events": ["talks"],
}


def test_a_second_reader_is_scored_like_the_extractor() -> None:
    second = {
        "stances": [["russia", "territory-donetsk"], ["russia", "nato-neutrality"]],
        "figures": [[20.05, "%"], [20, "km2"], ["2025-03-11", "date"]],
        "proposals": ["us-28-point", "us-28-point"],
    }
    scores = compare(second, REFERENCE, "x")
    assert (scores["stance"].true_positives, scores["stance"].predicted, scores["stance"].expected) == (1, 2, 2)
    assert scores["stance"].misses == ["x stance: ['ukraine', 'territory-donetsk']"]
    assert scores["stance"].false_alarms == ["x stance: ['russia', 'nato-neutrality']"]
    # once per mention: the second 20 % is missing, and 20 km² is not 20 %
    assert scores["figure"].true_positives == 2 and scores["figure"].recall == 2 / 3
    assert scores["proposal"].precision == 0.5 and scores["proposal"].recall == 1.0
    assert scores["event"].recall == 0.0 and scores["event"].precision is None


def test_agreement_is_symmetric_in_true_positives() -> None:
    second = {"stances": [["russia", "territory-donetsk"]], "figures": [[20, "%"]]}
    ab, ba = total([compare(second, REFERENCE)]), total([compare(REFERENCE, second)])
    for kind in ("stance", "figure"):
        assert ab[kind].true_positives == ba[kind].true_positives
        assert ab[kind].precision == ba[kind].recall


def test_extracted_evidence_goes_through_the_same_comparison() -> None:
    stance = Evidence(
        kind="stance",
        text="R",
        start=0,
        end=1,
        sentence="R",
        sentence_start=0,
        extractor="stance/verb",
        confidence=0.9,
        actor_id="russia",
        issue_id="territory-donetsk",
    )
    scores = score_text([stance, stance], REFERENCE)
    assert scores["stance"].predicted == 1  # a pair is counted once however often it is extracted
    assert scores["stance"].true_positives == 1


def test_every_annotation_names_ids_the_case_has() -> None:
    # a misspelt id would only ever count as a miss, silently; the sealed sets in unscored/ are
    # left unread until they are scored
    import yaml

    from peacetalks import load_case

    case = load_case("russia-ukraine")
    actors = {a.id for a in case.actors}
    objects = {i.id for i in case.issues} | {p.id for p in case.proposals}
    data = Path(__file__).parent / "data" / "ingest"
    for path in [*data.glob("*.yaml"), *data.glob("agreement/*.yaml")]:
        for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["texts"]:
            where = f"{path.name} {entry['id']}"
            for actor, issue in entry.get("stances") or []:
                assert actor in actors and issue in objects, (where, actor, issue)
            assert set(entry.get("proposals") or []) <= {p.id for p in case.proposals}, where
            assert set(entry.get("events") or []) <= {"talks", "exchange", "strike", "ceasefire", "agreement"}, where
