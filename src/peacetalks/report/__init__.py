"""The briefing: a sourced, self-contained HTML file and a Markdown version of a case as of a date.

>>> from peacetalks.report import Settings, analyse, build_document, write_briefing  # doctest: +SKIP
>>> document = build_document(analyse(case, Settings(as_of=dt.date(2026, 3, 1))))  # doctest: +SKIP
>>> write_briefing(document, Path("briefing"), "russia-ukraine-2026-03-01")         # doctest: +SKIP

A section is a function from the :class:`Analysis` to a :class:`Section`, or ``None`` when the
case holds nothing for it; :data:`SECTIONS` lists them in reading order. A case an analysis
cannot run on (no scenario parameters) has no section for it, rather than a made-up one.
"""

from __future__ import annotations

from collections.abc import Callable

from peacetalks.report.analysis import (
    DEFAULT_EXCHANGE_RUNS,
    DEFAULT_RUNS,
    DEFAULT_SCENARIO_RUNS,
    DEFAULT_TORNADO_RUNS,
    Analysis,
    Settings,
    analyse,
)
from peacetalks.report.deals import bargaining_space, compared
from peacetalks.report.document import Document, Section, anchor
from peacetalks.report.faq import faq
from peacetalks.report.forecasts import scenarios
from peacetalks.report.methods import methodology, source_list
from peacetalks.report.output import Format, write_briefing
from peacetalks.report.sections import changed, indicators, issues, players, proposals, summary, timeline

SectionFunction = Callable[[Analysis], Section | None]

#: The sections in reading order (the source list, which every citation points at, comes last).
SECTIONS: tuple[SectionFunction, ...] = (
    summary, players, issues, proposals, compared, bargaining_space, scenarios, changed, timeline, indicators, faq,
    methodology,
)


def build_document(analysis: Analysis, sections: tuple[SectionFunction, ...] = SECTIONS) -> Document:
    """Every section that has something to say, then the full source list."""
    case = analysis.case
    refs = {s.id: (n, anchor("src", s.id, n)) for n, s in enumerate(case.sources, start=1)}
    built = [section for make in sections if (section := make(analysis)) is not None]
    built.append(source_list(analysis, refs))
    subtitle = (f"Briefing as of {analysis.as_of} · case data up to {case.as_of} · {len(case.sources)} sources · "
                f"content hash {case.content_hash[:12]}")
    return Document(f"{case.name}: where the talks stand", subtitle, tuple(built), refs)


__all__ = [
    "DEFAULT_EXCHANGE_RUNS", "DEFAULT_RUNS", "DEFAULT_SCENARIO_RUNS", "DEFAULT_TORNADO_RUNS", "SECTIONS",
    "Analysis", "Document", "Format", "Section",
    "SectionFunction", "Settings", "analyse", "build_document", "write_briefing",
]
