"""Agreement between two readers of the same texts, beside the rules' agreement with each.

    python benchmarks/agreement_ingest.py [--verbose]

heldout10 and heldout11 were annotated by one reader; tests/data/ingest/agreement/ holds a second,
blind annotation of the same 24 texts (made without seeing the first, or the rules). The issue's
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
from eval_ingest import DATA, annotated_sets

from peacetalks.case.loading import load_case_path
from peacetalks.catalog import builtin_cases
from peacetalks.ingest.clean import clean_text
from peacetalks.ingest.evaluate import KINDS, Score, compare, score_text, total
from peacetalks.ingest.extract import extract
from peacetalks.ingest.lexicon import Lexicon
from peacetalks.ingest.types import Document, SourceInfo

SECOND = DATA / "agreement" / "second-annotator.yaml"
SETS = ("heldout10", "heldout11")


def second_reader(path: Path = SECOND) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in yaml.safe_load(path.read_text(encoding="utf-8"))["texts"]}


def f1(score: Score) -> float | None:
    p, r = score.precision, score.recall
    return None if p is None or r is None else (2 * p * r / (p + r) if p + r else 0.0)


def agreement(lexicon: Lexicon) -> dict[str, dict[str, Score]]:
    """{comparison: {kind: score}} pooled over the texts both readers annotated."""
    second = second_reader()
    pairs: dict[str, list[dict[str, Score]]] = {"second vs first": [], "rules vs first": [], "rules vs second": []}
    sets = annotated_sets()
    for name in SETS:
        for text_id, raw, first in sets[name]:
            if text_id not in second:
                continue
            published = first.get("published")
            doc = Document(SourceInfo(text_id, "text", published=published), clean_text(raw).text)  # type: ignore[arg-type]
            evidence = extract(doc, lexicon)
            pairs["second vs first"].append(compare(second[text_id], first, text_id))
            pairs["rules vs first"].append(score_text(evidence, first, text_id))
            pairs["rules vs second"].append(score_text(evidence, second[text_id], text_id))
    return {name: total(scores) for name, scores in pairs.items()}


def _fmt(x: float | None) -> str:
    return "  –  " if x is None else f"{x:5.2f}"


def main() -> None:
    if not SECOND.is_file():
        sys.exit(f"{SECOND} is missing: there is no second annotation to compare")
    lexicon = Lexicon(load_case_path(builtin_cases()["russia-ukraine"]))
    for name, scores in agreement(lexicon).items():
        print(f"\n{name}\n{'kind':10} {'prec':>5} {'recall':>6} {'F1':>5}  tp/pred/expected")
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
