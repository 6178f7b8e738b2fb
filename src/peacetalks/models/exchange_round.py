"""The exchange model's inner loop, compiled: evaluate every candidate, execute the best, repeat.

One round executes hundreds of exchanges, and after each one every remaining candidate must be
re-evaluated. As NumPy calls that costs their per-call overhead (about 60 µs per exchange); as
one compiled loop it costs its arithmetic. The equations, and why each line is there, are in
:mod:`peacetalks.models.exchange` (``_Candidates`` describes the arrays) and in :func:`evaluate`
below (the shift rules); the arithmetic is written in the order of the NumPy expressions it
replaced, so the results are the same to the bit.

Candidate arrays are ``[2, K]`` (row 0: j supplies p to demander i; row 1: i supplies q to j) or
``[K]``; flat indices point into raveled ``[A, I]`` and ``[A, A, I]`` arrays.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from peacetalks.models.compiled import compiled

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]
IntArray = NDArray[np.intp]


@compiled()
def evaluate(
    alive: BoolArray, voting: FloatArray, conceded: FloatArray, conceded_to: FloatArray, stale: FloatArray,
    at: IntArray, demand_at: IntArray, pair_at: IntArray, unit: FloatArray, direction: FloatArray,
    directed_target: FloatArray, start_gap: FloatArray, to_p: FloatArray, move_per_shift: FloatArray,
    gain_per_shift: FloatArray, tolerance: float, scale: float,
    shift_p: FloatArray, moves: FloatArray, gain: FloatArray,
) -> None:  # pragma: no cover  (compiled; tested through the exchange model)
    """Fill ``shift_p``, ``moves`` and ``gain`` of every alive candidate; clear ``alive`` where
    the candidate is no longer valid (it stays out for the rest of the round, as in decide).

    The shift of O_p is the smallest of: j moving all the way to i's position on p; i moving all
    the way to j's position on q (converted through the equal-gain ratio); and the shifts that
    would carry an outcome past the demander's position (the outcome then stops there). As in
    decide, the outcome checked is the one the demander sees: the round-start outcome plus the
    concessions made to this demander on this issue plus the supplier's own moves so far. If
    that outcome sits at the demander's position the exchange is invalid; if it is already past
    it, there is no cap (decide's rule). A gap within ±tolerance leaves a shift ≤ tolerance,
    hence an invalid gain (gain ≤ shift). gain ≤ each side's room (saliences ≤ 1), so
    gain > tolerance also means that neither supplier is already at or past its target; the
    second test is decide's bookkeeping of moves (the docs' "stale moves").
    """
    for k in range(alive.size):
        if not alive[k]:
            continue
        shift = np.inf
        for side in range(2):
            moved = direction[side, k] * voting[at[side, k]]
            room = unit[side, k] * (directed_target[side, k] - moved)
            others = conceded_to[demand_at[side, k]] - conceded[pair_at[side, k]]
            gap = start_gap[side, k] - unit[side, k] * moved - direction[side, k] * others
            cap = np.inf if gap < -tolerance else gap
            shift = min(shift, min(room, cap) * to_p[side, k])
        shift_p[k] = shift
        moves[0, k] = shift * move_per_shift[0, k]
        moves[1, k] = shift * move_per_shift[1, k]
        gain[k] = shift * gain_per_shift[k]
        alive[k] = (gain[k] > tolerance and stale[0, k] + moves[0, k] <= scale + tolerance
                    and stale[1, k] + moves[1, k] <= scale + tolerance)


@compiled()
def run_round(
    voting: FloatArray, outcome: FloatArray, n_pairs: int,
    at: IntArray, demand_at: IntArray, pair_at: IntArray, issue: IntArray, unit: FloatArray,
    direction: FloatArray, directed_target: FloatArray, start_gap: FloatArray, to_p: FloatArray,
    move_per_shift: FloatArray, gain_per_shift: FloatArray, tolerance: float, scale: float, tie_rtol: float,
) -> tuple[IntArray, FloatArray, int]:  # pragma: no cover  (compiled; tested through the exchange model)
    """Execute exchanges by descending gain until none is valid, updating ``voting`` and
    ``outcome`` (the compromise of the voting positions) in place.

    Returns the executed candidates in order, a ``[n, 6]`` table of what each did (shift of O_p,
    j's move on p, i's move on q, gain, O_p and O_q before it) and how many picks had a tie in
    gain (broken by the lowest candidate index, i.e. the lowest (i, j, p, q)).
    """
    n = gain_per_shift.size
    start = voting.copy()
    conceded = np.zeros(n_pairs)  # shift of O_s supplier b caused towards demander o, [o, b, s]
    conceded_to = np.zeros(voting.size)  # Σ_b conceded[o, b, s], [o, s]
    stale = np.zeros((2, n))  # the supplier's earlier computed moves (decide's bookkeeping)
    alive = np.ones(n, dtype=np.bool_)
    shift_p, moves, gain = np.empty(n), np.empty((2, n)), np.empty(n)
    executed = np.empty(n, dtype=np.intp)
    table = np.empty((n, 6))
    count, ties = 0, 0
    while True:
        evaluate(alive, voting, conceded, conceded_to, stale, at, demand_at, pair_at, unit, direction,
                 directed_target, start_gap, to_p, move_per_shift, gain_per_shift, tolerance, scale,
                 shift_p, moves, gain)
        best = -np.inf
        for c in range(n):
            if alive[c] and gain[c] > best:
                best = gain[c]
        if best == -np.inf:
            return executed[:count], table[:count], ties
        threshold = best - tie_rtol * best
        k, tied = -1, 0
        for c in range(n):
            if alive[c] and gain[c] >= threshold:
                tied += 1
                if k < 0:
                    k = c
        ties += tied > 1
        at_p, at_q = at[0, k], at[1, k]
        executed[count] = k
        table[count] = (shift_p[k], moves[0, k], moves[1, k], gain[k], outcome[issue[0, k]], outcome[issue[1, k]])
        count += 1
        # Every exchange whose supplier has just moved keeps the move it had computed (decide).
        for c in range(n):
            for side in range(2):
                if at[side, c] == at_p or at[side, c] == at_q:
                    stale[side, c] += moves[side, c]
        for side in range(2):
            slot = at[side, k]
            voting[slot] += moves[side, k]
            outcome[issue[side, k]] += unit[side, k] * moves[side, k]
            # The demander remembers the outcome shift a supplier had caused by the time of its
            # first concession to that demander on an issue; later ones are not added (decide).
            if conceded[pair_at[side, k]] == 0.0:
                shift = unit[side, k] * (voting[slot] - start[slot])
                conceded[pair_at[side, k]] = shift
                conceded_to[demand_at[side, k]] += shift
        alive[k] = False
