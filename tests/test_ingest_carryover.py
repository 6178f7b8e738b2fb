"""Stance rules of rules-9, built for the shapes of text that recur across the annotated sets rather
than for one sentence: who signed or endorsed a document, and its contents given to them over the
sentences that follow. Each rule in several phrasings, with cases where it must not fire."""

from __future__ import annotations

import pytest

from peacetalks.case.loading import load_case_path
from peacetalks.catalog import builtin_cases
from peacetalks.ingest.lexicon import Lexicon
from stancetext import pairs, stances


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon(load_case_path(builtin_cases()["russia-ukraine"]))


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
        "The second part deals with the Package of Measures of February 2015, which the leaders of France, Germany, "
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
