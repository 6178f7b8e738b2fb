"""The REST API under /api: cases, positions, proposals, predictions and assessments.

Reads are open; every write needs the token (:func:`~peacetalks.web.security.require_token`)
and the ``version`` (content hash) of the case it was made from.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Path, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from peacetalks.case.types import Case, Id, Position, Proposal
from peacetalks.web import analysis
from peacetalks.web.edits import EditError, Edits, Package, apply_edits, package_proposal, revalidate, when
from peacetalks.web.library import Library
from peacetalks.web.security import require_token

router = APIRouter(prefix="/api")
Write = Depends(require_token)
Version = Annotated[str, Field(min_length=1, max_length=64, description="The content hash of the case "
                                                                        "this write starts from (from GET).")]
Silence = Literal["expectation", "status-quo"]
CaseId = Annotated[str, Path(max_length=200, description="A case id, as GET /api/cases lists them.",
                             examples=["russia-ukraine"])]
AsOf = Annotated[dt.date | None, Query(description="Analysis date, YYYY-MM-DD (default: the case's date).")]


def library(request: Request) -> Library:
    lib: Library = request.app.state.library
    return lib


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CaseEntry(Strict):
    id: str
    name: str
    origin: Literal["built-in", "stored"]
    version: str


class Saved(Strict):
    id: str
    version: str
    status: str


class NewPosition(Strict):
    version: Version
    position: dict[str, Any] = Field(description="A position as in a case file (actor, issue, as_of, position, "
                                                 "salience, capability, coded_by, sources, rationale…).")


class NewProposal(Strict):
    version: Version
    proposal: dict[str, Any] = Field(description="A proposal as in a case file; its sources must be in the case.")


class WhatIf(Edits):
    models: list[Annotated[str, Field(max_length=50)]] | None = Field(default=None, max_length=20)
    silence: Silence | None = None


class Variant(Strict):
    id: Id
    name: Annotated[str, Field(min_length=1, max_length=300)]
    edits: Edits = Field(default_factory=Edits)


class PackageQuery(Strict):
    package: Package
    as_of: dt.date | None = None
    silence: Silence | None = None
    edits: Edits = Field(default_factory=Edits)


def _validated(kind: type[Any], document: dict[str, Any], what: str) -> Any:
    try:
        return kind.model_validate(document)
    except ValidationError as exc:
        listed = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or what}: {e['msg']}" for e in exc.errors()[:10])
        raise EditError(f"invalid {what}: {listed}") from None


def _saved(result: Any) -> Saved:
    return Saved(id=result.case_id, version=result.content_hash, status=result.status)


# Cases --------------------------------------------------------------------------------------

@router.get("/models", summary="The bargaining models")
def models() -> list[dict[str, str]]:
    from peacetalks.models.base import available_models

    return [{"name": name, "summary": cls.summary} for name, cls in available_models().items()]


@router.get("/cases", summary="Built-in and stored cases")
def list_cases(request: Request) -> list[CaseEntry]:
    return [CaseEntry(id=e.id, name=e.name, origin=e.origin, version=e.version) for e in library(request).entries()]


@router.post("/cases", status_code=201, dependencies=[Write], summary="Store a new case")
def create_case(request: Request, document: Annotated[dict[str, Any], Body()]) -> Saved:
    case = _validated(Case, document, "case")
    return _saved(library(request).create(case))


@router.get("/cases/{case_id}", summary="One case, whole, with its version")
def get_case(request: Request, response: Response, case_id: CaseId) -> dict[str, Any]:
    case, origin = library(request).get(case_id)
    response.headers["ETag"] = f'"{case.content_hash}"'
    return {"id": case.id, "origin": origin, "version": case.content_hash, "case": case.model_dump(mode="json")}


@router.delete("/cases/{case_id}", status_code=204, dependencies=[Write], summary="Delete a stored case")
def delete_case(request: Request, case_id: CaseId,
                version: Annotated[str, Query(min_length=1, max_length=64)]) -> Response:
    library(request).delete(case_id, version)
    return Response(status_code=204)


# Positions ----------------------------------------------------------------------------------

@router.get("/cases/{case_id}/positions", summary="Positions in force as of a date, or their whole history")
def positions(request: Request, case_id: CaseId, as_of: AsOf = None,
              actor: Annotated[str | None, Query(max_length=200)] = None,
              issue: Annotated[str | None, Query(max_length=200)] = None,
              history: Annotated[bool, Query(description="Every position over time, not only those in force.")]
              = False) -> dict[str, Any]:
    case, _ = library(request).get(case_id)
    date = when(case, as_of)
    if history:
        found = [p for p in case.positions if p.as_of <= date]
    else:
        snapshot = case.snapshot(date)
        found = [rec for row in snapshot.records for rec in row if rec is not None]
    found = [p for p in found if (actor is None or p.actor == actor) and (issue is None or p.issue == issue)]
    found.sort(key=lambda p: (p.issue, p.actor, p.as_of))
    return {"case": case.id, "version": case.content_hash, "as_of": date.isoformat(),
            "positions": [p.model_dump(mode="json") for p in found]}


@router.post("/cases/{case_id}/positions", dependencies=[Write], summary="Record a position in a stored case")
def add_position(request: Request, case_id: CaseId, body: NewPosition) -> Saved:
    lib = library(request)
    case, _ = lib.get(case_id)
    new = _validated(Position, body.position, "position")
    kept = [p for p in case.positions if (p.actor, p.issue, p.as_of) != (new.actor, new.issue, new.as_of)]
    return _saved(lib.replace(revalidate(case, positions=(*kept, new)), body.version))


# Proposals ----------------------------------------------------------------------------------

@router.get("/cases/{case_id}/proposals", summary="The case's proposals")
def proposals(request: Request, case_id: CaseId) -> list[dict[str, Any]]:
    case, _ = library(request).get(case_id)
    return [p.model_dump(mode="json") for p in case.proposals]


@router.post("/cases/{case_id}/proposals", dependencies=[Write], summary="Add or replace a proposal")
def add_proposal(request: Request, case_id: CaseId, body: NewProposal) -> Saved:
    lib = library(request)
    case, _ = lib.get(case_id)
    new = _validated(Proposal, body.proposal, "proposal")
    kept = [p for p in case.proposals if p.id != new.id]
    return _saved(lib.replace(revalidate(case, proposals=(*kept, new)), body.version))


# Analysis -----------------------------------------------------------------------------------

@router.get("/cases/{case_id}/predictions", summary="Each model's predicted outcome per issue")
def predictions(request: Request, case_id: CaseId, as_of: AsOf = None,
                model: Annotated[list[str] | None, Query(max_length=20)] = None) -> dict[str, Any]:
    case, _ = library(request).get(case_id)
    snapshot = case.snapshot(when(case, as_of))
    return {"case": case.id, "version": case.content_hash, "as_of": snapshot.as_of.isoformat(),
            "predictions": analysis.predictions(case, snapshot, analysis.model_names(model))}


@router.get("/cases/{case_id}/assessments", summary="Every proposal judged by every actor")
def assessments(request: Request, case_id: CaseId, as_of: AsOf = None, silence: Silence | None = None,
                proposal: Annotated[str | None, Query(max_length=200)] = None) -> dict[str, Any]:
    case, _ = library(request).get(case_id)
    snapshot = case.snapshot(when(case, as_of))
    chosen = [p for p in case.proposals if proposal is None or p.id == proposal]
    if proposal is not None and not chosen:
        raise EditError(f"no proposal {proposal!r} in case {case.id!r}")
    return {"case": case.id, "version": case.content_hash, "as_of": snapshot.as_of.isoformat(),
            "assessments": analysis.assessments(snapshot, chosen, silence)}


@router.post("/cases/{case_id}/whatif", summary="Predictions and assessments with edits applied (nothing saved)")
def whatif(request: Request, case_id: CaseId, body: WhatIf) -> dict[str, Any]:
    case, _ = library(request).get(case_id)
    date = when(case, body.as_of)
    variant = apply_edits(case, body)
    result = analysis.analysis(variant, variant.snapshot(date), analysis.model_names(body.models), body.silence)
    result["base_version"] = case.content_hash
    return result


@router.post("/cases/{case_id}/variants", status_code=201, dependencies=[Write],
             summary="Save the case with edits applied as a new case")
def save_variant(request: Request, case_id: CaseId, body: Variant) -> Saved:
    lib = library(request)
    case, _ = lib.get(case_id)
    return _saved(lib.create(variant_case(case, body)))


def variant_case(case: Case, body: Variant) -> Case:
    edited = apply_edits(case, body.edits)
    count = len(body.edits.positions) + len(body.edits.reservations)
    note = f"Variant of {case.id!r} (version {case.content_hash[:12]}) with {count} what-if edit(s)."
    return revalidate(edited, id=body.id, name=body.name,
                      description=f"{note} {case.description}" if case.description else note)


@router.post("/cases/{case_id}/assess", summary="Each actor's utility and acceptability of a package")
def assess_package(request: Request, case_id: CaseId, body: PackageQuery) -> dict[str, Any]:
    case, _ = library(request).get(case_id)
    date = when(case, body.as_of)
    variant = apply_edits(case, body.edits)
    proposal = package_proposal(variant, body.package, date)
    (result,) = analysis.assessments(variant.snapshot(date), [proposal], body.silence)
    return {"case": case.id, "version": case.content_hash, "as_of": date.isoformat(), "assessment": result}


# Simulations --------------------------------------------------------------------------------

class NewSimulation(Strict):
    runs: Annotated[int, Field(ge=1, le=100_000)] = 5_000
    horizon: Annotated[int, Field(ge=1, le=120, description="Months to simulate.")] = 24
    seed: Annotated[int, Field(ge=0, le=2**31 - 1)] = 1
    as_of: dt.date | None = None
    parameters: dict[Annotated[str, Field(max_length=200)], Annotated[float, Field(allow_inf_nan=False)]] = Field(
        default_factory=dict, max_length=200, description="Scenario parameters fixed by id; the rest are drawn.")


def jobs(request: Request) -> Any:
    return request.app.state.jobs


def start_simulation(request: Request, case_id: str, body: NewSimulation) -> Any:
    limit = request.app.state.settings.max_runs
    if body.runs > limit:
        raise EditError(f"runs: {body.runs:,} is more than this server allows ({limit:,})")
    case, _ = library(request).get(case_id)
    return jobs(request).start(case, runs=body.runs, horizon=body.horizon, seed=body.seed,
                               as_of=when(case, body.as_of), overrides=body.parameters)


@router.post("/cases/{case_id}/simulations", status_code=202, dependencies=[Write],
             summary="Start a scenario simulation in the background")
def simulate(request: Request, response: Response, case_id: CaseId, body: NewSimulation) -> dict[str, Any]:
    job = start_simulation(request, case_id, body)
    response.headers["Location"] = f"/api/simulations/{job.id}"
    result: dict[str, Any] = job.to_dict()
    return result


@router.get("/cases/{case_id}/simulations", summary="The case's simulations: running jobs and recorded forecasts")
def simulations(request: Request, case_id: CaseId) -> dict[str, Any]:
    case, _ = library(request).get(case_id)
    recorded = [{"run": r.id, "created_at": r.created_at.isoformat(), "parameters": r.parameters, "seed": r.seed,
                 "case_hash": r.case_hash} for r in library(request).store.runs(case.id) if r.kind == "forecast"]
    return {"case": case.id, "jobs": [j.to_dict() for j in jobs(request).of_case(case.id)], "recorded": recorded}


@router.get("/simulations/{job_id}", summary="A simulation job's status and progress")
def simulation(request: Request, job_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    result: dict[str, Any] = jobs(request).get(job_id).to_dict()
    return result


@router.get("/runs/{run_id}", summary="A recorded analysis run (e.g. a finished forecast)")
def run(request: Request, run_id: Annotated[int, Path(ge=1, le=2**62)]) -> dict[str, Any]:
    record = recorded_run(request, run_id)
    return {"id": record.id, "case_id": record.case_id, "case_hash": record.case_hash, "kind": record.kind,
            "parameters": record.parameters, "seed": record.seed, "version": record.version,
            "created_at": record.created_at.isoformat(), "result": record.result}


def recorded_run(request: Request, run_id: int) -> Any:
    from peacetalks.errors import CaseNotFoundError

    for record in library(request).store.runs():
        if record.id == run_id:
            return record
    raise CaseNotFoundError(f"no run {run_id} in the store")


# Evidence review ----------------------------------------------------------------------------

class Decision(Strict):
    decision: Literal["accept", "reject"]
    version: Version
    position: Annotated[float, Field(allow_inf_nan=False)] | None = None
    salience: Annotated[float, Field(ge=0, le=100)] | None = None
    capability: Annotated[float, Field(ge=0, le=100)] | None = None
    note: Annotated[str, Field(max_length=2000)] | None = None


def update_dict(u: Any) -> dict[str, Any]:
    return {"id": u.id, "kind": u.kind, "as_of": u.as_of.isoformat(), "actor": u.actor, "issue": u.issue,
            "summary": u.summary, "status": u.status, "payload": u.payload, "document": u.document_id,
            "source_title": u.source_title, "source_url": u.source_url, "note": u.note,
            "decided_at": u.decided_at.isoformat() if u.decided_at else None}


@router.get("/cases/{case_id}/evidence", summary="Case updates proposed from ingested articles")
def evidence(request: Request, case_id: CaseId,
             status: Literal["pending", "accepted", "rejected", "all"] = "pending") -> dict[str, Any]:
    lib = library(request)
    case, origin = lib.get(case_id)
    found = lib.evidence(case.id, None if status == "all" else status) if origin == "stored" else []
    return {"case": case.id, "version": case.content_hash, "updates": [update_dict(u) for u in found]}


@router.post("/cases/{case_id}/evidence/{update_id}", dependencies=[Write],
             summary="Accept or reject a proposed update")
def decide(request: Request, case_id: CaseId, update_id: Annotated[int, Path(ge=1, le=2**62)],
           body: Decision) -> dict[str, Any]:
    lib = library(request)
    values = {"position": body.position, "salience": body.salience, "capability": body.capability}
    lib.review(case_id, update_id, body.decision, body.version, values=values, note=body.note)
    case, _ = lib.get(case_id)
    return {"id": update_id, "status": "accepted" if body.decision == "accept" else "rejected",
            "version": case.content_hash}
