"""The briefing as Markdown: the same document as the HTML, with each chart saved as an SVG file
beside it (Markdown viewers do not run inline SVG) and linked as an image.

Case text is escaped so that it can neither start Markdown syntax nor pass raw HTML through.
"""

from __future__ import annotations

import re

from peacetalks.report.document import (
    Block,
    Bullets,
    Claim,
    Document,
    Figure,
    Heading,
    Link,
    Paragraph,
    Run,
    SourceList,
    Table,
)
from peacetalks.report.links import safe_url

_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
# What would start a heading, list or quote when it opens a line.
_LINE_START = re.compile(r"^([#+-])")
_NUMBERED = re.compile(r"^(\d+)([.)])")


def escape_md(text: str) -> str:
    """Plain text for Markdown: one line, HTML characters as entities, syntax characters escaped."""
    flat = re.sub(r"\s+", " ", text)
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    flat = _SPECIAL.sub(r"\\\1", flat)
    return _NUMBERED.sub(r"\1\\\2", _LINE_START.sub(r"\\\1", flat))


def render_markdown(document: Document, charts_dir: str) -> tuple[str, dict[str, str]]:
    """The Markdown text and the charts to save as ``{charts_dir}/{name}.svg``."""
    lines = [f"# {escape_md(document.title)}", "", f"*{escape_md(document.subtitle)}*", "", "## Contents", ""]
    lines += [f"{n}. [{escape_md(s.title)}](#{s.anchor})" for n, s in enumerate(document.sections, 1)]
    charts: dict[str, str] = {}
    for section in document.sections:
        lines += ["", f'<a id="{section.anchor}"></a>', "", f"## {escape_md(section.title)}"]
        for block in section.blocks:
            lines += ["", *_block(block, document, charts_dir, charts)]
    return "\n".join(lines) + "\n", charts


def _block(block: Block, document: Document, charts_dir: str, charts: dict[str, str]) -> list[str]:
    if isinstance(block, Paragraph):
        return [_run(block.parts, document)]
    if isinstance(block, Bullets):
        return [f"- {_run(item, document)}" for item in block.items]
    if isinstance(block, Heading):
        return [f'<a id="{block.anchor}"></a>', "", f"### {escape_md(block.text)}"]
    if isinstance(block, Table):
        rows = [
            "| " + " | ".join(escape_md(h) for h in block.header) + " |",
            "|" + "---|" * len(block.header),
            *("| " + " | ".join(_run(cell, document) or " " for cell in row) + " |" for row in block.rows),
        ]
        return rows + ([" ", f"*{escape_md(block.caption)}*"] if block.caption else [])
    if isinstance(block, Figure):
        charts[block.name] = block.svg
        caption = _run(block.caption, document)
        return [f"![{escape_md(block.alt)}]({charts_dir}/{block.name}.svg)", "", f"*{caption}*"]
    return _sources(block)


def _sources(block: SourceList) -> list[str]:
    lines = []
    for s in block.sources:
        title = f"[{escape_md(s.title)}]({safe_url(s.url)})" if s.url else escape_md(s.title)
        details = f" — {escape_md(s.details)}" if s.details else ""
        lines.append(f'{s.number}. <a id="{s.anchor}"></a>{title}{details}')
    return lines


def _run(run: Run, document: Document) -> str:
    return "".join(_inline(part, document) for part in run)


def _inline(part: str | Link | Claim, document: Document) -> str:
    if isinstance(part, str):
        return escape_md(part)
    if isinstance(part, Link):
        return f"[{escape_md(part.text)}]({safe_url(part.href)})"
    cites = [f"[\\[{number}\\]](#{anchor})" for number, anchor in document.citations(part)]
    if part.basis is not None:
        cites.append(f"[\\[method\\]](#{part.basis})")
    return escape_md(part.text) + "".join(cites)
