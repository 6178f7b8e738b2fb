"""Predictions as JSON and CSV, for scripts and spreadsheets."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Sequence

from peacetalks.case import Case
from peacetalks.models.base import Prediction
from peacetalks.models.draws import Distribution

FIELDS = ["model", "issue", "outcome", "label", "low_90", "high_90", "draws", "seed", "as_of", "case_hash"]


def _number(value: float) -> float | None:
    return None if math.isnan(value) else value


def _rows(case: Case, results: Sequence[Prediction],
          spreads: Sequence[Distribution]) -> list[dict[str, float | int | str | None]]:
    rows: list[dict[str, float | int | str | None]] = []
    for m, result in enumerate(results):
        low, high = spreads[m].interval(0.9) if spreads else (None, None)
        for k, issue_id in enumerate(result.issues):
            value = _number(float(result.outcome[k]))
            rows.append({
                "model": result.model, "issue": issue_id, "outcome": value,
                "label": case.issue(issue_id).scale.label_for(value) if value is not None else None,
                "low_90": _number(float(low[k])) if low is not None else None,
                "high_90": _number(float(high[k])) if high is not None else None,
                "draws": spreads[m].draws if spreads else None, "seed": spreads[m].seed if spreads else None,
                "as_of": result.as_of, "case_hash": result.case_hash,
            })
    return rows


def predictions_json(case: Case, results: Sequence[Prediction], spreads: Sequence[Distribution] = ()) -> str:
    document = {
        "case": case.id,
        "models": [{"model": r.model, "params": r.params, "converged": r.converged, "notes": list(r.notes)}
                   for r in results],
        "outcomes": _rows(case, results, spreads),
    }
    return json.dumps(document, indent=2, ensure_ascii=False, default=str) + "\n"


def predictions_csv(case: Case, results: Sequence[Prediction], spreads: Sequence[Distribution] = ()) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(_rows(case, results, spreads))
    return buffer.getvalue()
