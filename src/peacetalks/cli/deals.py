"""Deals commands: assess, space, search and sequence (tables in the terminal, or JSON)."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich import box
from rich.table import Table

from peacetalks.cli import AsOfOption, DbOption, _date, _record, app, friendly, out
from peacetalks.errors import PeacetalksError

if TYPE_CHECKING:
    from peacetalks.case import Case, Proposal, Snapshot
    from peacetalks.deals.space import Point


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"


class SilenceChoice(StrEnum):
    AUTO = "auto"
    STATUS_QUO = "status-quo"
    EXPECTATION = "expectation"


FormatOption = Annotated[Format, typer.Option("--format", help="Output format.")]
SilenceOption = Annotated[SilenceChoice, typer.Option(
    help="How an issue a proposal is silent on is valued: its status quo, or where the actors expect "
    "it to settle (weighted-median forecast); auto = status quo where the case codes one on every issue.")]
ReservationOption = Annotated[list[str] | None, typer.Option(
    "--reservation", "-r", help="Override a reservation value, ACTOR=VALUE with VALUE in 0–1 (repeatable).",
    show_default=False)]
VetoOption = Annotated[list[str] | None, typer.Option(
    "--veto", help="Actor whose consent a deal needs (repeatable; replaces the case's veto roles).",
    show_default=False)]
RiskOption = Annotated[float, typer.Option(
    help="Risk curvature of utilities: 1 linear, above 1 risk-averse, below 1 risk-acceptant.", min=0.05)]


def _reservations(values: list[str] | None) -> dict[str, float]:
    parsed: dict[str, float] = {}
    for item in values or []:
        actor, sep, number = item.partition("=")
        try:
            parsed[actor.strip()] = float(number)
        except ValueError:
            sep = ""
        if not sep or not actor.strip():
            raise PeacetalksError(f"--reservation {item!r}: write it as ACTOR=VALUE, e.g. russia=0.6")
    return parsed


def _load(case: str, as_of: str | None, db: str | None) -> tuple[Case, Snapshot]:
    from peacetalks.catalog import load_case

    loaded = load_case(case, db=db)
    return loaded, loaded.snapshot(_date(as_of) or loaded.as_of)


def _proposal(case: Case, proposal_id: str) -> Proposal:
    try:
        return case.proposal(proposal_id)
    except KeyError as exc:
        raise PeacetalksError(f"{exc.args[0]} (list them with `peacetalks show {case.id}`)") from None


def _silence(choice: SilenceChoice) -> str | None:
    return None if choice is SilenceChoice.AUTO else choice.value


def _emit_json(document: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def _mark(acceptable: bool | None) -> str:
    return {True: "[green]✓[/green]", False: "[red]✗[/red]", None: "[dim]?[/dim]"}[acceptable]


@app.command()
@friendly
def assess(
    case: Annotated[str, typer.Argument(help="Case path, stored id or built-in name.")],
    proposal: Annotated[list[str] | None, typer.Argument(
        help="Proposal ids (default: every proposal in the case).", show_default=False)] = None,
    as_of: AsOfOption = None,
    silence: SilenceOption = SilenceChoice.AUTO,
    reservation: ReservationOption = None,
    risk: RiskOption = 1.0,
    fmt: FormatOption = Format.TABLE,
    db: DbOption = None,
) -> None:
    """Judge proposals for every actor with a reservation value: utility (1 = all its positions,
    0 = the far end of every scale), ✓ when it is at least the actor's reservation value (what no
    deal is worth to it) and no red line is crossed, and the deal-breakers — the issues that make
    it unacceptable. Veto holders come first; 'deal' says whether all of them accept."""
    from peacetalks.deals import assess_all

    loaded, snap = _load(case, as_of, db)
    chosen = [_proposal(loaded, p) for p in proposal] if proposal else list(loaded.proposals)
    if not chosen:
        raise PeacetalksError(f"case {loaded.id!r} has no proposals to assess")
    results = assess_all(snap, chosen, silence=_silence(silence), reservation=_reservations(reservation), risk=risk)
    document = {"case": loaded.id, "as_of": snap.as_of.isoformat(), "case_hash": loaded.content_hash,
                "assessments": [a.to_dict() for a in results]}
    _record(db, loaded, "assess", {"proposals": [p.id for p in chosen], "silence": silence.value,
                                   "reservation": _reservations(reservation), "risk": risk}, None, document)
    if fmt is Format.JSON:
        _emit_json(document)
        return
    # Without reservation values there is no verdict, only utilities: show every actor then.
    judged = [v for v in results[0].verdicts if v.reservation is not None] or list(results[0].verdicts)
    judged.sort(key=lambda v: not v.veto)
    console = out()
    if all(v.reservation is None for v in judged):
        console.print(f"[yellow]No actor in {loaded.id!r} has a reservation value: utilities only "
                      "(add 'reservations' to the case, or pass --reservation ACTOR=VALUE).[/yellow]")
    # No vertical rules and a minimum width per cell, so that a utility is never cut to "0.…" on an
    # 80-column terminal; names fold instead.
    table = Table(title=f"Proposals × actors, {loaded.name} as of {snap.as_of}", title_justify="left",
                  box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True,
                  caption="utility and ✓/✗ against the reservation value (under the name); * veto holder; "
                  "~ the verdict flips within the reservation's coded range; silence read as "
                  f"{results[0].silence}", caption_justify="left")
    table.add_column("proposal", overflow="fold", min_width=10)
    for v in judged:
        res = "—" if v.reservation is None else f"{v.reservation:.2f}"
        table.add_column(f"{v.actor}{'*' if v.veto else ''}\n{res}", justify="right", min_width=6, overflow="fold")
    table.add_column("deal")
    for a in results:
        cells = [f"{a.verdict(v.actor).utility:.2f}{_mark(a.verdict(v.actor).acceptable)}"
                 f"{'~' if a.verdict(v.actor).robust is False else ''}" for v in judged]
        table.add_row(a.proposal, *cells, _mark(a.accepted))
    console.print(table)
    console.print("[bold]Deal-breakers[/bold] (red lines crossed first, then the issues that would have to "
                  "move for the actor to accept, largest loss first):")
    for a in results:
        lines = [f"  {v.actor}: {', '.join(v.deal_breakers)}" for v in a.verdicts
                 if v.deal_breakers and (v.veto or v.actor in {j.actor for j in judged})]
        if lines:
            dominated = " [dim](a package better for every veto holder exists)[/dim]" if a.dominated_by else ""
            console.print(f"[bold]{a.proposal}[/bold]{dominated}", highlight=False)
            for line in lines:
                console.print(line, highlight=False)


def _point_table(snap: Snapshot, title: str, points: dict[str, Point]) -> Table:
    table = Table(title=title, title_justify="left", show_lines=True)
    table.add_column("issue")
    for name in points:
        table.add_column(name)
    for issue in snap.issues:
        table.add_row(issue, *(f"{p.package[issue]:g} — {p.labels[issue]}" for p in points.values()))
    table.add_row("[bold]utility[/bold]", *(", ".join(f"{a} {u:.2f}" for a, u in p.utility.items())
                                            for p in points.values()))
    return table


@app.command()
@friendly
def space(
    case: Annotated[str, typer.Argument(help="Case path, stored id or built-in name.")],
    as_of: AsOfOption = None,
    reservation: ReservationOption = None,
    veto: VetoOption = None,
    risk: RiskOption = 1.0,
    fmt: FormatOption = Format.TABLE,
    db: DbOption = None,
) -> None:
    """Map the bargaining space among the veto holders: per issue, the interval each would accept
    (if everything else went its way) and whether they overlap (a zone of possible agreement);
    the size of the Pareto frontier over the packages of scale-anchor values; the Nash and
    Kalai–Smorodinsky packages in the scales' words — or, when no package is better than no deal
    for all of them, the smallest changes that would create one."""
    from peacetalks.deals import space as map_space

    loaded, snap = _load(case, as_of, db)
    result = map_space(snap, reservation=_reservations(reservation), veto=veto, risk=risk,
                       proposals=loaded.proposals)
    document = {"case": loaded.id, "case_hash": loaded.content_hash, **result.to_dict()}
    _record(db, loaded, "space", {"reservation": _reservations(reservation), "veto": veto, "risk": risk},
            None, document)
    if fmt is Format.JSON:
        _emit_json(document)
        return
    console = out()
    zones = Table(title=f"Zones of possible agreement, {loaded.name} as of {snap.as_of}", title_justify="left",
                  show_lines=True)
    zones.add_column("issue")
    for actor in result.actors:
        zones.add_column(f"{actor}\nres. {result.reservation[actor]:.2f}")
    zones.add_column("overlap")
    for z in result.zones:
        cells = [("{:g}–{:g}".format(*z.intervals[a]) if a in z.intervals else "[dim]no position[/dim]")
                 for a in result.actors]
        overlap = "[red]none[/red]" if z.overlap is None else f"{z.overlap[0]:g}–{z.overlap[1]:g}"
        i = snap.issues.index(z.issue)
        narrowed = z.overlap is not None and (z.overlap[0] > snap.scale_min[i] or z.overlap[1] < snap.scale_max[i])
        if narrowed and z.overlap_labels:
            words = z.overlap_labels[0] if z.overlap_labels[0] == z.overlap_labels[1] else " … ".join(z.overlap_labels)
            overlap += f"\n[dim]{words}[/dim]"
        zones.add_row(z.issue, *cells, overlap)
    console.print(zones)
    counted = "too many to count" if result.agreement_count is None else f"{result.agreement_count:,}"
    console.print(f"{result.packages:,.0f} packages of scale-anchor and proposal values; Pareto frontier "
                  f"{result.frontier_size:,}. Packages every veto holder prefers to no deal: {counted}, "
                  f"of which {result.agreement_size:,} efficient.", highlight=False)
    console.print(f"[dim]Method: {result.method}[/dim]")
    if result.nash is not None and result.kalai_smorodinsky is not None:
        console.print(_point_table(snap, "Bargaining solutions (disagreement point = reservation values)",
                                   {"Nash": result.nash, "Kalai–Smorodinsky": result.kalai_smorodinsky}))
        return
    console.print("[bold red]No package is better than no deal for every veto holder.[/bold red]")
    if not result.closest:
        console.print("No single red line, reservation or salience change creates one.")
        return
    table = Table(title="Smallest changes that would create one", title_justify="left", show_lines=True)
    for column in ("size", "changes", "resulting utilities"):
        table.add_column(column)
    for remedy in result.closest:
        steps = "\n".join(f"{c.actor}: {c.kind} {('on ' + c.issue + ' ') if c.issue else ''}"
                          f"{c.current:g} → {c.needed:.3g}" for c in remedy.changes)
        table.add_row(f"{remedy.size:.3f}", steps,
                      ", ".join(f"{a} {remedy.point.utility[a]:.3f}" for a in result.actors))
    console.print(table)
    console.print(_point_table(snap, "The package the smallest change makes acceptable",
                               {"package": result.closest[0].point}))


@app.command()
@friendly
def search(
    case: Annotated[str, typer.Argument(help="Case path, stored id or built-in name.")],
    near: Annotated[str | None, typer.Option(
        help="Proposal id to search around (default: logrolls from the status quo only).", show_default=False)] = None,
    accept_by: Annotated[list[str] | None, typer.Option(
        "--accept-by", help="Actor who must accept the package (repeatable; default: every veto holder).",
        show_default=False)] = None,
    limit: Annotated[int, typer.Option(help="How many packages and trades to show.", min=1)] = 5,
    as_of: AsOfOption = None,
    silence: SilenceOption = SilenceChoice.AUTO,
    reservation: ReservationOption = None,
    veto: VetoOption = None,
    risk: RiskOption = 1.0,
    fmt: FormatOption = Format.TABLE,
    db: DbOption = None,
) -> None:
    """Find the acceptable packages closest to a proposal (the fewest and smallest moves away from
    it that every veto holder — or the --accept-by actors — would accept), and the two-issue
    trades (logrolls) that leave every veto holder better off than the proposal or the status quo."""
    from peacetalks.deals.search import logrolls
    from peacetalks.deals.search import search as near_search

    loaded, snap = _load(case, as_of, db)
    options: dict[str, Any] = {"silence": _silence(silence), "reservation": _reservations(reservation),
                               "veto": veto, "risk": risk}
    start = _proposal(loaded, near) if near else None
    found = near_search(snap, start, limit=limit, accept_by=accept_by, **options) if start else None
    trades = logrolls(snap, start, limit=limit, **options)
    document = {"case": loaded.id, "as_of": snap.as_of.isoformat(), "case_hash": loaded.content_hash,
                "search": None if found is None else found.to_dict(),
                "logrolls": [asdict(t) for t in trades]}
    _record(db, loaded, "search", {"near": near, "accept_by": accept_by, "limit": limit, **options}, None, document)
    if fmt is Format.JSON:
        _emit_json(document)
        return
    console = out()
    if found is not None:
        if not found.results:
            console.print(f"[red]No package is acceptable to {', '.join(found.actors)}.[/red] Run "
                          f"`peacetalks space {case}` for the smallest changes that would create one, or "
                          "name fewer actors with --accept-by.")
        else:
            table = Table(title=f"Packages nearest to {near} acceptable to {', '.join(found.actors)}",
                          title_justify="left", show_lines=True)
            for column in ("distance", "moves", "also accepted by"):
                table.add_column(column)
            for n in found.results:
                moves = "\n".join(f"{m.issue}: {m.before:g} → {m.after:g} ({m.after_label})" for m in n.moves)
                table.add_row(f"{n.distance:.2f}", moves,
                              ", ".join(a for a in n.acceptable_to if a not in found.actors))
            console.print(table)
    if trades:
        table = Table(title=f"Trades that leave every veto holder better off than {near or 'the status quo'}",
                      title_justify="left", show_lines=True)
        table.add_column("trade")
        table.add_column("gains")
        for t in trades:
            moves = "\n".join(f"{m.issue}: {m.before:g} → {m.after:g} ({m.after_label})" for m in t.moves)
            table.add_row(moves, ", ".join(f"{a} {g:+.3f}" for a, g in t.gains.items() if abs(g) > 1e-9))
        console.print(table)
    else:
        console.print(f"No two-issue trade makes every veto holder better off than {near or 'the status quo'}.")


@app.command()
@friendly
def sequence(
    case: Annotated[str, typer.Argument(help="Case path, stored id or built-in name.")],
    proposal: Annotated[str, typer.Argument(help="Proposal id (it must list phases).")],
    as_of: AsOfOption = None,
    detection: Annotated[float, typer.Option(
        help="Chance a defection is caught in a phase with verification.", min=0, max=1)] = 0.8,
    detection_unverified: Annotated[float, typer.Option(
        help="Chance a defection is caught in a phase without verification.", min=0, max=1)] = 0.2,
    penalty: Annotated[float, typer.Option(
        help="What a caught defector loses to the guarantors, in utility (0–1).", min=0, max=1)] = 0.05,
    silence: SilenceOption = SilenceChoice.AUTO,
    reservation: ReservationOption = None,
    risk: RiskOption = 1.0,
    fmt: FormatOption = Format.TABLE,
    db: DbOption = None,
) -> None:
    """Check a proposal's phases: at each phase, each veto holder's temptation to defect (keep what
    was delivered, withhold its own steps, go back to war) against complying, with and without
    verification and guarantees; which steps are self-enforcing and which need a guarantor; and
    how 'ceasefire first', 'settlement first' and the least tempting order compare."""
    from peacetalks.deals.sequence import sequence as check

    loaded, snap = _load(case, as_of, db)
    result = check(snap, _proposal(loaded, proposal), silence=_silence(silence),
                   reservation=_reservations(reservation), risk=risk, detection=detection,
                   detection_unverified=detection_unverified, penalty=penalty)
    document = {"case": loaded.id, "as_of": snap.as_of.isoformat(), "case_hash": loaded.content_hash,
                **result.to_dict()}
    _record(db, loaded, "sequence", {"proposal": proposal, "detection": detection,
                                     "detection_unverified": detection_unverified, "penalty": penalty,
                                     "silence": silence.value, "reservation": _reservations(reservation),
                                     "risk": risk}, None, document)
    if fmt is Format.JSON:
        _emit_json(document)
        return
    console = out()
    table = Table(title=f"{proposal}: temptation to defect at each phase (defect − comply; net of "
                  f"verification × penalty)", title_justify="left", show_lines=True)
    table.add_column("phase")
    table.add_column("issues moved")
    actors = [t.actor for t in result.phases[0].actors]
    for actor in actors:
        table.add_column(actor)
    colour = {"self-enforcing": "green", "enforced": "yellow", "needs a guarantor": "red"}
    for ph in result.phases:
        cells = [f"{t.temptation:+.3f} / {t.net:+.3f}\n[{colour[t.verdict]}]{t.verdict}[/{colour[t.verdict]}]"
                 for t in ph.actors]
        table.add_row(f"{ph.order}. {ph.name}\n[dim]{'verified' if ph.verified else 'no verification'}[/dim]",
                      ", ".join(ph.issues) or "[dim]none coded[/dim]", *cells)
    console.print(table)
    orders = Table(title="Orderings compared (worst net temptation; steps needing a guarantor)",
                   title_justify="left")
    for column in ("ordering", "phases", "worst", "guarantor steps"):
        orders.add_column(column)
    for o in result.orderings:
        orders.add_row(o.name, " → ".join(o.phases), f"{o.worst:+.3f}", str(o.guarantor_steps))
    console.print(orders)
