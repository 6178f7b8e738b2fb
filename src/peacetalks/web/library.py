"""The cases the web app serves: the built-in ones (read-only) and the store's (versioned).

A case's version is its content hash. Writes name the version they started from; a write from
an older version is refused with :class:`~peacetalks.errors.StaleWriteError` (HTTP 409), so two
people editing the same case never silently overwrite each other.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from peacetalks.case.types import Case
from peacetalks.catalog import builtin_cases
from peacetalks.errors import CaseNotFoundError, PeacetalksError
from peacetalks.store import SaveResult, Store
from peacetalks.store.records import StoredUpdate


class ReadOnlyCaseError(PeacetalksError):
    """A write aimed at a built-in case, which lives in the installed package."""


class CaseExistsError(PeacetalksError):
    """A new case was given the id of one that already exists."""


class AlreadyDecidedError(PeacetalksError):
    """A review decision on an update that was already accepted or rejected."""


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    origin: Literal["built-in", "stored"]
    version: str


class Library:
    """Looks cases up by id (a stored case hides a built-in one of the same id, as on the command
    line) and writes them to the store. Built-in cases are parsed once; stored cases are cached
    by version, which one cheap query checks on every read."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._builtin_paths = builtin_cases()
        self._builtin: dict[str, Case] = {}
        self._stored: dict[str, Case] = {}
        # One writer at a time in this process: SQLite would otherwise answer a second
        # concurrent writer with "database is locked" instead of waiting its turn.
        self._write_lock = threading.Lock()
        self._read_lock = threading.Lock()

    def entries(self) -> list[Entry]:
        stored = {c.id: c for c in self.store.list_cases()}
        found = [Entry(s.id, s.name, "stored", s.content_hash) for s in stored.values()]
        for name in self._builtin_paths:
            if name not in stored:
                case = self._builtin_case(name)
                found.append(Entry(name, case.name, "built-in", case.content_hash))
        return sorted(found, key=lambda e: (e.origin != "built-in", e.id))

    def get(self, case_id: str) -> tuple[Case, Literal["built-in", "stored"]]:
        version = self._stored_version(case_id)
        if version is not None:
            cached = self._stored.get(case_id)
            if cached is None or cached.content_hash != version:
                cached = self.store.load_case(case_id)
                self._stored[case_id] = cached
            return cached, "stored"
        if case_id in self._builtin_paths:
            return self._builtin_case(case_id), "built-in"
        known = ", ".join(e.id for e in self.entries()) or "none"
        raise CaseNotFoundError(f"no case {case_id!r}; known cases: {known}")

    def create(self, case: Case) -> SaveResult:
        """Save a new case; its id must be free (neither stored nor built-in)."""
        with self._write_lock:
            if case.id in self._builtin_paths or self._stored_version(case.id) is not None:
                raise CaseExistsError(f"a case with id {case.id!r} already exists: choose another id")
            return self.store.save_case(case)

    def replace(self, case: Case, version: str) -> SaveResult:
        """Save ``case`` over the stored case of the same id if it is still at ``version``."""
        with self._write_lock:
            self._require_stored(case.id)
            return self.store.save_case(case, replace=True, expected_hash=version)

    def delete(self, case_id: str, version: str) -> None:
        from peacetalks.errors import StaleWriteError

        with self._write_lock:
            stored = self._require_stored(case_id)
            if stored != version:
                raise StaleWriteError(case_id, version, stored)
            self.store.delete_case(case_id)
            self._stored.pop(case_id, None)

    def _require_stored(self, case_id: str) -> str:
        version = self._stored_version(case_id)
        if version is None:
            if case_id in self._builtin_paths:
                raise ReadOnlyCaseError(
                    f"{case_id!r} is a built-in case and cannot be changed: save a variant of it "
                    "under a new id (the what-if editor's 'save as new case', or POST /api/cases)")
            raise CaseNotFoundError(f"no stored case {case_id!r}")
        return version

    def _stored_version(self, case_id: str) -> str | None:
        for stored in self.store.list_cases():
            if stored.id == case_id:
                return stored.content_hash
        return None

    def _builtin_case(self, name: str) -> Case:
        from peacetalks.case.loading import load_case_path

        with self._read_lock:
            if name not in self._builtin:
                self._builtin[name] = load_case_path(self._builtin_paths[name])
            return self._builtin[name]

    # Evidence review -------------------------------------------------------------------------

    def evidence(self, case_id: str, status: str | None = "pending") -> list[StoredUpdate]:
        """Updates proposed from ingested articles for a stored case (``status`` None: all)."""
        return self.store.updates(case_id, status=status)

    def review(self, case_id: str, update_id: int, decision: Literal["accept", "reject"], version: str, *,
               values: Mapping[str, float | None] | None = None, note: str | None = None) -> SaveResult | None:
        """Accept (the update becomes part of the case, citing its article) or reject one
        proposed update, if the case is still at ``version``."""
        from peacetalks.errors import StaleWriteError
        from peacetalks.ingest.updates import apply_update, source_for

        with self._write_lock:
            found = self.store.updates(case_id, status=None, ids=[update_id])
            if not found:
                raise CaseNotFoundError(f"no proposed update {update_id} for case {case_id!r}")
            proposed = found[0]
            if proposed.status != "pending":
                raise AlreadyDecidedError(f"update {update_id} is already {proposed.status}")
            stored = self._require_stored(case_id)
            if stored != version:
                raise StaleWriteError(case_id, version, stored)
            if decision == "reject":
                return self.store.decide({update_id: ("rejected", None, note)}, None)
            base = self.store.load_case(case_id)
            source, *also = (source_for(self.store.document(case_id, d)) for d in proposed.cited_documents)
            given = dict(values or {})
            changed = apply_update(base, proposed.kind, proposed.payload, source, position=given.get("position"),
                                   salience=given.get("salience"), capability=given.get("capability"),
                                   also_cites=also)
            return self.store.decide({update_id: ("accepted", changed, note)}, base)
