"""Rich renderings of scenario results for the terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import RenderableType

    from peacetalks.scenarios import Explained, Forecast
    from peacetalks.scenarios.backtest import Backtest
    from peacetalks.scenarios.sensitivity import Sensitivity


_SHORT = {"continued-war": "war", "escalation": "escalation", "ceasefire-monitored": "ceasefire monitored",
          "ceasefire-unmonitored": "ceasefire unmonitored", "frozen-conflict": "frozen conflict",
          "comprehensive-agreement": "agreement"}


TOP = 15


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def forecast_view(forecast: Forecast) -> list[RenderableType]:
    table = Table(title=f"{forecast.case_id}: outcome probabilities (%) by month, from {forecast.as_of}; "
                  f"{forecast.runs:,} runs, seed {forecast.seed}", title_justify="left")
    table.add_column("month")
    for outcome in forecast.outcomes:
        table.add_column(_SHORT.get(outcome, outcome), justify="right")
    table.add_column("stopped by then", justify="right")
    shown = sorted({*range(2, forecast.horizon, 3), forecast.horizon - 1, 0})
    for k in shown:
        cells = [f"{_pct(forecast.probability[o][k])}\n[dim]{_pct(forecast.interval[o][k].low)}–"
                 f"{_pct(forecast.interval[o][k].high)}[/dim]" for o in forecast.outcomes]
        table.add_row(forecast.months[k], *cells, _pct(forecast.stopped[k]))
    parts: list[RenderableType] = [table, Text(
        "Below each value: its 95 % Monte Carlo interval (simulation noise only; parameter uncertainty is in "
        "the draws). Stopped: fighting stopped at least once (ceasefire or agreement).",
        style="dim")]
    median = forecast.median_months_to_ceasefire
    parts.append(Text(
        f"Median time to a ceasefire or agreement: {median} months." if median else
        f"Median time to a ceasefire or agreement: beyond the {forecast.horizon}-month horizon "
        f"(fighting stopped at least once in {_pct(forecast.stopped[-1])} % of runs; a comprehensive "
        f"agreement was signed in {_pct(forecast.agreement_signed[-1])} %)."))
    if any(forecast.signed_terms.values()):
        terms = Table(title="Terms of the comprehensive agreements signed (share of those runs)", title_justify="left")
        terms.add_column("issue")
        terms.add_column("most frequent term")
        terms.add_column("share", justify="right")
        for issue, shares in forecast.signed_terms.items():
            if shares:
                label, share = next(iter(shares.items()))
                terms.add_row(issue, label, _pct(share))
        parts.append(terms)
    runs = Table(title="Runs that explain the extremes", title_justify="left")
    for name in ("kind", "run", "path", "shocks", "unusual draws (quantile)"):
        runs.add_column(name)
    for e in forecast.extremes:
        shocks = ", ".join(f"{k} {v}" for k, v in e.shocks.items() if v)
        notable = ", ".join(f"{k} {v:.2f}" for k, v in e.notable.items())
        runs.add_row(e.kind, str(e.run), e.path, shocks, notable)
    parts.append(runs)
    return parts


def explain_table(rows: tuple[Explained, ...]) -> Table:
    table = Table(title="Scenario parameters: distribution, and source or rationale", title_justify="left",
                  show_lines=True)
    for name in ("parameter", "distribution", "coded by", "source or rationale"):
        table.add_column(name, overflow="fold")
    for r in rows:
        dist = f"{r.distribution} " + ", ".join(f"{k}={v:g}" for k, v in r.params.items())
        if r.fixed_to is not None:
            dist += f" — fixed to {r.fixed_to:g} by --set"
        why = "\n".join([*(f"{s}: {u}" for s, u in zip(r.sources, r.urls, strict=True)),
                         *([r.rationale] if r.rationale else [])])
        table.add_row(f"{r.id}\n[dim]{r.description}[/dim]", dist, r.coded_by, why)
    return table


def sensitivity_view(result: Sensitivity) -> list[RenderableType]:
    parts: list[RenderableType] = [Text(
        f"Probability of {'a comprehensive agreement signed' if result.metric == 'agreement' else 'fighting stopped'}"
        f" within {result.month} months: "
        f"{_pct(result.baseline)} % ({result.runs:,} runs, common random numbers throughout).")]
    tornado = Table(title="One at a time: each parameter at its 5th and 95th percentile", title_justify="left")
    for name in ("parameter", "low value", "P at low", "high value", "P at high", "swing"):
        tornado.add_column(name, justify="left" if name == "parameter" else "right")
    for bar in result.tornado[:TOP]:
        tornado.add_row(bar.parameter, f"{bar.low_value:g}", _pct(bar.low), f"{bar.high_value:g}", _pct(bar.high),
                        _pct(bar.swing))
    parts.append(tornado)
    if result.sobol:
        sobol = Table(title=f"Sobol indices (N = {result.sobol_runs}; share of the variance of the outcome)",
                      title_justify="left")
        for name in ("parameter", "first order", "total"):
            sobol.add_column(name, justify="left" if name == "parameter" else "right")
        for s in result.sobol[:TOP]:
            sobol.add_row(s.parameter, f"{s.first:.3f}", f"{s.total:.3f}")
        parts.append(sobol)
        if all(s.total == 0 for s in result.sobol):
            parts.append(Text("The outcome did not vary across the Sobol sample (it never or always happened): "
                              "there is no variance to apportion.", style="yellow"))
    if len(result.tornado) > TOP:
        parts.append(Text(f"Tables show the {TOP} most influential parameters; --format json lists all.", style="dim"))
    search = result.search
    changes = "; ".join(f"{c.parameter} {c.current:.4g} → {c.needed:.4g}"
                        + (" (beyond its coded range)" if c.beyond_range else "") for c in search.changes)
    if search.reached:
        parts.append(Text(f"To reach {_pct(search.target)} %: {changes or 'nothing'} "
                          f"(gives {_pct(search.probability)} %)."))
    else:
        parts.append(Text(f"No change within the searched ranges (coded ranges widened {search.stretch:g}× their "
                          f"width at each end) reaches {_pct(search.target)} %; the best found gives "
                          f"{_pct(search.probability)} % with {changes or 'no change'}."))
    return parts


def backtest_view(result: Backtest) -> list[RenderableType]:
    parts: list[RenderableType] = []
    table = Table(title=f"Back-test of '{result.event}' (Brier on the 0–1 scale, lower is better)",
                  title_justify="left")
    for name in ("forecast date", "by", "forecast", "happened", "base rate", "no change"):
        table.add_column(name, justify="left" if name in ("forecast date", "by") else "right")
    for f in result.forecasts:
        table.add_row(f.as_of, f.by, _pct(f.probability), "yes" if f.happened else "no", _pct(f.base_rate),
                      _pct(f.no_change))
    parts.append(table)
    scores = Table(title="Scores", title_justify="left")
    for name in ("forecaster", "Brier (0–1)", "log score (nats, lower is better)"):
        scores.add_column(name, justify="left" if name == "forecaster" else "right")
    for s in result.scores:
        scores.add_row(s.forecaster, f"{s.brier:.4f}", f"{s.log:.4f}")
    parts.append(scores)
    if result.by_date:
        dated = Table(title="By forecast date: Brier (0–1) / log score", title_justify="left")
        dated.add_column("forecast date")
        dated.add_column("windows", justify="right")
        for s in result.by_date[0].scores:
            dated.add_column(s.forecaster, justify="right")
        for d in result.by_date:
            dated.add_row(d.as_of, str(d.windows), *(f"{s.brier:.4f} / {s.log:.3f}" for s in d.scores))
        parts.append(dated)
    reliability = Table(title="Reliability (forecasts binned by probability)", title_justify="left")
    for name in ("bin", "forecasts", "mean forecast", "observed frequency"):
        reliability.add_column(name, justify="right")
    for b in result.reliability:
        reliability.add_row(f"{b.low:.1f}–{b.high:.1f}", str(b.count), _pct(b.mean_forecast), _pct(b.observed))
    parts.append(reliability)
    for skipped in result.skipped:
        parts.append(Text(f"skipped {skipped}", style="yellow"))
    return parts
