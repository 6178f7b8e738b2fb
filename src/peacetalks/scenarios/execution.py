"""Running blocks of runs: in this process, on local processes, or on a Dask cluster.

Runs are grouped in blocks of :data:`BLOCK` runs; block ``b`` draws all its random numbers from
``SeedSequence(seed, spawn_key=(b,))``. A chunk of work is a list of whole blocks, so the
results are the same whatever the chunking, the number of workers or the backend.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields

import numpy as np

from peacetalks.scenarios.dynamics import Block, Start, run_block
from peacetalks.scenarios.packages import Packages
from peacetalks.scenarios.parameters import FloatArray, ParameterSet, ScenarioError

BLOCK = 1024
Progress = Callable[[int], None]


@dataclass(frozen=True, eq=False)
class Job:
    """Everything a worker needs; small enough to send to each worker once per chunk."""

    packages: Packages
    params: ParameterSet
    start: Start
    horizon: int
    seed: int
    runs: int
    draws: FloatArray | None = None

    def blocks(self) -> list[int]:
        return list(range((self.runs + BLOCK - 1) // BLOCK))

    def size(self, block: int) -> int:
        return min(BLOCK, self.runs - block * BLOCK)


def run_blocks(job: Job, blocks: Sequence[int]) -> Block:
    """Simulate the given blocks in order and join them."""
    parts = []
    for b in blocks:
        rng = np.random.Generator(np.random.PCG64(np.random.SeedSequence(job.seed, spawn_key=(b,))))
        n = job.size(b)
        draws = job.params.draw(n, rng)
        if job.draws is not None:
            draws = job.draws[b * BLOCK:b * BLOCK + n]
        parts.append(run_block(job.packages, draws, job.start, job.horizon, rng))
    return join(parts)


def join(parts: Sequence[Block]) -> Block:
    return Block(**{f.name: np.concatenate([getattr(p, f.name) for p in parts]) for f in fields(Block)})


def chunks(blocks: list[int], count: int) -> list[list[int]]:
    """Split block indices into ``count`` contiguous, nearly equal chunks (empty ones dropped)."""
    size = max(1, -(-len(blocks) // max(count, 1)))
    return [blocks[k:k + size] for k in range(0, len(blocks), size)]


def execute(job: Job, *, backend: str = "local", workers: int = 1, chunk_blocks: int = 8,
            scheduler: str | None = None, progress: Progress | None = None) -> Block:
    """Run a job. ``local`` with ``workers`` > 1 uses that many processes; ``dask`` sends chunks
    to the scheduler at ``scheduler`` or, without one, to a new LocalCluster."""
    parts = [c for c in chunks(job.blocks(), max(1, len(job.blocks()) // max(chunk_blocks, 1)))]
    done: dict[int, Block] = {}

    def finished(k: int, block: Block) -> None:
        done[k] = block
        if progress is not None:
            progress(len(block.outcome))

    if backend == "local" and workers <= 1:
        for k, part in enumerate(parts):
            finished(k, run_blocks(job, part))
    elif backend == "local":
        from concurrent.futures import ProcessPoolExecutor, as_completed

        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = {pool.submit(run_blocks, job, part): k for k, part in enumerate(parts)}
            for future in as_completed(futures):
                finished(futures[future], future.result())
    elif backend == "dask":
        _dask(job, parts, scheduler, workers, finished)
    else:
        raise ScenarioError(f"unknown backend {backend!r}: use 'local' or 'dask'")
    return join([done[k] for k in range(len(parts))])


def _dask(job: Job, parts: list[list[int]], scheduler: str | None, workers: int,
          finished: Callable[[int, Block], None]) -> None:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise ScenarioError("the dask backend needs the 'dask' extra: pip install 'peacetalks[dask]'") from None
    cluster = None if scheduler else LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=max(workers, 1), threads_per_worker=1, processes=True, dashboard_address=":0")
    try:
        with Client(scheduler or cluster) as client:  # type: ignore[no-untyped-call]
            shared = client.scatter(job, broadcast=True)
            futures = [client.submit(run_blocks, shared, part, pure=False) for part in parts]
            index = {f.key: k for k, f in enumerate(futures)}
            for future in as_completed(futures):  # type: ignore[no-untyped-call]
                finished(index[future.key], future.result())
    except OSError as exc:
        raise ScenarioError(f"cannot reach the Dask scheduler {scheduler!r}: {exc}") from None
    finally:
        if cluster is not None:
            cluster.close()
