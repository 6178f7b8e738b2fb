"""The FastAPI application: :func:`create_app` wires the store, the guards, the API and the pages."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from peacetalks.deals import DealError
from peacetalks.errors import CaseError, CaseNotFoundError, PeacetalksError, StaleWriteError, StoreError
from peacetalks.store import Store
from peacetalks.web.edits import EditError
from peacetalks.web.jobs import BusyError, Jobs
from peacetalks.web.library import AlreadyDecidedError, CaseExistsError, Library, ReadOnlyCaseError
from peacetalks.web.security import BodyLimit, SecurityHeaders

#: Default largest request body: the built-in case as JSON is about 0.4 MB.
MAX_BODY = 2_000_000


@dataclass(frozen=True)
class Settings:
    """``db``: store URL (default: $PEACETALKS_DB or the user's SQLite file); ``token``: the
    write token (None: writes refused); ``allowed_hosts``: Host headers to answer (None: any),
    which guards a loopback server against DNS rebinding; ``warm_up``: compile the models'
    kernels in the background at start, so the first what-if answers quickly; ``max_runs``: the
    most runs one simulation may ask for."""

    db: str | None = None
    token: str | None = None
    max_body: int = MAX_BODY
    allowed_hosts: Sequence[str] | None = None
    warm_up: bool = True
    max_runs: int = 100_000


_STATUS: list[tuple[type[Exception], int]] = [
    (CaseNotFoundError, 404), (StaleWriteError, 409), (CaseExistsError, 409), (AlreadyDecidedError, 409),
    (ReadOnlyCaseError, 403), (BusyError, 429),
    (EditError, 422), (DealError, 422), (CaseError, 422), (StoreError, 503), (PeacetalksError, 422),
]


def status_of(exc: Exception) -> int:
    return next(code for kind, code in _STATUS if isinstance(exc, kind))


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    store = Store.open(settings.db)
    store.init()
    library = Library(store)
    jobs = Jobs(store)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.warm_up:
            threading.Thread(target=_warm_up, args=(library,), daemon=True).start()
        yield
        jobs.shutdown()
        store.close()

    # No /docs or /redoc: FastAPI's pages load their scripts from a CDN. The description is at
    # /openapi.json and listed at /api-docs, served from here.
    app = FastAPI(title="peacetalks", version=_version(), lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Cases, positions, proposals, predictions and assessments of peace negotiations. "
                  "Every write needs the server's token (`Authorization: Bearer TOKEN`) and the version "
                  "(content hash) of the case it starts from; a stale version is refused with 409.")
    app.state.settings = settings
    app.state.library = library
    app.state.jobs = jobs

    from peacetalks.web import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    static = resources.files("peacetalks.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.exception_handler(PeacetalksError)
    async def _ours(request: Request, exc: PeacetalksError) -> Response:
        return _error(request, status_of(exc), str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail), dict(exc.headers or {}))

    app.add_middleware(BodyLimit, limit=settings.max_body)
    app.add_middleware(SecurityHeaders)
    if settings.allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts))
    return app


def _error(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    from peacetalks.web.pages import render_error

    page: HTMLResponse = render_error(request, status, message)
    if headers:
        page.headers.update(headers)
    return page


def _warm_up(library: Library) -> None:
    """Run every model once on the first case: Numba loads (or compiles) its kernels now rather
    than during the first what-if request."""
    from peacetalks.models.base import available_models, get_model

    try:
        entries = library.entries()
        if entries:
            snapshot = library.get(entries[0].id)[0].snapshot()
            for name in available_models():
                get_model(name).predict(snapshot)
    except PeacetalksError:
        pass  # a broken case shows its error on its own page; warming up is only an optimisation


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("peacetalks")
    except PackageNotFoundError:
        return "unknown"
