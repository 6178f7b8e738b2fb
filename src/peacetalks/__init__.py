"""peacetalks: understand, track and forecast peace negotiations with sourced, inspectable models.

>>> import peacetalks
>>> case = peacetalks.load_case("russia-ukraine")          # doctest: +SKIP
>>> case.snapshot("2026-03-01").to_dataframe()              # doctest: +SKIP
"""

from peacetalks.case import Case, Snapshot
from peacetalks.catalog import builtin_cases, list_cases, load_case, read_case_file
from peacetalks.errors import CaseError, CaseNotFoundError, PeacetalksError, Problem, StoreError

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
