"""The scenarios section: outcome probabilities by month, fan charts of the main state variables
and the sensitivity tornado, from the forecast of :mod:`peacetalks.scenarios`; and the methodology
of the forecast with every parameter it draws from.

Every figure is a computed claim whose basis is the methodology's scenarios subsection; the
parameters it rests on are listed there with their sources or the analyst's rationale.
"""

from __future__ import annotations

from peacetalks.case import CodedBy
from peacetalks.report import charts
from peacetalks.report.analysis import SCENARIO_MONTH, Analysis, Scenarios
from peacetalks.report.document import Block, Claim, Figure, Heading, Link, Paragraph, Run, Section, Table
from peacetalks.report.facts import claim, count, name_of

#: Anchors of the methodology subsection on the forecast and of its parameter table.
SCENARIO_METHOD = "methodology-scenarios"
PARAMETERS = "scenario-parameters"
#: Months the probability table shows (those within the horizon).
TABLE_MONTHS = (3, 6, 12, 24)
#: Tornado bars shown: the parameters with the widest swing.
TORNADO_BARS = 12
#: State variables drawn as fan charts, with the indicator each starts from (if any).
FANS = (("territory-share", "ua-territory-under-russian-control"),
        ("opinion-first-party", "ua-poll-could-concede-territory"),
        ("opinion-second-party", "ru-poll-levada-favour-talks"),
        ("reservation-first-party", None), ("reservation-second-party", None))


def outcome_words(outcome: str) -> str:
    return outcome.replace("-", " ").replace("ceasefire ", "ceasefire, ")


def percent(share: float) -> str:
    """Whole per cents, one decimal below 1 %, and never a rounded 0 for something that happened."""
    if share == 0 or share >= 0.01:
        return f"{share:.0%}"
    return f"{share:.1%}" if share >= 0.001 else "under 0.1%"


def judged_share(scen: Scenarios) -> tuple[int, int]:
    """How many of the parameters that vary are analyst judgements, of how many."""
    varying = set(scen.parameters.varying())
    judged = [p for p in scen.parameters.parameters if p.id in varying and p.coded_by is CodedBy.ANALYST]
    return len(judged), len(varying)


def judgement_note(scen: Scenarios) -> Run:
    judged, varying = judged_share(scen)
    return (f"These probabilities follow from the simulation's parameters, {judged} of the {varying} that vary "
            "being analyst judgements (", Link("each with its sources or rationale", f"#{PARAMETERS}"),
            "): they say what follows from those judgements and the coded bargaining space, not how often such "
            "wars have ended.")


def stopped_claim(analysis: Analysis, scen: Scenarios) -> Claim:
    """How often fighting stopped, and a treaty was signed, within SCENARIO_MONTH months."""
    f, k = scen.forecast, SCENARIO_MONTH
    stopped, signed = f.stopped[k - 1], f.agreement_signed[k - 1]
    return Claim(f"Within {k} months of {analysis.as_of} (by {f.months[k - 1]}), fighting stopped at least once — "
                 f"by a ceasefire or an agreement — in {percent(stopped)} of the {f.runs:,} simulated runs, and a "
                 f"comprehensive agreement was signed in {percent(signed)}.", basis=SCENARIO_METHOD)


def scenarios(analysis: Analysis) -> Section | None:
    scen = analysis.scenarios
    if scen is None:
        return None
    f = scen.forecast
    median = (f"Half the runs had stopped fighting by month {f.median_months_to_ceasefire}."
              if f.median_months_to_ceasefire else
              f"Fewer than half the runs stopped fighting within the {f.horizon} months.")
    blocks: list[Block] = [Paragraph((
        f"{f.runs:,} runs of the war and the talks, month by month for {f.horizon} months from {analysis.as_of} "
        f"(seed {f.seed}; ", Link("how the simulation works", f"#{SCENARIO_METHOD}"), "). ",
        stopped_claim(analysis, scen), " ", Claim(median, basis=SCENARIO_METHOD), " ", *judgement_note(scen),
    ))]
    blocks += _outcomes(scen)
    blocks += _fans(analysis, scen)
    if scen.sensitivity is not None:
        blocks += _tornado(scen)
    return Section("scenarios", "Scenarios", tuple(blocks))


def _outcomes(scen: Scenarios) -> list[Block]:
    f = scen.forecast
    layers = [charts.Layer(outcome_words(o), f.probability[o],
                           f"{outcome_words(o)}: {percent(f.probability[o][0])} in {f.months[0]}, "
                           f"{percent(f.probability[o][-1])} in {f.months[-1]}")
              for o in f.outcomes]
    alt = f"Outcome probabilities by month, {f.months[0]} to {f.months[-1]}"
    months = [m for m in TABLE_MONTHS if m <= f.horizon]
    rows: list[tuple[Run, ...]] = []
    for o in f.outcomes:
        rows.append(((outcome_words(o),), *((Claim(
            f"{percent(f.probability[o][m - 1])} ({percent(f.interval[o][m - 1].low)}–"
            f"{percent(f.interval[o][m - 1].high)})", basis=SCENARIO_METHOD),) for m in months)))
    for name, series in (("fighting stopped at least once by then", f.stopped),
                         ("comprehensive agreement signed by then", f.agreement_signed)):
        rows.append(((name,), *((Claim(percent(series[m - 1]), basis=SCENARIO_METHOD),) for m in months)))
    return [
        Heading("Outcome probabilities by month", "scenarios-outcomes"),
        Figure("scenarios-outcomes", charts.stacked_area(alt, f.months, layers), (
            f"Share of the {f.runs:,} runs in each outcome at the end of each month; the outcomes of a month sum "
            "to 100 %. The table gives the values with their 95 % Monte Carlo intervals.",), alt),
        Table(("outcome", *(f"month {m} ({f.months[m - 1]})" for m in months)), tuple(rows),
              "Share of runs (95 % Wilson interval of the simulation, which measures simulation noise, not model "
              "uncertainty)."),
    ]


def _fan_label(analysis: Analysis, scen: Scenarios, variable: str, indicator: str | None) -> tuple[str, str]:
    """The variable's name and unit in the case's words."""
    case = analysis.case
    known = {i.id: i for i in case.indicators}
    if indicator in known:
        ind = known[indicator]
        return ind.name, ind.unit
    first, second = (name_of(case, a) for a in scen.parties)
    side = first if variable.endswith("first-party") else second
    if variable.startswith("reservation"):
        return f"Reservation value of {side}", "utility, 0–1: what no deal is worth"
    return variable.replace("-", " "), "index"


def _fans(analysis: Analysis, scen: Scenarios) -> list[Block]:
    f = scen.forecast
    blocks: list[Block] = [
        Heading("The state of the war and the talks", "scenarios-state"),
        Paragraph(("Each chart shows one variable of the simulation across the runs: the median, the middle half "
                   "and the middle 90 % each month, starting from its value at the briefing's date.",)),
    ]
    months = (analysis.as_of.strftime("%Y-%m"), *f.months)
    known = {i.id: i for i in analysis.case.indicators}
    for n, (variable, indicator) in enumerate(FANS, start=1):
        if variable not in f.fan:
            continue
        name, unit = _fan_label(analysis, scen, variable, indicator)
        bands = f.fan[variable]
        alt = f"{name}: fan chart, {months[0]} to {months[-1]}"
        caption: list[str | Claim] = [Claim(
            f"{name} in {months[-1]}: median {bands['q50'][-1]:.3g}, middle 90 % of runs "
            f"{bands['q05'][-1]:.3g}–{bands['q95'][-1]:.3g} ({unit}).", basis=SCENARIO_METHOD)]
        seen = [o for o in known[indicator].series if o.date <= analysis.as_of] if indicator in known else []
        if seen:
            start = max(seen, key=lambda o: o.date)
            caption += [" ", claim(f"It starts from the latest observation, {start.value:g} on {start.date}.",
                                   start.sources)]
        blocks.append(Figure(f"scenarios-fan-{n:02d}", charts.fan_chart(alt, unit, months, bands), tuple(caption),
                             alt))
    return blocks


def _tornado(scen: Scenarios) -> list[Block]:
    sens = scen.sensitivity
    assert sens is not None
    coded = {p.id: p.coded_by.value for p in scen.parameters.parameters}
    shown = sens.tornado[:TORNADO_BARS]
    bars = [charts.TornadoBar(b.parameter, b.low, b.high,
                              f"{b.parameter}: {percent(b.low)} at {b.low_value:.3g} (5th percentile), "
                              f"{percent(b.high)} at {b.high_value:.3g} (95th)") for b in shown]
    alt = f"Sensitivity of fighting stopped within {sens.month} months to each parameter"
    rows = tuple(((Link(b.parameter, f"#{PARAMETERS}"),), (coded[b.parameter],),
                  (f"{b.low_value:.3g} → {b.high_value:.3g}",),
                  (Claim(f"{percent(b.low)} → {percent(b.high)}", basis=SCENARIO_METHOD),),
                  (f"{b.swing * 100:.1f} points",)) for b in shown)
    return [
        Heading(f"What the chance of fighting stopping within {sens.month} months is most sensitive to",
                "scenarios-sensitivity"),
        Paragraph((Claim(
            f"With every parameter drawn, fighting stops within {sens.month} months in {percent(sens.baseline)} of "
            f"{sens.runs:,} runs. Each bar fixes one parameter at the 5th and then the 95th percentile of its "
            "distribution, with the others drawn and the same random numbers throughout; the "
            f"{count(len(shown), 'parameter')} with the widest swing of "
            f"{len(sens.tornado)} are shown.", basis=SCENARIO_METHOD),)),
        Figure("scenarios-tornado", charts.tornado(alt, sens.baseline, bars), (
            f"Probability that fighting has stopped within {sens.month} months with each parameter at its 5th "
            "(light) and 95th (dark) percentile; the line is the forecast with every parameter drawn.",), alt),
        Table(("parameter", "coded by", "5th → 95th percentile", "probability", "swing"), rows),
    ]


def scenario_method(analysis: Analysis) -> list[Block]:
    """The methodology's account of the forecast, and every parameter with its sources or rationale."""
    blocks: list[Block] = [Heading("Scenarios: the monthly simulation", SCENARIO_METHOD)]
    scen = analysis.scenarios
    if scen is None:
        blocks.append(Paragraph((f"Not computed for this briefing: {analysis.scenarios_note}.",)))
        return blocks
    f, case = scen.forecast, analysis.case
    first, second = (name_of(case, a) for a in scen.parties)
    judged, varying = judged_share(scen)
    tornado = (f" The tornado runs {scen.sensitivity.runs:,} runs per simulation, twice for each varying parameter "
               f"(--tornado-runs)." if scen.sensitivity else " No tornado was computed (--tornado-runs 0).")
    blocks += [
        Paragraph((
            f"peacetalks.scenarios simulates the war and the talks month by month, {f.runs:,} times "
            f"(--scenario-runs) over {f.horizon} months from {f.as_of}, seed {f.seed}. Each run draws every "
            "parameter below from its distribution; each month shocks (offensives, strikes on the grid, sanctions, "
            "changes of leadership or of US policy, mediator deadlines) move territory, the costs of war, opinion "
            f"and mediation, which move the reservation values of {first} (first party) and {second} (second "
            "party). When mediation brings an attempt, a ceasefire on the line of contact is agreed if every veto "
            "holder prefers it to no deal, and a comprehensive agreement is signed if one of the "
            f"{f.candidate_packages:,} candidate packages from the deals analysis is acceptable to every veto holder; "
            "ceasefires and agreements can collapse. "
            "The intervals of the probabilities are 95 % Wilson intervals of the proportion of runs: they measure "
            "simulation noise only; the uncertainty of the assumptions is carried by the parameter draws."
            + tornado + " The equations and every interpretive choice are set out in docs/scenarios.md of "
            "peacetalks.",
        )),
        Paragraph((
            f"Most of these parameters are analyst judgements: {judged} of the {varying} that vary. The "
            "probabilities in this briefing follow from them; a different judgement gives a different forecast, "
            "and the tornado shows which judgements matter most.",
        )),
        Heading("Scenario parameters", PARAMETERS),
        Table(("parameter", "what it is", "distribution", "coded by", "sources or rationale"), tuple(
            ((p.id,), (p.description,), (_distribution(p.distribution, p.params),), (p.coded_by.value,),
             (claim(p.rationale or "As stated by the sources.", p.sources) if p.sources else (p.rationale or ""),))
            for p in scen.parameters.parameters)),
    ]
    return blocks


def _distribution(kind: str, params: dict[str, float]) -> str:
    return kind + " " + ", ".join(f"{k} {v:g}" for k, v in params.items())
