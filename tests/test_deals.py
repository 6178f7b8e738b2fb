"""Deals on a hand-computed two-party case and on the built-in Russia–Ukraine case."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest

from peacetalks import load_case
from peacetalks.case import parse_case_texts
from peacetalks.deals import DealError, assess, assess_all, preferences, space

HAND = """\
id: hand
name: Hand-computed case
as_of: 2025-01-01
sources:
  - {id: s1, title: Report, kind: news}
actors:
  - {id: north, name: North, kind: state, role: party}
  - {id: south, name: South, kind: state, role: party}
  - {id: broker, name: Broker, kind: state, role: mediator}
issues:
  - id: land
    name: Land
    category: territory
    description: 0 North keeps it, 100 South takes it.
    status_quo: {value: 50, coded_by: analyst, rationale: front line}
    scale:
      anchors: [{value: 0, label: North keeps it}, {value: 50, label: split}, {value: 100, label: South takes it}]
  - id: bloc
    name: Bloc
    category: security
    description: 0 North joins the bloc, 100 North stays neutral.
    status_quo: {value: 50, coded_by: analyst, rationale: undecided}
    scale: {anchors: [{value: 0, label: joins}, {value: 50, label: shelved}, {value: 100, label: neutral}]}
positions:
  - {actor: north, issue: land, as_of: 2024-01-01, position: 0, salience: 75,
     capability: 50, coded_by: analyst, rationale: r}
  - {actor: north, issue: bloc, as_of: 2024-01-01, position: 0, salience: 25,
     capability: 50, coded_by: analyst, rationale: r}
  - {actor: south, issue: land, as_of: 2024-01-01, position: 100, salience: 25,
     capability: 50, coded_by: analyst, rationale: r}
  - {actor: south, issue: bloc, as_of: 2024-01-01, position: 100, salience: 75,
     capability: 50, coded_by: analyst, rationale: r}
  - {actor: broker, issue: land, as_of: 2024-01-01, position: 50, salience: 50,
     capability: 50, coded_by: analyst, rationale: r}
reservations:
  - {actor: north, as_of: 2024-01-01, value: 0.5, role: veto, coded_by: analyst, rationale: r}
  - {actor: south, as_of: 2024-01-01, value: 0.5, role: veto, coded_by: analyst, rationale: r}
  - {actor: broker, as_of: 2024-01-01, value: 0.9, role: influence, coded_by: analyst, rationale: r}
proposals:
  - {id: split, name: Split, date: 2024-06-01, status: proposed, sources: [s1],
     positions: {land: {position: 50}, bloc: {position: 50}}}
  - {id: trade, name: Land for neutrality, date: 2024-06-01, status: proposed, sources: [s1],
     positions: {land: {position: 0}, bloc: {position: 100}}}
  - {id: reverse, name: Reverse trade, date: 2024-06-01, status: proposed, sources: [s1],
     positions: {land: {position: 100}, bloc: {position: 0}}}
  - {id: land-only, name: Land only, date: 2024-06-01, status: proposed, sources: [s1],
     positions: {land: {position: 0}}}
"""


def hand_case(extra: str = "") -> object:
    return parse_case_texts([("hand.yaml", HAND + extra)])


def test_hand_utilities_and_verdicts() -> None:
    case = hand_case()
    snap = case.snapshot()
    split = assess(snap, case.proposal("split"))
    # North weighs land 0.75, bloc 0.25; both at 50 of a 100-wide scale: 1 − 0.5 = 0.5.
    assert split.verdict("north").utility == pytest.approx(0.5)
    assert split.verdict("south").utility == pytest.approx(0.5)
    assert split.verdict("broker").utility == pytest.approx(1.0)
    assert split.accepted is True
    assert split.nash_product == pytest.approx(0.0)
    # Land for neutrality gives each side its more salient issue: 0.75 each, and dominates.
    assert split.dominated_by == {"land": 0.0, "bloc": 100.0}
    assert split.dominated_gain == pytest.approx({"north": 0.25, "south": 0.25})
    trade = assess(snap, case.proposal("trade"))
    assert trade.nash_product == pytest.approx(0.0625)
    assert trade.dominated_by is None
    assert trade.verdict("broker").acceptable is False  # influence only: the deal still stands
    assert trade.accepted is True


def test_deal_breakers_are_the_fewest_issues_that_restore_acceptance() -> None:
    case = hand_case()
    reverse = assess(case.snapshot(), case.proposal("reverse"))
    north = reverse.verdict("north")
    assert north.utility == pytest.approx(0.25)
    assert north.acceptable is False
    assert north.deal_breakers == ("land",)  # land back to 0 gives 1.0 ≥ 0.5
    assert reverse.verdict("south").deal_breakers == ("bloc",)
    assert reverse.accepted is False


def test_silence_is_a_choice() -> None:
    case = hand_case()
    snap = case.snapshot()
    status_quo = assess(snap, case.proposal("land-only"), silence="status-quo")
    assert status_quo.silent == ("bloc",)
    assert status_quo.package["bloc"] == 50.0
    assert status_quo.verdict("north").utility == pytest.approx(0.75 + 0.25 * 0.5)
    expectation = assess(snap, case.proposal("land-only"), silence="expectation")
    # Only South holds a position on the bloc, so the actors expect it at South's 100.
    assert expectation.package["bloc"] == 100.0
    assert expectation.verdict("north").utility == pytest.approx(0.75)


def test_status_quo_silence_needs_a_status_quo() -> None:
    without = HAND.replace("    status_quo: {value: 50, coded_by: analyst, rationale: undecided}\n", "")
    case = parse_case_texts([("h.yaml", without)])
    with pytest.raises(DealError, match="missing on: bloc"):
        assess(case.snapshot(), case.proposal("split"), silence="status-quo")
    # The automatic choice falls back to the actors' expectation.
    assert assess(case.snapshot(), case.proposal("land-only")).silence == "expectation"


def test_hand_space_zones_frontier_nash_and_ks() -> None:
    result = space(hand_case().snapshot())
    assert result.actors == ("north", "south")
    zones = {z.issue: z for z in result.zones}
    # North can give up land only while 0.75·d ≤ 0.5: d ≤ 2/3 of the scale.
    assert zones["land"].intervals["north"] == pytest.approx((0.0, 200 / 3))
    assert zones["land"].intervals["south"] == pytest.approx((0.0, 100.0))
    assert zones["land"].overlap == pytest.approx((0.0, 200 / 3))
    assert zones["bloc"].overlap == pytest.approx((100 / 3, 100.0))
    # Frontier of the 3 × 3 grid: (0,0) (0,50) (0,100) (50,100) (100,100).
    assert result.frontier_size == 5
    # Of the 9 packages only (0, 100) gives both sides ≥ 0.5, besides the split (0.5 each).
    assert result.agreement_count == 2
    assert result.agreement_size == 1
    assert result.nash is not None and result.nash.package == {"land": 0.0, "bloc": 100.0}
    assert result.kalai_smorodinsky is not None and result.kalai_smorodinsky.package == {"land": 0.0, "bloc": 100.0}
    assert result.nash.labels == {"land": "North keeps it", "bloc": "neutral"}
    assert result.closest == ()
    json.dumps(result.to_dict())


def test_no_agreement_reports_the_smallest_reservation_change() -> None:
    case = hand_case()
    result = space(case.snapshot(), reservation={"north": 0.8})
    assert result.agreement_size == 0 and result.nash is None
    best = result.closest[0]
    # South at ≥ 0.5 leaves North at most 0.75 (the trade): North must come down 0.05.
    assert [(c.actor, c.kind) for c in best.changes] == [("north", "reservation")]
    assert best.changes[0].needed == pytest.approx(0.75)
    assert best.size == pytest.approx(0.05)


def test_an_issue_nobody_cares_about_changes_nothing() -> None:
    extra_issue = HAND.replace("positions:\n", """  - id: flags
    name: Flags
    category: other
    description: nobody minds.
    status_quo: {value: 0, coded_by: analyst, rationale: none}
    scale: {anchors: [{value: 0, label: old}, {value: 100, label: new}]}
positions:
""", 1)
    plain = space(hand_case().snapshot())
    wider = space(parse_case_texts([("h.yaml", extra_issue)]).snapshot())
    assert wider.frontier_size == plain.frontier_size
    assert wider.nash is not None and plain.nash is not None
    assert wider.nash.utility == pytest.approx(plain.nash.utility)
    assert {k: v for k, v in wider.nash.package.items() if k != "flags"} == plain.nash.package


def test_bad_inputs_raise_deal_errors() -> None:
    snap = hand_case().snapshot()
    with pytest.raises(DealError, match="nowhere"):
        preferences(snap, actors=["nowhere"])
    with pytest.raises(DealError, match="0–1"):
        preferences(snap, reservation={"north": 1.5})
    with pytest.raises(DealError, match="veto"):
        space(snap, veto=[])


# --- the built-in case ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ru() -> dict[str, object]:
    case = load_case("russia-ukraine")
    snap = case.snapshot()
    return {"case": case, "snap": snap,
            "by": {a.proposal: a for a in assess_all(snap, case.proposals)}}


def test_russia_2024_terms_are_unacceptable_to_ukraine_and_europe(ru: dict) -> None:  # type: ignore[type-arg]
    terms = ru["by"]["russia-june-2024-terms"]
    assert terms.verdict("ukraine").acceptable is False
    assert terms.verdict("eu").acceptable is False
    assert terms.verdict("russia").acceptable is True
    assert "territory-donetsk" in terms.verdict("ukraine").deal_breakers


def test_peace_formula_is_unacceptable_to_russia(ru: dict) -> None:  # type: ignore[type-arg]
    formula = ru["by"]["peace-formula"]
    assert formula.verdict("russia").acceptable is False
    assert formula.verdict("ukraine").acceptable is True
    assert {"territory-donetsk", "nato-neutrality"} <= set(formula.verdict("russia").deal_breakers)


def test_28_and_20_point_plans_fall_on_either_side_of_the_gap(ru: dict) -> None:  # type: ignore[type-arg]
    draft28 = ru["by"]["us-28-point"]
    assert draft28.verdict("russia").acceptable is True
    assert draft28.verdict("ukraine").acceptable is False
    assert {"territory-donetsk", "army-limits", "security-guarantees"} <= set(draft28.verdict("ukraine").deal_breakers)
    frame20 = ru["by"]["us-ukraine-20-point"]
    assert frame20.verdict("ukraine").acceptable is True
    assert frame20.verdict("united-states").acceptable is True
    assert frame20.verdict("russia").acceptable is False
    assert {"territory-donetsk", "security-guarantees"} <= set(frame20.verdict("russia").deal_breakers)
    # Ukraine values the 20 points more than the 28, Russia the reverse.
    assert frame20.verdict("ukraine").utility > draft28.verdict("ukraine").utility
    assert frame20.verdict("russia").utility < draft28.verdict("russia").utility


def test_the_structural_verdicts_hold_over_the_reservation_ranges(ru: dict) -> None:  # type: ignore[type-arg]
    by = ru["by"]
    for proposal, actor in [("russia-june-2024-terms", "ukraine"), ("russia-june-2024-terms", "eu"),
                            ("peace-formula", "russia"), ("us-28-point", "ukraine"),
                            ("us-ukraine-20-point", "russia")]:
        verdict = by[proposal].verdict(actor)
        assert verdict.acceptable is False and verdict.robust is True, (proposal, actor)
    # The 20 points sit at the accepting end of Ukraine's bracket: that verdict is not robust.
    assert by["us-ukraine-20-point"].verdict("ukraine").robust is False
    overridden = assess(ru["snap"], ru["case"].proposal("us-28-point"), reservation={"russia": 0.5})
    assert overridden.verdict("russia").robust is None


def test_deal_breakers_moved_to_the_actor_make_the_package_acceptable(ru: dict) -> None:  # type: ignore[type-arg]
    prefs = preferences(ru["snap"])
    checked = 0
    for assessment in ru["by"].values():
        package = np.array([assessment.package[i] for i in prefs.issues])
        for verdict in assessment.verdicts:
            if verdict.acceptable is not False:
                continue
            a = prefs.index(verdict.actor)
            fixed = package.copy()
            for issue in verdict.deal_breakers:
                fixed[prefs.issues.index(issue)] = prefs.position[a, prefs.issues.index(issue)]
            assert prefs.acceptable(fixed[None, :])[0, a], (assessment.proposal, verdict.actor)
            # Fewest: without the last one the package is still unacceptable.
            fewer = fixed.copy()
            last = prefs.issues.index(verdict.deal_breakers[-1])
            fewer[last] = package[last]
            assert not prefs.acceptable(fewer[None, :])[0, a], (assessment.proposal, verdict.actor)
            checked += 1
    assert checked > 20


BRACKETS = {  # actor: (proposal rejected, proposal accepted), as the reservation rationales say
    "russia": ("ceasefire-current-line", "us-28-point"),
    "united-states": ("peace-formula", "us-28-point"),
    "eu": ("us-28-point", "ceasefire-current-line"),
    "uk": ("us-28-point", "paris-declaration"),
    "france": ("us-28-point", "paris-declaration"),
    "germany": ("us-28-point", "ceasefire-current-line"),
}


@pytest.mark.parametrize("actor", sorted(BRACKETS))
def test_reservation_values_follow_their_stated_brackets(ru: dict, actor: str) -> None:  # type: ignore[type-arg]
    rejected, accepted = BRACKETS[actor]
    res = next(r for r in ru["snap"].reservations if r is not None and r.actor == actor)
    low = ru["by"][rejected].verdict(actor).utility
    high = ru["by"][accepted].verdict(actor).utility
    assert res.range is not None
    assert res.range.low == pytest.approx(low, abs=0.01)
    assert res.range.high == pytest.approx(high, abs=0.01)
    assert res.value == pytest.approx((low + high) / 2, abs=0.01)


def test_ukraine_reservation_follows_the_kiis_packages_its_rationale_codes(ru: dict) -> None:  # type: ignore[type-arg]
    from peacetalks.deals.assess import default_values

    snap = ru["snap"]
    prefs = preferences(snap)
    territory = {i: 50.0 for i in snap.issues if i.startswith("territory-")}

    def package(**values: float) -> np.ndarray:
        stances = {**territory, "ceasefire-sequencing": 35.0, **{k.replace("_", "-"): v for k, v in values.items()}}
        base = default_values(snap, "status-quo")
        return np.array([stances.get(i, base[k]) for k, i in enumerate(snap.issues)])

    us_plan = package(territory_crimea=90, security_guarantees=40, sanctions_relief=100)
    europe_plan = package(security_guarantees=25, sanctions_relief=25)
    low, high = prefs.utility(np.stack([us_plan, europe_plan]))[:, prefs.index("ukraine")]
    res = snap.reservations[snap.actors.index("ukraine")]
    assert res is not None and res.range is not None
    assert (res.range.low, res.range.high) == pytest.approx((low, high), abs=0.01)
    assert res.value == pytest.approx((low + high) / 2, abs=0.01)


#: Istanbul 2022: the communiqué's stances with the April draft's agreed neutrality, then each
#: side's bracketed version of the guarantee trigger and the army cap.
_ISTANBUL = {"territory-crimea": 25.0, "territory-donetsk": 25.0, "territory-luhansk": 25.0, "nato-neutrality": 75.0,
             "security-guarantees": 40.0, "ceasefire-sequencing": 30.0}
UKRAINE_VERSION_2022 = {**_ISTANBUL, "army-limits": 65.0}
RUSSIA_VERSION_2022 = {**_ISTANBUL, "army-limits": 90.0, "security-guarantees": 80.0}
#: A ceasefire on the line of contact with nothing else settled (the scenarios' ceasefire package).
CEASEFIRE_ON_THE_LINE = {"ceasefire-sequencing": 0.0}
#: (date, actor, package rejected, package accepted) as the back-test reservations' rationales
#: say: a proposal id (silent issues at the status quo), explicit stances, or "own positions".
DATED_BRACKETS = [
    ("2022-04-15", "ukraine", RUSSIA_VERSION_2022, "istanbul-2022"),
    ("2022-04-15", "russia", UKRAINE_VERSION_2022, RUSSIA_VERSION_2022),
    ("2023-02-15", "ukraine", RUSSIA_VERSION_2022, "peace-formula"),
    ("2023-02-15", "russia", "peace-formula", "own positions"),
    ("2024-06-15", "ukraine", CEASEFIRE_ON_THE_LINE, "peace-formula"),
    ("2024-06-15", "russia", "peace-formula", "russia-june-2024-terms"),
    ("2025-03-15", "ukraine", "russia-june-2024-terms", "jeddah-ceasefire-2025"),
    ("2025-03-15", "russia", "jeddah-ceasefire-2025", "russia-june-2024-terms"),
    ("2025-11-15", "ukraine", "russia-memorandum-2025", "jeddah-ceasefire-2025"),
    ("2025-11-15", "russia", "jeddah-ceasefire-2025", "russia-memorandum-2025"),
]


@pytest.mark.parametrize(("day", "actor", "rejected", "accepted"), DATED_BRACKETS)
def test_backtest_reservations_follow_their_stated_brackets(ru: dict, day: str, actor: str,  # type: ignore[type-arg]
                                                            rejected: object, accepted: object) -> None:
    from peacetalks.deals.assess import default_values

    case = ru["case"]
    snap = case.snapshot(dt.date.fromisoformat(day))
    prefs = preferences(snap)
    base = default_values(snap, "status-quo")
    k = prefs.index(actor)

    def utility(package: object) -> float:
        if package == "own positions":
            values = np.where(np.isnan(prefs.position[k]), base, prefs.position[k])
        else:
            stances = ({i: s.position for i, s in case.proposal(package).positions.items()}
                       if isinstance(package, str) else package)
            values = np.array([stances.get(i, base[j]) for j, i in enumerate(snap.issues)])  # type: ignore[union-attr]
        return float(prefs.utility(values[None, :])[0, k])

    res = snap.reservations[snap.actors.index(actor)]
    assert res is not None and res.as_of == dt.date.fromisoformat(day) and res.range is not None
    low, high = utility(rejected), utility(accepted)
    assert (res.range.low, res.range.high) == pytest.approx((low, high), abs=0.01)
    assert res.value == pytest.approx((low + high) / 2, abs=0.01)


@pytest.mark.parametrize("day", sorted({d for d, *_ in DATED_BRACKETS}))
def test_only_the_two_parties_hold_a_veto_before_december_2025(ru: dict, day: str) -> None:  # type: ignore[type-arg]
    prefs = preferences(ru["case"].snapshot(dt.date.fromisoformat(day)))
    assert [a for a, v in zip(prefs.actors, prefs.veto, strict=True) if v] == ["ukraine", "russia"]


def test_every_reservation_is_sourced_or_reasoned(ru: dict) -> None:  # type: ignore[type-arg]
    case = ru["case"]
    assert {r.actor for r in case.reservations} >= {"ukraine", "russia", "united-states", "eu"}
    for res in case.reservations:
        assert res.rationale and res.sources
        for line in res.red_lines:
            assert line.rationale and (line.sources or line.coded_by.value == "analyst")
    for issue in case.issues:
        assert issue.status_quo is not None and issue.status_quo.rationale


def test_russia_ukraine_space_has_no_deal_and_names_the_donetsk_gap(ru: dict) -> None:  # type: ignore[type-arg]
    result = space(ru["snap"])
    assert result.actors == ("ukraine", "russia", "united-states")
    zones = {z.issue: z for z in result.zones}
    assert zones["territory-donetsk"].overlap is None
    assert zones["security-guarantees"].overlap == (40.0, 40.0)
    assert result.agreement_size == 0 and result.nash is None
    assert result.frontier_size > 0
    assert result.closest, "a smallest change should be found"
    first = result.closest[0]
    assert any(c.issue == "territory-donetsk" for c in first.changes)
    assert all(first.size <= other.size for other in result.closest)
    json.dumps(result.to_dict())


def test_assessment_is_json_ready(ru: dict) -> None:  # type: ignore[type-arg]
    text = json.dumps(ru["by"]["us-28-point"].to_dict())
    assert "deal_breakers" in text and "NaN" not in text and "Infinity" not in text


def test_utility_never_leaves_zero_to_one(ru: dict) -> None:  # type: ignore[type-arg]
    prefs = preferences(ru["snap"])
    rng = np.random.default_rng(3)
    packages = rng.uniform(prefs.low, prefs.high, size=(500, len(prefs.issues)))
    u = prefs.utility(packages)
    assert (u >= -1e-12).all() and (u <= 1 + 1e-12).all()
