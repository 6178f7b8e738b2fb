"""The analysis the pages and the API show, as JSON-ready values. Nothing is computed here: the
bargaining models (:mod:`peacetalks.models`) and the deals layer (:mod:`peacetalks.deals`) do
the work; this module only runs them on a snapshot and converts their results."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from peacetalks.case.snapshot import Snapshot
from peacetalks.case.types import Case, Proposal
from peacetalks.deals import assess
from peacetalks.errors import PeacetalksError
from peacetalks.models.base import available_models, get_model


def model_names(wanted: Sequence[str] | None = None) -> list[str]:
    known = list(available_models())
    if not wanted:
        return known
    unknown = [m for m in wanted if m not in known]
    if unknown:
        raise PeacetalksError(f"no model named {', '.join(map(repr, unknown))}; available: {', '.join(known)}")
    return list(dict.fromkeys(wanted))


def _number(value: float) -> float | None:
    return None if math.isnan(value) else round(value, 6)


def predictions(case: Case, snapshot: Snapshot, models: Sequence[str]) -> list[dict[str, Any]]:
    """Each model's predicted outcome per issue, with the scale words nearest to it."""
    found = []
    for name in models:
        result = get_model(name).predict(snapshot)
        outcomes = {}
        for k, issue_id in enumerate(result.issues):
            value = _number(float(result.outcome[k]))
            label = case.issue(issue_id).scale.label_for(value) if value is not None else None
            outcomes[issue_id] = {"value": value, "label": label}
        found.append({"model": result.model, "summary": available_models()[name].summary, "params": result.params,
                      "converged": result.converged, "notes": list(result.notes), "outcomes": outcomes})
    return found


def assessments(snapshot: Snapshot, proposals: Sequence[Proposal], silence: str | None = None) -> list[dict[str, Any]]:
    """Every proposal judged by every actor (:func:`peacetalks.deals.assess`)."""
    return [assess(snapshot, p, silence=silence).to_dict() for p in proposals]


def verdicts(snapshot: Snapshot, proposals: Sequence[Proposal], silence: str | None = None) -> list[dict[str, Any]]:
    """Each proposal's verdicts without the per-issue detail: what the what-if editor shows,
    at a fraction of the size (and of the conversion time) of the full assessments."""
    found = []
    for proposal in proposals:
        result = assess(snapshot, proposal, silence=silence)
        found.append({
            "proposal": result.proposal, "name": result.name, "accepted": result.accepted,
            "nash_product": result.nash_product, "silence": result.silence,
            "verdicts": [{"actor": v.actor, "veto": v.veto, "utility": v.utility, "reservation": v.reservation,
                          "acceptable": v.acceptable, "margin": v.margin, "deal_breakers": list(v.deal_breakers)}
                         for v in result.verdicts],
        })
    return found


def analysis(case: Case, snapshot: Snapshot, models: Sequence[str], silence: str | None = None) -> dict[str, Any]:
    """Predictions and proposal verdicts of one snapshot: what the what-if editor shows."""
    return {
        "case": case.id, "version": case.content_hash, "as_of": snapshot.as_of.isoformat(),
        "predictions": predictions(case, snapshot, models),
        "assessments": verdicts(snapshot, case.proposals, silence),
    }
