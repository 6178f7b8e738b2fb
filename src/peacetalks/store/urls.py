"""Where the store lives: the default location and the URLs users may give."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from peacetalks.errors import StoreError

ENV_VAR = "PEACETALKS_DB"


def default_url() -> str:
    """``$PEACETALKS_DB`` if set, else a SQLite file in the user's data folder (created here)."""
    configured = os.environ.get(ENV_VAR)
    if configured:
        return configured
    folder = Path(platformdirs.user_data_dir("peacetalks"))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'peacetalks.db'}"


def parse_url(url: str) -> URL:
    """The SQLAlchemy URL for ``url``. A text without ``://`` is taken as a SQLite file path, and
    plain ``postgresql://`` (or ``postgres://``) selects psycopg 3, the driver we depend on."""
    if "://" not in url:
        return URL.create("sqlite", database=str(Path(url).expanduser()))
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as exc:  # ValueError: a port that is not a number
        raise StoreError(
            f"cannot read the store URL {mask(url)!r}: {exc}; "
            "give sqlite:///path/to/file.db or postgresql://user:password@host/database"
        ) from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def mask(url: str | URL) -> str:
    """``url`` with its password replaced by ``***``, fit for messages and logs."""
    if isinstance(url, URL):
        return url.render_as_string(hide_password=True)
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        # Unparseable: we cannot tell where a password would be, so show only the scheme.
        scheme, sep, _ = url.partition("://")
        return f"{scheme}://…" if sep else url
