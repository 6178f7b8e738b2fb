"""Compromise and weighted median over Monte Carlo draws, vectorised vs a pure-Python reference.

Target (issue 3): 10⁶ draws × 20 actors × 10 issues in ≤ 2 s. The model time (outcomes from drawn
inputs) and the drawing time are reported separately (best of 5 on one chunk, scaled), then the
whole ``predict_draws`` call. The
pure-Python reference computes the same outcomes with plain loops on a 20,000-draw slice; its
per-draw cost gives the ratio. Run: ``.venv/bin/python benchmarks/bench_central.py``.
"""

from __future__ import annotations

import datetime as dt
import time

import numpy as np
from timing import best_of

from peacetalks.case import Actor, Anchor, Case, Issue, Position, Scale
from peacetalks.models.base import get_model
from peacetalks.models.draws import CHUNK, draw_chunks

ACTORS, ISSUES, DRAWS = 20, 10, 1_000_000


def synthetic_case() -> Case:
    rng = np.random.default_rng(0)
    scale = Scale(anchors=(Anchor(value=0, label="low"), Anchor(value=100, label="high")))
    return Case(
        id="bench", name="Benchmark", as_of=dt.date(2025, 1, 1),
        actors=tuple(Actor(id=f"a{a}", name=f"A{a}", kind="state", role="party") for a in range(ACTORS)),
        issues=tuple(Issue(id=f"i{i}", name=f"I{i}", category="x", description="x", scale=scale)
                     for i in range(ISSUES)),
        positions=tuple(
            Position(actor=f"a{a}", issue=f"i{i}", as_of=dt.date(2025, 1, 1), position=float(rng.uniform(0, 100)),
                     salience=float(rng.uniform(10, 100)), capability=float(rng.uniform(1, 100)),
                     coded_by="analyst", rationale="synthetic")
            for a in range(ACTORS) for i in range(ISSUES)),
    )


def reference(position: np.ndarray, salience: np.ndarray, capability: np.ndarray) -> tuple[list, list]:
    means, medians = [], []
    for d in range(position.shape[0]):
        for i in range(position.shape[2]):
            xs = position[d, :, i].tolist()
            ws = (capability[d, :, i] * salience[d, :, i] / 100).tolist()
            total = sum(ws)
            means.append(sum(w * x for w, x in zip(ws, xs, strict=True)) / total)
            pairs, running = sorted(zip(xs, ws, strict=True)), 0.0
            for x, w in pairs:
                running += w
                if running >= total / 2:
                    medians.append(x)
                    break
    return means, medians


def main() -> None:
    snapshot = synthetic_case().snapshot()
    chunks = DRAWS // CHUNK
    first = next(draw_chunks(snapshot, CHUNK, seed=1))
    draw_time = best_of(lambda: next(draw_chunks(snapshot, CHUNK, seed=1))) * chunks
    rows = []
    for name in ("compromise", "median"):
        model = get_model(name)
        model.outcomes(first)  # warm-up: loads (or compiles) the median's kernel
        rows.append((name, best_of(lambda model=model: model.outcomes(first)) * chunks))
    start = time.perf_counter()
    get_model("compromise").predict_draws(snapshot, DRAWS, seed=1)
    whole = time.perf_counter() - start

    start = time.perf_counter()
    means, medians = reference(first.position, first.salience, first.capability)
    ref_time = (time.perf_counter() - start) / CHUNK * DRAWS / 2  # per model, scaled to 10⁶
    ours = np.concatenate([get_model(n).outcomes(first).ravel() for n in ("compromise", "median")])
    assert np.allclose(ours, np.array(means + medians)), "reference and vectorised outcomes differ"

    print(f"{DRAWS:,} draws × {ACTORS} actors × {ISSUES} issues (target ≤ 2 s per model)")
    print(f"{'model':<12}{'peacetalks s':>14}{'pure Python s (scaled)':>24}{'ratio':>8}  target")
    for name, seconds in rows:
        print(f"{name:<12}{seconds:>14.2f}{ref_time:>24.1f}{ref_time / seconds:>7.0f}×  "
              f"{'pass' if seconds <= 2 else 'FAIL'}")
    print(f"drawing the inputs: {draw_time:.2f} s; one whole predict_draws(compromise) call: {whole:.2f} s")
    print(f"model and drawing times: best of 5 on one {CHUNK:,}-draw chunk, × {chunks}; the pure-Python "
          "reference (our own plain loops) ran once on that chunk, scaled; outcomes checked equal")


if __name__ == "__main__":
    main()
