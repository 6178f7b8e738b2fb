"""The briefing's sections about the negotiation itself, each a function from the analysis
results to a :class:`Section` (or ``None`` when the case has nothing for it).

Every sentence or cell that states a fact is a :class:`Claim` carrying its sources; what a model
computes is a claim whose basis is the methodology section that explains the model.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence

import numpy as np

from peacetalks.case import Position
from peacetalks.case.types import Actor, Issue
from peacetalks.report import charts
from peacetalks.report.analysis import Analysis
from peacetalks.report.document import (
    Block,
    Bullets,
    Claim,
    Figure,
    Heading,
    Link,
    Paragraph,
    Run,
    Section,
    Table,
    anchor,
)
from peacetalks.report.facts import (
    ROLE_ORDER,
    changes,
    claim,
    count,
    method_anchor,
    name_of,
    position_claim,
    sentence,
    sources_of,
    stance_sources,
    width,
    words,
)

#: Models whose predictions differ by less than this share of the scale are said to agree.
AGREE_WITHIN = 0.10


def summary(analysis: Analysis) -> Section:
    """Where the talks stand, in plain sentences built from the data."""
    case, as_of, snap = analysis.case, analysis.as_of, analysis.snapshot
    held = int((~np.ma.getmaskarray(snap.position)).sum())
    events = sorted((e for e in case.events if e.date <= as_of), key=lambda e: e.date)
    tabled = sorted((p for p in case.proposals if p.date <= as_of), key=lambda p: p.date)
    parts: list[Run] = [(
        f"As of {as_of} the case records {count(held, 'position')} in force of {count(len(snap.actors), 'actor')} "
        f"on {count(len(snap.issues), 'issue')}, {count(len(tabled), 'proposal')} tabled and "
        f"{count(len(events), 'event')}. ",
    )]
    if events:
        last = events[-1]
        line: list[str | Claim] = [claim(f"The latest event recorded is “{last.title}” ({last.date}).", last.sources)]
        talks = [e for e in events if e.kind == "talks"]
        if talks and talks[-1] is not last:
            line += [" ", claim(f"The last round of talks recorded was “{talks[-1].title}” ({talks[-1].date}).",
                                talks[-1].sources)]
        parts.append(tuple(line))
    settled = [p for p in tabled if p.status.value in ("agreed", "signed")]
    if tabled:
        latest = tabled[-1]
        newest = claim(f"The most recent proposal is “{latest.name}” ({latest.date}), "
                       f"status {latest.status.value}.", latest.sources)
        if settled and settled[-1] is latest:
            parts.append((claim(f"The most recent proposal, “{latest.name}” ({latest.date}), is recorded as "
                                f"{latest.status.value}.", latest.sources),))
        elif settled:
            done = settled[-1]
            parts.append((claim(f"The latest agreed or signed text is “{done.name}” ({done.date}).", done.sources),
                          " ", newest))
        else:
            none = "The one proposal is not" if len(tabled) == 1 else f"None of the {len(tabled)} proposals is"
            parts.append((f"{none} recorded as agreed or signed. ", newest))
    if analysis.assessments:
        parts.append((_acceptance_sentence(analysis),))
    gaps = party_gaps(analysis)
    if gaps:
        widest, closest = gaps[0], gaps[-1]
        parts.append(tuple(_gap_sentence(analysis, g, "furthest apart") for g in [widest]))
        if closest is not widest:
            parts.append((_gap_sentence(analysis, closest, "closest"),))
    spread = model_spread(analysis)
    if spread:
        agree = models_agree(spread)
        issue, lo, hi = max(spread, key=lambda s: (s[2] - s[1]) / width(s[0]))
        parts.append((Claim(f"The {len(analysis.models)} bargaining models agree within "
                            f"{AGREE_WITHIN:.0%} of the scale on {len(agree)} of {len(spread)} issues; they differ "
                            f"most on {issue.name}, from {words(issue, round(lo))} to {words(issue, round(hi))}.",
                            basis="methodology"),))
    moved = changes(analysis)
    if moved:
        top = next((c for c in moved if c.before is not None), None)
        text = (f"Between {analysis.since} and {as_of}, {count(len(moved), 'position')} changed or "
                f"{'was' if len(moved) == 1 else 'were'} first recorded.")
        if top is not None and top.before is not None:
            text += (f" The largest move: {name_of(case, top.actor)} on {top.issue.name}, from "
                     f"{words(top.issue, top.before.position)} to {words(top.issue, top.after.position)}.")
            parts.append((claim(text, top.after.sources), " ", Link("All changes", "#changes")))
        else:
            parts.append((text, " ", Link("All changes", "#changes")))
    return Section("summary", "Where the talks stand", tuple(Paragraph(p) for p in parts))


def _acceptance_sentence(analysis: Analysis) -> Claim:
    """How many proposals every veto holder could accept, by the deals analysis."""
    accepted = [a for a in analysis.assessments if a.accepted]
    unknown = [a for a in analysis.assessments if a.accepted is None]
    text = (f"By the deals analysis, {len(accepted)} of the {len(analysis.assessments)} proposals would be "
            "acceptable to every veto holder")
    if accepted:
        text += ": " + ", ".join(f"“{a.name}”" for a in accepted)
    if unknown:
        text += f" ({len(unknown)} cannot be judged: a veto holder has no reservation value)"
    return Claim(text + ".", basis="deals")


def models_agree(spread: list[tuple[Issue, float, float]]) -> list[tuple[Issue, float, float]]:
    """The issues on which every model's prediction lies within :data:`AGREE_WITHIN` of the scale."""
    return [(issue, lo, hi) for issue, lo, hi in spread if hi - lo <= AGREE_WITHIN * width(issue)]


def party_gaps(analysis: Analysis) -> list[tuple[Issue, Position, Position]]:
    """Per issue, the two parties furthest apart (lowest and highest position), widest gap first
    as a share of the scale."""
    case, snap = analysis.case, analysis.snapshot
    parties = [k for k, a in enumerate(snap.actors) if case.actor(a).role.value == "party"]
    gaps = []
    for i, issue_id in enumerate(snap.issues):
        held = [rec for k in parties if (rec := snap.records[k][i]) is not None]
        if len(held) < 2:
            continue
        low, high = min(held, key=lambda r: r.position), max(held, key=lambda r: r.position)
        gaps.append((case.issue(issue_id), low, high, (high.position - low.position) / width(case.issue(issue_id))))
    gaps.sort(key=lambda g: -g[3])
    return [(issue, low, high) for issue, low, high, _ in gaps]


def _gap_sentence(analysis: Analysis, gap: tuple[Issue, Position, Position], how: str) -> Claim:
    issue, low, high = gap
    case = analysis.case
    return claim(f"Of the parties, {name_of(case, low.actor)} and {name_of(case, high.actor)} are {how} on "
                 f"{issue.name}: {words(issue, low.position)} against {words(issue, high.position)}.",
                 sources_of(low, high))


def model_spread(analysis: Analysis) -> list[tuple[Issue, float, float]]:
    """Per issue with predictions, the lowest and highest predicted outcome across models."""
    out = []
    for i, issue_id in enumerate(analysis.snapshot.issues):
        values = [float(m.prediction.outcome[i]) for m in analysis.models]
        values = [v for v in values if not math.isnan(v)]
        if values:
            out.append((analysis.case.issue(issue_id), min(values), max(values)))
    return out


def players(analysis: Analysis) -> Section:
    """Each actor with positions in force: its stance per issue in the scale's words."""
    case, snap = analysis.case, analysis.snapshot
    blocks: list[Block] = [Paragraph((
        "Positions in force as of ", str(analysis.as_of), ", with the label of the nearest point of each issue's "
        "scale (", Link("what each point means", "#issues"), "). Salience (how much the issue matters to the actor) "
        "and capability (its weight in the talks) run 0–100 and are analyst judgements; ",
        Link("see the methodology", "#judgements"), ".",
    ))]
    silent = []
    for actor in ordered_actors(analysis):
        a = snap.actors.index(actor.id)
        rows = []
        for i, issue_id in enumerate(snap.issues):
            rec = snap.records[a][i]
            if rec is None:
                continue
            issue = case.issue(issue_id)
            rows.append(((issue.name,), (position_claim(issue, rec),), (f"{rec.salience:g}",),
                         (f"{rec.capability:g}",), _last_change(analysis, rec), (rec.coded_by.value,)))
        if not rows:
            silent.append(actor.name)
            continue
        blocks.append(Heading(f"{actor.name} — {actor.role.value}", anchor("actor", actor.id, a)))
        if actor.description:
            blocks.append(Paragraph((actor.description,)))
        blocks.append(Table(("issue", "position (scale words) and sources", "salience", "capability",
                             "last change", "coded by"), tuple(rows)))
    if silent:
        blocks.append(Paragraph((f"No position recorded by {analysis.as_of}: {', '.join(silent)}.",)))
    return Section("players", "Key players and their stances", tuple(blocks))


def ordered_actors(analysis: Analysis) -> list[Actor]:
    """Actors of the snapshot by role (parties first), then by their average capability."""
    case, snap = analysis.case, analysis.snapshot
    capability = snap.capability.mean(axis=1).filled(0.0)
    actors = [(case.actor(a), float(capability[k])) for k, a in enumerate(snap.actors)]
    actors.sort(key=lambda t: (ROLE_ORDER.index(t[0].role.value), -t[1]))
    return [a for a, _ in actors]


def _last_change(analysis: Analysis, rec: Position) -> Run:
    history = [p for p in analysis.case.history(rec.actor, rec.issue) if p.as_of <= analysis.as_of]
    earlier = [p for p in history if p.as_of < rec.as_of]
    if not earlier:
        return (f"first coded {rec.as_of}",)
    before = earlier[-1]
    if before.position == rec.position:
        return (f"{rec.as_of}: restated at {rec.position:g}",)
    return (claim(f"{rec.as_of}: {before.position:g} → {rec.position:g}", rec.sources),)


def issues(analysis: Analysis) -> Section:
    """A chart per issue with every actor on the labelled scale and each model's outcome."""
    case, snap = analysis.case, analysis.snapshot
    blocks: list[Block] = [Paragraph((
        "Each chart places the actors on the issue's scale; a mark's area grows with capability × salience. "
        "Below the scale, each bargaining model's predicted outcome (diamond) and the central 90 % of its "
        "outcomes over Monte Carlo draws of the coded values (bar). ",
        Link("How the models work and what the bars mean", "#methodology"), ".",
    ))]
    bands = intervals(analysis)
    for i, issue_id in enumerate(snap.issues):
        issue = case.issue(issue_id)
        marks, held = [], []
        for a, actor_id in enumerate(snap.actors):
            rec = snap.records[a][i]
            if rec is None:
                continue
            actor = case.actor(actor_id)
            held.append(actor.name)
            marks.append(charts.ActorMark(
                actor.name, actor.role.value, rec.position, rec.capability * rec.salience / 10_000,
                f"{actor.name} ({actor.role.value}): {words(issue, rec.position)}; salience {rec.salience:g}, "
                f"capability {rec.capability:g}; since {rec.as_of}"))
        predicted = [by_model[i] for by_model in bands]
        models = [charts.ModelMark(m.name, float(m.prediction.outcome[i]), lo, hi,
                                   f"{m.name}: {float(m.prediction.outcome[i]):.1f}"
                                   + (f", 90 % interval {lo:.1f}–{hi:.1f}" if lo is not None and hi is not None
                                      else ""))
                  for m, (lo, hi) in zip(analysis.models, predicted, strict=True)]
        blocks.append(Heading(issue.name, anchor("issue", issue.id, i)))
        blocks.append(Paragraph((issue.description,)))
        if marks:
            alt = f"{issue.name}: actors and predicted outcomes as of {analysis.as_of}"
            svg = charts.issue_chart(alt, (issue.scale.min, issue.scale.max), [a.value for a in issue.scale.anchors],
                                     marks, models)
            blocks.append(Figure(f"issue-{i + 1:02d}", svg, (
                f"{issue.name}: {len(marks)} actors with a position ({', '.join(held)}). Scale points: ",
                "; ".join(f"{a.value:g} = {a.label}" for a in sorted(issue.scale.anchors, key=lambda a: a.value)),
                "."), alt))
        else:
            blocks.append(Paragraph((f"No actor had a position on this issue by {analysis.as_of}.",)))
        blocks.append(_prediction_table(analysis, i, issue, predicted))
        recorded = issue.outcome
        if recorded is not None and (recorded.date is None or recorded.date <= analysis.as_of):
            when = f" ({recorded.date})" if recorded.date else ""
            blocks.append(Paragraph((claim(f"Recorded outcome{when}: {words(issue, recorded.value)}.",
                                           recorded.sources),)))
    return Section("issues", "The issues", tuple(blocks))


Interval = tuple[float | None, float | None]


def intervals(analysis: Analysis) -> list[list[Interval]]:
    """Per model, the 90 % interval of each issue, (None, None) where there is none (no draws, or
    no actor holds a position on the issue)."""
    none: Interval = (None, None)
    out: list[list[Interval]] = []
    for m in analysis.models:
        if m.spread is None:
            out.append([none] * len(analysis.snapshot.issues))
            continue
        with warnings.catch_warnings():  # an issue without positions has only NaN draws: no interval
            warnings.simplefilter("ignore", RuntimeWarning)
            low, high = m.spread.interval(0.9)
        out.append([none if math.isnan(lo) else (float(lo), float(hi))
                    for lo, hi in zip(low, high, strict=True)])
    return out


def _prediction_table(analysis: Analysis, i: int, issue: Issue,
                      predicted: Sequence[Interval]) -> Table:
    rows = []
    for m, (lo, hi) in zip(analysis.models, predicted, strict=True):
        value = float(m.prediction.outcome[i])
        model: Run = (Link(m.name, f"#{method_anchor(m.name)}"),)
        if math.isnan(value):
            rows.append((model, ("no prediction",), ("",), ("",)))
            continue
        interval = f"{lo:.1f}–{hi:.1f}" if lo is not None and hi is not None else ""
        rows.append((model, (f"{value:.1f}",), (issue.scale.label_for(value),), (interval,)))
    draws = {m.name: m.spread.draws for m in analysis.models if m.spread is not None}
    caption = ("90 % interval over " + ", ".join(f"{n:,} draws ({name})" for name, n in draws.items())
               + f", seed {analysis.seed}." if draws else "No draws: intervals not computed.")
    return Table(("model", "predicted outcome", "nearest scale point", "90 % interval"), tuple(rows), caption)


def proposals(analysis: Analysis) -> Section | None:
    """Each proposal tabled by the date: who, when, status, its stance per issue, provisions."""
    case = analysis.case
    tabled = sorted((p for p in case.proposals if p.date <= analysis.as_of), key=lambda p: p.date, reverse=True)
    if not tabled:
        return None
    blocks: list[Block] = [Paragraph((
        f"{count(len(tabled), 'proposal')} tabled by {analysis.as_of}, newest first. A stance is coded only on the "
        f"issues a proposal addresses; statuses are as recorded on {case.as_of}.",
    ))]
    for k, p in enumerate(tabled):
        authors = ", ".join(name_of(case, a) for a in p.authors) or "authors not recorded"
        blocks.append(Heading(f"{p.name} ({p.date})", anchor("proposal", p.id, k)))
        intro: list[str | Claim] = [claim(f"Tabled on {p.date} by {authors}; status: {p.status.value}.", p.sources)]
        if p.summary:
            intro += [" ", claim(p.summary, p.sources)]
        blocks.append(Paragraph(tuple(intro)))
        if p.positions:
            rows = tuple(((case.issue(issue_id).name,),
                          (claim(words(case.issue(issue_id), st.position), stance_sources(p, issue_id)),),
                          (st.rationale or "",))
                         for issue_id, st in p.positions.items())
            blocks.append(Table(("issue", "stance (scale words) and sources", "why it is coded there"), rows))
        if p.provisions:
            blocks.append(Bullets(tuple(
                (f"{v.ref}. ", claim(v.text, v.sources or p.sources)) for v in p.provisions)))
    return Section("proposals", "Proposals on the table", tuple(blocks))


def timeline(analysis: Analysis) -> Section | None:
    events = sorted((e for e in analysis.case.events if e.date <= analysis.as_of), key=lambda e: e.date)
    if not events:
        return None
    rows = tuple(((str(e.date),), (e.kind,),
                  (claim(sentence(e.title + (f": {e.description}" if e.description else "")), e.sources),))
                 for e in events)
    chart = charts.timeline_chart(f"{len(events)} events up to {analysis.as_of}",
                                  [charts.Happening(e.date, e.kind, e.title) for e in events])
    figure = Figure("timeline", chart, (f"{count(len(events), 'event')} from {events[0].date} to {events[-1].date}, "
                                        "by kind; the table below lists each with its sources.",), "Events over time")
    return Section("timeline", "Timeline of events", (figure, Table(("date", "kind", "what happened"), rows)))


def indicators(analysis: Analysis) -> Section | None:
    """A chart and a table of every indicator's observations up to the date."""
    blocks: list[Block] = []
    for k, ind in enumerate(analysis.case.indicators):
        seen = sorted((o for o in ind.series if o.date <= analysis.as_of), key=lambda o: o.date)
        if not seen:
            continue
        points = [charts.Point(o.date, o.value, o.low, o.high, f"{o.date}: {o.value:g} {ind.unit}"
                               + (f" ({o.low:g}–{o.high:g})" if o.low is not None and o.high is not None else ""))
                  for o in seen]
        blocks.append(Heading(ind.name, anchor("indicator", ind.id, k)))
        if ind.description:
            blocks.append(Paragraph((ind.description,)))
        blocks.append(Figure(f"indicator-{k + 1:02d}", charts.series_chart(ind.name, ind.unit, points), (
            f"{ind.name}, {len(seen)} observations from {seen[0].date} to {seen[-1].date}, in {ind.unit}.",),
            f"{ind.name} over time"))
        rows = tuple(((str(o.date),), (claim(f"{o.value:g}", o.sources),),
                      (f"{o.low:g}–{o.high:g}" if o.low is not None and o.high is not None else "",),
                      (o.note or "",)) for o in seen)
        blocks.append(Table(("date", f"value ({ind.unit})", "interval", "note"), rows))
    if not blocks:
        return None
    return Section("indicators", "Indicators", tuple(blocks))


def changed(analysis: Analysis) -> Section:
    """Positions that moved (or were first recorded) between the two snapshots, and the events
    and proposals of the same period."""
    case, since, as_of = analysis.case, analysis.since, analysis.as_of
    found = changes(analysis)
    blocks: list[Block] = []
    if found:
        rows = tuple(((name_of(case, c.actor),), (c.issue.name,),
                      (claim(words(c.issue, c.before.position), c.before.sources),) if c.before else ("no position",),
                      (position_claim(c.issue, c.after),),
                      (f"{c.shift:+g}" if c.before else "new",), (str(c.after.as_of),))
                     for c in found)
        blocks.append(Table(("actor", "issue", f"as of {since}", f"as of {as_of}", "change", "recorded on"), rows))
    else:
        blocks.append(Paragraph((f"No position changed between {since} and {as_of}.",)))
    events = [e for e in sorted(case.events, key=lambda e: e.date) if since < e.date <= as_of]
    tabled = [p for p in sorted(case.proposals, key=lambda p: p.date) if since < p.date <= as_of]
    if events or tabled:
        blocks.append(Paragraph((f"Events and proposals in the same period ({len(events)} and {len(tabled)}):",)))
        blocks.append(Bullets(tuple(
            [(claim(f"{e.date}: {e.title}.", e.sources),) for e in events]
            + [(claim(f"{p.date}: proposal “{p.name}” tabled (status {p.status.value}).", p.sources),) for p in tabled]
        )))
    return Section("changes", f"What changed since {since}", tuple(blocks))
