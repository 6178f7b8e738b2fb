"""Scenarios: a monthly Monte Carlo of the war and the talks, with deals from
:mod:`peacetalks.deals`, outcome probabilities, sensitivity analysis and backtests.
Equations, parameters and interpretive choices: docs/scenarios.md."""

from peacetalks.scenarios.dynamics import OUTCOMES, SHOCKS, STATE
from peacetalks.scenarios.forecast import Explanation, Forecast, Interval, SignedPackage
from peacetalks.scenarios.parameters import Explained, ParameterSet, ScenarioError, explain, parameter_set
from peacetalks.scenarios.simulate import simulate

__all__ = [
    "OUTCOMES", "SHOCKS", "STATE", "Explained", "Explanation", "Forecast", "Interval", "ParameterSet",
    "ScenarioError", "SignedPackage", "explain", "parameter_set", "simulate",
]
