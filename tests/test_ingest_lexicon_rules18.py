"""The proposal classes of rules-18: descriptions of a case proposal the lexicon did not read in
heldout32/33 and the tuning sets. Each class as a probe sentence, with one where it must not fire."""

from __future__ import annotations

from test_ingest_references import proposals  # the same probe helpers as the other proposal tests


def test_a_month_whose_year_was_guessed_picks_the_proposal_of_that_month_a_year_off() -> None:
    # no published date: "in November" after a date of May 2025 is read as November 2024, the
    # nearest; the month was written, its year guessed, and the one EU proposal of a November is meant
    text = (
        "Talks resumed on 20 May 2025. Ever since, European capitals have asked for a truce first, "
        "and it is the first item of the counter-proposal they drew up in November."
    )
    assert ("counter-proposal", "ceasefire-current-line") in proposals(text)


def test_a_guessed_year_is_not_moved_further_than_a_year() -> None:
    # Minsk II (February 2015) is no "package put forward in February" of a text that has reached 2026
    text = "Talks resumed on 20 May 2026. The economic package Moscow's side put forward in February was shelved."
    assert proposals(text) == []
