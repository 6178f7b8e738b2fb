"""Near-duplicate detection: the MinHash estimate tracks the exact Jaccard similarity of the
shingle sets, and the index links copies and rewrites but not unrelated articles."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from peacetalks.ingest.dedupe import THRESHOLD, DuplicateIndex, shingles, signature, similarity

WORDS = [f"w{k}" for k in range(40)]
texts = st.lists(st.sampled_from(WORDS), min_size=8, max_size=120).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(texts, st.lists(st.tuples(st.integers(0, 119), st.sampled_from(WORDS)), max_size=30))
def test_estimate_is_close_to_the_exact_jaccard_similarity(text: str, edits: list[tuple[int, str]]) -> None:
    words = text.split()
    for position, word in edits:  # a rewrite: some words replaced
        words[position % len(words)] = word
    other = " ".join(words)
    a, b = shingles(text), shingles(other)
    exact = len(a & b) / len(a | b)
    # 128 hash functions: the standard error is at most 0.045, so 0.2 is more than four of them.
    assert abs(similarity(signature(text), signature(other)) - exact) <= 0.2


STORY = (
    "Russia and Ukraine exchanged 157 prisoners of war on Saturday in a swap brokered by the United Arab "
    "Emirates. It was the third exchange this year, officials in Kyiv said, and more were expected. The "
    "Ukrainian side said 1,200 more soldiers remain in Russian captivity and called for an all-for-all swap. "
    "Talks on a wider deal are due to resume in Geneva next week, where envoys will discuss a ceasefire."
)


def test_copies_and_rewrites_are_linked_and_other_stories_are_not() -> None:
    index = DuplicateIndex()
    assert index.add("first", signature(STORY)) == (None, 0.0)
    rewrite = STORY.replace("Saturday", "Sunday").replace("officials in Kyiv said", "Kyiv said")
    linked, score = index.add("rewrite", signature(rewrite))
    assert linked == "first" and score >= THRESHOLD
    other = ("The European Union agreed a new sanctions package on Thursday targeting the shadow fleet, "
             "and ministers discussed the use of frozen Russian assets for a reparations loan to Ukraine.")
    assert index.add("other", signature(other)) == (None, 0.0)
    assert index.add("first", signature(STORY)) == ("first", 1.0)  # the very same text again
    assert index.clusters() == {"first": ["first", "rewrite"]}
    assert index.cluster("other") == "other"
