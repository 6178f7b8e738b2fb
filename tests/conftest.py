"""Shared fixtures."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner, Result

import builtincase
from peacetalks.cli import app
from peacetalks.ingest.lexicon import Lexicon
from pg import PostgresServer, PostgresUnavailable, running_server

# The same examples on every run, so CI passes or fails on the code alone; explore new examples
# locally with `HYPOTHESIS_PROFILE=default pytest`.
settings.register_profile("peacetalks", derandomize=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "peacetalks"))


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    """The built-in Russia–Ukraine case's lexicon, for the ingest tests (built once: nothing changes it)."""
    return builtincase.lexicon()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A PostgreSQL server for the session (see tests/pg.py); skips, saying why, without one."""
    try:
        with running_server() as server:
            yield server
    except PostgresUnavailable as exc:
        pytest.skip(f"PostgreSQL tests skipped: {exc}")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a fresh, empty store: a SQLite file, then a database on PostgreSQL (skipped,
    saying why, where no server can be started)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    # Looked up here, not declared, so SQLite-only runs never start PostgreSQL.
    server: PostgresServer = request.getfixturevalue("postgres")
    with server.database() as url:
        yield url


@pytest.fixture(autouse=True)
def _private_default_store(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the default store at a fresh file, so no test reads or writes the user's own store."""
    folder = tmp_path_factory.mktemp("default-store")
    monkeypatch.setenv("PEACETALKS_DB", f"sqlite:///{folder / 'peacetalks.db'}")


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Invoke the ``peacetalks`` command in-process, on a terminal wide enough that tables never
    fold: ``run("show", "russia-ukraine")``."""
    monkeypatch.setenv("COLUMNS", "250")
    runner = CliRunner()
    return lambda *args: runner.invoke(app, list(args))
