"""Inputs → cleaned documents → evidence, with near-duplicates linked: the one pass that both
``ingest --dry-run`` and a storing ingest make."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from peacetalks.ingest.dedupe import DuplicateIndex, signature
from peacetalks.ingest.extract import EXTRACTOR_VERSION, extract
from peacetalks.ingest.inputs import Skipped, read_inputs
from peacetalks.ingest.lexicon import Lexicon
from peacetalks.ingest.types import Document, Evidence


@dataclass(frozen=True)
class Ingested:
    document: Document
    evidence: list[Evidence]
    signature: list[int]
    duplicate_of: str | None = None  # the earlier document this one nearly repeats
    similarity: float = 0.0
    cluster: str | None = None  # the first document of its near-duplicate cluster
    extractor_version: str = EXTRACTOR_VERSION  # the rules', and the learned model's if it chose the stances

    def to_json(self) -> dict[str, Any]:
        """The stable output record: ``{"source": {...}, "evidence": [...]}`` (docs/ingest.md)."""
        source = {
            "id": self.document.id,
            **self.document.source.to_json(),
            "chars": len(self.document.text),
            "removed_lines": self.document.removed_lines,
            "truncated": self.document.truncated,
            "duplicate_of": self.duplicate_of,
            "similarity": round(self.similarity, 3) if self.duplicate_of else None,
            "cluster": self.cluster,
            "extractor_version": self.extractor_version,
        }
        return {"source": source, "evidence": [e.to_json() for e in self.evidence]}


def ingest(
    targets: Iterable[str],
    lexicon: Lexicon,
    *,
    allow_private: bool = False,
    max_feed_items: int = 50,
    index: DuplicateIndex | None = None,
    stances: str = "rules",
) -> Iterator[Ingested | Skipped]:
    """Read, clean and extract every input; link each near-duplicate to the earlier document
    (in ``index``, which a caller may pre-fill with stored documents). ``stances``: which stance
    extractor to use, ``"rules"`` or ``"learned"`` (see :func:`~peacetalks.ingest.extract.extract`)."""
    index = index if index is not None else DuplicateIndex()
    version = EXTRACTOR_VERSION
    if stances == "learned":
        from peacetalks.ingest.learned import LEARNED_VERSION

        version = f"{EXTRACTOR_VERSION}+{LEARNED_VERSION}"
    for item in read_inputs(targets, allow_private=allow_private, max_feed_items=max_feed_items):
        if isinstance(item, Skipped):
            yield item
            continue
        sig = signature(item.text)
        duplicate_of, score = index.add(item.id, sig)
        found = extract(item, lexicon, stances=stances)
        yield Ingested(item, found, [int(x) for x in sig], duplicate_of, score, index.cluster(item.id), version)
