"""The briefing's content: sections from data, every claim linked to its sources, hostile text
escaped, Markdown saying what the HTML says, files written whole."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt

from briefparse import Node, html_tables, parse_html
from casetext import CASE_YAML
from peacetalks import load_case
from peacetalks.case import Case
from peacetalks.report import Settings, analyse, build_document, write_briefing
from peacetalks.report.html import render_html
from peacetalks.report.markdown import render_markdown

HOSTILE_NAME = "<script>window.pwned = 1</script>North | *bold* [x](javascript:alert(1))"
HOSTILE_TITLE = '<img src=x onerror="window.pwned=2">Talks report</a><script>alert(2)</script>'
FAST = Settings(runs=40, exchange_runs=4, scenario_runs=1000, tornado_runs=200, seed=3)


def demo_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(CASE_YAML)
    return data


HOSTILE_ID = 'wire"><script>alert(5)</script>'


def renamed(value: Any, old: str, new: str) -> Any:
    """``value`` with every string equal to ``old`` replaced by ``new``, at any depth."""
    if isinstance(value, dict):
        return {k: renamed(v, old, new) for k, v in value.items()}
    if isinstance(value, list):
        return [renamed(v, old, new) for v in value]
    return new if value == old else value


def hostile_case() -> Case:
    data = renamed(demo_data(), "wire-2022", HOSTILE_ID)
    data["actors"][0]["name"] = HOSTILE_NAME
    data["sources"][0]["title"] = HOSTILE_TITLE
    data["sources"][1]["url"] = 'https://example.org/a"onmouseover="alert(3)'
    data["events"][0]["title"] = "</td></tr></table><script>alert(4)</script>"
    return Case.model_validate(data)


@pytest.fixture(scope="module")
def builtin() -> tuple[Case, str, str, dict[str, str]]:
    case = load_case("russia-ukraine")
    document = build_document(analyse(case, FAST))
    markdown, charts = render_markdown(document, "charts")
    return case, render_html(document), markdown, charts


def test_every_section_is_there_and_says_where_the_talks_stand(builtin) -> None:  # type: ignore[no-untyped-def]
    case, page, _, _ = builtin
    root = parse_html(page)
    titles = [h.text() for h in root.find("h2")]
    assert titles == ["Where the talks stand", "Key players and their stances", "The issues", "Proposals on the table",
                      "Proposals compared", "The bargaining space", "Scenarios", "What changed since 2025-12-13",
                      "Timeline of events", "Indicators", "Questions and answers", "Methodology and limits", "Sources"]
    summary = " ".join(root.find("section", id="summary")[0].text().split())
    last_event = max(case.events, key=lambda e: e.date)
    assert f"The latest event recorded is “{last_event.title}” ({last_event.date})" in summary
    assert "Ukraine and Russia are furthest apart on" in summary
    assert "By the deals analysis, 0 of the 15 proposals would be acceptable to every veto holder" in summary
    # No package suits every veto holder as coded, so the FAQ names the smallest change that would.
    faq = " ".join(root.find("section", id="faq")[0].text().split())
    assert "Which concession would open a deal? No package is acceptable to every veto holder as coded." in faq
    space = " ".join(root.find("section", id="space")[0].text().split())
    assert "Among the veto holders, with their reservation values — Ukraine (0.92), Russia (0.63)" in space
    # One chart per issue and per indicator, each placing what the data holds.
    charts = root.find("figure")
    assert len([f for f in charts if f.attrs["data-chart"].startswith("issue-")]) == len(case.issues)
    assert len([f for f in charts if f.attrs["data-chart"].startswith("indicator-")]) == len(case.indicators)
    crimea = next(f for f in charts if "Status of Crimea" in f.text())
    actors = {g.attrs["data-actor"] for g in crimea.walk() if "actor" in g.classes()}
    assert {"Ukraine", "Russia", "United States"} <= actors
    assert {g.attrs["data-model"] for g in crimea.walk() if "model" in g.classes()} == {
        "compromise", "median", "challenge", "exchange"}


def test_scenarios_section_shows_the_forecast(builtin) -> None:  # type: ignore[no-untyped-def]
    from peacetalks.scenarios import simulate

    case, page, _, _ = builtin
    root = parse_html(page)
    # The same forecast, run independently with the briefing's settings, is what the briefing states.
    forecast = simulate(case, None, FAST.scenario_runs, 24, FAST.seed, as_of=case.as_of)
    stopped = forecast.stopped[11]
    section = flat(root.find("section", id="scenarios")[0])
    said = f"fighting stopped at least once — by a ceasefire or an agreement — in {stopped:.0%} of the 1,000"
    assert said in section
    war = forecast.probability["continued-war"][11]
    table = html_tables(root.find("section", id="scenarios")[0])[0]
    row = next(r for r in table if r[0] == "continued war")
    low, high = forecast.interval["continued-war"][11].low, forecast.interval["continued-war"][11].high
    assert row[3].startswith(f"{war:.0%} ({low:.0%}–{high:.0%})")
    figures = {f.attrs["data-chart"]: f for f in root.find("figure")}
    outcomes = figures["scenarios-outcomes"]
    assert {g.attrs["data-outcome"] for g in outcomes.walk() if "layer" in g.classes()} == {
        o.replace("-", " ").replace("ceasefire ", "ceasefire, ") for o in forecast.outcomes}
    assert len([name for name in figures if name.startswith("scenarios-fan-")]) == 5
    bars = [g.attrs["data-parameter"] for g in figures["scenarios-tornado"].walk() if "bar" in g.classes()]
    assert len(bars) == 12 and len(set(bars)) == 12
    # The FAQ answers the ceasefire question from the same forecast, and says what it rests on.
    faq = flat(root.find("section", id="faq")[0])
    assert "Is a ceasefire likely in the next 12 months?" in faq and said in faq
    assert "analyst judgements" in faq
    # Every parameter is listed in the methodology, with its sources cited where it has some.
    methods = root.find("section", id="methodology")[0]
    params = _table_after(root, "scenario-parameters")
    rows = [tr for tr in params.find("tr") if tr.find("td")]
    assert len(rows) == len(case.parameters)
    sourced = next(p for p in case.parameters if p.sources)
    row = next(tr for tr in rows if tr.find("td")[0].text() == sourced.id)
    assert {a.attrs["href"] for a in row.find("a")} == {f"#src-{s}" for s in sourced.sources}
    assert "Not in this briefing yet" not in methods.text() and "analyst judgements" in methods.text()


def test_every_claim_links_to_sources_that_exist(builtin) -> None:  # type: ignore[no-untyped-def]
    case, page, _, _ = builtin
    root = parse_html(page)
    ids = {n.attrs["id"] for n in root.walk() if "id" in n.attrs}
    links = [a.attrs["href"] for a in root.find("a") if a.attrs.get("href", "").startswith("#")]
    assert links and not {h[1:] for h in links} - ids, "every in-page link has a target"
    # Each claim is followed by its citations, and each citation opens the source's entry.
    sources = {li.attrs["id"]: li for li in root.find("li") if li.attrs.get("id", "").startswith("src-")}
    assert len(sources) == len(case.sources)
    for source in case.sources:
        entry = sources[f"src-{source.id}"]
        assert source.title in entry.text()
        if source.url:
            assert entry.find("a")[0].attrs["href"] == source.url
    claims = [n for n in root.walk() if "claim" in n.classes()]
    assert len(claims) > 300
    cites = [n for n in root.walk() if "cite" in n.classes()]
    assert len(cites) == len(claims) and all(c.find("a") for c in cites)
    # A position in the players table shows the scale's words and cites the position's own sources.
    russia = case.snapshot().record("russia", "territory-crimea")
    assert russia is not None
    table = _table_after(root, "actor-russia")
    row = next(tr for tr in table.find("tr") if "Status of Crimea" in tr.text())
    label = case.issue("territory-crimea").scale.label_for(russia.position)
    assert f"{russia.position:g} ({label})" in row.text()
    assert {a.attrs["href"] for a in row.find("a")} == {f"#src-{s}" for s in russia.sources}


def _table_after(root: Any, heading_id: str) -> Any:
    nodes = list(root.walk())
    start = next(k for k, n in enumerate(nodes) if n.attrs.get("id") == heading_id)
    return next(n for n in nodes[start:] if n.tag == "table")


def test_every_timeline_and_indicator_row_cites_its_sources(builtin) -> None:  # type: ignore[no-untyped-def]
    case, page, _, _ = builtin
    root = parse_html(page)
    for section_id in ("timeline", "indicators", "changes"):
        rows = [tr for tr in root.find("section", id=section_id)[0].find("tr") if tr.find("td")]
        assert rows and all(any(a.attrs["href"].startswith("#src-") for a in tr.find("a")) for tr in rows), section_id
    assert len([tr for tr in root.find("section", id="timeline")[0].find("tr") if tr.find("td")]) == len(case.events)


def markdown_as_html(markdown: str) -> Any:
    """The Markdown as a CommonMark renderer (with tables, raw HTML passed through) shows it."""
    return parse_html(MarkdownIt("commonmark").enable("table").render(markdown))


def flat(node: Any) -> str:
    return " ".join(node.text().split())


def test_markdown_says_what_the_html_says(builtin) -> None:  # type: ignore[no-untyped-def]
    _, page, markdown, charts = builtin
    html, md = parse_html(page).find("main")[0], markdown_as_html(markdown)
    assert [flat(h) for h in html.find("h2")] == [flat(h) for h in md.find("h2")][1:]  # after "Contents"
    assert [flat(h) for h in html.find("h3")] == [flat(h) for h in md.find("h3")]
    tables = html_tables(html)
    assert len(tables) > 50 and tables == html_tables(md)
    # Paragraphs (the Markdown's anchors, italic captions and images aside) and bullet points read the same.
    paragraphs = [p for p in md.find("p") if flat(p) and not (
        len(p.children) == 1 and isinstance(p.children[0], Node) and p.children[0].tag in ("em", "img"))]
    assert [flat(p) for p in html.find("p")] == [flat(p) for p in paragraphs]
    assert [flat(li) for ul in html.find("ul") for li in ul.find("li")] == [
        flat(li) for ul in md.find("ul") for li in ul.find("li")]
    # Every citation leads to the same source in both.
    def cited(root: Any) -> list[str]:
        return [a.attrs["href"] for a in root.find("a") if a.attrs.get("href", "").startswith("#src-")]

    assert len(cited(html)) > 1000 and cited(html) == cited(md)
    assert sorted(charts) == sorted(f.attrs["data-chart"] for f in html.find("figure"))
    assert [img.attrs["src"] for img in md.find("img")] == [f"charts/{f.attrs['data-chart']}.svg"
                                                            for f in html.find("figure")]


def test_hostile_text_is_shown_never_run() -> None:
    case = hostile_case()
    document = build_document(analyse(case, FAST))
    page = render_html(document)
    markdown, charts = render_markdown(document, "charts")
    for text in [page, markdown, *charts.values()]:
        assert not re.search(r"<(script|img)\b", text, re.I)
    root = parse_html(page)
    assert not root.find("script") and not root.find("img")
    assert not [n for n in root.walk() if {"onerror", "onmouseover"} & set(n.attrs)]
    assert HOSTILE_NAME in root.text() and HOSTILE_TITLE in root.text()
    assert any(g.attrs.get("data-actor") == HOSTILE_NAME for g in root.walk())
    shown = markdown_as_html(markdown)
    assert not shown.find("script") and HOSTILE_NAME in shown.text() and HOSTILE_TITLE in shown.text()
    assert all(img.attrs["src"].startswith("charts/") for img in shown.find("img"))  # only the charts
    assert not [n for n in shown.walk() if {"onerror", "onmouseover"} & set(n.attrs)]
    assert html_tables(shown) == html_tables(root)  # the hostile event title broke no table in either
    assert "javascript:" not in "".join(a.attrs.get("href", "") for a in root.find("a"))
    # A source id that is not a plain name still gets a working anchor.
    entry = next(li for li in root.find("li") if HOSTILE_TITLE in li.text())
    assert entry.attrs["id"] == "src--1" and any(a.attrs["href"] == "#src--1" for a in root.find("a"))


def test_the_html_needs_nothing_from_outside(builtin) -> None:  # type: ignore[no-untyped-def]
    _, page, _, _ = builtin
    root = parse_html(page)
    assert not root.find("script") and not root.find("link") and not root.find("img")
    assert "url(" not in page and "@import" not in page
    policy = next(m for m in root.find("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in policy.attrs["content"]
    # Only source entries link out; nothing is loaded from an address.
    assert not [n for n in root.walk() if n.tag != "a" and re.match(r"https?:", n.attrs.get("src", "")
                                                                     + n.attrs.get("href", ""))]


def test_same_settings_same_briefing() -> None:
    case = Case.model_validate(demo_data())
    first = render_html(build_document(analyse(case, FAST)))
    again = render_html(build_document(analyse(case, FAST)))
    other = render_html(build_document(analyse(case, Settings(runs=40, exchange_runs=4, seed=4))))
    assert first == again and first != other


def test_what_changed_between_two_dates() -> None:
    case = Case.model_validate(demo_data())
    settings = Settings(as_of=dt.date(2025, 6, 30), since=dt.date(2023, 1, 1), runs=0, exchange_runs=0)
    root = parse_html(render_html(build_document(analyse(case, settings))))
    section = root.find("section", id="changes")[0]
    assert section.find("h2")[0].text() == "What changed since 2023-01-01"
    rows = html_tables(section)[0]
    assert rows[0][:5] == ["North", "Border", "0 (North keeps everything)[1]", "40 (freeze on the line)[2]", "+40"]
    assert {(r[0], r[4]) for r in rows[1:]} == {("South", "new"), ("Broker", "new")}
    assert "Freeze plan" in section.text()  # the proposal tabled in the period
    # Without draws there are no intervals, and the briefing says so instead of drawing bars.
    assert not [n for n in root.walk() if "interval" in n.classes()]
    assert "No draws: intervals not computed." in root.text()


def test_sections_without_data_are_left_out() -> None:
    data = demo_data()
    for key in ("proposals", "events", "indicators"):
        data.pop(key)
    root = parse_html(render_html(build_document(analyse(Case.model_validate(data), FAST))))
    ids = [s.attrs["id"] for s in root.find("section")]
    assert ids == ["summary", "players", "issues", "space", "changes", "faq", "methodology", "sources"]
    # The case codes no reservation values: the briefing says why there is no bargaining space.
    assert "cannot be mapped for this case: no actor holds a veto" in root.find("section", id="space")[0].text()
    # Nor scenario parameters: no scenarios section, and the limits say why.
    assert "No scenario forecast: case 'demo' lacks the scenario parameter(s)" in flat(
        root.find("section", id="methodology")[0])


def test_a_date_before_any_position() -> None:
    case = Case.model_validate(demo_data())
    settings = Settings(as_of=dt.date(2022, 2, 1), since=dt.date(2021, 1, 1), runs=10, exchange_runs=2)
    root = parse_html(render_html(build_document(analyse(case, settings))))
    summary = flat(root.find("section", id="summary")[0])
    assert summary.startswith("Where the talks stand As of 2022-02-01 the case records 0 positions in force of 3 "
                              "actors on 2 issues, 0 proposals tabled and 0 events.")
    assert "No actor had a position on this issue by 2022-02-01." in root.text()
    assert "no actor holds a position by 2022-02-01" in root.find("section", id="space")[0].text()
    assert not root.find("section", id="deals") and not root.find("figure")


def with_reservations() -> Case:
    data = demo_data()
    data["reservations"] = [
        {"actor": "north", "as_of": "2024-06-01", "value": 0.5, "role": "veto", "sources": ["wire-2024"],
         "coded_by": "analyst", "rationale": "accepts a freeze per the report",
         "red_lines": [{"issue": "border", "high": 60, "coded_by": "source", "sources": ["wire-2024"]}]},
        {"actor": "south", "as_of": "2024-06-01", "value": 0.4, "role": "veto", "coded_by": "analyst",
         "rationale": "judgement"},
    ]
    return Case.model_validate(data)


def test_proposals_are_judged_by_each_actor() -> None:
    case = with_reservations()
    analysis = analyse(case, FAST)
    root = parse_html(render_html(build_document(analysis)))
    section = root.find("section", id="deals")[0]
    header = [th.text() for th in section.find("th")]
    assert header == ["proposal", "all veto holders accept", "South (veto)", "North (veto)", "Broker"]
    verdict = analysis.assessments[0]
    north, south = verdict.verdict("north"), verdict.verdict("south")
    assert north.acceptable is True and south.acceptable is True and verdict.accepted is True
    # The proposal cites its source ([2] = wire-2024); the broker has no reservation value, so no mark.
    assert html_tables(section)[0] == [["Freeze plan (2024-06-01)[2]", "yes", f"{south.utility:.2f} ✓",
                                        f"{north.utility:.2f} ✓", f"{verdict.verdict('broker').utility:.2f}"]]
    cells = [g for g in section.walk() if "cell" in g.classes()]
    assert len(cells) == 3 and "reservation value of 0.50" in cells[1].text()
    space = root.find("section", id="space")[0]
    assert "Among the veto holders, with their reservation values — North (0.50), South (0.40)" in space.text()
    methods = root.find("section", id="methodology")[0]
    assert "Border ≤ 60" in methods.text()  # North's red line, listed with the reservation values


def test_files_are_written_whole(tmp_path: Path) -> None:
    case = Case.model_validate(demo_data())
    document = build_document(analyse(case, FAST))
    written = write_briefing(document, tmp_path, "demo", "both")
    assert [p.name for p in written] == ["demo.html", "demo.md"]
    charts = sorted(p.name for p in (tmp_path / "demo-charts").iterdir())
    assert charts == ["deals-heatmap.svg", "indicator-01.svg", "issue-01.svg", "issue-02.svg", "timeline.svg"]
    assert (tmp_path / "demo-charts" / "issue-01.svg").read_text().startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "no staging left behind"
    only_md = tmp_path / "md"
    assert [p.name for p in write_briefing(document, only_md, "demo", "md")] == ["demo.md"]
    assert not (only_md / "demo.html").exists()


def test_brief_command_writes_and_says_where(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case_file = tmp_path / "demo.yaml"
    case_file.write_text(CASE_YAML)
    out = tmp_path / "out"
    result = run("brief", str(case_file), "--out", str(out), "--as-of", "2024-12-31", "--runs", "30",
                 "--exchange-runs", "3")
    assert result.exit_code == 0, result.output
    assert f"wrote {out / 'demo-2024-12-31.html'}" in result.stdout
    assert f"wrote {out / 'demo-2024-12-31.md'}" in result.stdout
    # 2 issues, 1 indicator, the heatmap and the timeline
    assert (out / "demo-2024-12-31.html").read_text().count("<svg") == 5
    assert "Briefing as of 2024-12-31" in (out / "demo-2024-12-31.md").read_text()


def test_brief_command_scenario_options(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    quick = ("--runs", "0", "--exchange-runs", "0", "--as-of", "2026-03-01")
    result = run("brief", "russia-ukraine", "--out", str(tmp_path / "a"), "--format", "html", *quick,
                 "--scenario-runs", "1000", "--tornado-runs", "0")
    assert result.exit_code == 0, result.output
    root = parse_html((tmp_path / "a" / "russia-ukraine-2026-03-01.html").read_text())
    charts = [f.attrs["data-chart"] for f in root.find("figure")]
    assert "scenarios-outcomes" in charts and "scenarios-tornado" not in charts
    assert "1,000 runs of the war and the talks, month by month for 24 months from 2026-03-01" in flat(
        root.find("section", id="scenarios")[0])
    assert "No tornado was computed (--tornado-runs 0)." in root.text()
    result = run("brief", "russia-ukraine", "--out", str(tmp_path / "b"), "--format", "html", *quick,
                 "--scenario-runs", "0")
    assert result.exit_code == 0, result.output
    root = parse_html((tmp_path / "b" / "russia-ukraine-2026-03-01.html").read_text())
    assert not root.find("section", id="scenarios")
    assert "No scenario forecast: no scenario runs were asked for (--scenario-runs 0)." in flat(root)
    assert "Is a ceasefire likely" not in root.text()


def test_brief_command_errors_are_clear(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case_file = tmp_path / "demo.yaml"
    case_file.write_text(CASE_YAML)
    bad_date = run("brief", str(case_file), "--as-of", "soon")
    assert bad_date.exit_code == 1 and "--as-of 'soon' is not a date" in bad_date.output
    late_since = run("brief", str(case_file), "--since", "2030-01-01", "--out", str(tmp_path / "x"))
    assert late_since.exit_code == 1 and "must be before" in late_since.output
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    not_a_folder = run("brief", str(case_file), "--out", str(blocked), "--runs", "0", "--exchange-runs", "0")
    assert not_a_folder.exit_code == 1 and "cannot write the briefing" in not_a_folder.output
    assert "Traceback" not in not_a_folder.output


def test_cli_defaults_are_the_report_defaults() -> None:
    from peacetalks.cli import brief
    from peacetalks.report import analysis

    assert (brief.RUNS, brief.EXCHANGE_RUNS, brief.SINCE_DAYS, brief.SCENARIO_RUNS, brief.TORNADO_RUNS) == (
        analysis.DEFAULT_RUNS, analysis.DEFAULT_EXCHANGE_RUNS, analysis.DEFAULT_SINCE_DAYS,
        analysis.DEFAULT_SCENARIO_RUNS, analysis.DEFAULT_TORNADO_RUNS)


def test_brief_explains_itself(run) -> None:  # type: ignore[no-untyped-def]
    result = run("brief", "--help")
    assert result.exit_code == 0
    for option in ("--as-of", "--since", "--out", "--format", "--runs", "--exchange-runs", "--scenario-runs",
                   "--tornado-runs", "--seed"):
        assert option in result.output
    assert "opens" in result.output and "offline" in result.output


def test_a_recorded_outcome_is_shown_beside_the_predictions() -> None:
    case = load_case("ec-emissions")
    issue = case.issues[0]
    assert issue.outcome is not None
    root = parse_html(render_html(build_document(analyse(case, Settings(runs=0, exchange_runs=0)))))
    paragraph = next(p for p in root.find("p") if "Recorded outcome" in p.text())
    assert f"{issue.outcome.value:g} ({issue.scale.label_for(issue.outcome.value)})" in paragraph.text()
    assert {a.attrs["href"] for a in paragraph.find("a")} == {f"#src-{s}" for s in issue.outcome.sources}
