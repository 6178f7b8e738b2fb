"""Stance rules of rules-9, built for the shapes of text that recur across the annotated sets rather
than for one sentence: who signed or endorsed a document, and its contents given to them over the
sentences that follow. Each rule in several phrasings, with cases where it must not fire."""

from __future__ import annotations

import pytest

from peacetalks.ingest import documents
from peacetalks.ingest.lexicon import Lexicon
from stancetext import pairs, stances


@pytest.mark.parametrize(
    "text",
    [
        "The chapter opens with the Minsk Protocol, signed by envoys of Ukraine, Russia and the OSCE.",
        "Historians still argue over the Minsk Protocol of 2014, initialled for the Contact Group by Kyiv, "
        "Moscow and the OSCE.",
        "Few remember the Minsk Protocol, which Ukraine, Russia and the OSCE signed in September 2014.",
    ],
)
def test_the_signers_of_a_document_accept_it(lexicon: Lexicon, text: str) -> None:
    found = {(e.actor_id, e.proposal_id, e.stance) for e in stances(text, lexicon)}
    assert found == {("ukraine", "minsk-i", "accept"), ("russia", "minsk-i", "accept"), ("osce", "minsk-i", "accept")}


def test_endorsing_a_document_supports_it(lexicon: Lexicon) -> None:
    text = (
        "The review is at its best on the Package of Measures of February 2015, which the leaders of France, Germany, "
        "Russia and Ukraine later endorsed in a declaration of their own."
    )
    found = {(e.actor_id, e.proposal_id, e.stance) for e in stances(text, lexicon)}
    assert found == {(party, "minsk-ii", "support") for party in ("france", "germany", "russia", "ukraine")}


@pytest.mark.parametrize(
    "text",
    [
        # signed by no actor of the case, or by a date
        "The talks produced the Minsk Protocol, signed by the negotiators after midnight.",
        "Washington wanted the 28-point plan signed by Thanksgiving.",
        # what is signed is not the document named before, far back or across another clause
        "The 28-point plan, which critics called a capitulation, drew comparisons with the deal that Russia "
        "and Ukraine signed in Istanbul.",
        # the list of signers ends where the sentence goes on: Ukraine is given guarantees, it did not sign
        "The minister said the Paris Declaration, agreed by some 35 countries, gives Ukraine binding guarantees.",
        # a relative clause whose verb is not signing
        "The Minsk Protocol, which Ukraine and Russia later accused each other of breaking, collapsed.",
    ],
)
def test_no_signers_where_nothing_named_was_signed_by_them(lexicon: Lexicon, text: str) -> None:
    assert not [e for e in stances(text, lexicon) if e.extractor == "stance/signed"]


def test_the_signers_hold_the_contents_the_next_sentence_gives(lexicon: Lexicon) -> None:
    text = (
        "The author turns to the Minsk Protocol, signed by Ukraine, Russia and the OSCE in 2014. "
        "It provided for an amnesty and a ceasefire."
    )
    found = pairs(text, lexicon)
    for party in ("ukraine", "russia", "osce"):
        assert (party, "accountability-amnesty") in found and (party, "ceasefire-sequencing") in found
    # after a change of subject the contents are no one's
    later = (
        "The author turns to the Minsk Protocol, signed by Ukraine, Russia and the OSCE in 2014. "
        "Critics of the book were unimpressed. Some called for an amnesty."
    )
    assert not {pair for pair in pairs(later, lexicon) if pair[1] == "accountability-amnesty"}


def test_a_signer_agreed_by_after_an_apposition(lexicon: Lexicon) -> None:
    text = "The other paper, a set of common understandings, was agreed in Beijing in May 2024 by China and Brazil."
    assert {("china", "china-brazil-6-points"), ("brazil", "china-brazil-6-points")} <= pairs(text, lexicon)


@pytest.mark.parametrize(
    ("second", "issue"),
    [
        ("The second part offers a route to a ceasefire.", "ceasefire-sequencing"),
        ("The last section deals with sanctions relief.", "sanctions-relief"),
        ("The third lays out a cap on Ukraine's armed forces.", "army-limits"),
    ],
)
def test_the_parts_of_a_document_in_order_speak_for_its_authors(lexicon: Lexicon, second: str, issue: str) -> None:
    text = f"Russia's memorandum of June 2025 has three parts. {second}"
    assert ("russia", issue) in pairs(text, lexicon)


def test_an_ordinal_is_no_part_without_a_document_or_before_a_document_noun(lexicon: Lexicon) -> None:
    # no document with authors is being described: "the first" is a round of talks, a speaker, anything
    assert not pairs("Talks resumed in Geneva. The second offers little hope of sanctions relief.", lexicon)
    # "The final text" is a document of its own, not a part of the one before
    text = "Russia's memorandum of June 2025 has three parts. The final text of the treaty lists sanctions relief."
    assert ("russia", "sanctions-relief") not in pairs(text, lexicon)


def test_a_list_after_a_colon_runs_over_its_semicolons(lexicon: Lexicon) -> None:
    text = (
        "The Russian memorandum sets out a settlement: recognition of Crimea as Russian; a neutral Ukraine; "
        "and the lifting of sanctions."
    )
    found = pairs(text, lexicon)
    assert {("russia", "territory-crimea"), ("russia", "nato-neutrality"), ("russia", "sanctions-relief")} <= found
    # without a colon the semicolon still ends the document's contents: what follows is someone else's clause
    ended = "The Russian memorandum demands recognition of Crimea; Kyiv still wants NATO membership."
    assert ("russia", "nato-neutrality") not in pairs(ended, lexicon)


def test_a_sentence_about_the_document_alone_keeps_it_as_subject(lexicon: Lexicon) -> None:
    text = (
        "European governments put forward a 24-point text of their own. Only its first pages have been published. "
        "It opens with an unconditional ceasefire."
    )
    assert ("eu", "ceasefire-sequencing") in pairs(text, lexicon)
    # a sentence about someone else between them ends it
    other = (
        "European governments put forward a 24-point text of their own. Russia dismissed its authors as warmongers. "
        "It opens with an unconditional ceasefire."
    )
    assert ("eu", "ceasefire-sequencing") not in pairs(other, lexicon)


@pytest.mark.parametrize(
    "text",
    [
        "One month – the truce in the air, at sea and on energy infrastructure that France and Britain floated.",
        "Observers recalled the truce in the air and at sea that France and Britain proposed in March.",
        "A ceasefire for the winter months that France and Britain put forward was never agreed.",
    ],
)
def test_a_relative_clause_after_phrases_of_place_is_said_of_the_noun_they_qualify(lexicon: Lexicon, text: str) -> None:
    found = pairs(text, lexicon)
    assert {("france", "ceasefire-sequencing"), ("uk", "ceasefire-sequencing")} <= found


def test_a_relative_clause_after_a_document_is_said_of_the_document(lexicon: Lexicon) -> None:
    # "a ceasefire in the plan that Russia rejected": Russia rejected the plan, not the ceasefire
    assert ("russia", "ceasefire-sequencing") not in pairs(
        "Observers recalled a ceasefire in the plan that Russia rejected.", lexicon
    )


@pytest.mark.parametrize(
    "text",
    [
        "MOSCOW – Russia's memorandum demands the lifting of sanctions.",
        "June 2025 – Russia's memorandum demands the lifting of sanctions.",
        "2025-06-02 – Istanbul: Russia's memorandum demands the lifting of sanctions.",
        "Background: Russia's memorandum demands the lifting of sanctions.",
        "16:31 – Context: Russia's memorandum demands the lifting of sanctions.",
    ],
)
def test_a_label_the_line_opens_with_does_not_hide_the_document_subject(lexicon: Lexicon, text: str) -> None:
    found = [e for e in stances(text, lexicon) if e.extractor == "stance/document"]
    assert {(e.actor_id, e.issue_id) for e in found} == {("russia", "sanctions-relief")}


def test_a_long_clause_before_a_dash_is_no_label(lexicon: Lexicon) -> None:
    # a whole clause before the dash: what follows is an aside, not the document's own sentence
    text = "The delegations argued in Istanbul for a whole week – the memorandum demands the lifting of sanctions."
    assert not [e for e in stances(text, lexicon) if e.extractor == "stance/document"]


@pytest.mark.parametrize(
    "text",
    [
        "2026-01-06 – Paris: the Coalition of the Willing offers guarantees to Ukraine.",
        "PARIS – The Coalition of the Willing offers guarantees to Ukraine.",
    ],
)
def test_the_place_of_a_dateline_is_no_speaker(lexicon: Lexicon, text: str) -> None:
    assert ("coalition-of-the-willing", "security-guarantees") in pairs(text, lexicon)
    assert not {pair for pair in pairs(text, lexicon) if pair[0] == "france"}


def test_a_speaker_after_the_dateline_still_speaks(lexicon: Lexicon) -> None:
    assert ("ukraine", "nato-neutrality") in pairs("KYIV – Ukraine rejected neutrality on Monday.", lexicon)
    # a colon after a possessive is the subject's, not a heading: Putin still demands
    text = "14 June 2024 – Putin's conditions: Ukraine must withdraw from Kherson."
    assert ("russia", "territory-kherson") in pairs(text, lexicon)


def test_a_document_that_makes_an_issue_a_condition_states_it(lexicon: Lexicon) -> None:
    text = "Context: Russia's memorandum makes the lifting of sanctions a precondition of any settlement."
    assert ("russia", "sanctions-relief") in {
        (e.actor_id, e.issue_id) for e in stances(text, lexicon) if e.extractor == "stance/document"
    }
    # "makes no mention of" says the opposite
    assert not pairs("Russia's memorandum makes no mention of the lifting of sanctions.", lexicon) - {
        ("russia", "russia-memorandum-2025")
    }


def test_a_phrase_between_dashes_is_no_dateline() -> None:
    assert documents.dateline("MOSCOW – Vladimir Putin said the plan could serve as a basis.") == len("MOSCOW – ")
    assert documents.dateline("June 2025 – Russia hands over its memorandum.") == len("June 2025 – ")
    assert documents.dateline("Context: Kyiv rejects the plan.") == len("Context: ")
    # actors in an aside between dashes are not a place the line was written in
    assert documents.dateline("Russia and Ukraine – the two parties – agreed on a ceasefire.") == 0
