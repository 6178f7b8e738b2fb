"""Stance rules of rules-21. The evaluation scores (actor, issue) pairs, not their stance labels, so
these label classes were found by reading the evidence of the shared development articles; each is
tested on texts written for the test, with near misses where the label must stay."""

from __future__ import annotations

from peacetalks.ingest.lexicon import Lexicon
from stancetext import stances


def labels(text: str, lexicon: Lexicon) -> set[tuple[str | None, str | None, str | None]]:
    return {(e.actor_id, e.issue_id, e.stance) for e in stances(text, lexicon)}


# A cue noun ("recognition of") right after the speaker's verb, which found no object of its own, is the
# verb's object: the verb says the stance ("Russia demands recognition of these areas" is a demand, not
# Russia accepting them).


def test_a_cue_noun_after_a_verb_without_object_takes_the_verbs_stance(lexicon: Lexicon) -> None:
    text = "The status of Crimea is the hardest question. Russia demands recognition of these areas."
    assert labels(text, lexicon) == {("russia", "territory-crimea", "demand")}
    text = "The status of Crimea is the hardest question. Ukraine rejected the recognition of these areas."
    assert labels(text, lexicon) == {("ukraine", "territory-crimea", "reject")}


def test_a_cue_noun_keeps_its_own_stance_otherwise(lexicon: Lexicon) -> None:
    # the verb has its own object: the noun's is the same, and the verb already gave it its stance
    text = "Russia demands recognition of Crimea as Russian."
    assert labels(text, lexicon) == {("russia", "territory-crimea", "demand")}
    # a verb that is no cue: the noun's stance
    text = "The status of Crimea is the hardest question. Ukraine discussed recognition of these areas."
    assert ("ukraine", "territory-crimea", "demand") not in labels(text, lexicon)
    # an infinitive before a verb cue is no object of it: "ready to accept" accepts
    text = "The status of Crimea is the hardest question. Is the Kremlin ready to accept it?"
    assert ("russia", "territory-crimea", "accept") in labels(text, lexicon)
