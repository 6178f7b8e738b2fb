"""Scenario simulations as background jobs: started from a page or the API, run one at a time
in a worker thread, their progress readable while they run; the finished forecast is recorded
in the store's run registry (kind ``forecast``, as ``peacetalks simulate`` records it), so its
results survive a page reload and a server restart. A job still running when the server stops
is lost; start it again."""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from peacetalks.case.types import Case
from peacetalks.errors import PeacetalksError
from peacetalks.store import Store

#: How many jobs may wait or run at once; more are refused (HTTP 429) rather than queued forever.
MAX_PENDING = 4


class BusyError(PeacetalksError):
    """Too many simulations are already waiting."""


@dataclass(frozen=True)
class Job:
    id: str
    case_id: str
    version: str
    runs: int
    horizon: int
    seed: int
    as_of: str
    overrides: dict[str, float]
    status: Literal["queued", "running", "done", "failed"] = "queued"
    done: int = 0
    run_id: int | None = None
    error: str | None = None
    started: str = field(default_factory=lambda: dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))

    def to_dict(self) -> dict[str, Any]:
        from dataclasses import asdict

        return asdict(self)


class Jobs:
    def __init__(self, store: Store) -> None:
        self._store = store
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._pool: ThreadPoolExecutor | None = None

    def start(self, case: Case, *, runs: int, horizon: int, seed: int, as_of: dt.date,
              overrides: Mapping[str, float]) -> Job:
        from peacetalks.scenarios import parameter_set

        params = parameter_set(case, dict(overrides))  # bad parameter ids fail now, not in the worker
        job = Job(uuid.uuid4().hex[:16], case.id, case.content_hash, runs, horizon, seed, as_of.isoformat(),
                  dict(overrides))
        with self._lock:
            pending = sum(j.status in ("queued", "running") for j in self._jobs.values())
            if pending >= MAX_PENDING:
                raise BusyError(f"{pending} simulations are already waiting or running: try again when one "
                                "has finished")
            self._jobs[job.id] = job
            if self._pool is None:  # made on first use, and again after a shutdown (ASGI lifespans may repeat)
                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="peacetalks-simulate")
            self._pool.submit(self._run, job, case, params)
        return job

    def get(self, job_id: str) -> Job:
        with self._lock:
            if job_id not in self._jobs:
                from peacetalks.errors import CaseNotFoundError

                raise CaseNotFoundError(f"no simulation job {job_id!r} on this server (jobs are kept until the "
                                        "server stops; finished forecasts stay in the store's runs)")
            return self._jobs[job_id]

    def of_case(self, case_id: str) -> list[Job]:
        with self._lock:
            return [j for j in self._jobs.values() if j.case_id == case_id]

    def shutdown(self) -> None:
        """Stop taking work; queued jobs are dropped, a running one finishes in its thread."""
        with self._lock:
            pool, self._pool = self._pool, None
            for job in self._jobs.values():
                if job.status == "queued":
                    self._jobs[job.id] = replace(job, status="failed", error="the server stopped before it ran")
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    def _update(self, job_id: str, **changes: Any) -> None:
        with self._lock:
            self._jobs[job_id] = replace(self._jobs[job_id], **changes)

    def _advance(self, job_id: str, runs: int) -> None:
        with self._lock:
            job = self._jobs[job_id]
            self._jobs[job_id] = replace(job, done=job.done + runs)

    def _run(self, job: Job, case: Case, params: Any) -> None:
        from peacetalks.scenarios import simulate

        self._update(job.id, status="running")
        try:
            forecast = simulate(case, params, job.runs, job.horizon, job.seed, as_of=dt.date.fromisoformat(job.as_of),
                                progress=lambda n: self._advance(job.id, n))
            run_id = self._store.record_run(
                case, kind="forecast", seed=job.seed, result=forecast.to_dict(),
                parameters={"as_of": forecast.as_of, "runs": job.runs, "horizon": job.horizon, "set": job.overrides,
                            "backend": "local"})
        except PeacetalksError as exc:
            self._update(job.id, status="failed", error=str(exc))
            return
        except Exception as exc:  # a bug: keep the server up and say what happened
            self._update(job.id, status="failed", error=f"internal error: {type(exc).__name__}: {exc}")
            return
        self._update(job.id, status="done", done=job.runs, run_id=run_id)
