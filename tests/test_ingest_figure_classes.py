"""Figure and proposal classes added with rules-10, after heldout16/17 were scored, and the
genres they had not used yet (factboxes in capitals, lecture notes, situation reports, fiscal
notes, style guides that space the thousands, vote tallies, court-filing style lists). Each class
is a probe sentence written for it, with a case where it must not fire."""

from __future__ import annotations

import datetime as dt

import pytest

from builtincase import lexicon
from peacetalks.ingest.extract import extract
from peacetalks.ingest.figures import find_figures
from peacetalks.ingest.types import Document, Evidence, SourceInfo


def figures(text: str, unit_before: str | None = None) -> list[tuple[str, float | str | None, str]]:
    return [(text[f.start : f.end], f.value, f.unit) for f in find_figures(text, unit_before)]


def values(text: str, unit_before: str | None = None) -> list[tuple[float | str | None, str]]:
    return [(value, unit) for _, value, unit in figures(text, unit_before)]


def evidence(text: str, published: dt.date | None = None) -> list[Evidence]:
    return extract(Document(SourceInfo("a.txt", "text", published=published), text), lexicon())


def named(text: str, published: dt.date | None = None) -> list[str | None]:
    return [e.proposal_id for e in evidence(text, published) if e.kind == "proposal"]


def test_months_in_capitals() -> None:
    assert values("DEC. 28, 2025, MAR-A-LAGO.") == [("2025-12-28", "date")]
    assert values("ISTANBUL, MARCH 2022.") == [("2022-03", "date")]
    assert values("14-15 DEC. 2025, BERLIN.") == [("2025-12-14", "date"), ("2025-12-15", "date")]
    assert values("GFX: TRUST IN NATO 43% (DEC 2025, YEAR ON YEAR)") == [(43.0, "%"), ("2025-12", "date")]
    # must not fire: a modal in a headline, the resort's name
    assert values("RUSSIA MAY AGREE, MAR-A-LAGO TOLD") == []


def test_a_number_is_never_cut_before_its_thousands() -> None:
    assert values("It verified 8,006 killed and 13,287 injured.", "civilians") == [
        (8006.0, "civilians"), (13287.0, "civilians")]  # fmt: skip
    # must not fire: the first digits alone
    assert (8.0, "civilians") not in values("In the first year it verified 8,006 killed.", "civilians")


def test_thousands_apart_by_spaces() -> None:
    assert values("Ukraine has some 3 000 km of front line.") == [(3000.0, "km")]
    assert values("It had 1\u202f000\u202f000 people displaced.") == [(1_000_000.0, "people")]
    assert values("The fund holds €3 000 million.") == [(3e9, "EUR")]
    # must not fire: a day after its month, or a year before a count, joined to the next number
    assert values("On March 3 500 prisoners were freed.") == [(500.0, "prisoners")]
    assert values("In 2024 300 civilians died.") == [("2024", "date"), (300.0, "civilians")]


def test_years_after_seasons_for_possessives_and_quarters() -> None:
    assert values("In the talks of spring 2022 its negotiators wanted lawsuits withdrawn.") == [("2022", "date")]
    assert values("Vladimir Putin's 2024 conditions made a ceasefire depend on it.") == [("2024", "date")]
    assert values("The figure for 2024 stays at roughly 3,604 km2.") == [("2024", "date"), (3604.0, "km2")]
    assert values("In Q3 2025 exports fell.") == [("2025", "date")]
    assert values("In the autumn of 2025 talks stalled.") == [("2025", "date")]
    # must not fire: counts after the same words
    assert values("Ukraine's 2000 troops left.") == [(2000.0, "troops")]
    assert values("They asked for 2000 soldiers.") == [(2000.0, "troops")]
    assert values("It lasted for 2000 years.") == [(730500.0, "day")]


def test_both_sides_of_a_vote_tally() -> None:
    text = "The General Assembly had voted 141 to 7, with 32 abstentions, for a just and lasting peace."
    assert values(text) == [(141.0, "votes"), (7.0, "votes"), (32.0, "votes")]
    assert values("The tallies: 143 to 5, with 35 abstentions.") == [(143.0, "votes"), (5.0, "votes"), (35.0, "votes")]
    assert values("The resolution passed 141 to 7.") == [(141.0, "votes"), (7.0, "votes")]
    tally = values("The Assembly voted 93-18 with 65 abstentions.")
    assert tally == [(93.0, "votes"), (18.0, "votes"), (65.0, "votes")]
    # must not fire: days of a month, a span with its unit, things counted
    assert values("The vote is due on 5 to 12 March.") == []
    assert values("The vote is due in 2 to 3 weeks.") == [(14.0, "day"), (21.0, "day")]
    assert values("The plan adopted 5 to 10 checkpoints.") == []


def test_the_dead_of_an_army_are_troops_and_their_remains_bodies() -> None:
    text = (
        "About 1.2 million Russian military casualties, including between 275,000 and 325,000 dead; and "
        "500,000 to 600,000 casualties on the Ukrainian side, including 100,000 to 140,000 killed."
    )
    assert values(text) == [(1.2e6, "casualties"), (275000.0, "troops"), (325000.0, "troops"), (500000.0, "casualties"),
                            (600000.0, "casualties"), (100000.0, "troops"), (140000.0, "troops")]  # fmt: skip
    text = "Russia's defence ministry acknowledged just over 6,000 dead; the BBC identified more than 160,000 by name."
    assert values(text) == [(6000.0, "troops"), (160000.0, "troops")]
    assert values("The sides returned the remains of 6,000 dead from each side.") == [(6000.0, "bodies")]
    # must not fire: the dead of a town, the dead civilians of a military strike (rules-12: in a
    # sentence on civilians and no army's losses, the dead are civilians)
    assert values("The shelling left 40 dead in Kharkiv.") == [(40.0, "casualties")]
    text = "The army's strike killed 12 civilians and left 40 dead."
    assert values(text) == [(12.0, "civilians"), (40.0, "civilians")]


def test_lost_died_and_an_adverb_before_the_verb() -> None:
    text = "Russia alone lost some 415,000 in 2025, roughly 35,000 a month."
    assert values(text) == [(415000.0, "casualties"), ("2025", "date"), (35000.0, "casualties")]
    text = "In 2024 2,088 civilians were killed; in 2023, 1,974 died."
    assert values(text) == [("2024", "date"), (2088.0, "civilians"), ("2023", "date"), (1974.0, "civilians")]
    assert values("They swapped 175 prisoners plus 23 badly wounded.") == [(175.0, "prisoners"), (23.0, "prisoners")]
    # must not fire: what was lost is a share, a verb without a count before
    assert values("Ukraine lost 20% of its territory.") == [(20.0, "%")]
    assert values("In 2023, 1,974 died.") == [("2023", "date")]


def test_armies_capped_or_proposed_with_the_words_before_the_number() -> None:
    text = "Moscow wanted a peacetime Ukrainian army of no more than 85,000; Kyiv proposed 250,000 and rejected cuts."
    assert values(text) == [(85000.0, "troops"), (250000.0, "troops")]
    assert values("Ukraine's forces would be capped at 600,000.") == [(600000.0, "troops")]
    assert values("The EU listed 189 vessels; the 19th added 117, bringing the total to 557.") == [
        (189.0, "vessels"), (117.0, "vessels"), (557.0, "vessels")]  # fmt: skip
    # must not fire: a day proposed, a cap on a share
    assert values("Moscow's army proposed 12 March for talks.") == []
    assert values("Forces were capped at 40% of the pre-war level.") == [(40.0, "%")]


def test_ranges_of_money_and_money_in_words() -> None:
    assert values("EUR 185–193bn of them are at Euroclear.") == [(185e9, "EUR"), (193e9, "EUR")]
    assert values("Russia tabled a twelve-trillion-dollar package.") == [(12e12, "USD")]
    found = find_figures("Aid came to $1,500 per capita.")
    assert [(f.value, f.unit, f.extra) for f in found] == [(1500.0, "USD", {"per": "person"})]
    # must not fire: a sum without a number, a pair that is no range
    assert values("It is a billion-dollar question.") == []
    assert values("Prices ranged €10–5.") == [(10.0, "EUR")]


def test_groups_guarantors_and_lists_after_a_colon() -> None:
    text = "500 Ukrainian prisoners came home, in groups of 200 and 300, with 2 civilians."
    assert values(text) == [(500.0, "prisoners"), (200.0, "prisoners"), (300.0, "prisoners"), (2.0, "civilians")]
    assert values("It listed 11 possible guarantors, from the UK to Israel.") == [(11.0, "countries")]
    text = "The mission counts only the civilian deaths it has verified: 1,974 in 2023, 2,088 in 2024."
    assert values(text) == [(1974.0, "civilians"), ("2023", "date"), (2088.0, "civilians"), ("2024", "date")]
    # must not fire: groups without a count before, a colon without a counted noun
    assert values("They met in groups of 20.") == []
    assert values("Key dates: 12 in 2023.") == [("2023", "date")]


def test_a_point_in_time_is_no_span_and_a_past_day_follows_the_date_before_it() -> None:
    assert values("The memorandum Russia handed over a year later demanded more.") == []
    assert values("The truce held for a year.") == [(365.25, "day")]
    published = dt.date(2026, 3, 8)
    text = "Earlier swaps came after the talks of 16 May 2025 and after the round of 2 June."
    assert [e.value for e in evidence(text, published) if e.kind == "figure"] == ["2025-05-16", "2025-06-02"]
    # must not fire: a day spoken of as ahead, a weekday naming a programme
    text = "The talks of 16 May 2025 will resume on 2 June."
    assert [e.value for e in evidence(text, published) if e.kind == "figure"] == ["2025-05-16", "2026-06-02"]
    text = "Zelensky tells Sunday programme the rest of Donetsk is not for sale."
    assert [e for e in evidence(text, published) if e.kind == "figure"] == []


def test_proposals_by_who_is_behind_them_where_they_were_agreed_and_when() -> None:
    text = "Letters on the European counter-proposal. The European governments behind the counter-proposal insisted."
    assert named(text) == ["ceasefire-current-line", "ceasefire-current-line"]
    text = "In a joint statement it agreed with the Americans in the Saudi city of Jeddah, Kyiv backed a 30-day truce."
    assert named(text) == ["jeddah-ceasefire-2025"]
    text = "Putin set out his conditions on 14 June 2024. The memorandum Russia handed over a year later asked more."
    assert named(text) == ["russia-june-2024-terms", "russia-memorandum-2025"]
    # must not fire: talks held there, being behind something else, too little time passed
    assert named("The talks they held with the Americans in Jeddah went well.") == []
    assert named("Russia is behind the attacks on the grid.") == []
    text = "Putin set out his conditions on 14 June 2024. The memorandum Russia handed over a month later asked more."
    assert named(text) == ["russia-june-2024-terms"]


def test_dates_of_registers_and_seasons_and_populations() -> None:
    assert values("Signed 2026/01/06 in Paris.") == [("2026-01-06", "date")]
    assert values("Report dated 18-Mar-2014.") == [("2014-03-18", "date")]
    assert values("In winter 2022/23 the grid failed.") == [("2022", "date"), ("2023", "date")]
    assert values("Population: 33.2 million (2024 est.).") == [(33.2e6, "people"), ("2024", "date")]
    text = "The population fell to about 31 million, from 41 million in 2021."
    assert values(text) == [(31e6, "people"), (41e6, "people"), ("2021", "date")]
    # must not fire: hours of a week, a population of things counted
    assert values("Help is available 24/7.") == []
    assert values("A population of 3 million cattle was lost.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Between 3,000 and 4,000 troops would be deployed.", [(3000.0, "troops"), (4000.0, "troops")]),
        ("Up to 1,200 prisoners could be exchanged.", [(1200.0, "prisoners")]),
        ("Nearly 600 civilians were evacuated.", [(600.0, "civilians")]),
        ("Russia spent 13.1 trillion roubles and Kyiv 2.2 trillion hryvnias.", [(13.1e12, "RUB"), (2.2e12, "UAH")]),
        ("The package is worth 50 mln euros.", [(50e6, "EUR")]),
        ("Support rose by three per cent.", [(3.0, "%")]),
        ("Talks resumed on the 3rd of March 2025 (and on March 5th, 2025).", [("2025-03-03", "date"),
                                                                              ("2025-03-05", "date")]),
        ("A deal is expected by mid-2025.", [("2025", "date")]),
        ("Russia earned 3.5 bln roubles; it cost $ 300 million.", [(3.5e9, "RUB"), (3e8, "USD")]),
        ("Prices saw a 10-percent rise.", [(10.0, "%")]),
        ("The talks went on for one and a half years.", [(547.88, "day")]),
        # must not fire: a point in time, a hyphenated share without a number
        ("Half a year later they met again.", []),
        ("A per-cent rise is small.", []),
    ],
)
def test_classes_the_rules_already_read_stay_read(text: str, expected: list[tuple[float | str, str]]) -> None:
    assert values(text) == expected


def test_proposals_by_short_forms_synonyms_and_a_document_in_a_place() -> None:
    assert named("The 28-pt plan was revised.") == ["us-28-point"]
    assert named("The grain corridor agreement expired in July 2023.") == ["black-sea-grain-initiative"]
    assert named("The US-Ukrainian statement in Jeddah on 11 March 2025 proposed a truce.") == ["jeddah-ceasefire-2025"]
    # must not fire: a point of a plan, a deal of another kind, talks in the same place
    assert named("Point 7 of the plan was revised.") == []
    assert named("The grain corridor reopened.") == []
    assert named("The talks in Jeddah lasted eight hours.") == []
