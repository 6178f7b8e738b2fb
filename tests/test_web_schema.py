"""A bounded schemathesis run against the app's OpenAPI description: generated requests to every
operation, with and without the token, must never get a 5xx (500 would be a crash, 503 a store
failure). Run more examples with ``PEACETALKS_SCHEMA_EXAMPLES=200``."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="web tests skipped: the [web] extra is not installed")
schemathesis = pytest.importorskip("schemathesis", reason="schema tests skipped: schemathesis not installed")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from peacetalks.web import Settings, create_app  # noqa: E402

TOKEN = "schema-token"
EXAMPLES = int(os.environ.get("PEACETALKS_SCHEMA_EXAMPLES", "15"))


# Built at import, as schemathesis needs the operations to generate the tests; the store lives
# in a folder removed when the interpreter exits.
_FOLDER = tempfile.TemporaryDirectory(prefix="peacetalks-schema-")
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(
    Settings(db=f"sqlite:///{Path(_FOLDER.name) / 'store.db'}", token=TOKEN, warm_up=False, max_runs=500)))


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_request_gets_a_server_error(case: Any) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, checks=[not_a_server_error])


def test_the_description_lists_every_api_route(tmp_path: Path) -> None:
    app = create_app(Settings(db=f"sqlite:///{tmp_path / 's.db'}", warm_up=False))
    paths = app.openapi()["paths"]
    assert {"/api/cases", "/api/cases/{case_id}", "/api/cases/{case_id}/positions", "/api/cases/{case_id}/proposals",
            "/api/cases/{case_id}/predictions", "/api/cases/{case_id}/assessments", "/api/cases/{case_id}/whatif",
            "/api/cases/{case_id}/variants", "/api/cases/{case_id}/assess", "/api/models"} <= set(paths)
    assert not [p for p in paths if not p.startswith("/api/")], "pages stay out of the API description"
