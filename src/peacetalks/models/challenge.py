"""The expected-utility challenge model: Bueno de Mesquita's group decision model as reconstructed by
Scholz, Calbert & Smith (2011), as pure functions over NumPy arrays for one issue at a time.

Specification: ``/work/shared/reference/models.md`` §3; every equation and choice is written out in
``docs/models.md``. In short, each round every actor weighs challenging every other actor
(expected utilities built from a vote-share probability of prevailing, salience as the probability
that the target resists, and risk exponents derived from how exposed each actor is), the pairs
turn into offers (confrontation, compromise, capitulation) and each actor accepts one offer.

Two variants:

- ``scholz-code`` (default) follows the code behind Scholz et al.'s Table 2 (as the matching open
  reimplementation describes it) and reproduces that table: votes use the voter's risk exponent,
  P is normalised by the vote mass over *all* ordered pairs, every expected utility an actor
  weighs uses that actor's own risk exponent, compromise offers are chosen by their EU-weighted
  midpoint.
- ``paper`` follows the paper's text: linear votes, P = votes for i / votes cast on the pair,
  each actor's expected utility uses its own risk exponent, the BDM quadrants (compel when the
  challenger's gain outweighs the target's loss, otherwise a partial compromise).

Implementation notes. Everything runs in normalised coordinates u = (x − origin) / R, so an affine
change of the scale cannot change the dynamics. Every array carries a leading batch axis (Monte
Carlo draws); a single run is a batch of one. The probability step, which read literally sums over
voter × pair triples, is computed with prefix sums over voters sorted by position: a voter prefers
whichever of x_i, x_j it is closer to, so the voters preferring x_i form a prefix (or suffix) of
that order and each pair needs only two look-ups — O(n² log n) per pass instead of O(n³). Up to
32 actors the literal triple sum is faster and is used instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal, get_args

import numpy as np
from numpy.typing import NDArray

from peacetalks.case import Snapshot
from peacetalks.models.base import Model, Prediction, register
from peacetalks.models.draws import Inputs

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.intp]
BoolArray = NDArray[np.bool_]

Variant = Literal["scholz-code", "paper"]
Acceptance = Literal["least-move", "highest-eu", "eu-weighted-midpoint"]
RangeRule = Literal["initial-positions", "scale"]
Category = Literal["confrontation", "compromise", "capitulation"]

# Offer categories as stored in the per-pair arrays (0: no offer). The order is also the priority
# of the ``eu-weighted-midpoint`` acceptance rule.
_CONFRONTATION, _COMPROMISE, _CAPITULATION = 1, 2, 3
_CATEGORY: dict[int, Category] = {1: "confrontation", 2: "compromise", 3: "capitulation"}
_DEFAULT_ACCEPTANCE: dict[Variant, Acceptance] = {"scholz-code": "eu-weighted-midpoint", "paper": "least-move"}
# Relative size below which a spread of danger levels or of total distances counts as a tie.
_TIE = 1e-12
# Draws per block in the batched entry point: keeps the [draws, n, n] temporaries small enough to
# stay in cache (measured: ~2^17 pairs per block is about 20 % faster than 2·10^6).
_PAIRS_PER_BLOCK = 1 << 15
# Up to this many actors, the literal O(n³) vote sum beats the O(n² log n) sorted one (measured:
# 2× faster at n = 10, break-even near n = 50).
_DIRECT_SUM_MAX_ACTORS = 32


@dataclass(frozen=True)
class ChallengeParams:
    """Interpretive choices of the model; see docs/models.md for each one.

    ``acceptance=None`` means the variant's own rule: ``eu-weighted-midpoint`` for ``scholz-code``
    (what reproduces Table 2), ``least-move`` for ``paper`` (Scholz §6.2). ``capitulation=False``
    disables the scholz-code capitulation branch, as the open reimplementation's typo does.
    """

    variant: Variant = "scholz-code"
    q: float = 1.0
    acceptance: Acceptance | None = None
    range: RangeRule = "initial-positions"
    risk_passes: int = 1
    rounds: int = 10
    tolerance: float = 1e-9
    capitulation: bool = True

    def __post_init__(self) -> None:
        _check_choice("variant", self.variant, Variant)
        _check_choice("range", self.range, RangeRule)
        if self.acceptance is not None:
            _check_choice("acceptance", self.acceptance, Acceptance)
        if not 0.0 <= self.q <= 1.0:
            raise ValueError(f"q is a probability: got {self.q}")
        if self.risk_passes < 0 or self.rounds < 0 or not self.tolerance >= 0:
            raise ValueError("risk_passes, rounds and tolerance must not be negative")

    @property
    def acceptance_rule(self) -> Acceptance:
        return self.acceptance or _DEFAULT_ACCEPTANCE[self.variant]


@dataclass(frozen=True)
class Offer:
    """One offer of one round: ``sender`` asks ``receiver`` to move to ``new_position``.

    ``eu_sender`` is the sender's expected utility of challenging the receiver, ``eu_receiver`` the
    receiver's of challenging the sender (in ``scholz-code`` both as the receiver sees them)."""

    round: int
    sender: int
    receiver: int
    category: Category
    eu_sender: float
    eu_receiver: float
    new_position: float
    accepted: bool


@dataclass(frozen=True)
class OfferLog:
    """Every offer of a run, as columns (one entry per offer, ordered by round, receiver, sender).

    A round can hold up to n² offers (920,000 over 10 rounds for 500 actors): columns cost little,
    while building that many ``Offer`` objects takes seconds, so ``ChallengeResult.offers`` builds
    them only when asked."""

    round: IntArray
    sender: IntArray
    receiver: IntArray
    category: NDArray[np.int8]
    eu_sender: FloatArray
    eu_receiver: FloatArray
    new_position: FloatArray
    accepted: BoolArray

    def __len__(self) -> int:
        return len(self.round)


@dataclass(frozen=True)
class ChallengeResult:
    """Row t of ``positions``, ``median`` and ``mean`` is the state after round t (row 0: the
    inputs). Rows after ``rounds_run`` repeat the last state: the model depends only on the
    positions, so a round in which nothing moved is a fixed point. ``median`` and ``mean`` are NaN
    when no actor has both capability and salience (there is no prediction; a note says so)."""

    positions: FloatArray
    median: FloatArray
    mean: FloatArray
    offer_log: OfferLog
    converged: bool
    rounds_run: int
    notes: tuple[str, ...]

    @cached_property
    def offers(self) -> tuple[Offer, ...]:
        """Every offer of every round (the model's explanation), built from ``offer_log``."""
        log = self.offer_log
        columns = (log.round, log.sender, log.receiver, log.category, log.eu_sender, log.eu_receiver,
                   log.new_position, log.accepted)
        return tuple(
            Offer(t, o, a, _CATEGORY[code], eu_o, eu_a, new, accepted)
            for t, o, a, code, eu_o, eu_a, new, accepted in zip(*(c.tolist() for c in columns), strict=True)
        )


def challenge_model(
    position: FloatArray,
    salience: FloatArray,
    capability: FloatArray,
    *,
    lo: float,
    hi: float,
    params: ChallengeParams | None = None,
) -> ChallengeResult:
    """Run the challenge model on one issue.

    ``position`` on the issue's scale [lo, hi], ``salience`` in [0, 1], ``capability`` ≥ 0, one
    value per actor holding a position (the caller drops actors with a missing value).
    """
    params = params or ChallengeParams()
    x0, s, c = _validated(position, salience, capability, lo, hi, ndim=1)
    x0, s, c = x0[None, :], s[None, :], c[None, :]
    n = x0.shape[1]
    w = c * s
    origin, span = _frame(x0, lo, hi, params)
    u = (x0 - origin[:, None]) / span[:, None]

    history = [u]
    logs = [_offer_log(0, None, 0.0, 1.0)]
    for t, out in _simulate(u, s, w, params):
        history.append(out.new_u)
        logs.append(_offer_log(t, out, origin[0], span[0]))
    rounds_run = len(history) - 1
    converged = rounds_run < params.rounds or (rounds_run > 0 and bool(_still(history[-2], history[-1], params)[0]))
    history += [history[-1]] * (params.rounds - rounds_run)

    u_hist = np.concatenate(history)  # [rounds+1, n]
    x_hist = np.where(u_hist == u_hist[0], x0, origin[0] + span[0] * u_hist)
    weight = np.broadcast_to(w, u_hist.shape)
    median = origin[0] + span[0] * _median_rows(u_hist, weight)
    mean = origin[0] + span[0] * _mean_rows(u_hist, weight)
    notes = _notes(x0[0], w[0], n, converged, rounds_run, params)
    offer_log = OfferLog(*(np.concatenate(column) for column in zip(*logs, strict=True)))
    return ChallengeResult(x_hist, median, mean, offer_log, converged, rounds_run, notes)


def challenge_model_draws(
    position: FloatArray,
    salience: FloatArray,
    capability: FloatArray,
    *,
    lo: float,
    hi: float,
    params: ChallengeParams | None = None,
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Run the model on D independent draws of one issue at once (Monte Carlo).

    Inputs are [D, A]; returns (outcome_mean[D], outcome_median[D], positions[D, A]) after the last
    round. Vectorised across draws (draws are only split into blocks to bound memory); each draw
    stops moving once it has converged, exactly as a single run does. Offers are not recorded. A
    draw in which no actor has both capability and salience gets NaN outcomes.
    """
    params = params or ChallengeParams()
    x0, s, c = _validated(position, salience, capability, lo, hi, ndim=2)
    draws, n = x0.shape
    block = max(1, _PAIRS_PER_BLOCK // max(1, n * n))
    final = np.empty_like(x0)
    for start in range(0, draws, block):
        rows = slice(start, start + block)
        final[rows] = _final_positions(x0[rows], s[rows], c[rows] * s[rows], lo, hi, params)
    w = c * s
    origin, span = _frame(x0, lo, hi, params)
    u = (final - origin[:, None]) / span[:, None]
    mean = origin + span * _mean_rows(u, w)
    median = origin + span * _median_rows(u, w)
    return mean, median, final


# --- simulation ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _RoundOutcome:
    """One round for a batch: per (receiver a, sender o) the offer category (0: none), the
    position a would move to, both expected utilities; per receiver the accepted sender (−1:
    none) and the new positions."""

    category: NDArray[np.int8]
    target: FloatArray
    eu_receiver: FloatArray
    eu_sender: FloatArray
    chosen: IntArray
    new_u: FloatArray


def _simulate(u: FloatArray, s: FloatArray, w: FloatArray, params: ChallengeParams) -> Iterator[
        tuple[int, _RoundOutcome]]:
    """Yield each round's outcome until ``params.rounds`` or until every draw has converged.

    Converged draws (and draws without any weight: no one can compel anyone) are frozen; the
    yielded ``new_u`` always covers the whole batch."""
    active = w.sum(axis=1) > 0
    if u.shape[1] < 2:
        active[:] = False
    for t in range(1, params.rounds + 1):
        if not active.any():
            return
        out = _round(u, s, w, params, active)
        active &= ~_still(u, out.new_u, params)
        u = out.new_u
        yield t, out


def _still(before: FloatArray, after: FloatArray, params: ChallengeParams) -> BoolArray:
    """Per draw: did no position move more than the tolerance (u is already relative to R)?"""
    return np.asarray(np.abs(after - before).max(axis=-1, initial=0.0) <= params.tolerance)


def _final_positions(
    x0: FloatArray, s: FloatArray, w: FloatArray, lo: float, hi: float, params: ChallengeParams
) -> FloatArray:
    origin, span = _frame(x0, lo, hi, params)
    u0 = (x0 - origin[:, None]) / span[:, None]
    u = u0
    for _, out in _simulate(u0, s, w, params):
        u = out.new_u
    # Actors that never moved keep their exact input value (no round trip through u).
    return np.where(u == u0, x0, origin[:, None] + span[:, None] * u)


def _round(u: FloatArray, s: FloatArray, w: FloatArray, params: ChallengeParams, active: BoolArray) -> _RoundOutcome:
    """One round for the active draws; inactive draws keep their positions and get no offers."""
    if active.all():
        return _round_all(u, s, w, params)
    batch, n = u.shape
    out = _round_all(u[active], s[active], w[active], params)
    category = np.zeros((batch, n, n), dtype=np.int8)
    target = np.zeros((batch, n, n))
    eu_receiver = np.zeros((batch, n, n))
    eu_sender = np.zeros((batch, n, n))
    chosen = np.full((batch, n), -1, dtype=np.intp)
    new_u = u.copy()
    category[active], target[active], chosen[active], new_u[active] = out.category, out.target, out.chosen, out.new_u
    eu_receiver[active], eu_sender[active] = out.eu_receiver, out.eu_sender
    return _RoundOutcome(category, target, eu_receiver, eu_sender, chosen, new_u)


def _round_all(u: FloatArray, s: FloatArray, w: FloatArray, params: ChallengeParams) -> _RoundOutcome:
    distance = np.abs(u[:, :, None] - u[:, None, :])
    # m_i = |x_i − μ|: only the (1 − Q) term uses it, with μ the Condorcet position (models.md step 2).
    # With Q = 1 that term vanishes: skip the median (a [draws, n, n] pass of its own).
    to_median = np.abs(u - _median_rows(u, w)[:, None]) if params.q < 1.0 else np.zeros_like(u)
    # Linear votes (paper) do not depend on the risk exponents: one probability matrix a round.
    fixed_p = _probability(u, w, None, params.variant) if params.variant == "paper" else None
    r = np.ones_like(u)
    for _ in range(params.risk_passes):
        _, eu_sender = _views(u, s, w, r, distance, to_median, fixed_p, params, sender_only=True)
        r = _risk_exponents(_danger(eu_sender))
    eu_receiver, eu_sender = _views(u, s, w, r, distance, to_median, fixed_p, params)
    assert eu_receiver is not None  # only sender_only=True leaves it out
    category, target = _classify(u, distance, eu_receiver, eu_sender, params)
    chosen = _accept(u, category, target, eu_receiver, eu_sender, params.acceptance_rule)
    picked = np.take_along_axis(target, np.maximum(chosen, 0)[:, :, None], axis=2)[:, :, 0]
    # Targets are convex combinations of positions in [0, 1]; the clip only absorbs rounding.
    new_u = np.clip(np.where(chosen >= 0, picked, u), 0.0, 1.0)
    return _RoundOutcome(category, target, eu_receiver, eu_sender, chosen, new_u)


# --- probabilities and expected utilities ---------------------------------------------------------


def _preference_sums(u: FloatArray, w: FloatArray, r: FloatArray | None) -> FloatArray:
    """num[b, i, j] = Σ_k max(0, V[k, j] − V[k, i]) with V[k, a] = w_k · |u_k − u_a|^r_k: the votes
    for x_i over x_j (r=None: linear votes). Literal triple sum for small n (fewer, cache-friendly
    passes), prefix sums beyond."""
    gap = np.abs(u[:, :, None] - u[:, None, :])
    value = w[:, :, None] * (gap if r is None or (r == 1.0).all() else gap ** r[:, :, None])  # [b, voter k, a]
    if u.shape[1] <= _DIRECT_SUM_MAX_ACTORS:
        return _preference_sums_direct(value)
    return _preference_sums_sorted(u, value)


def _preference_sums_direct(value: FloatArray) -> FloatArray:
    """The literal sum over voters k of max(0, V_kj − V_ki), all pairs at once."""
    margin = value[:, :, None, :] - value[:, :, :, None]  # [b, voter k, i, j]
    return _total(np.maximum(margin, 0.0, out=margin), axis=1)


def _preference_sums_sorted(u: FloatArray, value: FloatArray) -> FloatArray:
    """The same sums in O(n² log n): a voter's vote has the sign of "closer to x_i than to x_j"
    (d^r rises with d), so the voters for x_i are those on x_i's side of the midpoint — a prefix of
    the voters sorted by position when x_i < x_j, a suffix when x_i > x_j. Prefix sums of V along
    that order give every pair in O(1)."""
    batch, n = u.shape
    order = np.argsort(u, axis=1, kind="stable")
    prefix = np.zeros((batch, n + 1, n))
    np.cumsum(value[np.arange(batch)[:, None], order], axis=1, out=prefix[:, 1:])

    below = _count_below(np.sort(u, axis=1), 0.5 * (u[:, :, None] + u[:, None, :]))
    # Flat indices of prefix[b, below[b, i, j], j] and prefix[b, below[b, i, j], i].
    row = np.arange(batch)[:, None, None] * ((n + 1) * n) + below * n
    columns = np.arange(n)
    toward_j = prefix.take(row + columns[None, None, :])
    toward_i = prefix.take(row + columns[None, :, None])
    total = prefix[:, n, :]
    lower_side = toward_j - toward_i  # voters below the midpoint, for the lower of x_i, x_j
    upper_side = (total[:, None, :] - toward_j) - (total[:, :, None] - toward_i)
    ui, uj = u[:, :, None], u[:, None, :]
    return np.where(ui < uj, lower_side, np.where(ui > uj, upper_side, 0.0))


def _count_below(sorted_u: FloatArray, mid: FloatArray) -> IntArray:
    """For each draw b and each mid[b, i, j], the number of sorted_u[b] strictly below it: a
    searchsorted batched over draws, by one stable sort of the midpoints merged with the positions
    (midpoints first, so a position equal to a midpoint is not counted as below it). A single draw
    uses searchsorted itself, which is several times faster."""
    batch, n = sorted_u.shape
    if batch == 1:
        return np.searchsorted(sorted_u[0], mid, side="left")
    pairs = n * n
    keys = np.concatenate([mid.reshape(batch, pairs), sorted_u], axis=1)
    order = np.argsort(keys, axis=1, kind="stable")
    positions_so_far = np.cumsum(order >= pairs, axis=1)
    counts = np.empty_like(positions_so_far)
    np.put_along_axis(counts, order, positions_so_far, axis=1)
    return counts[:, :pairs].reshape(batch, n, n)


def _probability(u: FloatArray, w: FloatArray, r: FloatArray | None, variant: Variant) -> FloatArray:
    """P[b, i, j]: probability that i prevails over j.

    scholz-code: votes for x_i over x_j divided by the vote mass over all ordered pairs, which is
    twice the sum of all ``num`` (each |V_kb − V_ka| appears once as a max(0, ·) in each order);
    0 when nobody votes. paper: votes for i over the votes cast on the pair; 0.5 when nobody votes.
    """
    num = _preference_sums(u, w, r)
    if variant == "scholz-code":
        mass = 2.0 * _total(num, axis=(1, 2))[:, None, None]
        return np.divide(num, mass, out=np.zeros_like(num), where=mass > 0)
    cast = num + num.transpose(0, 2, 1)
    return np.divide(num, cast, out=np.full_like(num, 0.5), where=cast > 0)


def _views(
    u: FloatArray,
    s: FloatArray,
    w: FloatArray,
    r: FloatArray,
    distance: FloatArray,
    to_median: FloatArray,
    fixed_p: FloatArray | None,
    params: ChallengeParams,
    *,
    sender_only: bool = False,
) -> tuple[FloatArray | None, FloatArray]:
    """Per (receiver a, sender o): a's expected utility of challenging o, and o's of challenging a
    (the risk passes need only the second: ``sender_only`` skips the first where it can).

    scholz-code: both as a sees them, with a's risk exponent and P from risk-weighted votes.
    paper: each with the challenger's own exponent, so o's view is the transpose of the first.
    In both, row a of the utilities below is weighed with r_a, so one set serves both views.
    """
    p = fixed_p if fixed_p is not None else _probability(u, w, r, params.variant)
    own_r = r[:, :, None]
    success, failure = _utility(0.5 - 0.5 * distance, own_r), _utility(0.5 + 0.5 * distance, own_r)
    status_quo = 2.0 - 4.0 * 0.5**own_r

    def expected(p: FloatArray, s_target: FloatArray, m: FloatArray) -> FloatArray:
        """EU = s_j (P U_s + (1 − P) U_f) + (1 − s_j) U_s − Q U_q − (1 − Q)(T U_b + (1 − T) U_w),
        written as U_s + s_j (1 − P)(U_f − U_s) − …; m = |x_challenger − μ| / R."""
        eu = success + s_target * (1.0 - p) * (failure - success) - params.q * status_quo
        if params.q < 1.0:
            # T = 1 when the target moving toward the median would leave the challenger better off.
            toward_median = np.where(m < distance, 0.5 - 0.25 * (m + distance), 0.5 + 0.25 * (m + distance))
            eu = eu - (1.0 - params.q) * _utility(toward_median, own_r)
        return np.asarray(eu)

    challenged = None
    if params.variant == "scholz-code":
        challenged = expected(p.transpose(0, 2, 1), s[:, :, None], to_median[:, None, :])
        if sender_only:
            return None, challenged
    challenges = expected(p, s[:, None, :], to_median[:, :, None])
    return challenges, challenges.transpose(0, 2, 1) if challenged is None else challenged


def _utility(base: FloatArray, r: FloatArray) -> FloatArray:
    """2 − 4 · base^r. d ≤ 1 and m + d ≤ 2 keep every base ≥ 0; the clip only absorbs rounding,
    which would otherwise give NaN for a non-integer r. r = 1 everywhere (the first risk pass)
    skips the power, the costliest operation of a round."""
    base = np.maximum(base, 0.0)
    return np.asarray(2.0 - 4.0 * (base if (r == 1.0).all() else base**r))


def _danger(eu_sender: FloatArray) -> FloatArray:
    """S_a = Σ_{o≠a} EU(o challenges a): how much the others expect from challenging a."""
    return np.asarray(_total(eu_sender, axis=2) - np.einsum("bii->bi", eu_sender))


def _risk_exponents(danger: FloatArray) -> FloatArray:
    """R_a = (2 S_a − max S − min S) / (max S − min S), r_a = (1 − R_a/3) / (1 + R_a/3) ∈ [0.5, 2].

    Equal danger everywhere (up to a relative 1e-12, so rounding noise cannot fake a spread) gives
    R = 0, r = 1."""
    top = danger.max(axis=1, keepdims=True)
    bottom = danger.min(axis=1, keepdims=True)
    spread = top - bottom
    flat = spread <= _TIE * np.maximum(np.abs(top), np.abs(bottom))
    relative = np.where(flat, 0.0, (2.0 * danger - top - bottom) / np.where(flat, 1.0, spread))
    return np.asarray((1.0 - relative / 3.0) / (1.0 + relative / 3.0))


# --- offers -------------------------------------------------------------------------------------


def _classify(
    u: FloatArray, distance: FloatArray, eu_receiver: FloatArray, eu_sender: FloatArray, params: ChallengeParams
) -> tuple[NDArray[np.int8], FloatArray]:
    """Offer category and the receiver's would-be position for every (receiver a, sender o).

    Both variants: confrontation when e_send > e_recv > 0 (a moves to x_o). When e_send > 0 > e_recv
    they differ on which case is the full move:
    - scholz-code: e_send > |e_recv| is a compromise, a moving the share |e_recv / e_send| of the
      way; e_send < |e_recv| a capitulation (a moves to x_o) unless ``capitulation=False``.
    - paper: e_send > |e_recv| compels a to x_o (recorded as a capitulation); e_send < |e_recv| is a
      compromise moving the share |e_send / e_recv| — the ratio that keeps the move within the gap.
    Pairs at the same position exchange no offers; exact equalities give no offer.
    """
    apart = distance > 0
    confrontation = apart & (eu_sender > eu_receiver) & (eu_receiver > 0)
    yielding = apart & (eu_sender > 0) & (eu_receiver < 0)
    sender_stronger = eu_sender > -eu_receiver
    receiver_stronger = eu_sender < -eu_receiver
    if params.variant == "scholz-code":
        compromise = yielding & sender_stronger
        capitulation = yielding & receiver_stronger & params.capitulation
        share = np.divide(-eu_receiver, eu_sender, out=np.zeros_like(eu_sender), where=compromise)
    else:
        compromise = yielding & receiver_stronger
        capitulation = yielding & sender_stronger
        share = np.divide(eu_sender, -eu_receiver, out=np.zeros_like(eu_sender), where=compromise)
    category = np.zeros(distance.shape, dtype=np.int8)
    category[confrontation] = _CONFRONTATION
    category[compromise] = _COMPROMISE
    category[capitulation] = _CAPITULATION
    ua, uo = u[:, :, None], u[:, None, :]
    target = np.where(compromise, ua + (uo - ua) * share, uo)
    return category, np.asarray(target)


def _accept(
    u: FloatArray,
    category: NDArray[np.int8],
    target: FloatArray,
    eu_receiver: FloatArray,
    eu_sender: FloatArray,
    rule: Acceptance,
) -> IntArray:
    """The sender whose offer each receiver accepts (−1: none). Ties go to the lowest sender index.

    - least-move: the offer that moves the receiver least, whatever its category (Scholz §6.2).
    - highest-eu: the offer from the sender that expects most from its challenge.
    - eu-weighted-midpoint (Scholz's code): the nearest confrontation if any; else the compromise
      whose EU-weighted midpoint (|e_recv| x_a + |e_send| x_o)/(|e_recv| + |e_send|) is smallest
      — smallest on the scale, not nearest, as the code does; else the nearest capitulation.
    """
    offered = category > 0
    move = np.abs(target - u[:, :, None])
    if rule == "least-move":
        key = move
    elif rule == "highest-eu":
        key = -eu_sender
    else:
        best = np.where(offered, category, 127).min(axis=2, keepdims=True)
        offered = offered & (category == best)
        weight_a, weight_o = np.abs(eu_receiver), np.abs(eu_sender)
        together = weight_a + weight_o
        midpoint = np.divide(weight_a * u[:, :, None] + weight_o * u[:, None, :], together,
                             out=np.zeros_like(together), where=together > 0)
        key = np.where(category == _COMPROMISE, midpoint, move)
    key = np.where(offered, key, np.inf)
    chosen = key.argmin(axis=2) if key.shape[2] else np.zeros(key.shape[:2], dtype=np.intp)
    return np.where(offered.any(axis=2), chosen, -1)


def _offer_log(t: int, out: _RoundOutcome | None, origin: float, span: float) -> tuple[NDArray[Any], ...]:
    """Round t's offers (of the single draw) as OfferLog columns; ``out=None``: empty columns."""
    if out is None:
        index, value = np.zeros(0, dtype=np.intp), np.zeros(0)
        return index, index, index, np.zeros(0, dtype=np.int8), value, value, value, np.zeros(0, dtype=bool)
    receivers, senders = pairs = np.nonzero(out.category[0])
    return (
        np.full(len(senders), t, dtype=np.intp), senders, receivers, out.category[0][pairs],
        out.eu_sender[0][pairs], out.eu_receiver[0][pairs], origin + span * out.target[0][pairs],
        out.chosen[0][receivers] == senders,
    )


# --- summaries, framing, validation -------------------------------------------------------------


def _median_rows(u: FloatArray, w: FloatArray) -> FloatArray:
    """Condorcet position per row: least weighted total distance, ties to the lowest index.

    This is also what Scholz's per-round "median" walk computes: walking the distinct positions
    and keeping the current one unless the next wins the pairwise vote (r = 1) keeps the position
    with the least total distance, the first one met on a tie."""
    total = _total(w, axis=1)
    if u.shape[1] == 0:
        return np.full(u.shape[0], np.nan)
    distance = _total(np.abs(u[:, :, None] - u[:, None, :]) * w[:, None, :], axis=2)
    least = distance.min(axis=1, keepdims=True)
    tied = distance <= least + _TIE * distance.max(axis=1, keepdims=True)
    median = np.take_along_axis(u, tied.argmax(axis=1)[:, None], axis=1)[:, 0]
    return np.where(total > 0, median, np.nan)


def _mean_rows(u: FloatArray, w: FloatArray) -> FloatArray:
    """Capability × salience weighted mean per row (the compromise model); NaN without weight."""
    total = _total(w, axis=1)
    weighted = _total(w * u, axis=1)
    return np.divide(weighted, total, out=np.full_like(total, np.nan), where=total > 0)


def _total(a: FloatArray, axis: int | tuple[int, ...]) -> FloatArray:
    """Sum whose rounding does not depend on the batch: NumPy lays a broadcast result out after its
    operands, and the layout decides the summation order (pairwise along the contiguous axis). In
    C order, a draw gives the same bits alone or in any batch — which matters, because the model
    turns last-bit differences into different offers (see docs/models.md)."""
    return np.asarray(np.ascontiguousarray(a).sum(axis=axis))


def _frame(x0: FloatArray, lo: float, hi: float, params: ChallengeParams) -> tuple[FloatArray, FloatArray]:
    """(origin, R) per draw. With ``initial-positions``, R is the spread of the starting positions;
    when they all coincide, R = 1 stands in (nothing can move, so its value does not matter)."""
    if params.range == "scale" or x0.shape[1] == 0:
        return np.full(x0.shape[0], float(lo)), np.full(x0.shape[0], float(hi) - float(lo))
    origin = x0.min(axis=1)
    span = x0.max(axis=1) - origin
    return origin, np.where(span > 0, span, 1.0)


def _validated(
    position: FloatArray, salience: FloatArray, capability: FloatArray, lo: float, hi: float, *, ndim: int
) -> tuple[FloatArray, FloatArray, FloatArray]:
    arrays = [np.asarray(a, dtype=np.float64) for a in (position, salience, capability)]
    x, s, c = arrays
    if any(a.ndim != ndim for a in arrays) or not (x.shape == s.shape == c.shape):
        raise ValueError(f"position, salience and capability must be {ndim}-D arrays of one shape")
    if not (np.isfinite(lo) and np.isfinite(hi) and lo < hi):
        raise ValueError(f"the scale needs lo < hi: got [{lo}, {hi}]")
    if not all(np.isfinite(a).all() for a in arrays):
        raise ValueError("missing (NaN) or infinite values: drop actors without a value before calling")
    if ((x < lo) | (x > hi)).any():
        raise ValueError(f"positions outside the scale [{lo}, {hi}]")
    if ((s < 0) | (s > 1)).any():
        raise ValueError("salience must lie in [0, 1] (divide 0–100 values by 100)")
    if (c < 0).any():
        raise ValueError("capability must not be negative")
    return x, s, c


def _notes(
    x0: FloatArray, w: FloatArray, n: int, converged: bool, rounds_run: int, params: ChallengeParams
) -> tuple[str, ...]:
    if n == 0:
        return ("no actor holds a position: no prediction",)
    if w.sum() <= 0:
        return ("no actor has both capability and salience: no prediction (median and mean are NaN; "
                "no one moves)",)
    notes = []
    if n == 1:
        notes.append("one actor: no one to bargain with; its position is the outcome")
    elif np.ptp(x0) == 0:
        notes.append("all actors start at the same position (R = 0): nothing to negotiate")
    idle = int((w == 0).sum())
    if idle:
        notes.append(f"{idle} actor(s) with zero capability or salience: they cast no votes, but still "
                     "make and receive offers")
    if converged:
        notes.append(f"converged after {rounds_run} round(s): no position moved more than "
                     f"{params.tolerance:g} of the range")
    else:
        notes.append(f"positions still moving after {params.rounds} rounds (Scholz et al.: in general the "
                     "results do not stabilise)")
    return tuple(notes)


def _check_choice(name: str, value: object, choices: object) -> None:
    allowed = get_args(choices)
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, allowed))}: got {value!r}")


# --- The registered model: snapshots in, Prediction out ----------------------------------------


@register
class ChallengeModel(Model):
    """Expected-utility challenges, issue by issue; the outcome is the weighted median after the
    last round (Bueno de Mesquita's forecast), the mean trajectory is kept beside it."""

    name = "challenge"
    summary = "expected-utility challenge model (Bueno de Mesquita, as reconstructed by Scholz et al. 2011)"

    def __init__(self, rounds: int = 10, variant: Variant = "scholz-code", q: float = 1.0,
                 acceptance: Acceptance | None = None, range: RangeRule = "initial-positions",
                 risk_passes: int = 1) -> None:
        self.rounds = rounds
        self.variant = variant
        self.q = q
        self.acceptance = acceptance
        self.range = range
        self.risk_passes = risk_passes

    def _params(self) -> ChallengeParams:
        return ChallengeParams(variant=self.variant, q=self.q, acceptance=self.acceptance, range=self.range,
                               risk_passes=self.risk_passes, rounds=self.rounds)

    def predict(self, snapshot: Snapshot) -> Prediction:
        params = self._params()
        actors, issues = len(snapshot.actors), len(snapshot.issues)
        positions = np.full((self.rounds + 1, actors, issues), np.nan)
        median = np.full((self.rounds + 1, issues), np.nan)
        mean = np.full((self.rounds + 1, issues), np.nan)
        notes, lines, converged = [], [], True
        for i, issue in enumerate(snapshot.issues):
            held = np.flatnonzero(~np.ma.getmaskarray(snapshot.position[:, i]))
            if held.size == 0:
                notes.append(f"{issue}: no actor holds a position — no prediction")
                continue
            result = challenge_model(snapshot.position.data[held, i], snapshot.salience.data[held, i] / 100.0,
                                     snapshot.capability.data[held, i], lo=float(snapshot.scale_min[i]),
                                     hi=float(snapshot.scale_max[i]), params=params)
            positions[:, held, i], median[:, i], mean[:, i] = result.positions, result.median, result.mean
            converged &= result.converged
            notes += [f"{issue}: {note}" for note in result.notes]
            names = [snapshot.actors[a] for a in held]
            lines += [f"round {o.round}, {issue}: {names[o.receiver]} accepts {names[o.sender]}'s {o.category} "
                      f"offer and moves to {o.new_position:.2f} (expected utilities: {names[o.sender]} "
                      f"{o.eu_sender:+.3f}, {names[o.receiver]} {o.eu_receiver:+.3f})"
                      for o in result.offers if o.accepted]
        return self._prediction(snapshot, median[-1], positions=positions, median=median, mean=mean,
                                converged=converged, notes=tuple(notes), explanation=tuple(lines))

    def outcomes(self, inputs: Inputs) -> FloatArray:
        params = self._params()
        out = np.full((inputs.position.shape[0], inputs.held.shape[1]), np.nan)
        for i in range(inputs.held.shape[1]):
            held = np.flatnonzero(inputs.held[:, i])
            if held.size:
                _, out[:, i], _ = challenge_model_draws(
                    inputs.position[:, held, i], inputs.salience[:, held, i] / 100.0, inputs.capability[:, held, i],
                    lo=float(inputs.scale_min[i]), hi=float(inputs.scale_max[i]), params=params)
        return out
