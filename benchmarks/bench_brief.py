"""The briefing of the built-in case with default settings, against its 60 s budget (issue 7).

Times each stage in-process (snapshots and model draws, building the document, rendering HTML
and Markdown) and then the whole `peacetalks brief` command in a fresh process, as a user runs
it. The analysis (model draws, deals, scenario runs and tornado) is the peer the rest is measured
against: the report's own work should be a small fraction of it.
Run: ``.venv/bin/python benchmarks/bench_brief.py``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from peacetalks import load_case
from peacetalks.report import Settings, analyse, build_document
from peacetalks.report.html import render_html
from peacetalks.report.markdown import render_markdown

BUDGET = 60.0


def main() -> None:
    case = load_case("russia-ukraine")
    marks: list[tuple[str, float]] = []
    start = time.perf_counter()
    analysis = analyse(case, Settings(), lambda done, total, what: marks.append((what, time.perf_counter())))
    analysed = time.perf_counter()
    for (what, began), (_, ended) in zip(marks, [*marks[1:], ("", analysed)], strict=True):
        print(f"  {what:<60} {ended - began:6.2f} s")
    document = build_document(analysis)
    built = time.perf_counter()
    page = render_html(document)
    markdown, charts = render_markdown(document, "charts")
    rendered = time.perf_counter()
    model_time, report_time = analysed - start, rendered - analysed
    print(f"analysis (models, deals, scenarios):    {model_time:6.2f} s")
    print(f"document (sections, charts):            {built - analysed:6.2f} s")
    print(f"rendering (HTML {len(page) / 1e6:.2f} MB, Markdown {len(markdown) / 1e6:.2f} MB, {len(charts)} SVG): "
          f"{rendered - built:6.2f} s")
    print(f"report work / analysis work: {report_time / model_time:.3f}")
    with tempfile.TemporaryDirectory() as folder:
        command = [str(Path(sys.executable).with_name("peacetalks")), "brief", "russia-ukraine", "--out", folder]
        begin = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        whole = time.perf_counter() - begin
    print(f"`peacetalks brief russia-ukraine` end to end: {whole:.2f} s "
          f"= {whole / BUDGET:.2f} of the {BUDGET:.0f} s budget")


if __name__ == "__main__":
    main()
