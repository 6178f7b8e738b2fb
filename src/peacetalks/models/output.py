"""Predictions as JSON and CSV, for scripts and spreadsheets."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Sequence

from peacetalks.case import Case
from peacetalks.models.base import Prediction


def _rows(case: Case, results: Sequence[Prediction]) -> list[dict[str, float | str | None]]:
    rows = []
    for result in results:
        for k, issue_id in enumerate(result.issues):
            value = float(result.outcome[k])
            known = not math.isnan(value)
            rows.append({
                "model": result.model, "issue": issue_id, "outcome": value if known else None,
                "label": case.issue(issue_id).scale.label_for(value) if known else None,
                "as_of": result.as_of, "case_hash": result.case_hash,
            })
    return rows


def predictions_json(case: Case, results: Sequence[Prediction]) -> str:
    document = {
        "case": case.id,
        "models": [{"model": r.model, "params": r.params, "converged": r.converged, "notes": list(r.notes)}
                   for r in results],
        "outcomes": _rows(case, results),
    }
    return json.dumps(document, indent=2, ensure_ascii=False, default=str) + "\n"


def predictions_csv(case: Case, results: Sequence[Prediction]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["model", "issue", "outcome", "label", "as_of", "case_hash"],
                            lineterminator="\n")
    writer.writeheader()
    writer.writerows(_rows(case, results))
    return buffer.getvalue()
