"""One self-contained HTML file: inline CSS, inline SVG charts, no script and no external asset.

Every piece of text is escaped here; the content security policy forbids scripts and any
network fetch as a second line of defence, so the file opens the same with no network.
"""

from __future__ import annotations

from html import escape

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
    Section,
    SourceList,
    Table,
)
from peacetalks.report.links import safe_url

_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

_CSS = """
:root { --ink: #1d2430; --muted: #5b6472; --line: #d7dbe2; --accent: #1f5fa8; --bg: #ffffff; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif;
       color: var(--ink); background: var(--bg); }
header, main { max-width: 64rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 2rem; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; }
h2 { font-size: 1.45rem; margin: 2.5rem 0 .75rem; padding-top: .5rem; border-top: 2px solid var(--ink); }
h3 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; }
.subtitle { color: var(--muted); margin: 0 0 1rem; }
nav ol { columns: 2; margin: 0 0 1.25rem; padding-left: 1.25rem; }
a { color: var(--accent); }
sup.cite { font-size: .72em; line-height: 0; white-space: nowrap; }
sup.cite a { text-decoration: none; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #f3f5f8; font-weight: 600; }
td.short { white-space: nowrap; }
div.table { overflow-x: auto; }
caption { caption-side: bottom; text-align: left; color: var(--muted); font-size: .85rem; padding-top: .3rem; }
figure { margin: 1rem 0 1.5rem; }
figure svg { width: 100%; height: auto; max-width: 100%; display: block; }
figcaption { color: var(--muted); font-size: .88rem; margin-top: .35rem; }
ol.sources { font-size: .88rem; padding-left: 2.5rem; }
ol.sources li { margin-bottom: .3rem; word-break: break-word; }
ol.sources li:target, section:target h3 { background: #fff6d6; }
.details { color: var(--muted); }
@media print { nav { display: none; } h2 { break-before: page; } a { color: inherit; } }
"""


def render_html(document: Document) -> str:
    toc = "".join(f'<li><a href="#{_attr(s.anchor)}">{escape(s.title)}</a></li>' for s in document.sections)
    body = "\n".join(_section(s, document) for s in document.sections)
    return (
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(document.title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<header>\n<h1>{escape(document.title)}</h1>\n<p class=\"subtitle\">{escape(document.subtitle)}</p>\n"
        f"<nav><ol>{toc}</ol></nav>\n</header>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _section(section: Section, document: Document) -> str:
    blocks = "\n".join(_block(b, document) for b in section.blocks)
    return (f'<section id="{_attr(section.anchor)}">\n<h2>{escape(section.title)}</h2>\n{blocks}\n'
            "</section>")


def _block(block: Block, document: Document) -> str:
    if isinstance(block, Paragraph):
        return f"<p>{_run(block.parts, document)}</p>"
    if isinstance(block, Bullets):
        return "<ul>" + "".join(f"<li>{_run(item, document)}</li>" for item in block.items) + "</ul>"
    if isinstance(block, Heading):
        return f'<h3 id="{_attr(block.anchor)}">{escape(block.text)}</h3>'
    if isinstance(block, Table):
        return _table(block, document)
    if isinstance(block, Figure):
        return (f'<figure class="chart" data-chart="{_attr(block.name)}">{block.svg}'
                f"<figcaption>{_run(block.caption, document)}</figcaption></figure>")
    return _sources(block)


def _table(table: Table, document: Document) -> str:
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in table.header)
    rows = "".join("<tr>" + "".join(_cell(cell, document) for cell in row) + "</tr>" for row in table.rows)
    caption = f"<caption>{escape(table.caption)}</caption>" if table.caption else ""
    return f'<div class="table"><table>{caption}<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>'


def _cell(cell: Run, document: Document) -> str:
    # Dates, numbers and one-word values stay on one line.
    short = len(cell) == 1 and isinstance(cell[0], str) and len(cell[0]) <= 12
    return f'<td class="short">{_run(cell, document)}</td>' if short else f"<td>{_run(cell, document)}</td>"


def _sources(block: SourceList) -> str:
    items = []
    for s in block.sources:
        title = (f'<a href="{_attr(safe_url(s.url))}">{escape(s.title)}</a>' if s.url else escape(s.title))
        details = f' <span class="details">{escape(s.details)}</span>' if s.details else ""
        items.append(f'<li id="{_attr(s.anchor)}" value="{s.number}">{title}{details}</li>')
    return '<ol class="sources">' + "".join(items) + "</ol>"


def _run(run: Run, document: Document) -> str:
    return "".join(_inline(part, document) for part in run)


def _inline(part: str | Link | Claim, document: Document) -> str:
    if isinstance(part, str):
        return escape(part)
    if isinstance(part, Link):
        return f'<a href="{_attr(safe_url(part.href))}">{escape(part.text)}</a>'
    cites = [f'<a href="#{_attr(anchor)}">[{number}]</a>' for number, anchor in document.citations(part)]
    if part.basis is not None:
        cites.append(f'<a href="#{_attr(part.basis)}" title="how this is computed">[method]</a>')
    return f'<span class="claim">{escape(part.text)}</span><sup class="cite">{"".join(cites)}</sup>'


def _attr(value: str) -> str:
    return escape(value, quote=True)
