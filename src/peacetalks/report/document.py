"""The briefing as a small document tree, rendered to HTML and to Markdown by separate writers.

Sections build this tree from analysis results; the writers never see the case. Text in the tree
is plain (never markup): the writers escape it for their format, so hostile text from a case file
is shown, not run. A :class:`Claim` is a sentence or a table cell that states something: it
carries the sources it rests on, or, for what a model computes, a link to where the briefing
explains how (``basis``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Link:
    """A link inside the briefing (``#anchor``) or to a source's address."""

    text: str
    href: str


@dataclass(frozen=True)
class Claim:
    """Text that states a fact, with the ids of its sources; or a computed statement whose
    ``basis`` is the anchor of the section that explains the computation."""

    text: str
    sources: tuple[str, ...] = ()
    basis: str | None = None

    def __post_init__(self) -> None:
        if not self.sources and self.basis is None:
            raise ValueError(f"a claim needs sources or a basis: {self.text!r}")


Inline = str | Link | Claim
#: A table cell or a paragraph: a run of plain text, links and claims.
Run = tuple[Inline, ...]


@dataclass(frozen=True)
class Paragraph:
    parts: Run


@dataclass(frozen=True)
class Bullets:
    items: tuple[Run, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[Run, ...], ...]
    caption: str | None = None

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row) != len(self.header):
                raise ValueError(f"a row has {len(row)} cells for {len(self.header)} columns")


@dataclass(frozen=True)
class Figure:
    """An SVG chart made by :mod:`peacetalks.report.charts`; ``name`` is a file stem, unique in
    the briefing, under which the Markdown writer saves it."""

    name: str
    svg: str
    caption: Run
    #: What the chart shows, in a few words (the image's alternative text in Markdown).
    alt: str


@dataclass(frozen=True)
class Heading:
    text: str
    anchor: str


@dataclass(frozen=True)
class Source:
    """One entry of the source list, at the anchor every citation of it points to."""

    id: str
    number: int
    anchor: str
    title: str
    details: str
    url: str | None


@dataclass(frozen=True)
class SourceList:
    sources: tuple[Source, ...]


Block = Paragraph | Bullets | Table | Figure | Heading | SourceList


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Document:
    title: str
    subtitle: str
    sections: tuple[Section, ...]
    #: Source id → its number in the source list and its anchor, for citations.
    refs: dict[str, tuple[int, str]] = field(default_factory=dict)

    def citations(self, claim: Claim) -> list[tuple[int, str]]:
        """The claim's sources as (number, anchor), in source-list order, each once."""
        return sorted({self.refs[s] for s in claim.sources})


def anchor(prefix: str, id_: str, number: int) -> str:
    """``prefix-id`` where the id is a plain name (readable links), else ``prefix--number``: the
    double dash keeps the two kinds apart, since a plain name never starts with a dash."""
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", id_):
        return f"{prefix}-{id_}"
    return f"{prefix}--{number}"
