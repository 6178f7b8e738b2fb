"""From raw input to cleaned text: HTML to text, and removal of boilerplate lines.

Boilerplate is removed line by line, before extraction, so it never produces evidence: shop
buttons ("Check Price on Amazon"), comment and share prompts, "Related Posts" lists, tables of
contents, author bios and bylines. Cleaning keeps whole lines, so the cleaned text is the input's
lines that survived, joined by newlines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peacetalks.errors import PeacetalksError

# A line that is nothing but one of these is dropped.
_JUNK_LINE = re.compile(
    r"""^\W*(
        check\ (the\ )?price(\ on\ \w+)?|buy\ (it\ )?(now|on\ amazon)|add\ to\ cart|
        leave\ a\ (comment|reply)|\d*\s*comments?|post\ a\ comment|reply|
        share(\ this(\ article|\ post|\ story)?)?(\ on\ \w+)?|tweet|pin\ it|email|print|
        (sign\ up|subscribe)(\ (now|today|to\ our\ newsletter|for\ .{0,40}))?|
        read\ (more|next|also)(:.{0,120})?|see\ also|advertisement|sponsored(\ content)?|
        click\ here.{0,80}|follow\ us(\ on\ .{0,40})?|all\ rights\ reserved.{0,60}|
        (©|copyright)\ .{0,80}|accept(\ all)?\ cookies|we\ use\ cookies.{0,200}|
        skip\ to\ (main\ )?content|back\ to\ top|previous\ (post|article)|next\ (post|article)|
        from\ web\ site|(\d+\ )?min(ute)?s?\ read|home|menu|search|tags?:.{0,200}|categories?:.{0,200}
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
# A heading that opens a block of junk: the heading and the short lines under it are dropped.
_JUNK_BLOCK = re.compile(
    r"^\W*(table\ of\ contents|contents|in\ this\ article|related\ (posts|articles|stories|news)|"
    r"you\ (may|might)\ also\ like|more\ from\ .{0,40}|recommended(\ for\ you)?|popular\ posts|"
    r"trending(\ now)?|about\ the\ author|author\ bio|about\ us)\W*$",
    re.IGNORECASE | re.VERBOSE,
)
_BYLINE = re.compile(
    r"^\W*(by\s+[\w.'’ -]{2,60}?)(\s*[|·•,–-]\s*.{0,60})?(\s+\d[\d,.]*\s*(views|reads|shares))?\W*$",
    re.IGNORECASE,
)
_BIO = re.compile(
    r"^[A-Z][\w.'’-]+(\s[A-Z][\w.'’-]+){0,3}\s+is\s+an?\s+[\w\s-]{0,40}?"
    r"(journalist|writer|reporter|editor|correspondent|blogger|author|contributor)\b.{0,300}$",
)
# A subtitle file's cue ("41" then "00:21:04,200 --> 00:21:09,000"): its number and timing are
# dropped, and its caption is joined to the caption before, since a sentence runs on across cues.
_CUE_NUMBER = re.compile(r"^\d+$")
_CUE_TIMING = re.compile(r"^(?:\d\d:)?\d\d:\d\d[,.]\d{3}\s*-->\s*(?:\d\d:)?\d\d:\d\d[,.]\d{3}\b")
# Block lines under a junk heading are short titles or links; a real paragraph ends the block.
_BLOCK_LINE_MAX = 90


@dataclass(frozen=True)
class Cleaned:
    text: str
    removed_lines: int
    byline: str | None


def clean_text(raw: str) -> Cleaned:
    """Drop boilerplate lines, normalise whitespace inside lines, and squeeze blank lines."""
    kept: list[str] = []
    removed = 0
    byline: str | None = None
    in_block = False
    captions = False  # whether the last line kept is a subtitle's caption
    cue_number: str | None = None  # a caption's line that may be the next cue's number
    for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = " ".join(line.split())
        if _CUE_TIMING.match(line):
            if not captions:
                if kept and _CUE_NUMBER.match(kept[-1]):
                    kept.pop()  # the first cue's number
                kept.append("")  # the line the captions are joined on
                captions = True
            removed += 1 + (cue_number is not None)
            cue_number = None
            continue
        if captions:
            if not line:
                continue  # the blank line between cues
            if _CUE_NUMBER.match(line) and cue_number is None:
                cue_number = line
                continue
            if cue_number is not None:  # a number in the caption after all
                line, cue_number = f"{cue_number} {line}", None
            kept[-1] = f"{kept[-1]} {line}".strip()
            continue
        if not line:
            if kept and kept[-1]:
                kept.append("")
            continue
        if in_block:
            if len(line) <= _BLOCK_LINE_MAX and not line.endswith((".", "?", "!", '"', "”")):
                removed += 1
                continue
            in_block = False
        if _JUNK_BLOCK.match(line):
            in_block = True
            removed += 1
            continue
        if _JUNK_LINE.match(line) or _BIO.match(line):
            removed += 1
            continue
        match = _BYLINE.match(line)
        if match and len(line) <= 120:
            byline = byline or match.group(1)[3:].strip()
            removed += 1
            continue
        kept.append(line)
    if cue_number is not None:
        kept[-1] = f"{kept[-1]} {cue_number}"
    while kept and not kept[-1]:
        kept.pop()
    return Cleaned("\n".join(kept), removed, byline)


@dataclass(frozen=True)
class HtmlContent:
    text: str
    title: str | None
    author: str | None
    outlet: str | None
    date: str | None
    url: str | None


def html_to_text(html: str, url: str | None = None) -> HtmlContent:
    """The main text and metadata of an HTML page, by trafilatura (the ``ingest`` extra)."""
    try:
        import trafilatura
    except ImportError as exc:
        raise PeacetalksError(
            f"reading HTML needs the ingest extra ({exc}): pip install 'peacetalks[ingest]'"
        ) from None
    # favor_recall keeps short paragraphs such as one-line quotes; comments are never content.
    # deduplicate stays off: it is a cache across calls that would blank a page seen before.
    text = trafilatura.extract(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        favor_recall=True,
        with_metadata=False,
        deduplicate=False,
    )
    meta = trafilatura.extract_metadata(html, default_url=url)
    if text is None:
        text = ""
    return HtmlContent(
        text=text,
        title=getattr(meta, "title", None) if meta else None,
        author=getattr(meta, "author", None) if meta else None,
        outlet=(getattr(meta, "sitename", None) or getattr(meta, "hostname", None)) if meta else None,
        date=getattr(meta, "date", None) if meta else None,
        url=(getattr(meta, "url", None) or url) if meta else url,
    )
