"""The briefing in a real browser: Debian's Chromium, driven by Playwright, with the network
off. Its SVG charts must render (asserted on the DOM and layout boxes, not on pixels), it must
ask for nothing but its own file, and hostile text from the case must never run.

`.ci/chromium.sh` installs Chromium; without it these tests are skipped with a message.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from peacetalks import load_case
from peacetalks.report import Settings, analyse, build_document, write_briefing
from test_report import HOSTILE_NAME, hostile_case

CHROMIUM = os.environ.get("PEACETALKS_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"browser tests skipped: no Chromium at {CHROMIUM} (run .ci/chromium.sh to install it)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests skipped: playwright not installed")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def open_offline(browser: Any, path: Path) -> tuple[Any, list[str]]:
    """The page loaded with the network off; also returns every address the page asked for."""
    context = browser.new_context(offline=True, viewport={"width": 1200, "height": 900})
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.goto(path.as_uri())
    return page, requested


def test_builtin_briefing_renders_its_charts_offline(browser: Any, tmp_path: Path) -> None:
    case = load_case("russia-ukraine")
    document = build_document(analyse(case, Settings(runs=50, exchange_runs=5, scenario_runs=1000, tornado_runs=200)))
    (html,) = write_briefing(document, tmp_path, "briefing", "html")
    page, requested = open_offline(browser, html)
    assert requested == [html.as_uri()], "the briefing asked for nothing but its own file"
    charts = page.locator("figure.chart svg")
    # and the heatmap, the timeline, the outcome probabilities, five fan charts and the tornado
    assert charts.count() == len(case.issues) + len(case.indicators) + 2 + 7
    assert page.locator("figure[data-chart='timeline'] g.event circle").count() == len(case.events)
    for k in range(charts.count()):
        box = charts.nth(k).bounding_box()
        assert box is not None and box["width"] > 600 and box["height"] > 100
    crimea = page.locator("figure[data-chart='issue-01']")
    circles = crimea.locator("g.actor circle")
    held = [a for a in case.snapshot().actors if case.snapshot().record(a, "territory-crimea") is not None]
    assert circles.count() == len(held)
    for k in range(circles.count()):
        box = circles.nth(k).bounding_box()
        assert box is not None and box["width"] > 4, "each actor mark is drawn with a size"
    assert crimea.locator("g.model path.outcome").count() == 4
    assert crimea.locator("g.model line.interval").count() == 4
    # The widest actor weight has the largest mark.
    sizes = {crimea.locator("g.actor").nth(k).get_attribute("data-actor"): circles.nth(k).bounding_box()["width"]
             for k in range(circles.count())}
    assert max(sizes, key=lambda a: sizes[a]) in {"Russia", "Ukraine", "United States"}
    assert page.locator("figure[data-chart='indicator-01'] g.point circle").count() > 0
    tabled = [p for p in case.proposals if p.date <= case.as_of]
    cells = page.locator("figure[data-chart='deals-heatmap'] g.cell rect")
    assert cells.count() == len(tabled) * len(case.snapshot().actors)
    assert all((box := cells.nth(k).bounding_box()) is not None and box["width"] > 10 for k in range(cells.count()))
    layers = page.locator("figure[data-chart='scenarios-outcomes'] g.layer polygon")
    assert layers.count() == 6
    assert page.locator("figure[data-chart='scenarios-fan-01'] g.band polygon").count() == 2
    assert page.locator("figure[data-chart='scenarios-tornado'] g.bar rect").count() == 24
    # A citation takes the reader to the source entry.
    page.locator("#summary sup.cite a").first.click()
    assert page.evaluate("location.hash").startswith("#src-")
    page.screenshot(path=str(tmp_path / "briefing.png"), full_page=False)


def test_hostile_text_is_displayed_not_executed(browser: Any, tmp_path: Path) -> None:
    document = build_document(analyse(hostile_case(), Settings(runs=20, exchange_runs=2)))
    (html,) = write_briefing(document, tmp_path, "hostile", "html")
    page, requested = open_offline(browser, html)
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.locator("script").count() == 0 and page.locator("img").count() == 0
    assert HOSTILE_NAME in page.locator("#players").inner_text()
    assert requested == [html.as_uri()]
