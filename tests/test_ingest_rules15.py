"""Stance rules of rules-15: a document's signers and contents across sentences, by the annotation
guide's conventions ("a document the text names as an actor's own gives that actor a stance on the
document and on the case issues of the contents the text reports; signing gives a stance on the
document itself; a document whose authors the text does not name gives nobody a stance"). Each on
sentences written for the test, with cases where it must not fire."""

from __future__ import annotations

import pytest

from peacetalks.ingest.lexicon import Lexicon
from stancetext import pairs, stances

MINSK = "The museum shows copies of the Minsk Protocol and of the Package of Measures, often called Minsk II. "


def test_both_signed_within_a_group_signs_the_documents_the_sentence_before_named(lexicon: Lexicon) -> None:
    text = MINSK + "Both were signed within the Trilateral Contact Group, in which Ukraine, Russia and the OSCE sat."
    found = {(e.actor_id, e.proposal_id, e.stance) for e in stances(text, lexicon) if e.extractor == "stance/signed"}
    assert found == {(a, p, "accept") for a in ("ukraine", "russia", "osce") for p in ("minsk-i", "minsk-ii")}


def test_signing_gives_no_stance_on_the_contents_the_next_sentence_reports(lexicon: Lexicon) -> None:
    text = (
        MINSK + "Both were signed within the Trilateral Contact Group, in which Ukraine, Russia and the OSCE sat. "
        "The second text provided for a ceasefire and a buffer zone."
    )
    assert not {p for p in pairs(text, lexicon) if p[1] in ("ceasefire-sequencing", "demilitarised-zone")}


@pytest.mark.parametrize(
    "second",
    [
        # "Both" for one document: the subject is something else
        "Both were signed by Ukraine and Russia.",
        # a place it was signed in is no signer ("Moscow" stands for Russia elsewhere)
        "Both were signed in Moscow.",
        # the sentence names a document of its own: the back-reference is not needed
        "The Istanbul draft was never signed by Ukraine.",
    ],
)
def test_no_back_reference_no_signers(second: str, lexicon: Lexicon) -> None:
    text = "The museum shows a copy of the Minsk Protocol. " + second
    found = {(e.actor_id, e.proposal_id) for e in stances(text, lexicon) if e.extractor == "stance/signed"}
    assert not {f for f in found if f[1] == "minsk-i"}


def test_adopted_by_a_coalition_signs_the_declaration(lexicon: Lexicon) -> None:
    text = "The Paris Declaration was adopted that day by the Coalition of the Willing, with Ukraine present."
    found = {(e.actor_id, e.proposal_id) for e in stances(text, lexicon) if e.extractor == "stance/signed"}
    assert ("coalition-of-the-willing", "paris-declaration") in found


def test_the_nationality_one_after_documents_gives_its_contents_past_a_relative_clause(lexicon: Lexicon) -> None:
    text = (
        "In June the delegations handed each other memorandums. The Russian one, which state media "
        "published, asks the world to recognise Crimea as Russian and rules out any reparations."
    )
    found = pairs(text, lexicon)
    assert {("russia", "territory-crimea"), ("russia", "frozen-assets-reparations")} <= found


@pytest.mark.parametrize(
    "text",
    [
        # "one" that names no author gives nobody a stance
        "In June the delegations handed each other memorandums. The first one asks the world to recognise Crimea.",
        # "one" with no document before it is not a document
        "Two delegations came to Istanbul. The Russian one asks the world to recognise Crimea as Russian.",
    ],
)
def test_one_without_an_author_or_a_document_before_gives_no_contents(text: str, lexicon: Lexicon) -> None:
    assert not [e for e in stances(text, lexicon) if e.extractor == "stance/document"]


def test_a_relative_clause_naming_an_actor_does_not_make_it_the_author(lexicon: Lexicon) -> None:
    text = "The American draft, which Ukraine rejected, would cap the army at 600,000."
    found = {(e.actor_id, e.issue_id) for e in stances(text, lexicon) if e.extractor == "stance/document"}
    assert found == {("united-states", "army-limits")}


def test_a_place_in_a_documents_name_is_no_author_of_its_contents(lexicon: Lexicon) -> None:
    text = "The Minsk Protocol provided for an immediate ceasefire and an exchange of prisoners."
    assert not {a for a, _ in pairs(text, lexicon) if a == "belarus"}


def test_a_documents_list_after_a_colon_keeps_its_items_past_the_five_regions(lexicon: Lexicon) -> None:
    text = (
        "Card A, Russia's memorandum, handed over in Istanbul: recognition of Crimea, Donetsk, Luhansk, "
        "Zaporizhzhia and Kherson as Russian; a neutral Ukraine; all sanctions lifted."
    )
    found = pairs(text, lexicon)
    assert {("russia", "nato-neutrality"), ("russia", "sanctions-relief")} <= found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Card D, the Paris Declaration of the coalition of the willing, sets out guarantees.", True),
        # an actor the case does not hold among the document's authors
        ("Students compare the 28-point plan of Ukraine's critics with others.", False),
        # an actor further on, not the document's "of"
        ("The Paris Declaration of January was discussed with the coalition of the willing.", False),
    ],
)
def test_a_document_of_an_actor_is_that_actors(text: str, expected: bool, lexicon: Lexicon) -> None:
    found = {(e.actor_id, e.proposal_id) for e in stances(text, lexicon) if e.extractor == "stance/author"}
    assert (("coalition-of-the-willing", "paris-declaration") in found) == expected
    assert ("ukraine", "us-28-point") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The coalition of the willing, in its Paris Declaration, adds a multinational force.", True),
        # two parties before "its": whose it is is not clear
        ("Ukraine and the coalition of the willing discussed its Paris Declaration.", False),
    ],
)
def test_its_document_is_the_one_party_named_before(text: str, expected: bool, lexicon: Lexicon) -> None:
    found = {(e.actor_id, e.proposal_id) for e in stances(text, lexicon) if e.extractor == "stance/author"}
    assert (("coalition-of-the-willing", "paris-declaration") in found) == expected
