"""Addresses from case files, made safe to put in a link."""

from __future__ import annotations

from urllib.parse import quote

# Characters a URL may keep as they are; everything else (quotes, angle brackets, parentheses,
# blanks) is percent-encoded, so an address can close neither an HTML attribute nor a Markdown link.
_SAFE = ":/?#[]@!$&'*+,;=%~-._"


def safe_url(url: str) -> str:
    """``url`` percent-encoded where needed; anything but http(s), file and in-page links becomes
    a harmless in-page link (the case schema already refuses other schemes)."""
    if not url.startswith(("http://", "https://", "file://", "#")):
        return "#"
    return quote(url, safe=_SAFE)
