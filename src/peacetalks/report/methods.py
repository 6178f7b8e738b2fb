"""Methodology and limits, and the source list: the sections that say how the briefing was made,
what it rests on and what it cannot tell."""

from __future__ import annotations

from importlib.metadata import version

from peacetalks.case import CodedBy
from peacetalks.models.draws import SPREAD_BY_CONFIDENCE
from peacetalks.report.analysis import Analysis
from peacetalks.report.document import Block, Bullets, Heading, Paragraph, Run, Section, SourceList, Table
from peacetalks.report.document import Source as Entry
from peacetalks.report.facts import JUDGEMENTS, claim, method_anchor, name_of, words
from peacetalks.report.forecasts import scenario_method

#: What each model assumes and when it misleads, in our words (docs/models.md has the equations).
MODEL_NOTES = {
    "compromise": ("the outcome is the average of the positions weighted by capability × salience",
                   "one actor can veto or impose, or positions split into two camps (the mean may be a point "
                   "nobody accepts)"),
    "median": ("the outcome is the position that beats every other in a pairwise weighted vote",
               "decisions are not made by anything like a weighted majority, or the weights are poorly known"),
    "challenge": ("actors challenge each other and give ground under expected-utility threats, round by round",
                  "results hinge on its risk and probability parameters and do not always settle"),
    "exchange": ("actors trade support, yielding on issues they care less about for gains on those they care "
                 "more about",
                 "an issue is a red line that cannot be traded"),
}

def methodology(analysis: Analysis) -> Section:
    case, snap = analysis.case, analysis.snapshot
    in_force = [rec for row in snap.records for rec in row if rec is not None]
    judged = [rec for rec in in_force if rec.coded_by is CodedBy.ANALYST]
    spreads = ", ".join(f"{level} ±{width:g}" for level, width in SPREAD_BY_CONFIDENCE.items())
    blocks: list[Block] = [
        Paragraph((
            f"This briefing is computed from the case “{case.name}” (content hash {case.content_hash[:12]}, data up "
            f"to {case.as_of}) as it stood on {analysis.as_of}, by peacetalks {version('peacetalks')}. Each "
            "actor's stance on an issue is a number on that issue's labelled scale; the latest position at or "
            "before the date is the one in force. Nothing in it is typed by hand: every sentence is built from "
            "the case and the model results, and every statement of fact cites the sources the case gives for it.",
        )),
        Heading("Models", "methodology-models"),
        Paragraph((
            "Each model predicts one outcome per issue from the positions, saliences and capabilities in force. "
            f"Intervals: each value is drawn uniformly from the range the case states for it, else within ± a "
            f"spread set by its confidence ({spreads} points on a 0–100 scale), and the model is run on each "
            f"draw (seed {analysis.seed}); the bar is the central 90 % of the outcomes. These intervals show how "
            "much the prediction depends on the coded values; they are not calibrated probabilities.",
        )),
    ]
    for m in analysis.models:
        assumes, misleads = MODEL_NOTES.get(m.name, (m.prediction.model, "its assumptions do not hold"))
        draws = (f"{m.spread.draws:,} draws" if m.spread is not None else "no draws")
        blocks.append(Heading(m.name, method_anchor(m.name)))
        text: Run = (f"Assumes {assumes}. Misleads when {misleads}. Run with {_params(m.prediction.params)}; "
                     f"intervals from {draws}."
                     + (" The exchange model runs all its rounds on every draw (several milliseconds each), so "
                        "the briefing gives it fewer draws by default (--exchange-runs) to stay within a minute."
                        if m.name == "exchange" else ""),
                     *(f" {note}" for note in m.prediction.notes))
        blocks.append(Paragraph(text))
    blocks += [
        Heading("Analyst judgements", JUDGEMENTS),
        Paragraph((
            f"Of the {len(in_force)} positions in force, {len(in_force) - len(judged)} are coded from a source that "
            f"states the stance in the scale's terms and {len(judged)} are an analyst's judgement of what the "
            "cited sources imply. Saliences and capabilities have no source coding of their own: they are "
            "always judgements. The anchors of each scale are the options that appeared in the sources; the "
            "numbers between them are a convention.",
        )),
    ]
    if judged:
        blocks.append(Table(("actor", "issue", "position", "rationale"), tuple(
            ((name_of(case, r.actor),), (case.issue(r.issue).name,),
             (claim(words(case.issue(r.issue), r.position), r.sources),), (r.rationale or "",))
            for r in judged)))
    blocks += _deals_method(analysis)
    blocks += scenario_method(analysis)
    blocks += [
        Heading("Limits", "limits"),
        Bullets((
            ("The models know about the war, coercion and domestic politics only through the coded values.",),
            ("Proposal statuses are those recorded on the case's own date, even in a briefing of an earlier date.",),
            ("A cited source supports the coding; it does not guarantee the coding is right. Reliability grades of "
             "the sources (Admiralty scale, A–F) are listed with them.",),
            *_scenario_limits(analysis),
        )),
    ]
    return Section("methodology", "Methodology and limits", tuple(blocks))


def _scenario_limits(analysis: Analysis) -> list[Run]:
    if analysis.scenarios is None:
        return [(f"No scenario forecast: {analysis.scenarios_note}.",)]
    return [
        ("The scenario dynamics are a stylised reading of the sources, not a model estimated from data; most of "
         "their parameters are analyst judgements, and the probabilities are only as good as those.",),
        ("The scenario intervals measure simulation noise; they do not make the probabilities calibrated "
         "(peacetalks backtest-scenarios scores past forecasts of the case against what happened).",),
        ("Positions stay as coded at the briefing's date through the simulation; saliences move only on four "
         "groups of issues (each party's on ceasefire sequencing with its cost of war, the first party's on "
         "territory with its opinion and on security guarantees with broken ceasefires, the second party's on "
         "sanctions relief with sanctions pressure).",),
    ]


def _deals_method(analysis: Analysis) -> list[Block]:
    from peacetalks.report.deals import DEALS_METHOD

    case = analysis.case
    coded = [r for r in analysis.snapshot.reservations if r is not None]
    blocks: list[Block] = [Heading("Deals: utility, acceptability and the bargaining space", DEALS_METHOD)]
    if analysis.deals_note and not analysis.assessments:
        blocks.append(Paragraph((f"Not computed for this case: {analysis.deals_note}.",)))
        return blocks
    blocks.append(Paragraph((
        "An actor's utility for a package (one value per issue) adds, over the issues it holds a position on, its "
        "salience share times one minus the distance from its position as a share of the scale; an actor coded "
        "with a leaning does not mind outcomes beyond its position towards its own end. Red lines make any "
        "package beyond them unacceptable. The reservation value is what no deal is worth to the actor on the "
        f"same 0–1 scale: {len(coded)} actors have one, all coded by "
        + ", ".join(sorted({r.coded_by.value for r in coded}) or ["nobody"])
        + ". The bargaining space is searched over each issue's scale points and the proposals' values. "
        + (analysis.space.method if analysis.space else ""),
    )))
    if coded:
        blocks.append(Table(("actor", "reservation value", "deal role", "red lines", "rationale"), tuple(
            ((name_of(case, r.actor),), (claim(f"{r.value:.2f}", r.sources),), (r.role.value,),
             ("; ".join(f"{case.issue(x.issue).name} {_limits(x.low, x.high)}" for x in r.red_lines) or "none",),
             (r.rationale or "",))
            for r in coded)))
    return blocks


def _limits(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"{low:g}–{high:g}"
    return f"≥ {low:g}" if low is not None else f"≤ {high:g}"


def _params(params: dict[str, object]) -> str:
    return ", ".join(f"{k}={v}" for k, v in params.items()) or "no parameters"


def source_list(analysis: Analysis, refs: dict[str, tuple[int, str]]) -> Section:
    entries = []
    for s in analysis.case.sources:
        number, anchor = refs[s.id]
        details = " · ".join(x for x in (
            s.outlet, s.author, str(s.published) if s.published else None, s.kind.value,
            f"reliability {s.reliability}", s.note) if x)
        entries.append(Entry(s.id, number, anchor, s.title, details, s.url))
    intro = Paragraph((f"All {len(entries)} sources of the case, numbered as cited above.",))
    return Section("sources", "Sources", (intro, SourceList(tuple(entries))))
