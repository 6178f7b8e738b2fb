"""One small interface for every bargaining model, and the registry that lists them.

A model is a class whose parameters are keyword arguments of ``__init__`` (stored unchanged) and
whose one method is ``predict(snapshot) -> Prediction``. ``params()`` reads them back from the
signature, so the CLI, the run registry and sensitivity sweeps can treat every model alike.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar

import numpy as np
from numpy.typing import NDArray

from peacetalks.case import Snapshot
from peacetalks.errors import PeacetalksError
from peacetalks.models.draws import Distribution, Inputs, draw_chunks

FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class Prediction:
    """A model's forecast for every issue of a snapshot.

    ``outcome[i]`` is NaN where the model can make no prediction (a note says why). Models with
    rounds fill ``positions`` [rounds+1, actors, issues], ``median`` and ``mean`` [rounds+1,
    issues]; row 0 is the starting point. ``explanation`` holds one line per step that matters
    (an offer, an exchange), readable without the code.
    """

    model: str
    params: dict[str, Any]
    case_id: str
    case_hash: str
    as_of: str
    actors: tuple[str, ...]
    issues: tuple[str, ...]
    outcome: FloatArray
    positions: FloatArray | None = None
    median: FloatArray | None = None
    mean: FloatArray | None = None
    converged: bool | None = None
    notes: tuple[str, ...] = ()
    explanation: tuple[str, ...] = field(default=(), repr=False)

    def explain(self) -> str:
        """Why the model predicts what it does, in plain lines."""
        head = f"{self.model} on {self.case_id} as of {self.as_of} ({_format_params(self.params)})"
        return "\n".join([head, *self.notes, *self.explanation])

    def outcome_of(self, issue: str) -> float:
        if issue not in self.issues:
            raise KeyError(f"no issue {issue!r} in this prediction; known: {', '.join(self.issues)}")
        return float(self.outcome[self.issues.index(issue)])


class Model:
    """Base of every model: parameters live in ``__init__``; ``predict`` does the work."""

    name: ClassVar[str]
    summary: ClassVar[str]

    def params(self) -> dict[str, Any]:
        signature = inspect.signature(type(self).__init__)
        named = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
        return {name: getattr(self, name) for name, p in signature.parameters.items()
                if name != "self" and p.kind in named}

    def predict(self, snapshot: Snapshot) -> Prediction:
        raise NotImplementedError

    def predict_draws(self, snapshot: Snapshot, draws: int, seed: int,
                      spread: dict[str, float] | None = None) -> Distribution:
        """The outcome per issue over ``draws`` Monte Carlo draws of the inputs (see
        :mod:`peacetalks.models.draws`); same seed, same samples."""
        if draws < 1:
            raise PeacetalksError("the number of draws must be at least 1")
        samples = np.concatenate([self.outcomes(chunk) for chunk in draw_chunks(snapshot, draws, seed, spread)])
        return Distribution(self.name, snapshot.issues, samples, seed, draws)

    def outcomes(self, inputs: Inputs) -> FloatArray:
        """Outcomes [draws, issues] for one chunk of drawn inputs; vectorised across draws."""
        raise NotImplementedError

    def _prediction(self, snapshot: Snapshot, outcome: FloatArray, **fields: Any) -> Prediction:
        return Prediction(
            model=self.name, params=self.params(), case_id=snapshot.case_id, case_hash=snapshot.case_hash,
            as_of=snapshot.as_of.isoformat(), actors=snapshot.actors, issues=snapshot.issues,
            outcome=outcome, **fields,
        )


M = TypeVar("M", bound=type[Model])
_REGISTRY: dict[str, type[Model]] = {}


def register(cls: M) -> M:
    """Class decorator: list a model under its ``name``."""
    _REGISTRY[cls.name] = cls
    return cls


def available_models() -> dict[str, type[Model]]:
    """Every registered model by name, in registration order."""
    from peacetalks.models import central, challenge, exchange  # noqa: F401  (importing registers the models)

    return dict(_REGISTRY)


def get_model(name: str, **params: Any) -> Model:
    models = available_models()
    if name not in models:
        raise PeacetalksError(f"no model named {name!r}; available: {', '.join(models)}")
    try:
        return models[name](**params)
    except TypeError as exc:
        raise PeacetalksError(f"model {name!r}: {exc}") from None


def weights(snapshot: Snapshot) -> np.ma.MaskedArray:
    """Capability × salience (salience as a share), masked where the actor has no position."""
    return snapshot.capability * (snapshot.salience / 100.0)


def per_issue(snapshot: Snapshot, rule: Callable[[FloatArray, FloatArray], float]) -> FloatArray:
    """Apply ``rule(positions, weights)`` to the actors holding a position on each issue."""
    w = weights(snapshot)
    out = np.full(len(snapshot.issues), np.nan)
    for i in range(len(snapshot.issues)):
        held = ~np.ma.getmaskarray(snapshot.position[:, i])
        out[i] = rule(snapshot.position.data[held, i], w.data[held, i])
    return out


def _format_params(params: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v!r}" for k, v in params.items()) or "no parameters"
