"""Document rules of rules-16: a joint document's contents go to each of its authors, by the annotation
guide ("a document the text names as an actor's own gives that actor a stance on the document and on
the case issues of the contents the text reports; … a document whose authors the text does not name
gives nobody a stance"). Probe sentences written for the test, with cases where the rules must not fire."""

from __future__ import annotations

import pytest

from peacetalks.ingest.lexicon import Lexicon
from stancetext import pairs, stances

TREATS = "The text treats the positions the armies hold in the Donetsk region as the line of contact."


def test_writers_named_as_adjectives_are_each_an_author_and_get_the_contents(lexicon: Lexicon) -> None:
    text = (
        "Zelensky described the 20-point framework as a draft that Ukrainian and American negotiators "
        "had worked out together. " + TREATS
    )
    found = pairs(text, lexicon)
    assert {("ukraine", "us-ukraine-20-point"), ("united-states", "us-ukraine-20-point")} <= found
    assert {("ukraine", "territory-donetsk"), ("united-states", "territory-donetsk")} <= found


def test_a_document_with_no_named_author_gives_nobody_its_contents(lexicon: Lexicon) -> None:
    text = "A paper circulated at the conference on Monday. " + TREATS
    assert not {p for p in pairs(text, lexicon) if p[1] == "territory-donetsk"}


def test_an_actor_rejecting_a_document_gets_no_stance_on_its_contents(lexicon: Lexicon) -> None:
    text = "Russia rejected the 20-point framework on Monday. " + TREATS
    found = pairs(text, lexicon)
    assert ("russia", "territory-donetsk") not in found
    assert ("ukraine", "territory-donetsk") in found  # the framework's authors, as the case holds them


@pytest.mark.parametrize(
    "first",
    [
        # a critic named as an adjective after one author's document is no author
        "Reporters read Washington's 28-point plan, a draft that Ukrainian and Polish officials had criticised.",
        # writers of a party the case does not hold as the document's author
        "Reporters read Washington's 28-point plan, a draft that Ukrainian and American officials had read.",
    ],
)
def test_one_authors_document_gives_the_actor_named_nearby_nothing(first: str, lexicon: Lexicon) -> None:
    found = pairs(first + " " + TREATS, lexicon)
    assert ("united-states", "territory-donetsk") in found
    assert not {p for p in found if p[0] in ("ukraine", "poland")}


SECTIONS = (
    "ARMY. Ukraine's armed forces kept at 800,000 in peacetime.\n"
    "TERRITORY. The line of contact in the Kherson region frozen.\n"
)


def test_headed_sections_under_a_title_naming_a_joint_document_are_its_contents(lexicon: Lexicon) -> None:
    text = "What is in the US–Ukraine 20-point framework\nThe summary below is ours.\n" + SECTIONS
    found = pairs(text, lexicon)
    for party in ("ukraine", "united-states"):
        assert {(party, "army-limits"), (party, "territory-kherson")} <= found


@pytest.mark.parametrize(
    "title",
    [
        # the title names no document: the sections are nobody's
        "What the negotiators are arguing about\nThe summary below is ours.\n",
        # a document whose authors the text does not name (the case holds none for a plain "peace plan")
        "What is in the peace plan\nThe summary below is ours.\n",
        # the document is named further down, not in the title: the sections are not a summary of it
        "What the negotiators are arguing about\nThe US–Ukraine 20-point framework was discussed.\n",
    ],
)
def test_headed_sections_without_a_titled_document_give_nobody_a_stance(title: str, lexicon: Lexicon) -> None:
    found = pairs(title + SECTIONS, lexicon)
    # ("Ukraine's armed forces kept at …" is Ukraine's own position by another rule, whatever the title)
    assert ("united-states", "army-limits") not in found
    assert not {p for p in found if p[1] == "territory-kherson"}


def test_a_dateline_in_capitals_is_no_section(lexicon: Lexicon) -> None:
    text = (
        "Reaction from the capitals: Washington's 28 points\n"
        "BERLIN. The German government objected to the scheme for the frozen Russian assets.\n"
    )
    assert ("united-states", "frozen-assets-reparations") not in pairs(text, lexicon)


def test_the_document_a_subject_names_by_its_writer_goes_on_past_an_aside(lexicon: Lexicon) -> None:
    text = (
        "European leaders said Washington's plan needed more work. "
        "The European text, as reported, calls for a complete and unconditional ceasefire. "
        "It asks Russia to return all the children it deported."
    )
    found = pairs(text, lexicon)
    assert {("eu", "ceasefire-sequencing"), ("eu", "prisoners-humanitarian")} <= found
    # the plan named before is another author's: its author gets nothing of the European text
    assert not {p for p in found if p[0] == "united-states" and p[1] != "us-28-point"}


def test_a_reply_to_a_proposal_named_by_its_two_authors_adjectives(lexicon: Lexicon) -> None:
    text = (
        "When Vladimir Putin answered the American and Ukrainian proposal for a 30-day ceasefire in March 2025, "
        "he said he agreed with it in principle."
    )
    found = {(e.actor_id, e.proposal_id, e.stance) for e in stances(text, lexicon) if e.proposal_id}
    assert {
        ("russia", "jeddah-ceasefire-2025", "support"),
        ("united-states", "jeddah-ceasefire-2025", "propose"),
        ("ukraine", "jeddah-ceasefire-2025", "propose"),
    } <= found
    assert ("russia", "jeddah-ceasefire-2025", "propose") not in found  # who replies is no author


def test_joined_adjectives_of_a_non_author_give_it_no_authorship(lexicon: Lexicon) -> None:
    text = "Putin rejected the American and Polish proposal for a 30-day ceasefire."
    found = {(e.actor_id, e.proposal_id, e.stance) for e in stances(text, lexicon) if e.proposal_id}
    assert ("united-states", "jeddah-ceasefire-2025", "propose") in found
    assert not {f for f in found if f[0] == "poland"}
    assert ("russia", "jeddah-ceasefire-2025", "reject") in found


def test_a_paper_an_actor_marks_a_day_by_publishing_is_its_own(lexicon: Lexicon) -> None:
    text = (
        "China's Foreign Ministry marked the anniversary by publishing a paper on a settlement. "
        "The paper opens by calling for a comprehensive ceasefire. "
        "It asks both sides to show restraint, says it supports exchanges of prisoners of war, and calls for "
        "unilateral sanctions to be stopped."
    )
    found = pairs(text, lexicon)
    issues = ("ceasefire-sequencing", "prisoners-humanitarian", "sanctions-relief")
    assert {("china", issue) for issue in issues} <= found


def test_someone_saying_after_the_contents_ends_them(lexicon: Lexicon) -> None:
    text = (
        "China's Foreign Ministry marked the anniversary by publishing a paper on a settlement. "
        "It asks for a comprehensive ceasefire, said Zelensky, who wants sanctions on Russia kept."
    )
    assert ("china", "sanctions-relief") not in pairs(text, lexicon)
