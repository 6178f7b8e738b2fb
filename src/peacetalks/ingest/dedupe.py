"""Near-duplicate detection: MinHash signatures over word shingles, banded for lookup.

Syndicated copies and light rewrites share most of their five-word shingles; their estimated
Jaccard similarity is high, an unrelated article's is near zero. A document whose similarity to
an earlier one reaches :data:`THRESHOLD` joins that document's cluster and is linked to it
rather than counted again.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

PERMUTATIONS = 128
BANDS = 32  # 4 rows per band: a pair at Jaccard 0.5 shares a band with probability ≈ 0.88
SHINGLE_WORDS = 5
THRESHOLD = 0.5
_PRIME = (1 << 61) - 1
_WORD = re.compile(r"\w+")
_rng = np.random.default_rng(20_251_201)  # fixed: signatures must compare across runs and stores
_A = _rng.integers(1, 1 << 31, PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, 1 << 31, PERMUTATIONS, dtype=np.uint64)
_MAX32 = np.uint64((1 << 32) - 1)


def shingles(text: str) -> set[int]:
    """Hashes of the word 5-grams of ``text`` (lower-cased); short texts use what they have."""
    words = _WORD.findall(text.lower())
    n = min(SHINGLE_WORDS, len(words))
    if n == 0:
        return set()
    return {zlib.crc32(" ".join(words[i : i + n]).encode()) for i in range(len(words) - n + 1)}


def signature(text: str) -> NDArray[np.uint64]:
    """The MinHash signature of ``text``: for each of the fixed hash functions, the smallest
    hash of its shingles. An empty text gets the all-max signature, similar to nothing."""
    hashes = np.fromiter(shingles(text), dtype=np.uint64)
    if hashes.size == 0:
        return np.full(PERMUTATIONS, _MAX32, dtype=np.uint64)
    # (a·x + b) mod p with x, a, b < 2**32 stays below 2**64; keep 32 bits of the result.
    mixed = ((_A[:, None] * hashes[None, :] + _B[:, None]) % np.uint64(_PRIME)) & _MAX32
    result: NDArray[np.uint64] = mixed.min(axis=1)
    return result


def similarity(a: NDArray[np.uint64], b: NDArray[np.uint64]) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return float(np.mean(a == b))


@dataclass
class DuplicateIndex:
    """Signatures seen so far, banded so a lookup touches only likely matches."""

    _bands: dict[tuple[int, bytes], list[str]] = field(default_factory=dict)
    _signatures: dict[str, NDArray[np.uint64]] = field(default_factory=dict)
    _cluster: dict[str, str] = field(default_factory=dict)

    def add(self, doc_id: str, sig: NDArray[np.uint64]) -> tuple[str | None, float]:
        """Index ``doc_id``; return (the most similar earlier document at or above the threshold,
        its similarity) or (None, 0.0). A text seen before is its own duplicate, at 1.0."""
        if doc_id in self._signatures:  # the very same cleaned text again
            return doc_id, 1.0
        best, best_score = None, 0.0
        rows = PERMUTATIONS // BANDS
        keys = [(b, sig[b * rows : (b + 1) * rows].tobytes()) for b in range(BANDS)]
        candidates = {other for key in keys for other in self._bands.get(key, ())}
        for other in sorted(candidates):
            score = similarity(sig, self._signatures[other])
            if score >= THRESHOLD and score > best_score:
                best, best_score = other, score
        for key in keys:
            self._bands.setdefault(key, []).append(doc_id)
        self._signatures[doc_id] = sig
        self._cluster[doc_id] = self._cluster[best] if best else doc_id
        return best, best_score

    def cluster(self, doc_id: str) -> str:
        """The first document of ``doc_id``'s cluster."""
        return self._cluster[doc_id]

    def clusters(self) -> dict[str, list[str]]:
        """Clusters with more than one document: {first document: all its documents}."""
        groups: dict[str, list[str]] = {}
        for doc_id, head in self._cluster.items():
            groups.setdefault(head, []).append(doc_id)
        return {head: members for head, members in groups.items() if len(members) > 1}
