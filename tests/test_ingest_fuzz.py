"""Arbitrary text and HTML never crash cleaning, extraction or HTML conversion; huge inputs are
cut to a bounded size."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builtincase import lexicon
from peacetalks.ingest import inputs
from peacetalks.ingest.clean import clean_text
from peacetalks.ingest.extract import extract
from peacetalks.ingest.figures import find_figures
from peacetalks.ingest.sentences import MAX_SENTENCE, sentences
from peacetalks.ingest.types import Document, SourceInfo

WORDS = [
    "Russia",
    "Kyiv",
    "demands",
    "rejects",
    "not",
    "provided",
    "Crimea",
    "NATO",
    "28-point plan",
    "20%",
    "$3 billion",
    "12 March 2025",
    "30-day",
    "troops",
    "exchanged",
    "prisoners",
    ",",
    ".",
    ";",
    "\n",
    "U.S.",
    "Zelenskyy",
    "willing to",
    "sq mi",
    "only if",
    "by",
    "for",
    "it",
]
news_like = st.lists(st.sampled_from(WORDS) | st.text(max_size=8), max_size=60).map(" ".join)


def check(text: str) -> None:
    doc = Document(SourceInfo("fuzz", "text"), clean_text(text).text)
    for e in extract(doc, lexicon()):
        assert doc.text[e.start : e.end] == e.text
        assert e.kind in ("stance", "figure", "proposal", "event")


@settings(deadline=None)  # the first example builds the case lexicon; the machine may be busy
@given(st.text(max_size=400) | news_like)
def test_extraction_never_crashes_and_offsets_hold(text: str) -> None:
    check(text)


@given(st.text(max_size=400))
def test_sentences_cover_the_text_in_order(text: str) -> None:
    spans = list(sentences(text))
    assert all(0 <= s < e <= len(text) and e - s <= MAX_SENTENCE for s, e in spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


@given(st.text(max_size=200))
def test_figures_never_crash(text: str) -> None:
    for f in find_figures(text):
        assert 0 <= f.start < f.end <= len(text)


tags = st.sampled_from(["p", "div", "script", "style", "article", "nav", "footer", "h1", "a", "table", "td"])
html_fragments = st.recursive(
    st.text(max_size=30).map(lambda t: t.replace("<", "&lt;")) | news_like,
    lambda inner: st.tuples(tags, st.lists(inner, max_size=4)).map(lambda x: f"<{x[0]}>{''.join(x[1])}</{x[0]}>"),
    max_leaves=20,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_fragments | st.text(max_size=300))
def test_html_path_never_crashes(fragment: str) -> None:
    doc = inputs.document_from_html(f"<html><body>{fragment}</body></html>", SourceInfo("fuzz.html", "html"))
    for e in extract(doc, lexicon()):
        assert doc.text[e.start : e.end] == e.text


def test_huge_text_is_cut_to_the_bound(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inputs, "MAX_CHARS", 50_000)
    line = "Russia demands that Ukraine never join NATO, Kyiv rejects it. " * 20
    path = tmp_path / "huge.txt"
    path.write_text((line + "\n") * 100, encoding="utf-8")
    doc = inputs.read_file(path)
    assert doc.truncated and len(doc.text) <= 50_000
    assert extract(doc, lexicon())


def test_one_line_without_punctuation_is_split_into_bounded_sentences() -> None:
    text = "word " * 10_000
    spans = list(sentences(text))
    assert len(spans) > 1 and max(e - s for s, e in spans) <= MAX_SENTENCE
    check(text)


def test_oversized_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inputs, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 1001)
    [skipped] = list(inputs.read_inputs([str(path)]))
    assert isinstance(skipped, inputs.Skipped) and "1,001 bytes" in skipped.reason
