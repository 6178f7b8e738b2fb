"""Extraction rules: what a reader checks in the evidence of short texts."""

from __future__ import annotations

import pytest

from peacetalks.ingest.clean import clean_text
from peacetalks.ingest.extract import extract
from peacetalks.ingest.figures import find_figures
from peacetalks.ingest.lexicon import Lexicon
from peacetalks.ingest.types import Document, Evidence, SourceInfo


def evidence(text: str, lexicon: Lexicon) -> list[Evidence]:
    doc = Document(SourceInfo("test", "text"), clean_text(text).text)
    items = extract(doc, lexicon)
    for e in items:  # every item points at its own words and sentence in the cleaned text
        assert doc.text[e.start : e.end] == e.text
        assert doc.text[e.sentence_start : e.sentence_start + len(e.sentence)] == e.sentence
        assert 0 < e.confidence <= 1
    return items


def stances(text: str, lexicon: Lexicon) -> list[tuple[str | None, str | None, str | None, str | None, bool]]:
    return [
        (e.actor_id, e.issue_id or e.proposal_id, e.stance, e.polarity, e.conditional)
        for e in evidence(text, lexicon)
        if e.kind == "stance"
    ]


def test_aliases_resolve_people_and_capitals_to_their_state(lexicon: Lexicon) -> None:
    found = evidence(
        "Zelenskyy rejects any handover of Crimea. The Kremlin insists on neutrality. "
        "Washington backs security guarantees. Ankara supports a prisoner exchange.",
        lexicon,
    )
    pairs = [(e.actor_id, e.speaker_id, e.issue_id) for e in found if e.kind == "stance"]
    assert pairs == [
        ("ukraine", "zelensky", "territory-crimea"),
        ("russia", "russia", "nato-neutrality"),
        ("united-states", "united-states", "security-guarantees"),
        ("turkey", "turkey", "prisoners-humanitarian"),
    ]
    assert found[0].actor_name == "Ukraine" and found[0].issue_name == "Status of Crimea and Sevastopol"


def test_negation_and_conditions_are_kept(lexicon: Lexicon) -> None:
    assert stances("Russia does not accept a ceasefire.", lexicon) == [
        ("russia", "ceasefire-sequencing", "accept", "negative", False)
    ]
    conditional = stances("Kyiv is willing to withdraw from Zaporizhzhia provided Russia reciprocates.", lexicon)
    assert conditional == [("ukraine", "territory-zaporizhzhia", "offer", "positive", True)]
    accepted_if = evidence("Ukraine accepts a ceasefire only if Russia frees all prisoners of war.", lexicon)
    stance = next(e for e in accepted_if if e.kind == "stance")
    assert (stance.stance, stance.conditional) == ("offer", True)  # a conditional acceptance is an offer
    assert stance.condition is not None and stance.condition.startswith("only if")


def test_objects_after_prepositions_are_not_speakers(lexicon: Lexicon) -> None:
    assert stances("Western support for Ukraine on sanctions continues.", lexicon) == []
    assert stances("Separatist movements backed by Russia hold Donetsk.", lexicon) == []


def test_stances_on_proposals(lexicon: Lexicon) -> None:
    found = evidence("Moscow rejected the 28-point plan.", lexicon)
    assert [(e.kind, e.actor_id, e.proposal_id, e.stance) for e in found] == [
        ("proposal", None, "us-28-point", None),
        ("stance", "russia", "us-28-point", "reject"),
    ]


def test_speakers_named_after_what_they_said(lexicon: Lexicon) -> None:
    # a speaker named after the statement, or after "according to", or as the agent of a passive
    said = stances(
        "Any agreement must include sanctions relief, Kremlin spokesman Dmitry Peskov said on Monday.", lexicon
    )
    assert said == [("russia", "sanctions-relief", "demand", "positive", False)]
    according = stances("Kyiv is ready to discuss a demilitarised zone, according to Umerov.", lexicon)
    assert according == [("ukraine", "demilitarised-zone", "offer", "positive", False)]
    passive = stances("The 20-point plan was rejected by Moscow within hours.", lexicon)
    assert passive == [("russia", "us-ukraine-20-point", "reject", "positive", False)]
    # reported speech with "told": the modal's demand belongs to the one who told
    told = stances("Lavrov told reporters that the West should lift sanctions first.", lexicon)
    assert told == [("russia", "sanctions-relief", "demand", "positive", False)]
    # the actor before "must" is told, not telling; the one named after "said it wanted" is no speaker
    must = stances("Ukraine must withdraw from Kherson, Peskov said.", lexicon)
    assert must == [("russia", "territory-kherson", "demand", "positive", False)]
    wanted = stances("The Russian side, led by Medinsky, said it wanted Ukraine to accept neutrality.", lexicon)
    assert wanted == [("russia", "nato-neutrality", "demand", "positive", False)]


def test_participles_quotes_and_later_conditions(lexicon: Lexicon) -> None:
    # an opening participle belongs to the main clause's subject
    opening = stances("Rejecting the 28-point plan, Zelensky said Ukraine would keep fighting.", lexicon)
    assert opening == [("ukraine", "us-28-point", "reject", "positive", False)]
    quoted = stances("Interfax quoted Lavrov as saying that sanctions must be lifted first.", lexicon)
    assert quoted == [("russia", "sanctions-relief", "demand", "positive", False)]
    # a condition in a following "but only …" clause still makes the offer conditional
    later = evidence("Moscow is prepared to discuss a ceasefire, but only after Kyiv leaves Kherson.", lexicon)
    stance = next(e for e in later if e.kind == "stance")
    assert (stance.actor_id, stance.issue_id, stance.stance, stance.conditional) == (
        "russia",
        "ceasefire-sequencing",
        "offer",
        True,
    )
    assert stance.condition is not None and stance.condition.startswith("only after")


def test_pronouns_stand_for_the_subject_of_the_paragraph(lexicon: Lexicon) -> None:
    text = "Rustem Umerov met the envoys on Tuesday. He rejected any cap on the armed forces."
    assert stances(text, lexicon) == [("ukraine", "army-limits", "reject", "positive", False)]
    it = stances("Russia spoke first. It also wants sanctions lifted.", lexicon)
    assert it == [("russia", "sanctions-relief", "demand", "positive", False)]
    # "he" is a person and "it" a state: neither stands for the other
    assert stances("Russia spoke first. He also wants sanctions lifted.", lexicon) == []
    # wire copy gives most sentences a paragraph of their own: "he" reaches into the next paragraph,
    # "it" (often something else by then) does not, and neither reaches two paragraphs on
    next_paragraph = "Rustem Umerov met the envoys on Tuesday.\nHe rejected any cap on the armed forces."
    assert stances(next_paragraph, lexicon) == [("ukraine", "army-limits", "reject", "positive", False)]
    assert stances("Russia spoke first.\nIt also wants sanctions lifted.", lexicon) == []


def test_relative_clauses_and_ellipsis(lexicon: Lexicon) -> None:
    # "…, a condition Kyiv has refused": the second actor speaks about what the comma follows
    relative = stances("Moscow insists on the handover of Donetsk, a demand Kyiv has repeatedly rejected.", lexicon)
    assert ("ukraine", "territory-donetsk", "reject", "positive", False) in relative
    assert ("russia", "territory-donetsk", "insist", "positive", False) in relative
    # "backs X but not Y": the same cue, negated, for Y
    ellipsis = stances("Germany backs a reassurance force but not NATO membership for Kyiv.", lexicon)
    assert ellipsis == [
        ("germany", "security-guarantees", "support", "positive", False),
        ("germany", "nato-neutrality", "support", "negative", False),
    ]
    # what a plan says is not the stance of the one promoting it
    plan = stances("Beijing promoted the 12-point plan, which calls for a ceasefire.", lexicon)
    assert plan == [("china", "china-12-points", "support", "positive", False)]


def pairs(text: str, lexicon: Lexicon) -> set[tuple[str | None, str | None]]:
    return {(actor, issue) for actor, issue, *_ in stances(text, lexicon)}


def test_wire_copy_cues_and_descriptions_of_actors(lexicon: Lexicon) -> None:
    # laying a document before others, asking for something, voting against it
    assert stances("Washington delivered a 28-point draft to Kyiv.", lexicon) == [
        ("united-states", "us-28-point", "propose", "positive", False)
    ]
    assert pairs("Kyiv asked for a guarantee lasting 30 years.", lexicon) == {("ukraine", "security-guarantees")}
    assert stances("Britain voted against the sanctions package.", lexicon) == [
        ("uk", "sanctions-relief", "oppose", "positive", False)
    ]
    # descriptions that name one actor of the case
    assert pairs("Russian negotiators insisted on the whole of Donetsk.", lexicon) == {("russia", "territory-donetsk")}
    assert pairs("European governments circulated a plan for a ceasefire.", lexicon) == {("eu", "ceasefire-sequencing")}
    # "the four regions" are four issues
    four = pairs("Moscow demands the four regions.", lexicon)
    assert {issue for _, issue in four} == {
        "territory-donetsk",
        "territory-luhansk",
        "territory-zaporizhzhia",
        "territory-kherson",
    }
    # what must come first is a condition: "as soon as", "only after"
    condition = pairs("Russia would stop firing as soon as Ukraine left Kherson.", lexicon)
    assert condition == {("russia", "territory-kherson")}


def test_references_back_to_earlier_sentences(lexicon: Lexicon) -> None:
    # "that demand" is everything the demand named, not only its last word
    text = "Moscow insisted that Ukraine leave Donetsk and Luhansk. Kyiv rejected that demand."
    assert {("ukraine", "territory-donetsk"), ("ukraine", "territory-luhansk")} <= pairs(text, lexicon)
    # "the offer" is what the sentence before was mainly about, named first
    offer = "Russia offered a truce on energy sites until Kyiv leaves Donetsk. Ukrainian officials dismissed the offer."
    assert ("ukraine", "ceasefire-sequencing") in pairs(offer, lexicon)
    assert ("ukraine", "territory-donetsk") not in pairs(offer, lexicon)
    # a document named paragraphs before
    text = "France and Britain signed the Paris Declaration.\nThe talks went on.\nZelensky welcomed the declaration."
    assert ("ukraine", "paris-declaration") in pairs(text, lexicon)
    # nothing before to refer to: no stance (and no error)
    assert stances("In Donetsk, Kyiv rejected the offer.", lexicon) == []
    # "claims both regions" after a sentence naming them
    text = "Russian forces hold most of Luhansk and much of Donetsk. Moscow claims all of both regions."
    assert pairs(text, lexicon) == {("russia", "territory-luhansk"), ("russia", "territory-donetsk")}


def test_who_does_not_speak(lexicon: Lexicon) -> None:
    # "that" introducing what is said is no pronoun for the sentence before's issue
    text = "The plant at Zaporizhzhia was discussed. Washington proposed that the three countries share it."
    assert ("united-states", "territory-zaporizhzhia") not in pairs(text, lexicon)
    # an indirect question asserts nothing
    assert stances("He did not say whether Moscow still wanted the whole of Kherson.", lexicon) == []
    # an actor in an opening phrase, and an actor told to do something, are not the subject
    opening = "Speaking after talks with Witkoff, the Ukrainian president rejected any cap on the armed forces."
    assert pairs(opening, lexicon) == {("ukraine", "army-limits")}
    assert pairs("Washington wanted Ukraine to give up Donetsk.", lexicon) == {("united-states", "territory-donetsk")}
    # ", where" opens a clause with its own subject
    where = "Zelensky was received at the White House, where Trump said he would support security guarantees."
    assert pairs(where, lexicon) == {("united-states", "security-guarantees")}
    # a title between a state and a person: the person is the subject a later "he" stands for
    title = "US Defence Secretary Pete Hegseth spoke in Brussels.\nHe rejected NATO membership for Ukraine."
    assert pairs(title, lexicon) == {("united-states", "nato-neutrality")}


def test_proposal_mentions_come_from_the_case_terms(lexicon: Lexicon) -> None:
    found = evidence("The Minsk II deal failed; the Peace Formula and the 20-point framework followed.", lexicon)
    assert [e.proposal_id for e in found if e.kind == "proposal"] == [
        "minsk-ii",
        "peace-formula",
        "us-ukraine-20-point",
    ]
    # "Minsk" alone names Belarus's capital, but inside a proposal's name it is no actor.
    assert not [e for e in found if e.kind == "stance"]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Russia holds 20% of Ukraine.", 20.0, "%"),
        ("about 113,000 square kilometres", 113000.0, "km2"),
        ("some 43,600 sq mi of land", 112923.477, "km2"),
        ("a fund of $300 billion", 3e11, "USD"),
        ("€210bn of assets", 2.1e11, "EUR"),
        ("a 30-day ceasefire", 30.0, "day"),
        ("a 15-year guarantee", 5478.75, "day"),
        ("for two weeks", 14.0, "day"),
        ("800,000 troops", 800000.0, "troops"),
        ("an army capped at 600,000", 600000.0, "troops"),
        ("1,200 prisoners of war", 1200.0, "prisoners"),
        ("on 12 March 2025", "2025-03-12", "date"),
        ("on March 12, 2025", "2025-03-12", "date"),
        ("in November 2025", "2025-11", "date"),
        ("since 2014", "2014", "date"),
        ("join the EU around 2027.", "2027", "date"),
        ("the three rounds of 2025.", "2025", "date"),
        ("a return to pre-2014 borders", "2014", "date"),
        ("a front line of some 2,000 kilometres", 2000.0, "km"),
        ("a 50-mile zone", 80.467, "km"),
        ("32.8 million tonnes of grain", 32.8e6, "tonnes"),
        ("Eighty countries signed", 80.0, "countries"),
        ("four international organisations", 4.0, "organisations"),
        ("about 1,291 staff", 1291.0, "people"),
        ("for a week", 7.0, "day"),
        ("within a year", 365.25, "day"),
        ("armed forces would number 800,000 in peacetime", 800000.0, "troops"),
    ],
)
def test_figures_are_normalised(text: str, value: float | str, unit: str) -> None:
    [figure] = find_figures(text)
    assert figure.unit == unit
    assert figure.value == pytest.approx(value) if isinstance(value, float) else figure.value == value


def test_a_percentage_says_what_it_measures() -> None:
    [figure] = find_figures("A poll found 54% of Ukrainians would accept a freeze.")
    assert figure.measure == "Ukrainians would accept a freeze"


def values(text: str) -> list[tuple[float | str | None, str]]:
    return [(f.value, f.unit) for f in find_figures(text)]


def test_both_ends_of_a_range_or_change_with_the_pair_in_extra() -> None:
    low, high = find_figures("He asked for a guarantee of 30 to 50 years.")
    assert (low.value, high.value) == (pytest.approx(10957.5), pytest.approx(18262.5))
    assert low.extra is not None and high.extra is not None
    assert low.extra["range"] == high.extra["range"] == {"low": 10957.5, "high": 18262.5}
    assert (low.extra["stated_value"], high.extra["stated_value"]) == (30.0, 50.0)
    assert values("between 2 and 3% of GDP") == [(2.0, "%"), (3.0, "%")]
    change = {"change": {"from": 880000.0, "to": 600000.0}}
    cut = find_figures("the ceiling moved from 880,000 to 600,000 troops")
    assert [(f.value, f.unit, f.extra) for f in cut] == [(880000.0, "troops", change), (600000.0, "troops", change)]
    assert values("2 civilians and 500 prisoners") == [(2.0, "civilians"), (500.0, "prisoners")]


def test_lists_of_days_and_years_and_vote_tallies() -> None:
    assert values("talks on 14 and 15 December 2025") == [("2025-12-14", "date"), ("2025-12-15", "date")]
    assert values("a loan over 2026 and 2027") == [("2026", "date"), ("2027", "date")]
    tally = [(93.0, "votes"), (18.0, "votes"), (65.0, "votes")]
    assert values("passed by 93 votes to 18, with 65 abstentions") == tally
    assert values("they swapped 314 prisoners, 157 on each side") == [(314.0, "prisoners"), (157.0, "prisoners")]


def test_points_in_time_sources_and_references_are_not_figures() -> None:
    assert find_figures("Four years on, the text still matters.") == []
    assert find_figures("Two days later, Putin replied.") == []
    assert find_figures("according to two people present") == []
    assert find_figures("two people familiar with the talks said") == []
    assert find_figures("talks between these two nations") == []
    assert values("around 2000 troops") == [(2000.0, "troops")]  # a count, not a year
    assert values("blocked it for a week before agreeing") == [(7.0, "day")]


def test_plan_names_and_impossible_dates_are_not_figures() -> None:
    assert find_figures("the 28-point plan") == []
    assert find_figures("on 31 February 2025") == []


def test_events_need_a_sign_that_they_happened(lexicon: Lexicon) -> None:
    found = evidence("Russia and Ukraine exchanged 157 prisoners of war on 3 March 2026.", lexicon)
    [event] = [e for e in found if e.kind == "event"]
    assert (event.event_type, event.date) == ("exchange", "2026-03-03")
    assert sorted(event.extra["actors"]) == ["russia", "ukraine"]
    assert [
        e for e in evidence("Efforts ranged from ceasefires to prisoner exchanges.", lexicon) if e.kind == "event"
    ] == []


def events(text: str, lexicon: Lexicon) -> list[tuple[str | None, str | None]]:
    return [(e.event_type, e.date) for e in evidence(text, lexicon) if e.kind == "event"]


def test_one_meeting_named_twice_in_a_sentence_is_one_event(lexicon: Lexicon) -> None:
    assert events(
        "Ukrainian and Russian delegations held a further round of talks in Geneva on 19 March 2026.", lexicon
    ) == [("talks", "2026-03-19")]
    assert events("Umerov met Rubio in Miami on 30 November 2025, and the talks ended without a deal.", lexicon) == [
        ("talks", "2025-11-30")
    ]
    assert events("Zelensky met Trump at the White House, and the meeting ended early.", lexicon) == [("talks", None)]
    # Different events in one sentence stay apart: talks and an exchange, or talks on two dates.
    assert sorted(
        events("Ukraine and Russia swapped 390 prisoners of war on 23 May 2025 after talks held in Istanbul.", lexicon)
    ) == [("exchange", "2025-05-23"), ("talks", "2025-05-23")]
    two_rounds = "Talks were held in Istanbul on 16 May 2025, and talks were held there again on 2 June 2025."
    assert [kind for kind, _ in events(two_rounds, lexicon)] == ["talks", "talks"]


def test_a_later_definite_reference_is_the_same_event_and_an_ordinal_one_is_not(lexicon: Lexicon) -> None:
    text = (
        "Senior American and Russian officials met in Riyadh on 18 February 2025. "
        "Saudi Arabia hosted the meeting at a palace. Zelensky said after the meeting that he had not been invited."
    )
    assert events(text, lexicon) == [("talks", "2025-02-18")]
    again = "Umerov met Rubio in Miami on 30 November 2025. The second round was held in Geneva."
    assert [kind for kind, _ in events(again, lexicon)] == ["talks", "talks"]
    same_day = "Delegations met in Istanbul on 16 May 2025. Talks were held in Istanbul on 16 May 2025."
    assert events(same_day, lexicon) == [("talks", "2025-05-16")]


def test_events_worded_as_calls_background_schedules_and_participles(lexicon: Lexicon) -> None:
    call = "Trump and Putin agreed in a telephone call on 18 March 2025 to pause energy strikes."
    assert events(call, lexicon)[0] == ("talks", "2025-03-18")
    assert events("After talks in Geneva on 23 November 2025, officials produced a slimmer draft.", lexicon) == [
        ("talks", "2025-11-23")
    ]
    assert events("The delegations agreed on an exchange that would bring 1,200 Ukrainians home.", lexicon) == [
        ("exchange", None)
    ]
    assert events("Moscow and Kyiv exchanged the bodies of 1,000 fallen soldiers on 12 February 2026.", lexicon) == [
        ("exchange", "2026-02-12")
    ]
    assert events("A memorandum signed on 19 September 2014 drew a contact line.", lexicon) == [
        ("agreement", "2014-09-19")
    ]
    assert events("A ceasefire was to start on 15 February 2015.", lexicon) == [("ceasefire", "2015-02-15")]
    # not events: a refusal to sign, a tone struck
    assert events("Zelensky said after the meeting that he would not sign a deal.", lexicon) == [("talks", None)]
    assert events("The White House struck a more upbeat tone after the talks ended.", lexicon) == [("talks", None)]


def test_exchanges_worded_by_what_they_returned_and_timeline_meetings(lexicon: Lexicon) -> None:
    swap = "A further exchange brought home 500 Ukrainian prisoners, 200 on 5 March 2026 and 300 on 6 March 2026."
    assert events(swap, lexicon) == [("exchange", "2026-03-05")]
    assert events("On 16 May 2025 they agreed on a 1,000-for-1,000 exchange.", lexicon) == [("exchange", "2025-05-16")]
    assert events("On 2 June 2025 they added a swap of severely wounded and young prisoners.", lexicon) == [
        ("exchange", "2025-06-02")
    ]
    assert events("Zelensky said an exchange that would return 1,200 Ukrainians had been agreed.", lexicon) == [
        ("exchange", None)
    ]
    # a timeline in the present tense
    assert events("Aug. 15, 2025 – Donald Trump and Vladimir Putin meet for about three hours.", lexicon) == [
        ("talks", "2025-08-15")
    ]
    assert events("2 December 2025 – Witkoff and Kushner spend five hours with Putin in Moscow.", lexicon) == [
        ("talks", "2025-12-02")
    ]
    # "meet" before no name is no meeting
    assert events("In January 2026 the grid could meet only 60% of demand.", lexicon) == []
    # a pause agreed, a declaration adopted; a call between them is its own event
    pause = "On 18 March 2025 they agreed that Russia and Ukraine would stop attacking energy infrastructure."
    assert events(pause, lexicon) == [("ceasefire", "2025-03-18")]
    call = "Trump and Putin agreed in a telephone call on 18 March 2025 that both would stop striking power plants."
    assert events(call, lexicon) == [("talks", "2025-03-18")]
    assert events("The leaders adopted a joint declaration on 16 June 2024.", lexicon) == [("agreement", "2024-06-16")]


def test_boilerplate_lines_are_removed_and_give_no_evidence(lexicon: Lexicon) -> None:
    raw = (
        "Talks resume\nBy Jane Doe | 12 views\nTable of Contents\nRussia demands Crimea\nWhat next\n\n"
        "Russia demands recognition of Crimea as Russian.\nCheck Price on Amazon\nLeave a Comment\n"
        "Related Posts\nUkraine rejects NATO neutrality talks\nPutin insists on Donetsk\n"
        "Jane Doe is a freelance journalist who covers the war in Ukraine and the talks.\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.text == "Talks resume\n\nRussia demands recognition of Crimea as Russian."
    assert cleaned.byline == "Jane Doe"
    assert [(e.actor_id, e.issue_id) for e in evidence(raw, lexicon) if e.kind == "stance"] == [
        ("russia", "territory-crimea")
    ]


def rules(text: str, lexicon: Lexicon) -> set[tuple[str | None, str | None, str]]:
    found = evidence(text, lexicon)
    return {(e.actor_id, e.issue_id or e.proposal_id, e.extractor) for e in found if e.kind == "stance"}


def test_a_documents_contents_are_its_authors_stance(lexicon: Lexicon) -> None:
    # a document an actor lays before others, then sentences with the document as subject
    text = (
        "The United States has presented what it describes as a final offer.\n"
        "The one-page document would cap Ukraine's army at 600,000 and lift the sanctions on Russia. "
        "It also rules out NATO membership for Ukraine. "
        "In return, Ukraine would receive security guarantees."
    )
    found = rules(text, lexicon)
    for issue in ("army-limits", "sanctions-relief", "nato-neutrality", "security-guarantees"):
        assert ("united-states", issue, "stance/document") in found, issue
    items = [e for e in evidence(text, lexicon) if e.extractor == "stance/document"]
    # derived, not stated: less confident than a stance the actor states itself
    assert all(e.confidence < 0.85 for e in items)
    assert {e.stance for e in items if e.issue_id == "nato-neutrality"} == {"reject"}
    # a case proposal's authors come from the case; "Under the plan, …" gives its contents too
    assert ("china", "sanctions-relief", "stance/document") in rules(
        "China published its 12-point plan. The plan calls for an end to unilateral sanctions.", lexicon
    )
    under = rules("Kyiv rejected the 28-point plan. Under the plan, Ukraine would withdraw from Donetsk.", lexicon)
    assert ("united-states", "territory-donetsk", "stance/document") in under
    # the actor the subject names is the author: "Moscow's text"
    assert ("russia", "territory-kherson", "stance/document") in rules(
        "The delegations swapped memorandums. Moscow's text includes Kherson.", lexicon
    )
    # a negated content verb keeps its negation
    negated = [e for e in evidence("Beijing tabled a plan. The plan does not include sanctions relief.", lexicon)
               if e.extractor == "stance/document"]
    assert [(e.actor_id, e.polarity) for e in negated] == [("china", "negative")]


def test_a_document_speaks_for_no_one_without_a_known_author(lexicon: Lexicon) -> None:
    # no document the article attributes: "The plan" alone has no author
    assert rules("The plan calls for a ceasefire.", lexicon) == set()
    # an agreement of many parties (Minsk I: OSCE, Ukraine, Russia, the separatists) speaks for none of them
    text = "The Minsk Protocol was signed in 2014. The protocol provided for a ceasefire monitored by the OSCE."
    assert not any(rule == "stance/document" for *_, rule in rules(text, lexicon))
    # a sentence about the document, not its contents, and someone else's reaction to it
    text = "Washington presented a plan. The plan was rejected by Moscow. Zelensky said the plan ignores Crimea."
    assert not any(rule == "stance/document" for *_, rule in rules(text, lexicon))
    # "Kyiv rejected the plan" is no document subject: the actor speaks, not the plan
    text = "Washington presented a plan. Kyiv rejected the plan for a ceasefire."
    assert ("united-states", "ceasefire-sequencing", "stance/document") not in rules(text, lexicon)


def test_group_terms_name_several_territories(lexicon: Lexicon) -> None:
    five = {"territory-crimea", "territory-donetsk", "territory-luhansk", "territory-zaporizhzhia", "territory-kherson"}
    borders = pairs("Kyiv demands the restoration of its internationally recognised borders.", lexicon)
    assert {i for _, i in borders} == five
    assert {i for _, i in pairs("Ukraine will never recognise the occupied territories as Russian.", lexicon)} == five
    annexed = pairs("Russia insists on recognition of the four annexed regions.", lexicon)
    assert {i for _, i in annexed} == five - {"territory-crimea"}
    # "territory" alone names no region
    assert pairs("Ukraine rejects any deal that gives up territory.", lexicon) == set()


def test_two_actors_as_one_speaker(lexicon: Lexicon) -> None:
    # joined by "and" before the cue, or "both … and …" in a relative clause
    assert pairs("Kyiv and Washington signed the minerals deal on sanctions.", lexicon) == {
        ("ukraine", "sanctions-relief"),
        ("united-states", "sanctions-relief"),
    }
    relative = "The next item is an exchange of prisoners of war, which both Kyiv and Moscow have said they want."
    assert pairs(relative, lexicon) == {("ukraine", "prisoners-humanitarian"), ("russia", "prisoners-humanitarian")}
    # "the two sides": the two actors most recently named together
    text = "Umerov met Rubio in Geneva. The two sides agreed to work on exchanges of prisoners of war."
    assert pairs(text, lexicon) == {("ukraine", "prisoners-humanitarian"), ("united-states", "prisoners-humanitarian")}
    # "the two presidents": the two people, not the states named with them
    text = "Trump and Putin spoke about Ukraine and Europe. The two presidents agreed on a prisoner exchange."
    assert pairs(text, lexicon) == {("united-states", "prisoners-humanitarian"), ("russia", "prisoners-humanitarian")}


def test_two_sides_are_not_guessed(lexicon: Lexicon) -> None:
    # three actors qualify: no one is chosen
    text = "Ukraine, Russia and Turkey met in Istanbul. The two sides agreed on a prisoner exchange."
    assert pairs(text, lexicon) == set()
    # places are not actors that could be the two sides
    text = "Talks took place in Belarus and later in Turkey. The two sides agreed on a prisoner exchange."
    assert pairs(text, lexicon) == set()
    # an actor joined to the speaker is one that acts with it, not one after a preposition
    partners = pairs("Kyiv and its partners in Washington demanded a ceasefire.", lexicon)
    assert partners == {("ukraine", "ceasefire-sequencing")}


def test_stance_verbs_of_news_english(lexicon: Lexicon) -> None:
    cases = {
        "Kyiv held out for a full ceasefire.": ("ukraine", "ceasefire-sequencing", "demand"),
        "Moscow brushed aside the sanctions package.": ("russia", "sanctions-relief", "reject"),
        "Lavrov called the ceasefire unrealistic.": ("russia", "ceasefire-sequencing", "reject"),
        "The EU pledged a reparations loan.": ("eu", "frozen-assets-reparations", "offer"),
        "Zelensky hailed the security guarantees.": ("ukraine", "security-guarantees", "support"),
        "Beijing criticised the sanctions.": ("china", "sanctions-relief", "oppose"),
        "Russia would regard any Western troops as a legitimate target.": ("russia", "security-guarantees", "oppose"),
        "Ukraine and Russia agreed that a prisoner exchange should come first.": (
            "ukraine",
            "prisoners-humanitarian",
            "accept",
        ),
    }
    for text, expected in cases.items():
        assert expected in {(a, i, s) for a, i, s, *_ in stances(text, lexicon)}, text
    # negation is kept
    assert stances("Kyiv did not hail the ceasefire.", lexicon) == [
        ("ukraine", "ceasefire-sequencing", "support", "negative", False)
    ]
    # a cue noun in a list of acts takes no objects from the list
    assert stances("Early rounds saw Russia presenting demands, discussing ceasefires and prisoners.", lexicon) == []
