"""MkDocs hooks: pages generated from the code and data, so the reference never drifts from them.

- ``reference/cli.md`` from the ``peacetalks`` command's own help (every command and option);
- ``reference/schema.md`` from ``peacetalks schema``, with the tutorial's case file as example;
- ``reference/rest.md`` from the OpenAPI description of ``peacetalks.web`` (a note saying how to
  get it when the ``web`` extra is not installed);
- ``<!-- facts: CASE -->`` in a page becomes counts and examples computed from that built-in case;
"""

from __future__ import annotations

import importlib
import json
import re
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

NOTEBOOK = "examples/russia-ukraine.ipynb"
FACTS = re.compile(r"<!-- facts: ([a-z0-9-]+) -->")
VALIDATION = "<!-- validation: ec-emissions -->"
INGEST_VALIDATION = "<!-- validation: ingest -->"
#: The ingest issue's targets on text the rules were not tuned on: (kind, measure) → lowest value.
INGEST_TARGETS = {("stance", "precision"): 0.8, ("stance", "recall"): 0.6, ("figure", "recall"): 0.9,
                  ("proposal", "recall"): 0.95}

#: Scholz, Calbert & Smith (2011), Table 2: the challenge model on the EC case, Q = 1, rounds 1–8.
TABLE2_MEDIAN = (8.4, 9.9, 9.9, 9.9, 9.9, 7.4, 8.8, 9.6)
TABLE2_MEAN = (7.4, 7.5, 7.6, 7.3, 7.3, 7.4, 7.5, 7.6)


# ---------------------------------------------------------------------------------------------
# Hooks


_pages: dict[str, str] = {}  # the generated pages of the current build (on_config makes them, on_files adds them)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _pages.clear()
    _pages.update(generated_pages(config))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path, text in _pages.items():
        files.append(File.generated(config, path, content=text))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    markdown = FACTS.sub(lambda m: case_facts(m.group(1)), markdown)
    if INGEST_VALIDATION in markdown:
        markdown = markdown.replace(INGEST_VALIDATION, ingest_validation(Path(config.config_file_path).parent))
    return markdown.replace(VALIDATION, ec_validation()) if VALIDATION in markdown else markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Docstrings use Sphinx roles (:func:`x`) and doctest flags, which mean nothing to a reader."""
    html = re.sub(r":(?:func|class|meth|mod|data|attr|exc):(?=<code)", "", html)
    return re.sub(r"\s*# doctest: \+SKIP", "", html)


def generated_pages(config: MkDocsConfig) -> dict[str, str]:
    root = Path(config.config_file_path).parent
    pages = {"reference/cli.md": cli_reference(), "reference/schema.md": schema_reference(config),
             "notebook.md": notebook_page(root / NOTEBOOK)}
    pages["reference/rest.md"] = rest_reference()
    return pages


# ---------------------------------------------------------------------------------------------
# Command line


def cli_reference() -> str:
    import typer.main

    from peacetalks.cli import app

    group = typer.main.get_command(app)
    root = group.context_class(group, info_name="peacetalks")
    lines = [
        "# Command line reference",
        "",
        "Generated from the `peacetalks` command itself when this guide is built: every command, "
        "argument and option, with the same words as `peacetalks COMMAND --help`.",
        "",
        _clean(group.help or ""),
        "",
    ]
    for name, command in sorted(_commands(group)):
        lines += _command_section(name, command, root)
    return "\n".join(lines) + "\n"


def _commands(group: Any, prefix: str = "") -> list[tuple[str, Any]]:
    found = []
    for name, command in group.commands.items():
        if getattr(command, "hidden", False):
            continue
        if hasattr(command, "commands"):
            found += _commands(command, f"{prefix}{name} ")
        else:
            found.append((f"{prefix}{name}", command))
    return found


def _command_section(name: str, command: Any, root: Any) -> list[str]:
    ctx = command.context_class(command, info_name=name, parent=root)
    usage = command.get_usage(ctx).removeprefix("Usage: ")
    lines = [f"## peacetalks {name}", "", "```text", usage, "```", "", _clean(command.help or ""), ""]
    if command.epilog:
        lines += [_clean(command.epilog), ""]
    rows = [record for param in command.params if (record := param.get_help_record(ctx)) is not None]
    rows.append(("--help", "Show this help and exit."))
    lines += ["| argument or option | what it does |", "|---|---|"]
    lines += [f"| `{_cell(opt)}` | {_cell(text)} |" for opt, text in rows]
    return [*lines, ""]


def _clean(text: str) -> str:
    """Help text as Markdown: rich markup removed, paragraphs kept."""
    text = re.sub(r"\[/?[a-z ]+\]", "", text)
    return "\n\n".join(" ".join(part.split()) for part in text.split("\n\n"))


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


# ---------------------------------------------------------------------------------------------
# Case-file schema


def schema_reference(config: MkDocsConfig) -> str:
    from typer.testing import CliRunner

    from peacetalks.cli import app

    result = CliRunner().invoke(app, ["schema"])
    if result.exit_code != 0:
        raise RuntimeError(f"peacetalks schema failed: {result.output}")
    schema = json.loads(result.stdout)
    definitions = schema.get("$defs", {})
    lines = [
        "# Case file schema",
        "",
        "A case file is YAML or JSON; `peacetalks schema` prints its JSON Schema, reproduced here "
        "when this guide is built. Point your editor's YAML support at it "
        "(`peacetalks schema --out case.schema.json`) to have fields checked and completed as you type; "
        "`peacetalks validate` checks the same rules and also the cross-references (a position's actor "
        "and issue must exist, a source id must be listed, a value must lie on its issue's scale).",
        "",
        "Values marked *required* must be given; the others take the default shown.",
        "",
        "## Case (the top level of a file)",
        "",
        *_properties(schema),
    ]
    for name in sorted(definitions):
        lines += [f"## {name}", "", *_properties(definitions[name])]
    example = _tutorial_case(Path(config.docs_dir) / "tutorial.md")
    if example:
        lines += ["## Example", "", "The case file built in the [tutorial](../tutorial.md):", "",
                  "```yaml", example.rstrip(), "```", ""]
    lines += ["## The whole schema", "", '??? note "JSON Schema (peacetalks schema)"', "",
              "    ```json", *("    " + line for line in json.dumps(schema, indent=2).splitlines()),
              "    ```", ""]
    return "\n".join(lines) + "\n"


def _properties(node: dict[str, Any]) -> list[str]:
    if "enum" in node:
        values = ", ".join(f"`{v}`" for v in node["enum"])
        return [_clean(node.get("description", "")), "", f"One of: {values}.", ""]
    properties = node.get("properties", {})
    required = set(node.get("required", []))
    lines = [_clean(node.get("description", "")), "", "| field | type | required / default | meaning |",
             "|---|---|---|---|"]
    for field, spec in properties.items():
        need = "*required*" if field in required else f"`{json.dumps(spec['default'])}`" if "default" in spec else ""
        lines.append(f"| `{field}` | {_type(spec)} | {need} | {_cell(spec.get('description', ''))} |")
    return [*lines, ""]


def _type(spec: dict[str, Any]) -> str:
    if "$ref" in spec:
        name = spec["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "anyOf" in spec:
        kinds = [_type(s) for s in spec["anyOf"] if s.get("type") != "null"]
        return " or ".join(kinds) + (" or null" if len(kinds) < len(spec["anyOf"]) else "")
    kind = spec.get("type", "any")
    if kind == "array":
        return f"list of {_type(spec.get('items', {}))}"
    if kind == "object" and "additionalProperties" in spec:
        return f"map of id → {_type(spec['additionalProperties'])}"
    if kind == "string" and "format" in spec:
        return f"string ({spec['format']})"
    return str(kind)


def _tutorial_case(tutorial: Path) -> str | None:
    """The tutorial's case file: its ```yaml title="lake-talks/case.yaml"``` blocks, put together."""
    if not tutorial.exists():
        return None
    parts = re.findall(r'```yaml title="lake-talks/case.yaml"\n(.*?)```', tutorial.read_text(encoding="utf-8"),
                       re.DOTALL)
    return "".join(parts) or None


# ---------------------------------------------------------------------------------------------
# Notebook


def notebook_page(path: Path) -> str:
    """The example notebook as a page: its text and code cells, in order (run it to see the output)."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    intro = (f"*This page shows the notebook `{NOTEBOOK}` — its text and code, without the output. Run it "
             "yourself (`.venv/bin/pip install jupyterlab matplotlib`, then "
             f"`.venv/bin/jupyter lab {NOTEBOOK}`) to see the tables and charts. The test suite runs it from "
             "top to bottom on every change (`tests/test_docs.py`), so the code here works.*")
    lines: list[str] = []
    for cell in notebook["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            lines += [source, ""]
            if intro:
                lines += [intro, ""]
                intro = ""
        elif cell["cell_type"] == "code":
            lines += ["```python", source, "```", ""]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# REST API


def rest_reference() -> str:
    """The REST API from its OpenAPI description, or how to get it when the web extra is missing."""
    try:
        web = importlib.import_module("peacetalks.web")
    except ModuleNotFoundError as missing:
        if (missing.name or "peacetalks").split(".")[0] != "peacetalks":  # a package of the web extra
            return ("# REST API reference\n\nThis copy of the guide was built without the `web` extra, so the "
                    "reference could not be generated from the web app. Install it (`pip install -e '.[web]'`; "
                    "`make docs` installs it) and build the guide again. A running `peacetalks serve` also lists "
                    "every route at `/api-docs` and serves the OpenAPI description at `/openapi.json` "
                    "(see [the dashboard and REST API](../web.md)).\n")
        raise
    # The app opens a store: give it a throwaway one, so building the guide writes nothing of the user's.
    with tempfile.TemporaryDirectory(prefix="peacetalks-docs-") as folder:
        spec = web.create_app(web.Settings(db=f"sqlite:///{Path(folder) / 'openapi.db'}")).openapi()
    lines = ["# REST API reference", "", f"Generated from the OpenAPI description of the web app "
             f"({spec['info']['title']} {spec['info'].get('version', '')}) when this guide was built.", "",
             "| method | path | what it does | parameters |", "|---|---|---|---|"]
    for path, operations in spec.get("paths", {}).items():
        for method, operation in operations.items():
            summary = operation.get("summary") or operation.get("description") or ""
            takes = [f"`{p['name']}` ({p.get('in', '')})" for p in operation.get("parameters", [])]
            if "requestBody" in operation:
                takes.append("JSON body")
            lines.append(f"| {method.upper()} | `{path}` | {_cell(summary)} | {', '.join(takes)} |")
    lines += ["", '??? note "OpenAPI description (JSON)"', "", "    ```json",
              *("    " + line for line in json.dumps(spec, indent=2).splitlines()), "    ```", ""]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Validation on the EC reference case


def ec_validation() -> str:
    """Scholz et al.'s Table 2 against the challenge model, and the backtest, computed now."""
    import peacetalks
    from peacetalks.models.backtest import backtest
    from peacetalks.models.base import available_models, get_model

    case = peacetalks.load_case("ec-emissions")
    challenge = get_model("challenge").predict(case.snapshot())
    assert challenge.median is not None and challenge.mean is not None
    lines = ["| round | Table 2 median | peacetalks | difference | Table 2 mean | peacetalks | difference |",
             "|---|---|---|---|---|---|---|"]
    for r, (median, mean) in enumerate(zip(TABLE2_MEDIAN, TABLE2_MEAN, strict=True), start=1):
        ours_median, ours_mean = float(challenge.median[r, 0]), float(challenge.mean[r, 0])
        lines.append(f"| {r} | {median:.1f} | {ours_median:.2f} | {ours_median - median:+.2f} | {mean:.1f} | "
                     f"{ours_mean:.2f} | {ours_mean - mean:+.2f} |")
    result = backtest(case, [get_model(name) for name in available_models()])
    [issue] = [i for i in case.issues if i.outcome is not None]
    assert issue.outcome is not None
    lines += ["", f"Backtest against the recorded outcome ({issue.outcome.value:g} years), "
              "`peacetalks backtest ec-emissions`:", "", "| model | predicted | absolute error |", "|---|---|---|"]
    for score in result.scores:
        lines.append(f"| {score.model} | {score.predicted:.2f} | {score.error:.2f} |")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Validation of the ingest rules on the annotated texts


def ingest_validation(root: Path) -> str:
    """Precision and recall per annotated set, computed now by benchmarks/eval_ingest.py's scorer.

    The two shared real articles are left out: they are not part of the project, so a page built
    without them would differ from one built with them."""
    import importlib.util

    from peacetalks.case.loading import load_case_path
    from peacetalks.catalog import builtin_cases
    from peacetalks.ingest.evaluate import KINDS
    from peacetalks.ingest.lexicon import Lexicon

    spec = importlib.util.spec_from_file_location("eval_ingest", root / "benchmarks" / "eval_ingest.py")
    assert spec is not None and spec.loader is not None
    evaluation = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(evaluation)
    lexicon = Lexicon(load_case_path(builtin_cases()["russia-ukraine"]))
    sets = {name: texts for name, texts in evaluation.annotated_sets().items() if name != "shared-dev"}
    fresh = evaluation.FRESH
    rows = [(f"{name} ({len(sets[name])} texts; {note})", sets[name]) for name, note in fresh.items()]
    if len(fresh) > 1:
        rows.append(("**the fresh held-out sets pooled**", [text for name in fresh for text in sets[name]]))
    rows += [(f"{name} ({len(sets[name])} texts; tuned on)", sets[name]) for name in evaluation.TUNING]
    header = " | ".join(f"{kind} {m}" for kind in KINDS for m in ("P", "R"))
    lines = [f"| set | {header} |", "|---|" + "---|" * 2 * len(KINDS)]
    for label, texts in rows:
        scores = evaluation.evaluate(texts, lexicon)
        cells = []
        for kind in KINDS:
            score = scores[kind]
            for measure, value, of in (("precision", score.precision, score.predicted),
                                       ("recall", score.recall, score.expected)):
                target = INGEST_TARGETS.get((kind, measure)) if "tuned on" not in label else None
                text = "–" if value is None else f"{value:.2f} ({score.true_positives}/{of})"
                cells.append(f"**{text}** ✗" if target is not None and value is not None and value < target else text)
        lines.append(f"| {label} | {' | '.join(cells)} |")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Facts about a built-in case


def case_facts(name: str) -> str:
    """Counts and examples computed from a built-in case: what is sourced, what is judgement."""
    import peacetalks

    case = peacetalks.load_case(name)
    positions = case.positions
    coded = Counter(p.coded_by.value for p in positions)
    roles = Counter(a.role.value for a in case.actors)
    kinds = Counter(s.kind.value for s in case.sources)
    dates = sorted(p.as_of for p in positions)
    lines = [
        f"*Computed from the case file when this guide was built (case as of {case.as_of}).*",
        "",
        "| what | how many |",
        "|---|---|",
        f"| actors | {len(case.actors)} ({_counts(roles)}) |",
        f"| issues | {len(case.issues)} |",
        f"| dated positions (all dates) | {len(positions)}, from {dates[0]} to {dates[-1]} |",
        f"| … stated by a source (`coded_by: source`) | {coded['source']} |",
        f"| … an analyst's judgement (`coded_by: analyst`) | {coded['analyst']} |",
        f"| positions with an explicit uncertainty range | {sum(p.uncertainty is not None for p in positions)} |",
        f"| proposals | {len(case.proposals)} |",
        f"| events | {len(case.events)} |",
        f"| indicators (time series) | {len(case.indicators)}, "
        f"{sum(len(i.series) for i in case.indicators)} observations |",
        f"| reservation values | {len(case.reservations)}, "
        f"{sum(r.coded_by.value == 'analyst' for r in case.reservations)} of them analyst judgements |",
        f"| red lines | {sum(len(r.red_lines) for r in case.reservations)} |",
        f"| sources | {len(case.sources)} ({_counts(kinds)}) |",
        "",
        "### The issues and what their scales mean",
        "",
        "| issue | positions coded | 0 means | the top of the scale means |",
        "|---|---|---|---|",
    ]
    for issue in case.issues:
        anchors = sorted(issue.scale.anchors, key=lambda a: a.value)
        count = sum(p.issue == issue.id for p in positions)
        lines.append(f"| {_cell(issue.name)} (`{issue.id}`) | {count} | {_cell(anchors[0].label)} | "
                     f"{_cell(anchors[-1].label)} |")
    sourced = next((p for p in positions if p.coded_by.value == "source" and p.rationale), None)
    judged = next((p for p in positions if p.coded_by.value == "analyst"), None)
    lines += ["", "### Two positions as the case codes them", ""]
    for title, example in (("Stated by a source", sourced), ("An analyst's judgement", judged)):
        if example is None:
            continue
        cited = "; ".join(f"[{_cell(case.source(s).title)}]({case.source(s).url})" if case.source(s).url
                          else _cell(case.source(s).title) for s in example.sources)
        lines += [f"**{title}:** {case.actor(example.actor).name} on *{case.issue(example.issue).name}* "
                  f"as of {example.as_of}: position {example.position:g}, salience {example.salience:g}, "
                  f"capability {example.capability:g}, confidence {example.confidence.value}.", "",
                  f"> {_cell(example.rationale or '')}", "", f"Sources: {cited or 'none'}.", ""]
    return "\n".join(lines)


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{n} {kind}" for kind, n in counter.most_common())
