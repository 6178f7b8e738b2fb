"""Reading inputs into cleaned documents: text and HTML files, folders, URLs and feeds.

Inputs are streamed one document at a time, so a folder of any size is read in constant memory.
An input that cannot be read becomes a :class:`Skipped` with the reason; it never stops the
inputs after it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from peacetalks.errors import PeacetalksError
from peacetalks.ingest.clean import clean_text, html_to_text
from peacetalks.ingest.types import MAX_CHARS, Document, SourceInfo

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
#: Files larger than this are skipped: no article is 20 MB, a data dump or a binary is.
MAX_FILE_BYTES = 20_000_000


@dataclass(frozen=True)
class Skipped:
    location: str
    reason: str


def looks_like_html(raw: str) -> bool:
    head = raw[:2048].lstrip().lower()
    return (head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in raw[:4096].lower()) or bool(
        re.match(r"<(?:head|body|div|p|article)\b", head)
    )


def document_from_text(raw: str, source: SourceInfo) -> Document:
    """Clean ``raw`` text; the first short line becomes the title when none is known."""
    cleaned = clean_text(raw)
    text, truncated = _bounded(cleaned.text)
    title = source.title
    if title is None:
        first = text.split("\n", 1)[0].strip()
        title = first if 0 < len(first) <= 150 and not first.endswith(".") else None
    author = source.author or cleaned.byline
    return Document(
        SourceInfo(source.location, source.kind, title, source.outlet, author, source.published, source.url),
        text,
        cleaned.removed_lines,
        truncated,
    )


def document_from_html(raw: str, source: SourceInfo) -> Document:
    content = html_to_text(raw[: MAX_CHARS * 4], url=source.url)
    meta = SourceInfo(
        source.location,
        source.kind,
        source.title or content.title,
        source.outlet or content.outlet,
        source.author or content.author,
        source.published or _date(content.date),
        source.url or content.url,
    )
    return document_from_text(content.text, meta)


def _bounded(text: str) -> tuple[str, bool]:
    if len(text) <= MAX_CHARS:
        return text, False
    cut = text.rfind("\n", 0, MAX_CHARS)
    return text[: cut if cut > 0 else MAX_CHARS], True


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_file(path: Path) -> Document:
    """One text or HTML file as a cleaned document; raises PeacetalksError saying why it cannot."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise PeacetalksError(f"{path}: {size:,} bytes is more than the {MAX_FILE_BYTES:,} an article may have")
        data = path.read_bytes()
    except OSError as exc:
        raise PeacetalksError(f"{path}: cannot read it ({exc.strerror})") from None
    if b"\x00" in data[:8192]:
        raise PeacetalksError(f"{path}: looks like a binary file, not a text or HTML article")
    raw = decode(data)
    is_html = path.suffix.lower() in HTML_SUFFIXES or (
        path.suffix.lower() not in TEXT_SUFFIXES and looks_like_html(raw)
    )
    source = SourceInfo(str(path), "html" if is_html else "text", url=path.resolve().as_uri())
    return document_from_html(raw, source) if is_html else document_from_text(raw, source)


def decode(data: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), else Windows-1252, which decodes any byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def folder_files(folder: Path) -> Iterator[Path]:
    """Text and HTML files under ``folder``, in a stable order (so an interrupted run resumes)."""
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES and not path.name.startswith("."):
            yield path


def read_inputs(
    targets: Iterable[str],
    *,
    allow_private: bool = False,
    max_feed_items: int = 50,
) -> Iterator[Document | Skipped]:
    """Documents from paths, folders and URLs, in the order given."""
    for target in targets:
        if re.match(r"^https?://", target, re.IGNORECASE):
            from peacetalks.ingest.fetch import read_url

            yield from read_url(target, allow_private=allow_private, max_feed_items=max_feed_items)
            continue
        path = Path(target)
        if path.is_dir():
            paths: Iterable[Path] = folder_files(path)
        elif path.exists():
            paths = [path]
        else:
            yield Skipped(target, "no such file or folder (URLs must start with http:// or https://)")
            continue
        for file in paths:
            try:
                yield read_file(file)
            except PeacetalksError as exc:
                yield Skipped(str(file), str(exc).removeprefix(f"{file}: "))
