"""The stance pairs each tuning set got from the rules as they were when the set was new.

    python benchmarks/fresh_rules.py     # needs the git history; writes benchmarks/fresh-rules.json

(A set already in the file with the same commit is kept as it is, so adding a set runs only its
commit's rules; delete the file to recompute them all.)

The learned stance model takes the rules' findings as features. On the tuning sets today's rules
are tuned (they find 0.76 of the pairs at precision 0.90, against 0.46 at 0.83 on unseen text), so
a model trained on their output would trust them far too much. Each set was scored once with the
rules of its day before they were improved on it: those rules' output is what the rules give on
text they have not seen. This script runs, for each tuning set, the rules of the commit at which
the set entered tests/data/ingest (before any tuning on it; dev2's: the commit before it was tuned
on), taken from git with `git archive`, and records their stance pairs. train_stance.py reads the
file, so that training needs nothing but the repository.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent / "fresh-rules.json"
#: Each tuning set and the commit whose rules first scored it (dev was written with the first
#: rules, so its pairs are the only tuned ones).
COMMITS = {
    "heldout": "112f4fa",
    "heldout3": "f7e5a60",
    "heldout4": "459130d",
    "heldout5": "5e3b6c4",
    "heldout6": "f65a670",
    "heldout7": "5d37a0d",
    "heldout8": "c7f9534",
    "heldout9": "6acd8d3",
    "heldout10": "0e1d2b1",
    "heldout11": "3c7de04",
    "heldout12": "ac080ec",
    "heldout13": "ac080ec",
    "heldout14": "f36cf4a",
    "heldout15": "f36cf4a",
    "dev": "112f4fa",
    "dev2": "112f4fa",
    "dev3": "ac93cb2",
    "train1": "5ee41a7",  # (rules-9, written by helpers who had not seen the rules; untuned)
    "train2": "5ee41a7",
    "heldout16": "5ee41a7",  # (still fresh sets for the rules; trained on by the model)
    "heldout17": "5ee41a7",
    "heldout18": "f112801",  # (rules-10, at which they were scored once; the stance rules never read them)
    "heldout19": "f112801",
    "heldout26": "0aefcf2",  # (rules-14 at the merge at which they were scored once; never tuned on)
    "heldout27": "0aefcf2",
    "heldout24": "c2e9a81",  # (rules-13 at the merge at which they were scored once; never tuned on)
    "heldout25": "c2e9a81",
    "heldout22": "2a6794c",  # (rules-12 at the merge at which they were scored once; never tuned on)
    "heldout23": "2a6794c",
    "heldout20": "20f019a",  # (rules-11 before the merge at which they were scored once; never tuned on)
    "heldout21": "20f019a",
    "train3": "fa7bfde",  # (rules-11; written blind to the rules, never tuned on)
    "train4": "fa7bfde",
    "train5": "b4f777c",  # (rules-13; written blind to the rules, never tuned on)
    "train6": "b4f777c",
    "heldout28": "b2e2507",  # (rules-15 at the merge just before they were scored once; never tuned on)
    "heldout29": "b2e2507",
    "heldout30": "c72f170",  # (rules-16 at the merge at which they were scored once; never tuned on before)
    "heldout31": "c72f170",
    "heldout32": "f83007b",  # (rules-17 at the commit with which they were scored once; never tuned on before)
    "heldout33": "f83007b",
    "heldout34": "355b78d",  # (rules-18 as scored once, at its registration; never tuned on before)
    "heldout35": "355b78d",
    "heldout36": "75a1b54",  # (rules-19 as merged and scored once; never tuned on before)
    "heldout37": "75a1b54",
}
# Run by the old code's Python path: the set's texts (today's files) through its rules.
_CHILD = """
import json, sys, yaml
from peacetalks.case.loading import load_case_path
from peacetalks.catalog import builtin_cases
from peacetalks.ingest.clean import clean_text
from peacetalks.ingest.extract import extract
from peacetalks.ingest.lexicon import Lexicon
from peacetalks.ingest.types import Document, SourceInfo
lexicon = Lexicon(load_case_path(builtin_cases()["russia-ukraine"]))
found = {}
for entry in yaml.safe_load(open(sys.argv[1], encoding="utf-8"))["texts"]:
    try:
        source = SourceInfo(entry["id"], "text", published=entry.get("published"))
    except TypeError:  # (before documents had a published date)
        source = SourceInfo(entry["id"], "text")
    items = extract(Document(source, clean_text(entry["text"]).text), lexicon)
    found[entry["id"]] = sorted(
        [e.actor_id, e.issue_id or e.proposal_id, e.extractor, e.confidence] for e in items if e.kind == "stance"
    )
print(json.dumps(found))
"""


def main() -> None:
    before = json.loads(OUT.read_text(encoding="utf-8")) if OUT.is_file() else {"commits": {}, "stances": {}}
    result: dict[str, dict[str, list[list[object]]]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, commit in COMMITS.items():
            if before["commits"].get(name) == commit:
                result[name] = before["stances"][name]
                continue
            old = Path(folder, commit)
            if not old.is_dir():
                old.mkdir()
                git = ["git", "-C", str(ROOT), "archive", commit, "src"]
                archive = subprocess.run(git, capture_output=True, check=True)
                subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
            data = ROOT / "tests" / "data" / "ingest" / f"{name}.yaml"
            child = subprocess.run(
                [sys.executable, "-c", _CHILD, str(data)],
                capture_output=True,
                text=True,
                check=True,
                env={"PYTHONPATH": str(old / "src"), "PATH": "/usr/bin:/bin"},
                cwd=folder,
            )
            result[name] = json.loads(child.stdout)
            pairs = sum(len({(a, o) for a, o, *_ in v}) for v in result[name].values())
            print(f"{name:10} {commit}: {pairs} pairs")
    OUT.write_text(json.dumps({"commits": COMMITS, "stances": result}, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
