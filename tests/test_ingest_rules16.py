"""Stance rules of rules-16: the actor who holds a position, not the one it is about. By the
annotation guide, a stance is a position the text attributes to an actor; a body's name inside a
phrase ("the heads of NATO", "NATO's founding treaty") is no position on joining it, and the actor
another asks something of ("proposed that Ukraine cap its army", "a Ukraine kept out of NATO") or a
region of ("pockets of northern Ukraine") does not hold what is asked. Each on sentences written
for the test, with cases where the holder must keep its stance."""

from __future__ import annotations

import pytest

from peacetalks.ingest.lexicon import Lexicon
from stancetext import pairs


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Turkey's foreign minister sat at the table beside the heads of NATO and the EU, and backed aid.", "turkey"),
        ("Trump floated security guarantees for Ukraine modelled on Article 5 of NATO's treaty.", "united-states"),
        ("The American president backed guarantees on the NATO model for Kyiv.", "united-states"),
        ("Kyiv argues that without guarantees of the kind NATO's members give one another, a truce fails.", "ukraine"),
    ],
)
def test_a_body_named_is_no_position_on_joining_it(text: str, actor: str, lexicon: Lexicon) -> None:
    assert (actor, "nato-neutrality") not in pairs(text, lexicon)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Moscow demanded that Ukraine stay out of NATO.", "russia"),
        ("Russia rejects any path for Kyiv into NATO.", "russia"),
        ("The Kremlin insists on no NATO for its neighbour.", "russia"),
        ("Kyiv still wants to join NATO.", "ukraine"),
        ("Zelensky insists that Ukraine's future lies in NATO.", "ukraine"),
    ],
)
def test_membership_of_the_body_is_still_its_issue(text: str, actor: str, lexicon: Lexicon) -> None:
    assert (actor, "nato-neutrality") in pairs(text, lexicon)


def test_a_coalition_to_be_formed_is_still_the_guarantee_issue(lexicon: Lexicon) -> None:
    text = "London sketches a coalition of the willing to defend any deal."
    assert ("uk", "security-guarantees") in pairs(text, lexicon)


@pytest.mark.parametrize(
    "text",
    [
        "It was also said to want Crimea recognised as Russian and Ukraine kept out of NATO.",
        "He also sought recognition of Crimea and a Ukraine kept outside NATO.",
        "The plan had proposed that Ukraine write its renunciation of NATO into its constitution and cap its army.",
    ],
)
def test_the_actor_asked_holds_nothing(text: str, lexicon: Lexicon) -> None:
    assert not {p for p in pairs(text, lexicon) if p[0] == "ukraine"}


@pytest.mark.parametrize(
    ("text", "holder", "issue"),
    [
        ("Moscow was said to want Crimea recognised and Ukraine kept out of NATO.", "russia", "nato-neutrality"),
        ("Putin also sought a Ukraine kept outside NATO.", "russia", "nato-neutrality"),
        ("Washington proposed that Ukraine cap its army at 600,000.", "united-states", "army-limits"),
        ("Moscow demanded that Kyiv give up its bid to join NATO.", "russia", "nato-neutrality"),
        (
            "The US draft would have Ukraine write its renunciation of NATO membership into law.",
            "united-states",
            "nato-neutrality",
        ),
    ],
)
def test_the_asker_keeps_its_stance(text: str, holder: str, issue: str, lexicon: Lexicon) -> None:
    assert (holder, issue) in pairs(text, lexicon)


@pytest.mark.parametrize(
    "text",
    [
        # the actor's own clause: an indicative verb, or a relative clause after "that"
        "Officials said that Ukraine rejects any cap on its army.",
        "The framework that Ukraine accepted keeps its army at 800,000.",
    ],
)
def test_an_actor_speaking_in_its_own_clause_keeps_its_stance(text: str, lexicon: Lexicon) -> None:
    assert ("ukraine", "army-limits") in pairs(text, lexicon)


def test_a_region_of_a_state_does_not_speak(lexicon: Lexicon) -> None:
    text = "Leaks said he wanted the Donbas, in return for handing back pockets of northern Ukraine, and Crimea too."
    assert ("ukraine", "territory-crimea") not in pairs(text, lexicon)
    assert ("ukraine", "territory-crimea") in pairs("Ukraine rejects recognition of Crimea.", lexicon)


def test_endorsing_it_endorses_the_text_not_an_issue_the_sentence_before_named(lexicon: Lexicon) -> None:
    text = (
        "The common understandings China reached with Brazil in May 2024 support exchanges of prisoners of war. "
        "Beijing now says more than 110 countries back the document, and this week South Africa endorsed it."
    )
    found = pairs(text, lexicon)
    assert ("south-africa", "china-brazil-6-points") in found
    assert ("south-africa", "prisoners-humanitarian") not in found


def test_signing_it_signs_the_document_not_its_contents(lexicon: Lexicon) -> None:
    found = pairs("The Minsk Protocol was drafted in 2014. It called for a ceasefire. Russia signed it.", lexicon)
    assert ("russia", "minsk-i") in found
    assert ("russia", "ceasefire-sequencing") not in found


def test_a_pronoun_after_another_cue_still_means_the_issue_before(lexicon: Lexicon) -> None:
    assert ("ukraine", "sanctions-relief") in pairs("Moscow demanded sanctions relief. Kyiv rejected it.", lexicon)


@pytest.mark.parametrize(
    "text",
    [
        "Ankara was among the states proposed as guarantors in 2022.",
        "Turkey, which hosted the round, is among the states the Ukrainian side has listed as possible guarantors, "
        "together with Britain.",
    ],
)
def test_being_named_as_a_possible_guarantor_is_no_stance(text: str, lexicon: Lexicon) -> None:
    assert not {p for p in pairs(text, lexicon) if p[1] == "security-guarantees"}


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Turkey offered to act as a guarantor of any deal.", "turkey"),
        ("Britain proposed security guarantees as part of the deal.", "uk"),
    ],
)
def test_offering_to_guarantee_is_still_a_stance(text: str, actor: str, lexicon: Lexicon) -> None:
    assert (actor, "security-guarantees") in pairs(text, lexicon)
