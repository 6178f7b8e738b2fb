"""Pareto frontier, Nash and Kalai–Smorodinsky points of an additive package space.

A package picks one value on every issue; its utility for each actor is the sum of per-issue
terms, given as one table per issue (``tables[i][k, a]`` = what value ``k`` of issue ``i`` is
worth to actor ``a``). The space has Π K_i packages; it is never enumerated. The method:

1. **Per-issue pruning.** A value dominated on its own issue (another value is at least as good
   for every actor and better for one) cannot be part of a Pareto-optimal package: swapping it
   for its dominator dominates the package. Ties (values equal for everyone) keep one value.
2. **Merging.** Issues are added one at a time; the partial packages kept are the Pareto front
   of (front so far) ⊕ (pruned values of the next issue). A partial package dominated by another
   stays dominated in every completion, so nothing on the final frontier is lost.
3. **Bounding (optional).** When reservation values are given, a partial package whose best
   possible completion (its utility plus every remaining issue's maximum) stays below an actor's
   reservation is dropped: no completion is acceptable. The result is then the frontier of the
   packages every actor prefers to no deal, the set on which Nash and Kalai–Smorodinsky live.

Front extraction: two actors by one sort and a running maximum (O(n log n)); three by divide
and conquer with vectorised staircase queries (O(n log² n)); more by a sum-ordered,
block-vectorised dominance filter. Equal utility vectors are reported once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

_BLOCK = 256


@dataclass(frozen=True, eq=False)
class Front:
    """Non-dominated packages: ``utility[F, A]`` and ``choice[F, I]`` (the value index chosen on
    each issue), sorted by total utility, highest first."""

    utility: FloatArray
    choice: IntArray

    def __len__(self) -> int:
        return int(self.utility.shape[0])


def nondominated(points: FloatArray) -> IntArray:
    """Indices of the points no other point dominates (duplicates kept once), highest sum first."""
    n, a = points.shape
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    if a == 1:
        return np.array([int(np.argmax(points[:, 0]))], dtype=np.int64)
    if a == 2:
        order = np.lexsort((-points[:, 1], -points[:, 0]))
        second = points[order, 1]
        best_before = np.concatenate(([-np.inf], np.maximum.accumulate(second)[:-1]))
        kept = order[second > best_before]
    elif a == 3:
        kept = _nondominated_three(points)
    else:
        kept = _nondominated_many(points)
    return np.asarray(kept[np.argsort(-points[kept].sum(axis=1), kind="stable")], dtype=np.int64)


def _nondominated_three(points: FloatArray) -> IntArray:
    # Sorted lexicographically descending, only an earlier point can weakly dominate a later one,
    # and then it suffices that it is at least as good on the last two coordinates. Divide and
    # conquer over that order: each half is checked on its own, and the later half against the
    # earlier one by a vectorised staircase query (O(n log² n)).
    order = np.lexsort((-points[:, 2], -points[:, 1], -points[:, 0]))
    u1, u2 = points[order, 1], points[order, 2]
    dominated = np.zeros(len(order), dtype=bool)
    stack = [(0, len(order))]
    while stack:
        lo, hi = stack.pop()
        if hi - lo <= _BLOCK:
            a1, a2 = u1[lo:hi], u2[lo:hi]
            ge = np.triu((a1[:, None] >= a1[None, :]) & (a2[:, None] >= a2[None, :]), k=1)
            dominated[lo:hi] |= ge.any(axis=0)
            continue
        mid = (lo + hi) // 2
        stack += [(lo, mid), (mid, hi)]
        by_u1 = np.argsort(-u1[lo:mid], kind="stable")
        first = -u1[lo:mid][by_u1]
        best_u2 = np.maximum.accumulate(u2[lo:mid][by_u1])
        count = np.searchsorted(first, -u1[mid:hi], side="right")
        dominated[mid:hi] |= (count > 0) & (best_u2[np.maximum(count - 1, 0)] >= u2[mid:hi])
    return np.asarray(order[~dominated], dtype=np.int64)


def _nondominated_many(points: FloatArray) -> IntArray:
    # A point can only be dominated by one with a larger (or, for a duplicate, equal) sum, so in
    # sum-descending order each block needs checking against the front so far and itself.
    order = np.lexsort((*(-points[:, k] for k in range(points.shape[1] - 1, -1, -1)), -points.sum(axis=1)))
    pts = points[order]
    front = np.zeros((0, points.shape[1]))
    kept: list[IntArray] = []
    for start in range(0, len(pts), _BLOCK):
        block = pts[start:start + _BLOCK]
        alive = np.ones(len(block), dtype=bool)
        for s in range(0, len(front), 8 * _BLOCK):
            f = front[s:s + 8 * _BLOCK]
            alive &= ~np.any(np.all(f[None, :, :] >= block[:, None, :], axis=2), axis=1)
        idx = np.nonzero(alive)[0]
        sub = block[idx]
        # Within the block, a row goes if an earlier row weakly dominates it.
        ge = np.triu((sub[:, None, :] >= sub[None, :, :]).all(axis=2), k=1)
        survivors = idx[~ge.any(axis=0)]
        if len(survivors):
            front = np.concatenate([front, block[survivors]])
            kept.append(order[start + survivors])
    return np.concatenate(kept) if kept else np.zeros(0, dtype=np.int64)


def pareto_front(tables: Sequence[FloatArray], reservation: FloatArray | None = None,
                 allowed: Sequence[NDArray[np.bool_]] | None = None) -> Front:
    """The Pareto frontier of the package space (see the module docstring for the method).

    With ``reservation`` [A] (NaN = no constraint for that actor) only packages at or above every
    reservation are kept; with ``allowed`` (one boolean mask per issue) only the allowed values
    of each issue are used (red lines). ``choice`` indexes the full tables either way.
    """
    tables = [np.asarray(t, dtype=float) for t in tables]
    n_actors = tables[0].shape[1] if tables else 0
    bound = None if reservation is None else np.where(np.isnan(reservation), -np.inf, reservation)
    usable = [np.arange(len(t)) if allowed is None else np.flatnonzero(allowed[i]) for i, t in enumerate(tables)]
    if any(len(u) == 0 for u in usable):
        return Front(np.zeros((0, n_actors)), np.zeros((0, len(tables)), dtype=np.int64))
    pruned = [u[nondominated(t[u])] for t, u in zip(tables, usable, strict=True)]
    # Small issues first keeps the intermediate fronts small.
    order = sorted(range(len(tables)), key=lambda i: len(pruned[i]))
    rest = np.zeros((len(tables) + 1, n_actors))
    for pos in range(len(order) - 1, -1, -1):
        i = order[pos]
        rest[pos] = rest[pos + 1] + tables[i][pruned[i]].max(axis=0)
    util = np.zeros((1, n_actors))
    choice = np.zeros((1, len(tables)), dtype=np.int64)
    if bound is not None and (rest[0] < bound).any():
        return Front(np.zeros((0, n_actors)), np.zeros((0, len(tables)), dtype=np.int64))
    for pos, i in enumerate(order):
        values = tables[i][pruned[i]]
        cand = (util[:, None, :] + values[None, :, :]).reshape(-1, n_actors)
        parent = np.repeat(np.arange(len(util)), len(values))
        pick = np.tile(pruned[i], len(util))
        if bound is not None:
            ok = (cand + rest[pos + 1] >= bound).all(axis=1)
            cand, parent, pick = cand[ok], parent[ok], pick[ok]
        keep = nondominated(cand)
        util = cand[keep]
        choice = choice[parent[keep]]
        choice[:, i] = pick[keep]
    return Front(util, choice)


def nash_index(front: Front, disagreement: FloatArray) -> int | None:
    """The frontier package maximising Π (u_a − d_a) among those with u ≥ d (first on ties)."""
    gains = front.utility - disagreement[None, :]
    ok = (gains >= 0).all(axis=1)
    if not ok.any():
        return None
    product = np.where(ok, np.prod(np.maximum(gains, 0.0), axis=1), -np.inf)
    return int(np.argmax(product))


def ks_index(front: Front, disagreement: FloatArray) -> int | None:
    """The Kalai–Smorodinsky package: the frontier package (u ≥ d) whose normalised gains
    (u_a − d_a) / (ideal_a − d_a) are most nearly equal (smallest max − min), with ideal_a the
    best utility ``a`` gets among those packages. This is the point nearest the line from the
    disagreement point to the ideal point, the discrete form of Kalai and Smorodinsky (1975)
    that NegMAS's ``ks_points`` also uses; first on ties."""
    gains = front.utility - disagreement[None, :]
    ok = (gains >= 0).all(axis=1)
    if not ok.any():
        return None
    ideal = front.utility[ok].max(axis=0) - disagreement
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(ideal > 0, gains / np.where(ideal > 0, ideal, 1.0), gains)
    spread = np.where(ok, share.max(axis=1) - share.min(axis=1), np.inf)
    return int(np.argmin(spread))


def count_acceptable(tables: Sequence[FloatArray], reservation: FloatArray,
                     allowed: Sequence[NDArray[np.bool_]] | None = None, limit: int = 2_000_000) -> int | None:
    """How many packages reach every reservation value (NaN = no constraint), counted without
    enumerating the space: partial packages are extended issue by issue; one whose worst
    completion already meets every reservation counts all its completions at once, one whose
    best completion misses one is dropped. None when more than ``limit`` partial packages stay
    undecided at once."""
    tables = [np.asarray(t, dtype=float) if allowed is None else np.asarray(t, dtype=float)[allowed[i]]
              for i, t in enumerate(tables)]
    if any(len(t) == 0 for t in tables):
        return 0
    bound = np.where(np.isnan(reservation), -np.inf, reservation)
    # Decisive issues first: those whose values differ most decide partial packages soonest.
    order = sorted(range(len(tables)), key=lambda i: -float(np.ptp(tables[i], axis=0).max()))
    best = np.zeros((len(order) + 1, len(bound)))
    worst = np.zeros((len(order) + 1, len(bound)))
    sizes = np.ones(len(order) + 1)
    for pos in range(len(order) - 1, -1, -1):
        t = tables[order[pos]]
        best[pos] = best[pos + 1] + t.max(axis=0)
        worst[pos] = worst[pos + 1] + t.min(axis=0)
        sizes[pos] = sizes[pos + 1] * len(t)
    total = 0.0
    partial = np.zeros((1, len(bound)))
    for pos in range(len(order) + 1):
        sure = (partial + worst[pos] >= bound).all(axis=1)
        total += float(sure.sum()) * sizes[pos]
        alive = ~sure & (partial + best[pos] >= bound).all(axis=1)
        partial = partial[alive]
        if not len(partial) or pos == len(order):
            break
        if len(partial) * len(tables[order[pos]]) > limit:
            return None
        t = tables[order[pos]]
        partial = (partial[:, None, :] + t[None, :, :]).reshape(-1, len(bound))
    return int(total)
