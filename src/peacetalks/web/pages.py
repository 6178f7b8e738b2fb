"""The dashboard's pages, rendered on the server with Jinja2 (autoescaped: case and article
text is shown, never interpreted). Every page works without JavaScript; the what-if editor and
the proposal builder use a small bundled script to update as you type."""

from __future__ import annotations

import datetime as dt
import math
from functools import cache
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from peacetalks.case.types import Case
from peacetalks.report import charts
from peacetalks.web import analysis
from peacetalks.web.api import Variant, library, variant_case
from peacetalks.web.charts import Step, Track, history_chart
from peacetalks.web.edits import (
    EditError,
    Edits,
    Package,
    PositionEdit,
    ReservationEdit,
    apply_edits,
    package_proposal,
    when,
)
from peacetalks.web.security import check_token

router = APIRouter(include_in_schema=False)


@cache
def _environment() -> Environment:
    env = Environment(loader=PackageLoader("peacetalks.web", "templates"), autoescape=True)
    env.filters["num"] = _num
    return env


def _num(value: float | None, digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:.{digits}f}"


def render(template: str, code: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(_environment().get_template(template).render(**context), status_code=code)


def render_error(request: Request, status: int, message: str) -> HTMLResponse:
    return render("error.html", status, status=status, message=message, title=f"Error {status}")


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise EditError(f"as_of {value!r} is not a date: write it as YYYY-MM-DD") from None


# Overview and explorer ------------------------------------------------------------------------

@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    lib = library(request)
    rows = []
    for entry in lib.entries():
        case, _ = lib.get(entry.id)
        rows.append({"entry": entry, "case": case})
    return render("overview.html", title="peacetalks", rows=rows,
                  writes=request.app.state.settings.token is not None)


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def explorer(request: Request, case_id: str, as_of: str | None = None) -> HTMLResponse:
    case, origin = library(request).get(case_id)
    date = when(case, _date(as_of))
    snapshot = case.snapshot(date)
    predicted = analysis.predictions(case, snapshot, analysis.model_names())
    issues = []
    for k, issue in enumerate(case.issues):
        marks = []
        for a, actor_id in enumerate(snapshot.actors):
            rec = snapshot.records[a][k]
            if rec is None:
                continue
            actor = case.actor(actor_id)
            marks.append(charts.ActorMark(
                actor.name, actor.role.value, rec.position, rec.capability * rec.salience / 10_000,
                f"{actor.name} ({actor.role.value}): {issue.scale.label_for(rec.position)}; salience "
                f"{rec.salience:g}, capability {rec.capability:g}; since {rec.as_of}"))
        models = []
        for p in predicted:
            value = p["outcomes"][issue.id]["value"]
            models.append(charts.ModelMark(p["model"], math.nan if value is None else value, None, None,
                                           f"{p['model']}: {_num(value)} ({p['outcomes'][issue.id]['label']})"))
        chart = charts.issue_chart(f"{issue.name}: actors and predicted outcomes as of {date}",
                                   (issue.scale.min, issue.scale.max), [a.value for a in issue.scale.anchors],
                                   marks, models) if marks else ""
        issues.append({"issue": issue, "chart": Markup(chart), "held": len(marks)})
    return render("case.html", title=case.name, case=case, origin=origin, as_of=date, issues=issues,
                  predictions=predicted, snapshot=snapshot)


@router.get("/cases/{case_id}/issues/{issue_id}", response_class=HTMLResponse)
def issue_page(request: Request, case_id: str, issue_id: str) -> HTMLResponse:
    case, _ = library(request).get(case_id)
    if issue_id not in {i.id for i in case.issues}:
        raise EditError(f"no issue {issue_id!r} in case {case.id!r}")
    issue = case.issue(issue_id)
    held = [p for p in case.positions if p.issue == issue_id]
    tracks = []
    for actor in case.actors:
        mine = sorted((p for p in held if p.actor == actor.id), key=lambda p: p.as_of)
        if mine:
            tracks.append(Track(actor.name, tuple(
                Step(p.as_of, p.position, f"{actor.name}, {p.as_of}: {issue.scale.label_for(p.position)} "
                                          f"({p.position:g})") for p in mine)))
    chart = history_chart(f"{issue.name}: positions over time", (issue.scale.min, issue.scale.max),
                          [a.value for a in issue.scale.anchors], tracks, case.as_of) if tracks else ""
    rows = sorted(held, key=lambda p: (p.actor, p.as_of))
    return render("issue.html", title=f"{issue.name} — {case.name}", case=case, issue=issue, chart=Markup(chart),
                  rows=rows)


# What-if editor -------------------------------------------------------------------------------

def _whatif_rows(case: Case, date: dt.date) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    snapshot = case.snapshot(date)
    issues = []
    for k, issue in enumerate(case.issues):
        actors = []
        for a, actor_id in enumerate(snapshot.actors):
            rec = snapshot.records[a][k]
            if rec is not None:
                actors.append({"a": a, "actor": case.actor(actor_id), "record": rec})
        issues.append({"k": k, "issue": issue, "actors": actors})
    reservations = [{"a": a, "actor": case.actor(actor_id), "record": res}
                    for a, (actor_id, res) in enumerate(zip(snapshot.actors, snapshot.reservations, strict=False))
                    if res is not None]
    return issues, reservations


def _form_edits(case: Case, date: dt.date, form: Any) -> Edits:
    """The fields of the what-if form that differ from the case, as edits."""
    issues, reservations = _whatif_rows(case, date)
    positions: list[PositionEdit] = []
    for item in issues:
        for row in item["actors"]:
            changed: dict[str, float] = {}
            for field, name in (("position", "p"), ("salience", "s"), ("capability", "c")):
                value = _field(form, f"{name}-{row['a']}-{item['k']}", f"{row['actor'].name} on {item['issue'].name}")
                if value is not None and value != getattr(row["record"], field):
                    changed[field] = value
            if changed:
                positions.append(PositionEdit(actor=row["actor"].id, issue=item["issue"].id, **changed))
    changes = []
    for row in reservations:
        value = _field(form, f"r-{row['a']}", f"reservation of {row['actor'].name}")
        if value is not None and value != row["record"].value:
            changes.append(ReservationEdit(actor=row["actor"].id, value=value))
    return Edits(as_of=date, positions=positions, reservations=changes)


def _field(form: Any, name: str, what: str) -> float | None:
    raw = form.get(name)
    if raw is None or str(raw).strip() == "":
        return None
    try:
        value = float(str(raw))
    except ValueError:
        raise EditError(f"{what}: {str(raw)[:40]!r} is not a number") from None
    if not math.isfinite(value):
        raise EditError(f"{what}: give a finite number")
    return value


def _whatif_page(request: Request, case: Case, date: dt.date, edits: Edits) -> HTMLResponse:
    issues, reservations = _whatif_rows(case, date)
    models = analysis.model_names()
    base = analysis.analysis(case, case.snapshot(date), models)
    variant = apply_edits(case, edits)
    result = analysis.analysis(variant, variant.snapshot(date), models) if not edits.is_empty() else base
    edited = {(e.actor, e.issue): e for e in edits.positions}
    edited_res = {e.actor: e.value for e in edits.reservations}
    return render("whatif.html", title=f"What if — {case.name}", case=case, as_of=date, issues=issues,
                  reservations=reservations, base=base, result=result, edited=edited, edited_res=edited_res,
                  count=len(edits.positions) + len(edits.reservations),
                  writes=request.app.state.settings.token is not None)


@router.get("/cases/{case_id}/whatif", response_class=HTMLResponse)
def whatif(request: Request, case_id: str, as_of: str | None = None) -> HTMLResponse:
    case, _ = library(request).get(case_id)
    return _whatif_page(request, case, when(case, _date(as_of)), Edits())


# The form handlers read the form on the event loop, then do the work in a worker thread (as
# FastAPI does for plain functions), so one analysis never holds up the other requests.

@router.post("/cases/{case_id}/whatif", response_class=HTMLResponse)
async def whatif_update(request: Request, case_id: str) -> HTMLResponse:
    form = await request.form()
    return await run_in_threadpool(_whatif_update, request, case_id, form)


def _whatif_update(request: Request, case_id: str, form: Any) -> HTMLResponse:
    case, _ = library(request).get(case_id)
    date = when(case, _date(str(form.get("as_of") or "")))
    return _whatif_page(request, case, date, _form_edits(case, date, form))


@router.post("/cases/{case_id}/whatif/save")
async def whatif_save(request: Request, case_id: str) -> Response:
    form = await request.form()
    return await run_in_threadpool(_whatif_save, request, case_id, form)


def _whatif_save(request: Request, case_id: str, form: Any) -> Response:
    check_token(request.app.state.settings.token, str(form.get("token") or ""))
    lib = library(request)
    case, _ = lib.get(case_id)
    date = when(case, _date(str(form.get("as_of") or "")))
    try:
        body = Variant(id=str(form.get("new_id") or "").strip(), name=str(form.get("new_name") or "").strip(),
                       edits=_form_edits(case, date, form))
    except ValueError as exc:
        raise EditError(f"the new case needs an id (no spaces at the ends) and a name: {exc}") from None
    saved = lib.create(variant_case(case, body))
    return RedirectResponse(f"/cases/{quote(saved.case_id, safe='')}", status_code=303)


# Proposal builder -----------------------------------------------------------------------------

@router.get("/cases/{case_id}/builder", response_class=HTMLResponse)
def builder(request: Request, case_id: str) -> HTMLResponse:
    case, _ = library(request).get(case_id)
    query = request.query_params
    date = when(case, _date(query.get("as_of")))
    start = query.get("from")
    if start and start not in {p.id for p in case.proposals}:
        raise EditError(f"no proposal {start!r} in case {case.id!r}")
    chosen: dict[str, float] = {}
    for k, issue in enumerate(case.issues):
        value = _field(query, f"v-{k}", issue.name)
        if f"v-{k}" not in query and start:
            stance = case.proposal(start).positions.get(issue.id)
            value = stance.position if stance else None
        if value is not None:
            chosen[issue.id] = value
    silence = query.get("silence") or None
    if silence not in (None, "expectation", "status-quo"):
        raise EditError(f"silence {silence!r}: choose 'expectation' or 'status-quo'")
    name = (query.get("name") or "").strip()[:200] or "Package built in the dashboard"
    proposal = package_proposal(case, Package(positions=chosen, name=name), date)
    (result,) = analysis.assessments(case.snapshot(date), [proposal], silence)
    options = []
    for k, issue in enumerate(case.issues):
        values = [(a.value, a.label) for a in issue.scale.anchors]
        current = chosen.get(issue.id)
        if current is not None and current not in {v for v, _ in values}:
            values.append((current, issue.scale.label_for(current)))
        options.append({"k": k, "issue": issue, "choices": sorted(values), "current": current})
    return render("builder.html", title=f"Proposal builder — {case.name}", case=case, as_of=date, options=options,
                  result=result, start=start, silence=silence, name=name,
                  actors={a.id: a for a in case.actors}, issue_names={i.id: i.name for i in case.issues})


# API index ------------------------------------------------------------------------------------

@router.get("/api-docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    from fastapi.routing import APIRoute

    from peacetalks.web import api
    from peacetalks.web.security import require_token

    routes = [{"method": method, "path": route.path, "summary": route.summary or "",
               "write": any(d.call is require_token for d in route.dependant.dependencies)}
              for route in api.router.routes if isinstance(route, APIRoute) for method in sorted(route.methods or ())]
    return render("api.html", title="API — peacetalks", routes=routes, description=request.app.description)


# Scenario runner ------------------------------------------------------------------------------

@router.get("/cases/{case_id}/scenarios", response_class=HTMLResponse)
def scenarios(request: Request, case_id: str) -> HTMLResponse:
    from peacetalks.web.api import simulations

    case, _ = library(request).get(case_id)
    listed = simulations(request, case_id)
    return render("scenarios.html", title=f"Scenarios — {case.name}", case=case, jobs=listed["jobs"],
                  recorded=listed["recorded"], writes=request.app.state.settings.token is not None)


@router.post("/cases/{case_id}/scenarios")
async def scenarios_start(request: Request, case_id: str) -> Response:
    form = await request.form()
    return await run_in_threadpool(_scenarios_start, request, case_id, form)


def _scenarios_start(request: Request, case_id: str, form: Any) -> Response:
    from pydantic import ValidationError

    from peacetalks.web.api import NewSimulation, start_simulation

    check_token(request.app.state.settings.token, str(form.get("token") or ""))
    try:
        body = NewSimulation(runs=str(form.get("runs") or 5000), horizon=str(form.get("horizon") or 24),
                             seed=str(form.get("seed") or 1), as_of=str(form.get("as_of") or "") or None)
    except ValidationError as exc:
        listed = "; ".join(f"{e['loc'][0]}: {e['msg']}" for e in exc.errors())
        raise EditError(f"the simulation settings are not valid: {listed}") from None
    job = start_simulation(request, case_id, body)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(request: Request, job_id: str) -> Response:
    job = request.app.state.jobs.get(job_id)
    if job.status == "done":
        return RedirectResponse(f"/runs/{job.run_id}", status_code=303)
    case, _ = library(request).get(job.case_id)
    return render("job.html", title=f"Simulation {job.id}", case=case, job=job,
                  share=job.done / job.runs if job.runs else 0.0)


@router.get("/runs/{run_id}", response_class=HTMLResponse)
def run_page(request: Request, run_id: int) -> HTMLResponse:
    from peacetalks.web.api import recorded_run
    from peacetalks.web.charts import probability_chart

    record = recorded_run(request, run_id)
    if record.kind != "forecast":
        raise EditError(f"run {run_id} is a {record.kind!r} run; this page shows forecasts")
    case, _ = library(request).get(record.case_id)
    result = record.result
    bands = {o: [(lo, hi) for lo, hi in spans] for o, spans in result["interval"].items()}
    chart = probability_chart(f"Outcome probabilities by month from {result['as_of']}", result["months"],
                              result["probability"], bands)
    return render("run.html", title=f"Forecast {run_id} — {case.name}", case=case, record=record, result=result,
                  chart=Markup(chart), stale=record.case_hash != case.content_hash)


# Evidence review ------------------------------------------------------------------------------

@router.get("/cases/{case_id}/evidence", response_class=HTMLResponse)
def evidence_page(request: Request, case_id: str, status: str = "pending") -> HTMLResponse:
    from peacetalks.web.api import evidence

    if status not in ("pending", "accepted", "rejected", "all"):
        raise EditError(f"status {status!r}: choose pending, accepted, rejected or all")
    case, origin = library(request).get(case_id)
    listed = evidence(request, case_id, status)  # type: ignore[arg-type]
    return render("evidence.html", title=f"Evidence review — {case.name}", case=case, origin=origin,
                  updates=listed["updates"], status=status, writes=request.app.state.settings.token is not None)


@router.post("/cases/{case_id}/evidence/{update_id}")
async def evidence_decide(request: Request, case_id: str, update_id: int) -> Response:
    form = await request.form()
    return await run_in_threadpool(_evidence_decide, request, case_id, update_id, form)


def _evidence_decide(request: Request, case_id: str, update_id: int, form: Any) -> Response:
    check_token(request.app.state.settings.token, str(form.get("token") or ""))
    decision = str(form.get("decision") or "")
    if decision not in ("accept", "reject"):
        raise EditError("choose accept or reject")
    values = {name: _field(form, name, name) for name in ("position", "salience", "capability")}
    note = str(form.get("note") or "").strip()[:2000] or None
    library(request).review(case_id, update_id, decision, str(form.get("version") or ""),  # type: ignore[arg-type]
                            values=values, note=note)
    return RedirectResponse(f"/cases/{quote(case_id, safe='')}/evidence", status_code=303)
