"""Stances whose actor or object an earlier sentence named: pronouns and titles carried across
sentences, references back to the plan under discussion, quotes attributed later, and the authors
of a plan named as its owner. Each rule with a case where it must not fire."""

from __future__ import annotations

from peacetalks.ingest.lexicon import Lexicon
from stancetext import pairs, stances


def test_a_plan_named_as_an_authors_own_is_its_proposal(lexicon: Lexicon) -> None:
    found = stances("Washington's 28-point plan would lift sanctions in stages.", lexicon)
    author = [e for e in found if e.extractor == "stance/author"]
    assert [(e.actor_id, e.proposal_id, e.stance) for e in author] == [("united-states", "us-28-point", "propose")]
    assert author[0].confidence < 0.6  # the sentence may only name the plan
    assert ("united-states", "sanctions-relief") in pairs("Washington's 28-point plan would lift sanctions.", lexicon)
    # the owner must be among the plan's authors in the case: Russia wrote no part of the 28 points
    assert pairs("Russia's reading of the 28-point plan differs.", lexicon) == set()
    assert ("russia", "us-28-point") not in pairs("Moscow's 28-point plan would lift sanctions.", lexicon)
    # an owner that opens the plan's own name
    assert ("russia", "russia-memorandum-2025") in pairs("Russia's memorandum again demanded an army cap.", lexicon)
    # named to compare it with another, not put forward
    unlike = "Unlike Ukraine's own peace formula, the 12-point paper does not mention territory."
    assert ("ukraine", "peace-formula") not in pairs(unlike, lexicon)


def test_he_and_titles_stand_for_the_last_person_who_spoke(lexicon: Lexicon) -> None:
    # "he" after a sentence whose subject is a body (the ministry) still means the last person named
    text = (
        "Vladimir Putin spoke on Friday.\n"
        "Addressing the Russian foreign ministry, the president said more.\n"
        "He also demanded the lifting of all Western sanctions."
    )
    found = [e for e in stances(text, lexicon) if e.issue_id == "sanctions-relief"]
    assert [(e.actor_id, e.speaker_id, e.stance) for e in found] == [("russia", "putin", "demand")]
    # a title at the start of a clause, and after what was said
    title = "Rustem Umerov met the envoys.\nThe minister rejected any cap on the armed forces."
    assert pairs(title, lexicon) == {("ukraine", "army-limits")}
    after = "Rustem Umerov met the envoys.\nAny cap on the armed forces is out of the question, the minister said."
    assert pairs(after, lexicon) == {("ukraine", "army-limits")}
    # a headline's subject, for the title opening the body; a nationality must be the person's
    headline = "Putin meets Trump in Alaska\nThe Russian leader said afterwards that any deal must include Donetsk."
    assert pairs(headline, lexicon) == {("russia", "territory-donetsk")}
    other = "Zelensky meets Trump in Alaska\nThe Russian leader said afterwards that any deal must include Donetsk."
    assert pairs(other, lexicon) == set()
    # a nationality and another word before the title ("the Ukrainian defence minister")
    both = "Rustem Umerov met the envoys.\nThe Ukrainian defence minister rejected any cap on the armed forces."
    assert pairs(both, lexicon) == {("ukraine", "army-limits")}
    # named after a quote by a title: a speaker from another sentence
    said = stances("Zelensky flew to Berlin. “We will never cede Donetsk,” the president said.", lexicon)
    assert [(e.actor_id, e.extractor, e.extra["across"]) for e in said] == [("ukraine", "stance/anaphor", ["speaker"])]
    # someone the case does not know spoke last: "she" is not the last person of the case
    outsider = "Zelensky spoke. Analyst Tatiana Stanovaya said the talks were stuck. She argued for a ceasefire."
    assert pairs(outsider, lexicon) == set()
    chief = "Zelensky spoke.\nOleksandr Syrskyi, the army chief, visited the front.\nHe argued for a ceasefire."
    assert pairs(chief, lexicon) == set()
    monday = "Zelensky spoke.\nOn Monday, he visited the front.\nHe argued for a ceasefire."
    assert pairs(monday, lexicon) == {("ukraine", "ceasefire-sequencing")}
    again = "Zelensky spoke on Monday. Volodymyr Zelensky said the talks were stuck. He argued for a ceasefire."
    assert pairs(again, lexicon) == {("ukraine", "ceasefire-sequencing")}
    # no person named before: neither "he" nor a title speaks for a state
    assert pairs("Russia spoke first.\nThe president rejected any cap on the armed forces.", lexicon) == set()
    assert pairs("Russia spoke first.\nHe rejected any cap on the armed forces.", lexicon) == set()
    # an object of the sentence before is not who "he" is: Zelensky was met, Umerov spoke
    met = "Rustem Umerov met with Zelensky.\nHe rejected any cap on the armed forces."
    assert {e.speaker_id for e in stances(met, lexicon)} == {"umerov"}


def test_the_plan_under_discussion_is_what_it_and_the_idea_mean(lexicon: Lexicon) -> None:
    named = "The 28-point plan was published on Thursday.\nThe talks went on into the night.\n"
    found = stances(named + "Kyiv rejected the idea.", lexicon)
    assert [(e.actor_id, e.proposal_id, e.stance) for e in found] == [("ukraine", "us-28-point", "reject")]
    assert found[0].confidence < 0.75  # evidence from another sentence counts for less
    # said of what comes before the cue: "called it absurd", "called the proposals unrealistic"
    assert pairs(named + "An adviser to Zelensky called it absurd.", lexicon) == {("ukraine", "us-28-point")}
    assert pairs(named + "Sergei Lavrov called the proposals unrealistic.", lexicon) == {("russia", "us-28-point")}
    basis = stances(named + "Vladimir Putin said the plan could serve as a basis for a settlement.", lexicon)
    assert [(e.actor_id, e.proposal_id, e.stance) for e in basis] == [("russia", "us-28-point", "support")]
    assert pairs("Kyiv and Moscow resumed talks on the basis of the 28-point plan.", lexicon) == set()
    # third parties reacting follow the same rule
    reactions = named + "Kyiv dismissed it.\nGermany rejected the plan as well, and Poland backed the idea."
    assert {("ukraine", "us-28-point"), ("germany", "us-28-point"), ("poland", "us-28-point")} <= pairs(
        reactions, lexicon
    )


def test_no_plan_is_current_when_two_were_named_or_it_was_long_ago(lexicon: Lexicon) -> None:
    two = "Kyiv compared the 28-point plan with the Peace Formula.\nThe talks went on.\nMoscow rejected the idea."
    assert not {pair for pair in pairs(two, lexicon) if pair[0] == "russia"}
    # a bare "it" three sentences on is more likely something else
    strike = "The 28-point plan was published. Russia launched a missile strike. The talks went on. Kyiv condemned it."
    assert pairs(strike, lexicon) == set()
    filler = "The talks went on.\n" * 5
    late = "The 28-point plan was published on Thursday.\n" + filler + "Kyiv rejected the idea."
    assert pairs(late, lexicon) == set()


def test_a_quote_is_attributed_where_it_closes(lexicon: Lexicon) -> None:
    # within one sentence, the closing quote mark after the comma
    one = stances("“We will never cede Donetsk,” Zelensky said.", lexicon)
    assert [(e.actor_id, e.issue_id, e.polarity) for e in one] == [("ukraine", "territory-donetsk", "negative")]
    # a quote of several sentences: the speaker named where it closes speaks in all of them
    text = "“We will never cede Donetsk. We reject any cap on the armed forces,” Zelensky said."
    found = stances(text, lexicon)
    assert {(e.actor_id, e.issue_id) for e in found} == {("ukraine", "territory-donetsk"), ("ukraine", "army-limits")}
    first = next(e for e in found if e.issue_id == "territory-donetsk")
    assert first.extractor == "stance/anaphor" and first.extra["across"] == ["quote"] and first.confidence < 0.8
    # "…,” he said": the pronoun is resolved as for any other sentence
    he = "Rustem Umerov spoke on Monday.\n“We reject any cap on the armed forces. Crimea is Ukraine,” he said."
    assert ("ukraine", "army-limits") in pairs(he, lexicon)
    # a quote closed before another speaker is named is not theirs
    closed = "“We reject any cap on the armed forces.” The talks went on. “We want peace,” Zelensky said."
    assert pairs(closed, lexicon) == set()


def test_a_document_named_or_owned_in_the_sentence_before_speaks_for_its_authors(lexicon: Lexicon) -> None:
    # "It calls for …" after a sentence that opened with a named plan
    paper = "The first, a 12-point position paper, was issued in 2023.\nIt calls for lifting sanctions."
    assert ("china", "sanctions-relief") in pairs(paper, lexicon)
    # but not after a sentence whose subject is an actor ("it" is then the actor, a state)
    assert ("china", "sanctions-relief") not in pairs(
        "Turkey praised the 12-point position paper.\nIt calls for lifting sanctions.", lexicon
    )
    # "Its memorandum …", "Their counter-proposal …": the subject of the sentence before, not the plan
    # the article described earlier; a date may follow the document's name
    text = (
        "The 20-point framework was agreed in December.\n"
        "Moscow demands the whole of Donetsk. "
        "Its memorandum of June 2025 also calls for lifting sanctions."
    )
    found = pairs(text, lexicon)
    assert ("russia", "sanctions-relief") in found
    assert not {("ukraine", "sanctions-relief"), ("united-states", "sanctions-relief")} & found
    their = "European leaders met in Geneva. Their counter-proposal opens with a ceasefire."
    assert ("eu", "ceasefire-sequencing") in pairs(their, lexicon)
    # a date or "made public on …" between a document and its verb; "puts", "keeps" give contents
    public = "The 20-point framework made public on 24 December 2025 keeps the armed forces at 800,000."
    assert pairs(public, lexicon) == {("ukraine", "army-limits"), ("united-states", "army-limits")}
    assert pairs("The 20-point framework was made public on 24 December 2025.", lexicon) == set()
    # "its" right after a sentence naming a plan is the plan's: its authors speak
    own = "Washington presented the 28-point plan. Its text would lift sanctions."
    assert ("united-states", "sanctions-relief") in pairs(own, lexicon)


def test_needs_is_a_demand_but_needs_to_is_an_order(lexicon: Lexicon) -> None:
    assert pairs("Kyiv needs security guarantees.", lexicon) == {("ukraine", "security-guarantees")}
    assert pairs("Ukraine needs to withdraw from Donetsk.", lexicon) == set()
    assert pairs("Peskov said Ukraine needs to withdraw from Donetsk.", lexicon) == {("russia", "territory-donetsk")}
    # "…, something Zelensky has refused": a relative clause with its own speaker
    something = pairs("Moscow wants Kyiv to give up Donetsk, something Zelensky has refused to do.", lexicon)
    assert something == {("russia", "territory-donetsk"), ("ukraine", "territory-donetsk")}


def test_the_subject_of_a_long_report_or_a_long_first_clause_speaks(lexicon: Lexicon) -> None:
    # "Russia said on Tuesday that [a long clause] … only once sanctions were lifted"
    report = (
        "Russia said on Tuesday that an understanding on safe shipping in the Black Sea, reached after three "
        "days of talks in the Saudi capital, would take effect only once Western sanctions were lifted."
    )
    assert pairs(report, lexicon) == {("russia", "sanctions-relief")}
    # "At a summit, EU leaders agreed that … until Russia …, but they did not endorse …": the subject
    # opening the first clause, not the actor nearest the second
    long = (
        "At a summit in October 2025, EU leaders agreed that the assets would remain frozen until Russia ended "
        "the war and compensated Ukraine for the damage, but they did not endorse a proposed reparations loan."
    )
    assert pairs(long, lexicon) == {("eu", "frozen-assets-reparations")}
    # a later clause of a long sentence whose first clause does not open with its actor: no speaker
    far = (
        "Without such changes in both capitals, the chance of broad Ukraine-Russia peace talks that lead to a "
        "durable and lasting settlement will most likely stay a distant hope, requiring patience, persistence, "
        "and a firm commitment to the principles of international law and justice from every party."
    )
    assert pairs(far, lexicon) == set()


def test_the_owner_of_a_stance_noun_is_its_speaker(lexicon: Lexicon) -> None:
    # not the first actor of the clause: the UN, which declares the annexation invalid, opposes it; Russia,
    # the owner of the noun the UN judges, states nothing here (rules-18: readers record no stance of the
    # owner inside another body's act, heldout11 g08, heldout30 m13, train1 t15)
    annexed = pairs("The UN General Assembly declared Russia's claimed annexation of Kherson invalid.", lexicon)
    assert annexed == {("un", "territory-kherson")}
    shift = "The offer marks a shift from Moscow's insistence that Ukraine leave Luhansk."
    assert pairs(shift, lexicon) == {("russia", "territory-luhansk")}


def test_a_coordinated_clause_keeps_the_speaker_of_the_clause_before(lexicon: Lexicon) -> None:
    # "It" stood for Washington in the first clause: Ukraine, its object there, does not speak in the second
    text = (
        "Washington wants a deal quickly. It has offered Ukraine a security guarantee for 15 years, and has "
        "suggested a demilitarised zone."
    )
    found = pairs(text, lexicon)
    assert {("united-states", "security-guarantees"), ("united-states", "demilitarised-zone")} <= found
    assert ("ukraine", "demilitarised-zone") not in found


def test_the_subject_of_a_condition_states_no_stance(lexicon: Lexicon) -> None:
    text = "Putin said Russia would order a ceasefire as soon as Ukraine abandoned its plans to join NATO."
    assert ("ukraine", "nato-neutrality") not in pairs(text, lexicon)
    assert ("russia", "nato-neutrality") in pairs(text, lexicon)
    # outside a condition the same cue is a stance
    grain = "The deal recalls the Black Sea Grain Initiative, which Moscow abandoned in July 2023."
    assert ("russia", "black-sea-grain-initiative") in pairs(grain, lexicon)


def test_a_condition_takes_its_objects_from_its_own_clause(lexicon: Lexicon) -> None:
    assert pairs("Russia set preconditions for a ceasefire.", lexicon) == {("russia", "ceasefire-sequencing")}
    # "made X a precondition": what comes before the cue
    assert pairs("Russia made sanctions relief a precondition.", lexicon) == {("russia", "sanctions-relief")}
    # not from the next clause
    assert pairs("Russia set preconditions, and the talks on a ceasefire went on.", lexicon) == set()


def test_a_plan_drawn_up_together_with_another_is_theirs_too(lexicon: Lexicon) -> None:
    text = "Steve Witkoff drew up the 28-point plan together with Kirill Dmitriev."
    assert pairs(text, lexicon) == {("united-states", "us-28-point"), ("russia", "us-28-point")}
    # what one wants to do together with another is the first one's wish only
    # (the nuclear plant names no issue since rules-10: the town it stands in does)
    plant = "Ukraine wants to run Enerhodar jointly with the United States."
    assert pairs(plant, lexicon) == {("ukraine", "territory-zaporizhzhia")}


def test_a_list_between_dashes_after_a_cue_is_its_object(lexicon: Lexicon) -> None:
    text = "Voters rejected a package modelled on Russia's demands – leaving Kherson and no NATO membership – by 82%."
    assert pairs(text, lexicon) == {("russia", "territory-kherson"), ("russia", "nato-neutrality")}
    # a dash elsewhere still ends the clause
    later = "Russia demands a ceasefire – but Ukraine wants Kherson back."
    assert ("russia", "territory-kherson") not in pairs(later, lexicon)


def test_handing_a_plan_over_and_drafting_it_with_another(lexicon: Lexicon) -> None:
    assert pairs("Driscoll hands Zelensky the 28-point plan.", lexicon) == {("united-states", "us-28-point")}
    assert pairs("The land around Donetsk changed hands twice.", lexicon) == set()
    drafted = "Zelensky outlined a 20-point framework drafted with US negotiators in Miami."
    assert pairs(drafted, lexicon) == {("ukraine", "us-ukraine-20-point"), ("united-states", "us-ukraine-20-point")}


def test_a_relative_clause_without_a_comma_speaks_about_what_it_follows(lexicon: Lexicon) -> None:
    text = "He was asked about the demilitarised zone that US negotiators have floated for the area."
    assert pairs(text, lexicon) == {("united-states", "demilitarised-zone")}
    # only auxiliaries may stand between the clause's subject and its cue
    other = "He was asked about the demilitarised zone that US negotiators discussed at length and rejected."
    assert pairs(other, lexicon) == set()


def test_calling_something_theft_opposes_it(lexicon: Lexicon) -> None:
    found = stances("Vladimir Putin has called the freezing of Russian assets theft.", lexicon)
    assert [(e.actor_id, e.issue_id, e.stance) for e in found] == [("russia", "frozen-assets-reparations", "oppose")]
    # nothing named before the cue: no stance
    assert pairs("Zelensky called it theft.", lexicon) == set()


def test_officials_in_a_capital_speak_for_it(lexicon: Lexicon) -> None:
    assert pairs("Officials in Kyiv rejected the 28-point plan.", lexicon) == {("ukraine", "us-28-point")}
    # a state's officials somewhere else still speak for their state, not for the place
    venue = "Ukraine accepted the plan at talks with US officials in Jeddah, on condition that Russia accepted it."
    assert not {pair for pair in pairs(venue, lexicon) if pair[0] == "saudi-arabia"}


def test_a_passive_with_a_reference_for_its_subject(lexicon: Lexicon) -> None:
    text = "The 28-point plan was published on Thursday. The plan was welcomed by Kyiv."
    assert ("ukraine", "us-28-point") in pairs(text, lexicon)
    assert pairs("The talks went on. The plan was welcomed by Kyiv.", lexicon) == set()


def test_a_possessive_pronoun_owning_a_cue_noun(lexicon: Lexicon) -> None:
    his = stances("Putin spoke on Friday. His demand for the whole of Donetsk was repeated.", lexicon)
    assert [(e.actor_id, e.speaker_id, e.issue_id) for e in his] == [("russia", "putin", "territory-donetsk")]
    # "his" needs a person, "its" a state or body
    assert pairs("Russia spoke on Friday. His demand for the whole of Donetsk was repeated.", lexicon) == set()


def test_it_after_a_documents_contents_is_the_whole_document(lexicon: Lexicon) -> None:
    text = (
        "Russia presented a memorandum on Friday.\n"
        "The document calls for Ukraine to withdraw from Donetsk and Luhansk and to renounce NATO membership.\n"
        "Ukraine rejected it within hours."
    )
    rejected = {(e.actor_id, e.issue_id) for e in stances(text, lexicon) if e.stance == "reject"}
    assert rejected == {
        ("ukraine", "territory-donetsk"),
        ("ukraine", "territory-luhansk"),
        ("ukraine", "nato-neutrality"),
    }
    # "called the demands an ultimatum": a rejection of what they refer to
    ultimatum = text.replace("Ukraine rejected it within hours.", "Ukraine called the demands an ultimatum.")
    assert ("ukraine", "territory-donetsk") in pairs(ultimatum, lexicon)


def test_a_refusal_without_an_object_answers_the_sentence_before(lexicon: Lexicon) -> None:
    text = "The Russian delegation demanded that Kyiv leave Kherson.\nThe Ukrainian side refused, a delegate said."
    refused = [(e.actor_id, e.issue_id, e.stance) for e in stances(text, lexicon) if e.actor_id == "ukraine"]
    assert refused == [("ukraine", "territory-kherson", "reject")]
    accepted = pairs("Washington proposed a ceasefire. Kyiv accepted.", lexicon)
    assert ("ukraine", "ceasefire-sequencing") in accepted
    # "a 30-day ceasefire" is the Jeddah proposal (rules-14): accepting it is accepting that proposal
    accepted = pairs("Washington proposed a 30-day ceasefire. Kyiv accepted.", lexicon)
    assert ("ukraine", "jeddah-ceasefire-2025") in accepted
    # nothing before to answer
    assert pairs("Kyiv refused.", lexicon) == set()
