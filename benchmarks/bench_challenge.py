"""Benchmark of the challenge-model kernel against a pure-Python loop reference, in one run.

    /tmp/venv/bin/python benchmarks/bench_challenge.py            (from the repository root)

The "pure-Python reference" below is our own deliberately plain implementation of the same model
(``scholz-code`` variant, Q = 1, one risk pass, EU-weighted-midpoint acceptance): per-pair and
per-triple loops over Python floats, written straight from docs/models.md. It is not a
third-party program. The script first checks that it gives the kernel's numbers on the EC case.

Cases and targets (2-core machine): EC case, 10 rounds ≤ 10 ms; 10,000 Monte Carlo draws of the EC
case with noise ≤ 2 s; 500 actors × 10 rounds ≤ 5 s; peak memory for 1,000 actors × 10 rounds under
2 GB (measured in a child process: tracemalloc peak and the child's maximum resident set). Where the
loop reference would take minutes, it runs on a subset and its time is scaled up (marked "extrap.").

Optional peer, not run here: jmckib/bdm-scholz-expected-utility-model (Python 2, no licence file).
Clone it outside this repository, convert it with ``2to3 -w bdm_scholz_model.py`` and time
``python bdm_scholz_model.py ExampleActors.csv 10`` (its CSV holds the EC case); its author reports
14 s for this 10-actor case. Never copy its code into this project.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
import tracemalloc

import numpy as np
from timing import best_of

from peacetalks.models.challenge import ChallengeParams, challenge_model, challenge_model_draws

EC_CAPABILITY = np.array([0.08, 0.08, 0.03, 0.16, 0.16, 0.16, 0.16, 0.05, 0.05, 0.08])
EC_POSITION = np.array([4.0, 7.0, 4.0, 4.0, 10.0, 10.0, 10.0, 7.0, 4.0, 7.0])
EC_SALIENCE = np.array([80, 40, 20, 80, 60, 60, 90, 10, 100, 70]) / 100.0
ROUNDS = 10

# --- the pure-Python loop reference -------------------------------------------------------------


def reference_run(position: list[float], salience: list[float], capability: list[float],
                  rounds: int = ROUNDS) -> list[list[float]]:
    """Positions after each round (row 0: the inputs), scholz-code variant with Q = 1."""
    x = list(position)
    weight = [c * s for c, s in zip(capability, salience, strict=True)]
    span = max(x) - min(x)
    history = [x]
    for _ in range(rounds):
        risk = risk_exponents(x, salience, weight, span)
        chance = probabilities(x, weight, risk, span)
        x = [accepted_position(a, x, salience, chance, risk[a], span) for a in range(len(x))]
        history.append(x)
    return history


def vote(x: list[float], weight: list[float], risk: list[float], span: float, k: int, a: float, b: float) -> float:
    """Voter k's vote for position a over position b."""
    return weight[k] * (float((abs(x[k] - b) / span) ** risk[k]) - float((abs(x[k] - a) / span) ** risk[k]))


def probabilities(x: list[float], weight: list[float], risk: list[float], span: float) -> list[list[float]]:
    n = len(x)
    mass = sum(abs(vote(x, weight, risk, span, k, x[a], x[b])) for k in range(n) for a in range(n) for b in range(n))
    return [[0.0 if x[i] == x[j] or mass == 0 else
             sum(max(0.0, vote(x, weight, risk, span, k, x[i], x[j])) for k in range(n)) / mass
             for j in range(n)] for i in range(n)]


def expected_utility(distance: float, s_target: float, chance: float, risk: float) -> float:
    success = 2 - 4 * float((0.5 - 0.5 * distance) ** risk)
    failure = 2 - 4 * float((0.5 + 0.5 * distance) ** risk)
    status_quo = 2 - 4 * float(0.5**risk)
    return s_target * (chance * success + (1 - chance) * failure) + (1 - s_target) * success - status_quo


def risk_exponents(x: list[float], salience: list[float], weight: list[float], span: float) -> list[float]:
    n = len(x)
    ones = [1.0] * n
    chance = probabilities(x, weight, ones, span)
    danger = [sum(expected_utility(abs(x[o] - x[a]) / span, salience[a], chance[o][a], 1.0)
                  for o in range(n) if o != a) for a in range(n)]
    top, bottom = max(danger), min(danger)
    if top - bottom <= 1e-12 * max(abs(top), abs(bottom)):
        return ones
    relative = [(2 * d - top - bottom) / (top - bottom) for d in danger]
    return [(1 - q / 3) / (1 + q / 3) for q in relative]


def accepted_position(a: int, x: list[float], salience: list[float], chance: list[list[float]], risk: float,
                      span: float) -> float:
    """Nearest confrontation, else the compromise with the smallest EU-weighted midpoint, else the
    nearest capitulation; ties to the lowest sender index."""
    best: dict[str, tuple[float, float]] = {}
    for o in range(len(x)):
        if x[o] == x[a]:
            continue
        distance = abs(x[o] - x[a]) / span
        mine = expected_utility(distance, salience[o], chance[a][o], risk)
        theirs = expected_utility(distance, salience[a], chance[o][a], risk)
        if theirs > mine > 0:
            kind, target, key = "confrontation", x[o], abs(x[o] - x[a])
        elif theirs > 0 > mine and theirs > -mine:
            kind, target = "compromise", x[a] + (x[o] - x[a]) * (-mine / theirs)
            key = (-mine * x[a] + theirs * x[o]) / (-mine + theirs)
        elif theirs > 0 > mine and theirs < -mine:
            kind, target, key = "capitulation", x[o], abs(x[o] - x[a])
        else:
            continue
        if kind not in best or key < best[kind][0]:
            best[kind] = (key, target)
    for kind in ("confrontation", "compromise", "capitulation"):
        if kind in best:
            return best[kind][1]
    return x[a]


def reference_summary(x: list[float], weight: list[float]) -> tuple[float, float]:
    """(median, mean): the median walks the distinct positions in order of first appearance."""
    distinct = list(dict.fromkeys(x))
    median = distinct[0]
    for candidate in distinct[1:]:
        if sum(w * (abs(p - median) - abs(p - candidate)) for p, w in zip(x, weight, strict=True)) > 0:
            median = candidate
    return median, sum(w * p for p, w in zip(x, weight, strict=True)) / sum(weight)


# --- inputs ------------------------------------------------------------------------------------


def noisy_ec(draws: int, seed: int = 2011) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """EC case with noise: positions ± N(0, 0.5) years, salience ± N(0, 0.05), capability × (1 ± N(0, 0.1)),
    clipped to their ranges."""
    rng = np.random.default_rng(seed)
    position = np.clip(EC_POSITION + rng.normal(0, 0.5, (draws, 10)), 4, 10)
    salience = np.clip(EC_SALIENCE + rng.normal(0, 0.05, (draws, 10)), 0, 1)
    capability = np.clip(EC_CAPABILITY * (1 + rng.normal(0, 0.1, (draws, 10))), 0, None)
    return position, salience, capability


def random_issue(n: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.uniform(0, 100, n), rng.uniform(0, 1, n), rng.uniform(0, 1, n)


# --- cases --------------------------------------------------------------------------------------


def check_reference() -> str:
    history = reference_run(EC_POSITION.tolist(), EC_SALIENCE.tolist(), EC_CAPABILITY.tolist())
    kernel = challenge_model(EC_POSITION, EC_SALIENCE, EC_CAPABILITY, lo=4, hi=10)
    gap = float(np.abs(np.array(history) - kernel.positions).max())
    summaries = [reference_summary(x, (EC_CAPABILITY * EC_SALIENCE).tolist()) for x in history]
    gap_summary = max(abs(m - km) + abs(a - ka) for (m, a), km, ka in zip(summaries, kernel.median, kernel.mean,
                                                                          strict=True))
    status = "same numbers" if gap < 1e-9 and gap_summary < 1e-9 else "DIFFERENT NUMBERS"
    medians = " ".join(f"{m:.2f}" for m, _ in summaries[1:9])
    return (f"EC case, loop reference vs kernel: {status} (max position gap {gap:.1e}, median/mean gap "
            f"{gap_summary:.1e}); reference medians rounds 1-8: {medians}")


def check_draws_agreement(draws: int = 200) -> str:
    """On noisy inputs the two implementations round differently; count the draws where it shows."""
    position, salience, capability = noisy_ec(draws, seed=5)
    _, _, final = challenge_model_draws(position, salience, capability, lo=4, hi=10)
    differ = 0
    for d in range(draws):
        ref = reference_run(position[d].tolist(), salience[d].tolist(), capability[d].tolist())[-1]
        differ += bool(np.abs(np.array(ref) - final[d]).max() > 1e-6)
    return (f"noisy EC draws where loop reference and kernel end > 1e-6 apart: {differ} of {draws} "
            "(different rounding order; the model's discontinuous choices can amplify last-bit differences)")


Row = tuple[str, float, float, str, float, str]


def case_ec() -> Row:
    kernel = best_of(lambda: challenge_model(EC_POSITION, EC_SALIENCE, EC_CAPABILITY, lo=4, hi=10), repeat=20)
    ref = best_of(lambda: reference_run(EC_POSITION.tolist(), EC_SALIENCE.tolist(), EC_CAPABILITY.tolist()), repeat=3)
    return ("EC case, 10 rounds (with offers)", kernel, ref, "", 0.010, "10 ms")


def case_draws(draws: int = 10_000, subset: int = 50) -> Row:
    position, salience, capability = noisy_ec(draws)
    kernel = best_of(lambda: challenge_model_draws(position, salience, capability, lo=4, hi=10), repeat=3)
    start = time.perf_counter()
    for d in range(subset):
        reference_run(position[d].tolist(), salience[d].tolist(), capability[d].tolist())
    ref = (time.perf_counter() - start) * draws / subset
    return (f"{draws:,} MC draws of EC, 10 rounds", kernel, ref, f"extrap. from {subset}", 2.0, "2 s")


def case_large(n: int = 500, ref_n: int = 60) -> Row:
    position, salience, capability = random_issue(n)
    kernel = best_of(lambda: challenge_model(position, salience, capability, lo=0, hi=100), repeat=2)
    small_position, small_salience, small_capability = random_issue(ref_n)
    start = time.perf_counter()
    reference_run(small_position.tolist(), small_salience.tolist(), small_capability.tolist(), rounds=1)
    # The reference is O(n³) per pass (the vote normaliser), so scale by (n / ref_n)³ and 10 rounds.
    ref = (time.perf_counter() - start) * ROUNDS * (n / ref_n) ** 3
    return (f"{n} actors x 10 rounds (with offers)", kernel, ref, f"extrap. {ref_n} actors x 1 round", 5.0, "5 s")


def memory_child(n: int) -> None:
    """Run in a child process: print tracemalloc's peak (bytes) for n actors × 10 rounds."""
    position, salience, capability = random_issue(n)
    tracemalloc.start()
    challenge_model(position, salience, capability, lo=0, hi=100, params=ChallengeParams(rounds=ROUNDS))
    print(tracemalloc.get_traced_memory()[1])


def case_memory(n: int = 1000) -> tuple[str, float, float, float]:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, __file__, "--memory-child", str(n)], capture_output=True, text=True,
                         check=True)
    elapsed = time.perf_counter() - start
    peak = int(out.stdout.strip().splitlines()[-1])
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # Linux reports KiB
    return f"{n} actors x 10 rounds, memory", elapsed, peak / 2**30, rss / 2**30


def main() -> None:
    print("peacetalks challenge-model benchmark; reference = our own pure-Python loop implementation")
    print(check_reference())
    print(check_draws_agreement())
    print()
    header = f"{'case':<40} {'peacetalks':>11} {'reference':>11} {'ratio':>8}  {'target':>8}  result"
    print(header)
    print("-" * len(header))
    for case in (case_ec, case_draws, case_large):
        name, kernel, ref, how, target, label = case()
        verdict = "pass" if kernel <= target else "FAIL"
        ratio = f"{ref / kernel:,.0f}x"
        print(f"{name:<40} {kernel:>10.4f}s {ref:>10.2f}s {ratio:>8}  {label:>8}  {verdict}   {how}")
    name, elapsed, peak, rss = case_memory()
    verdict = "pass" if max(peak, rss) < 2 else "FAIL"
    print(f"{name:<40} {elapsed:>10.2f}s {'-':>11} {'-':>8}  {'< 2 GB':>8}  {verdict}   "
          f"tracemalloc peak {peak:.2f} GiB, child max RSS {rss:.2f} GiB")
    print(f"\nmachine: {os.cpu_count()} CPUs, numpy {np.__version__}, python {sys.version.split()[0]}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--memory-child":
        memory_child(int(sys.argv[2]))
    else:
        main()
