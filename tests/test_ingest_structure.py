"""Stances whose speaker or object the sentence's structure gives (rules-8): a passive's agents
after a phrase of time or place and joined by "and", lists, the head of a noun phrase a relative
clause follows, clauses that go on past a comma. Each rule with a case where it must not fire."""

from __future__ import annotations

from peacetalks.ingest.lexicon import Lexicon
from stancetext import pairs, stances


def test_a_passive_has_every_agent_joined_by_and(lexicon: Lexicon) -> None:
    text = "The 20-point framework drafted by Kyiv and Washington treats the front as the line of contact."
    assert pairs(text, lexicon) == {("ukraine", "us-ukraine-20-point"), ("united-states", "us-ukraine-20-point")}
    # the members of a group named after it, past a date with a comma in it
    minsk = "The Minsk Protocol was signed on September 5, 2014 by the Contact Group of Ukraine, Russia and the OSCE."
    assert pairs(minsk, lexicon) == {("ukraine", "minsk-i"), ("russia", "minsk-i"), ("osce", "minsk-i")}
    # a comma alone does not join: the actor after it begins the next clause
    said = "The 28-point plan was rejected by Moscow, Kyiv said on Friday."
    assert pairs(said, lexicon) == {("russia", "us-28-point")}


def test_a_passive_agent_after_a_phrase_of_time_place_or_manner(lexicon: Lexicon) -> None:
    text = "Crimea, Luhansk and Donetsk would be recognised as Russian de facto, including by the United States."
    assert pairs(text, lexicon) == {
        ("united-states", "territory-crimea"),
        ("united-states", "territory-luhansk"),
        ("united-states", "territory-donetsk"),
    }
    # a verb between the cue and "by" makes the agent someone else's: the talks were brokered by Turkey
    brokered = "Russia rejected the 28-point plan in talks brokered by Turkey."
    assert pairs(brokered, lexicon) == {("russia", "us-28-point")}
    # "by" a date is no agent, and the cue keeps its speaker
    dated = "Russia accepted the 28-point plan on Monday by a decree."
    assert pairs(dated, lexicon) == {("russia", "us-28-point")}


def test_a_relative_clause_is_said_of_the_head_of_the_noun_phrase(lexicon: Lexicon) -> None:
    text = "He was sceptical of the idea of a free economic zone in the Donbas, which US negotiators have floated."
    assert pairs(text, lexicon) == {("united-states", "demilitarised-zone")}
    # a part the whole includes goes with it
    borders = (
        "Among its points is the restoration of Ukraine's internationally recognised borders, Crimea included, "
        "which Kyiv describes as non-negotiable."
    )
    found = {pair for pair in pairs(borders, lexicon) if pair[0] == "ukraine"}
    assert ("ukraine", "territory-donetsk") in found and ("ukraine", "territory-kherson") in found
    # items of a list are no qualifiers: the relative clause follows the last
    listed = "Talks covered sanctions relief and the Donbas, which Moscow demands."
    assert pairs(listed, lexicon) == {("russia", "territory-donetsk"), ("russia", "territory-luhansk")}


def test_an_aside_between_commas_does_not_end_the_clause(lexicon: Lexicon) -> None:
    text = "The United States would accept in practice, though not in law, Russian control of Kherson."
    assert pairs(text, lexicon) == {("united-states", "territory-kherson")}
    # "though" opening a clause of its own still ends the one before
    clause = "The United States would accept a ceasefire, though Russia wants Kherson."
    assert ("united-states", "territory-kherson") not in pairs(clause, lexicon)


def test_a_that_clause_coordinated_with_and_that_keeps_the_cue(lexicon: Lexicon) -> None:
    text = "EU leaders have insisted that a ceasefire come first, and that Ukraine receive binding guarantees."
    assert pairs(text, lexicon) == {("eu", "ceasefire-sequencing"), ("eu", "security-guarantees")}
    # a clause that is no that-clause is not the cue's
    other = "EU leaders have insisted on a ceasefire, and that Ukraine receive binding guarantees is unclear."
    assert ("eu", "security-guarantees") not in pairs(other, lexicon)


def test_a_list_between_dashes_after_a_short_complement_is_the_cues_object(lexicon: Lexicon) -> None:
    text = "The recognition of the regions Russia claims as its own – Crimea and Kherson – was not negotiable."
    assert {("russia", "territory-crimea"), ("russia", "territory-kherson")} <= pairs(text, lexicon)
    # a term before the dash is the object; the dash ends the clause
    later = "Russia claims all of Donetsk – and Ukraine wants Kherson back."
    assert ("russia", "territory-kherson") not in pairs(later, lexicon)


def test_signing_alongside_another_makes_it_a_second_signatory(lexicon: Lexicon) -> None:
    text = "Ankara co-brokered the Black Sea Grain Initiative and signed it alongside the United Nations."
    assert ("un", "black-sea-grain-initiative") in pairs(text, lexicon)
    # standing alongside someone when rejecting is no shared rejection
    stood = "Standing alongside the UN chief, Russia rejected the Black Sea Grain Initiative."
    assert ("un", "black-sea-grain-initiative") not in pairs(stood, lexicon)


def test_the_delegations_alone_are_the_two_parties_named_before(lexicon: Lexicon) -> None:
    text = (
        "The talks between Ukraine and Russia began in Istanbul. The delegations agreed to swap 1,000 prisoners each."
    )
    assert pairs(text, lexicon) == {("ukraine", "prisoners-humanitarian"), ("russia", "prisoners-humanitarian")}
    # a mediator and a party are not "the delegations" (the case says who the parties are)
    mediated = "Donald Trump spoke with Vladimir Putin on Tuesday. The delegations agreed to swap 1,000 prisoners each."
    assert pairs(mediated, lexicon) == set()


def test_a_speaker_inside_a_documents_relative_clause_owns_the_document(lexicon: Lexicon) -> None:
    text = "The round produced the Istanbul Communiqué, in which Ukraine's negotiators proposed permanent neutrality."
    assert pairs(text, lexicon) == {("ukraine", "istanbul-2022"), ("ukraine", "nato-neutrality")}
    # a document the speaker only comments on after a comma is no relative clause of it
    comment = "Talks turned to the Istanbul Communiqué, and Ukraine proposed permanent neutrality."
    assert ("ukraine", "istanbul-2022") not in pairs(comment, lexicon)


def test_a_documents_contents_go_on_past_a_question_and_a_cue_after_would(lexicon: Lexicon) -> None:
    text = (
        "Steve Witkoff drew up the 28-point plan.\n"
        "Washington's text would cap the Ukrainian armed forces at 600,000.\n"
        "And what does Russia get?\n"
        "Sanctions would be lifted, Russia would be invited back, and every party would receive an amnesty."
    )
    assert ("united-states", "accountability-amnesty") in pairs(text, lexicon)
    # a cue before the "would" makes the sentence a statement of its own, not the document's
    own = (
        "Steve Witkoff drew up the 28-point plan.\n"
        "Washington's text would cap the Ukrainian armed forces at 600,000.\n"
        "Russia rejected it and said every party would receive an amnesty."
    )
    assert ("united-states", "accountability-amnesty") not in pairs(own, lexicon)


def test_a_list_of_actors_speaks_as_one(lexicon: Lexicon) -> None:
    text = "France, Germany and Britain have all rejected the 28-point plan."
    assert pairs(text, lexicon) == {("france", "us-28-point"), ("germany", "us-28-point"), ("uk", "us-28-point")}
    neither = stances("Neither France nor Germany supports the 28-point plan.", lexicon)
    assert {(e.actor_id, e.polarity) for e in neither} == {("france", "negative"), ("germany", "negative")}
    # commas alone make an apposition, not a list; and a list governed by "of" is not the subject
    assert pairs("Peskov, the Kremlin spokesman, rejected the 28-point plan.", lexicon) == {("russia", "us-28-point")}
    made_of = "The Contact Group, made up of Ukraine, Russia and the OSCE, rejected the 28-point plan."
    assert ("osce", "us-28-point") not in pairs(made_of, lexicon)


def test_as_did_and_agreed_with_name_a_second_actor(lexicon: Lexicon) -> None:
    assert pairs("Ukraine rejected the 28-point plan, as did the EU.", lexicon) == {
        ("ukraine", "us-28-point"),
        ("eu", "us-28-point"),
    }
    assert pairs("Kyiv agreed with Washington on a ceasefire first.", lexicon) == {
        ("ukraine", "ceasefire-sequencing"),
        ("united-states", "ceasefire-sequencing"),
    }
    # someone's view agreed with is no second speaker, nor is a possessive after "as did"
    assert pairs("Kyiv agreed with Washington's view on a ceasefire first.", lexicon) == {
        ("ukraine", "ceasefire-sequencing")
    }
    assert pairs("Kyiv rejected the 28-point plan, as did Ukraine's allies.", lexicon) == {("ukraine", "us-28-point")}


def test_a_speaker_between_commas_speaks_of_what_came_before(lexicon: Lexicon) -> None:
    assert pairs("The ceasefire, Lavrov said, was unacceptable.", lexicon) == {("russia", "ceasefire-sequencing")}
    # without the aside, a term before the speaker is not what the speaker calls unacceptable
    assert pairs("On the ceasefire Lavrov said little; the talks were unacceptable.", lexicon) == set()


def test_a_document_that_would_keep_a_country_out_of_an_alliance_speaks_on_membership(lexicon: Lexicon) -> None:
    text = (
        "Steve Witkoff drew up the 28-point plan.\n"
        "Washington's text would oblige Kyiv to write into its constitution that it will never join NATO."
    )
    assert ("united-states", "nato-neutrality") in pairs(text, lexicon)
    # an organisation named as a party to the deal is no issue of it
    party = (
        "Steve Witkoff drew up the 28-point plan.\n"
        "Washington's text would have the United States and NATO monitor the line."
    )
    assert ("united-states", "nato-neutrality") not in pairs(party, lexicon)


def test_the_items_a_colon_opens_belong_to_the_cue_before_it(lexicon: Lexicon) -> None:
    text = (
        "Ukraine offered permanent neutrality in return for guarantees: the guarantors would consult, "
        "and the status of Crimea would be discussed over 15 years."
    )
    assert ("ukraine", "territory-crimea") in pairs(text, lexicon)
    # without a colon, ", and" still ends the cue's clause
    plain = "Ukraine offered permanent neutrality in return for guarantees, and the status of Crimea was discussed."
    assert ("ukraine", "territory-crimea") not in pairs(plain, lexicon)


def test_an_actor_inside_a_longer_term_is_part_of_the_object(lexicon: Lexicon) -> None:
    text = (
        "Moscow demands the roughly 20% of the Donetsk region still under Ukrainian control, rules out any "
        "future NATO membership for Ukraine and rejects troops from NATO countries on its neighbour's territory."
    )
    found = pairs(text, lexicon)
    assert ("nato", "security-guarantees") not in found
    assert ("russia", "nato-neutrality") in found
    # the actor alone still speaks
    assert pairs("NATO rejects the 28-point plan.", lexicon) == {("nato", "us-28-point")}


def test_a_second_actor_with_the_verb_left_out_speaks_for_what_follows_it(lexicon: Lexicon) -> None:
    found = stances("Kyiv insists on security guarantees, Moscow on sanctions relief.", lexicon)
    assert {(e.actor_id, e.issue_id, e.stance) for e in found} == {
        ("ukraine", "security-guarantees", "insist"),
        ("russia", "sanctions-relief", "insist"),
    }
    assert [e.extra["mention"] for e in found if e.actor_id == "russia"] == ["Moscow"]
    # an actor after a comma that is not followed by its object is no second subject
    said = "Kyiv insists on security guarantees, Moscow said, and on sanctions relief."
    assert ("russia", "sanctions-relief") not in pairs(said, lexicon)


def test_so_did_after_a_semicolon_and_an_actors_allies(lexicon: Lexicon) -> None:
    assert pairs("Russia rejected the ceasefire; so did Belarus.", lexicon) == {
        ("russia", "ceasefire-sequencing"),
        ("belarus", "ceasefire-sequencing"),
    }
    # "Ukraine's allies" are not Ukraine; those the sentence names are
    allies = "Ukraine's allies, including France and Germany, backed security guarantees."
    assert pairs(allies, lexicon) == {("france", "security-guarantees"), ("germany", "security-guarantees")}
    # while "Ukraine's negotiators" are
    negotiators = "Ukraine's negotiators backed security guarantees."
    assert pairs(negotiators, lexicon) == {("ukraine", "security-guarantees")}


def test_an_opening_for_x_names_whose_view_a_red_line_is(lexicon: Lexicon) -> None:
    text = "For Moscow, NATO membership for Ukraine is a red line."
    assert pairs(text, lexicon) == {("russia", "nato-neutrality")}
    # only for a cue said of what comes before it: "For Ukraine, the plan demands …" is the plan's
    plan = "For Ukraine, the plan demands a withdrawal from Donetsk."
    assert ("ukraine", "territory-donetsk") not in pairs(plan, lexicon)
