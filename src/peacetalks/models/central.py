"""The two static baselines: the compromise (weighted mean) and the weighted median.

The compromise model is hard to beat in the published literature (Achen 2006; Thomson et al.):
any model presented as better must beat it on the same data.
"""

from __future__ import annotations

import numpy as np

from peacetalks.case import Snapshot
from peacetalks.models.base import FloatArray, Model, Prediction, per_issue, register
from peacetalks.models.draws import Inputs


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

    def outcomes(self, inputs: Inputs) -> FloatArray:
        weight = _draw_weights(inputs)
        total = weight.sum(axis=1)
        weighted = np.einsum("dai,dai->di", weight, inputs.position)  # one pass, no [d, a, i] temporary
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(total > 0, weighted / total, np.nan)


@register
class WeightedMedian(Model):
    """The weighted median (Condorcet position) of the positions, per issue."""

    name = "median"
    summary = "position that wins every pairwise weighted vote (weighted median)"

    def predict(self, snapshot: Snapshot) -> Prediction:
        outcome = per_issue(snapshot, weighted_median)
        return self._prediction(snapshot, outcome, notes=_note_missing(snapshot, outcome))

    def outcomes(self, inputs: Inputs) -> FloatArray:
        # The lower weighted median: the first position, in ascending order, at which the
        # cumulative weight reaches half the total. It minimises the weighted distance like the
        # Condorcet rule above; the two differ only on exact ties, which continuous draws avoid.
        weight = _draw_weights(inputs)
        order = np.argsort(inputs.position, axis=1)
        sorted_position = np.take_along_axis(inputs.position, order, axis=1)
        cumulative = np.cumsum(np.take_along_axis(weight, order, axis=1), axis=1)
        total = cumulative[:, -1:, :]
        first = np.argmax(cumulative >= total / 2, axis=1)[:, None, :]
        median = np.take_along_axis(sorted_position, first, axis=1)[:, 0, :]
        return np.where(total[:, 0, :] > 0, median, np.nan)


def _draw_weights(inputs: Inputs) -> FloatArray:
    """Capability × salience share per draw; zero where the actor holds no position."""
    weight = inputs.capability * inputs.salience
    weight *= inputs.held / 100.0  # in place: these arrays are the largest the models touch
    return weight
