"""Exchange model ("equal gain"; Stokman & Van Oosten 1994; Dijkstra, van Assen & Stokman 2008).

Actors trade voting positions: each gives ground on an issue it cares less about in return for
support on an issue it cares more about. Pure functions over NumPy arrays ``[actors, issues]``;
no I/O. Every equation, the tie-break rule and each deliberate difference from the reference
implementation (the ``decide-exchange-model`` package) are written down in
``docs/models.md``; the comments below say which rule a line implements.

Internally every issue is mapped onto 0–100 (``bounds``), as decide does, so that gains, which
add salience-weighted shifts on two different issues, compare like with like. Positions, moves
and outcome shifts are reported in the caller's units; gains and externalities in
"salience × points on the 0–100 scale".

Deliberate differences from decide (details in the docs): ties go to the lowest (i, j, p, q)
instead of a coin flip; an outcome already at the demander's position (± tolerance) makes an
exchange invalid; zero saliences and weights are handled instead of raising; an issue without
weight has a NaN outcome instead of 0. Kept from decide although they look unintended, because
they move outcomes by points: the demander's partial view of the outcome, the "stale moves"
bound and "no cap once the outcome is past the demander".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from peacetalks.case import Snapshot
from peacetalks.models.base import Model, Prediction, register
from peacetalks.models.central import weighted_median
from peacetalks.models.draws import Inputs
from peacetalks.models.exchange_round import evaluate, run_round

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]
IntArray = NDArray[np.intp]

# Two gains closer than this (relative to the larger) are a tie. decide compares Decimals with an
# absolute 1e-20; float64 needs a relative margin so that mathematically equal gains computed in
# a different order still count as tied.
_TIE_RTOL = 1e-12
_SCALE = 100.0
# A supplier with less than this share of an issue's weight shifts the outcome by < 1e-10 points
# even moving across the whole scale: no gain above the default tolerance, and it would make the
# move needed per unit of outcome shift overflow.
_MIN_UNIT = 1e-12


@dataclass(frozen=True)
class ExchangeParams:
    """Settings of :func:`exchange_model`.

    ``tie_break="index"``: among exchanges whose gains tie (see ``_TIE_RTOL``), the one with the
    lowest ``(actor_i, actor_j, issue_p, issue_q)`` is executed first. ``fixed_weight`` and
    ``salience_weight`` set how far an actor's position follows its voting position into the
    next round: ``x' = x + (fixed_weight + salience_weight·(1 − s))·(y − x)`` (decide's rule and
    default values).
    """

    rounds: int = 10
    tie_break: Literal["index"] = "index"
    tolerance: float = 1e-9
    fixed_weight: float = 0.1
    salience_weight: float = 0.4

    def __post_init__(self) -> None:
        if self.rounds < 0:
            raise ValueError(f"rounds must be ≥ 0, got {self.rounds}")
        if self.tie_break != "index":
            raise ValueError(f"unknown tie_break {self.tie_break!r}; only 'index' is implemented")
        if not self.tolerance >= 0:
            raise ValueError(f"tolerance must be ≥ 0, got {self.tolerance}")
        if min(self.fixed_weight, self.salience_weight) < 0 or self.fixed_weight + self.salience_weight > 1:
            raise ValueError("fixed_weight and salience_weight must be ≥ 0 and sum to at most 1")


@dataclass(frozen=True)
class Exchange:
    """One executed (or, from :func:`candidate_exchanges`, candidate) exchange.

    Actor ``actor_i`` demands issue ``issue_p`` and supplies ``issue_q``; ``actor_j`` the reverse,
    and always ``issue_p < issue_q``. ``move_i`` is i's signed move on q, ``move_j`` j's on p, and
    the outcome shifts are signed, all in the caller's units. ``gain`` is the common gain of i
    and j. ``externalities[k]`` is actor k's salience-weighted gain (+) or loss (−) from the two
    outcome shifts, measured from its position at the start of the round; it is 0 for i and j
    (their own gain is ``gain``) and counts only the issues on which k has a position.
    """

    round: int
    actor_i: int
    actor_j: int
    issue_p: int
    issue_q: int
    move_i: float
    move_j: float
    gain: float
    outcome_shift_p: float
    outcome_shift_q: float
    externalities: FloatArray


@dataclass(frozen=True)
class ExchangeResult:
    """Result of :func:`exchange_model`.

    ``positions[r]`` are the positions after round r (``positions[0]`` the input; NaN where an
    actor has no position) and ``outcomes[r]`` their compromise (the c·s-weighted mean).
    ``voting_outcomes[r - 1]`` is the compromise of the voting positions at the end of round r,
    before actors partly fall back towards their positions (see :class:`ExchangeParams`). Rows
    after convergence repeat the last state.
    """

    positions: FloatArray
    outcomes: FloatArray
    voting_outcomes: FloatArray
    exchanges: tuple[Exchange, ...]
    rounds_run: int
    converged: bool
    notes: tuple[str, ...]


@dataclass(frozen=True)
class _Board:
    """Validated inputs on the internal 0–100 scale; masked entries hold zeros."""

    x: FloatArray  # [A, I] positions
    s: FloatArray  # [A, I] salience
    w: FloatArray  # [A, I] weight c·s
    total: FloatArray  # [I] Σ_a w, the outcome's denominator
    present: BoolArray  # [A, I] has a position on an issue whose outcome exists
    offset: FloatArray  # [I] caller's units = offset + unit · internal
    unit: FloatArray  # [I]


@dataclass(frozen=True)
class _Candidates:
    """All potential exchanges of one round, sorted by (i, j, p, q), as flat arrays.

    The two sides of an exchange are stacked as rows ``[2, K]``: row 0 is j supplying p to
    demander i, row 1 is i supplying q to demander j. Everything that stays fixed during the
    round is precomputed, so re-evaluating every candidate after each executed exchange is a
    handful of array operations.
    """

    i: IntArray
    j: IntArray
    p: IntArray
    q: IntArray
    ratio: FloatArray  # shift of O_q per unit shift of O_p: (s_ip + s_jp) / (s_iq + s_jq)
    gain_per_shift: FloatArray  # common gain per unit shift of O_p
    target: FloatArray  # [2, K] the demander's round-start position the supplier moves towards
    direction: FloatArray  # [2, K] ±1, direction of the supplier's move
    at: IntArray  # [2, K] flat index of (supplier, issue) in a raveled [A, I] array
    demand_at: IntArray  # [2, K] flat index of (demander, issue)
    pair_at: IntArray  # [2, K] flat index of (demander, supplier, issue) in a raveled [A, A, I] array
    unit: FloatArray  # [2, K] outcome shift per point the supplier moves: w / W
    directed_target: FloatArray  # [2, K] direction · target
    start_gap: FloatArray  # [2, K] direction · (target − round-start outcome + unit · supplier's start)
    to_p: FloatArray  # [2, K] converts a side's outcome shift into the shift of O_p: 1 and 1/ratio
    move_per_shift: FloatArray  # [2, K] signed supplier move per unit shift of O_p

def exchange_model(
    position: ArrayLike,
    salience: ArrayLike,
    capability: ArrayLike,
    mask: ArrayLike,
    *,
    params: ExchangeParams = ExchangeParams(),
    bounds: ArrayLike | None = None,
) -> ExchangeResult:
    """Run the equal-gain exchange model for ``params.rounds`` rounds.

    ``position``, ``salience`` (0–1), ``capability`` (≥ 0) and ``mask`` (True = no position) are
    ``[actors, issues]``. ``bounds`` (``[issues, 2]``: low, high of each issue's scale) maps every
    issue onto 0–100 before gains are compared; without it all issues share one scale from the
    lowest to the highest position given. Raises ``ValueError`` on malformed input.
    """
    board = _board(position, salience, capability, mask, bounds)
    n_actors, n_issues = board.x.shape
    positions = np.empty((params.rounds + 1, n_actors, n_issues))
    outcomes = np.empty((params.rounds + 1, n_issues))
    voting_outcomes = np.empty((params.rounds, n_issues))
    notes = list(_empty_issue_notes(board))
    x = board.x
    positions[0], outcomes[0] = x, _compromise(board, x)
    exchanges: list[Exchange] = []
    rounds_run, converged = 0, False
    for round_no in range(1, params.rounds + 1):
        voting, executed, ties = _run_round(board, x, round_no, params.tolerance)
        if ties:
            notes.append(f"round {round_no}: {ties} tie(s) in gain broken by the lowest (i, j, p, q)")
        if not executed:
            converged = True
            notes.append(f"round {round_no}: no valid exchange left; converged after {rounds_run} round(s)")
            break
        exchanges.extend(executed)
        # Actors fall back part of the way from their voting position towards their position,
        # less so on issues they care little about (decide's rule).
        follow = params.fixed_weight + params.salience_weight * (1.0 - board.s)
        x = x + follow * (voting - x)
        rounds_run = round_no
        voting_outcomes[round_no - 1] = _compromise(board, voting)
        positions[round_no], outcomes[round_no] = x, _compromise(board, x)
    positions[rounds_run + 1 :] = positions[rounds_run]
    outcomes[rounds_run + 1 :] = outcomes[rounds_run]
    voting_outcomes[rounds_run:] = outcomes[rounds_run]
    return ExchangeResult(
        positions=_to_caller(board, positions, missing=~board.present),
        outcomes=_to_caller(board, outcomes),
        voting_outcomes=_to_caller(board, voting_outcomes),
        exchanges=tuple(exchanges),
        rounds_run=rounds_run,
        converged=converged,
        notes=tuple(notes),
    )


def candidate_exchanges(
    position: ArrayLike,
    salience: ArrayLike,
    capability: ArrayLike,
    mask: ArrayLike,
    *,
    tolerance: float = ExchangeParams.tolerance,
    bounds: ArrayLike | None = None,
) -> list[Exchange]:
    """The valid exchanges at the start of round 1, in the order they would be executed."""
    board = _board(position, salience, capability, mask, bounds)
    cands = _candidates(board, board.x)
    outcome = np.nan_to_num(_compromise(board, board.x))
    n = cands.i.size
    alive, shift_p, moves, gain = np.ones(n, dtype=bool), np.empty(n), np.empty((2, n)), np.empty(n)
    evaluate(alive, board.x.ravel(), np.zeros(board.x.size * board.x.shape[0]), np.zeros(board.x.size),
             np.zeros((2, n)), cands.at, cands.demand_at, cands.pair_at, cands.unit, cands.direction,
             cands.directed_target, cands.start_gap, cands.to_p, cands.move_per_shift, cands.gain_per_shift,
             tolerance, _SCALE, shift_p, moves, gain)
    ranked = [k for k in _priority_order(gain) if alive[k]]
    table = np.column_stack([shift_p, moves.T, gain, outcome[cands.p], outcome[cands.q]])[ranked]
    return _records(board, board.x, cands, np.array(ranked, dtype=np.intp), table, 1)


def _board(
    position: ArrayLike,
    salience: ArrayLike,
    capability: ArrayLike,
    mask: ArrayLike,
    bounds: ArrayLike | None,
) -> _Board:
    missing = np.asarray(mask, dtype=bool)
    raw = [np.asarray(a, dtype=np.float64) for a in (position, salience, capability)]
    if missing.ndim != 2 or any(a.shape != missing.shape for a in raw):
        raise ValueError("position, salience, capability and mask must all be [actors, issues] of one shape")
    pos, sal, cap = (np.where(missing, 0.0, a) for a in raw)
    if not (np.isfinite(pos).all() and np.isfinite(sal).all() and np.isfinite(cap).all()):
        raise ValueError("position, salience and capability must be finite where mask is False")
    if ((sal < 0) | (sal > 1)).any():
        raise ValueError("salience must lie in [0, 1]")
    if (cap < 0).any():
        raise ValueError("capability must be ≥ 0")
    offset, unit = _scale(bounds, pos, missing)
    weight = cap * sal
    # Only ratios of weights within an issue matter; dividing by each issue's largest weight keeps
    # subnormal inputs (capability 5e-324) from losing all precision in the sums.
    largest = weight.max(axis=0)
    weight = np.divide(weight, largest, out=np.zeros_like(weight), where=largest > 0)
    total = weight.sum(axis=0)
    return _Board(
        x=(pos - offset) / unit,
        s=sal,
        w=weight,
        total=total,
        present=~missing & (total > 0),
        offset=offset,
        unit=unit,
    )


def _scale(bounds: ArrayLike | None, position: FloatArray, missing: BoolArray) -> tuple[FloatArray, FloatArray]:
    """Offset and unit mapping each issue's scale onto 0–100 (caller = offset + unit · internal).

    Without bounds, one common scale from the lowest to the highest position given is used, so
    the issues keep their relative sizes.
    """
    n_issues = position.shape[1]
    if bounds is None:
        given = position[~missing]
        lo, hi = (float(given.min()), float(given.max())) if given.size else (0.0, 0.0)
        # A range too narrow to divide by (positions equal, or a subnormal apart) is no range.
        width = hi - lo if hi - lo > 1e-9 * max(1.0, abs(hi)) else _SCALE
        return np.full(n_issues, lo), np.full(n_issues, width / _SCALE)
    lo_hi = np.asarray(bounds, dtype=np.float64)
    if lo_hi.shape != (n_issues, 2) or not (lo_hi[:, 1] > lo_hi[:, 0]).all():
        raise ValueError("bounds must be [issues, 2] with high > low on every issue")
    return lo_hi[:, 0].copy(), (lo_hi[:, 1] - lo_hi[:, 0]) / _SCALE


def _empty_issue_notes(board: _Board) -> list[str]:
    return [
        f"issue {d}: every weight c·s is zero, so it has no outcome (NaN) and takes no part in exchanges"
        for d in np.flatnonzero(board.total <= 0)
    ]


def _compromise(board: _Board, x: FloatArray) -> FloatArray:
    """O_d = Σ_a w_ad x_ad / W_d; NaN where W_d = 0 (no prediction, never a division error)."""
    numerator = (board.w * x).sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(board.total > 0, numerator / np.where(board.total > 0, board.total, 1.0), np.nan)


def _to_caller(board: _Board, internal: FloatArray, missing: BoolArray | None = None) -> FloatArray:
    out = board.offset + board.unit * internal
    if missing is not None:
        out = np.where(missing, np.nan, out)
    return out


def _candidates(board: _Board, x: FloatArray) -> _Candidates:
    """Every pair of actors on opposite sides of the outcome on both issues of a pair (p < q).

    The actor whose salience ratio s_p/s_q is higher demands p (compared cross-multiplied, so a
    zero salience needs no division); equal ratios give zero gain and are dropped. The supplier
    of each issue needs a weight above ``_MIN_UNIT`` of the issue's total, or its move could not
    shift the outcome.
    """
    n_actors, n_issues = x.shape
    outcome = _compromise(board, x)
    # decide counts an actor exactly at the outcome as "left"; so do we.
    left = x <= np.nan_to_num(outcome)
    a, b = np.triu_indices(n_actors, 1)
    p, q = np.triu_indices(n_issues, 1)
    a, b, p, q = a[:, None], b[:, None], p[None, :], q[None, :]
    both_present = board.present[a, p] & board.present[a, q] & board.present[b, p] & board.present[b, q]
    opposite = (left[a, p] != left[b, p]) & (left[a, q] != left[b, q])
    cross = board.s[a, p] * board.s[b, q] - board.s[b, p] * board.s[a, q]
    pair, combo = np.nonzero(both_present & opposite & (cross != 0))
    a_demands_p = cross[pair, combo] > 0
    ai, bi = a[pair, 0], b[pair, 0]
    i = np.where(a_demands_p, ai, bi)
    j = np.where(a_demands_p, bi, ai)
    p, q = p[0, combo], q[0, combo]
    keep = (board.w[j, p] > _MIN_UNIT * board.total[p]) & (board.w[i, q] > _MIN_UNIT * board.total[q])
    i, j, p, q = i[keep], j[keep], p[keep], q[keep]
    order = np.lexsort((q, p, j, i))
    return _candidate_arrays(board, x, i[order], j[order], p[order], q[order])


def _candidate_arrays(board: _Board, x: FloatArray, i: IntArray, j: IntArray, p: IntArray, q: IntArray) -> _Candidates:
    n_actors, n_issues = x.shape
    s = board.s
    supply_salience = s[i, q] + s[j, q]
    ratio = (s[i, p] + s[j, p]) / supply_salience
    demander, supplier, issue = np.stack([i, j]), np.stack([j, i]), np.stack([p, q])
    target = x[demander, issue]
    direction = np.sign(target - x[supplier, issue])
    unit = board.w[supplier, issue] / board.total[issue]
    to_p = np.stack([np.ones_like(ratio), 1.0 / ratio])
    return _Candidates(
        i=i,
        j=j,
        p=p,
        q=q,
        ratio=ratio,
        # i's gain s_ip·ΔO_p − s_iq·ΔO_q with ΔO_q = ratio·ΔO_p; equals j's gain by construction.
        gain_per_shift=(s[i, p] * s[j, q] - s[i, q] * s[j, p]) / supply_salience,
        target=target,
        direction=direction,
        at=supplier * n_issues + issue,
        demand_at=demander * n_issues + issue,
        pair_at=(demander * n_actors + supplier) * n_issues + issue,
        unit=unit,
        directed_target=direction * target,
        start_gap=direction * (target - np.nan_to_num(_compromise(board, x))[issue] + unit * x[supplier, issue]),
        to_p=to_p,
        move_per_shift=direction / (unit * to_p),
    )


def _priority_order(gain: FloatArray) -> list[int]:
    """Indices by descending gain, ties (see ``_TIE_RTOL``) by position, i.e. lowest (i, j, p, q)."""
    order = np.argsort(-gain, kind="stable")
    ranked: list[int] = []
    while order.size:
        best = gain[order[0]]
        tied = gain[order] >= best - _TIE_RTOL * abs(best)
        ranked.extend(np.sort(order[tied]).tolist())
        order = order[~tied]
    return ranked


def _run_round(board: _Board, x: FloatArray, round_no: int, tolerance: float) -> tuple[FloatArray, list[Exchange], int]:
    """Execute exchanges by descending gain until none is valid; returns the voting positions."""
    cands = _candidates(board, x)
    voting = x.ravel().copy()
    outcome = np.nan_to_num(_compromise(board, x))
    executed, table, ties = run_round(
        voting, outcome, x.shape[0] * x.size, cands.at, cands.demand_at, cands.pair_at, np.stack([cands.p, cands.q]),
        cands.unit, cands.direction, cands.directed_target, cands.start_gap, cands.to_p, cands.move_per_shift,
        cands.gain_per_shift, tolerance, _SCALE, _TIE_RTOL)
    return voting.reshape(x.shape), _records(board, x, cands, executed, table, round_no), ties


def _records(board: _Board, x: FloatArray, c: _Candidates, executed: IntArray, table: FloatArray,
             round_no: int) -> list[Exchange]:
    """Executed candidates, with their ``[n, 6]`` table from the round (shift of O_p, j's move on
    p, i's move on q, gain, O_p and O_q before), as :class:`Exchange` records in the caller's
    units, with externalities."""
    if not executed.size:
        return []
    i, j = c.i[executed], c.j[executed]
    issues = np.column_stack([c.p[executed], c.q[executed]])  # [n, 2]
    unit = board.unit[issues]
    shift_p = table[:, 0]
    internal_shifts = np.column_stack([c.direction[0, executed] * shift_p,
                                       (c.direction[1, executed] * c.ratio[executed]) * shift_p])
    moves, shifts = table[:, 1:3] * unit, internal_shifts * unit  # moves: j on p, i on q
    ext = _externalities(board, x, issues, table[:, 4:6], internal_shifts)
    rows = np.arange(executed.size)
    ext[rows, i] = ext[rows, j] = 0.0  # the traders' own gain is ``gain``
    return [
        Exchange(round=round_no, actor_i=ai, actor_j=aj, issue_p=ip, issue_q=iq, move_i=mi, move_j=mj, gain=g,
                 outcome_shift_p=sp, outcome_shift_q=sq, externalities=e)
        for ai, aj, (ip, iq), (mj, mi), g, (sp, sq), e in zip(
            i.tolist(), j.tolist(), issues.tolist(), moves.tolist(), table[:, 3].tolist(), shifts.tolist(), ext,
            strict=True)
    ]


def _externalities(
    board: _Board, x: FloatArray, issues: IntArray, before: FloatArray, shifts: FloatArray
) -> FloatArray:
    """[n, A]: Σ over each step's two issues of s_kd·(|O_d − x_kd| − |O_d + ΔO_d − x_kd|), with x the
    positions at the start of the round (what actors want, not how they vote)."""
    wants = x.T[issues]  # [n, 2, A]
    change = np.abs(before[..., None] - wants) - np.abs((before + shifts)[..., None] - wants)
    weight = np.where(board.present.T[issues], board.s.T[issues], 0.0)
    return np.asarray((weight * change).sum(axis=1))


# --- The registered model: snapshots in, Prediction out ----------------------------------------


KernelInputs = tuple[FloatArray, FloatArray, FloatArray, BoolArray, FloatArray]


def _kernel_inputs(position: FloatArray, salience: FloatArray, capability: FloatArray, held: BoolArray,
                   lo: FloatArray, hi: FloatArray) -> KernelInputs:
    """Case-style values (salience 0–100, ``held`` where an actor has a position) as the kernel's
    position, salience in [0, 1], capability, mask and bounds [issues, 2]."""
    missing = ~held
    return (np.where(missing, np.nan, position), np.where(missing, 0.0, salience) / 100.0,
            np.where(missing, 0.0, capability), missing, np.column_stack([lo, hi]))


def snapshot_arrays(snapshot: Snapshot) -> KernelInputs:
    """The kernel's inputs from a snapshot: position, salience in [0, 1], capability, mask and
    the issues' bounds [issues, 2]."""
    return _kernel_inputs(snapshot.position.data, snapshot.salience.data, snapshot.capability.data,
                          ~np.ma.getmaskarray(snapshot.position), snapshot.scale_min, snapshot.scale_max)


def _run(arrays: KernelInputs, rounds: int) -> ExchangeResult:
    position, salience, capability, mask, bounds = arrays
    return exchange_model(position, salience, capability, mask, params=ExchangeParams(rounds=rounds), bounds=bounds)


@register
class ExchangeModel(Model):
    """Equal-gain exchange of voting positions across issues, round by round."""

    name = "exchange"
    summary = "actors trade support across issues (Stokman's equal-gain exchange model)"

    def __init__(self, rounds: int = 10) -> None:
        self.rounds = rounds

    def predict(self, snapshot: Snapshot) -> Prediction:
        held = ~np.ma.getmaskarray(snapshot.position)
        result = _run(snapshot_arrays(snapshot), self.rounds)
        weight = snapshot.capability.data * snapshot.salience.data / 100.0
        median = np.array([[weighted_median(step[held[:, i], i], weight[held[:, i], i])
                            for i in range(len(snapshot.issues))] for step in result.positions])
        return self._prediction(
            snapshot, result.outcomes[-1], positions=result.positions, median=median, mean=result.outcomes,
            converged=result.converged, notes=result.notes,
            explanation=tuple(_describe(e, snapshot) for e in result.exchanges),
        )

    def outcomes(self, inputs: Inputs) -> FloatArray:
        # The kernel's rounds are sequential, so draws run one after another (about 0.1 s each on
        # the Russia–Ukraine case).
        return np.array([
            _run(_kernel_inputs(inputs.position[d], inputs.salience[d], inputs.capability[d], inputs.held,
                                inputs.scale_min, inputs.scale_max), self.rounds).outcomes[-1]
            for d in range(inputs.position.shape[0])
        ])


def _describe(e: Exchange, snapshot: Snapshot) -> str:
    actors, issues = snapshot.actors, snapshot.issues
    hurt = int(np.argmin(e.externalities))
    side = (f"; largest loss to a third actor: {actors[hurt]} {e.externalities[hurt]:+.2f}"
            if e.externalities[hurt] < 0 else "")
    return (f"round {e.round}: {actors[e.actor_i]} moves {e.move_i:+.1f} on {issues[e.issue_q]} in return for "
            f"{actors[e.actor_j]} moving {e.move_j:+.1f} on {issues[e.issue_p]}; each gains {e.gain:.2f}; "
            f"outcomes shift {e.outcome_shift_p:+.1f} ({issues[e.issue_p]}) and {e.outcome_shift_q:+.1f} "
            f"({issues[e.issue_q]}){side}")
