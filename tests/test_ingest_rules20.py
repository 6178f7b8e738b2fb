"""Stance rules of rules-20, by classes of sentence construction that recur across the annotated sets
(found on the misses of heldout36/37 and checked on the older sets). Each on texts written for the
test, with near misses where nothing may fire."""

from __future__ import annotations

from peacetalks.ingest.lexicon import Lexicon
from stancetext import pairs

# Class 1: a list's bullet ("- ", "* ", "• ") a line opens with is a label like a dateline: the document
# after it is still the sentence's subject, and its contents are its authors'.


def test_a_bulleted_plan_gives_its_contents_to_its_author(lexicon: Lexicon) -> None:
    text = "The texts differ.\n- Washington's 28-point plan would set up a committee to swap all prisoners."
    assert ("united-states", "prisoners-humanitarian") in pairs(text, lexicon)
    text = "The texts differ.\n* The joint statement Kyiv and Washington issued in Jeddah covers prisoners of war."
    assert {("united-states", "prisoners-humanitarian"), ("ukraine", "prisoners-humanitarian")} <= pairs(text, lexicon)
    text = "The texts differ.\n• Russia’s memorandum demands the lifting of sanctions."
    assert ("russia", "sanctions-relief") in pairs(text, lexicon)


def test_a_bulleted_speaker_still_speaks(lexicon: Lexicon) -> None:
    text = "Reactions.\n- Moscow rejected any cap on its army."
    assert ("russia", "army-limits") in pairs(text, lexicon)


def test_a_bullet_before_no_document_gives_no_contents(lexicon: Lexicon) -> None:
    # "talks" are no document: nothing they would cover is anyone's position
    text = "The texts differ.\n- The talks in Geneva would cover prisoners of war."
    assert not pairs(text, lexicon)
    # a hyphen inside a line is no bullet
    text = "The texts differ.\nThe envoys met - the 28-point plan was not discussed - and prisoners were swapped."
    assert ("united-states", "prisoners-humanitarian") not in pairs(text, lexicon)


# Class 2: a sentence of obligations after reported speech goes on with the speaker even when the party
# the obligation is put on opens it ("Ukraine would have to …", "Kyiv must also …"): that party is told, not
# telling, and the sentence after it goes on too.


def test_obligations_on_the_opening_party_go_on_with_the_reported_speech(lexicon: Lexicon) -> None:
    text = (
        "Putin said the withdrawal would have to cover the four regions. "
        "Ukraine would have to accept limits on its armed forces. "
        "All Western sanctions would have to be lifted."
    )
    found = pairs(text, lexicon)
    assert {("russia", "army-limits"), ("russia", "sanctions-relief")} <= found
    assert ("ukraine", "army-limits") not in found
    text = (
        "Peskov said on Friday that the withdrawal must cover the four regions. "
        "Kyiv must also accept limits on its army."
    )
    assert ("russia", "army-limits") in pairs(text, lexicon)


def test_an_opening_party_that_states_its_own_position_is_not_carried(lexicon: Lexicon) -> None:
    # no obligation on the opening actor: it speaks for itself
    text = "Putin said the withdrawal would have to cover the four regions. Ukraine rejects limits on its armed forces."
    found = pairs(text, lexicon)
    assert ("ukraine", "army-limits") in found
    assert ("russia", "army-limits") not in found
    # no reported speech before: nobody's demand goes on
    text = "The talks ended on Friday. Ukraine would have to accept limits on its armed forces."
    assert ("russia", "army-limits") not in pairs(text, lexicon)


# Class 3: an owner whose name holds "of (the)" before a document ("The Coalition of the Willing's Paris
# Declaration makes …") is the document's subject, and the contents are the owner's; a named subject's own
# clause in the perfect after ", and" ("…, and Emmanuel Macron has spoken of …") ends the contents.


def test_an_owner_named_with_of_the_gives_the_contents_to_it(lexicon: Lexicon) -> None:
    text = (
        "Talks went on. The Coalition of the Willing's Paris Declaration of 6 January 2026 makes its binding "
        "guarantees start only with a ceasefire."
    )
    found = pairs(text, lexicon)
    assert ("coalition-of-the-willing", "security-guarantees") in found
    assert ("coalition-of-the-willing", "ceasefire-sequencing") in found


def test_an_owner_with_of_the_that_is_no_actor_gives_no_one_the_contents(lexicon: Lexicon) -> None:
    text = "Talks went on. The Institute of the Study's report calls for security guarantees once a ceasefire holds."
    assert not pairs(text, lexicon)


def test_a_named_subject_in_the_perfect_ends_the_contents(lexicon: Lexicon) -> None:
    text = (
        "Plans differ. The Coalition of the Willing's Paris Declaration provides for a multinational force once a "
        "ceasefire is in place, and Emmanuel Macron has spoken of several thousand French troops."
    )
    found = pairs(text, lexicon)
    assert ("france", "security-guarantees") in found
    assert ("coalition-of-the-willing", "security-guarantees") in found
    # a provision naming a party in the conditional is still the document's: the party does not speak
    text = (
        "Plans differ. The Coalition of the Willing's Paris Declaration provides for a multinational force once a "
        "ceasefire is in place, and Ukraine would receive security guarantees."
    )
    assert ("ukraine", "security-guarantees") not in pairs(text, lexicon)


# Class 4: clauses between semicolons that each open with a document, by its case name or its owner ("The
# 28-point plan capped …; the 20-point framework keeps …; Russia's memorandum asks …"), give each document's
# contents to its own writers, not the contents of the whole sentence to one of them; a document that leaves
# a question to a working group or for later takes no position on it.


def test_each_semicolon_clause_gives_its_document_its_own_contents(lexicon: Lexicon) -> None:
    text = "Army. The 28-point plan capped Ukraine's forces at 600,000; the 20-point framework keeps 800,000 in peace."
    found = pairs(text, lexicon)
    assert {("united-states", "army-limits"), ("ukraine", "army-limits")} <= found
    text = (
        "Territory. The 28-point plan would recognise Crimea as Russian in practice; the 20-point framework treats "
        "troop positions in Kherson as the line of contact; Russia's memorandum demands a full withdrawal."
    )
    found = pairs(text, lexicon)
    assert {("united-states", "territory-crimea"), ("united-states", "territory-kherson")} <= found
    assert ("ukraine", "territory-kherson") in found
    assert ("ukraine", "territory-crimea") not in found
    assert ("russia", "territory-crimea") not in found


def test_one_documents_contents_are_not_given_to_the_next_documents_writers(lexicon: Lexicon) -> None:
    text = (
        "Talks went on. The 28-point plan of November 2025 would have turned it into a demilitarised buffer zone; "
        "the 20-point framework treats the current positions as the line of contact."
    )
    found = pairs(text, lexicon)
    assert ("united-states", "demilitarised-zone") in found
    assert ("ukraine", "demilitarised-zone") not in found


def test_a_question_left_to_a_working_group_is_no_position(lexicon: Lexicon) -> None:
    text = (
        "Donetsk. The 28-point plan would turn the rest of Donetsk into a demilitarised buffer zone; the 20-point "
        "framework would leave a free economic zone there to a working group and a referendum."
    )
    found = pairs(text, lexicon)
    assert ("united-states", "demilitarised-zone") in found
    assert ("ukraine", "demilitarised-zone") not in found


# Class 5: "once" before a named subject sets a time condition like "as soon as" ("Russia would order a
# ceasefire once Ukraine began pulling its troops out of the Donetsk region"); "once a ceasefire is in place",
# "at once", "once again" and "once said" set none.


def test_once_before_a_named_subject_is_a_condition(lexicon: Lexicon) -> None:
    text = "Putin said Russia would order a ceasefire once Ukraine began pulling its troops out of the Donetsk region."
    found = pairs(text, lexicon)
    assert {("russia", "ceasefire-sequencing"), ("russia", "territory-donetsk")} <= found
    assert ("ukraine", "territory-donetsk") not in found
    text = (
        "Vladimir Putin spoke on Friday. Russia, he said, would order a ceasefire and start negotiating once Ukraine "
        "began pulling its troops out of the Kherson region."
    )
    assert {("russia", "ceasefire-sequencing"), ("russia", "territory-kherson")} <= pairs(text, lexicon)


def test_once_that_sets_no_condition_gives_no_stance(lexicon: Lexicon) -> None:
    assert not pairs("The coalition would deploy troops to the Kherson region once a ceasefire is in place.", lexicon)
    assert not pairs("Peskov said Russia would decide at once about the Kherson region.", lexicon)
    assert not pairs("Troops once again entered the Kherson region.", lexicon)


# Class 6: a relative clause without a comma, with "that" or with no pronoun at all, whose subject is an actor
# and which ends with its cue, is that actor's stance on the issue it follows ("Putin rejected the ceasefire
# that Washington had proposed", "the full 30-day ceasefire Washington has been pressing for"); a cue with an
# object of its own after it is no such clause.


def test_a_bare_relative_clause_speaks_for_its_own_subject(lexicon: Lexicon) -> None:
    found = pairs("Putin rejected the ceasefire that Washington had proposed.", lexicon)
    assert {("russia", "ceasefire-sequencing"), ("united-states", "ceasefire-sequencing")} <= found
    found = pairs("Putin rejected the ceasefire Washington had proposed.", lexicon)
    assert ("united-states", "ceasefire-sequencing") in found
    found = pairs("The result fell short of the full ceasefire Washington has been pressing for.", lexicon)
    assert ("united-states", "ceasefire-sequencing") in found


def test_a_cue_with_its_own_object_is_no_bare_relative_clause(lexicon: Lexicon) -> None:
    found = pairs("During the ceasefire Kyiv proposed sanctions relief.", lexicon)
    assert ("ukraine", "sanctions-relief") in found
    assert ("ukraine", "ceasefire-sequencing") not in found
    # no cue in the relative clause: its subject says nothing
    found = pairs("Putin rejected the ceasefire that Washington had described in detail.", lexicon)
    assert ("united-states", "ceasefire-sequencing") not in found


# Class 7: a subject pronoun after "…, and repeated/added/said that" stands for the actor the sentence opens
# with when that actor reports (after a dateline too), even past a modal of the first report; not when another
# actor stands between, nor for a pronoun that does not fit the reporter (he/she for a person, it/they for a body).


def test_a_further_report_of_the_reporter_is_its_own(lexicon: Lexicon) -> None:
    text = (
        "KYIV (Ukrainian online media) — Volodymyr Zelensky said on Monday that any peace plan should be put to a "
        "referendum, and repeated that he wants security guarantees lasting 30 to 50 years."
    )
    assert ("ukraine", "security-guarantees") in pairs(text, lexicon)
    text = "Russia said on Monday that talks should go on, and added that it wants sanctions relief."
    assert ("russia", "sanctions-relief") in pairs(text, lexicon)


def test_a_pronoun_that_does_not_fit_the_reporter_is_not_its(lexicon: Lexicon) -> None:
    # "it" is no person: not Zelensky's
    text = "Volodymyr Zelensky said on Monday that talks should go on, and added that it wants sanctions relief."
    assert ("ukraine", "sanctions-relief") not in pairs(text, lexicon)
    # the pronoun is told, not telling
    text = "Volodymyr Zelensky said on Monday that talks should go on, and added that he must accept a ceasefire."
    assert ("ukraine", "ceasefire-sequencing") not in pairs(text, lexicon)


# Class 8: the preposition a cue ends with, repeated after ", and", keeps the cue's complement going over the
# comma ("objected to recognising Russia's hold on Crimea, and to the plan for the frozen assets"), as rules-19
# did for "of"; a second subject with its own words ("…, and Hungary for …") is not that.


def test_a_repeated_preposition_keeps_the_complement(lexicon: Lexicon) -> None:
    text = (
        "Germany objected to recognising Russia's hold on Crimea even in practice, and to the plan for the frozen "
        "assets."
    )
    assert {("germany", "territory-crimea"), ("germany", "frozen-assets-reparations")} <= pairs(text, lexicon)
    found = pairs("Poland called for a ceasefire, and for security guarantees.", lexicon)
    assert ("poland", "security-guarantees") in found


def test_a_second_subject_after_the_comma_is_no_repeated_complement(lexicon: Lexicon) -> None:
    found = pairs("Poland called for a ceasefire, and Hungary for sanctions relief.", lexicon)
    assert ("poland", "sanctions-relief") not in found


# Class 9: an actor given something ("handed Moscow a paper", "sent Kyiv the draft") is its recipient, no
# speaker of what the thing asks for; the giver still speaks.


def test_the_recipient_of_a_paper_does_not_speak_for_it(lexicon: Lexicon) -> None:
    found = pairs("Twelve days later his team handed Moscow a paper asking for a ceasefire.", lexicon)
    assert ("russia", "ceasefire-sequencing") not in found
    found = pairs("The envoy sent Kyiv the draft calling for a ceasefire.", lexicon)
    assert ("ukraine", "ceasefire-sequencing") not in found


def test_the_giver_of_a_paper_still_speaks(lexicon: Lexicon) -> None:
    found = pairs("Kyiv handed Moscow a paper asking for a ceasefire.", lexicon)
    assert ("ukraine", "ceasefire-sequencing") in found
    assert ("russia", "ceasefire-sequencing") not in found


# Class 10: "them" after a sentence that named one plan (by a plural noun: "his own conditions") is the plan,
# not the last issue the plan holds; "them" after a sentence that named only issues is still the issue.


def test_them_after_a_sentence_naming_one_plan_is_the_plan(lexicon: Lexicon) -> None:
    text = (
        "On Friday Vladimir Putin had set out his own conditions for a ceasefire: a Ukrainian withdrawal from the "
        "Donetsk region and a renunciation of NATO membership. Volodymyr Zelensky dismissed them as an ultimatum."
    )
    found = pairs(text, lexicon)
    assert ("ukraine", "russia-june-2024-terms") in found
    assert ("ukraine", "nato-neutrality") not in found


def test_them_after_a_sentence_naming_only_issues_is_the_issue(lexicon: Lexicon) -> None:
    text = "Russia wants sanctions relief. Kyiv rejected them outright."
    found = pairs(text, lexicon)
    assert ("ukraine", "sanctions-relief") in found


# Class 11: a participle after the main clause and its comma (", calling for …") has that clause's subject,
# however long the clause, not an actor named on the way ("the Ukraine crisis", "Russia's invasion").


def test_a_trailing_participle_has_the_main_clause_subject(lexicon: Lexicon) -> None:
    text = (
        "BEIJING — China's Foreign Ministry published a 12-point position on the political settlement of the "
        "Ukraine crisis on Friday, the first anniversary of Russia's invasion, calling for a ceasefire and a return "
        "to peace talks."
    )
    found = pairs(text, lexicon)
    assert ("china", "ceasefire-sequencing") in found
    assert ("ukraine", "ceasefire-sequencing") not in found
    assert ("russia", "ceasefire-sequencing") not in found


def test_a_participle_with_its_own_subject_keeps_it(lexicon: Lexicon) -> None:
    found = pairs("China hosted talks on Friday, with Ukraine's envoys calling for a ceasefire.", lexicon)
    assert ("ukraine", "ceasefire-sequencing") in found
    assert ("china", "ceasefire-sequencing") not in found


# Class 12: a day in its short or numeric form after a document ("of 24 Feb. 2023", "of 23 Nov.", "of 02.06.2025",
# "of 24/02/2023") is part of the subject, so the verb after it still gives the document's contents. (A month's
# short form with a year alone, "of Nov. 2025", is left out: measured, 2 false alarms on heldout25 j04 through a
# term of the lexicon, no pair found.)


def test_a_short_or_numeric_date_after_a_document_keeps_its_contents(lexicon: Lexicon) -> None:
    text = "Texts differ. China's position paper of 24 Feb. 2023 supports exchanges of prisoners of war."
    assert ("china", "prisoners-humanitarian") in pairs(text, lexicon)
    text = "Texts differ. Russia's memorandum of 02.06.2025 would cap the army at 85,000."
    assert ("russia", "army-limits") in pairs(text, lexicon)
    text = "Texts differ. The Europeans' 24-point counter-proposal of 23 Nov. opened with an unconditional ceasefire."
    assert ("eu", "ceasefire-sequencing") in pairs(text, lexicon)


def test_a_dated_subject_that_is_no_document_gives_no_contents(lexicon: Lexicon) -> None:
    assert not pairs("Texts differ. The talks of 24 Feb. 2023 supported exchanges of prisoners of war.", lexicon)


# Class 13: a connective between commas after a document ("…, for its part,", "…, by contrast,", "…, in turn,")
# is an aside like "…, as reported,": the verb after it gives the contents; also when a date before it took the
# comma ("The Europeans' counter-proposal of 23 November, for its part, opened with …").


def test_a_connective_aside_keeps_the_document_the_subject(lexicon: Lexicon) -> None:
    text = (
        "Texts differ. The Europeans' 24-point counter-proposal of 23 November, for its part, opened with a "
        "complete, unconditional ceasefire."
    )
    assert ("eu", "ceasefire-sequencing") in pairs(text, lexicon)
    text = "Texts differ. Russia's memorandum, by contrast, demands the lifting of sanctions."
    assert ("russia", "sanctions-relief") in pairs(text, lexicon)


def test_a_connective_aside_after_no_document_gives_no_contents(lexicon: Lexicon) -> None:
    text = "Texts differ. The talks of 23 November, for their part, opened with a complete, unconditional ceasefire."
    assert not pairs(text, lexicon)


# Class 14: an editor's note in square brackets ("[map: Jeddah]", "[photo: Kyiv]") is no part of what is said
# and names no speaker; the sentence's own subject after it speaks.


def test_a_square_bracket_note_names_no_speaker(lexicon: Lexicon) -> None:
    text = (
        "STEP 1 [map: Jeddah] On 11 March 2025 American and Ukrainian officials meeting in Jeddah proposed a "
        "30-day ceasefire."
    )
    found = pairs(text, lexicon)
    assert {("united-states", "ceasefire-sequencing"), ("ukraine", "ceasefire-sequencing")} <= found
    assert ("saudi-arabia", "ceasefire-sequencing") not in found
    found = pairs("[photo: Moscow] Kyiv rejected any cap on its army.", lexicon)
    assert ("ukraine", "army-limits") in found
    assert ("russia", "army-limits") not in found
