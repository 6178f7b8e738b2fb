"""A PostgreSQL server for tests: the one at ``$PEACETALKS_TEST_PG_URL``, or a throwaway cluster
started from Debian's ``postgresql`` package (``.ci/postgres.sh`` installs it).

:func:`running_server` raises :class:`PostgresUnavailable` with the reason when neither works;
the fixture in ``conftest.py`` turns that into a visible skip.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

ENV_VAR = "PEACETALKS_TEST_PG_URL"
_INITDB_GLOB = "/usr/lib/postgresql/*/bin/initdb"


class PostgresUnavailable(Exception):
    """No PostgreSQL server could be reached or started; the message says why."""


class PostgresServer:
    """A server on which tests may create and drop databases."""

    def __init__(self, url: str) -> None:
        self._url = make_url(url).set(drivername="postgresql")

    @contextmanager
    def database(self) -> Iterator[str]:
        """A fresh, empty database for one test; yields its URL and drops it afterwards."""
        name = f"peacetalks_test_{uuid.uuid4().hex[:12]}"
        with self._admin() as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield self._url.set(database=name).render_as_string(hide_password=False)
        finally:
            with self._admin() as admin:
                # FORCE: a test that failed may have left a connection open.
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _admin(self) -> psycopg.Connection[tuple[object, ...]]:
        conninfo = self._url.set(database=self._url.database or "postgres")
        return psycopg.connect(conninfo.render_as_string(hide_password=False), autocommit=True)


@contextmanager
def running_server() -> Iterator[PostgresServer]:
    """The server for this test session, stopped at the end if we started it."""
    configured = os.environ.get(ENV_VAR)
    if configured:
        server = PostgresServer(configured)
        try:
            server._admin().close()
        except psycopg.Error as exc:
            raise PostgresUnavailable(f"cannot connect to ${ENV_VAR}: {exc}") from None
        yield server
        return
    with _throwaway_cluster() as url:
        yield PostgresServer(url)


@contextmanager
def _throwaway_cluster() -> Iterator[str]:
    initdb = _find_initdb()
    pg_ctl = initdb.with_name("pg_ctl")
    as_user = _run_as_postgres_prefix()
    base = Path(tempfile.mkdtemp(prefix="peacetalks-pg-"))
    try:
        if as_user:
            user = pwd.getpwnam("postgres")
            os.chown(base, user.pw_uid, user.pw_gid)
        data, log = base / "data", base / "server.log"
        _run([*as_user, str(initdb), "-D", str(data), "-U", "postgres", "--auth=trust",
              "-E", "UTF8", "--no-sync"], "initdb")
        port = _free_port()
        # Our own socket folder and loopback only: no clash with a system cluster, no exposure.
        options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off"
        _run([*as_user, str(pg_ctl), "-D", str(data), "-l", str(log), "-o", options, "-w",
              "-t", "60", "start"], "pg_ctl start", log)
        try:
            yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
        finally:
            subprocess.run([*as_user, str(pg_ctl), "-D", str(data), "-m", "immediate", "stop"],
                           capture_output=True, check=False)
    finally:
        shutil.rmtree(base, ignore_errors=True)


def _find_initdb() -> Path:
    found = sorted(glob.glob(_INITDB_GLOB), key=lambda p: _major(Path(p)))
    if not found:
        raise PostgresUnavailable(
            f"no initdb found under {_INITDB_GLOB.removesuffix('/initdb')} and ${ENV_VAR} is not set: "
            "install Debian's postgresql package (.ci/postgres.sh does) or point "
            f"${ENV_VAR} at a server"
        )
    return Path(found[-1])


def _major(initdb: Path) -> int:
    version = initdb.parent.parent.name
    return int(version) if version.isdigit() else 0


def _run_as_postgres_prefix() -> list[str]:
    """How to run the server's commands: PostgreSQL refuses to run as root."""
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        raise PostgresUnavailable(
            "running as root and there is no 'postgres' user to run the server as"
        ) from None
    runuser = shutil.which("runuser")
    if runuser is None:
        raise PostgresUnavailable("running as root and no runuser command to switch to 'postgres'")
    return [runuser, "-u", "postgres", "--"]


def _run(command: list[str], what: str, log: Path | None = None) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip()
        if log is not None and log.exists():
            detail += "\n" + log.read_text(errors="replace")[-2000:]
        raise PostgresUnavailable(f"{what} failed (exit {done.returncode}): {detail}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port
