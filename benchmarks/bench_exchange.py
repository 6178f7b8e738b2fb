"""Benchmark: peacetalks' exchange model against decide-exchange-model, 10 rounds each.

Run with ``python benchmarks/bench_exchange.py``. decide (GPL, test/benchmark-only) is timed
through its Python API in the same process; without it only our times are printed. The two
reference files are read from /work/shared (outside the repo) and skipped when absent.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from timing import best_of

from peacetalks.case.interop.decide import read_decide
from peacetalks.models.exchange import ExchangeParams, exchange_model, snapshot_arrays

ROUNDS = 10
TARGET = 100.0  # required speed-up over decide
DATA = Path(__file__).resolve().parents[2] / "shared" / "reference" / "data"

Arrays = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def read_decide_file(path: Path) -> Arrays:
    """position, salience, capability, mask, bounds, through the project's own decide reader."""
    return snapshot_arrays(read_decide(path, as_of=dt.date(2000, 1, 1)).snapshot())


def write_synthetic(path: Path, n_actors: int = 15, n_issues: int = 13, seed: int = 7) -> None:
    """A random case in decide's format (fixed seed, so every run times the same case)."""
    rng = np.random.default_rng(seed)
    lines = [f"#A;a{k};a{k};" for k in range(n_actors)]
    for d in range(n_issues):
        lines += [f"#P;i{d};i{d};", f"#M;i{d};0;", f"#M;i{d};100;"]
    power = rng.uniform(0.05, 1.0, n_actors)
    for k in range(n_actors):
        for d in range(n_issues):
            x, s = rng.integers(0, 101), rng.uniform(0.1, 1.0)
            lines.append(f"#D;a{k};i{d};{x};{s:.3f};{power[k]:.3f}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def ours(path: Path) -> Callable[[], object]:
    position, salience, capability, mask, bounds = read_decide_file(path)
    params = ExchangeParams(rounds=ROUNDS)
    return lambda: exchange_model(position, salience, capability, mask, params=params, bounds=bounds)


def decide_runner(path: Path) -> Callable[[], object] | None:
    try:
        from decide.data.modelfactory import ModelFactory
        from decide.data.reader import InputDataFile
        from decide.model.equalgain import EqualGainModel
        from decide.model.observers.observer import Observable
        from decide.model.utils import ModelLoop
    except ImportError:
        return None

    def run() -> Any:
        # decide's time includes reading the file (its model is built from it); that is
        # milliseconds of its seconds, so the ratio barely moves.
        model = ModelFactory(InputDataFile.open(str(path))).create(model_klass=EqualGainModel, randomized_value=None)
        loop = ModelLoop(model, Observable(model, output_directory=""), 0)
        for _ in range(ROUNDS):
            loop.loop()
        return model

    return run


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        synthetic = Path(tmp) / "synthetic_15x13.csv"
        write_synthetic(synthetic)
        cases = [(name, DATA / name) for name in ("decide_copenhagen.csv", "decide_sample_data.txt")]
        cases.append(("synthetic 15x13", synthetic))
        rows = []
        for name, path in cases:
            if not path.exists():
                print(f"skipped {name}: {path} not found")
                continue
            run_ours = ours(path)
            start = time.perf_counter()
            run_ours()  # warm-up: imports, loading the compiled round loop, first-call allocations
            warm_up = time.perf_counter() - start
            t_ours = best_of(run_ours, repeat=20)
            run_decide = decide_runner(path)
            t_decide = best_of(run_decide, repeat=1 if "synthetic" in name else 3) if run_decide else None
            rows.append((name, t_ours, t_decide))
            print(f"{name}: first call {warm_up * 1e3:.0f} ms (includes loading or compiling the kernel)")
    if rows and rows[0][2] is None:
        print("decide-exchange-model is not installed: printing only peacetalks' times")
    print(f"{'case':26} {'peacetalks':>11} {'decide':>9} {'ratio':>8} {'target':>7}  result")
    for name, t_ours, t_decide in rows:
        if t_decide is None:
            print(f"{name:26} {t_ours * 1e3:9.1f}ms {'-':>9} {'-':>8} {TARGET:6.0f}x  -")
            continue
        ratio = t_decide / t_ours
        verdict = "pass" if ratio >= TARGET else "FAIL"
        print(f"{name:26} {t_ours * 1e3:9.1f}ms {t_decide:8.2f}s {ratio:7.0f}x {TARGET:6.0f}x  {verdict}")
    ratios = [d / o for _, o, d in rows if d is not None]
    if ratios:
        print(f"median ratio {statistics.median(ratios):.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
