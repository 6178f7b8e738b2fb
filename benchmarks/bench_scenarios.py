"""Benchmark of the scenario Monte Carlo on the built-in Russia–Ukraine case, in one run.

    .venv/bin/python benchmarks/bench_scenarios.py [RUNS]        (from the repository root)

Target (2-core machine): 100,000 runs × 24 months in ≤ 10 s, memory ≤ 4 GB. Reports runs per
second on one process, on two processes and on a Dask LocalCluster of two workers, each the best
of three (the machine is shared: ratios measured in the same run mean more than the times), and
the peak resident memory of a child process that does one 100,000-run forecast.

Peer, measured in the same run: a Monte Carlo of the expected-utility challenge model
(``peacetalks.models``, 10 rounds, on the same case's snapshot), the work an open implementation
reports at about 10,000 draws in 4 s. The two do different work — a scenario run is 24 months
of dynamics with a package search in every month a signing is attempted; a challenge draw is one
10-round bargaining prediction — so the ratio says how the costs compare, not which is better.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time

from timing import best_of

from peacetalks import load_case
from peacetalks.models.base import get_model
from peacetalks.scenarios import simulate
from peacetalks.scenarios.simulate import prepare

HORIZON = 24


def child_memory(runs: int) -> float:
    """Peak resident memory (GB) of a fresh process that runs one forecast of ``runs`` runs."""
    code = ("import resource; from peacetalks import load_case; from peacetalks.scenarios import simulate; "
            f"simulate(load_case('russia-ukraine'), None, {runs}, {HORIZON}, 1); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return int(out.split()[-1]) / 1024**2


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    case = load_case("russia-ukraine")
    start = time.perf_counter()
    packages, _, _ = prepare(case)
    print(f"setup (candidate packages from deals, sequencing): {time.perf_counter() - start:.2f} s, "
          f"{len(packages)} candidates")
    simulate(case, None, 2048, HORIZON, 1)  # compile and warm up

    cluster = None
    try:
        from distributed import LocalCluster

        cluster = LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0")
    except ImportError:
        print("dask: not installed (pip install 'peacetalks[dask]')")
    runs_with: list[tuple[str, dict[str, object]]] = [("local, 1 process", {"workers": 1}),
                                                      ("local, 2 processes", {"workers": 2})]
    if cluster is not None:
        runs_with += [("dask, running LocalCluster (2)", {"backend": "dask", "scheduler": cluster.scheduler_address}),
                      ("dask, new LocalCluster (2) per call", {"backend": "dask", "workers": 2})]
    results: dict[str, float] = {}
    for label, kwargs in runs_with:
        try:
            seconds = best_of(lambda kw=kwargs: simulate(case, None, runs, HORIZON, 1, **kw), repeat=3)  # type: ignore[arg-type]
        except Exception as exc:  # the dask extra may be missing
            print(f"{label}: not run ({exc})")
            continue
        results[label] = runs / seconds
        print(f"{label:36s} {runs:,} runs × {HORIZON} months: {seconds:6.2f} s  {runs / seconds:10,.0f} runs/s  "
              f"target ≤ 10 s: {'met' if seconds <= 10 else 'MISSED'}")

    if cluster is not None:
        cluster.close()
    snapshot = case.snapshot()
    model = get_model("challenge")
    draws = 2000
    model.predict_draws(snapshot, 50, 1)
    seconds = best_of(lambda: model.predict_draws(snapshot, draws, 1), repeat=3)
    peer = draws / seconds
    print(f"{'peer: challenge-model MC':36s} {draws:,} draws: {seconds:6.2f} s  {peer:10,.0f} draws/s "
          f"(an open implementation reports ~2,500 draws/s: 10,000 in about 4 s)")
    for label, rate in results.items():
        print(f"ratio {label} runs/s to challenge draws/s: {rate / peer:8.1f}×")

    memory = child_memory(runs)
    print(f"peak resident memory of one {runs:,}-run forecast: {memory:.2f} GB "
          f"(target ≤ 4 GB: {'met' if memory <= 4 else 'MISSED'})")
    print(f"this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2:.2f} GB peak")


if __name__ == "__main__":
    main()
