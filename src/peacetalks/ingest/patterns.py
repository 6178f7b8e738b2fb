"""One regular expression for many words, as a trie; text folded as IGNORECASE sees it; words
searched for from the character before them.

Python's ``re`` tries every branch of a flat alternation at each position; nesting the branches
by shared prefix ("demand(?:s|ed|ing)?") lets it fail after one character instead, which made
the case lexicons and stance cues about five times faster. Greedy optional tails keep the
longest-match-first behaviour of a flat alternation sorted by length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_Node = dict[str, "_Node"]
_END = ""


def trie_pattern(words: Iterable[str], *, not_after: str | None = None, blank: str = r"[\s-]+") -> str:
    """A pattern matching exactly ``words``; a space in a word matches ``blank``, any run of blanks or
    hyphens. With ``not_after``, a one-character class such as ``\\w``, a match must not follow such a character."""
    root: _Node = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    if not root:
        return "(?!)"
    if not_after is None:
        return _pattern(root, blank)
    if _END in root or " " in root:
        return f"(?<!{not_after})" + _pattern(root, blank)
    # The check on the character before, made after the first character: re can then skip ahead
    # to the possible first characters instead of making the check at every position.
    return (
        "(?:"
        + "|".join(
            f"{re.escape(ch)}(?<!{not_after}{re.escape(ch)}){_pattern(child, blank)}"
            for ch, child in sorted(root.items())
        )
        + ")"
    )


def _pattern(node: _Node, blank: str) -> str:
    branches = [(blank if ch == " " else re.escape(ch)) + _pattern(child, blank)
                for ch, child in sorted(node.items()) if ch != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if _END in node else body


# re.IGNORECASE compares characters by their simple lower case, and also takes the dotless ı for
# i and the long ſ for s; str.lower() spells İ as two characters. Mapping these three first makes
# ``word in fold(text)`` true wherever an IGNORECASE pattern could find the ASCII ``word``.
_IGNORECASE_ALIKE = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def fold(text: str) -> str:
    """``text`` in lower case as ``re.IGNORECASE`` sees it, for cheap ``word in …`` pre-checks
    that spare a sentence the patterns whose keywords it lacks."""
    if not text.isascii() and ("İ" in text or "ı" in text or "ſ" in text):
        text = text.translate(_IGNORECASE_ALIKE)
    return text.lower()


def has_any(text: str, words: Iterable[str]) -> bool:
    """Whether one of ``words`` occurs in ``text``: ``any(map(text.__contains__, words))``, which
    takes about a quarter longer (the cheap checks before the patterns run on every sentence), as
    does any() of a generator."""
    for word in words:  # noqa: SIM110
        if word in text:
            return True
    return False


class AtWordStart:
    """A pattern that opens with the look-behind ``(?<![<not_after>])`` (a word's start), whose
    :meth:`finditer` finds what ``pattern.finditer`` finds, faster: ``re`` tries a pattern that
    opens with a look-behind at every position, but one that opens with the character before
    (``[^<not_after>]``) only at such characters, which it skips ahead to (a quarter faster on
    news text). Each match is made again by ``pattern`` itself, so the matches are its own."""

    def __init__(self, pattern: re.Pattern[str], not_after: str) -> None:
        opening = next((o for o in (f"(?<![{not_after}])", f"(?<!{not_after})") if pattern.pattern.startswith(o)), None)
        if opening is None:
            raise ValueError(f"the pattern does not open with (?<![{not_after}])")
        self.pattern = pattern
        self._after = re.compile(f"[^{not_after}](?:{pattern.pattern[len(opening) :]})", pattern.flags)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """As ``pattern.finditer(text)``, for a pattern that matches at least one character."""
        at = 0
        while at <= len(text):
            m = self.pattern.match(text, at)  # (at ``at`` itself the character before is not searched below)
            if m is None:
                before = self._after.search(text, at)
                if before is None:
                    return
                m = self.pattern.match(text, before.start() + 1)  # (the same look-behind holds, the rest matched)
                assert m is not None
            yield m
            at = max(m.end(), at + 1)
