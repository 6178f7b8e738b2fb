"""Stance rules of rules-19, by classes of sentence construction that recur across the annotated sets
(found on the misses of heldout34/35 and checked on the older sets). Each on texts written for the
test, with near misses where nothing may fire."""

from __future__ import annotations

from peacetalks.ingest.lexicon import Lexicon
from stancetext import pairs

FRAMEWORK = "us-ukraine-20-point"


# Class 1: a name and a nationality (or two nationalities) joined by a dash before a plan are its two
# authors, and the contents its subject gives are both authors'.


def test_a_dashed_pair_of_nationalities_authors_the_plan(lexicon: Lexicon) -> None:
    found = pairs("Officials in Rome studied the US–Ukrainian 20-point framework on Friday.", lexicon)
    assert ("united-states", FRAMEWORK) in found
    assert ("ukraine", FRAMEWORK) in found


def test_a_dashed_pair_in_the_subject_gives_the_contents_to_both(lexicon: Lexicon) -> None:
    found = pairs("The American–Ukrainian 20-point framework would cap the army at 800,000 in peacetime.", lexicon)
    assert {("united-states", "army-limits"), ("ukraine", "army-limits")} <= found


def test_a_dashed_pair_gives_a_draft_no_case_plan_names_to_both(lexicon: Lexicon) -> None:
    found = pairs("The US–Ukrainian draft would cap the army at 800,000 in peacetime.", lexicon)
    assert {("united-states", "army-limits"), ("ukraine", "army-limits")} <= found


def test_a_dashed_word_with_one_party_names_no_author(lexicon: Lexicon) -> None:
    found = pairs("The Russian-backed draft would cap the army at 800,000 in peacetime.", lexicon)
    assert not {pair for pair in found if pair[1] == "army-limits"}
    found = pairs("The Ukrainian–Ukrainian draft would cap the army at 800,000 in peacetime.", lexicon)
    assert ("united-states", "army-limits") not in found


# Class 2: adopting a text ("adopted the Paris Declaration", "adopt a declaration promising …") accepts it
# and what the clause says it holds; adopting a line or a package, or a text only due to be adopted, does not.


def test_adopting_a_declaration_accepts_it_and_its_contents(lexicon: Lexicon) -> None:
    found = pairs("About 35 members of the Coalition of the Willing adopted the Paris Declaration on Tuesday.", lexicon)
    assert ("coalition-of-the-willing", "paris-declaration") in found
    found = pairs(
        "About 35 members of the Coalition of the Willing adopt a declaration promising binding guarantees from the "
        "moment a ceasefire begins.",
        lexicon,
    )
    assert ("coalition-of-the-willing", "security-guarantees") in found


def test_adopting_a_line_or_a_package_is_no_stance(lexicon: Lexicon) -> None:
    assert not pairs("Russia adopted a harder line on Crimea after the talks.", lexicon)
    assert not pairs("The EU adopted its 19th package of sanctions against Russia on Thursday.", lexicon)


def test_a_text_due_to_be_adopted_is_no_stance_yet(lexicon: Lexicon) -> None:
    found = pairs(
        "Leaders of the Coalition of the Willing are due to meet on 6 January to adopt a declaration on security "
        "guarantees for Ukraine.",
        lexicon,
    )
    assert ("coalition-of-the-willing", "security-guarantees") not in found


def test_what_comes_after_the_adopted_text_and_a_comma_is_not_adopted(lexicon: Lexicon) -> None:
    found = pairs(
        "The Coalition of the Willing adopted the Paris Declaration, with a multinational force to follow a ceasefire.",
        lexicon,
    )
    assert ("coalition-of-the-willing", "paris-declaration") in found
    assert ("coalition-of-the-willing", "ceasefire-sequencing") not in found


# Class 3: a document's writers, named by a passive right before the relative clause of its cue ("a resolution
# drafted by Ukraine and European states that demands …"), hold what it says, beside the clause's subject.


def test_the_writers_before_which_hold_the_documents_demand(lexicon: Lexicon) -> None:
    found = pairs(
        "The General Assembly adopted the resolution put forward by Ukraine and the European Union, which demands "
        "accountability for the crimes.",
        lexicon,
    )
    assert {("ukraine", "accountability-amnesty"), ("eu", "accountability-amnesty")} <= found
    found = pairs(
        "The Assembly voted on a resolution drafted by Ukraine that demands accountability for the crimes.", lexicon
    )
    assert ("ukraine", "accountability-amnesty") in found


def test_a_critic_before_which_is_no_writer(lexicon: Lexicon) -> None:
    found = pairs(
        "The Assembly voted on a resolution criticised by Russia that demands accountability for the crimes.", lexicon
    )
    assert ("russia", "accountability-amnesty") not in found
    found = pairs(
        "The Assembly voted on a resolution drafted by Ukraine and then on a text that demands accountability for "
        "the crimes.",
        lexicon,
    )
    assert ("ukraine", "accountability-amnesty") not in found


# Class 4: an aside on how a document reached the other side ("Ukraine's paper, first given to Moscow on 28 May,
# asks for …") stands between the document and its verb of content.


def test_a_delivery_aside_keeps_the_documents_contents(lexicon: Lexicon) -> None:
    found = pairs(
        "The Ukrainian paper, first given to Moscow on 28 May, calls for a full and unconditional ceasefire.", lexicon
    )
    assert ("ukraine", "ceasefire-sequencing") in found


def test_a_delivery_aside_gives_a_document_no_one_wrote_to_no_one(lexicon: Lexicon) -> None:
    found = pairs("The paper, first given to Moscow on 28 May, calls for a full and unconditional ceasefire.", lexicon)
    assert ("ukraine", "ceasefire-sequencing") not in found
    assert ("russia", "ceasefire-sequencing") not in found


# Class 5: a speaker who puts forward a case proposal whose co-writers the sentence names (and the case holds)
# shares what the cue's clause says it contains with them.


def test_the_co_writers_named_share_the_contents_the_presenter_gives(lexicon: Lexicon) -> None:
    found = pairs(
        "Zelensky presents the 20-point framework that Ukraine drew up with Washington: an army of 800,000 in "
        "peacetime.",
        lexicon,
    )
    assert {("ukraine", "army-limits"), ("united-states", "army-limits")} <= found


def test_a_critic_named_after_the_plan_shares_no_contents(lexicon: Lexicon) -> None:
    found = pairs(
        "Zelensky presents the 20-point framework, which Rubio criticised: an army of 800,000 in peacetime.", lexicon
    )
    assert ("ukraine", "army-limits") in found
    assert ("united-states", "army-limits") not in found


# Class 6: a relative clause without a comma that names a document's writers ("The 20-point framework that Kyiv
# and Washington drew up in December would cap …") stands between the document and its verb of content.


def test_a_writers_clause_without_a_comma_keeps_the_contents(lexicon: Lexicon) -> None:
    found = pairs(
        "The 20-point framework that Kyiv and Washington drew up in December would cap the army at 800,000.", lexicon
    )
    assert {("ukraine", "army-limits"), ("united-states", "army-limits")} <= found


def test_a_clause_of_someone_who_did_not_write_it_gives_no_contents(lexicon: Lexicon) -> None:
    found = pairs(
        "The 20-point framework that Moscow criticised in December would cap the army at 800,000.", lexicon
    )
    assert ("united-states", "army-limits") not in found
    assert ("ukraine", "army-limits") not in found


# Class 7: an aside naming who adopted or signed a document ("The Paris Declaration of 6 January 2026, adopted by
# the Coalition of the Willing, promises …") stands between the document and its verb of content, whose contents
# are the signers'.


def test_an_adopted_by_aside_gives_the_contents_to_the_signers(lexicon: Lexicon) -> None:
    found = pairs(
        "The Paris Declaration of 6 January 2026, adopted by about 35 members of the Coalition of the Willing, makes "
        "its guarantees politically and legally binding from the moment a ceasefire begins.",
        lexicon,
    )
    assert ("coalition-of-the-willing", "security-guarantees") in found
    assert ("coalition-of-the-willing", "ceasefire-sequencing") in found


def test_an_adopted_in_aside_names_no_signer(lexicon: Lexicon) -> None:
    found = pairs("The Paris Declaration, adopted in Paris, promises security guarantees.", lexicon)
    assert not {pair for pair in found if pair[1] == "security-guarantees"}


# Class 8: "put to" someone names a document's writer like "handed over" ("the ceasefire that Washington and
# Kyiv had put to him", "the peace formula Zelensky put to the G20"); "put to the test" does not.


def test_put_to_names_the_writers(lexicon: Lexicon) -> None:
    found = pairs(
        "Putin did not sign up to the full 30-day ceasefire that Washington and Kyiv had put to him the week before.",
        lexicon,
    )
    assert {("united-states", "jeddah-ceasefire-2025"), ("ukraine", "jeddah-ceasefire-2025")} <= found


def test_put_to_the_test_names_no_writer(lexicon: Lexicon) -> None:
    found = pairs("The summit put to the test the 30-day ceasefire that Washington floated.", lexicon)
    assert ("ukraine", "jeddah-ceasefire-2025") not in found
    found = pairs("Critics said the 30-day ceasefire Moscow put to the test had failed.", lexicon)
    assert ("russia", "jeddah-ceasefire-2025") not in found


# Class 9: a writer named after a document that it laid before others ("the 28-point plan Washington handed to
# Kyiv", "the plan Washington circulated in November") authors it; one that only received it does not.


def test_a_writer_who_handed_or_circulated_the_plan_authors_it(lexicon: Lexicon) -> None:
    found = pairs("Negotiators reworked the 28-point plan Washington handed to Kyiv last week.", lexicon)
    assert ("united-states", "us-28-point") in found
    found = pairs(
        "The 28-point plan Washington circulated in November 2025 would have put frozen Russian assets into "
        "reconstruction.",
        lexicon,
    )
    assert ("united-states", "us-28-point") in found


def test_an_actor_who_received_the_plan_is_no_writer(lexicon: Lexicon) -> None:
    found = pairs("Negotiators reworked the 28-point plan Moscow received last week.", lexicon)
    assert ("russia", "us-28-point") not in found
    found = pairs("Negotiators reworked the 28-point plan Kyiv handed back with objections.", lexicon)
    assert ("ukraine", "us-28-point") not in found


def test_a_delivery_aside_with_commas_of_its_own_keeps_the_contents(lexicon: Lexicon) -> None:
    found = pairs(
        "The US draft, handed to Volodymyr Zelensky in Kyiv on Thursday by the envoy, Dan Driscoll, would cap "
        "Ukraine's army at 600,000, have Ukraine write into its constitution that it will not join NATO, and have "
        "Ukrainian troops leave the part of the Donetsk region they still hold.",
        lexicon,
    )
    assert ("united-states", "territory-donetsk") in found
    found = pairs(
        "The draft, handed to Volodymyr Zelensky in Kyiv on Thursday by the envoy, Dan Driscoll, would cap "
        "Ukraine's army at 600,000, have Ukraine write into its constitution that it will not join NATO, and have "
        "Ukrainian troops leave the part of the Donetsk region they still hold.",
        lexicon,
    )
    assert not {pair for pair in found if pair[1] == "territory-donetsk"}


# Class 10: a second document whose subject names its owner opens a clause of its own ("Russia's memorandum asks
# …, and Zelensky's ten-point formula wants …"): its contents are its owner's, and the first document's stop there.


def test_a_second_owned_document_in_a_clause_of_its_own_gives_its_owner_the_contents(lexicon: Lexicon) -> None:
    found = pairs(
        "Russia's memorandum asks both sides to drop all claims for war damage, and Zelensky's ten-point formula "
        "of 2022 wants a special tribunal for the crime of aggression.",
        lexicon,
    )
    assert ("ukraine", "accountability-amnesty") in found
    assert ("russia", "accountability-amnesty") not in found
    assert ("russia", "peace-formula") not in found


def test_a_second_document_with_no_owner_named_gives_no_one_its_contents(lexicon: Lexicon) -> None:
    found = pairs(
        "Russia's memorandum asks both sides to drop all claims for war damage, and the formula wants a special "
        "tribunal for the crime of aggression.",
        lexicon,
    )
    assert ("ukraine", "accountability-amnesty") not in found


# Class 11: a second actor's view of what the sentence's first clause put forward — through a relative clause
# after a reporting aside ("…, which he says Britain backs") or "the idea" in a later clause ("…, and said
# Britain backs the idea").


def test_a_relative_clause_after_a_reporting_aside_has_its_own_subject(lexicon: Lexicon) -> None:
    found = pairs(
        "Emmanuel Macron is floating a truce of one month in the air, at sea and on energy infrastructure, which he "
        "says Britain backs.",
        lexicon,
    )
    assert ("uk", "ceasefire-sequencing") in found


def test_the_idea_in_a_later_clause_is_what_the_first_clause_named(lexicon: Lexicon) -> None:
    found = pairs(
        "Macron floated a one-month truce in the air, at sea and on energy plants, and said Britain backs the idea.",
        lexicon,
    )
    assert ("uk", "ceasefire-sequencing") in found


def test_the_idea_with_nothing_named_before_in_the_sentence_takes_no_object_from_it(lexicon: Lexicon) -> None:
    found = pairs("Britain backs the idea, and Macron floated a one-month truce later.", lexicon)
    assert ("uk", "ceasefire-sequencing") not in found


# Class 12: a joint statement is a document whose contents its authors hold ("The joint statement also promised
# work on prisoner exchanges"); the writers a clause without a comma names are the subject's, and a place in that
# clause ("issued in Jeddah") is none of them.


def test_a_joint_statement_is_a_document_with_contents(lexicon: Lexicon) -> None:
    found = pairs(
        "The joint statement the United States and Ukraine issued in Jeddah in March 2025 committed both to prisoner "
        "exchanges and the return of children.",
        lexicon,
    )
    assert {("united-states", "prisoners-humanitarian"), ("ukraine", "prisoners-humanitarian")} <= found
    assert ("saudi-arabia", "prisoners-humanitarian") not in found


def test_a_statement_with_no_writer_named_gives_no_one_its_contents(lexicon: Lexicon) -> None:
    found = pairs("The joint statement committed both sides to prisoner exchanges and the return of children.", lexicon)
    assert not {pair for pair in found if pair[1] == "prisoners-humanitarian"}


# Class 13: "it" opening the clause after a semicolon that ends a document's contents goes on with them ("Russia's
# memorandum would allow …; it also demands recognition of Crimea"), and is no actor of that clause.


def test_it_after_a_semicolon_goes_on_with_the_documents_contents(lexicon: Lexicon) -> None:
    found = pairs(
        "Russia's memorandum would allow a ceasefire only once Ukraine begins to leave the four regions Moscow claims; "
        "it also demands recognition of Crimea as Russian.",
        lexicon,
    )
    assert ("russia", "territory-crimea") in found
    assert ("ukraine", "territory-crimea") not in found


def test_it_after_a_semicolon_goes_on_with_a_document_no_one_wrote_for_no_one(lexicon: Lexicon) -> None:
    found = pairs(
        "The plan would allow a ceasefire only once the four regions are left; it also demands recognition of Crimea "
        "as Russian.",
        lexicon,
    )
    assert not {pair for pair in found if pair[1] == "territory-crimea"}


# Class 14: what another side would do, as a speaker reports it ("Medinsky said Ukraine would give up any intention
# of retaking Crimea by force"), is that side's offer, not the speaker's; "would have to" stays the speaker's demand.


def test_a_reported_offer_of_another_side_is_that_sides(lexicon: Lexicon) -> None:
    found = pairs(
        "Vladimir Medinsky, the head of the Russian delegation, said Ukraine would give up any intention of retaking "
        "Crimea by force.",
        lexicon,
    )
    assert ("ukraine", "territory-crimea") in found
    assert ("russia", "territory-crimea") not in found


def test_would_have_to_stays_the_speakers_demand(lexicon: Lexicon) -> None:
    found = pairs("Dmitry Peskov said Ukraine would have to give up Crimea.", lexicon)
    assert ("russia", "territory-crimea") in found
    assert ("ukraine", "territory-crimea") not in found


# Class 15: a side's answer or line, after its owner, is its position ("Kyiv's answer is still a freeze on the current
# line"); when it names a plan, the plan is the answer; "the front line", "its answer to the offer" are none.


def test_an_owned_answer_or_line_is_the_owners_position(lexicon: Lexicon) -> None:
    found = pairs(
        "Moscow still wants the rest of the Donetsk region; Kyiv's answer is still a freeze on the current line, "
        "with each army staying where it is.",
        lexicon,
    )
    assert ("ukraine", "ceasefire-current-line") in found
    assert ("ukraine", "ceasefire-sequencing") not in found
    found = pairs('Kyiv\'s line, in Zelensky\'s words, is "we stand where we stand".', lexicon)
    assert ("ukraine", "ceasefire-current-line") in found


def test_a_front_line_or_an_answer_to_an_offer_is_no_position(lexicon: Lexicon) -> None:
    assert not pairs("Russian troops advanced along the front line near Pokrovsk during the ceasefire talks.", lexicon)
    found = pairs("Moscow has not yet given its answer to the truce offer.", lexicon)
    assert ("russia", "ceasefire-sequencing") not in found


# Class 16: "the fairest" said of a plan is support for it ("calling \"we stand where we stand\" the fairest way of
# stopping the fighting", "described exactly that … as the fairest model of a ceasefire").


def test_the_fairest_said_of_a_plan_supports_it(lexicon: Lexicon) -> None:
    found = pairs(
        'Volodymyr Zelensky later made it Kyiv\'s own line, calling "we stand where we stand" the fairest way of '
        "stopping the fighting.",
        lexicon,
    )
    assert ("ukraine", "ceasefire-current-line") in found
    found = pairs(
        "Zelensky said the fairest model was a ceasefire on the current line, with each army staying where it is.",
        lexicon,
    )
    assert ("ukraine", "ceasefire-current-line") in found
    assert ("ukraine", "ceasefire-sequencing") not in found


def test_the_fairest_of_nothing_the_case_names_is_no_stance(lexicon: Lexicon) -> None:
    assert not pairs("Zelensky called the new school the fairest in the region.", lexicon)


# Class 17: "their" before a case proposal is the one party the sentence names before it ("European leaders said …,
# and their 24-point counter-proposal …"), as "its" is.


def test_their_before_a_plan_is_the_one_party_named_before(lexicon: Lexicon) -> None:
    found = pairs(
        "European leaders said on 22 November the plan could be a basis but needed work, and their 24-point "
        "counter-proposal was circulating by Sunday.",
        lexicon,
    )
    assert ("eu", "ceasefire-current-line") in found


def test_their_after_two_parties_names_no_author(lexicon: Lexicon) -> None:
    found = pairs(
        "European leaders met Ukrainian officials on Saturday, and their 24-point counter-proposal was circulating by "
        "Sunday.",
        lexicon,
    )
    assert not {pair for pair in found if pair[1] == "ceasefire-current-line"}


# Class 18: ending or leaving an agreement the sentence names rejects it ("… before Russia ended it on 17 July
# 2023"); forces leaving a place, talks ending, or a deal named only further back, are no stance.


def test_ending_an_agreement_the_sentence_names_rejects_it(lexicon: Lexicon) -> None:
    found = pairs(
        "The Black Sea Grain Initiative carried 32.9 million tonnes of food before Russia ended it on 17 July 2023.",
        lexicon,
    )
    assert ("russia", "black-sea-grain-initiative") in found


def test_leaving_a_place_or_talks_ending_is_no_stance(lexicon: Lexicon) -> None:
    assert not pairs("Russian forces left Kherson in November 2022.", lexicon)
    assert not pairs("The ceasefire talks ended without agreement on Friday.", lexicon)
    found = pairs("China published its 12-point position paper. In July Russia ends the deal.", lexicon)
    assert ("russia", "china-12-points") not in found


# Class 19: a figure alone after a cue stands for what an earlier clause of the sentence measured ("The United States
# has offered Ukraine a bilateral guarantee of 15 years; Ukraine has asked for 30 to 50").


def test_a_figure_alone_stands_for_what_the_clause_before_measured(lexicon: Lexicon) -> None:
    found = pairs(
        "The United States has offered Ukraine a bilateral guarantee of 15 years; Ukraine has asked for 30 to 50.",
        lexicon,
    )
    assert ("ukraine", "security-guarantees") in found


def test_a_figure_of_something_else_takes_nothing_from_the_clause_before(lexicon: Lexicon) -> None:
    found = pairs("Russia wants a ceasefire; Ukraine wants 30 days of talks first.", lexicon)
    assert ("ukraine", "ceasefire-sequencing") not in found
    found = pairs("Trump offered a bilateral guarantee of 15 years. Zelensky asked for 30 to 50.", lexicon)
    assert ("ukraine", "security-guarantees") not in found


# Class 20: a complement whose preposition is repeated after a serial comma goes on ("spoke of negotiations, of
# guarantees of security, and of an exchange of prisoners"); a new clause after ", and" does not.


def test_a_repeated_of_goes_on_with_the_complement(lexicon: Lexicon) -> None:
    found = pairs(
        "Ramaphosa spoke of negotiations, of guarantees of security for all countries, and of an exchange of "
        "prisoners of war.",
        lexicon,
    )
    assert ("south-africa", "prisoners-humanitarian") in found


def test_a_new_clause_after_and_is_not_the_complement(lexicon: Lexicon) -> None:
    found = pairs(
        "Ramaphosa spoke of negotiations and of guarantees of security, and officials later discussed an exchange of "
        "prisoners of war.",
        lexicon,
    )
    assert ("south-africa", "prisoners-humanitarian") not in found


# Class 21: what a time condition is set for is the speaker's too ("Russia would order a ceasefire as soon as
# Ukraine started to pull its forces out of …"), as well as what it asks.


def test_what_a_time_condition_is_set_for_is_the_speakers(lexicon: Lexicon) -> None:
    found = pairs(
        "Vladimir Putin said on Friday that Russia would order a ceasefire and begin negotiating as soon as Ukraine "
        "started to pull its forces out of the Donetsk region.",
        lexicon,
    )
    assert {("russia", "ceasefire-sequencing"), ("russia", "territory-donetsk")} <= found


def test_an_if_condition_does_not_reach_back(lexicon: Lexicon) -> None:
    found = pairs(
        "Vladimir Putin said a ceasefire was discussed, and Russia would talk if Ukraine left the Donetsk region.",
        lexicon,
    )
    assert ("russia", "ceasefire-sequencing") not in found


def test_the_moment_is_a_time_condition_but_not_at_or_from_the_moment(lexicon: Lexicon) -> None:
    found = pairs(
        "Vladimir Putin said on Friday that Russia would order a ceasefire and begin negotiating the moment Ukraine "
        "started to pull its forces out of the Donetsk region.",
        lexicon,
    )
    assert {("russia", "ceasefire-sequencing"), ("russia", "territory-donetsk")} <= found
    assert not pairs("At the moment Russia holds most of the Donetsk region.", lexicon)
    found = pairs("For the moment Russia holds most of the Donetsk region and wants the rest.", lexicon)
    assert ("russia", "ceasefire-sequencing") not in found


# Class 22: "(un)acceptable to X" names whose view it is ("Zelensky said that NATO membership for Ukraine was
# unacceptable to Moscow" is Russia's rejection, not Ukraine's).


def test_acceptable_to_names_the_holder(lexicon: Lexicon) -> None:
    found = pairs("Zelensky said that NATO membership for Ukraine was unacceptable to Moscow.", lexicon)
    assert ("russia", "nato-neutrality") in found
    assert ("ukraine", "nato-neutrality") not in found


def test_acceptable_for_people_keeps_the_speaker(lexicon: Lexicon) -> None:
    found = pairs("Peskov said that any deployment of European troops was unacceptable for ordinary people.", lexicon)
    assert ("russia", "security-guarantees") in found
