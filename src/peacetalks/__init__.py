"""peacetalks: understand, track and forecast peace negotiations with sourced, inspectable models.

>>> import peacetalks
>>> case = peacetalks.load_case("russia-ukraine")          # doctest: +SKIP
>>> case.snapshot("2026-03-01").to_dataframe()              # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from peacetalks.errors import CaseError, CaseNotFoundError, PeacetalksError, Problem, StoreError

if TYPE_CHECKING:
    from peacetalks.case import Case, Snapshot
    from peacetalks.catalog import builtin_cases, list_cases, load_case, read_case_file

# The case types pull in pydantic and NumPy; importing them on first use keeps the command line
# (which imports peacetalks.errors, and so this package) quick to start.
_LAZY = {
    "Case": "peacetalks.case",
    "Snapshot": "peacetalks.case",
    "builtin_cases": "peacetalks.catalog",
    "list_cases": "peacetalks.catalog",
    "load_case": "peacetalks.catalog",
    "read_case_file": "peacetalks.catalog",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'peacetalks' has no attribute {name!r}")


__all__ = [
    "Case",
    "CaseError",
    "CaseNotFoundError",
    "PeacetalksError",
    "Problem",
    "Snapshot",
    "StoreError",
    "builtin_cases",
    "list_cases",
    "load_case",
    "read_case_file",
]
