"""One what-if update of the built-in case (a salience changed; every model's prediction and
every proposal's assessment recomputed) against its 1 s budget (issue 7).

Times the JSON call the editor makes, through the whole app (routing, validation, building the
variant case, JSON), beside its peer: the same models and assessments called directly on a
prepared snapshot. The difference is what the web layer costs. Run:
``.venv/bin/python benchmarks/bench_whatif.py``.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from peacetalks import load_case
from peacetalks.deals import assess_all
from peacetalks.models.base import available_models, get_model
from peacetalks.web import Settings, create_app
from peacetalks.web.edits import Edits, PositionEdit, apply_edits

BUDGET = 1.0
REPEATS = 15


def main() -> None:
    case = load_case("russia-ukraine")
    # The peer works on the same edited case the first request builds, so both do the same analysis.
    edited = apply_edits(case, Edits(positions=[PositionEdit(actor="russia", issue="territory-donetsk", salience=10)]))
    snapshot = edited.snapshot()
    for name in available_models():  # load the compiled kernels once, as the server does at start
        get_model(name).predict(snapshot)
    direct = []
    for _ in range(REPEATS):
        begin = time.perf_counter()
        for name in available_models():
            get_model(name).predict(snapshot)
        assess_all(snapshot, edited.proposals)
        direct.append(time.perf_counter() - begin)
    with tempfile.TemporaryDirectory() as folder, TestClient(create_app(Settings(
            db=f"sqlite:///{Path(folder) / 'bench.db'}", warm_up=False))) as client:
        client.post("/api/cases/russia-ukraine/whatif", json={})
        served = []
        for k in range(REPEATS):
            body = {"positions": [{"actor": "russia", "issue": "territory-donetsk", "salience": 10 + k % 2}]}
            begin = time.perf_counter()
            answer = client.post("/api/cases/russia-ukraine/whatif", json=body)
            served.append(time.perf_counter() - begin)
            answer.raise_for_status()
    web, peer = statistics.median(served), statistics.median(direct)
    print(f"models + assessments called directly: median {peer * 1000:7.1f} ms over {REPEATS}")
    print(f"POST /api/cases/russia-ukraine/whatif: median {web * 1000:7.1f} ms, worst {max(served) * 1000:.1f} ms "
          f"(each: {', '.join(f'{t * 1000:.0f}' for t in served)})")
    print(f"web / direct: {web / peer:.2f}; what-if = {web / BUDGET:.2f} of the {BUDGET:.0f} s budget")


if __name__ == "__main__":
    main()
