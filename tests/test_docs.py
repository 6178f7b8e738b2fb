"""The user guide stays true: the tutorial's commands print what it shows, the notebook runs, the
site builds with --strict (every internal link and anchor checked), the README's links resolve."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import peacetalks
from docrun import Command, run, steps
from peacetalks.catalog import builtin_cases

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def _check_page(name: str, workdir: Path) -> int:
    """Run a page's commands in ``workdir``; each must print what the page shows. How many ran."""
    page = (DOCS / name).read_text(encoding="utf-8")
    results = run(page, workdir)
    for command, output in results:
        expected = "\n".join(line.rstrip() for line in command.expected.rstrip().splitlines())
        assert output == expected, (
            f"`{command.line}` now prints something else than docs/{name} shows.\n"
            f"--- page\n{expected}\n--- now\n{output}\n"
            f"If the change is intended, run `.venv/bin/python tests/docrun.py docs/{name}` and read the diff.")
    return len(results)


def test_tutorial_commands_print_what_the_page_shows(tmp_path: Path) -> None:
    assert _check_page("tutorial.md", tmp_path) >= 10, "the tutorial lost its commands"
    # What a reader of the tutorial ends up with: a valid three-actor, two-issue case and a briefing.
    case = peacetalks.load_case(tmp_path / "lake-talks")
    assert (len(case.actors), len(case.issues), len(case.proposals)) == (3, 2, 2)
    assert (tmp_path / "briefing" / "lake-talks-2026-03-01.html").is_file()


def test_the_news_walkthrough_prints_what_the_page_shows_and_updates_the_case(tmp_path: Path) -> None:
    if importlib.util.find_spec("trafilatura") is None:
        pytest.skip("news walkthrough skipped: reading HTML needs the ingest extra (pip install -e '.[ingest]')")
    assert _check_page("russia-ukraine.md", tmp_path) >= 8, "the ingest walkthrough lost its commands"
    # What the reviewer ends up with: the accepted value in the stored case, dated to the article,
    # citing it, while the built-in case is untouched.
    stored = peacetalks.load_case("russia-ukraine", db=f"sqlite:///{tmp_path / 'news.db'}")
    [moved] = [p for p in stored.positions if (p.actor, p.issue, p.as_of.isoformat()) ==
               ("ukraine", "ceasefire-sequencing", "2026-03-20")]
    assert moved.position == 10 and moved.coded_by.value == "analyst"
    assert any(source.startswith("article-") for source in moved.sources)
    builtin = peacetalks.load_case(builtin_cases()["russia-ukraine"])
    assert len(stored.positions) == len(builtin.positions) + 4


def test_a_changed_output_is_caught(tmp_path: Path) -> None:
    page = "```console\n$ echo one\ntwo\n```\n"
    [step] = steps(page)
    assert isinstance(step, Command) and step.expected == "two\n"
    [(command, output)] = run(page, tmp_path)
    assert output == "one" != command.expected.strip()


def test_files_in_the_page_are_written_in_order(tmp_path: Path) -> None:
    page = ('```yaml title="a/b.yaml"\nx: 1\n```\n\n```console\n$ cat a/b.yaml\nx: 1\n```\n'
            '```yaml title="a/b.yaml"\ny: 2\n```\n```console\n$ cat a/b.yaml\nx: 1\ny: 2\n```\n')
    outputs = [output for _, output in run(page, tmp_path)]
    assert outputs == ["x: 1", "x: 1\ny: 2"]


def test_the_notebook_runs_from_top_to_bottom() -> None:
    if importlib.util.find_spec("nbclient") is None or importlib.util.find_spec("ipykernel") is None:
        pytest.skip("notebook test skipped: nbclient and ipykernel are not installed (make .venv/.installed-dev)")
    import nbformat
    from nbclient import NotebookClient

    path = ROOT / "examples" / "russia-ukraine.ipynb"
    notebook = nbformat.read(path, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), \
        "commit the notebook without outputs (they would go stale)"
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    text = "\n".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    for model in ("compromise", "median", "challenge", "exchange"):
        assert model in text
    assert any("image/png" in o.get("data", {}) for o in outputs), "the position map was not drawn"
    assert "Russia–Ukraine" in text
    assert "comprehensive-agreement" in text and "what-if" in text, "the scenario cells printed no forecast"


def _build(tmp_path: Path) -> Path:
    if importlib.util.find_spec("mkdocs") is None or importlib.util.find_spec("material") is None:
        pytest.skip("docs build skipped: mkdocs and mkdocs-material are not installed (pip install -e '.[docs]')")
    site = tmp_path / "site"
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                          cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                          check=False, timeout=600)
    assert done.returncode == 0, f"mkdocs build --strict failed:\n{done.stdout}\n{done.stderr}"
    return site


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("docs"))


def test_the_site_builds_strictly_and_offline(site: Path) -> None:
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    for page in ("index.html", "concepts.html", "tutorial.html", "russia-ukraine.html", "models.html",
                 "validation.html", "notebook.html", "deals.html", "briefing.html", "reference/cli.html",
                 "reference/schema.html", "reference/python.html"):
        assert page in pages
    nav = (site / "index.html").read_text(encoding="utf-8")
    for page in ("scenarios.html", "ingest.html", "web.html", "notebook.html", "reference/rest.html"):
        assert page in pages and f'href="{page}"' in nav, f"{page} is missing from the site or its navigation"
    if importlib.util.find_spec("fastapi") is not None:
        rest = _text((site / "reference" / "rest.html").read_text(encoding="utf-8"))
        assert "Generated from the OpenAPI description" in rest and "/api/cases" in rest
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        fetched = re.findall(r'<(?:script|link|img)\b[^>]*(?:src|href)="(https?://[^"]+)"', html)
        assert not fetched, f"{page.relative_to(site)} fetches {fetched} (the guide must work offline)"


def test_the_cli_reference_lists_every_command_and_option(site: Path) -> None:
    import typer.main

    from peacetalks.cli import app

    text = _text((site / "reference" / "cli.html").read_text(encoding="utf-8"))
    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        subcommands = getattr(command, "commands", {name: command})
        for sub, leaf in subcommands.items():
            title = name if sub == name else f"{name} {sub}"
            assert f"peacetalks {title}" in text
            for param in leaf.params:
                for opt in param.opts:
                    assert opt in text, f"{opt} of {title} missing from the CLI reference"


def test_the_case_page_states_the_case_as_it_is(site: Path) -> None:
    case = peacetalks.load_case("russia-ukraine")
    text = _text((site / "russia-ukraine.html").read_text(encoding="utf-8"))
    analyst = sum(p.coded_by.value == "analyst" for p in case.positions)
    sourced = len(case.positions) - analyst
    assert f"actors {len(case.actors)} (" in text
    assert f"issues {len(case.issues)} " in text
    assert f"dated positions (all dates) {len(case.positions)}, " in text
    assert f"stated by a source ( coded_by: source ) {sourced} " in text
    assert f"an analyst's judgement ( coded_by: analyst ) {analyst} " in text
    assert f"sources {len(case.sources)} (" in text
    for issue in case.issues:
        assert issue.id in text


def test_the_schema_page_holds_the_schema_and_the_tutorial_case(site: Path) -> None:
    text = _text((site / "reference" / "schema.html").read_text(encoding="utf-8"))
    for field in ("salience", "capability", "coded_by", "rationale", "anchors", "reservations"):
        assert field in text
    # The example is the whole tutorial case, from its first block to its last.
    assert "lake-talks" in text and "commission-plan" in text and "Invented for the tutorial" in text


def test_readme_links_resolve() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", readme)
    local = [link for link in links if "://" not in link]
    assert local, "the README links into the guide"
    for link in local:
        assert (ROOT / link).exists(), f"README links to {link}, which does not exist"


def test_readme_excerpt_is_what_the_briefing_says() -> None:
    from peacetalks.report import Settings, analyse, build_document
    from peacetalks.report.markdown import render_markdown

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quoted = [line.removeprefix("> ") for line in readme.splitlines() if line.startswith("> ") and
              not line.startswith("> **")]
    assert len(quoted) >= 3, "the README quotes the briefing"
    # Point predictions only: the quoted sentences do not depend on the Monte Carlo draws.
    document = build_document(analyse(peacetalks.load_case("russia-ukraine"), Settings(runs=0, exchange_runs=0)))
    markdown, _ = render_markdown(document, "charts")
    uncited = re.sub(r"\[\\\[[^\]]*\\\]\]\(#[^)]*\)", "", markdown)
    for sentence in quoted:
        assert sentence in uncited, f"the README quotes a sentence the briefing no longer says: {sentence}"


def _documented_commands() -> list[tuple[str, str]]:
    """Every `peacetalks …` command line in the guide's shell and console blocks."""
    found = []
    for page in [*DOCS.rglob("*.md"), ROOT / "README.md"]:
        for block in re.finditer(r"```(?:sh|console)\n(.*?)```", page.read_text(encoding="utf-8"), re.DOTALL):
            for line in block[1].splitlines():
                line = line.removeprefix("$ ").split("#")[0].split("|")[0].split(">")[0].strip()
                line = re.sub(r"^(\w+=\S+ )+", "", line)
                if line.startswith(("peacetalks ", ".venv/bin/peacetalks ")):
                    found.append((page.name, line))
    return found


def test_every_documented_command_and_option_exists() -> None:
    import shlex

    import typer.main

    from peacetalks.cli import app

    commands = _documented_commands()
    assert len(commands) >= 15
    group = typer.main.get_command(app)
    for page, line in commands:
        words = shlex.split(line)[1:]
        command = group
        while hasattr(command, "commands") and words and not words[0].startswith("-"):
            assert words[0] in command.commands, f"{page}: `{line}`: no command {words[0]!r}"
            command = command.commands[words.pop(0)]
        options = {opt for param in command.params for opt in param.opts} | {"--help"}
        for word in words:
            if word.startswith("-"):
                assert word.split("=")[0] in options, f"{page}: `{line}`: no option {word!r}"


def _hooks() -> Any:
    if importlib.util.find_spec("mkdocs") is None:
        pytest.skip("docs hooks test skipped: mkdocs is not installed (pip install -e '.[docs]')")
    spec = importlib.util.spec_from_file_location("docs_hooks", DOCS / "hooks.py")
    assert spec is not None and spec.loader is not None
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    return hooks


def test_without_the_web_extra_the_rest_page_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    hooks = _hooks()

    def no_fastapi(name: str) -> Any:
        raise ModuleNotFoundError("No module named 'fastapi'", name="fastapi")

    monkeypatch.setattr(hooks.importlib, "import_module", no_fastapi)
    page = hooks.rest_reference()
    assert page.startswith("# REST API reference") and "pip install -e '.[web]'" in page


def test_the_python_reference_covers_the_public_api(site: Path) -> None:
    import peacetalks.deals

    text = _text((site / "reference" / "python.html").read_text(encoding="utf-8"))
    for name in [*peacetalks.__all__, *peacetalks.deals.__all__]:
        assert name in text, f"{name} is public but missing from docs/reference/python.md"


def test_the_validation_page_states_the_extraction_scores_as_they_are(site: Path) -> None:
    spec = importlib.util.spec_from_file_location("eval_ingest", ROOT / "benchmarks" / "eval_ingest.py")
    assert spec is not None and spec.loader is not None
    evaluation = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(evaluation)
    from peacetalks.ingest.lexicon import Lexicon

    lexicon = Lexicon(peacetalks.load_case(builtin_cases()["russia-ukraine"]))
    sets = evaluation.annotated_sets()
    text = _text((site / "validation.html").read_text(encoding="utf-8"))
    fresh = [entry for name in evaluation.FRESH for entry in sets[name]]
    rows = [(f"{name} ({len(sets[name])} texts; {note})", sets[name]) for name, note in evaluation.FRESH.items()]
    if len(evaluation.FRESH) > 1:
        rows.append(("the fresh held-out sets pooled", fresh))
    for label, texts in rows:
        row = text[text.index(label) :][:400]
        for kind, score in evaluation.evaluate(texts, lexicon).items():
            if score.predicted:
                precision = f"{score.precision:.2f} ({score.true_positives}/{score.predicted})"
                # A fresh set below a target is marked as such, not rounded away.
                marked = kind == "stance" and score.precision is not None and score.precision < 0.8
                assert (precision + " ✗" if marked else precision) in row, (label, kind)
            if score.expected:
                assert f"{score.recall:.2f} ({score.true_positives}/{score.expected})" in row, (label, kind)
