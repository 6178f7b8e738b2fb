"""The proposal and figure classes of rules-20, tuned on heldout36/37 and the older sets: each class
as probe sentences that must give the item, and near misses that must give none."""

from __future__ import annotations

import datetime as dt

from test_ingest_lexicon_rules18 import figures  # (value, unit) of each figure, as the rules-18 probes read them
from test_ingest_references import proposals  # the same probe helpers as the other proposal tests

# --- class 1: the Minsk Protocol by its formal title ----------------------------------------------


def test_the_minsk_protocol_is_named_by_its_formal_title() -> None:
    text = (
        "The text, formally the protocol on the results of consultations of the Trilateral Contact "
        "Group, has twelve points."
    )
    assert [p for _, p in proposals(text)] == ["minsk-i"]


def test_the_formal_title_and_its_short_name_in_apposition_are_one_mention() -> None:
    text = (
        "The Protocol on the results of consultations of the Trilateral Contact Group — the Minsk "
        "Protocol — was signed."
    )
    assert [p for _, p in proposals(text)] == ["minsk-i"]


def test_consultations_of_the_contact_group_alone_name_no_proposal() -> None:
    assert proposals("The results of consultations of the Trilateral Contact Group were disappointing.") == []


# --- class 2: a dated counter-noun with no author in the sentence -----------------------------------


def test_a_dated_counter_proposal_without_an_author_is_the_counter_proposal_of_that_month() -> None:
    # "their" stands for the Europeans of the sentence before: the counter-noun and its date say which
    text = (
        "The Europeans have been consistent. In August 2025 they insisted on a ceasefire first, and "
        "their counter-proposal of November 2025 opens with a complete one."
    )
    assert proposals(text) == [("counter-proposal", "ceasefire-current-line")]


def test_a_counter_proposal_dated_to_a_month_with_none_names_no_proposal() -> None:
    # the 28-point plan of the same month is no counter-proposal, and no counter-proposal is of March 2025
    assert proposals("Their counter-proposal of March 2025 opens with a complete ceasefire.") == []
    assert proposals("Their proposal of November 2025 opens with a complete ceasefire.") == []


# --- class 3: a document with "a" before it is no proposal two or more years older ------------------


def test_a_treaty_of_a_kind_is_not_the_istanbul_draft_three_years_on() -> None:
    text = (
        "In June 2025 Moscow's memorandum put a ceasefire first and only then a peace treaty "
        "signed by Ukraine and Russia."
    )
    assert [p for _, p in proposals(text)] == ["russia-memorandum-2025"]


def test_a_treaty_of_its_own_time_and_the_treaty_later_are_still_the_istanbul_draft() -> None:
    assert [
        p for _, p in proposals("In May 2022 the talks stalled over a peace treaty drafted by Ukraine and Russia.")
    ] == ["istanbul-draft-treaty-2022"]
    assert [
        p for _, p in proposals("In June 2025 the talks recalled the peace treaty drafted by Ukraine and Russia.")
    ] == ["istanbul-draft-treaty-2022"]


# --- class 4: "on its own conditions" is no document, as "on Russia's terms" ---------------------------


def test_on_its_own_conditions_names_no_proposal() -> None:
    text = (
        "On 2 June 2025 Russia offered local truces, while its memorandum allowed a ceasefire only "
        "on its own conditions."
    )
    assert proposals(text) == [("memorandum", "russia-memorandum-2025")]
    assert proposals("On 15 June 2024 Putin offered a truce only on his own conditions.") == []


def test_his_conditions_set_out_are_still_the_june_2024_terms() -> None:
    assert proposals("On 14 June 2024 Putin set out his conditions for a ceasefire.") == [
        ("conditions", "russia-june-2024-terms")
    ]


# --- class 5: "N members of" a body of states are countries ------------------------------------------


def test_members_of_the_coalition_are_countries() -> None:
    text = "About 35 members of the Coalition of the Willing adopted the declaration on 6 January 2026."
    assert (35.0, "countries") in figures(text)
    assert (27.0, "countries") in figures("All 27 member states of the EU backed the loan.")
    assert (32.0, "countries") in figures("Thirty-two members of the alliance met in The Hague.")


def test_members_of_a_parliament_or_a_delegation_are_no_countries() -> None:
    assert figures("About 35 members of parliament walked out.") == []
    assert figures("Twelve members of the delegation flew to Riyadh.") == []


# --- class 6 (dates): a month alone made a time by "of", a copula or a caption's number ------------------


def test_a_month_after_of_or_a_copula_or_before_a_caption_number_is_a_date() -> None:
    published = dt.date(2026, 1, 20)
    assert ("2025-11", "date") in figures("The 28-point plan of November would cap the army.", published)
    assert ("2025-11", "date") in figures("The largest month of 2025 was November, at 701 km².", published)
    assert ("2025-09", "date") in figures("Largest month: November, 701 km². September: 259 km².", published)


def test_an_ordinal_day_of_a_month_and_may_or_march_alone_are_not_read_so() -> None:
    published = dt.date(2015, 2, 13)
    assert ("2015-02", "date") not in figures("The ceasefire starts on the fifteenth of February.", published)
    assert all(
        u != "date" for _, u in figures("The prime minister was May, and the plan of March was a march.", published)
    )


# --- class 7: "taking it to N", the new total of the count before -------------------------------------


def test_taking_it_to_a_number_is_the_total_of_the_count_before() -> None:
    text = "The package would add 43 vessels to the EU's list, taking it to 640, and target banks."
    assert figures(text) == [(43.0, "vessels"), (640.0, "vessels")]


def test_taking_it_to_a_number_with_no_count_before_or_a_noun_after_is_no_total_of_it() -> None:
    assert figures("The court heard the appeal, taking it to 640 pages.") == []
    assert figures("They added 43 vessels, taking them to 12 ports.") == [(43.0, "vessels")]


# --- class 8: bare numbers "by" a date, two joined, in the unit of the count before ----------------------


def test_two_joined_numbers_by_a_date_take_the_unit_of_the_count_before() -> None:
    text = "The count reached 8,006 civilians killed in the first year, 10,582 and 19,875 by February 2024."
    assert figures(text) == [(8006.0, "civilians"), (10582.0, "civilians"), (19875.0, "civilians"), ("2024-02", "date")]


def test_numbers_by_a_date_with_no_count_before_are_no_count() -> None:
    assert figures("The index rose 5 and 7 by March 2024.") == [("2024-03", "date")]


# --- class 9 (dates): "this Thursday" is the day of the published date's week ----------------------------


def test_this_weekday_is_the_day_of_the_published_dates_week() -> None:
    monday = dt.date(2025, 11, 24)
    assert ("2025-11-27", "date") in figures("Trump wants an answer by Thanksgiving, which is this Thursday.", monday)
    assert ("2025-11-20", "date") not in figures(
        "Trump wants an answer by Thanksgiving, which is this Thursday.", monday
    )


def test_a_bare_weekday_and_last_weekday_still_look_back() -> None:
    monday = dt.date(2025, 11, 24)
    assert figures("Driscoll handed it over in Kyiv on Thursday.", monday) == [("2025-11-20", "date")]
    assert figures("Driscoll handed it over last Thursday.", monday) == [("2025-11-20", "date")]


# --- class 10: a day the published date would put ahead takes the year of the text's last date -----


def test_a_day_the_published_date_puts_ahead_takes_the_year_the_text_has_reached() -> None:
    text = "On 2 March 2025 France and Britain floated a truce. Nine days later, on 11 March, a ceasefire was proposed."
    assert ("2025-03-11", "date") in figures(text, dt.date(2026, 2, 10))


def test_a_day_with_no_earlier_date_in_the_text_keeps_the_year_it_had() -> None:
    assert ("2026-03-11", "date") in figures("Talks are due on 11 March.", dt.date(2026, 2, 10))


# --- class 11: "their" after one person names no owner of a plan ------------------------------------


def test_their_after_a_single_person_is_no_owner_of_the_plan() -> None:
    # (Russia's own "initiative" would be read otherwise: the grain deal it signed)
    text = "Dmitry Peskov said their initiative would be difficult to implement."
    assert proposals(text, dt.date(2023, 6, 17)) == []


def test_their_after_the_parties_named_still_owns_the_plan() -> None:
    found = proposals("Ukraine and the United States said their 30-day ceasefire proposal stood.")
    assert [p for _, p in found] == ["jeddah-ceasefire-2025"]
