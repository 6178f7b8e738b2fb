"""Stance rules of rules-18, by reading conventions a careful reader applies anywhere: a document dated by
its month alone ("Their plan of November would …") is still the subject of its contents. Each on texts
written for the test, with cases where nothing may fire."""

from __future__ import annotations

from peacetalks.ingest.lexicon import Lexicon
from stancetext import pairs

PLAN = "us-28-point"


def test_a_document_dated_by_its_month_alone_gives_its_contents(lexicon: Lexicon) -> None:
    found = pairs(
        "Washington had its own ideas. Its 28-point plan of November would have lifted sanctions on Russia "
        "in stages.",
        lexicon,
    )
    assert ("united-states", "sanctions-relief") in found


def test_a_dated_document_no_one_wrote_gives_no_one_a_stance(lexicon: Lexicon) -> None:
    found = pairs("A plan of November would have lifted sanctions on Russia in stages.", lexicon)
    assert not {pair for pair in found if pair[1] == "sanctions-relief"}


def test_the_writers_after_which_was_written_by(lexicon: Lexicon) -> None:
    found = pairs(
        "Under the text, which was reportedly drafted by Steve Witkoff, Ukraine would hand over the rest of "
        "the Donetsk region.",
        lexicon,
    )
    assert ("united-states", "territory-donetsk") in found


def test_a_critic_after_which_was_is_no_writer(lexicon: Lexicon) -> None:
    found = pairs(
        "Under the text, which was sharply criticised by Germany, Ukraine would hand over the rest of the "
        "Donetsk region.",
        lexicon,
    )
    assert ("germany", "territory-donetsk") not in found


def test_a_long_report_after_an_apposition_and_its_hearers_is_the_reporters(lexicon: Lexicon) -> None:
    found = pairs(
        "Pete Hegseth, the American defence secretary, told European ministers in Brussels on Wednesday that "
        "a return to the frontiers of 2013, before Russia took Crimea, was unrealistic.",
        lexicon,
    )
    assert ("united-states", "territory-crimea") in found
    assert ("russia", "territory-crimea") not in found


def test_the_ideas_after_a_plans_contents_are_the_plans(lexicon: Lexicon) -> None:
    found = pairs(
        "Zelensky presented his peace formula to the summit. It also calls for a special tribunal for the crime "
        "of aggression. Sergei Lavrov dismissed the ideas as unrealistic.",
        lexicon,
    )
    assert ("russia", "peace-formula") in found
    assert ("russia", "accountability-amnesty") not in found


def test_the_idea_of_one_item_is_that_item_not_the_plan(lexicon: Lexicon) -> None:
    found = pairs(
        "Zelensky presented his peace formula to the summit. It also calls for a special tribunal for the crime "
        "of aggression. Sergei Lavrov dismissed the idea of a tribunal as unrealistic.",
        lexicon,
    )
    assert ("russia", "accountability-amnesty") in found
    assert ("russia", "peace-formula") not in found


def test_a_nationality_before_the_document_noun_of_a_named_proposal_is_its_writer(lexicon: Lexicon) -> None:
    found = pairs(
        "Kyiv accepted the American proposal for an immediate, interim 30-day ceasefire on Tuesday.",
        lexicon,
    )
    assert ("united-states", "jeddah-ceasefire-2025") in found


def test_a_nationality_the_case_does_not_hold_as_writer_gives_no_author(lexicon: Lexicon) -> None:
    found = pairs("Kyiv signed up to the Russian proposal for a 30-day ceasefire on Tuesday.", lexicon)
    assert ("russia", "jeddah-ceasefire-2025") not in found


def test_the_leaders_of_a_list_of_states_each_speak(lexicon: Lexicon) -> None:
    found = pairs(
        "In February 2015 the leaders of Germany, France, Ukraine and Russia endorsed the Package of Measures "
        "at a night of talks in Minsk.",
        lexicon,
    )
    assert {("germany", "minsk-ii"), ("france", "minsk-ii"), ("ukraine", "minsk-ii")} <= found


def test_a_group_made_up_of_a_list_is_not_each_member_speaking(lexicon: Lexicon) -> None:
    found = pairs(
        "A contact group made up of Ukraine, Russia and the OSCE welcomed the Package of Measures.", lexicon
    )
    assert ("osce", "minsk-ii") not in found


def test_a_proposal_named_by_its_terms_inside_a_documents_contents_is_not_the_plan_referred_to(
    lexicon: Lexicon,
) -> None:
    found = pairs(
        "Washington handed Kyiv its 28-point plan on Thursday. Under the plan, the lines in Kherson would be "
        "frozen where the armies now stand. Vladimir Putin said the proposals could serve as a basis.",
        lexicon,
    )
    assert ("russia", PLAN) in found
    assert ("russia", "ceasefire-current-line") not in found


def test_a_place_inside_a_proposals_name_is_not_what_it_stands_for(lexicon: Lexicon) -> None:
    found = pairs(
        "The Minsk Protocol was agreed in September 2014 after months of fighting. It provided for an "
        "immediate ceasefire and an amnesty.",
        lexicon,
    )
    assert not {pair for pair in found if pair[0] == "belarus"}


def test_freezing_the_front_lines_is_territory_not_when_fighting_stops(lexicon: Lexicon) -> None:
    found = pairs(
        "Leaked accounts say Moscow wants all of Donetsk and would in return freeze the front lines in Kherson "
        "and Zaporizhzhia.",
        lexicon,
    )
    assert ("russia", "territory-kherson") in found
    assert ("russia", "ceasefire-sequencing") not in found


def test_a_freeze_of_the_war_is_still_about_the_ceasefire(lexicon: Lexicon) -> None:
    found = pairs("Kyiv rejected any freeze of the war without guarantees.", lexicon)
    assert ("ukraine", "ceasefire-sequencing") in found


def test_a_coordinated_clause_inherits_the_subject_through_one_with_none(lexicon: Lexicon) -> None:
    found = pairs(
        "Moscow wanted all of the Donbas, and in return would give back small areas in the north and freeze "
        "the front lines in the south, while also seeking recognition of Crimea as Russian.",
        lexicon,
    )
    assert ("russia", "territory-crimea") in found


def test_positions_treated_as_the_line_of_contact_are_no_ceasefire_position(lexicon: Lexicon) -> None:
    found = pairs(
        "Under the draft, Ukraine and the United States would treat the positions the armies hold on the day "
        "of signing as the de facto line of contact.",
        lexicon,
    )
    assert not {pair for pair in found if pair[1] == "ceasefire-sequencing"}


def test_a_ceasefire_along_the_line_of_contact_is_still_one(lexicon: Lexicon) -> None:
    found = pairs("Zelensky proposed a ceasefire along the line of contact.", lexicon)
    assert ("ukraine", "ceasefire-sequencing") in found


def test_the_owner_of_a_noun_another_declares_invalid_states_nothing(lexicon: Lexicon) -> None:
    found = pairs(
        "The UN General Assembly declared Russia's claimed annexation of the Kherson region invalid.", lexicon
    )
    assert ("russia", "territory-kherson") not in found


def test_the_owner_of_a_demand_still_demands(lexicon: Lexicon) -> None:
    found = pairs("Zelensky rejected Russia's demand for the whole of the Donetsk region.", lexicon)
    assert ("russia", "territory-donetsk") in found


def test_the_subject_of_a_passive_kept_from_is_what_another_asks_for(lexicon: Lexicon) -> None:
    found = pairs(
        "Putin agreed in principle, but he asked how Ukraine would be kept from mobilising during a pause.",
        lexicon,
    )
    assert ("ukraine", "army-limits") not in found


def test_that_part_of_the_plan_is_what_the_sentence_before_said_of_it(lexicon: Lexicon) -> None:
    found = pairs(
        "The draft would have put $100 billion of frozen Russian assets into a US-led fund. Germany objected "
        "to that part of the plan.",
        lexicon,
    )
    assert ("germany", "frozen-assets-reparations") in found


def test_the_parts_of_a_region_are_no_reference_back(lexicon: Lexicon) -> None:
    found = pairs(
        "The framework keeps the Dnipro line in Kherson. It also has Russia withdraw from the parts of the "
        "Kharkiv region it occupies.",
        lexicon,
    )
    assert ("russia", "territory-kherson") not in found


def test_each_that_complement_of_one_report_is_the_reporters(lexicon: Lexicon) -> None:
    found = pairs(
        "Pete Hegseth, the defence secretary, told European ministers on Wednesday that the return of Crimea to "
        "Ukraine was unrealistic, that NATO membership for Ukraine was not a realistic outcome, and that Europe "
        "would have to carry the burden.",
        lexicon,
    )
    assert {("united-states", "territory-crimea"), ("united-states", "nato-neutrality")} <= found


def test_ukraines_counter_figure_of_2022_names_the_army_issue(lexicon: Lexicon) -> None:
    # the case's own anchor of army-limits: "a peacetime army of about 250,000 (Ukraine's offer, April 2022)"
    found = pairs("In the April draft Moscow asked for 85,000 troops, and Kyiv proposed 250,000.", lexicon)
    assert ("ukraine", "army-limits") in found


def test_countering_with_a_figure_proposes_it(lexicon: Lexicon) -> None:
    found = pairs("Moscow asked for a peacetime army of 85,000; Kyiv countered with 250,000 troops.", lexicon)
    assert ("ukraine", "army-limits") in found
