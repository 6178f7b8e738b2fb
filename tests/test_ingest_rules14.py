"""Stance rules of rules-14: a plan named with its author's adjective ("the US 28-point plan", "the
American draft", "the Russian memorandum") is that author's, as the annotation guide has it ("a
document the text names as an actor's own gives that actor a stance on the document"), when the case
holds the actor among the proposal's authors. Each shape on sentences written for the test, with
cases where it must not fire."""

from __future__ import annotations

import pytest

from peacetalks.ingest.lexicon import Lexicon
from stancetext import pairs, stances


@pytest.mark.parametrize(
    ("text", "author", "proposal"),
    [
        ("The US 28-point draft would cap Ukraine's army at 600,000.", "united-states", "us-28-point"),
        ("The American 28-point draft proposed a cap on the army.", "united-states", "us-28-point"),
        ("Kyiv weighs US 28-point plan as Trump sets Thanksgiving deadline", "united-states", "us-28-point"),
        ("The Russian memorandum demands the withdrawal of Ukrainian troops.", "russia", "russia-memorandum-2025"),
        ("The United States' own 28-point draft set up a committee.", "united-states", "us-28-point"),
    ],
)
def test_a_name_as_an_adjective_makes_its_author_propose_the_plan(
    text: str, author: str, proposal: str, lexicon: Lexicon
) -> None:
    found = [e for e in stances(text, lexicon) if e.proposal_id == proposal]
    assert [(e.actor_id, e.stance, e.extractor) for e in found] == [(author, "propose", "stance/author")]


def test_the_plans_contents_in_the_clause_are_the_authors(lexicon: Lexicon) -> None:
    found = pairs("The US 28-point draft would cap Ukraine's army at 600,000.", lexicon)
    assert ("united-states", "army-limits") in found
    assert ("ukraine", "army-limits") not in found  # Ukraine is only named inside the provision


@pytest.mark.parametrize(
    ("text", "actor", "proposal"),
    [
        # an adjective the case does not hold among the plan's authors
        ("The Ukrainian 28-point plan was discussed in Geneva.", "ukraine", "us-28-point"),
        # an actor after the plan is no adjective of it
        ("A 28-point plan the US opposes was discussed.", "united-states", "us-28-point"),
        # a place inside the proposal's own name is no author ("Paris" stands for France elsewhere)
        ("The Paris Declaration adds a multinational force.", "france", "paris-declaration"),
        # compared with, not proposed
        ("Unlike the US 28-point plan, the framework was welcomed in Kyiv.", "united-states", "us-28-point"),
        # a name quoted, not a document
        ('Playtest note: the "Russian memorandum" card is too strong.', "russia", "russia-memorandum-2025"),
        # a list of what was not asked about
        ("None of the questions named the Russian memorandum of June 2025.", "russia", "russia-memorandum-2025"),
    ],
)
def test_no_author_stance_where_the_adjective_names_no_author(
    text: str, actor: str, proposal: str, lexicon: Lexicon
) -> None:
    assert (actor, proposal) not in pairs(text, lexicon)
