"""Stance rules of rules-17, by conventions of the annotation guide: a reaction to the document under
discussion by a general noun or a pronoun ("the demands", "they", "it") is a stance on that document;
an attribution in an aside ("Ukraine, he said, must …") gives what follows to the speaker, not to the
party asked, and so do the obligations of the next sentence that names no speaker of its own; an actor
that lays a document down proposes it; the contents of "The first version, drawn up by …" are those of
the document under discussion. Each on texts written for the test, with cases where nothing may fire."""

from __future__ import annotations

import pytest

from peacetalks.ingest.lexicon import Lexicon
from stancetext import pairs, stances

TERMS = "russia-june-2024-terms"
PLAN = "us-28-point"


def test_reactions_to_the_document_by_noun_and_pronoun(lexicon: Lexicon) -> None:
    found = pairs(
        "On 14 June 2024 Vladimir Putin went to the Foreign Ministry and set out the terms on which he would order "
        "a ceasefire. The answers came fast. Volodymyr Zelensky said the demands were not meant seriously. "
        "Jens Stoltenberg, NATO's secretary general, said they were not made in good faith.",
        lexicon,
    )
    assert {("russia", TERMS), ("ukraine", TERMS), ("nato", TERMS)} <= found


def test_it_before_a_judgement_of_a_text_is_the_plan_not_the_issue_before(lexicon: Lexicon) -> None:
    found = pairs(
        "Negotiators reworked the 28-point plan in Geneva. Germany objected to what the draft would do with "
        "frozen Russian assets. Vladimir Putin said last week that it could form the basis of a settlement.",
        lexicon,
    )
    assert ("russia", PLAN) in found
    assert ("russia", "frozen-assets-reparations") not in found


@pytest.mark.parametrize(
    "text",
    [
        # a document the text has not named
        "Vladimir Putin said last week that it could form the basis of a final settlement.",
        # "they" for people, and a judgement of no document
        "Zelensky met the envoys in Kyiv. He said they were not serious about a ceasefire.",
        # a reaction to an issue, not a document
        "Moscow wants Ukraine out of Donetsk. Zelensky said the demand was not meant seriously.",
    ],
)
def test_no_document_no_stance_on_one(text: str, lexicon: Lexicon) -> None:
    assert not {obj for _, obj in pairs(text, lexicon)} & {p.id for p in lexicon.case.proposals}


def test_an_aside_attribution_speaks_for_the_speaker_not_the_party_asked(lexicon: Lexicon) -> None:
    found = pairs(
        "Vladimir Putin spoke at the ministry. Ukraine, he said, must first pull its troops out of the "
        "Donetsk region and must officially give up its plans to join NATO.",
        lexicon,
    )
    assert {("russia", "territory-donetsk"), ("russia", "nato-neutrality")} <= found
    assert not {p for p in found if p[0] == "ukraine"}


def test_obligations_after_reported_speech_go_on_with_its_speaker(lexicon: Lexicon) -> None:
    text = (
        "Vladimir Putin spoke at the ministry. Ukraine, he said, must first pull its troops out of Donetsk. "
        "Only then would Russia stop firing. A settlement would have to make Ukraine neutral and recognise "
        "Crimea as Russian."
    )
    found = pairs(text, lexicon)
    assert ("russia", "territory-crimea") in found
    assert ("ukraine", "territory-crimea") not in found  # (made to recognise it: asked, not holding)
    # a new paragraph, or another side between, ends the speech
    assert ("russia", "territory-crimea") not in pairs(text.replace(" A settlement", "\n\nA settlement"), lexicon)
    between = text.replace("Only then would Russia stop firing.", "Kyiv refused at once.")
    assert ("russia", "territory-crimea") not in pairs(between, lexicon)


@pytest.mark.parametrize(
    "text",
    [
        "On 14 June 2024 Putin set out his terms.",
        "On 14 June 2024 Putin set out the terms.",
        "On 14 June 2024 Putin went to the Foreign Ministry and set out the terms.",
    ],
)
def test_the_actor_that_lays_a_document_down_proposes_it(text: str, lexicon: Lexicon) -> None:
    assert ("russia", TERMS) in pairs(text, lexicon)


def test_laying_down_after_a_document_of_another_is_no_authorship(lexicon: Lexicon) -> None:
    text = "On 15 June 2024 Zelensky rejected Putin's conditions and set out the terms of a peace."
    proposed = {(e.actor_id, e.proposal_id) for e in stances(text, lexicon) if e.stance == "propose"}
    assert ("russia", TERMS) in proposed
    assert ("ukraine", TERMS) not in proposed


def test_the_first_version_gives_the_document_under_discussion_its_contents(lexicon: Lexicon) -> None:
    found = pairs(
        "Negotiators spent Sunday reworking the 28-point plan. The first version, drawn up by the envoy Steve "
        "Witkoff with Kirill Dmitriev, who runs Russia's sovereign wealth fund, would have capped Ukraine's "
        "armed forces and treated Crimea as Russian.",
        lexicon,
    )
    assert {("united-states", "army-limits"), ("united-states", "territory-crimea")} <= found
    assert not {p for p in found if p[0] == "russia"}  # (a writer's aside speaks for no one)
