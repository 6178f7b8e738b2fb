"""The REST API and the pages through FastAPI's TestClient, on a fresh store (SQLite, and the
store-backed tests also on PostgreSQL): reads, token-guarded writes, validation with clear 4xx,
body limits, escaping of hostile case text and versioned writes that never lose an update."""

from __future__ import annotations

import html
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="web tests skipped: the [web] extra is not installed")
from fastapi.testclient import TestClient

from peacetalks import load_case
from peacetalks.deals import assess
from peacetalks.web import Settings, create_app
from peacetalks.web.edits import Package, package_proposal
from test_report import HOSTILE_NAME, HOSTILE_TITLE, hostile_case

TOKEN = "test-token-123"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
CASE = "russia-ukraine"


def make_client(url: str, **settings: Any) -> TestClient:
    return TestClient(create_app(Settings(db=url, token=TOKEN, warm_up=False, **settings)))


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with make_client(f"sqlite:///{tmp_path / 'web.db'}") as c:
        yield c


def variant(client: TestClient, new_id: str, edits: dict[str, Any] | None = None) -> str:
    """Store a copy of the built-in case under ``new_id``; returns its version."""
    answer = client.post(f"/api/cases/{CASE}/variants", headers=AUTH,
                         json={"id": new_id, "name": f"Variant {new_id}", "edits": edits or {}})
    assert answer.status_code == 201, answer.text
    version: str = answer.json()["version"]
    return version


def outcomes(result: dict[str, Any], model: str) -> dict[str, float | None]:
    found = next(p for p in result["predictions"] if p["model"] == model)
    return {issue: o["value"] for issue, o in found["outcomes"].items()}


# Pages ----------------------------------------------------------------------------------------

def test_every_page_renders_the_case(client: TestClient) -> None:
    case = load_case(CASE)
    home = client.get("/")
    assert home.status_code == 200 and case.name in home.text
    explorer = client.get(f"/cases/{CASE}")
    assert explorer.status_code == 200
    assert explorer.text.count('<figure class="chart"') == len(case.issues)
    for actor in case.actors:
        assert html.escape(actor.name) in explorer.text
    shown = html.unescape(explorer.text)
    assert all(s.title in shown for s in case.sources)
    issue = case.issues[0]
    page = client.get(f"/cases/{CASE}/issues/{issue.id}")
    assert page.status_code == 200 and 'data-chart="history"' in page.text
    assert page.text.count("<tr data-actor=") == sum(p.issue == issue.id for p in case.positions)
    assert client.get(f"/cases/{CASE}/whatif").status_code == 200
    assert client.get(f"/cases/{CASE}/builder?from={case.proposals[0].id}").status_code == 200
    assert "/api/cases/{case_id}/whatif" in client.get("/api-docs").text
    for name in ("whatif.js", "builder.js", "style.css"):
        assert client.get(f"/static/{name}").status_code == 200


def test_pages_load_nothing_from_elsewhere_and_forbid_inline_script(client: TestClient) -> None:
    for url in ("/", f"/cases/{CASE}", f"/cases/{CASE}/whatif", f"/cases/{CASE}/builder", "/api-docs"):
        page = client.get(url)
        policy = page.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "default-src 'self'" in policy
        assert not re.search(r"""(src|href)=["']https?://""", page.text.replace('rel="noopener', "")
                             .split('<section id="sources">')[0]), url
        assert "<script>" not in page.text  # only <script src="/static/…">


def test_unknown_case_is_a_404_page_and_a_404_json(client: TestClient) -> None:
    page = client.get("/cases/no-such-case")
    text = html.unescape(page.text)
    assert page.status_code == 404 and "no case 'no-such-case'" in text and "russia-ukraine" in text
    answer = client.get("/api/cases/no-such-case")
    assert answer.status_code == 404 and "no case 'no-such-case'" in answer.json()["detail"]


def test_hostile_text_is_escaped_everywhere(client: TestClient) -> None:
    hostile = hostile_case().model_dump(mode="json")
    created = client.post("/api/cases", headers=AUTH, json=hostile)
    assert created.status_code == 201, created.text
    case_id = hostile["id"]
    issue = hostile["issues"][0]["id"]
    for url in ("/", f"/cases/{case_id}", f"/cases/{case_id}/issues/{issue}", f"/cases/{case_id}/whatif",
                f"/cases/{case_id}/builder"):
        page = client.get(url)
        assert page.status_code == 200, (url, page.text[:500])
        assert "<script>window.pwned" not in page.text and "<img src=x" not in page.text, url
        assert 'onmouseover="alert' not in page.text
    explorer = client.get(f"/cases/{case_id}").text
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;North" in explorer
    assert "&lt;img src=x onerror=" in explorer
    assert client.get(f"/api/cases/{case_id}").json()["case"]["actors"][0]["name"] == HOSTILE_NAME
    assert client.get(f"/api/cases/{case_id}").json()["case"]["sources"][0]["title"] == HOSTILE_TITLE


# Writes: token, validation, limits -----------------------------------------------------------

def test_every_write_needs_the_token(client: TestClient, tmp_path: Path) -> None:
    body = {"id": "copy", "name": "Copy", "edits": {}}
    missing = client.post(f"/api/cases/{CASE}/variants", json=body)
    assert missing.status_code == 401 and "token" in missing.json()["detail"]
    wrong = client.post(f"/api/cases/{CASE}/variants", json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert client.post("/api/cases", json={}).status_code == 401
    assert client.post(f"/api/cases/{CASE}/positions", json={"version": "x", "position": {}}).status_code == 401
    assert client.delete(f"/api/cases/{CASE}", params={"version": "x"}).status_code == 401
    page = client.post(f"/cases/{CASE}/whatif/save", data={"new_id": "copy", "new_name": "Copy"})
    assert page.status_code == 401 and "token" in html.unescape(page.text)
    assert client.get("/api/cases/copy").status_code == 404, "nothing was written"
    with TestClient(create_app(Settings(db=f"sqlite:///{tmp_path / 'ro.db'}", token=None, warm_up=False))) as ro:
        refused = ro.post(f"/api/cases/{CASE}/variants", json=body, headers=AUTH)
        assert refused.status_code == 403 and "--token" in refused.json()["detail"]
    # The same token in the other accepted header works.
    assert client.post(f"/api/cases/{CASE}/variants", json=body,
                       headers={"X-Peacetalks-Token": TOKEN}).status_code == 201


def test_bad_bodies_get_clear_4xx(client: TestClient) -> None:
    version = variant(client, "mine")
    too_salient = client.post("/api/cases/mine/positions", headers=AUTH, json={"version": version, "position": {
        "actor": "russia", "issue": "territory-crimea", "as_of": "2026-01-01", "position": 90, "salience": 150,
        "capability": 80, "coded_by": "analyst", "rationale": "test"}})
    assert too_salient.status_code == 422
    assert "salience" in too_salient.json()["detail"] and "100" in too_salient.json()["detail"]
    unknown = client.post(f"/api/cases/{CASE}/whatif", json={"positions": [{"actor": "atlantis",
                                                                              "issue": "territory-crimea",
                                                                              "salience": 10}]})
    assert unknown.status_code == 422 and "atlantis" in unknown.json()["detail"]
    off_scale = client.post(f"/api/cases/{CASE}/assess", json={"package": {"positions": {"territory-crimea": 900}}})
    assert off_scale.status_code == 422 and "outside its scale" in off_scale.json()["detail"]
    not_json = client.post(f"/api/cases/{CASE}/whatif", content=b"{nope", headers={"Content-Type": "application/json"})
    assert not_json.status_code == 422
    extra = client.post(f"/api/cases/{CASE}/whatif", json={"positions": [], "surprise": 1})
    assert extra.status_code == 422 and "surprise" in extra.text
    late = client.post(f"/api/cases/{CASE}/whatif", json={"as_of": "2099-01-01"})
    assert late.status_code == 422 and "after the case's date" in late.json()["detail"]
    bad_case = client.post("/api/cases", headers=AUTH, json={"id": "x", "name": "X", "as_of": "2024-01-01",
                                                             "positions": [{"actor": "ghost"}]})
    assert bad_case.status_code == 422 and "invalid case" in bad_case.json()["detail"]
    page = client.post(f"/cases/{CASE}/whatif", data={"s-0-0": "lots"})
    assert page.status_code == 422 and "is not a number" in html.unescape(page.text)


def test_request_bodies_are_size_limited(tmp_path: Path) -> None:
    with make_client(f"sqlite:///{tmp_path / 'small.db'}", max_body=4096) as small:
        big = {"positions": [{"actor": "russia", "issue": "territory-crimea", "salience": 1}] * 200}
        announced = small.post(f"/api/cases/{CASE}/whatif", json=big)
        assert announced.status_code == 413 and "4,096 bytes" in announced.json()["detail"]

        def chunks() -> Iterator[bytes]:  # no Content-Length: the limit must count what arrives
            yield b'{"positions": ['
            for _ in range(400):
                yield b'{"actor": "russia", "issue": "territory-crimea", "salience": 1},'
            yield b"]}"

        streamed = small.post(f"/api/cases/{CASE}/whatif", content=chunks(),
                              headers={"Content-Type": "application/json"})
        assert streamed.status_code == 413
        assert small.post(f"/api/cases/{CASE}/whatif", json={"positions": []}).status_code == 200


def test_built_in_cases_are_read_only(client: TestClient) -> None:
    version = client.get(f"/api/cases/{CASE}").json()["version"]
    refused = client.post(f"/api/cases/{CASE}/positions", headers=AUTH, json={"version": version, "position": {
        "actor": "russia", "issue": "territory-crimea", "as_of": "2026-01-01", "position": 90, "salience": 50,
        "capability": 80, "coded_by": "analyst", "rationale": "test"}})
    assert refused.status_code == 403 and "variant" in refused.json()["detail"]
    taken = client.post(f"/api/cases/{CASE}/variants", headers=AUTH, json={"id": CASE, "name": "again"})
    assert taken.status_code == 409 and "already exists" in taken.json()["detail"]


# Analysis -------------------------------------------------------------------------------------

def test_whatif_changes_predictions_and_a_saved_variant_predicts_the_same(client: TestClient) -> None:
    base = client.get(f"/api/cases/{CASE}/predictions").json()
    edits = {"positions": [{"actor": "russia", "issue": "territory-donetsk", "salience": 5, "position": 0}],
             "reservations": [{"actor": "ukraine", "value": 0.05}]}
    changed = client.post(f"/api/cases/{CASE}/whatif", json=edits)
    assert changed.status_code == 200
    result = changed.json()
    assert result["base_version"] == base["version"] != result["version"]
    assert outcomes(result, "compromise")["territory-donetsk"] != outcomes(base, "compromise")["territory-donetsk"]
    assert outcomes(result, "compromise")["territory-crimea"] == outcomes(base, "compromise")["territory-crimea"]
    verdicts = {a["proposal"]: next(v for v in a["verdicts"] if v["actor"] == "ukraine")
                for a in result["assessments"]}
    assert all(v["reservation"] == 0.05 for v in verdicts.values())
    variant(client, "what-if-1", edits)
    saved = client.get("/api/cases/what-if-1/predictions").json()
    assert saved["predictions"] == result["predictions"]
    stored = client.get("/api/cases/what-if-1").json()["case"]
    edited = [p for p in stored["positions"] if p["actor"] == "russia" and p["issue"] == "territory-donetsk"
              and p["as_of"] == stored["as_of"]]
    assert edited and edited[0]["coded_by"] == "analyst" and "salience" in edited[0]["rationale"]
    assert "Variant of 'russia-ukraine'" in stored["description"]


def test_whatif_form_without_javascript_shows_the_changed_prediction(client: TestClient) -> None:
    page = client.get(f"/cases/{CASE}/whatif").text
    field = re.search(r'name="(s-\d+-\d+)" value="([\d.]+)"\s+data-actor="russia" data-issue="territory-donetsk"',
                      page)
    assert field is not None
    answer = client.post(f"/cases/{CASE}/whatif", data={"as_of": "", field.group(1): "1"})
    assert answer.status_code == 200 and "1 edit(s) applied" in answer.text
    assert 'class="pred changed" data-model="compromise" data-issue="territory-donetsk"' in answer.text
    saved = client.post(f"/cases/{CASE}/whatif/save", follow_redirects=False,
                        data={field.group(1): "1", "new_id": "form-variant", "new_name": "From the form",
                              "token": TOKEN})
    assert saved.status_code == 303 and saved.headers["location"] == "/cases/form-variant"
    assert client.get("/cases/form-variant").status_code == 200


def test_package_assessment_is_the_deals_assessment(client: TestClient) -> None:
    case = load_case(CASE)
    package = {"territory-crimea": 50.0, "nato-neutrality": 100.0}
    answer = client.post(f"/api/cases/{CASE}/assess", json={"package": {"positions": package}})
    assert answer.status_code == 200
    got = answer.json()["assessment"]
    expected = assess(case.snapshot(), package_proposal(case, Package(positions=package), case.as_of)).to_dict()
    assert {v["actor"]: v["utility"] for v in got["verdicts"]} == {v["actor"]: v["utility"]
                                                                   for v in expected["verdicts"]}
    assert got["package"]["territory-crimea"] == 50.0 and "territory-crimea" not in got["silent"]
    page = client.get(f"/cases/{CASE}/builder", params={"v-0": "50", "name": "Half"})
    assert page.status_code == 200 and "<h2>Half</h2>" in page.text
    assert page.text.count('<tr data-actor="') == len(got["verdicts"])


# Versioned, store-backed writes ---------------------------------------------------------------

def new_position(actor: str, issue: str, position: float, as_of: str = "2026-03-01") -> dict[str, Any]:
    return {"actor": actor, "issue": issue, "as_of": as_of, "position": position, "salience": 60,
            "capability": 70, "coded_by": "analyst", "rationale": "test edit"}


def test_stale_writes_get_409_and_no_update_is_lost(store_url: str) -> None:
    with make_client(store_url) as one, make_client(store_url) as two:  # two servers, one store
        start = variant(one, "shared")
        assert two.get("/api/cases/shared").json()["version"] == start
        first = one.post("/api/cases/shared/positions", headers=AUTH,
                         json={"version": start, "position": new_position("russia", "territory-crimea", 10)})
        assert first.status_code == 200, first.text
        stale = two.post("/api/cases/shared/positions", headers=AUTH,
                         json={"version": start, "position": new_position("ukraine", "territory-crimea", 20)})
        assert stale.status_code == 409 and "reload" in stale.json()["detail"]
        fresh = two.get("/api/cases/shared").json()["version"]
        assert fresh == first.json()["version"]
        retried = two.post("/api/cases/shared/positions", headers=AUTH,
                           json={"version": fresh, "position": new_position("ukraine", "territory-crimea", 20)})
        assert retried.status_code == 200
        held = one.get("/api/cases/shared/positions", params={"issue": "territory-crimea", "history": True}).json()
        mine = {(p["actor"], p["position"]) for p in held["positions"] if p["as_of"] == "2026-03-01"}
        assert mine == {("russia", 10.0), ("ukraine", 20.0)}
        gone = one.delete("/api/cases/shared", params={"version": start}, headers=AUTH)
        assert gone.status_code == 409


def test_concurrent_editors_never_lose_an_update(store_url: str) -> None:
    """Six editors at once, each retrying on 409. On PostgreSQL they talk to two servers sharing
    the store; a SQLite store is for one server (two would see "database is locked"), so there
    they share one server."""
    issues = [i.id for i in load_case(CASE).issues][:6]
    with make_client(store_url) as one, make_client(store_url) as other:
        two = other if store_url.startswith("postgresql") else one
        variant(one, "busy")
        conflicts = []

        def editor(client: TestClient, issue: str) -> None:
            for _ in range(30):
                version = client.get("/api/cases/busy").json()["version"]
                answer = client.post("/api/cases/busy/positions", headers=AUTH, json={
                    "version": version, "position": new_position("turkey", issue, 33)})
                if answer.status_code == 200:
                    return
                assert answer.status_code == 409, answer.text
                conflicts.append(issue)
            raise AssertionError(f"{issue}: no write got through")

        threads = [threading.Thread(target=editor, args=(one if k % 2 else two, issue))
                   for k, issue in enumerate(issues)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        stored = one.get("/api/cases/busy/positions", params={"actor": "turkey", "history": True}).json()
        written = {p["issue"] for p in stored["positions"] if p["as_of"] == "2026-03-01" and p["position"] == 33}
        assert written == set(issues), f"lost updates; {len(conflicts)} conflicts were retried"


def test_proposals_can_be_added_to_a_stored_case(store_url: str) -> None:
    with make_client(store_url) as client:
        version = variant(client, "with-plan")
        case = load_case(CASE)
        plan = {"id": "dashboard-plan", "name": "Plan from the builder", "date": "2026-03-01", "status": "draft",
                "sources": [case.sources[0].id], "positions": {"territory-crimea": {"position": 50}}}
        added = client.post("/api/cases/with-plan/proposals", headers=AUTH, json={"version": version,
                                                                                   "proposal": plan})
        assert added.status_code == 200, added.text
        ids = [p["id"] for p in client.get("/api/cases/with-plan/proposals").json()]
        assert ids[-1] == "dashboard-plan" and len(ids) == len(case.proposals) + 1
        judged = client.get("/api/cases/with-plan/assessments", params={"proposal": "dashboard-plan"}).json()
        assert judged["assessments"][0]["package"]["territory-crimea"] == 50
        unsourced = client.post("/api/cases/with-plan/proposals", headers=AUTH, json={
            "version": added.json()["version"], "proposal": {**plan, "sources": ["no-such-source"]}})
        assert unsourced.status_code == 422 and "no-such-source" in unsourced.json()["detail"]


# Simulations ----------------------------------------------------------------------------------

def wait_for(client: TestClient, job: str) -> dict[str, Any]:
    for _ in range(240):
        status: dict[str, Any] = client.get(f"/api/simulations/{job}").json()
        if status["status"] in ("done", "failed"):
            return status
        time.sleep(0.25)
    raise AssertionError(f"simulation {job} did not finish: {status}")


def test_a_simulation_runs_in_the_background_and_is_recorded(store_url: str) -> None:
    from peacetalks.scenarios import simulate

    with make_client(store_url) as client:
        refused = client.post(f"/api/cases/{CASE}/simulations", json={"runs": 200, "horizon": 6})
        assert refused.status_code == 401
        started = client.post(f"/api/cases/{CASE}/simulations", headers=AUTH,
                              json={"runs": 1500, "horizon": 6, "seed": 7})
        assert started.status_code == 202 and started.headers["location"].startswith("/api/simulations/")
        status = wait_for(client, started.json()["id"])
        assert status["status"] == "done" and status["done"] == 1500, status
        recorded = client.get(f"/api/runs/{status['run_id']}").json()
        assert recorded["kind"] == "forecast" and recorded["seed"] == 7
        expected = simulate(load_case(CASE), runs=1500, horizon=6, seed=7).to_dict()
        assert recorded["result"]["probability"] == json_round_trip(expected["probability"])
        listed = client.get(f"/api/cases/{CASE}/simulations").json()
        assert [r["run"] for r in listed["recorded"]] == [status["run_id"]]
        page = client.get(f"/jobs/{status['id']}", follow_redirects=False)
        assert page.status_code == 303 and page.headers["location"] == f"/runs/{status['run_id']}"
        result = client.get(f"/runs/{status['run_id']}")
        assert result.status_code == 200 and 'data-chart="outcomes"' in result.text
        assert result.text.count('<tr data-month="') == 6
    # A new server on the same store still shows the recorded forecast.
    with make_client(store_url) as again:
        assert again.get(f"/runs/{status['run_id']}").status_code == 200
        assert again.get(f"/api/simulations/{status['id']}").status_code == 404


def test_bad_simulation_settings_get_4xx(client: TestClient) -> None:
    too_many = client.post(f"/api/cases/{CASE}/simulations", headers=AUTH, json={"runs": 10**7})
    assert too_many.status_code == 422 and "runs" in too_many.text
    unknown = client.post(f"/api/cases/{CASE}/simulations", headers=AUTH, json={"parameters": {"no-such": 1}})
    assert unknown.status_code == 422 and "no-such" in unknown.json()["detail"]
    page = client.post(f"/cases/{CASE}/scenarios", data={"runs": "many", "token": TOKEN})
    assert page.status_code == 422 and "runs" in page.text


def test_the_server_bounds_the_runs_of_a_simulation(tmp_path: Path) -> None:
    with make_client(f"sqlite:///{tmp_path / 'small.db'}", max_runs=100) as small:
        refused = small.post(f"/api/cases/{CASE}/simulations", headers=AUTH, json={"runs": 101})
        assert refused.status_code == 422 and "more than this server allows (100)" in refused.json()["detail"]


def json_round_trip(value: Any) -> Any:
    import json

    return json.loads(json.dumps(value))


# Evidence review ------------------------------------------------------------------------------

HOSTILE_ARTICLE = ("<html><head><title>&lt;script&gt;window.pwned=3&lt;/script&gt;Talks</title></head><body><article>"
                   "<p>Russia demands that Ukraine leave Donetsk, the Kremlin said.</p>"
                   "<p>Russia and Ukraine exchanged 157 prisoners of war on 9 March 2026.</p></article></body></html>")


def ingest_articles(url: str, folder: Path) -> None:
    """Articles through `peacetalks ingest`, as a user adds them: pending updates in the store."""
    from typer.testing import CliRunner

    from peacetalks.cli import app

    folder.mkdir()
    (folder / "hostile.html").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    (folder / "wire.txt").write_text("The Kremlin insists on Ukraine's neutrality, officials said.\n", encoding="utf-8")
    for args in (["db", "init", "--db", url], ["ingest", str(folder), "--case", CASE, "--db", url]):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output


def test_evidence_is_reviewed_from_the_queue(store_url: str, tmp_path: Path) -> None:
    ingest_articles(store_url, tmp_path / "articles")
    with make_client(store_url) as client:
        queue = client.get(f"/api/cases/{CASE}/evidence").json()
        updates = {u["kind"]: u for u in reversed(queue["updates"])}
        assert {"position", "event"} <= set(updates)
        page = client.get(f"/cases/{CASE}/evidence")
        assert page.status_code == 200 and page.text.count("<article class=\"update\"") == len(queue["updates"])
        assert "<script>window.pwned" not in page.text and "&lt;script&gt;window.pwned=3" in page.text
        event, position = updates["event"], updates["position"]
        body = {"decision": "accept", "version": queue["version"]}
        assert client.post(f"/api/cases/{CASE}/evidence/{event['id']}", json=body).status_code == 401
        accepted = client.post(f"/api/cases/{CASE}/evidence/{event['id']}", headers=AUTH, json=body)
        assert accepted.status_code == 200, accepted.text
        case = client.get(f"/api/cases/{CASE}").json()["case"]
        added = next(e for e in case["events"] if e["id"] == event["payload"]["event"]["id"])
        source = next(s for s in case["sources"] if s["id"] == added["sources"][0])
        assert source["title"].startswith("<script>window.pwned=3")
        stale = client.post(f"/api/cases/{CASE}/evidence/{position['id']}", headers=AUTH,
                            json={"decision": "reject", "version": queue["version"]})
        assert stale.status_code == 409
        again = client.post(f"/api/cases/{CASE}/evidence/{event['id']}", headers=AUTH,
                            json={"decision": "accept", "version": accepted.json()["version"]})
        assert again.status_code == 409 and "already accepted" in again.json()["detail"]
        rejected = client.post(f"/api/cases/{CASE}/evidence/{position['id']}", headers=AUTH,
                               json={"decision": "reject", "version": accepted.json()["version"], "note": "old news"})
        assert rejected.status_code == 200
        assert rejected.json()["version"] == accepted.json()["version"], "a rejection leaves the case as it was"
        decided = client.get(f"/api/cases/{CASE}/evidence", params={"status": "all"}).json()["updates"]
        assert {u["id"]: u["status"] for u in decided}[position["id"]] == "rejected"
        assert client.get(f"/cases/{CASE}/evidence?status=all").status_code == 200


def test_a_salience_update_is_reviewed_with_its_value_in_the_form(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from peacetalks.cli import app

    url = f"sqlite:///{tmp_path / 'web.db'}"
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "red-line.txt").write_text("Zelensky said Crimea is a red line for Ukraine.\n",
                                                   encoding="utf-8")
    for args in (["db", "init", "--db", url], ["ingest", str(tmp_path / "news"), "--case", CASE, "--db", url]):
        assert CliRunner().invoke(app, args).exit_code == 0
    with make_client(url) as client:
        queue = client.get(f"/api/cases/{CASE}/evidence").json()
        [update] = [u for u in queue["updates"] if u["kind"] == "salience"]
        proposed = update["payload"]["proposed"]["salience"]
        page = client.get(f"/cases/{CASE}/evidence").text
        form = page[page.index(f'data-update="{update["id"]}"'):]
        assert f'name="salience" value="{proposed}"' in form[:form.index("</form>")]
        body = {"decision": "accept", "version": queue["version"], "salience": proposed}
        assert client.post(f"/api/cases/{CASE}/evidence/{update['id']}", headers=AUTH, json=body).status_code == 200
        positions = client.get(f"/api/cases/{CASE}").json()["case"]["positions"]
    latest = max((p for p in positions if (p["actor"], p["issue"]) == ("ukraine", "territory-crimea")),
                 key=lambda p: p["as_of"])
    assert latest["salience"] == proposed and latest["coded_by"] == "analyst"


def test_every_write_route_refuses_a_request_without_the_token(client: TestClient) -> None:
    from fastapi.routing import APIRoute

    from peacetalks.web import api
    from peacetalks.web.security import require_token

    guarded = [(method, route.path) for route in api.router.routes if isinstance(route, APIRoute)
               for method in route.methods
               if any(d.call is require_token for d in route.dependant.dependencies)]
    unguarded_writes = [(m, r.path) for r in api.router.routes if isinstance(r, APIRoute) for m in r.methods
                        if m != "GET" and (m, r.path) not in guarded]
    assert sorted(p for _, p in unguarded_writes) == ["/api/cases/{case_id}/assess", "/api/cases/{case_id}/whatif"]
    assert len(guarded) == 7
    for method, path in guarded:
        url = (path.replace("{case_id}", CASE).replace("{update_id}", "1")) + ("?version=x" if method == "DELETE"
                                                                               else "")
        answer = client.request(method, url, json={})
        assert answer.status_code == 401, (method, path, answer.text)


def test_serve_reports_a_store_it_cannot_open(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from peacetalks.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", f"sqlite:///{tmp_path / 'missing' / 'dir' / 'x.db'}"])
    assert result.exit_code == 1
    assert "cannot connect to the store" in " ".join(result.output.split())


def test_a_loopback_server_answers_only_its_own_host_names(tmp_path: Path) -> None:
    with make_client(f"sqlite:///{tmp_path / 'h.db'}", allowed_hosts=["127.0.0.1", "localhost"]) as guarded:
        assert guarded.get("/api/cases", headers={"Host": "127.0.0.1:8000"}).status_code == 200
        assert guarded.get("/api/cases", headers={"Host": "localhost:8000"}).status_code == 200
        rebound = guarded.get("/api/cases", headers={"Host": "attacker.example:8000"})
        assert rebound.status_code == 400


def test_the_explorer_shows_the_case_as_of_an_earlier_date(client: TestClient) -> None:
    now = client.get(f"/api/cases/{CASE}/predictions").json()
    then = client.get(f"/api/cases/{CASE}/predictions", params={"as_of": "2023-06-01"}).json()
    assert then["as_of"] == "2023-06-01" and outcomes(then, "median") != outcomes(now, "median")
    page = client.get(f"/cases/{CASE}", params={"as_of": "2023-06-01"})
    assert page.status_code == 200 and "Predicted outcomes as of 2023-06-01" in page.text
    for issue, value in outcomes(then, "median").items():
        shown = "–" if value is None else f"{value:.1f}"
        assert f'data-model="median" data-issue="{issue}">{shown}<br>' in page.text
