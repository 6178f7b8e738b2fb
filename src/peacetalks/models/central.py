"""The two static baselines: the compromise (weighted mean) and the weighted median.

The compromise model is hard to beat in the published literature (Achen 2006; Thomson et al.):
any model presented as better must beat it on the same data.
"""

from __future__ import annotations

import numpy as np

from peacetalks.case import Snapshot
from peacetalks.models.base import FloatArray, Model, Prediction, per_issue, register


def compromise(position: FloatArray, weight: FloatArray) -> float:
    """Σ w·x / Σ w; NaN when no actor has any weight (there is no prediction to make)."""
    total = float(weight.sum())
    return float(weight @ position / total) if total > 0 else float("nan")


def weighted_median(position: FloatArray, weight: FloatArray) -> float:
    """The Condorcet position: the actor position no other actor position beats in a pairwise,
    weight-summed vote. In one dimension it is the weighted median; when two positions tie, the
    one held by the lower-index actor wins. NaN when no actor has any weight."""
    if position.size == 0 or float(weight.sum()) <= 0:
        return float("nan")
    # x_j beats x_k by Σ_i w_i (|x_i − x_k| − |x_i − x_j|) = D_k − D_j, with D_j the weighted total
    # distance to x_j: the Condorcet position is the one with the least D.
    total_distance = np.abs(position[:, None] - position[None, :]) @ weight
    tolerance = 1e-12 * max(1.0, float(total_distance.max()))
    return float(position[np.flatnonzero(total_distance <= total_distance.min() + tolerance)[0]])


def _note_missing(snapshot: Snapshot, outcome: FloatArray) -> tuple[str, ...]:
    return tuple(f"{issue}: no actor with capability and salience holds a position — no prediction"
                 for issue, value in zip(snapshot.issues, outcome, strict=True) if np.isnan(value))


@register
class Compromise(Model):
    """Capability × salience weighted mean of the positions, per issue."""

    name = "compromise"
    summary = "weighted mean of positions (capability × salience)"

    def predict(self, snapshot: Snapshot) -> Prediction:
        outcome = per_issue(snapshot, compromise)
        return self._prediction(snapshot, outcome, notes=_note_missing(snapshot, outcome))


@register
class WeightedMedian(Model):
    """The weighted median (Condorcet position) of the positions, per issue."""

    name = "median"
    summary = "position that wins every pairwise weighted vote (weighted median)"

    def predict(self, snapshot: Snapshot) -> Prediction:
        outcome = per_issue(snapshot, weighted_median)
        return self._prediction(snapshot, outcome, notes=_note_missing(snapshot, outcome))
