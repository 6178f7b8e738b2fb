"""Stance rules of rules-11, built on the classes of misses and false alarms in the training sets of
new genres (press-conference summaries, timelines, Q&A, investor notes): who wrote a document when
the text names them after it, a document's contents over headings and lists, its owner, its
signers. Each rule on sentences written for the test, with cases where it must not fire."""

from __future__ import annotations

import pytest

from peacetalks.ingest.lexicon import Lexicon
from stancetext import pairs


@pytest.mark.parametrize(
    "text",
    [
        "Reporters were shown the 20-point framework that Washington and Kyiv had drafted over two weeks.",
        "The envoy spoke of the 20-point framework worked out between Kyiv and Washington.",
        "Officials reread the Jeddah joint statement, which the United States and Ukraine issued in March 2025.",
    ],
)
def test_writers_named_after_a_document_propose_it(lexicon: Lexicon, text: str) -> None:
    found = pairs(text, lexicon)
    proposal = "us-ukraine-20-point" if "20-point" in text else "jeddah-ceasefire-2025"
    assert {("ukraine", proposal), ("united-states", proposal)} <= found


@pytest.mark.parametrize(
    "text",
    [
        # a verb that is not writing it
        "Reporters were shown the 20-point framework that Washington and Kyiv had discussed in private.",
        # the actors after the document are not its writers
        "Reporters were shown the 20-point framework, and Washington and Kyiv drafted a statement.",
        "Reporters were shown the 20-point framework by Washington and Kyiv.",
    ],
)
def test_no_writers_where_the_clause_does_not_say_they_wrote_it(lexicon: Lexicon, text: str) -> None:
    assert not {p for p in pairs(text, lexicon) if p[1] == "us-ukraine-20-point"}


def test_it_after_a_sentence_ending_on_a_document_is_the_document(lexicon: Lexicon) -> None:
    text = (
        "On Monday Zelensky made public the 20-point framework that Kyiv and Washington drew up together.\n"
        "It would keep Ukraine's peacetime army at 800,000."
    )
    assert {("ukraine", "army-limits"), ("united-states", "army-limits")} <= pairs(text, lexicon)
    # the sentence goes on past the document: "it" may be something else, and nothing is given
    other = (
        "On Monday Zelensky talked about the 20-point framework with reporters in a cold hall in Kyiv.\n"
        "It would keep Ukraine's peacetime army at 800,000."
    )
    assert ("united-states", "army-limits") not in pairs(other, lexicon)


def test_headings_between_a_summarys_contents_keep_the_document(lexicon: Lexicon) -> None:
    text = (
        "The plan.\nZelensky presented the 20-point framework as a joint text of Ukraine and the United States.\n"
        "It would keep the army at 800,000 in peacetime.\nGUARANTEES.\n"
        "Ukraine would receive security guarantees from its allies."
    )
    found = pairs(text, lexicon)
    assert {("ukraine", "security-guarantees"), ("united-states", "security-guarantees")} <= found
    assert {("ukraine", "army-limits"), ("united-states", "army-limits")} <= found
    # with no document current, a heading makes nothing a document's contents
    bare = "GUARANTEES.\nUkraine would receive security guarantees from its allies."
    assert not pairs(bare, lexicon)


def test_a_document_presented_alone_is_its_presenters(lexicon: Lexicon) -> None:
    # the co-author is named in another clause, not as a writer of the text
    text = (
        "Zelensky presented the 20-point framework in Kyiv, as US officials flew home.\n"
        "It would keep the army at 800,000 in peacetime."
    )
    found = pairs(text, lexicon)
    assert ("ukraine", "army-limits") in found
    assert ("united-states", "army-limits") not in found


def test_a_documents_points_after_a_colon_are_its_contents(lexicon: Lexicon) -> None:
    text = (
        "Zelensky presented the 20-point framework as a joint text of Ukraine and the United States.\n"
        "He then went through its first points one by one: Ukraine would receive security guarantees; "
        "Russia and Ukraine would commit to a ceasefire."
    )
    found = pairs(text, lexicon)
    assert {("ukraine", "security-guarantees"), ("united-states", "security-guarantees")} <= found
    # the parties a provision names are not speaking in it
    assert ("russia", "ceasefire-sequencing") not in found


def test_its_document_is_put_forward_by_the_owner(lexicon: Lexicon) -> None:
    text = "Moscow has not moved. Its memorandum of June 2025 calls for the lifting of all sanctions."
    assert {("russia", "russia-memorandum-2025"), ("russia", "sanctions-relief")} <= pairs(text, lexicon)
    # a document named by its name only says nothing of who put it forward
    named = "The 20-point framework made public on 24 December 2025 keeps the army at 800,000."
    assert ("united-states", "us-ukraine-20-point") not in pairs(named, lexicon)


def test_any_of_the_occupied_territories_is_no_stance_on_each_region(lexicon: Lexicon) -> None:
    found = pairs("Kyiv said it would never legally recognise any of the occupied territories as Russian.", lexicon)
    assert not {p for p in found if p[1] and p[1].startswith("territory-")}
    # the case's term without the quantifier still stands for each region
    each = pairs("Kyiv said it would never legally recognise the occupied territories as Russian.", lexicon)
    assert ("ukraine", "territory-donetsk") in each


def test_co_signing_and_signing_with_others(lexicon: Lexicon) -> None:
    assert ("turkey", "black-sea-grain-initiative") in pairs(
        "Ankara co-signed the Black Sea Grain Initiative in 2022.", lexicon
    )
    text = "The Black Sea Grain Initiative was signed in two copies: Russia signs with Turkey and the United Nations."
    assert {("russia", "black-sea-grain-initiative"), ("turkey", "black-sea-grain-initiative"),
            ("un", "black-sea-grain-initiative")} <= pairs(text, lexicon)  # fmt: skip
    # "with each other" names no one more, and signing nothing signs no document
    alone = "The Black Sea Grain Initiative was signed in two copies, and Russia signed nothing with each other."
    assert ("turkey", "black-sea-grain-initiative") not in pairs(alone, lexicon)


def test_what_an_object_is_modelled_on_is_no_object(lexicon: Lexicon) -> None:
    found = pairs("Ukraine backed guarantees modelled on NATO's.", lexicon)
    assert ("ukraine", "security-guarantees") in found
    assert ("ukraine", "nato-neutrality") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Moscow called for a ceasefire. Britain rejected the idea that Moscow could set the terms.",
        "The plan calls for a ceasefire. Russia would withdraw from the areas it holds in the north.",
    ],
)
def test_a_noun_its_own_clause_defines_does_not_refer_back(lexicon: Lexicon, text: str) -> None:
    found = pairs(text, lexicon)
    assert ("uk", "ceasefire-sequencing") not in found
    assert ("russia", "ceasefire-sequencing") not in found or text.startswith("Moscow")
    # without a clause of its own, the noun refers to what was named before
    assert ("uk", "ceasefire-sequencing") in pairs("Moscow called for a ceasefire. Britain rejected the idea.", lexicon)


def test_a_threads_numbered_posts_go_on_about_the_document(lexicon: Lexicon) -> None:
    text = (
        "2/ Meanwhile European governments put round their own counter-text.\n"
        "3/ It opens with a full ceasefire.\n4/ It also wants an exchange of all prisoners for all."
    )
    found = pairs(text, lexicon)
    assert {("eu", "ceasefire-sequencing"), ("eu", "prisoners-humanitarian")} <= found
    # the text is the presenters' alone: no co-author the case may hold for a like-named proposal
    assert not {p for p in found if p[0] == "ukraine"}
    # a post that is not about the document says nothing of it
    assert ("eu", "territory-donetsk") not in pairs(text + "\n5/ It snowed in Donetsk.", lexicon)


def test_two_nationalities_sharing_a_group_noun_are_two_actors(lexicon: Lexicon) -> None:
    found = pairs("The American and Ukrainian delegations proposed a ceasefire.", lexicon)
    assert {("united-states", "ceasefire-sequencing"), ("ukraine", "ceasefire-sequencing")} <= found
    # adjectives that name no actor with that noun, or no shared group noun, add no one
    assert ("united-states", "ceasefire-sequencing") not in pairs(
        "The American and Ukrainian weather proposed nothing; Kyiv proposed a ceasefire.", lexicon
    )
