"""The packages a simulated month can sign, from :mod:`peacetalks.deals`, as arrays.

Candidates are the Pareto frontier of the veto holders' utilities over the deals grid (scale
anchors and proposal values), the frontier within the coded red lines, and the case's proposals
(silent issues read as the status quo). A package is acceptable to a veto holder in a month when
its utility is at least that month's reservation value and it crosses none of its red lines by
more than that month's red-line tolerance. Checking acceptability on the candidates only can
miss an acceptable package off the frontier (then the simulation understates the chance of a
deal); it never signs a package that is not acceptable, which the signing kernel re-checks.

Saliences move month by month on a few groups of issues (:data:`GROUPS`: the security
guarantees, the territorial issues, sanctions relief and ceasefire sequencing). Each utility is
therefore split into the weighted value of each group and the rest, so that with salience
multipliers x[K, G] an actor's utility is U = (base + Σ_g x_g · part_g) / (w_base + Σ_g x_g · w_g).

The ceasefire package is the status quo on every issue (the line of contact, nothing
recognised) with the sequencing issue at its "fighting stops first" end. It is judged on
utility alone: red lines limit a settlement, and a ceasefire settles nothing (Ukraine offered an
unconditional ceasefire in March 2025 although its red lines on guarantees were unmet); a
party's insistence on conditions before a ceasefire is its position on the sequencing issue.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from peacetalks.case.snapshot import Snapshot
from peacetalks.case.types import ActorRole, Case
from peacetalks.deals.frontier import pareto_front
from peacetalks.deals.space import grid, restrict, veto_rows
from peacetalks.deals.utility import DealError, Preferences, preferences
from peacetalks.models.compiled import compiled
from peacetalks.scenarios.parameters import ScenarioError

FloatArray = NDArray[np.float64]


#: Groups of issues whose salience the dynamics move, each found by words in the issue's id
#: and name (and for territory by its category); a group the case lacks stays empty.
GROUPS: tuple[str, ...] = ("guarantees", "territory", "sanctions", "ceasefire")
GUARANTEES, TERRITORY, SANCTIONS, CEASEFIRE_ISSUE = range(len(GROUPS))


@dataclass(frozen=True, eq=False)
class Packages:
    """Candidate packages and what each is worth to each veto holder.

    Actor 0 is the first party (the one the scales start from), actor 1 the second party, any
    further veto holders follow. ``part[F, K, G]`` is the weighted value of each group of
    :data:`GROUPS` in each package for each actor, ``base[F, K]`` that of the other issues;
    ``w_part[K, G]`` and ``w_base[K]`` are the weights (summing to 1 per actor), so saliences
    scaled by x[K, G] give U = (base + Σ x·part) / (w_base + Σ x·w_part). ``violation[F, K]`` is
    the largest amount (share of the scale) by which the package crosses one of the actor's red
    lines; ``order`` lists the candidates by increasing violation of the second party's red lines.
    """

    actors: tuple[str, ...]
    issues: tuple[str, ...]
    values: FloatArray
    base: FloatArray
    part: FloatArray
    w_base: FloatArray
    w_part: FloatArray
    groups: tuple[tuple[str, ...], ...]
    violation: FloatArray
    weakness: FloatArray
    order: NDArray[np.int64]
    ceasefire: FloatArray
    ceasefire_base: FloatArray
    ceasefire_part: FloatArray
    reservation: FloatArray
    reservation_low: FloatArray
    reservation_high: FloatArray
    guarantee_issue: str | None
    sequencing_issue: str | None
    label_values: tuple[FloatArray, ...]
    labels: tuple[tuple[str, ...], ...]
    readiness: float = 1.0
    readiness_from: tuple[str, ...] = ()

    def __len__(self) -> int:
        return int(self.values.shape[0])

    def label(self, package: int, issue: int) -> str:
        """The scale label of a candidate's value on one issue."""
        return self.labels[issue][int(np.searchsorted(self.label_values[issue], self.values[package, issue]))]


def _find(case: Case, words: tuple[str, ...], category: str | None = None) -> str | None:
    for issue in case.issues:
        text = f"{issue.id} {issue.name}".lower()
        if (category is None or issue.category == category) and any(w in text for w in words):
            return issue.id
    return None


def _parties(case: Case, prefs: Preferences) -> list[int]:
    parties = [k for k, a in enumerate(prefs.actors) if case.actor(a).role is ActorRole.PARTY]
    if len(parties) != 2:
        raise ScenarioError(
            f"the scenarios need exactly two parties among the veto holders; case {case.id!r} has "
            f"{', '.join(prefs.actors[k] for k in parties) or 'none'} (set 'role: party' on the actors "
            "and 'role: veto' on their reservations)")
    # The first party is the one the scales start from: its positions sit lower on average.
    mean = [np.nanmean(prefs.position[k]) for k in parties]
    return parties if mean[0] <= mean[1] else parties[::-1]


def build(case: Case, snapshot: Snapshot) -> Packages:
    """Candidate packages for a snapshot (about 0.3 s for the built-in case)."""
    if not any(snapshot.reservations):
        raise ScenarioError(
            f"case {case.id!r} codes no reservation values on or before {snapshot.as_of}: a forecast needs "
            "each veto holder's reservation value as of its date (add 'reservations' dated then; see docs/deals.md)")
    try:
        full = preferences(snapshot)
        rows = veto_rows(full)
    except DealError as exc:
        raise ScenarioError(f"no deal can be simulated as of {snapshot.as_of}: {exc}") from None
    prefs = restrict(full, rows)
    parties = _parties(case, prefs)
    ordered = parties + [k for k in range(len(prefs.actors)) if k not in parties]
    prefs = restrict(prefs, ordered)
    issues = snapshot.issues
    status_quo = np.array([
        (rec.status_quo.value if rec.status_quo is not None else (rec.scale.min + rec.scale.max) / 2)
        for rec in snapshot.issue_records])
    sequencing = _find(case, ("sequenc", "ceasefire"))
    guarantee = _find(case, ("guarantee",))
    ceasefire = status_quo.copy()
    if sequencing is not None:
        ceasefire[issues.index(sequencing)] = snapshot.scale_min[issues.index(sequencing)]

    proposals = [
        {i: float(p.positions[i].position if i in p.positions else status_quo[k]) for k, i in enumerate(issues)}
        for p in case.proposals if p.date <= snapshot.as_of]
    values = grid(snapshot)
    tables = [prefs.values(i, v) for i, v in enumerate(values)]
    allowed = [np.asarray(prefs.within_limits(i, v).all(axis=1)) for i, v in enumerate(values)]
    chosen: list[FloatArray] = []
    for front in (pareto_front(tables), pareto_front(tables, None, allowed)):
        chosen.extend(np.stack([values[i][front.choice[:, i]] for i in range(len(issues))], axis=1))
    chosen.extend(np.array([p[i] for i in issues]) for p in proposals)
    packages: FloatArray = np.unique(np.asarray(chosen, dtype=np.float64).reshape(-1, len(issues)), axis=0)

    g = issues.index(guarantee) if guarantee is not None else -1
    territory = tuple(i for i in issues if case.issue(i).category == "territory")
    sanctions = _find(case, ("sanction",))
    groups = ((guarantee,) if guarantee else (), territory, (sanctions,) if sanctions else (),
              (sequencing,) if sequencing else ())
    member = np.zeros((len(issues), len(GROUPS)))
    for k, group in enumerate(groups):
        member[[issues.index(i) for i in group], k] = 1.0

    def split(pk: FloatArray) -> tuple[FloatArray, FloatArray, FloatArray]:
        per_issue = np.stack([prefs.values(i, pk[:, i]) for i in range(len(issues))], axis=2)  # [N, K, I]
        part = per_issue @ member
        base = per_issue.sum(axis=2) - part.sum(axis=2)
        span = (prefs.high - prefs.low)[None, None, :]
        over = np.maximum(pk[:, None, :] - prefs.limit_high[None], prefs.limit_low[None] - pk[:, None, :])
        return base, part, np.maximum(over / span, 0.0).max(axis=2)

    base, part, violation = split(packages)
    cf_base, cf_part, _ = split(ceasefire[None, :])
    w_part = prefs.weight @ member
    w_base = 1.0 - w_part.sum(axis=1)
    if g >= 0:
        lo, hi = snapshot.scale_min[g], snapshot.scale_max[g]
        weakness = (packages[:, g] - lo) / (hi - lo)
    else:
        weakness = np.ones(len(packages))
    first = base[:, 0] + part[:, 0].sum(axis=1)  # the first party's utility at the coded saliences
    records = [snapshot.reservations[snapshot.actors.index(a)] for a in prefs.actors]
    low = np.array([r.range.low if r is not None and r.range is not None else prefs.reservation[k]
                    for k, r in enumerate(records)])
    high = np.array([r.range.high if r is not None and r.range is not None else prefs.reservation[k]
                     for k, r in enumerate(records)])
    label_values = tuple(np.unique(packages[:, i]) for i in range(len(issues)))
    labels = tuple(tuple(snapshot.issue_records[i].scale.label_for(float(v)) for v in label_values[i])
                   for i in range(len(issues)))
    return Packages(
        actors=prefs.actors, issues=issues, values=packages, base=base, part=part,
        w_base=w_base, w_part=w_part, groups=groups, violation=violation, weakness=weakness,
        order=np.lexsort((-first, violation[:, 1])).astype(np.int64),
        ceasefire=ceasefire, ceasefire_base=cf_base[0], ceasefire_part=cf_part[0],
        reservation=prefs.reservation.copy(),
        reservation_low=low, reservation_high=high, guarantee_issue=guarantee, sequencing_issue=sequencing,
        label_values=label_values, labels=labels, **_readiness(case, snapshot),
    )


def _readiness(case: Case, snapshot: Snapshot, recent: int = 3) -> dict[str, Any]:
    """Sequencing readiness: over the ``recent`` latest phased proposals known at the date, the
    share of (phase, veto holder) steps that need no guarantor in the proposal's least tempting
    ordering (:func:`peacetalks.deals.sequence.sequence`). 1 when no proposal has phases."""
    from peacetalks.deals.sequence import sequence

    phased = sorted((p for p in case.proposals if p.phases and p.date <= snapshot.as_of), key=lambda p: p.date)
    shares, used = [], []
    for proposal in phased[-recent:]:
        try:
            result = sequence(snapshot, proposal)
        except DealError:
            continue
        steps = len(result.phases) * len(result.phases[0].actors)
        best = min(result.orderings, key=lambda o: (o.worst, o.guarantor_steps))
        shares.append(1.0 - best.guarantor_steps / steps)
        used.append(proposal.id)
    return {"readiness": float(np.mean(shares)) if shares else 1.0, "readiness_from": tuple(used)}


def utilities(base: FloatArray, part: FloatArray, w_base: FloatArray, w_part: FloatArray,
              salience: FloatArray) -> FloatArray:
    """Utilities [n, K] of one package (``base[K]``, ``part[K, G]``) for each run, the saliences
    of the groups scaled by ``salience[n, K, G]``."""
    u: FloatArray = (base + (salience * part).sum(axis=2)) / (w_base + (salience * w_part).sum(axis=2))
    return u


@compiled()
def _sign(base: FloatArray, part: FloatArray, w_base: FloatArray, w_part: FloatArray,
          violation: FloatArray, order: NDArray[np.int64], reservation: FloatArray,
          tolerance: FloatArray, salience: FloatArray) -> NDArray[np.int64]:  # pragma: no cover - compiled
    n, k = reservation.shape
    groups = part.shape[2]
    chosen = np.full(n, -1, dtype=np.int64)
    scale = np.empty(k)
    for r in range(n):
        for a in range(k):
            total = w_base[a]
            for g in range(groups):
                total += salience[r, a, g] * w_part[a, g]
            scale[a] = 1.0 / total
        best = -1.0
        for j in range(order.shape[0]):
            f = order[j]
            # Candidates come in increasing order of the second party's red-line violation:
            # past its tolerance, none of the rest can be acceptable to it.
            if violation[f, 1] > tolerance[r, 1]:
                break
            product = 1.0
            ok = True
            for a in range(k):
                if violation[f, a] > tolerance[r, a]:
                    ok = False
                    break
                u = base[f, a]
                for g in range(groups):
                    u += salience[r, a, g] * part[f, a, g]
                u *= scale[a]
                if u < reservation[r, a]:
                    ok = False
                    break
                product *= u - reservation[r, a]
            if ok and product > best:
                best = product
                chosen[r] = f
    return chosen


def sign(packages: Packages, reservation: FloatArray, tolerance: FloatArray, salience: FloatArray) -> NDArray[np.int64]:
    """For each run [n], the acceptable candidate with the highest Nash product over the
    reservation values (the Nash bargaining solution among the candidates), or −1 when no
    candidate is acceptable to every veto holder. ``salience[n, K, G]`` scales the saliences of
    the issue groups."""
    if len(reservation) == 0:
        return np.zeros(0, dtype=np.int64)
    result: NDArray[np.int64] = _sign(packages.base, packages.part, packages.w_base, packages.w_part,
                                      packages.violation, packages.order, np.ascontiguousarray(reservation),
                                      np.ascontiguousarray(tolerance), np.ascontiguousarray(salience))
    return result
