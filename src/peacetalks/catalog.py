"""Finding cases by name or path: case files, decide/BDM files, built-in cases and the store.

A name resolves in this order: an existing path; a case saved in the store (when a store is
given, or the default store exists); a built-in case. The store comes before the built-in
cases because it holds the user's reviewed updates of them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from peacetalks.case.loading import CASE_SUFFIXES, load_case_path
from peacetalks.case.types import Case
from peacetalks.errors import CaseError, CaseNotFoundError, Problem

if TYPE_CHECKING:
    from peacetalks.store import Store

Format = Literal["case", "decide", "bdm"]


@dataclass(frozen=True)
class CaseEntry:
    """One case the catalog knows: where it lives and what it is."""

    id: str
    name: str
    origin: Literal["built-in", "stored"]
    as_of: dt.date
    content_hash: str


def builtin_cases() -> dict[str, Path]:
    """Built-in case names and their folders (or files) inside the installed package."""
    root = Path(str(resources.files("peacetalks") / "data" / "cases"))
    found: dict[str, Path] = {}
    for entry in sorted(root.iterdir()) if root.is_dir() else []:
        if entry.is_dir() and any(entry.glob("*.yaml")):
            found[entry.name] = entry
        elif entry.suffix in CASE_SUFFIXES:
            found[entry.stem] = entry
    return found


def detect_format(path: Path) -> Format:
    """Case file, decide-exchange-model file or BDM actor CSV, from the name and first rows."""
    if path.is_dir() or path.suffix.lower() in CASE_SUFFIXES:
        return "case"
    try:
        head = path.read_bytes()[:4096].decode("utf-8-sig", errors="replace")
    except OSError as exc:
        raise CaseError([Problem(str(path), None, "", f"cannot read file: {exc.strerror}", "")]) from None
    rows = [r.strip().strip("'\"") for r in head.splitlines() if r.strip()]
    if any(r.startswith(("#A", "#P", "#D", "#M", "#/", "#O")) for r in rows):
        return "decide"
    first = rows[0].lower() if rows else ""
    if all(column in first for column in ("actor", "capability", "position", "salience")):
        return "bdm"
    raise CaseError([Problem(str(path), 1, "", "cannot tell the file's format",
                             "use a .yaml/.json case file, a decide file with #A/#P/#D rows, a BDM CSV "
                             "with columns Actor, Capability, Position, Salience, or pass --format")])


def read_case_file(path: str | Path, fmt: Format | None = None, *, as_of: dt.date | None = None) -> Case:
    """Read a case from a file or folder in any supported format.

    ``as_of`` dates the positions of formats that carry no dates (decide, BDM); default today.
    """
    path = Path(path)
    if not path.exists():
        raise CaseError([Problem(str(path), None, "", "no such file or folder", "check the path")])
    fmt = fmt or detect_format(path)
    when = as_of or dt.date.today()
    if fmt == "decide":
        from peacetalks.case.interop.decide import read_decide

        return read_decide(path, as_of=when)
    if fmt == "bdm":
        from peacetalks.case.interop.bdm import read_bdm

        return read_bdm(path, issue_id=path.stem, as_of=when)
    return load_case_path(path)


def existing_store(db: str | None) -> Store | None:
    """The store named, or the default one — if it exists and is initialised; else None."""
    from peacetalks.store import Store, default_url

    url = db or default_url()
    if db is None and url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        return None
    store = Store.open(url)
    if store.is_initialised():
        return store
    store.close()
    return None


def load_case(name_or_path: str | Path, *, db: str | None = None) -> Case:
    """Load a case by path, stored name or built-in name (in that order).

    >>> case = load_case("russia-ukraine")  # doctest: +SKIP
    """
    path = Path(name_or_path)
    if path.exists():
        return read_case_file(path)
    name = str(name_or_path)
    store = existing_store(db)
    if store is not None:
        with store:
            if store.has_case(name):
                return store.load_case(name)
    builtins = builtin_cases()
    if name in builtins:
        return load_case_path(builtins[name])
    known = ", ".join(e.id for e in list_cases(db=db)) or "none"
    raise CaseNotFoundError(
        f"no case file, stored case or built-in case named {name!r}; known cases: {known} "
        "(run `peacetalks cases` to list them, or give a path to a case file)"
    )


def list_cases(*, db: str | None = None) -> list[CaseEntry]:
    """Built-in and stored cases, built-in first."""
    entries = []
    for name, path in builtin_cases().items():
        case = load_case_path(path)
        entries.append(CaseEntry(name, case.name, "built-in", case.as_of, case.content_hash))
    store = existing_store(db)
    if store is not None:
        with store:
            for stored in store.list_cases():
                entries.append(CaseEntry(stored.id, stored.name, "stored", stored.as_of, stored.content_hash))
    return entries
