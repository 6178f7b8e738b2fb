"""The built-in Russia–Ukraine case and its lexicon, loaded once for all the tests that read them."""

from __future__ import annotations

import functools

from peacetalks.case.loading import load_case_path
from peacetalks.case.types import Case
from peacetalks.catalog import builtin_cases
from peacetalks.ingest.lexicon import Lexicon


@functools.cache
def case() -> Case:
    """The built-in case (nothing in the tests changes it)."""
    return load_case_path(builtin_cases()["russia-ukraine"])


@functools.cache
def lexicon() -> Lexicon:
    """The built-in case's lexicon."""
    return Lexicon(case())
