"""The one exception hierarchy of peacetalks.

Every error a user can cause is a :class:`PeacetalksError`; its message says what is wrong and
what to do. The CLI prints it without a traceback and exits non-zero.
"""

from __future__ import annotations

from dataclasses import dataclass


class PeacetalksError(Exception):
    """Base class of every error peacetalks raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, located as precisely as the input allows."""

    file: str
    line: int | None
    field: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        field = f" {self.field}:" if self.field else ""
        hint = f" (hint: {self.hint})" if self.hint else ""
        return f"{where}:{field} {self.message}{hint}"


class CaseError(PeacetalksError):
    """A case (or an interop file) could not be loaded; lists every problem found."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the case"
        super().__init__(head + ":\n" + "\n".join(f"  - {p}" for p in self.problems))


class CaseNotFoundError(PeacetalksError):
    """A case name matched no file, built-in case or stored case."""


class StoreError(PeacetalksError):
    """The store could not be opened, read or written."""


class StaleWriteError(StoreError):
    """A conditional save found the stored case changed since the writer read it."""

    def __init__(self, case_id: str, expected: str, stored: str | None) -> None:
        self.case_id, self.expected, self.stored = case_id, expected, stored
        now = f"is now at version {stored[:12]}" if stored is not None else "no longer exists"
        super().__init__(
            f"case {case_id!r} changed since version {expected[:12]} was read (it {now}): "
            "reload it, apply your change again and save"
        )
