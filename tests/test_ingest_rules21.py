"""Stance label rules of rules-21 and rules-24. The evaluation scores (actor, issue) pairs, not their
stance labels, so these label classes were found by reading the evidence of the shared development
articles and of an article served locally; each is tested on texts written for the test, with near
misses where the label must stay."""

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


# A verb cue joined by "and" to the one before ("rejected the plan and demanded …"), or a reported demand
# after ", saying", says the stance of the objects after it; the pairs are the first cue's, as before.


def test_a_joined_verb_says_the_stance_of_what_follows_it(lexicon: Lexicon) -> None:
    text = "Russia rejected the 28-point plan and demanded sanctions relief."
    assert ("russia", "sanctions-relief", "demand") in labels(text, lexicon)
    text = "Ukraine rejects a cap on its army and wants security guarantees."
    assert labels(text, lexicon) == {("ukraine", "army-limits", "reject"), ("ukraine", "security-guarantees", "demand")}
    text = "Zelensky said Ukraine would not give up Donetsk and has called for security guarantees."
    found = {(e.issue_id, e.stance, e.polarity) for e in stances(text, lexicon)}
    assert found == {("territory-donetsk", "offer", "negative"), ("security-guarantees", "demand", "positive")}
    text = "Kyiv rejected the proposal, saying a ceasefire must come first."
    assert labels(text, lexicon) == {("ukraine", "ceasefire-sequencing", "demand")}


def test_what_is_no_joined_verb_of_the_speaker_leaves_the_stance(lexicon: Lexicon) -> None:
    # nouns joined by "and": the first cue's stance
    text = "Russia demands the withdrawal and recognition of Crimea."
    assert labels(text, lexicon) == {("russia", "territory-crimea", "demand")}
    text = "Kyiv rejected the demands and proposals for a buffer zone."
    assert labels(text, lexicon) == {("ukraine", "demilitarised-zone", "reject")}
    # the joined verb is another actor's, in the condition: Putin sets it, he does not drop the bid
    text = "Putin offered a ceasefire if Ukraine leaves four regions and drops its NATO bid."
    assert ("russia", "nato-neutrality", "reject") not in labels(text, lexicon)
    # a passive: "backed by" is no stance of the speaker's
    text = "Elections, he said, would be possible only if they were legitimate and backed by security guarantees."
    assert all(stance != "support" for _, _, stance in labels("Zelensky spoke. " + text, lexicon))


# (rules-24) What a condition asks ("if Ukraine leaves the four regions", "once a ceasefire is in place") is
# the speaker's condition, not the offer or support it is set for; "in return for" is left alone, since
# either side may be the one giving.


def test_what_a_condition_asks_is_a_condition(lexicon: Lexicon) -> None:
    text = "Putin offered a ceasefire if Ukraine leaves the Donetsk region."
    found = labels(text, lexicon)
    assert ("russia", "ceasefire-sequencing", "offer") in found
    assert ("russia", "territory-donetsk", "condition") in found
    text = "Ukraine is prepared to drop its NATO bid if it receives binding security guarantees."
    assert ("ukraine", "security-guarantees", "condition") in labels(text, lexicon)
    # before the condition, the cue's own stance
    text = "Ukraine is willing to withdraw from Zaporizhzhia provided Russia reciprocates."
    assert labels(text, lexicon) == {("ukraine", "territory-zaporizhzhia", "offer")}
    # "in return for": kept as it was
    text = "Ukraine offered permanent neutrality in exchange for security guarantees."
    assert ("ukraine", "security-guarantees", "condition") not in labels(text, lexicon)
