"""Figure classes added with rules-14, after heldout24/25 were scored: the misses of heldout22–25
and train3/train4 sorted into classes, and forms of figures new genres carry that no set had yet
(crawls in capitals, fiscal notes, energy and market reports). Each class is a probe sentence
written for it, with a case where it must not fire."""

from __future__ import annotations

import datetime as dt

from builtincase import lexicon
from peacetalks.ingest.extract import extract
from peacetalks.ingest.figures import find_figures
from peacetalks.ingest.types import Document, SourceInfo
from test_ingest_figures_rules12 import values  # the same probe helpers as the rules-12 figure tests


def dated(text: str, published: dt.date | None = None) -> list[tuple[str, float | str | None, str]]:
    """The figures of ``text`` read as a document, with relative dates resolved."""
    found = extract(Document(SourceInfo("a.txt", "text", published=published), text), lexicon())
    return [(e.text, e.value, e.unit) for e in found if e.kind == "figure"]


def test_days_and_months_without_a_year_in_capitals() -> None:
    published = dt.date(2026, 2, 6)
    assert dated("TALKS: ENVOYS MET PUTIN ON 22 JAN; ROUND 2 HELD ON 4–5 FEB", published) == [
        ("22 JAN", "2026-01-22", "date"), ("4", "2026-02-04", "date"), ("5 FEB", "2026-02-05", "date")]  # fmt: skip
    assert ("DECEMBER", "2025-12", "date") in dated("EU: LOAN AGREED IN DECEMBER, NO USE OF ASSETS", published)
    # must not fire: a modal in capitals, with no day and no preposition before it
    assert dated("RUSSIA MAY AGREE TO TALKS", published) == []


def test_hours_and_years_in_short_forms() -> None:
    assert values("ENVOYS SPENT ABOUT 4 HRS WITH PUTIN; A 24-hr HALT; A 10 yrs GUARANTEE") == [
        (4.0, "hour"), (24.0, "hour"), (3652.5, "day")]  # fmt: skip
    # must not fire: letters that only look like the unit
    assert values("Talks with 4 HRW researchers") == []


def test_a_word_ending_in_s_after_a_year_is_no_count() -> None:
    assert values("The biggest month of 2025 was November.") == [("2025", "date")]
    assert values("2025 has been the hardest year.") == [("2025", "date")]
    # must not fire: a plural noun after the number is what it counts
    assert values("The army of 2000 soldiers left.") == [(2000.0, "troops")]


def test_money_between_two_sums_and_new_currencies() -> None:
    assert values("Of that, between EUR 185bn and 193bn is held at Euroclear.") == [
        (185e9, "EUR"), (193e9, "EUR")]  # fmt: skip
    assert values("It would cost between $5 and 10 billion.") == [(5e9, "USD"), (10e9, "USD")]
    assert values("The bank holds CHF 7.5bn (7.5 billion Swiss francs), ₽300bn and EUR1.5bn.") == [
        (7.5e9, "CHF"), (7.5e9, "CHF"), (300e9, "RUB"), (1.5e9, "EUR")]  # fmt: skip
    # must not fire: a bare number of people after a sum is no sum; letters before a code
    assert values("The gap is between $5 and 10 people.") == [(5.0, "USD"), (10.0, "people")]
    assert values("Reference XEUR5 was filed.") == []


def test_army_strengths_ranges_caps_and_peacetime() -> None:
    assert values("Reports of a force of 15,000 to 30,000 could not be verified.") == [
        (15000.0, "troops"), (30000.0, "troops")]  # fmt: skip
    assert values("Kyiv refused the 600,000 ceiling and a 250,000-troop limit.") == [
        (600000.0, "troops"), (250000.0, "troops")]  # fmt: skip
    assert values("The framework keeps them at 800,000 in peacetime.") == [(800000.0, "troops")]
    # a country's name is no count: the army's rule reads the number after "the army at"
    assert values("The plan the United States drafted keeps the army at 800,000.") == [(800000.0, "troops")]
    # must not fire: small numbers, caps that are shares
    assert values("It kept 40 in peacetime, with a 50% cap on tariffs.") == [(50.0, "%")]


def test_numbers_listed_with_and_before_a_unit() -> None:
    assert values("The bands were 50, 70 and 140 km wide.") == [(50.0, "km"), (70.0, "km"), (140.0, "km")]
    # must not fire: a number with its own unit before "and"
    assert values("It killed 2 civilians and 500 prisoners went home, and 2 and 5 km.") == [
        (2.0, "civilians"), (500.0, "prisoners"), (5.0, "km")]  # fmt: skip


def test_parts_that_add_up_to_a_count() -> None:
    assert values("500 Ukrainians came home over two days, 200 and then 300.") == [
        (500.0, "people"), (2.0, "day"), (200.0, "people"), (300.0, "people")]  # fmt: skip
    assert values("He was one of 500 prisoners freed, 200 on the first day and 300 on the second.") == [
        (500.0, "prisoners"), (200.0, "prisoners"), (300.0, "prisoners")]  # fmt: skip
    # must not fire: numbers after a count that do not add up to it, days of a month
    assert values("500 prisoners were freed, 20 and then 30 km away.")[:1] == [(500.0, "prisoners")]
    assert (5.0, "prisoners") not in values("500 prisoners came home on 5 and 6 March, 200 and then 300.")
    assert values("500 prisoners were freed at site 12 and site 40.") == [(500.0, "prisoners")]


def test_the_dead_among_casualties_and_deaths_after_civilians() -> None:
    assert values("Russia suffered 1.2 million casualties, 275,000 to 325,000 of them killed.") == [
        (1.2e6, "casualties"), (275000.0, "troops"), (325000.0, "troops")]  # fmt: skip
    assert values("It counted 2,514 civilians killed, after 1,974 deaths in 2023.")[:2] == [
        (2514.0, "civilians"), (1974.0, "civilians")]  # fmt: skip
    # must not fire: dead among civilian casualties stay civilians; deaths with an army are no civilians
    assert (40.0, "troops") not in values("There were 300 civilian casualties, including 40 killed.")
    assert values("It counted 25 civilians killed, while the army reported 1,974 deaths.")[1] == (1974.0, "casualties")


def test_barrels_fiscal_years_and_shares_in_digits() -> None:
    assert values("Russia ships 3.5 million barrels a day, or 1.2m bpd by sea.") == [
        (3.5e6, "barrels"), (1.2e6, "barrels")]  # fmt: skip
    assert [f.extra for f in find_figures("It ships 1.2m bpd.")] == [{"per": "day"}]
    assert values("Spending in FY2024 rose.") == [("2024", "date")]
    assert values("1 in 5 Ukrainians and 3 out of 4 voters agreed.") == [(20.0, "%"), (75.0, "%")]
    # must not fire: a year after "in"; a percentage after it; letters around the FY
    assert values("He scored 1 in 2025.") == [("2025", "date")]
    assert values("1 in 3% of cases") == [(3.0, "%")]
    assert values("The FY2024X code.") == []


def test_a_toll_counts_casualties_and_a_number_word_is_no_word_between() -> None:
    assert values("It counted 140,000 dead soldiers; the combined toll of roughly 1.8 million could grow.")[-1] == (
        1.8e6, "casualties")  # fmt: skip
    assert values("The Council adopted it 10-0 with five abstentions.") == [
        (10.0, "votes"), (0.0, "votes"), (5.0, "votes")]  # fmt: skip
    # must not fire: a toll without a number stays unread; words between a number and its noun still count
    assert values("The toll of the war grew, and 140,000 soldiers were killed.") == [(140000.0, "troops")]
    assert values("It freed 12 badly wounded prisoners.") == [(12.0, "prisoners")]


def test_numbers_added_in_all_and_a_list_brought_to() -> None:
    assert values("The EU listed 189 vessels, the 19th added 117, for 557 in all, and the 20th would add 43, "
                  "taking the list to 640.") == [
        (189.0, "vessels"), (117.0, "vessels"), (557.0, "vessels"), (43.0, "vessels"), (640.0, "vessels")]  # fmt: skip
    # must not fire: with no count before, a number in all has no unit; a list of things has its own noun
    assert values("They met 3 times in all.") == []
    assert values("The list of 189 vessels grew.") == [(189.0, "vessels")]


def test_a_bare_range_after_a_duration_month_long_and_leaders_present() -> None:
    assert values("The US offered a guarantee of 15 years; Ukraine has asked for 30 to 50.") == [
        (5478.75, "day"), (10957.5, "day"), (18262.5, "day")]  # fmt: skip
    assert values("They floated a month-long truce and a year-long freeze.") == [(30.44, "day"), (365.25, "day")]
    assert values("The 18 leaders present backed the plan.") == [(18.0, "people")]
    # must not fire: a range far from the duration, or after a count; "long" apart; the people a report cites
    far = "The truce held for 15 days; afterwards the two delegations, tired, angry and short of sleep, argued "
    far += "for 30 to 50."
    assert values(far) == [(15.0, "day")]
    assert values("It freed 15 prisoners and asked for 30 to 50.") == [(15.0, "prisoners")]
    assert values("It took a month, long enough.") == []
    assert values("Two people present said so.") == []
