"""Phased implementation: each party's temptation to defect at each phase, the effect of
verification and guarantees on it, and how other orderings of the phases compare.

Model (docs/deals.md): the package moves from the no-deal state (each issue's status quo, or the
expectation where none is coded) to the proposal's values phase by phase. An issue moves in the
phases whose provisions name it, in equal steps; an issue no phased provision names moves in the
last phase (the settlement). At phase k a party that defects keeps what earlier phases delivered
and the moves of phase k that favour it, withholds the rest, and is back at war: its defection is
worth its reservation value plus the utility of what it kept over the no-deal state. Complying is
worth the whole package. Temptation = defect − comply. Verification catches a defection with probability
``detection`` (``detection_unverified`` for a phase without verification) and a guarantor then
imposes ``penalty`` (in utility): the net temptation subtracts detection × penalty. A step is
self-enforcing when the temptation is ≤ 0, enforced when only the net temptation is, and needs a
guarantor when even the net temptation is positive.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from peacetalks.case.snapshot import Snapshot
from peacetalks.case.types import Phase, Proposal
from peacetalks.deals.assess import choose_silence, default_values, fill_silence
from peacetalks.deals.space import restrict, veto_rows
from peacetalks.deals.utility import DealError, FloatArray, Preferences, preferences

MAX_PERMUTED = 7


@dataclass(frozen=True)
class Temptation:
    actor: str
    comply: float
    defect: float
    temptation: float
    net: float
    verdict: str  # "self-enforcing", "enforced" or "needs a guarantor"


@dataclass(frozen=True)
class PhaseCheck:
    order: int
    name: str
    issues: tuple[str, ...]
    verified: bool
    actors: tuple[Temptation, ...]


@dataclass(frozen=True)
class Ordering:
    """One ordering of the phases: ``worst`` is the largest net temptation of any party at any
    phase; ``guarantor_steps`` counts the (phase, party) steps that need a guarantor."""

    name: str
    phases: tuple[str, ...]
    worst: float
    guarantor_steps: int


@dataclass(frozen=True)
class Sequencing:
    proposal: str
    silence: str
    detection: float
    detection_unverified: float
    penalty: float
    phases: tuple[PhaseCheck, ...]
    orderings: tuple[Ordering, ...]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _moves(snapshot: Snapshot, proposal: Proposal, phases: Sequence[Phase]) -> FloatArray:
    """share[p, i]: the part of issue i's move delivered in phase p (rows sum to 1 per issue)."""
    index = {ph.order: p for p, ph in enumerate(phases)}
    named = np.zeros((len(phases), len(snapshot.issues)))
    for provision in proposal.provisions:
        if provision.issue in snapshot.issues and provision.phase in index:
            named[index[provision.phase], snapshot.issues.index(provision.issue)] = 1.0
    unnamed = named.sum(axis=0) == 0
    named[-1, unnamed] = 1.0
    return np.asarray(named / named.sum(axis=0, keepdims=True))


def _check(prefs: Preferences, start: FloatArray, target: FloatArray, share: FloatArray,
           verified: Sequence[bool], names: Sequence[str], orders: Sequence[int], issues: Sequence[str],
           detection: float, detection_unverified: float, penalty: float) -> list[PhaseCheck]:
    comply = prefs.utility(target[None, :])[0]
    at_start = prefs.utility(start[None, :])[0]
    state = start.copy()
    checks = []
    for p in range(len(share)):
        step = (target - start) * share[p]
        after = state + step
        # Per actor, which of this phase's moves favour it: compare issue by issue.
        gain = np.stack([prefs.values(i, after[i:i + 1])[0] - prefs.values(i, state[i:i + 1])[0]
                         for i in range(len(issues))], axis=1)  # [A, I]
        rows = []
        for a, actor in enumerate(prefs.actors):
            kept = np.where(gain[a] > 0, after, state)
            defect = float(prefs.reservation[a] + prefs.utility(kept[None, :])[0, a] - at_start[a])
            raw = defect - float(comply[a])
            net = raw - (detection if verified[p] else detection_unverified) * penalty
            verdict = "self-enforcing" if raw <= 1e-12 else "enforced" if net <= 1e-12 else "needs a guarantor"
            rows.append(Temptation(actor=actor, comply=float(comply[a]), defect=defect, temptation=raw,
                                   net=net, verdict=verdict))
        moved = tuple(issues[int(i)] for i in np.flatnonzero(np.abs(step) > 1e-12))
        checks.append(PhaseCheck(order=orders[p], name=names[p], issues=moved, verified=verified[p],
                                 actors=tuple(rows)))
        state = after
    return checks


def _score(checks: Sequence[PhaseCheck]) -> tuple[float, int]:
    nets = [t.net for c in checks for t in c.actors]
    return max(nets), sum(t.verdict == "needs a guarantor" for c in checks for t in c.actors)


def sequence(
    snapshot: Snapshot,
    proposal: Proposal,
    *,
    silence: str | None = None,
    reservation: Mapping[str, float] | None = None,
    veto: Sequence[str] | None = None,
    risk: float = 1.0,
    detection: float = 0.8,
    detection_unverified: float = 0.2,
    penalty: float = 0.05,
) -> Sequencing:
    """Check each phase of ``proposal`` for the veto holders' temptation to defect and compare
    its ordering with the alternatives (every permutation up to 7 phases; otherwise the given
    order, ceasefire first and settlement first)."""
    if not proposal.phases:
        raise DealError(f"proposal {proposal.id!r} lists no phases; sequencing needs 'phases' with "
                        "an order, and provisions that name their phase")
    for name, value in (("detection", detection), ("detection_unverified", detection_unverified)):
        if not 0 <= value <= 1:
            raise DealError(f"{name} is a probability in 0–1, got {value}")
    full = preferences(snapshot, reservation=reservation, veto=veto, risk=risk)
    prefs = restrict(full, veto_rows(full))
    rule = choose_silence(snapshot, silence)
    target, _ = fill_silence(snapshot, proposal, rule)
    start = default_values(snapshot, rule)
    phases = sorted(proposal.phases, key=lambda ph: ph.order)
    share = _moves(snapshot, proposal, phases)
    verified = [bool(ph.verification) or any(pr.phase == ph.order and pr.category == "verification"
                                             for pr in proposal.provisions) for ph in phases]
    names = [ph.name for ph in phases]
    orders = [ph.order for ph in phases]

    def run(perm: Sequence[int]) -> list[PhaseCheck]:
        return _check(prefs, start, target, share[list(perm)], [verified[k] for k in perm],
                      [names[k] for k in perm], [orders[k] for k in perm], snapshot.issues,
                      detection, detection_unverified, penalty)

    given = run(range(len(phases)))
    candidates: dict[str, tuple[int, ...]] = {"as proposed": tuple(range(len(phases)))}
    ceasefire = [k for k, ph in enumerate(phases) if _is_ceasefire(proposal, ph)]
    if ceasefire:
        rest = [k for k in range(len(phases)) if k not in ceasefire]
        candidates["ceasefire first"] = (*ceasefire, *rest)
        candidates["settlement first"] = (*rest, *ceasefire)
    if len(phases) <= MAX_PERMUTED:
        best = min(itertools.permutations(range(len(phases))), key=lambda perm: _score(run(perm)))
        candidates["least tempting"] = best
    orderings = []
    for label, perm in candidates.items():
        worst, steps = _score(run(perm))
        orderings.append(Ordering(name=label, phases=tuple(names[k] for k in perm), worst=worst,
                                  guarantor_steps=steps))
    return Sequencing(proposal=proposal.id, silence=rule.value, detection=detection,
                      detection_unverified=detection_unverified, penalty=penalty,
                      phases=tuple(given), orderings=tuple(orderings))


def _is_ceasefire(proposal: Proposal, phase: Phase) -> bool:
    if "ceasefire" in phase.name.lower():
        return True
    return any(pr.phase == phase.order and pr.category == "ceasefire" for pr in proposal.provisions)
