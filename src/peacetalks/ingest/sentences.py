"""Sentence splitting that keeps character offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator

# Words whose trailing full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "sgt",
        "capt",
        "adm",
        "gov",
        "sen",
        "rep",
        "st",
        "no",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "approx",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "inc",
        "corp",
        "ltd",
        "co",
        "jr",
        "sr",
        "pres",
        "mrd",  # ("90 Mrd. Euro": a milliard)
        "mld",
    ]
)
# A candidate end: terminal punctuation, optional closing quotes/brackets, then a space. ("[.!?]+"
# written with its first character apart, so that re skips ahead to the punctuation.)
_END = re.compile(r"[.!?][.!?]*[\"'”’)\]]*(?=\s)")
_NEXT_START = re.compile(r"\s+[\"'“‘(\[]?[A-Z0-9]")
#: Longer sentences are cut into pieces of this many characters, so that no rule sees an
#: unbounded span (pages without punctuation, tables pasted as text).
MAX_SENTENCE = 1500


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence in ``text``; line breaks always end a sentence."""
    line_start = 0
    for line in text.split("\n"):
        yield from _line_sentences(line, line_start)
        line_start += len(line) + 1


def _line_sentences(line: str, offset: int) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _END.finditer(line):
        end = match.end()
        if not _NEXT_START.match(line, end):
            continue
        if match.group().startswith("."):
            word = _word_before(line, match.start())
            if word.strip("(\"'“") in _ABBREVIATIONS or len(word) == 1:
                continue
        yield from _bounded(line, start, end, offset)
        start = end
        while start < len(line) and line[start].isspace():
            start += 1
    yield from _bounded(line, start, len(line), offset)


def _word_before(line: str, end: int) -> str:
    """The last word of ``line[:end]`` in lower case, "" if there is none. Looks back a little at a
    time: copying the whole line before each full stop made long lines quadratic."""
    start = end
    while True:
        start = max(0, start - 32)
        words = line[start:end].split()
        if len(words) > 1 or start == 0 or (words and (line[start].isspace() or line[start - 1].isspace())):
            return words[-1].lower() if words else ""


def _bounded(line: str, start: int, end: int, offset: int) -> Iterator[tuple[int, int]]:
    while end > start and line[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = line.rfind(" ", start, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        yield offset + start, offset + cut
        start = cut
        while start < end and line[start].isspace():
            start += 1
    if end > start:
        yield offset + start, offset + end
