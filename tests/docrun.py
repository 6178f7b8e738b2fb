"""Run the commands of a guide page and compare their output with the page.

A page is executable in two kinds of fenced blocks, taken in the order they appear:

- a block with a title, e.g. ```` ```yaml title="lake-talks/case.yaml" ````, is a file the reader
  writes: its text is written (appended, when several blocks share a title) in the working folder;
- a ```` ```console ```` block holds commands (lines starting with ``$ ``), each followed by the
  output it prints (stdout and stderr together).

Volatile parts are normalised before comparing: the working folder is shown as WORKDIR, trailing
spaces are dropped. Tables are printed 80 columns wide, as in a standard terminal.

To refresh a page after a deliberate change of output: ``python tests/docrun.py docs/tutorial.md``
rewrites the outputs in place (read the diff before committing it).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

#: How the working folder appears in the guide.
WORKDIR = "/home/analyst/tutorial"
BLOCK = re.compile(r'^```(?P<lang>[a-z]*)(?: title="(?P<title>[^"]+)")?\n(?P<body>.*?)^```$', re.DOTALL | re.MULTILINE)


@dataclass
class Command:
    line: str
    expected: str
    start: int  # offsets of the expected output in the page, for rewriting it
    end: int


def steps(page: str) -> list[tuple[str, str] | Command]:
    """The files to write (title, text) and the commands to run, in page order."""
    found: list[tuple[str, str] | Command] = []
    for block in BLOCK.finditer(page):
        if block["title"]:
            found.append((block["title"], block["body"]))
        elif block["lang"] == "console":
            found += _commands(block["body"], block.start("body"))
    return found


def _commands(body: str, offset: int) -> list[Command]:
    commands: list[Command] = []
    position = 0
    lines = body.splitlines(keepends=True)
    for line in lines:
        if line.startswith("$ "):
            if commands:
                commands[-1].end = offset + position
            commands.append(Command(line[2:].rstrip("\n"), "", offset + position + len(line), 0))
        elif commands:
            commands[-1].expected += line
        position += len(line)
    if commands:
        commands[-1].end = offset + position
    return commands


def environment(workdir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        COLUMNS="80", LINES="50", TERM="dumb", NO_COLOR="1",
        # No store: a reader's store would add "recorded as run N" lines, which the page explains.
        PEACETALKS_DB=f"sqlite:///{workdir / 'no-store' / 'none.db'}",
    )
    env.pop("FORCE_COLOR", None)
    return env


def normalise(text: str, workdir: Path) -> str:
    text = text.replace(str(workdir.resolve()), WORKDIR).replace(str(workdir), WORKDIR)
    return "\n".join(line.rstrip() for line in text.rstrip().splitlines())


def run(page: str, workdir: Path) -> list[tuple[Command, str]]:
    """Write the page's files and run its commands in ``workdir``; each command with its output."""
    env = environment(workdir)
    results = []
    for step in steps(page):
        if isinstance(step, Command):
            done = subprocess.run(["bash", "-c", step.line], cwd=workdir, env=env, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, text=True, timeout=600, check=False)
            results.append((step, normalise(done.stdout, workdir)))
        else:
            title, text = step
            path = workdir / title
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as handle:
                handle.write(text)
    return results


def update(page_path: Path, workdir: Path) -> None:
    """Rewrite the page with the outputs the commands print now."""
    page = page_path.read_text(encoding="utf-8")
    pieces, last = [], 0
    for command, output in run(page, workdir):
        pieces += [page[last:command.start], output + "\n" if output else ""]
        last = command.end
    page_path.write_text("".join(pieces) + page[last:], encoding="utf-8")


if __name__ == "__main__":
    import tempfile

    for name in sys.argv[1:] or ["docs/tutorial.md"]:
        with tempfile.TemporaryDirectory(prefix="peacetalks-doc-") as folder:
            update(Path(name), Path(folder))
        print(f"updated {name}")
