"""The briefing's sections from :mod:`peacetalks.deals`: how each actor values each proposal and
whether it could accept it, the deal-breakers, and the bargaining space among the veto holders
(zones of agreement, the Nash and Kalai–Smorodinsky packages, or the smallest change that would
open one). Every verdict rests on the actor's reservation value, whose sources it cites, and on
the deals method, which it links to."""

from __future__ import annotations

from peacetalks.case import Case, Reservation
from peacetalks.case.types import Issue
from peacetalks.deals import Assessment, Change, Point
from peacetalks.report import charts
from peacetalks.report.analysis import Analysis
from peacetalks.report.document import Block, Bullets, Claim, Figure, Heading, Link, Paragraph, Run, Section, Table
from peacetalks.report.facts import name_of, words
from peacetalks.report.sections import ordered_actors

#: Anchor of the methodology subsection on the deals analysis.
DEALS_METHOD = "method-deals"


def reservation_of(analysis: Analysis, actor: str) -> Reservation | None:
    snap = analysis.snapshot
    if not snap.reservations or actor not in snap.actors:
        return None
    return snap.reservations[snap.actors.index(actor)]


def _verdict_claim(analysis: Analysis, text: str, actor: str, assessment: Assessment) -> Claim:
    """A computed verdict: it rests on the actor's reservation value (and its sources) and on the
    proposal's sources, and links to the method."""
    res = reservation_of(analysis, actor)
    proposal = analysis.case.proposal(assessment.proposal)
    sources = tuple(dict.fromkeys((res.sources if res else ()) + proposal.sources))
    return Claim(text, sources, DEALS_METHOD)


def compared(analysis: Analysis) -> Section | None:
    """Proposals × actors: utility and acceptability, then the deal-breakers of each proposal."""
    if not analysis.assessments:
        return None
    case = analysis.case
    ordered = [a.id for a in ordered_actors(analysis)]
    assessed = analysis.assessments[0].verdicts
    actors = [a for a in ordered if any(v.actor == a for v in assessed)]
    rows = sorted(analysis.assessments, key=lambda a: a.date, reverse=True)
    vetoes = [v.actor for v in assessed if v.veto]
    silence = {"status-quo": "stay where they stand without a deal (the status quo coded in the case)",
               "expectation": "settle where the actors' weighted median puts them"}[rows[0].silence]
    blocks: list[Block] = [Paragraph((
        "Each actor's utility for each proposal runs from 0 (the far end of every scale from its positions) to 1 "
        "(its own position on every issue), weighting issues by its salience. A proposal is acceptable to an "
        "actor when its utility reaches the actor's reservation value, the worth of no deal; issues a proposal "
        f"is silent on are taken to {silence}. A deal needs every veto holder: "
        f"{', '.join(name_of(case, a) for a in vetoes) or 'none coded'}. Reservation values are analyst "
        "calibrations; ", Link("see the method", f"#{DEALS_METHOD}"), ".",
    ))]
    names = [name_of(case, a) + (" (veto)" if a in vetoes else "") for a in actors]
    grid = [[_cell(analysis, assessment, actor) for actor in actors] for assessment in rows]
    blocks.append(Figure("deals-heatmap", charts.heatmap(
        f"Utility and acceptability of {len(rows)} proposals for {len(actors)} actors as of {analysis.as_of}",
        [f"{a.name} ({a.date})" for a in rows], names, grid), (
        f"{len(rows)} proposals (rows, newest first) against {len(actors)} actors (columns): darker is better for "
        "the actor; ✓ acceptable, ✗ below its reservation value, no mark where the case codes no reservation "
        "value.",), "Proposals against actors: utility and acceptability"))
    table_rows = []
    for assessment in rows:
        accepted = {True: "yes", False: "no", None: "unknown"}[assessment.accepted]
        proposal = case.proposal(assessment.proposal)
        cells: list[Run] = [(Claim(f"{assessment.name} ({assessment.date})", proposal.sources),), (accepted,)]
        for actor in actors:
            v = assessment.verdict(actor)
            mark = {True: " ✓", False: " ✗", None: ""}[v.acceptable] + (" ~" if v.robust is False else "")
            cells.append((f"{v.utility:.2f}{mark}",))
        table_rows.append(tuple(cells))
    blocks.append(Table(("proposal", "all veto holders accept", *names), tuple(table_rows),
                        "Utility of each proposal for each actor, computed from the coded positions and saliences; "
                        "✓ acceptable, ✗ below the actor's reservation value (sources with the reservation values "
                        "under Methodology); ~ the verdict changes within the reservation value's coded range."))
    breakers = [item for assessment in rows for item in _deal_breakers(analysis, assessment)]
    if breakers:
        blocks += [Heading("Deal-breakers", "deal-breakers"), Paragraph((
            "Where a veto holder would reject a proposal: the issues whose red line it crosses, then the fewest "
            "further issues that, moved to the actor's position, would make it acceptable.",)),
            Bullets(tuple(breakers))]
    return Section("deals", "Proposals compared", tuple(blocks))


def _cell(analysis: Analysis, assessment: Assessment, actor: str) -> charts.Cell:
    v = assessment.verdict(actor)
    verdict = {True: "acceptable", False: "not acceptable", None: "no reservation value coded"}[v.acceptable]
    reservation = f" against a reservation value of {v.reservation:.2f}" if v.reservation is not None else ""
    return charts.Cell(v.utility, v.acceptable,
                       f"{assessment.name} for {name_of(analysis.case, actor)}: utility {v.utility:.2f}{reservation} "
                       f"— {verdict}")


def _deal_breakers(analysis: Analysis, assessment: Assessment) -> list[Run]:
    case = analysis.case
    out: list[Run] = []
    for v in assessment.verdicts:
        if not v.veto or v.acceptable is not False:
            continue
        issues = ", ".join(case.issue(i).name for i in v.deal_breakers) or "none found"
        text = (f"{assessment.name}: {name_of(case, v.actor)} would reject it (utility {v.utility:.2f} against its "
                f"reservation value {_number(v.reservation)}); deal-breakers: {issues}.")
        out.append((_verdict_claim(analysis, text, v.actor, assessment),))
    return out


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def bargaining_space(analysis: Analysis) -> Section | None:
    """Where the veto holders' acceptable outcomes meet, issue by issue and as whole packages."""
    found = analysis.space
    if found is None:
        if analysis.deals_note is None:
            return None
        return Section("space", "The bargaining space", (Paragraph((
            f"The bargaining space cannot be mapped for this case: {analysis.deals_note}.",)),))
    case = analysis.case
    holders = ", ".join(f"{name_of(case, a)} ({found.reservation[a]:.2f})" for a in found.actors)
    agreed = f"{found.agreement_size:,} of these are" if found.agreement_size else "none of these is"
    blocks: list[Block] = [Paragraph((Claim(
        f"Among the veto holders, with their reservation values — {holders} — the analysis searched "
        f"{found.packages:,} packages: every combination of each issue's scale points and the values the proposals "
        f"take. {found.frontier_size:,} of them are efficient (no other is better for one veto holder without being "
        f"worse for another); {agreed} acceptable to all the veto holders.",
        _reservation_sources(analysis, found.actors), DEALS_METHOD),))]
    meet = [z for z in found.zones if z.overlap is not None]
    apart = [z for z in found.zones if z.overlap is None]
    rows = []
    for z in found.zones:
        issue = case.issue(z.issue)
        overlap = _zone(issue, z.overlap)
        each = "; ".join(f"{name_of(case, a)} {lo:g}–{hi:g}" for a, (lo, hi) in z.intervals.items())
        rows.append(((issue.name,), (Claim(overlap, basis=DEALS_METHOD),), (each,)))
    blocks += [Paragraph((Claim(
        f"Issue by issue, with everything else going its way, each veto holder's acceptable range overlaps the "
        f"others' on {len(meet)} of {len(found.zones)} issues"
        + (f"; they do not meet on {', '.join(case.issue(z.issue).name for z in apart)}." if apart else "."),
        basis=DEALS_METHOD),)),
        Table(("issue", "zone of possible agreement", "each veto holder's acceptable range"), tuple(rows))]
    if found.nash is not None and found.kalai_smorodinsky is not None:
        blocks += [Heading("The Nash and Kalai–Smorodinsky packages", "packages"), Paragraph((Claim(
            "The Nash package maximises the product of the veto holders' gains over no deal; the Kalai–Smorodinsky "
            "package gives each the same share of its best possible gain.", basis=DEALS_METHOD),)),
            _packages_table(analysis, found.nash, found.kalai_smorodinsky)]
    elif found.closest:
        blocks += [Heading("What would open a deal", "remedies"), Paragraph((Claim(
            "No package is acceptable to every veto holder. The smallest changes that would make one acceptable, "
            "smallest first:", basis=DEALS_METHOD),)),
            Bullets(tuple((Claim(describe_remedy(case, r.changes), _remedy_sources(analysis, r.changes),
                                 DEALS_METHOD),) for r in found.closest[:3])),
            Paragraph(("The package the first of these would make acceptable to all:",)),
            _package_table(analysis, found.closest[0].point)]
    return Section("space", "The bargaining space", tuple(blocks))


def _zone(issue: Issue, overlap: tuple[float, float] | None) -> str:
    if overlap is None:
        return "no overlap"
    low, high = overlap
    if (low, high) == (issue.scale.min, issue.scale.max):
        return "the whole scale"
    if low == high:
        return f"only {words(issue, low)}"
    return f"{words(issue, low)} to {words(issue, high)}"


def _remedy_sources(analysis: Analysis, changes: tuple[Change, ...]) -> tuple[str, ...]:
    """The sources of the reservation values and red lines a remedy changes."""
    found: list[str] = []
    for c in changes:
        res = reservation_of(analysis, c.actor)
        if res is None:
            continue
        lines = [x for x in res.red_lines if x.issue == c.issue] if c.kind.startswith("red-line") else []
        found += [s for x in lines for s in x.sources] or list(res.sources)
    return tuple(dict.fromkeys(found))


def _reservation_sources(analysis: Analysis, actors: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s for a in actors if (r := reservation_of(analysis, a)) for s in r.sources))


def _packages_table(analysis: Analysis, nash: Point, ks: Point) -> Table:
    case = analysis.case
    rows = tuple(((case.issue(i).name,), (Claim(words(case.issue(i), nash.package[i]), basis=DEALS_METHOD),),
                  (Claim(words(case.issue(i), ks.package[i]), basis=DEALS_METHOD),)) for i in nash.package)
    gains = "; ".join(f"{name_of(case, a)} {nash.utility[a]:.2f} and {ks.utility[a]:.2f}" for a in nash.utility
                      if a in analysis.space.actors) if analysis.space else ""
    return Table(("issue", "Nash package", "Kalai–Smorodinsky package"), rows,
                 f"Utilities of the veto holders (Nash, Kalai–Smorodinsky): {gains}.")


def _package_table(analysis: Analysis, point: Point) -> Table:
    case = analysis.case
    rows = tuple(((case.issue(i).name,), (Claim(words(case.issue(i), v), basis=DEALS_METHOD),))
                 for i, v in point.package.items())
    gains = "; ".join(f"{name_of(case, a)} {u:.2f}" for a, u in point.utility.items()
                      if analysis.space and a in analysis.space.actors)
    return Table(("issue", "package"), rows, f"Utilities of the veto holders: {gains}.")


def describe_remedy(case: Case, changes: tuple[Change, ...]) -> str:
    parts = []
    for c in changes:
        who = name_of(case, c.actor)
        if c.kind == "reservation":
            parts.append(f"{who} accepting a deal worth {c.needed:.3f} to it instead of at least {c.current:.3f}")
        elif c.kind == "salience" and c.issue is not None:
            parts.append(f"{who} caring {'less' if c.needed < c.current else 'more'} about {case.issue(c.issue).name} "
                         f"(salience {c.current:g} → {c.needed:.0f})")
        elif c.issue is not None:
            issue = case.issue(c.issue)
            parts.append(f"{who} moving its red line on {issue.name} from {words(issue, c.current)} to "
                         f"{words(issue, c.needed)}")
    return " and ".join(parts) + "."

