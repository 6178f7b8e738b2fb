"""Agreement between two readers of the same texts, beside the rules' agreement with each.

    python benchmarks/agreement_ingest.py [--verbose]

Each file tests/data/ingest/agreement/second-annotator-A-B.yaml is a second, blind annotation of
the texts of heldoutA and heldoutB (made without seeing the first annotation, or the rules). The issue's
targets for the rules (stance pairs precision ≥ 0.8, recall ≥ 0.6) are read against how well two
careful readers agree with each other: the second reader is scored against the first as the
extractor is (precision = share of the second reader's items the first also recorded). F1 is the
same whichever reader is taken as the reference.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml
from eval_ingest import DATA

from peacetalks.case.loading import load_case_path
from peacetalks.catalog import builtin_cases
from peacetalks.ingest.clean import clean_text
from peacetalks.ingest.evaluate import KINDS, Score, compare, score_text, total
from peacetalks.ingest.extract import extract
from peacetalks.ingest.lexicon import Lexicon
from peacetalks.ingest.types import Document, SourceInfo

AGREEMENT = DATA / "agreement"


def _texts(path: Path) -> list[dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["texts"]  # type: ignore[no-any-return]


def _sets(second_path: Path) -> list[str]:
    """The numbers of the sets a second annotation re-annotates, from its name."""
    return second_path.stem.removeprefix("second-annotator-").split("-")


def f1(score: Score) -> float | None:
    p, r = score.precision, score.recall
    return None if p is None or r is None else (2 * p * r / (p + r) if p + r else 0.0)


def agreement(second_path: Path, lexicon: Lexicon) -> dict[str, dict[str, Score]]:
    """{comparison: {kind: score}} pooled over the texts both readers annotated."""
    # (a second reading of two sets whose ids repeat gives each text its set: "set: heldout46")
    second = {(e.get("set"), e["id"]): e for e in _texts(second_path)}
    pairs: dict[str, list[dict[str, Score]]] = {"second vs first": [], "rules vs first": [], "rules vs second": []}
    for name in _sets(second_path):
        for first in _texts(DATA / f"heldout{name}.yaml"):
            text_id = first["id"]
            key = (f"heldout{name}", text_id) if (f"heldout{name}", text_id) in second else (None, text_id)
            if key not in second:
                continue
            doc = Document(
                SourceInfo(text_id, "text", published=first.get("published")), clean_text(first["text"]).text
            )
            evidence = extract(doc, lexicon)
            pairs["second vs first"].append(compare(second[key], first, text_id))
            pairs["rules vs first"].append(score_text(evidence, first, text_id))
            pairs["rules vs second"].append(score_text(evidence, second[key], text_id))
    return {name: total(scores) for name, scores in pairs.items()}


def _fmt(x: float | None) -> str:
    return "  –  " if x is None else f"{x:5.2f}"


def main() -> None:
    lexicon = Lexicon(load_case_path(builtin_cases()["russia-ukraine"]))
    for path in sorted(AGREEMENT.glob("second-annotator-*.yaml")):
        sealed = [n for n in _sets(path) if not (DATA / f"heldout{n}.yaml").is_file()]
        if sealed:  # its first annotation is still in unscored/, read by nothing until it is scored
            print(f"\n{path.stem}: heldout{', heldout'.join(sealed)} not scored yet, skipped")
            continue
        for name, scores in agreement(path, lexicon).items():
            print(f"\n{path.stem}: {name}\n{'kind':10} {'prec':>5} {'recall':>6} {'F1':>5}  tp/pred/expected")
            for kind in KINDS:
                s = scores[kind]
                print(
                    f"{kind:10} {_fmt(s.precision)} {_fmt(s.recall):>6} {_fmt(f1(s))}"
                    f"  {s.true_positives}/{s.predicted}/{s.expected}"
                )
                if "--verbose" in sys.argv and name == "second vs first":
                    for line in s.misses:
                        print("   only first ", line)
                    for line in s.false_alarms:
                        print("   only second", line)


if __name__ == "__main__":
    main()
