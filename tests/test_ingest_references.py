"""Proposals an article refers to by description rather than by name: an author and a noun
("Putin's conditions", "the American proposal"), the date written with the noun ("its
memorandum of June 2025") or the place it was made ("the ceasefire proposed in Jeddah"), the
author's proposal chosen by the date the article has reached."""

from __future__ import annotations

import datetime as dt
import functools

import pytest

from peacetalks.case.loading import load_case_path
from peacetalks.catalog import builtin_cases
from peacetalks.ingest.extract import extract
from peacetalks.ingest.lexicon import Lexicon
from peacetalks.ingest.types import Document, SourceInfo


@functools.cache
def lexicon() -> Lexicon:
    return Lexicon(load_case_path(builtin_cases()["russia-ukraine"]))


def proposals(text: str, published: dt.date | None = None) -> list[tuple[str, str | None]]:
    doc = Document(SourceInfo("a.txt", "text", published=published), text)
    return [(e.text, e.proposal_id) for e in extract(doc, lexicon()) if e.kind == "proposal"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Russia has one proposal named by its conditions or terms: no date needed
        ("Putin's conditions were announced on the eve of a summit.", [("conditions", "russia-june-2024-terms")]),
        ("On 14 June 2024 the Kremlin's terms were set out.", [("terms", "russia-june-2024-terms")]),
        # the author's latest proposal on or before the date the article has reached
        ("On 18 March 2025 Kyiv accepted the American proposal.", [("proposal", "jeddah-ceasefire-2025")]),
        ("On 1 December 2025 Kyiv studied the American proposal.", [("proposal", "us-28-point")]),
        ("In 2023 Kyiv studied the Chinese proposal.", [("proposal", "china-12-points")]),
        ("On 30 December 2025 Lula discussed the Chinese-Brazilian proposal.", [("proposal", "china-brazil-6-points")]),
        ("On 5 June 2025 Ukraine rejected the Russian offer.", [("offer", "russia-memorandum-2025")]),
        # words before the noun that only one of the author's proposals has in its names pick it
        ("On 1 December 2025 Kyiv recalled the American ceasefire proposal.", [("proposal", "jeddah-ceasefire-2025")]),
        # authors named after the noun
        ("Kyiv studied the memorandum Moscow handed over on 2 June 2025.", [("memorandum", "russia-memorandum-2025")]),
        ("Kyiv studied the plan put forward by Washington in November 2025.", [("plan", "us-28-point")]),
        ("On 2 June 2025 Russia handed over its draft memorandum.", [("memorandum", "russia-memorandum-2025")]),
        ("On 25 November 2025 Kyiv studied the American draft.", [("draft", "us-28-point")]),
        ("On 25 December 2025 Zelensky published the plan Ukraine and the US had agreed.",
         [("plan", "us-ukraine-20-point")]),
        # what follows "for" or "of" fits the proposal
        ("On 15 June 2024 Putin's proposal for a ceasefire was dismissed.", [("proposal", "russia-june-2024-terms")]),
        ("On 18 March 2025 Kyiv accepted the American proposal for an immediate, interim 30-day ceasefire.",
         [("proposal", "jeddah-ceasefire-2025")]),
        # the date written with the noun, without an author
        ("Its memorandum of June 2025 calls for lifting sanctions.", [("memorandum", "russia-memorandum-2025")]),
        # the place it was made, which none of its authors is
        ("Kyiv backed the 30-day ceasefire proposed in Jeddah.", [("proposed in Jeddah", "jeddah-ceasefire-2025")]),
        ("The ceasefire agreed in Minsk in February 2015 soon broke down.", [("agreed in Minsk", "minsk-ii")]),
        ("The ceasefire agreed in Minsk in September 2014 soon broke down.", [("agreed in Minsk", "minsk-i")]),
    ],
)
def test_proposals_referred_to_by_description(text: str, expected: list[tuple[str, str]]) -> None:
    assert proposals(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no Russian proposal of the case is dated on or before 2022; "demands" names no document
        "In March 2022, Russia's terms were harsh.",
        "In 2025 Russia's demands were unchanged.",
        # a memorandum of another date, a plan of no one's, plans that are no settlement
        "A memorandum of 19 September 2014 fixed a line of contact.",
        "In 2025 Yermak said that Ukraine rejects any plan that rewards aggression.",
        "In 2026 the US and Russia agree a plan.",
        "In January 2026 the EU's plan to lend Ukraine €90 billion passed.",
        "In 2024 Russia's military plan was leaked.",
        "In October 2024 Zelensky's victory plan was presented.",
        "In February 2025 the American draft resolution at the UN was amended.",
        "In 2025 Ukraine's draft law on mobilisation passed.",
        # what follows "for" or "of" is another proposal than the author's of the case
        "On 20 March 2025 Russia's proposal for a UN-run transitional administration was rejected.",
        "On 3 March 2025 Kyiv's offer of a partial truce in the air and at sea was noted.",
        # a place where talks were held is no proposal made there
        "The talks in Jeddah ended.",
        "Leaders met in Minsk in 2014.",
        # "Washington's plan" with no date: three US proposals in the case, none in particular
        "Washington's plan was revised.",
    ],
)
def test_descriptions_that_name_no_case_proposal(text: str) -> None:
    assert proposals(text) == []


def test_on_someones_terms_is_a_manner_of_speaking() -> None:
    assert proposals("Ukraine will not make peace on Russia's terms.", dt.date(2025, 3, 1)) == []


def test_a_proposal_named_twice_in_apposition_is_one_mention() -> None:
    text = (
        "The first Minsk agreement, the Minsk Protocol, was signed in 2014; Minsk II, also called the Package of "
        "Measures, followed."
    )
    assert proposals(text) == [("first Minsk agreement", "minsk-i"), ("Minsk II", "minsk-ii")]


def test_a_description_of_a_proposal_the_sentence_names_adds_nothing() -> None:
    assert proposals("On 2 June 2025 Russia's memorandum, the offer Moscow presented, was read.") == [
        ("Russia's memorandum", "russia-memorandum-2025")
    ]


def test_descriptions_of_the_line_of_contact_name_the_freeze() -> None:
    assert proposals("A freeze on the line without recognition was accepted by 72%.")[0][1] == "ceasefire-current-line"
    assert proposals("Putin offered to freeze the front lines in the south.") == []
