"""Scenario forecasts: conservation, reproducibility across chunking and backends, monotonicity,
no deal without an acceptable package, parameters traced to sources, CLI, sensitivity, backtests."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from peacetalks import load_case
from peacetalks.case import Case, CodedBy, parse_case_texts
from peacetalks.cli import app
from peacetalks.deals import preferences
from peacetalks.scenarios import OUTCOMES, STATE, ScenarioError, explain, parameter_set, simulate
from peacetalks.scenarios.backtest import DEFAULT_DATES, backtest, brier, log_score
from peacetalks.scenarios.execution import Job, execute
from peacetalks.scenarios.packages import sign
from peacetalks.scenarios.parameters import NAMES
from peacetalks.scenarios.sensitivity import analyse, event, sobol_indices
from peacetalks.scenarios.simulate import prepare

CASE = load_case("russia-ukraine")
runner = CliRunner()


def _same(a: object, b: object) -> None:
    for f in dataclasses.fields(a):  # type: ignore[arg-type]
        np.testing.assert_array_equal(getattr(a, f.name), getattr(b, f.name), err_msg=f.name)


def test_outcome_probabilities_sum_to_one_every_month() -> None:
    forecast = simulate(CASE, runs=3000, horizon=24, seed=3)
    total = np.sum([forecast.probability[o] for o in OUTCOMES], axis=0)
    np.testing.assert_allclose(total, 1.0, atol=1e-12)
    assert len(forecast.months) == 24 and forecast.months[0] == "2026-04"
    for o in OUTCOMES:
        for p, ci in zip(forecast.probability[o], forecast.interval[o], strict=True):
            assert ci.low <= p <= ci.high
    # "Stopped" only ever grows, and an agreement counts as stopped.
    assert all(b >= a for a, b in zip(forecast.stopped, forecast.stopped[1:], strict=False))
    assert all(s >= a for s, a in zip(forecast.stopped, forecast.agreement_signed, strict=True))
    json.dumps(forecast.to_dict(), allow_nan=False)


def test_same_seed_same_forecast_whatever_the_chunking_and_processes() -> None:
    packages, start, _ = prepare(CASE)
    job = Job(packages=packages, params=parameter_set(CASE), start=start, horizon=12, seed=11, runs=2500)
    one = execute(job, chunk_blocks=8)
    _same(one, execute(job, chunk_blocks=1))
    _same(one, execute(job, workers=2, chunk_blocks=1))
    other = execute(dataclasses.replace(job, seed=12), chunk_blocks=8)
    assert not np.array_equal(one.state, other.state)


def test_dask_local_cluster_gives_the_same_runs() -> None:
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    packages, start, _ = prepare(CASE)
    job = Job(packages=packages, params=parameter_set(CASE), start=start, horizon=6, seed=5, runs=1500)
    _same(execute(job), execute(job, backend="dask", workers=1, chunk_blocks=1))


@pytest.mark.parametrize("day", [None, "2022-04-15"])
@pytest.mark.parametrize("cost", ["ukraine-cost-per-month", "russia-cost-per-month"])
def test_a_higher_cost_of_war_never_lowers_willingness_to_settle(cost: str, day: str | None) -> None:
    params = parameter_set(CASE)
    when = dt.date.fromisoformat(day) if day else None
    low = simulate(CASE, params.with_fixed({cost: 0.5}), 3000, 24, seed=7, as_of=when).raw
    high = simulate(CASE, params.with_fixed({cost: 2.0}), 3000, 24, seed=7, as_of=when).raw
    never = 10**4
    first_low = np.where(low.stop_month > 0, low.stop_month, never)
    first_high = np.where(high.stop_month > 0, high.stop_month, never)
    # Run by run (common random numbers): fighting stops no later when war costs more...
    assert (first_high <= first_low).all()
    # ...and the party's reservation value is never higher.
    party = 0 if cost.startswith("ukraine") else 1
    column = 9 + party
    before = np.arange(low.state.shape[1])[None, :] < np.minimum(first_low, first_high)[:, None]
    assert (high.state[:, :, column][before] <= low.state[:, :, column][before] + 1e-6).all()
    assert (first_high < first_low).any()


def test_the_signing_kernel_picks_the_nash_package_among_acceptable_ones() -> None:
    packages, _, _ = prepare(CASE)
    rng = np.random.default_rng(0)
    n, k, g = 400, len(packages.actors), len(packages.groups)
    reservation = rng.uniform(0.4, 0.95, (n, k))
    tolerance = rng.uniform(0.0, 0.5, (n, k))
    salience = rng.uniform(0.5, 2.0, (n, k, g))
    chosen = sign(packages, reservation, tolerance, salience)
    x = salience[:, None, :, :]  # [n, F, K, G]
    utility = (packages.base[None] + (x * packages.part[None]).sum(axis=3)) / (
        packages.w_base + (salience * packages.w_part[None]).sum(axis=2))[:, None, :]
    ok = ((utility >= reservation[:, None, :]) & (packages.violation[None] <= tolerance[:, None, :])).all(axis=2)
    product = np.where(ok, np.prod(utility - reservation[:, None, :], axis=2), -np.inf)
    expected = np.where(ok.any(axis=1), product.argmax(axis=1), -1)
    assert (chosen >= 0).any() and (chosen < 0).any()
    np.testing.assert_array_equal(chosen == -1, expected == -1)
    picked = chosen >= 0
    np.testing.assert_allclose(product[np.flatnonzero(picked), chosen[picked]],
                               product[np.flatnonzero(picked), expected[picked]])


#: The salience multipliers in the state trajectories: (actor, issues) for each state column.
SALIENCE_COLUMNS = {"salience-guarantees-first-party": ("ukraine", ("security-guarantees",)),
                    "salience-territory-first-party": ("ukraine", tuple(i.id for i in CASE.issues
                                                                        if i.category == "territory")),
                    "salience-sanctions-second-party": ("russia", ("sanctions-relief",)),
                    "salience-ceasefire-first-party": ("ukraine", ("ceasefire-sequencing",)),
                    "salience-ceasefire-second-party": ("russia", ("ceasefire-sequencing",))}


def test_signed_packages_are_acceptable_under_the_deals_utilities() -> None:
    forecast = simulate(CASE, parameter_set(CASE, {"ukraine-red-line-erosion": 0.02, "russia-red-line-erosion": 0.02,
                                                   "signing-probability": 0.6}), 3000, 24, seed=2)
    raw = forecast.raw
    snapshot = CASE.snapshot()
    signed = np.flatnonzero(raw.package >= 0)
    assert len(signed) > 0
    for run in signed[:50]:
        package = forecast.package_values[raw.package[run]]
        month = int(raw.package_month[run])
        # The deals utilities with the saliences of that run and month (the state before the
        # month's end records them).
        salience = snapshot.salience.copy()
        for name, (actor, issues) in SALIENCE_COLUMNS.items():
            x = raw.state[run, month, STATE.index(name)]
            for issue in issues:
                salience[snapshot.actors.index(actor), snapshot.issues.index(issue)] *= x
        prefs = preferences(dataclasses.replace(snapshot, salience=salience))
        u = prefs.utility(package[None, :])[0]
        for actor, column in (("ukraine", 9), ("russia", 10)):
            assert u[prefs.actors.index(actor)] >= raw.state[run, month, column] - 1e-5


def test_saliences_follow_their_documented_equations_run_by_run() -> None:
    forecast = simulate(CASE, runs=1500, horizon=18, seed=6)
    raw = forecast.raw
    state = {name: raw.state[:, 1:, k].astype(float) for k, name in enumerate(STATE)}
    drawn = {name: raw.draws[:, k][:, None] for k, name in enumerate(NAMES)}
    opened = state["opinion-first-party"] - raw.state[:, :1, STATE.index("opinion-first-party")]
    expected = {
        "salience-territory-first-party": np.exp(-drawn["ukraine-territory-salience-per-opinion"] * opened),
        "salience-sanctions-second-party": np.exp(drawn["russia-sanctions-salience-per-sanctions"]
                                                  * (state["sanctions"] - 1.0)),
        "salience-ceasefire-first-party": np.exp(drawn["ukraine-ceasefire-salience-per-cost"]
                                                 * state["cost-first-party"]),
        "salience-ceasefire-second-party": np.exp(-drawn["russia-ceasefire-salience-per-cost"]
                                                  * state["cost-second-party"]),
    }
    for name, values in expected.items():
        np.testing.assert_allclose(state[name], values, rtol=1e-4, err_msg=name)
    # The directions the sources support: costs only accrue, sanctions only tighten.
    assert (np.diff(state["salience-ceasefire-first-party"], axis=1) >= -1e-6).all()
    assert (np.diff(state["salience-ceasefire-second-party"], axis=1) <= 1e-6).all()
    assert (np.diff(state["salience-sanctions-second-party"], axis=1) >= -1e-6).all()
    assert (state["salience-ceasefire-first-party"][:, -1] > 1.05).mean() > 0.5


def _two_party_case(reservation: float) -> Case:
    parameters = "\n".join(
        f"  - {{id: {p.id}, description: d, distribution: {p.distribution}, params: {json.dumps(p.params)}, "
        f"coded_by: analyst, rationale: test}}" for p in CASE.parameters)
    text = f"""\
id: duel
name: Two parties with nothing in common
as_of: 2025-01-01
actors:
  - {{id: north, name: North, kind: state, role: party}}
  - {{id: south, name: South, kind: state, role: party}}
issues:
  - id: land
    name: Land
    category: territory
    description: 0 North keeps it, 100 South takes it.
    status_quo: {{value: 50, coded_by: analyst, rationale: front line}}
    scale:
      anchors: [{{value: 0, label: North keeps it}}, {{value: 50, label: split}}, {{value: 100, label: South takes it}}]
positions:
  - {{actor: north, issue: land, as_of: 2024-01-01, position: 0, salience: 80, capability: 50, coded_by: analyst,
     rationale: r}}
  - {{actor: south, issue: land, as_of: 2024-01-01, position: 100, salience: 80, capability: 50, coded_by: analyst,
     rationale: r}}
reservations:
  - {{actor: north, as_of: 2024-01-01, value: {reservation}, role: veto, coded_by: analyst, rationale: r}}
  - {{actor: south, as_of: 2024-01-01, value: {reservation}, role: veto, coded_by: analyst, rationale: r}}
parameters:
{parameters}
"""
    return parse_case_texts([("duel.yaml", text)])


def test_no_deal_is_signed_when_no_package_is_acceptable_to_both() -> None:
    # Each side needs more than half the land: no package (0, 50, 100) satisfies both; the
    # reservations do not move (no opinion or momentum effect) and nothing erodes.
    still = {name: 0.0 for name in ("ukraine-opinion-weight", "russia-opinion-weight", "momentum-weight",
                                    "aid-weight", "sanctions-weight", "leadership-change-probability",
                                    "strike-hardening")}
    stuck = simulate(_two_party_case(0.6), still, 4000, 24, seed=1)
    assert stuck.stopped[-1] == 0 and stuck.agreement_signed[-1] == 0
    assert stuck.probability["comprehensive-agreement"][-1] == 0
    # The same case with room for a split (0.5 each) does produce deals: the test can fail.
    room = simulate(_two_party_case(0.5), still, 4000, 24, seed=1)
    assert room.agreement_signed[-1] > 0.2
    assert room.signed_terms["land"] == {"split": 1.0}
    assert [p.terms for p in room.signed_packages] == [{"land": "split"}]
    assert room.signed_packages[0].share == pytest.approx(room.agreement_signed[-1])


def test_every_parameter_of_the_builtin_case_has_a_source_or_a_rationale() -> None:
    rows = explain(CASE, parameter_set(CASE))
    assert [r.id for r in rows] == list(NAMES)
    for r in rows:
        if r.coded_by == CodedBy.SOURCE.value:
            assert r.urls and all(u.startswith("http") for u in r.urls), r.id
        else:
            assert r.rationale, r.id


def test_missing_parameters_and_bad_overrides_are_explained() -> None:
    bare = CASE.model_copy(update={"parameters": CASE.parameters[:3]})
    with pytest.raises(ScenarioError, match="lacks the scenario parameter"):
        parameter_set(bare)
    with pytest.raises(ScenarioError, match="unknown scenario parameter"):
        parameter_set(CASE, {"no-such-thing": 1.0})
    with pytest.raises(ScenarioError, match="after the case's own date"):
        simulate(CASE, runs=10, as_of=dt.date(2030, 1, 1))


def test_simulate_cli_json_explain_and_run_tables(tmp_path: Path) -> None:
    result = runner.invoke(app, ["simulate", "russia-ukraine", "--runs", "1500", "--horizon", "6", "--seed", "4",
                                 "--format", "json", "--explain", "--set", "signing-probability=0.4",
                                 "--runs-out", str(tmp_path / "runs.csv")])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["overrides"] == {"signing-probability": 0.4}
    assert len(document["months"]) == 6
    assert {p["id"] for p in document["parameters"]} == set(NAMES)
    sums = np.sum([document["probability"][o] for o in OUTCOMES], axis=0)
    np.testing.assert_allclose(sums, 1.0)
    frame = pd.read_csv(tmp_path / "runs.csv")
    assert len(frame) == 1500 * 6 and set(frame["outcome"]) <= set(OUTCOMES)
    shares = frame[frame.month == 6]["outcome"].value_counts(normalize=True)
    for outcome, share in shares.items():
        assert share == pytest.approx(document["probability"][outcome][5])

    table = runner.invoke(app, ["simulate", "russia-ukraine", "--runs", "500", "--horizon", "3", "--explain",
                                "--runs-out", str(tmp_path / "runs.parquet")], env={"COLUMNS": "300"})
    assert table.exit_code == 0, table.output
    assert "gain-rate-mean" in table.stdout and "https://europeanconservative.com/" in table.stdout
    assert len(pd.read_parquet(tmp_path / "runs.parquet")) == 1500

    bad = runner.invoke(app, ["simulate", "russia-ukraine", "--set", "bogus=1"])
    assert bad.exit_code == 1 and "unknown scenario parameter" in bad.output


def test_forecasts_go_to_the_ledger(tmp_path: Path) -> None:
    from peacetalks.store import Store

    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    assert runner.invoke(app, ["db", "init", "--db", url]).exit_code == 0
    assert runner.invoke(app, ["simulate", "russia-ukraine", "--runs", "200", "--horizon", "4", "--seed", "9",
                               "--db", url, "--format", "json"]).exit_code == 0
    with Store.open(url) as store:
        runs = [r for r in store.runs() if r.kind == "forecast"]
    assert len(runs) == 1
    run = runs[0]
    assert run.case_hash == CASE.content_hash and run.seed == 9 and run.version
    assert run.result["probability"]["continued-war"][0] > 0


def test_sobol_estimator_agrees_with_salib() -> None:
    salib = pytest.importorskip("SALib.analyze.sobol", reason="SALib is a test-only peer")
    from SALib.sample import sobol as sample

    problem = {"num_vars": 3, "names": ["a", "b", "c"], "bounds": [[-np.pi, np.pi]] * 3}
    x = sample.sample(problem, 1024, calc_second_order=False, seed=1)
    y = np.sin(x[:, 0]) + 7 * np.sin(x[:, 1]) ** 2 + 0.1 * x[:, 2] ** 4 * np.sin(x[:, 0])  # Ishigami
    reference = salib.analyze(problem, y, calc_second_order=False, print_to_console=False)
    rows = y.reshape(-1, 5)  # per base row: A, AB_1, AB_2, AB_3, B
    first, total = sobol_indices(rows[:, 0], rows[:, 4], rows[:, 1:4].T)
    np.testing.assert_allclose(first, reference["S1"], atol=1e-9)
    np.testing.assert_allclose(total, reference["ST"], atol=1e-9)
    np.testing.assert_allclose(first, [0.314, 0.442, 0.0], atol=0.06)  # the analytical values


def test_sensitivity_tornado_sobol_and_search() -> None:
    params = parameter_set(CASE)
    result = analyse(CASE, params, runs=1024, horizon=12, seed=1, month=12, target=0.25, metric="stopped",
                     sobol_runs=64)
    assert result.baseline == pytest.approx(event(simulate(CASE, params, 1024, 12, 1).raw, "stopped", 12).mean())
    swings = [b.swing for b in result.tornado]
    assert swings == sorted(swings, reverse=True) and swings[0] > 0
    signing = next(b for b in result.tornado if b.parameter == "signing-probability")
    assert signing.high >= signing.low
    assert len(result.sobol) == len(params.varying())
    assert result.search.reached and result.search.probability >= 0.25
    fixed = {c.parameter: c.needed for c in result.search.changes}
    check = simulate(CASE, params.with_fixed(fixed), 1024, 12, 1)
    assert event(check.raw, "stopped", 12).mean() == pytest.approx(result.search.probability)
    json.dumps(result.to_dict(), allow_nan=False)


def test_backtest_scores_every_default_date_against_what_happened() -> None:
    result = backtest(CASE, [dt.date.fromisoformat(d) for d in DEFAULT_DATES], runs=500, seed=1)
    assert result.skipped == ()
    assert sorted({f.as_of for f in result.forecasts}) == sorted(DEFAULT_DATES)
    # No general ceasefire since February 2022: every closed window is a "did not happen".
    assert not any(f.happened for f in result.forecasts)
    model = next(s for s in result.scores if s.forecaster == "peacetalks scenarios")
    p = np.array([f.probability for f in result.forecasts])
    assert model.brier == pytest.approx(float(np.mean(p**2)))
    assert 0 <= model.brier <= 1
    no_change = next(s for s in result.scores if s.forecaster == "no change")
    assert no_change.brier == 0 and no_change.log == pytest.approx(-np.log(0.99))
    assert sum(b.count for b in result.reliability) == len(result.forecasts)
    # Windows from one date nest: "stopped within k months" never falls with k.
    for day in DEFAULT_DATES:
        path = [f.probability for f in result.forecasts if f.as_of == day]
        assert path == sorted(path)
    assert brier(np.array([1.0, 0.0]), np.array([0.0, 0.0])) == 0.5
    assert log_score(np.array([0.5]), np.array([1.0])) == pytest.approx(np.log(2))


def test_backtest_skips_a_date_without_reservation_values_and_says_why() -> None:
    december = CASE.model_copy(update={"reservations": tuple(r for r in CASE.reservations
                                                             if r.as_of >= dt.date(2025, 12, 15))})
    result = backtest(december, [dt.date(2022, 4, 15), dt.date(2025, 12, 15)], runs=300, seed=1)
    assert len(result.skipped) == 1 and result.skipped[0].startswith("2022-04-15")
    assert "reservation" in result.skipped[0]
    assert {f.as_of for f in result.forecasts} == {"2025-12-15"}


def _known_by(case: Case, day: dt.date) -> Case:
    """The case with everything dated after ``day`` removed."""
    return case.model_copy(update={
        "positions": tuple(p for p in case.positions if p.as_of <= day),
        "reservations": tuple(r for r in case.reservations if r.as_of <= day),
        "proposals": tuple(p for p in case.proposals if p.date <= day),
        "events": tuple(e for e in case.events if e.date <= day),
        "indicators": tuple(i.model_copy(update={"series": tuple(o for o in i.series if o.date <= day)})
                            for i in case.indicators),
    })


@pytest.mark.parametrize("day", DEFAULT_DATES)
def test_a_backtest_forecast_uses_nothing_dated_after_its_date(day: str) -> None:
    when = dt.date.fromisoformat(day)
    full = simulate(CASE, runs=600, horizon=6, seed=4, as_of=when)
    known = simulate(_known_by(CASE, when), runs=600, horizon=6, seed=4, as_of=when)
    assert full.case_hash != known.case_hash  # the later records were really removed
    for outcome in OUTCOMES:
        assert full.probability[outcome] == known.probability[outcome]
    assert full.fan == known.fan and full.signed_terms == known.signed_terms


def test_backtest_cli_prints_the_scale() -> None:
    result = runner.invoke(app, ["backtest-scenarios", "russia-ukraine", "--date", "2025-12-15", "--runs", "300"])
    assert result.exit_code == 0, result.output
    assert "0–1" in result.stdout and "base rate" in result.stdout


def test_the_methods_page_documents_every_parameter() -> None:
    page = (Path(__file__).parents[1] / "docs" / "scenarios.md").read_text(encoding="utf-8")
    missing = [name for name in NAMES if f"`{name}`" not in page]
    assert not missing, f"docs/scenarios.md does not document {missing}"


def test_ledger_forecasts_are_graded_once_their_windows_close(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    assert runner.invoke(app, ["db", "init", "--db", url]).exit_code == 0
    for as_of in ("2025-12-15", "2026-03-13"):
        made = runner.invoke(app, ["simulate", "russia-ukraine", "--runs", "300", "--horizon", "6", "--as-of", as_of,
                                   "--db", url, "--format", "json"])
        assert made.exit_code == 0, made.output
    graded = runner.invoke(app, ["backtest-scenarios", "russia-ukraine", "--ledger", "--db", url, "--format", "json"])
    assert graded.exit_code == 0, graded.output
    document = json.loads(graded.stdout)
    # The December forecast has two closed windows; the March one none yet.
    assert [(f["as_of"], f["months"]) for f in document["forecasts"]] == [("2025-12-15", 1), ("2025-12-15", 2)]
    assert len(document["skipped"]) == 1 and "no window has closed" in document["skipped"][0]


def test_a_past_forecast_starts_from_what_was_known_then() -> None:
    from peacetalks.scenarios.simulate import start_state

    start = start_state(CASE, dt.date(2025, 12, 15))
    # Latest observations on or before the date: DeepState September 2025, KIIS March 2025,
    # Levada October 2023 (the February 2026 record is not yet known).
    assert (start.territory_share, start.opinion_first, start.opinion_second) == (19.04, 39.0, 55.0)
    forecast = simulate(CASE, runs=500, horizon=3, seed=1, as_of=dt.date(2025, 12, 15))
    assert forecast.as_of == "2025-12-15" and forecast.months == ("2026-01", "2026-02", "2026-03")
    assert forecast.fan["opinion-second-party"]["q50"][0] == 55.0


@settings(max_examples=8, deadline=None)
@given(st.dictionaries(st.sampled_from(["signing-probability", "mediator-engagement-mean", "russia-red-line-erosion",
                                        "ukraine-red-line-erosion", "monitored-share", "frozen-after-months"]),
                       st.floats(0.0, 1.0), max_size=3),
       st.integers(0, 2**31))
def test_probabilities_stay_a_distribution_whatever_the_parameters(fixed: dict[str, float], seed: int) -> None:
    forecast = simulate(CASE, fixed, 1100, 8, seed)
    total = np.sum([forecast.probability[o] for o in OUTCOMES], axis=0)
    np.testing.assert_allclose(total, 1.0, atol=1e-12)
    assert all(0 <= p <= 1 for o in OUTCOMES for p in forecast.probability[o])


def test_acceptable_package_found_exactly_when_the_deals_space_has_one() -> None:
    from peacetalks.deals import space

    # The coded red lines on Donetsk exclude every package; without them the question is open.
    data = CASE.model_dump()
    for reservation in data["reservations"]:
        reservation["red_lines"] = ()
    case = Case.model_validate(data)
    packages, _, _ = prepare(case)
    snapshot = case.snapshot()
    rng = np.random.default_rng(3)
    found = []
    for _ in range(10):
        r = packages.reservation + rng.uniform(-0.02, 0.03, 3)  # around the coded values, a knife edge
        ours = sign(packages, r[None, :], np.zeros((1, 3)), np.ones((1, 3, len(packages.groups))))[0] >= 0
        theirs = space(snapshot, reservation=dict(zip(packages.actors, r, strict=True))).agreement_size > 0
        assert ours == theirs, r
        found.append(ours)
    assert any(found) and not all(found)
