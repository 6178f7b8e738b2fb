"""Scoring models against the outcomes a case records, next to the two baselines."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from peacetalks.case import Case
from peacetalks.errors import PeacetalksError
from peacetalks.models.base import Model

BASELINES = ("compromise", "median")


@dataclass(frozen=True)
class Score:
    model: str
    issue: str
    predicted: float
    actual: float

    @property
    def error(self) -> float:
        return abs(self.predicted - self.actual)


@dataclass(frozen=True)
class Backtest:
    """Absolute errors per model and issue, and each model's mean absolute error (MAE)."""

    case_id: str
    as_of: str
    scores: tuple[Score, ...]

    def mae(self, model: str) -> float:
        errors = [s.error for s in self.scores if s.model == model and not math.isnan(s.predicted)]
        return sum(errors) / len(errors) if errors else math.nan

    @property
    def models(self) -> list[str]:
        return list(dict.fromkeys(s.model for s in self.scores))


def backtest(case: Case, models: Sequence[Model], as_of: str | None = None) -> Backtest:
    """Predict every issue that records an actual outcome, with each model, as of ``as_of``
    (default: the case's date — pass an earlier date to use only what was known then)."""
    scored = [issue for issue in case.issues if issue.outcome is not None]
    if not scored:
        raise PeacetalksError(f"case {case.id!r} records no actual outcome on any issue: add 'outcome:' "
                              "(value and sources) to the issues that were decided")
    snapshot = case.snapshot(as_of)
    scores = []
    for model in models:
        prediction = model.predict(snapshot)
        for issue in scored:
            assert issue.outcome is not None
            scores.append(Score(model.name, issue.id, prediction.outcome_of(issue.id), issue.outcome.value))
    return Backtest(case.id, snapshot.as_of.isoformat(), tuple(scores))
