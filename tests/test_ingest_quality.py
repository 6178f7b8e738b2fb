"""Precision and recall of the rules on the annotated texts in tests/data/ingest.

A fresh held-out set (written after the rules of its day, scored untuned) gets floors of what the
rules measured on it, minus a margin, so a change that makes extraction worse on fresh text fails
(heldout38 to heldout51 now). The older
held-out sets became tuning sets: on them the issue's precision target holds where it held when
they were tuned on, on the four oldest pooled all targets hold, heldout6 to heldout13 keep what
recall they reached with the stance rules of rules-6 to rules-8, heldout6 and heldout7 keep the
figure recall the figure rules reached on them, and the development sets keep their floors.
docs/ingest.md reports every set separately, with how each was used.
"""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from eval_ingest import FRESH, SHARED, annotated_sets, evaluate

from peacetalks.ingest.evaluate import Score
from peacetalks.ingest.lexicon import Lexicon

_annotated_sets = functools.cache(annotated_sets)  # (read once for all the tests below)


def at_least(score: Score, *, precision: float | None = None, recall: float | None = None) -> None:
    """Fail, listing the false alarms or the misses, when ``score`` is under a floor."""
    if precision is not None:
        assert score.precision is not None and score.precision >= precision, score.false_alarms
    if recall is not None:
        assert score.recall is not None and score.recall >= recall, score.misses


@dataclass(frozen=True)
class Floors:
    """What the rules must keep on a pair of sets: ``stance`` and ``figure`` as (precision, recall),
    ``proposal`` as recall. ``fresh``: whether the sets are registered as fresh (None for training
    texts, which were never held out)."""

    sets: tuple[str, str]
    fresh: bool | None
    stance: tuple[float, float]
    figure: tuple[float, float]
    proposal: float


FLOORS = [
    # heldout38 and heldout39 were written by a helper who never saw the rules, kept sealed while
    # rules-20 was built and scored once with rules-20, on 3 December 2026 (pooled): stance 0.812 /
    # 0.711 (108/133/152), figure precision 0.982 and recall 0.957 (330/336/345), proposal recall
    # 0.955 (42/44). The floors sit just under those numbers.
    Floors(("heldout38", "heldout39"), True, stance=(0.79, 0.69), figure=(0.97, 0.94), proposal=0.93),
    # heldout40 and heldout41 were written by a helper who never saw the rules, after rules-20 was
    # scored on heldout38/39, kept sealed while only output-identical changes were made, and scored
    # once with rules-20, on 4 December 2026 at 01:14 UTC (pooled): stance 0.811 / 0.671
    # (116/143/173), figure precision 0.931 and recall 0.937 (312/335/333), proposal recall 0.886
    # (39/44), under the 0.95 target. The floors sit just under those numbers.
    Floors(("heldout40", "heldout41"), True, stance=(0.8, 0.66), figure=(0.92, 0.93), proposal=0.88),
    # heldout42 and heldout43 were written by a helper who never saw the rules while rules-21 was made (stance
    # labels only: no pair of any set changed), and scored once with it, on 4 December 2026 at 01:44 UTC
    # (pooled): stance 0.813 / 0.676 (148/182/219), figure precision 0.951 and recall 0.924 (367/386/397),
    # proposal recall 0.933 (70/75), under the 0.95 target. The floors sit just under those numbers.
    Floors(("heldout42", "heldout43"), True, stance=(0.8, 0.66), figure=(0.94, 0.91), proposal=0.92),
    # heldout44 and heldout45 were written by a helper who never saw the rules while rules-22 was built, and
    # scored once with it, on 4 December 2026 at 02:03 UTC (pooled): stance 0.920 / 0.633 (138/150/218), figure
    # precision 0.960 and recall 0.958 (316/329/330), proposal recall 0.880 (66/75), under the 0.95 target.
    # rules-23 then took back the change of rules-22 that lost one of their mentions (0.893, 67/75, tuned).
    # The floors sit just under those numbers.
    Floors(("heldout44", "heldout45"), True, stance=(0.9, 0.62), figure=(0.95, 0.94), proposal=0.87),
    # heldout46 and heldout47 were written by a helper who never saw the rules while rules-25 was built, and
    # scored once with it, on 4 December 2026 at 03:33 UTC (pooled): stance 0.907 / 0.700 (175/193/250), figure
    # precision 0.948 and recall 0.925 (271/286/293), proposal recall 0.953 (82/86). The floors sit just under.
    Floors(("heldout46", "heldout47"), True, stance=(0.89, 0.68), figure=(0.93, 0.91), proposal=0.94),
    # heldout48 and heldout49 were written by a helper who never saw the rules while rules-26 was built (asked for
    # descriptions of proposals, days without a year and texts going back in time), and scored once with it, on
    # 4 December 2026 at 04:09 UTC (pooled): stance 0.804 / 0.569 (156/194/274), figure precision 0.933 and
    # recall 0.908 (265/284/292), proposal recall 0.901 (82/91); stance recall and proposal recall under target.
    Floors(("heldout48", "heldout49"), True, stance=(0.78, 0.55), figure=(0.91, 0.89), proposal=0.88),
    # heldout50 and heldout51 were written by a helper who never saw the rules while rules-27 was built (asked for
    # ordinary news coverage), and scored once with it, on 4 December 2026 at 05:06 UTC (pooled): stance 0.898 /
    # 0.617 (177/197/287), figure precision 0.957 and recall 0.957 (223/233/233), proposal recall 0.959 (71/74).
    Floors(("heldout50", "heldout51"), True, stance=(0.88, 0.59), figure=(0.94, 0.94), proposal=0.93),
    # heldout36 and heldout37 were fresh for rules-19 (scored once, 3 December 2026: stance 0.883 /
    # 0.617, figure recall 0.921, proposal recall 0.916). The rules of rules-20 (branches stance16 and
    # prop15) were built on them: stance 0.914 / 0.707 (181/198/256), figures 0.980 / 0.963, proposal
    # recall 0.947, tuned numbers. They are training sets of the learned model too.
    Floors(("heldout36", "heldout37"), False, stance=(0.89, 0.69), figure=(0.97, 0.95), proposal=0.93),
    # heldout34 and heldout35 were fresh for rules-18 (scored once, 2 December 2026: stance 0.931 /
    # 0.595, figure recall 0.938, proposal recall 0.962). The stance rules of rules-19 (branch stance15)
    # were built on them: stance 0.962 / 0.741 (152/158/205), tuned numbers; figures and proposals
    # as rules-18 left them. They are training sets of the learned model too.
    Floors(("heldout34", "heldout35"), False, stance=(0.94, 0.72), figure=(0.95, 0.93), proposal=0.95),
    # heldout32 and heldout33 were fresh for rules-17 (scored once, 2 December 2026: stance 0.797 /
    # 0.592, figure recall 0.964, proposal recall 0.94). The rules of rules-18 (branches stance14 and
    # prop14) were built on them: stance 0.90 / 0.65, figures 0.975 / 0.964, proposal recall 1.0,
    # tuned numbers. They are training sets of the learned model too.
    Floors(("heldout32", "heldout33"), False, stance=(0.88, 0.63), figure=(0.96, 0.95), proposal=0.98),
    # heldout30 and heldout31 were fresh for rules-16 (scored once, 2 December 2026: stance 0.81 /
    # 0.50, figure recall 0.94, proposal recall 0.885). The rules of rules-17 (branches stance13 and
    # prop13) were built on them: stance 0.89 / 0.59, proposal recall 0.90, tuned numbers. They
    # are training sets of the learned model too.
    Floors(("heldout30", "heldout31"), False, stance=(0.87, 0.57), figure=(0.94, 0.93), proposal=0.89),
    # heldout28 and heldout29 were fresh for rules-15 (scored once, 2 December 2026: stance 0.78 /
    # 0.54, figure recall 0.94, proposal recall 0.86). The rules of rules-16 (branches stance11,
    # stance12 and prop12) were built on them: stance 0.82 / 0.73, figures 0.96 / 0.94, proposal
    # recall 0.96, tuned numbers. They are training sets of the learned model too.
    Floors(("heldout28", "heldout29"), False, stance=(0.8, 0.71), figure=(0.95, 0.93), proposal=0.94),
    # heldout26 and heldout27 were fresh for rules-14 (scored once, 2 December 2026: stance 0.83 /
    # 0.39, figure recall 0.86, proposal recall 0.83). The rules of rules-15 (branches stance10,
    # fig10 and prop11) were built on them: stance 0.87 / 0.49, figures 0.96 / 0.93, proposal
    # recall 0.85, tuned numbers. They are training sets of the learned model too.
    Floors(("heldout26", "heldout27"), False, stance=(0.85, 0.47), figure=(0.95, 0.92), proposal=0.83),
    # heldout24 and heldout25 were fresh for rules-13 (scored once, 2 December 2026: stance 0.84 /
    # 0.53, figure recall 0.86, proposal recall 0.90). The rules of rules-14 (branches author10,
    # fig9 and lex10) were built on them: stance 0.84 / 0.58, figures 0.99 / 0.95, proposal recall
    # 0.93, tuned numbers; rules-15's stance rules: 0.85 / 0.61. They are training sets of the learned model too.
    Floors(("heldout24", "heldout25"), False, stance=(0.83, 0.59), figure=(0.98, 0.94), proposal=0.91),
    # heldout22 and heldout23 were fresh for rules-12 (scored once, 2 December 2026: stance 0.74 /
    # 0.34, figure recall 0.86, proposal recall 0.79). The stance and lexicon rules of rules-13
    # (branches stance9 and lex9) were built on them: stance 0.81 / 0.46, figures 0.94 / 0.87,
    # proposal recall 0.87, tuned numbers; the figure rules of rules-14 (fig9): figures 0.96 / 0.91.
    # They are training sets of the learned model too.
    Floors(("heldout22", "heldout23"), False, stance=(0.79, 0.45), figure=(0.95, 0.9), proposal=0.85),
    # train3 and train4 (60 texts written blind to the rules, 1 December 2026) gave rules-11
    # stance 0.80 / 0.47 untuned; no stance rule was built on them since (rules-12 and rules-13
    # kept them unread as a check: stance unchanged, proposal recall 0.67 -> 0.71).
    # (figures: 0.92 with rules-14's figure rules)
    Floors(("train3", "train4"), None, stance=(0.78, 0.46), figure=(0.88, 0.91), proposal=0.69),
    # train5 and train6 (60 texts written blind to the rules, 2 December 2026) gave rules-13
    # untuned stance 0.86 / 0.44, figure recall 0.91, proposal recall 0.77; rules-14, built while
    # they were unread, 0.86 / 0.48, 0.93 and 0.82. They are training sets of the learned model.
    Floors(("train5", "train6"), None, stance=(0.84, 0.46), figure=(0.92, 0.91), proposal=0.8),
    # heldout20 and heldout21 were written by a helper who never saw the rules, kept sealed while
    # rules-11 and learned-2 were built and scored once when they were merged, on 1 December 2026
    # (pooled): stance 0.75 / 0.44, figure precision 0.94 and recall 0.85, proposal recall 0.90.
    # The stance rules of rules-12 (branch stance8) were then built on their false alarms and
    # misses: stance 0.89 / 0.50 pooled, tuned numbers. They are training sets of the learned model
    # since learned-3, so no longer fresh; these floors only stop a change from making them worse.
    Floors(("heldout20", "heldout21"), False, stance=(0.85, 0.47), figure=(0.91, 0.82), proposal=0.86),
    # heldout18 and heldout19 were fresh for rules-10 (scored once, untuned: stance 0.80 / 0.49,
    # figures 0.97 / 0.91, proposal recall 0.82); the proposal rules of rules-11 (branch prop8) were
    # built on them: stance 0.82 / 0.54, figures 0.97 / 0.91, proposals 0.98 / 0.93, tuned numbers.
    Floors(("heldout18", "heldout19"), False, stance=(0.8, 0.51), figure=(0.95, 0.9), proposal=0.9),
    # train1 and train2 (60 texts in genres no set had used, written without being shaped on the
    # rules) gave rules-9 stance 0.76 / 0.48 untuned; the stance rules of rules-11 (branch stance7)
    # and the proposal rules of branch prop8 were built on them: stance 0.83 / 0.57, figures 0.93 /
    # 0.93, proposals 0.96 / 0.86, tuned numbers.
    Floors(("train1", "train2"), None, stance=(0.8, 0.54), figure=(0.9, 0.9), proposal=0.83),
    # heldout16 and heldout17 were fresh for rules-9 (scored once, untuned: stance 0.83 / 0.46,
    # figures 0.92 / 0.86, proposal recall 0.94); the figure and proposal rules of rules-10 (branch
    # fig7) were built on them: stance 0.86 / 0.46, figures 0.98 / 0.98, proposals 0.98 / 0.98,
    # tuned numbers. heldout18 and heldout19, scored once after, say what carried over. rules-12
    # (tuned on heldout20/21) gave stance 0.87 / 0.49 on them.
    Floors(("heldout16", "heldout17"), False, stance=(0.83, 0.46), figure=(0.95, 0.95), proposal=0.95),
]


@pytest.mark.parametrize("floors", FLOORS, ids=lambda f: "+".join(f.sets))
def test_sets_keep_their_floors(floors: Floors, lexicon: Lexicon) -> None:
    if floors.fresh is not None:
        assert set(floors.sets) <= set(FRESH) if floors.fresh else not set(floors.sets) & set(FRESH)
    sets = _annotated_sets()
    scores = evaluate(sets[floors.sets[0]] + sets[floors.sets[1]], lexicon)
    at_least(scores["stance"], precision=floors.stance[0], recall=floors.stance[1])
    at_least(scores["figure"], precision=floors.figure[0], recall=floors.figure[1])
    at_least(scores["proposal"], recall=floors.proposal)


def test_heldout14_and_heldout15_tuned_on_keep_what_rules_9_reached(lexicon: Lexicon) -> None:
    # heldout14 and heldout15 were fresh for rules-8 (scored once, untuned: stance 0.87 / 0.46,
    # figure recall 0.91, proposal recall 0.86); rules-9 (branches stance6s, stance6v, prop6) was
    # built on them: stance 0.92 / 0.67, figures 0.97 / 0.95, proposals 0.97 / 0.99, tuned numbers.
    assert not {"heldout14", "heldout15"} & set(FRESH)
    sets = _annotated_sets()
    stance = evaluate(sets["heldout14"] + sets["heldout15"], lexicon)["stance"]
    at_least(stance, precision=0.88, recall=0.64)


def test_heldout12_and_heldout13_tuned_on_keep_what_rules_8_reached(lexicon: Lexicon) -> None:
    # heldout12 and heldout13 were written by a helper who never saw the rules, kept sealed while
    # rules-7 was built and scored once when it was merged, on 1 December 2026 (pooled): stance
    # 0.86 / 0.52, figure precision 0.97 and recall 0.93, proposal recall 0.94. The structure rules
    # of rules-8 (branch stance5s) were then built on their misses and heldout10/11's, so they are
    # tuning sets now: stance 0.87 / 0.59 pooled (heldout12 0.91 / 0.60, heldout13 0.79 / 0.57);
    # with the stance vocabulary of branch stance5v 0.88 / 0.68 (heldout12 0.91 / 0.72, heldout13
    # 0.79 / 0.58); with the rules of rules-9 (branch stance6s: a document's parts in order, a list
    # after a colon, datelines) 0.91 / 0.75 (heldout12 0.94 / 0.80, heldout13 0.85 / 0.64); the
    # vocabulary of branch stance6v, measured alone, 0.88 / 0.71. These floors stop a change from
    # losing that.
    assert not {"heldout12", "heldout13"} & set(FRESH)
    sets = _annotated_sets()
    scores = evaluate(sets["heldout12"] + sets["heldout13"], lexicon)
    at_least(scores["stance"], precision=0.8, recall=0.72)
    at_least(scores["figure"], precision=0.93, recall=0.89)
    at_least(scores["proposal"], recall=0.9)
    stance = evaluate(sets["heldout12"], lexicon)["stance"]  # stance-focused: precision above the target
    at_least(stance, precision=0.85)


def test_heldout12_and_heldout13_tuned_on_for_proposals_keep_their_scores(lexicon: Lexicon) -> None:
    # scored once untuned (rules-7): proposal precision 0.94 (59/63), recall 0.94 (59/63); then the
    # proposal rules were improved on their misses and false alarms (branch prop5): 1.00 (63/63),
    # precision 1.00. Tuned numbers: heldout16 and heldout17, scored once after, say what carried over.
    sets = _annotated_sets()
    proposal = evaluate(sets["heldout12"] + sets["heldout13"], lexicon)["proposal"]
    at_least(proposal, precision=0.95, recall=0.97)


def test_heldout14_and_heldout15_tuned_on_for_proposals_and_figures_keep_their_scores(lexicon: Lexicon) -> None:
    # scored once untuned (rules-8): proposal recall 0.86 (62/72), figure recall 0.91 (271/297,
    # heldout15 0.89); then the proposal and figure rules were improved on their misses and false
    # alarms (branch prop6): proposal precision 0.97 and recall 0.99 (71/72), figure precision 0.97
    # and recall 0.94 (280/297, heldout15 0.94); with the figure classes of rules-10 (branch fig7)
    # 0.98 / 0.96 (286/297). Tuned numbers: heldout16 and heldout17 said what carried over.
    sets = _annotated_sets()
    scores = evaluate(sets["heldout14"] + sets["heldout15"], lexicon)
    proposal, figure = scores["proposal"], scores["figure"]
    at_least(proposal, precision=0.93, recall=0.96)
    at_least(figure, recall=0.94)
    for name in ("heldout14", "heldout15"):  # figure precision of the target on each set
        figure = evaluate(sets[name], lexicon)["figure"]
        at_least(figure, precision=0.93)


def test_heldout10_and_heldout11_tuned_on_keep_what_rules_8_reached(lexicon: Lexicon) -> None:
    # Written by a helper who never saw the rules and scored once, untuned, when rules-6 was merged
    # (pooled): stance 0.75 / 0.30. The cross-sentence stance rules of rules-7 (branch stance4) were
    # then built on their misses (0.81 / 0.55 pooled), and the structure rules of rules-8 (branch
    # stance5s) on theirs and heldout12/13's: stance 0.85 / 0.62 pooled (heldout10 0.89 / 0.62,
    # heldout11 0.78 / 0.61); with the stance vocabulary of branch stance5v 0.85 / 0.70 (heldout10
    # 0.88 / 0.68, heldout11 0.82 / 0.74); with the vocabulary of branch stance6v 0.87 / 0.73
    # (heldout10 0.90 / 0.71, heldout11 0.83 / 0.76). These floors stop a change from losing that.
    assert not {"heldout10", "heldout11"} & set(FRESH)
    sets = _annotated_sets()
    stance = evaluate(sets["heldout10"] + sets["heldout11"], lexicon)["stance"]
    at_least(stance, precision=0.8, recall=0.69)
    stance = evaluate(sets["heldout10"], lexicon)["stance"]  # stance-focused: precision above the target
    at_least(stance, precision=0.8)


def test_heldout10_and_heldout11_tuned_on_for_figures_and_proposals_keep_their_scores(lexicon: Lexicon) -> None:
    sets = _annotated_sets()
    scores = evaluate(sets["heldout10"] + sets["heldout11"], lexicon)
    figure, proposal = scores["figure"], scores["proposal"]
    # scored once untuned (rules-6): figure precision 0.99, recall 0.896 (309/345), proposal recall 0.83
    # (44/53); then the figure and proposal rules were improved on their misses (branch figprop4):
    # figures 1.00 / 0.994 (343/345), proposals 0.98 / 0.98 (52/53)
    at_least(figure, precision=0.95, recall=0.97)
    at_least(proposal, precision=0.9, recall=0.95)


def test_heldout8_and_heldout9_tuned_on_keep_precision_and_their_recall(lexicon: Lexicon) -> None:
    sets = _annotated_sets()
    assert not {"heldout8", "heldout9"} & set(FRESH)  # tuned on since rules-6: not fresh any more
    scores = evaluate(sets["heldout8"], lexicon)
    stance, figure, proposal = scores["stance"], scores["figure"], scores["proposal"]
    # scored once, untuned: stance 0.82 / 0.29 (0.86 / 0.30 after one correction), figure recall 0.65;
    # then the figure rules were improved on its misses (branch figures3): 1.00 (47/47), precision 1.00;
    # and the stance rules of rules-6 (branch stance3): 0.91 / 0.65; 0.92 / 0.70 with rules-8, and
    # 0.89 / 0.79 with the stance vocabulary of branch stance5v
    at_least(stance, precision=0.8, recall=0.72)
    at_least(figure, precision=0.95, recall=0.95)
    at_least(proposal, recall=0.95)
    scores = evaluate(sets["heldout9"], lexicon)
    stance, figure, proposal = scores["stance"], scores["figure"], scores["proposal"]
    # figure-dense; scored once untuned: figure precision 1.00 (122/122), recall 0.81 (122/151);
    # stance 0.86 (6/7) / 0.38 (6/16); proposal recall 0.80 (4/5). The figure and proposal rules were
    # then improved on its misses (branch figures3): figures 1.00 / 1.00 (151/151), proposals 1.00
    # (5/5); with the stance rules of rules-6, stance 0.89 / 0.50; 0.82 / 0.56 with the stance
    # vocabulary of branch stance5v; 0.77 / 0.62 with rules-14: its guide (that of heldout6) records the
    # contents of a plan for its author but not the plan itself, so "The US 28-point plan … set the limit"
    # is one false alarm by this set's guide and a stance by the later one rules-14 follows
    at_least(figure, precision=0.95, recall=0.95)
    at_least(stance, precision=0.75, recall=0.5)
    at_least(proposal, recall=0.95)


def test_heldout6_and_heldout7_tuned_on_for_figures_keep_their_scores(lexicon: Lexicon) -> None:
    sets = _annotated_sets()
    figure = evaluate(sets["heldout6"] + sets["heldout7"], lexicon)["figure"]
    # untuned figure recall 0.64 (57/89); 0.93 (83/89), precision 1.00, after the figure rules were
    # improved on their misses; 0.98 (87/89) once days and months took their year from the text
    at_least(figure, precision=0.95, recall=0.95)


def test_the_wire_sets_tuned_on_keep_precision_and_their_recall(lexicon: Lexicon) -> None:
    # heldout6 and heldout7 were fresh (untuned 0.71 / 0.20 and 0.93 / 0.36); their misses were then
    # read and the rules improved on them, so they hold the precision target and what recall they reached
    sets = _annotated_sets()
    stance = evaluate(sets["heldout6"] + sets["heldout7"], lexicon)["stance"]
    # 0.93 / 0.67 pooled with the rules of rules-6, 0.93 / 0.70 with rules-7, 0.94 / 0.72 with the
    # stance vocabulary of branch stance5v
    at_least(stance, precision=0.8, recall=0.69)


def test_older_held_out_sets_now_tuned_on_meet_the_issue_targets(lexicon: Lexicon) -> None:
    sets = _annotated_sets()
    scores = evaluate(sets["heldout"] + sets["heldout3"] + sets["heldout4"] + sets["heldout5"], lexicon)
    stance, figure, proposal = scores["stance"], scores["figure"], scores["proposal"]
    at_least(stance, precision=0.8, recall=0.6)
    at_least(figure, recall=0.9)
    at_least(proposal, recall=0.95)


def test_development_texts_keep_their_scores(lexicon: Lexicon) -> None:
    sets = _annotated_sets()
    scores = evaluate(sets["dev"], lexicon)
    at_least(scores["stance"], precision=0.9, recall=0.85)
    at_least(scores["figure"], recall=0.95)
    at_least(scores["proposal"], recall=0.95)
    harder = evaluate(sets["dev2"], lexicon)
    # 0.88: "European leaders … agreed to form a coalition of the willing to guarantee any settlement"
    # names the EU, which dev2's annotation (older than the description aliases) does not record
    at_least(harder["stance"], precision=0.8, recall=0.7)  # 0.84 / 0.76
    wire = evaluate(sets["dev3"], lexicon)
    at_least(wire["stance"], precision=0.9, recall=0.75)  # 1.00 / 0.82


def test_shared_development_articles(lexicon: Lexicon) -> None:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the shared development articles are not part of the repository")
    scores = evaluate(_annotated_sets()["shared-dev"], lexicon)
    # Long opinion pieces, tuned on: stance recall rose from 0.39 to 0.80 with the rules for
    # relative clauses, coordinated subjects and nouns such as "principles"; what is left refers back.
    at_least(scores["stance"], precision=0.8, recall=0.7)
    at_least(scores["figure"], recall=0.9)
    at_least(scores["proposal"], recall=0.95)
