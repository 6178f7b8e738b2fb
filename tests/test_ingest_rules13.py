"""Stance rules of rules-13, built on document conventions the annotation guide states: a document
the text names as two actors' own is both actors', its writers may be their negotiators or a
partner they drew it up with, a group that signs signs for its members, and a status list's entry
on a document goes on over its clauses. Each rule on sentences written for the test, with a case
where it must not fire."""

from __future__ import annotations

from peacetalks.ingest.lexicon import Lexicon
from stancetext import pairs


def test_a_joint_name_gives_the_document_to_both_authors(lexicon: Lexicon) -> None:
    line = "US–Ukraine 20-point framework, December 2025: 800,000 troops in peacetime."
    assert {("united-states", "us-ukraine-20-point"), ("ukraine", "us-ukraine-20-point")} <= pairs(line, lexicon)
    # two names the case does not hold as the authors: no one's document
    other = "The Russia–Ukraine 20-point framework was discussed in Geneva."
    assert ("russia", "us-ukraine-20-point") not in pairs(other, lexicon)
    # one name as an adjective gives the document to that author alone (rules-14, tests/test_ingest_rules14.py)
    single = pairs("The US 28-point plan was discussed in Geneva.", lexicon)
    assert ("united-states", "us-28-point") in single
    assert ("ukraine", "us-28-point") not in single


def test_writers_may_be_a_states_negotiators_or_a_partner(lexicon: Lexicon) -> None:
    team = "Turkey's name appears in the Istanbul communiqué that Kyiv's negotiators tabled in 2022."
    assert ("ukraine", "istanbul-2022") in pairs(team, lexicon)
    together = "The Kremlin answered the 20-point framework that Kyiv and Washington put together in December."
    assert {("ukraine", "us-ukraine-20-point"), ("united-states", "us-ukraine-20-point")} <= pairs(together, lexicon)
    partner = "The 20-point framework it drew up with Kyiv in December 2025 speaks of guarantees."
    assert ("ukraine", "us-ukraine-20-point") in pairs(partner, lexicon)
    # a state's negotiators who only reacted to it did not write it
    reacted = "The Istanbul communiqué Russia's negotiators rejected was published."
    assert ("russia", "istanbul-2022") not in pairs(reacted, lexicon)
    discussed = "Moscow rejected the 20-point framework it discussed with Kyiv."
    assert ("ukraine", "us-ukraine-20-point") not in pairs(discussed, lexicon)


def test_a_group_signs_for_the_members_named_after_it(lexicon: Lexicon) -> None:
    text = (
        "The Minsk Protocol of September 2014 and the Package of Measures that followed in February 2015 were "
        "signed by the Trilateral Contact Group, in which Ukraine, Russia and the OSCE sat."
    )
    found = pairs(text, lexicon)
    for document in ("minsk-i", "minsk-ii"):
        assert {("ukraine", document), ("russia", document), ("osce", document)} <= found
    # a place after the group is no list of its members
    placed = "Minsk II was signed by the Contact Group, in Minsk, where Russia hosted talks."
    assert ("russia", "minsk-ii") not in pairs(placed, lexicon)


def test_a_status_entry_goes_on_over_its_clauses(lexicon: Lexicon) -> None:
    entry = (
        "Package of Measures (Minsk II), 12.02.2015. Signed by the Contact Group, that is Ukraine, Russia and "
        "the OSCE; backed by a declaration of the leaders of Russia, Ukraine, France and Germany."
    )
    assert {("france", "minsk-ii"), ("germany", "minsk-ii"), ("osce", "minsk-ii")} <= pairs(entry, lexicon)
    # a clause after the semicolon that is no entry of the list keeps its own object
    other = "Package of Measures (Minsk II), 12.02.2015. Signed by Ukraine and Russia; the talks were backed by France."
    assert ("france", "minsk-ii") not in pairs(other, lexicon)
    sentence = (
        "Minsk II was signed by Ukraine and Russia; backed by a declaration of the leaders of France and Germany."
    )
    assert {("france", "minsk-ii"), ("germany", "minsk-ii")} <= pairs(sentence, lexicon)


def test_what_a_paper_says_is_its_authors_position(lexicon: Lexicon) -> None:
    says = "China's 12-point paper was read. The paper states that unilateral sanctions must end."
    assert ("china", "sanctions-relief") in pairs(says, lexicon)
    nothing = "China's 12-point paper was read. The paper says nothing about sanctions relief."
    assert ("china", "sanctions-relief") not in pairs(nothing, lexicon)


def test_a_starting_point_is_support(lexicon: Lexicon) -> None:
    said = "Putin said the 28-point plan could be a starting point for a deal."
    assert ("russia", "us-28-point") in pairs(said, lexicon)
    judged = "The 28-point plan was the starting point of the Geneva round, Witkoff said."
    assert ("united-states", "us-28-point") not in pairs(judged, lexicon)
