"""Questions a reader of peace-talk coverage asks, each answered only where the data can answer
it: a question the case cannot answer (how likely a ceasefire is, for a case without scenario
parameters) is left out rather than guessed at."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from peacetalks.case import Proposal
from peacetalks.report.analysis import SCENARIO_MONTH, Analysis
from peacetalks.report.document import Block, Bullets, Claim, Heading, Paragraph, Run, Section
from peacetalks.report.facts import changes, claim, name_of, sentence, sources_of, stance_sources, words
from peacetalks.report.forecasts import SCENARIO_METHOD, judgement_note, outcome_words, percent, stopped_claim
from peacetalks.report.sections import AGREE_WITHIN, model_spread, models_agree, party_gaps

#: How many points an answer lists at most.
POINTS = 3


@dataclass(frozen=True)
class Answer:
    question: str
    intro: Run
    points: tuple[Run, ...] = ()


def faq(analysis: Analysis) -> Section | None:
    answers = [a for make in QUESTIONS if (a := make(analysis)) is not None]
    if not answers:
        return None
    blocks: list[Block] = []
    for n, answer in enumerate(answers, start=1):
        blocks += [Heading(answer.question, f"faq-{n}"), Paragraph(answer.intro)]
        if answer.points:
            blocks.append(Bullets(answer.points))
    return Section("faq", "Questions and answers", tuple(blocks))


def plans_differ(analysis: Analysis) -> Answer | None:
    """The newest proposal against the newest earlier one by other authors on a shared issue."""
    tabled = sorted((p for p in analysis.case.proposals if p.date <= analysis.as_of and p.positions),
                    key=lambda p: p.date)
    for k in range(len(tabled) - 1, 0, -1):
        newest = tabled[k]
        other = next((p for p in reversed(tabled[:k]) if set(p.authors) != set(newest.authors)
                      and set(p.positions) & set(newest.positions)), None)
        if other is not None:
            return _compare(analysis, newest, other)
    return None


def _compare(analysis: Analysis, first: Proposal, second: Proposal) -> Answer:
    case = analysis.case
    shared = [i for i in first.positions if i in second.positions]
    differ = sorted((i for i in shared if first.positions[i].position != second.positions[i].position),
                    key=lambda i: -abs(first.positions[i].position - second.positions[i].position))
    intro = (f"The two most recent plans by different authors are “{first.name}” ({first.date}) and "
             f"“{second.name}” ({second.date}). Both address {len(shared)} issues; they differ on {len(differ)}"
             + (", most on:" if differ else "."),)
    points = []
    for issue_id in differ[:POINTS]:
        issue = case.issue(issue_id)
        points.append((
            f"{issue.name}: ",
            claim(f"“{first.name}” {words(issue, first.positions[issue_id].position)};",
                  stance_sources(first, issue_id)),
            " ",
            claim(f"“{second.name}” {words(issue, second.positions[issue_id].position)}.",
                  stance_sources(second, issue_id)),
        ))
    return Answer("What separates the main plans?", intro, tuple(points))


def parties_apart(analysis: Analysis) -> Answer | None:
    gaps = party_gaps(analysis)
    if not gaps:
        return None
    case = analysis.case
    points = tuple((claim(f"{issue.name}: {name_of(case, low.actor)} {words(issue, low.position)}, "
                          f"{name_of(case, high.actor)} {words(issue, high.position)}.", sources_of(low, high)),)
                   for issue, low, high in gaps[:POINTS])
    return Answer("Where are the parties furthest apart?",
                  ("The widest gaps between the parties' positions, as a share of each issue's scale:",), points)


def models_settle(analysis: Analysis) -> Answer | None:
    spread = model_spread(analysis)
    if not spread:
        return None
    agree = models_agree(spread)
    within = f"within {AGREE_WITHIN:.0%} of the scale"
    if not agree:
        return Answer("Do the models agree where the talks would settle?", (
            Claim(f"On none of the {len(spread)} issues do the {len(analysis.models)} models agree {within}.",
                  basis="methodology"),))
    points = tuple((Claim(f"{issue.name}: around {words(issue, round((lo + hi) / 2))}.", basis="methodology"),)
                   for issue, lo, hi in agree)
    return Answer("Where do the models agree the talks would settle?", (
        f"The {len(analysis.models)} bargaining models agree {within} on {len(agree)} of {len(spread)} issues. "
        "This is where the coded positions, saliences and capabilities point, not a forecast of a deal:",), points)


def who_moved(analysis: Analysis) -> Answer | None:
    moved = [c for c in changes(analysis) if c.before is not None]
    if not moved:
        return None
    total: dict[str, float] = {}
    for c in moved:
        total[c.actor] = total.get(c.actor, 0.0) + abs(c.shift)
    actor = max(total, key=lambda a: total[a])
    own = [c for c in moved if c.actor == actor]
    points = tuple((claim(f"{c.issue.name}: from {words(c.issue, c.before.position)} to "
                          f"{words(c.issue, c.after.position)} ({c.after.as_of}).", c.after.sources),)
                   for c in own[:POINTS] if c.before is not None)
    return Answer(f"Who has moved since {analysis.since}?", (
        f"{name_of(analysis.case, actor)} moved most: on {len(own)} issues, {total[actor]:g} scale points in all. "
        "The largest moves:",), points)


def ceasefires(analysis: Analysis) -> Answer | None:
    truces = sorted((e for e in analysis.case.events if e.kind == "ceasefire" and e.date <= analysis.as_of),
                    key=lambda e: e.date)
    if not truces:
        return None
    points = tuple((claim(sentence(f"{e.date}: {e.title}" + (f" — {e.description}" if e.description else "")),
                          e.sources),) for e in truces[-POINTS:])
    return Answer("Has there been a ceasefire?", (
        f"The case records {len(truces)} ceasefire or truce events by {analysis.as_of}; the latest:",), points)


def concession(analysis: Analysis) -> Answer | None:
    """The smallest change that would make some package acceptable to every veto holder, or the
    Nash package where one already is."""
    from peacetalks.report.deals import DEALS_METHOD, describe_remedy

    found = analysis.space
    if found is None:
        return None
    case = analysis.case
    if found.nash is not None:
        return Answer("Is there a deal every veto holder could accept?", (Claim(
            f"Yes: {found.agreement_size:,} efficient packages are acceptable to all of them; the Nash package is "
            "set out under the bargaining space.", basis=DEALS_METHOD),))
    if not found.closest:
        return None
    first = found.closest[0]
    return Answer("Which concession would open a deal?", (
        Claim("No package is acceptable to every veto holder as coded. The smallest change found that would make "
              f"one acceptable: {describe_remedy(case, first.changes)}", basis=DEALS_METHOD),
        " This is about the coded values, not a forecast that the change will happen.",))


def ceasefire_likely(analysis: Analysis) -> Answer | None:
    """The forecast's share of runs in which fighting stops within a year, in words and figures."""
    scen = analysis.scenarios
    if scen is None:
        return None
    f = scen.forecast
    share = f.stopped[SCENARIO_MONTH - 1]
    verdict = ("Unlikely, on the case's assumptions." if share < 0.2 else
               "Less likely than not, on the case's assumptions." if share < 0.4 else
               "About as likely as not, on the case's assumptions." if share <= 0.6 else
               "Likely, on the case's assumptions.")
    points: list[Run] = []
    month = {o: f.probability[o][SCENARIO_MONTH - 1] for o in f.outcomes}
    top = max(month, key=lambda o: month[o])
    points.append((Claim(f"The most likely state at month {SCENARIO_MONTH} ({f.months[SCENARIO_MONTH - 1]}) is "
                         f"{outcome_words(top)}, in {percent(month[top])} of runs.", basis=SCENARIO_METHOD),))
    if scen.sensitivity is not None and scen.sensitivity.tornado:
        bar = scen.sensitivity.tornado[0]
        points.append((Claim(f"It depends most on {bar.parameter}: {percent(bar.low)} with it at its 5th "
                             f"percentile, {percent(bar.high)} at its 95th.", basis=SCENARIO_METHOD),))
    points.append(judgement_note(scen))
    return Answer(f"Is a ceasefire likely in the next {SCENARIO_MONTH} months?", (
        Claim(verdict, basis=SCENARIO_METHOD), " ", stopped_claim(analysis, scen)), tuple(points))


QUESTIONS: tuple[Callable[[Analysis], Answer | None], ...] = (
    ceasefire_likely, plans_differ, parties_apart, concession, models_settle, who_moved, ceasefires,
)
