"""Fetching articles and feeds over HTTP(S), with httpx, defensively.

Rules: only http and https; every host (the first and each redirect's) must resolve to public
addresses only — private, loopback, link-local, reserved and multicast addresses are refused
unless ``allow_private`` is set; at most :data:`MAX_REDIRECTS` redirects; a connect/read
timeout; the body is read in chunks and abandoned past :data:`MAX_BYTES`; only HTML, plain text
and RSS/Atom/XML content types are read. Each request goes to the address that was checked, so
the name is never resolved a second time (DNS rebinding).
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

from peacetalks.errors import PeacetalksError
from peacetalks.ingest.inputs import Skipped, decode, document_from_html, document_from_text, looks_like_html
from peacetalks.ingest.types import Document, SourceInfo

MAX_BYTES = 5_000_000
MAX_REDIRECTS = 5
TIMEOUT_SECONDS = 15.0
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml")
_TEXT_TYPES = ("text/plain", "text/markdown")
_USER_AGENT = "peacetalks-ingest/0.1 (+https://pypi.org/project/peacetalks/)"


class FetchError(PeacetalksError):
    """A URL could not be fetched, or was refused by a safety rule."""


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    body: bytes


def check_host(url: str, *, allow_private: bool) -> str:
    """The address to connect to for ``url``; refuses URLs that are not http(s) or whose host
    resolves to any non-public address (unless ``allow_private``)."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"{url}: only http:// and https:// URLs are fetched")
    host = parts.hostname
    if not host:
        raise FetchError(f"{url}: the URL has no host")
    try:
        infos = socket.getaddrinfo(host, parts.port or _default_port(parts.scheme), type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        raise FetchError(f"{url}: cannot resolve host {host!r} ({exc})") from None
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]
    for address in addresses if not allow_private else ():
        if not address.is_global or address.is_multicast:
            raise FetchError(
                f"{url}: host {host!r} resolves to {address}, a private, loopback or link-local address; "
                "pass --allow-private to fetch from your own network"
            )
    return str(addresses[0])


def _default_port(scheme: str) -> int:
    return 443 if scheme.lower() == "https" else 80


def _pinned(url: str, address: str) -> tuple[str, dict[str, str], dict[str, str]]:
    """``url`` with its host replaced by the checked ``address``, the Host header and TLS server
    name that keep the request addressed to the host: the connection goes where the check looked,
    even if the name would resolve elsewhere a second time (DNS rebinding)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or _default_port(parts.scheme)
    literal = f"[{address}]" if ":" in address else address
    target = urlunsplit((parts.scheme, f"{literal}:{port}", parts.path or "/", parts.query, ""))
    shown_host = f"[{host}]" if ":" in host else host
    header = shown_host if port == _default_port(parts.scheme) else f"{shown_host}:{port}"
    return target, {"Host": header}, ({"sni_hostname": host} if parts.scheme.lower() == "https" else {})


def _missing(module: str) -> FetchError:
    return FetchError(
        f"fetching URLs and feeds needs the ingest extra (no module {module!r}): pip install 'peacetalks[ingest]'"
    )


def fetch(
    url: str,
    *,
    allow_private: bool = False,
    timeout: float = TIMEOUT_SECONDS,
    max_bytes: int = MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
) -> Fetched:
    try:
        import httpx
    except ImportError:
        raise _missing("httpx") from None

    current = url
    with httpx.Client(
        timeout=httpx.Timeout(timeout), follow_redirects=False, headers={"User-Agent": _USER_AGENT}
    ) as client:
        for _hop in range(max_redirects + 1):
            target, headers, extensions = _pinned(current, check_host(current, allow_private=allow_private))
            try:
                request = client.build_request("GET", target, headers=headers, extensions=extensions)
                with contextlib.closing(client.send(request, stream=True)) as response:
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise FetchError(f"{current}: redirect without a Location header")
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        raise FetchError(f"{current}: the server answered HTTP {response.status_code}")
                    content_type = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
                    if content_type and not content_type.startswith(_HTML_TYPES + _FEED_TYPES + _TEXT_TYPES):
                        raise FetchError(f"{current}: content type {content_type!r} is not an article or a feed")
                    declared = response.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > max_bytes:
                        raise FetchError(f"{current}: {int(declared):,} bytes is more than the {max_bytes:,} allowed")
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body += chunk
                        if len(body) > max_bytes:
                            raise FetchError(f"{current}: the body exceeds the {max_bytes:,} bytes allowed")
                    return Fetched(current, content_type, bytes(body))
            except httpx.TimeoutException:
                raise FetchError(f"{current}: no answer within {timeout:g} s") from None
            except httpx.HTTPError as exc:
                raise FetchError(f"{current}: {exc}") from None
    raise FetchError(f"{url}: more than {max_redirects} redirects")


def _is_feed(fetched: Fetched, text: str) -> bool:
    if fetched.content_type.startswith(_FEED_TYPES) and not looks_like_html(text):
        return True
    head = text[:1000].lstrip().lower()
    return head.startswith("<?xml") and ("<rss" in head or "<feed" in head or "<rdf" in head)


def read_url(url: str, *, allow_private: bool = False, max_feed_items: int = 50) -> Iterator[Document | Skipped]:
    """The article at ``url``, or every item of the feed at ``url`` (at most ``max_feed_items``)."""
    try:
        fetched = fetch(url, allow_private=allow_private)
    except FetchError as exc:
        yield Skipped(url, str(exc).removeprefix(f"{url}: "))
        return
    text = decode(fetched.body)
    if _is_feed(fetched, text):
        yield from _feed_items(fetched, text, allow_private=allow_private, limit=max_feed_items)
        return
    source = SourceInfo(url, "url", url=fetched.url)
    if fetched.content_type.startswith(_TEXT_TYPES):
        yield document_from_text(text, source)
    else:
        yield document_from_html(text, source)


def _feed_items(fetched: Fetched, text: str, *, allow_private: bool, limit: int) -> Iterator[Document | Skipped]:
    import datetime as dt

    try:
        import feedparser
    except ImportError:
        raise _missing("feedparser") from None

    feed = feedparser.parse(text)
    if feed.bozo and not feed.entries:
        yield Skipped(fetched.url, f"not a readable RSS or Atom feed ({feed.get('bozo_exception')})")
        return
    outlet = feed.feed.get("title")
    for entry in feed.entries[:limit]:
        link = entry.get("link")
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
        source = SourceInfo(
            link or fetched.url,
            "feed-item",
            entry.get("title"),
            outlet,
            entry.get("author"),
            published,
            urljoin(fetched.url, link) if link else None,
        )
        if link:
            try:
                page = fetch(urljoin(fetched.url, link), allow_private=allow_private)
            except FetchError as exc:
                yield Skipped(link, str(exc).removeprefix(f"{urljoin(fetched.url, link)}: "))
                continue
            body = decode(page.body)
            yield (
                document_from_text(body, source)
                if page.content_type.startswith(_TEXT_TYPES)
                else document_from_html(body, source)
            )
        else:
            content = entry.get("content") or [{"value": entry.get("summary", "")}]
            yield document_from_html(f"<html><body>{content[0].get('value', '')}</body></html>", source)
