"""Schemathesis against the API's own OpenAPI: no generated input gets a 5xx.

Path ids are pinned to a real workspace and plan of the token's user (random ids would
only ever meet 404); everything else (version numbers, bodies, query strings) is
generated from the schema, valid and invalid alike.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from pydantic import SecretStr
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from aibudget.planfile import load_plan
from aibudget.settings import Settings
from aibudget.store import plans, users, workspaces
from aibudget.web import create_app

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "taipei-cafe.yaml"
EXAMPLES_PER_OPERATION = 15


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_generated_request_gets_a_server_error(tmp_path: Path, mode: GenerationMode) -> None:
    app = create_app(
        Settings(
            database_url=f"sqlite:///{tmp_path / 'fuzz.db'}",
            secret_key=SecretStr("f" * 48),
            max_trials=2_000,
            evaluate_per_minute=10_000,
        )
    )
    with app.state.web.db.write() as s:
        user = users.create(s, "fuzz@example.com", "Fuzz", "fuzz password 123")
        token = users.create_token(s, user.id, "fuzz")
        space = workspaces.create(s, user.id, "Fuzz")
        made = plans.create(s, user.id, space.id, "plan", load_plan(EXAMPLE))
    ids = {"workspace_id": space.id, "plan_id": made.plan_id, "number": 1}
    auth = {"Authorization": f"Bearer {token}"}
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    operations.sort(key=lambda op: op.method.upper() == "DELETE")  # delete the plan last
    assert len(operations) >= 14
    spec = app.openapi()["paths"]
    for operation in operations:
        generated = "requestBody" in spec[operation.path][operation.method.lower()]
        generated = generated or "{number}" in operation.path
        if mode is GenerationMode.NEGATIVE and not generated:
            continue  # nothing left to make invalid once the ids are pinned
        pinned = {k: v for k, v in ids.items() if "{" + k + "}" in operation.path}
        if mode is GenerationMode.NEGATIVE:
            pinned.pop("number", None)

        @given(case=operation.as_strategy(generation_mode=mode, path_parameters=pinned))
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def no_server_error(case: Any) -> None:
            case.call_and_validate(headers=auth, checks=[not_a_server_error])

        no_server_error()
    app.state.web.db.dispose()
