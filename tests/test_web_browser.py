"""The dashboard in a real browser: Debian's Chromium driven by Playwright against a
`peacetalks serve` started here on 127.0.0.1. Every page loads with nothing fetched from
elsewhere, the what-if editor updates a prediction as a salience changes, the builder assesses
a package, a variant is saved through the form, and hostile case text never runs. Screenshots
go to the test's temporary folder.

`.ci/chromium.sh` installs Chromium; without it these tests are skipped with a message.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="web tests skipped: the [web] extra is not installed")
from peacetalks import load_case
from test_report import hostile_case
from test_report_browser import browser  # noqa: F401  (the same Chromium fixture as the briefing's tests)

TOKEN = "browser-token-42"
CASE = "russia-ukraine"
#: The store URL of each server the tests started, by base URL.
SERVERS: dict[str, str] = {}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`peacetalks serve` on a free loopback port with its own store; yields its base URL."""
    folder = tmp_path_factory.mktemp("web-server")
    port = _free_port()
    env = {**os.environ, "PEACETALKS_TOKEN": TOKEN}
    command = [sys.executable, "-m", "peacetalks", "serve", "--port", str(port),
               "--db", f"sqlite:///{folder / 'store.db'}"]
    log = (folder / "server.log").open("w")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    process.store_url = f"sqlite:///{folder / 'store.db'}"  # type: ignore[attr-defined]
    SERVERS[base] = process.store_url  # type: ignore[attr-defined]
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/cases", timeout=5):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the server did not start: " + (folder / "server.log").read_text()) from None
                time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:  # noqa: F811  (the imported fixture)
    """A page that records every address it asks for and every script error."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    opened = context.new_page()
    opened.requested = []
    opened.errors = []
    opened.on("request", lambda request: opened.requested.append(request.url))
    opened.on("pageerror", lambda error: opened.errors.append(str(error)))
    opened.on("console", lambda message: opened.errors.append(message.text) if message.type == "error" else None)
    yield opened
    context.close()


def test_every_page_loads_with_nothing_from_elsewhere(page: Any, server: str, tmp_path: Path) -> None:
    case = load_case(CASE)
    pages = {"overview": "/", "explorer": f"/cases/{CASE}", "issue": f"/cases/{CASE}/issues/{case.issues[1].id}",
             "whatif": f"/cases/{CASE}/whatif", "builder": f"/cases/{CASE}/builder",
             "scenarios": f"/cases/{CASE}/scenarios", "api": "/api-docs"}
    for name, path in pages.items():
        answer = page.goto(server + path)
        assert answer is not None and answer.status == 200, name
        assert page.locator("main h1").count() == 1
        page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=False)
        assert (tmp_path / f"{name}.png").stat().st_size > 1000
    elsewhere = [url for url in page.requested if not url.startswith(server)]
    assert elsewhere == []
    assert page.errors == []
    page.goto(f"{server}/cases/{CASE}")
    charts = page.locator("figure.chart svg")
    assert charts.count() == len(case.issues)
    box = charts.first.bounding_box()
    assert box is not None and box["width"] > 600 and box["height"] > 100
    assert page.locator("figure.chart").first.locator("g.model path.outcome").count() == 4


def test_whatif_salience_change_updates_the_prediction(page: Any, server: str, tmp_path: Path) -> None:
    page.goto(f"{server}/cases/{CASE}/whatif")
    page.locator("details[data-issue='territory-donetsk'] summary").click()
    field = page.locator("input[data-actor='russia'][data-issue='territory-donetsk'][data-field='salience']")
    cell = page.locator("td.pred[data-model='compromise'][data-issue='territory-donetsk'] .value")
    before = cell.inner_text()
    field.fill("1")
    page.locator("#whatif[data-updated='1']").wait_for(state="attached", timeout=20_000)
    after = cell.inner_text()
    assert after != before, "the compromise prediction moved when Russia's salience dropped"
    assert "changed" in (page.locator("td.pred[data-model='compromise'][data-issue='territory-donetsk']")
                         .get_attribute("class") or "")
    untouched = page.locator("td.pred[data-model='compromise'][data-issue='territory-crimea']")
    assert "changed" not in (untouched.get_attribute("class") or "")
    assert "1 edit(s) applied · updated in" in page.locator("#timing").inner_text()
    # The reservation value edits the acceptability table.
    reservation = page.locator("input[data-actor='ukraine'][data-field='reservation']")
    reservation.fill("0")
    page.locator("#whatif[data-updated='2']").wait_for(state="attached", timeout=20_000)
    marks = page.locator("td.verdict[data-actor='ukraine']").all_inner_texts()
    expected = page.request.post(f"{server}/api/cases/{CASE}/whatif", data={
        "positions": [{"actor": "russia", "issue": "territory-donetsk", "salience": 1}],
        "reservations": [{"actor": "ukraine", "value": 0}]}).json()
    verdicts = [next(v for v in a["verdicts"] if v["actor"] == "ukraine") for a in expected["assessments"]]
    assert marks == [("✓ " if v["acceptable"] else "✗ ") + f"{v['utility']:.2f}" for v in verdicts]
    assert all(v["reservation"] == 0 for v in verdicts)
    page.screenshot(path=str(tmp_path / "whatif.png"), full_page=True)
    # Save the variant through the form; the new case opens.
    page.fill("input[name=new_id]", "browser-variant")
    page.fill("input[name=new_name]", "Saved from the browser")
    page.fill("input[name=token]", TOKEN)
    page.click("button[formaction$='/whatif/save']")
    page.wait_for_url(f"{server}/cases/browser-variant")
    assert page.locator("main h1").inner_text() == "Saved from the browser"
    assert page.errors == []


def test_builder_assesses_a_package(page: Any, server: str, tmp_path: Path) -> None:
    case = load_case(CASE)
    page.goto(f"{server}/cases/{CASE}/builder")
    for k, issue in enumerate(case.issues[:3]):
        anchor = issue.scale.anchors[-1].value
        with page.expect_navigation():
            page.select_option(f"select[name='v-{k}']", value=str(float(anchor)))
    assert "v-0=" in page.url and "v-2=" in page.url
    for issue in case.issues[:3]:
        used = page.locator(f"tr[data-issue='{issue.id}'] td.used").inner_text()
        assert float(used.split()[0]) == issue.scale.anchors[-1].value
    rows = page.locator("table.verdicts tbody tr")
    assert rows.count() == len(case.snapshot().actors)
    utilities = [float(t) for t in page.locator("table.verdicts td.utility").all_inner_texts()]
    assert all(0 <= u <= 1 for u in utilities) and len(set(utilities)) > 1
    assert page.locator("p.verdict-all strong").inner_text() in {"yes", "no"}
    page.screenshot(path=str(tmp_path / "builder.png"), full_page=True)
    assert page.errors == []


def test_hostile_case_text_is_shown_not_run(page: Any, server: str, tmp_path: Path) -> None:
    request = urllib.request.Request(f"{server}/api/cases", data=hostile_case().model_dump_json().encode(),
                                     headers={"Content-Type": "application/json",
                                              "Authorization": f"Bearer {TOKEN}"}, method="POST")
    with urllib.request.urlopen(request, timeout=30) as answer:
        assert answer.status == 201
    case = hostile_case()
    for path in ("/", f"/cases/{case.id}", f"/cases/{case.id}/whatif", f"/cases/{case.id}/builder"):
        page.goto(server + path)
        assert page.evaluate("() => window.pwned") is None, path
    page.goto(f"{server}/cases/{case.id}")
    assert case.actors[0].name in page.locator("#actors").inner_text()
    page.screenshot(path=str(tmp_path / "hostile.png"))


def test_a_short_simulation_runs_and_its_results_open(page: Any, server: str, tmp_path: Path) -> None:
    page.goto(f"{server}/cases/{CASE}/scenarios")
    page.fill("input[name=runs]", "2000")
    page.fill("input[name=horizon]", "6")
    page.fill("input[name=token]", TOKEN)
    page.click("#simulate button[type=submit]")
    page.wait_for_url(f"{server}/jobs/*")  # the progress page, which reloads itself
    page.screenshot(path=str(tmp_path / "job.png"))
    page.wait_for_url(f"{server}/runs/*", timeout=90_000)
    assert page.locator("figure[data-chart='outcomes'] g.outcome polyline").count() == 6
    assert page.locator("table.probabilities tbody tr").count() == 6
    first = page.locator("table.probabilities tbody tr").first.locator("td[data-outcome]").all_inner_texts()
    shares = [float(cell.split("%")[0]) for cell in first]
    assert abs(sum(shares) - 100) < 0.5, "the outcomes of a month add up to 100 %"
    page.screenshot(path=str(tmp_path / "forecast.png"), full_page=True)
    run_url = page.url
    page.reload()
    assert page.url == run_url and page.locator("table.probabilities").count() == 1
    page.goto(f"{server}/cases/{CASE}/scenarios")
    assert page.locator("table.runs tbody tr").count() >= 1
    assert page.errors == []


def test_an_evidence_item_is_accepted_from_the_queue(page: Any, server: str, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "wire.txt").write_text("Russia and Ukraine exchanged 157 prisoners of war on 9 March 2026.\n",
                                     encoding="utf-8")
    (folder / "z-hostile.html").write_text(
        "<html><head><title>&lt;script&gt;window.pwned=5&lt;/script&gt;Hostile title</title></head><body><article>"
        "<p>Russia demands that Ukraine leave Donetsk, the Kremlin said.</p></article></body></html>", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "peacetalks", "ingest", str(folder), "--case", CASE,
                           "--db", SERVERS[server]], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    page.goto(f"{server}/cases/{CASE}/evidence")
    assert page.evaluate("() => window.pwned") is None
    assert "<script>window.pwned=5</script>Hostile title" in page.locator("main").inner_text()
    items = page.locator("article.update[data-status='pending']")
    assert items.count() >= 1
    first = items.first
    update_id = first.get_attribute("data-update")
    before = first.locator("input[name=version]").get_attribute("value")
    first.locator("input[name=token]").fill(TOKEN)
    first.locator("button[value=accept]").click()
    page.wait_for_url(f"{server}/cases/{CASE}/evidence")
    assert page.locator(f"article.update[data-update='{update_id}']").count() == 0, "it left the pending queue"
    page.goto(f"{server}/cases/{CASE}/evidence?status=accepted")
    assert page.locator(f"article.update[data-update='{update_id}'][data-status='accepted']").count() == 1
    page.screenshot(path=str(tmp_path / "evidence.png"), full_page=True)
    after = page.request.get(f"{server}/api/cases/{CASE}").json()
    assert after["version"] != before, "the accepted update is now part of the stored case"
    assert any("157 prisoners" in (e.get("description") or "") for e in after["case"]["events"])
    assert page.errors == []
