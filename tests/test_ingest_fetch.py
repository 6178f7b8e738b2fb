"""URL and feed inputs against a server this test starts on 127.0.0.1 (no other network)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from typer.testing import CliRunner

from peacetalks.cli import app
from peacetalks.ingest.fetch import FetchError, check_host, fetch
from peacetalks.ingest.inputs import Skipped, read_inputs
from peacetalks.ingest.types import Document

ARTICLE = """<!doctype html><html><head><title>Talks in Geneva</title>
<meta name="author" content="Ana Reporter"><meta property="og:site_name" content="Test Wire">
<meta property="article:published_time" content="2026-02-18T09:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Talks in Geneva</h1>
<p>The Kremlin rejected the 20-point plan on Tuesday, and Russia demands that Ukraine leave Donetsk.</p>
<p>Kyiv is willing to discuss a demilitarised zone provided Russia pulls back too, an official said.</p>
<p>Russia occupies about 116,000 square kilometres of Ukraine.</p></article>
<aside><h3>Related Posts</h3><ul><li>Putin insists on Crimea</li></ul></aside>
<footer>Leave a Comment. Check Price on Amazon. All rights reserved.</footer></body></html>"""

SECOND = ARTICLE.replace("Geneva", "Abu Dhabi").replace("20-point plan", "28-point plan")


def rss(base: str) -> str:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>
<item><title>Talks in Geneva</title><link>{base}/article.html</link>
<pubDate>Wed, 18 Feb 2026 09:00:00 GMT</pubDate></item>
<item><title>Talks in Abu Dhabi</title><link>{base}/second.html</link>
<pubDate>Thu, 19 Feb 2026 09:00:00 GMT</pubDate></item>
</channel></rss>"""


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def send(self, status: int, body: bytes, content_type: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        routes = {
            "/article.html": (200, ARTICLE.encode(), "text/html; charset=utf-8"),
            "/second.html": (200, SECOND.encode(), "text/html; charset=utf-8"),
            "/feed.xml": (200, rss(base).encode(), "application/rss+xml"),
            "/plain.txt": (200, b"Moscow rejects the Peace Formula.\nShare this article", "text/plain"),
            "/binary": (200, b"\x00\x01" * 10, "application/octet-stream"),
            "/big": (200, b"a" * 2000, "text/plain"),
            "/missing": (404, b"no", "text/plain"),
        }
        if self.path == "/host":
            self.send(200, f"Host was {self.headers['Host']}".encode(), "text/plain")
        elif self.path == "/redirect":
            self.send(302, b"", "text/plain", {"Location": "/article.html"})
        elif self.path.startswith("/loop"):
            self.send(302, b"", "text/plain", {"Location": f"/loop{len(self.path)}"})
        elif self.path == "/slow":
            time.sleep(2)
            self.send(200, b"late", "text/plain")
        elif self.path in routes:
            self.send(*routes[self.path])
        else:
            self.send(404, b"", "text/plain")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def documents(*urls: str) -> list[Document | Skipped]:
    return list(read_inputs(urls, allow_private=True))


def test_loopback_is_refused_without_allow_private(server: str) -> None:
    [skipped] = list(read_inputs([f"{server}/article.html"]))
    assert isinstance(skipped, Skipped) and "--allow-private" in skipped.reason


@pytest.mark.parametrize(
    "url",
    [
        "http://10.1.2.3/x",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/",
        "http://192.168.0.1/",
        "http://0.0.0.0/",
    ],
)
def test_private_and_link_local_addresses_are_refused(url: str) -> None:
    with pytest.raises(FetchError, match="private, loopback or link-local"):
        check_host(url, allow_private=False)


def test_only_http_schemes(server: str) -> None:
    with pytest.raises(FetchError, match="only http"):
        check_host("file:///etc/passwd", allow_private=True)


def test_article_is_cleaned_with_its_metadata(server: str) -> None:
    [doc] = documents(f"{server}/redirect")  # one redirect, followed
    assert isinstance(doc, Document)
    assert doc.source.title == "Talks in Geneva"
    assert doc.source.author == "Ana Reporter"
    assert str(doc.source.published) == "2026-02-18"
    assert doc.source.url == f"{server}/article.html"
    assert "Check Price" not in doc.text and "Related Posts" not in doc.text and "Putin insists" not in doc.text
    assert "Kremlin rejected the 20-point plan" in doc.text


def test_limits(server: str) -> None:
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch(f"{server}/loop", allow_private=True)
    with pytest.raises(FetchError, match="not an article or a feed"):
        fetch(f"{server}/binary", allow_private=True)
    with pytest.raises(FetchError, match="more than the 1,000"):
        fetch(f"{server}/big", allow_private=True, max_bytes=1000)
    with pytest.raises(FetchError, match=r"no answer within 0\.3 s"):
        fetch(f"{server}/slow", allow_private=True, timeout=0.3)
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(f"{server}/missing", allow_private=True)


def test_feed_items_are_fetched_with_feed_metadata(server: str) -> None:
    docs = documents(f"{server}/feed.xml")
    assert [d.source.title for d in docs if isinstance(d, Document)] == ["Talks in Geneva", "Talks in Abu Dhabi"]
    assert [str(d.source.published) for d in docs if isinstance(d, Document)] == ["2026-02-18", "2026-02-19"]
    assert all(
        isinstance(d, Document) and d.source.kind == "feed-item" and d.source.outlet == "Test Wire" for d in docs
    )


def test_cli_ingests_a_url_and_a_feed_as_json(server: str) -> None:
    result = CliRunner().invoke(
        app,
        [
            "ingest",
            f"{server}/article.html",
            f"{server}/feed.xml",
            "--case",
            "russia-ukraine",
            "--format",
            "json",
            "--dry-run",
            "--allow-private",
        ],
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 3
    first, again, second = records
    stances = {
        (e["actor_id"], e["issue_id"] or e["proposal_id"], e["stance"], e["conditional"])
        for e in first["evidence"]
        if e["kind"] == "stance"
    }
    assert stances == {
        ("russia", "us-ukraine-20-point", "reject", False),
        ("russia", "territory-donetsk", "demand", False),
        ("ukraine", "demilitarised-zone", "offer", True),
    }
    # The feed's first item is the article again: linked to it, not counted twice.
    assert again["source"]["duplicate_of"] == first["source"]["id"] == again["source"]["cluster"]
    assert second["source"]["duplicate_of"] == first["source"]["id"]  # a light rewrite of the same wire copy
    assert second["source"]["similarity"] >= 0.5
    assert all(e["source_id"] == first["source"]["id"] for e in first["evidence"])
    assert f"near-duplicates of {server}/article.html" in " ".join(result.stderr.split())


def test_unreachable_inputs_are_reported_and_the_rest_processed(server: str) -> None:
    result = CliRunner().invoke(
        app,
        [
            "ingest",
            f"{server}/missing",
            f"{server}/plain.txt",
            "--case",
            "russia-ukraine",
            "--format",
            "json",
            "--dry-run",
            "--allow-private",
        ],
    )
    assert result.exit_code == 1
    assert "HTTP 404" in result.stderr and "1 input(s) could not be read" in result.stderr
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert [e["proposal_id"] for e in record["evidence"] if e["kind"] == "proposal"] == ["peace-formula"]


def test_connection_goes_to_the_checked_address(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The name is resolved once, by the check: a second answer (DNS rebinding) is never used."""
    import socket

    real = socket.getaddrinfo
    answers = iter([[(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", 0))]])

    def resolve(host: str, *args: object, **kwargs: object) -> object:
        if host == "news.invalid":
            return next(answers)  # a second lookup would raise StopIteration
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    port = server.rsplit(":", 1)[1]
    fetched = fetch(f"http://news.invalid:{port}/host", allow_private=True)
    assert fetched.body == f"Host was news.invalid:{port}".encode()
    assert fetched.url == f"http://news.invalid:{port}/host"
