"""Stance rules of rules-12, built on the classes of false alarms in heldout20 and heldout21: a cue
that states no stance of the actor before it (a likeness, an open question, a time, an item of a
bracketed list, a relative clause closed before the cue). Each rule on sentences written for the
test, with a case where the stance must still be found."""

from __future__ import annotations

from peacetalks.ingest.lexicon import Lexicon
from stancetext import pairs


def test_a_package_close_to_someones_demands_is_not_their_demand(lexicon: Lexicon) -> None:
    near = "Voters were shown a plan similar to Moscow's demands (no NATO membership, sanctions lifted)."
    assert not {p for p in pairs(near, lexicon) if p[0] == "russia"}
    stated = "Moscow's demands (no NATO membership, sanctions lifted) were read out in Geneva."
    assert ("russia", "nato-neutrality") in pairs(stated, lexicon)


def test_an_actor_inside_brackets_is_not_the_subject_after_them(lexicon: Lexicon) -> None:
    text = "The list (a ceasefire, guarantees from NATO), 61% said, was unacceptable."
    assert not {p for p in pairs(text, lexicon) if p[0] == "nato"}
    plain = "NATO said the ceasefire was unacceptable."
    assert ("nato", "ceasefire-sequencing") in pairs(plain, lexicon)


def test_an_open_question_is_no_stance(lexicon: Lexicon) -> None:
    assert not pairs("Kyiv has not decided whether it would accept the ceasefire.", lexicon)
    assert not pairs("Beijing gave no sign whether it will support the ceasefire.", lexicon)
    assert ("ukraine", "ceasefire-sequencing") in pairs("Kyiv said it would accept the ceasefire.", lexicon)


def test_almost_as_soon_as_is_a_time_not_a_condition(lexicon: Lexicon) -> None:
    timed = "Russian and Ukrainian envoys met, but the talks ended almost as soon as they began on prisoners."
    assert not pairs(timed, lexicon)
    conditional = "Moscow will release the prisoners as soon as Kyiv lifts sanctions."
    assert pairs(conditional, lexicon)


def test_a_relative_clause_closed_before_the_cue_keeps_its_subject(lexicon: Lexicon) -> None:
    text = (
        "The 28-point plan, which Moscow had called a possible basis for talks, would have capped "
        "Ukraine's army and ruled out NATO membership."
    )
    found = pairs(text, lexicon)
    assert ("russia", "us-28-point") in found  # what the relative clause says of the plan
    assert ("russia", "army-limits") not in found and ("russia", "nato-neutrality") not in found


def test_a_list_entry_opening_signed_by_is_about_the_document_before(lexicon: Lexicon) -> None:
    text = "Minsk II (February 2015). Signed by the Contact Group, that is Ukraine, Russia and the OSCE."
    assert {("ukraine", "minsk-ii"), ("russia", "minsk-ii"), ("osce", "minsk-ii")} <= pairs(text, lexicon)
    # the entry names no document before it: nothing to sign
    assert not pairs("Talks resumed in Minsk. Signed by Ukraine and Russia.", lexicon)


def test_not_signing_is_no_stance_but_refusing_to_sign_is(lexicon: Lexicon) -> None:
    assert not pairs("Neither India nor Brazil signed the Paris Declaration.", lexicon)
    assert not pairs("Washington did not sign the Paris Declaration.", lexicon)
    assert ("russia", "paris-declaration") in pairs("Moscow said it would not sign the Paris Declaration.", lexicon)


def test_a_document_compared_with_does_not_become_current(lexicon: Lexicon) -> None:
    text = (
        "Kyiv and Washington presented the 20-point framework. It follows the American 28-point plan in "
        "places. It would raise the army ceiling to 800,000."
    )
    assert {("ukraine", "army-limits"), ("united-states", "army-limits")} <= pairs(text, lexicon)
    named = "Kyiv and Washington presented the 20-point framework. The American 28-point plan would cap the army."
    assert ("ukraine", "army-limits") not in pairs(named, lexicon)  # named on its own: the plan is current


def test_one_coauthor_presenting_a_joint_text_keeps_both_authors(lexicon: Lexicon) -> None:
    joint = (
        "Kyiv and Washington presented the 20-point framework. Zelensky presented the points on Tuesday as a "
        "text drafted together with Washington. The framework would raise the army ceiling to 800,000."
    )
    assert {("ukraine", "army-limits"), ("united-states", "army-limits")} <= pairs(joint, lexicon)
    other = (
        "Kyiv and Washington presented the 20-point framework. Moscow presented the points on Tuesday as a "
        "text drafted with Washington. The framework would raise the army ceiling to 800,000."
    )
    assert ("ukraine", "army-limits") not in pairs(other, lexicon)


def test_a_name_ending_in_ing_is_no_opening_participle(lexicon: Lexicon) -> None:
    text = "Beijing, in a paper of May 2024, asked for prisoners of war to be exchanged."
    assert ("china", "prisoners-humanitarian") in pairs(text, lexicon)
    # a real opening participle still hands the cue to the main clause's subject
    opening = "Speaking in Beijing, Zelensky asked for prisoners of war to be exchanged."
    assert ("ukraine", "prisoners-humanitarian") in pairs(opening, lexicon)
    assert ("china", "prisoners-humanitarian") not in pairs(opening, lexicon)
