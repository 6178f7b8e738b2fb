"""Instructions per article of plain-text extraction, counted by valgrind: a measure of speed that
other load on the machine does not move, for comparing two versions of the rules.

CPU-second rates (``bench_ingest.py``) vary by ±10–20 % between runs on the shared 2-core
machine, which hides a change of a few per cent; the number of instructions executed is the same
in every run (the hash seed is fixed). It is counted with callgrind, switched on after the case,
the lexicon and the articles are ready and one article has been extracted (so imports, compiling
the patterns and first calls do not count), over one pass of the articles: the three kinds of
``bench_ingest.py``, 17 of each (the two real articles once each). Needs ``valgrind``
(``apt-get install valgrind``); each count takes 20–40 s.

    .venv/bin/python benchmarks/bench_ingest_instructions.py [--against /path/to/other/src]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = ("synthetic", "prose", "real")


def _articles(kind: str) -> list[str]:
    sys.path.insert(0, str(HERE))
    import bench_ingest

    from peacetalks.case.loading import load_case_path
    from peacetalks.catalog import builtin_cases
    from peacetalks.ingest.lexicon import Lexicon

    if kind == "synthetic":
        rng = random.Random(6)
        lexicon = Lexicon(load_case_path(builtin_cases()["russia-ukraine"]))
        return [bench_ingest.article(rng, lexicon, rng.randrange(5_000, 10_000)) for _ in range(17)]
    if kind == "prose":
        return bench_ingest.prose_articles(random.Random(6))
    return [p.read_text(encoding="utf-8") for p in _shared()]


def _shared() -> list[Path]:
    return sorted((HERE.parent.parent / "shared" / "corpus" / "dev").glob("*.txt"))


def _inner(kind: str, flag: str) -> None:
    """Run under valgrind: prepare, say so, wait until counting is on, extract every article once."""
    from peacetalks.case.loading import load_case_path
    from peacetalks.catalog import builtin_cases
    from peacetalks.ingest.clean import clean_text
    from peacetalks.ingest.extract import extract
    from peacetalks.ingest.lexicon import Lexicon
    from peacetalks.ingest.types import Document, SourceInfo

    lexicon = Lexicon(load_case_path(builtin_cases()["russia-ukraine"]))
    texts = _articles(kind)
    extract(Document(SourceInfo("warm-up", "text"), clean_text(texts[0]).text), lexicon)
    Path(flag + ".ready").touch()
    while not Path(flag + ".go").exists():
        time.sleep(0.05)
    for k, text in enumerate(texts):
        extract(Document(SourceInfo(str(k), "text"), clean_text(text).text), lexicon)
    print(len(texts))


def count(kind: str, src: Path) -> float | None:
    """Instructions per article of ``kind`` with the package in ``src``; None without articles."""
    if kind == "real" and not _shared():
        return None
    with tempfile.TemporaryDirectory() as folder:
        flag = str(Path(folder, "flag"))
        env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(src)}
        command = ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={folder}/out",
                   sys.executable, __file__, "--inner", kind, flag]  # fmt: skip
        process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        while not Path(flag + ".ready").exists():
            if process.poll() is not None:
                raise SystemExit(f"the counted run failed:\n{process.stderr.read() if process.stderr else ''}")
            time.sleep(0.2)
        subprocess.run(["callgrind_control", "-i", "on", str(process.pid)], check=True, capture_output=True)
        Path(flag + ".go").touch()
        out, err = process.communicate()
        collected = re.search(r"Collected : (\d+)", err)
        if process.returncode or collected is None:
            raise SystemExit(f"the counted run failed:\n{err[-2000:]}")
        return int(collected[1]) / int(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", type=Path, help="the src folder of another version, counted beside this one")
    parser.add_argument("--inner", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner:
        _inner(*args.inner)
        return
    if shutil.which("valgrind") is None or shutil.which("callgrind_control") is None:
        raise SystemExit("counting instructions needs valgrind: apt-get install valgrind")
    here = HERE.parent / "src"
    for kind in KINDS:
        mine = count(kind, here)
        if mine is None:
            print(f"{kind:10s} no articles (the shared development articles are not there)")
            continue
        line = f"{kind:10s} {mine / 1e6:6.1f} M instructions per article"
        if args.against is not None and (other := count(kind, args.against)) is not None:
            line += f"; {args.against}: {other / 1e6:6.1f} M = {other / mine:.3f}× this version's"
        print(line, flush=True)


if __name__ == "__main__":
    main()
