"""One regular expression for many words, as a trie.

Python's ``re`` tries every branch of a flat alternation at each position; nesting the branches
by shared prefix ("demand(?:s|ed|ing)?") lets it fail after one character instead, which made
the case lexicons and stance cues about five times faster. Greedy optional tails keep the
longest-match-first behaviour of a flat alternation sorted by length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_Node = dict[str, "_Node"]
_END = ""


def trie_pattern(words: Iterable[str], *, not_after: str | None = None) -> str:
    """A pattern matching exactly ``words``; a space in a word matches any run of blanks or hyphens.
    With ``not_after``, a one-character class such as ``\\w``, a match must not follow such a character."""
    root: _Node = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    if not root:
        return "(?!)"
    if not_after is None:
        return _pattern(root)
    if _END in root or " " in root:
        return f"(?<!{not_after})" + _pattern(root)
    # The check on the character before, made after the first character: re can then skip ahead
    # to the possible first characters instead of making the check at every position.
    return (
        "(?:"
        + "|".join(
            f"{re.escape(ch)}(?<!{not_after}{re.escape(ch)}){_pattern(child)}" for ch, child in sorted(root.items())
        )
        + ")"
    )


def _pattern(node: _Node) -> str:
    branches = [
        (r"[\s-]+" if ch == " " else re.escape(ch)) + _pattern(child)
        for ch, child in sorted(node.items())
        if ch != _END
    ]
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
