"""Schemathesis with every check against the API's own OpenAPI document: no server
error, and answers that keep to the document (status codes, content types, response
schemas, headers, allowed methods), valid data accepted and invalid data refused.

Bodies whose documents are checked beyond what JSON Schema can say (a plan's
cross-references, the questionnaire's question ids, a plan's own tools and months) may
be refused although schema-valid; there the refusal must be a 422 that names the field
(``names_the_field``) instead of an acceptance. Path ids are pinned to a real workspace
and plan of the token's user; examples per operation are bounded to keep the run short.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from pydantic import SecretStr
from schemathesis import GenerationMode
from schemathesis.checks import CheckContext
from schemathesis.core.failures import Failure
from schemathesis.specs.openapi.checks import positive_data_acceptance

from aibudget.planfile import load_plan
from aibudget.settings import Settings
from aibudget.store import plans, users, workspaces
from aibudget.web import create_app

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "taipei-cafe.yaml"
EXAMPLES_PER_OPERATION = 8
# Path endings of the operations whose bodies are checked beyond JSON Schema.
CHECKED_BEYOND_SCHEMA = (
    "/plans",
    "/versions",
    "/catalog",
    "/new-plan",
    "/assess",
    "/actuals",
    "/actuals/{fingerprint}",
    "/actuals/imports",
    "/parts/{section}",
    "/parts/{section}/{item}",
    "/learning",  # the tool must be one of the plan's
)


@schemathesis.check
def names_the_field(ctx: CheckContext, response: Any, case: Any) -> bool | None:
    """A schema-valid body refused for what JSON Schema cannot say: 422, naming a field."""
    if response.status_code == 422 and not response.json()["error"]["fields"]:
        raise Failure(
            operation=case.operation.label,
            title="Refused without naming a field",
            message=response.text[:300],
        )
    return None


def _app_with_plan(tmp_path: Path) -> tuple[Any, dict[str, Any], dict[str, str]]:
    app = create_app(
        Settings(
            database_url=f"sqlite:///{tmp_path / 'conformance.db'}",
            secret_key=SecretStr("c" * 48),
            max_trials=2_000,
            evaluate_per_minute=10_000,
        )
    )
    with app.state.web.db.write() as s:
        user = users.create(s, "spec@example.com", "Spec", "spec password 123")
        token = users.create_token(s, user.id, "spec")
        space = workspaces.create(s, user.id, "Spec")
        made = plans.create(s, user.id, space.id, "plan", load_plan(EXAMPLE))
    ids = {"workspace_id": space.id, "plan_id": made.plan_id, "number": 1}
    return app, ids, {"Authorization": f"Bearer {token}"}


def _conformance(
    operation: Any, mode: GenerationMode, pinned: dict[str, Any], auth: dict[str, str], strict: bool
) -> Any:
    """The bounded property test of one operation (positive acceptance when ``strict``)."""
    excluded = [] if strict else [positive_data_acceptance]

    @given(case=operation.as_strategy(generation_mode=mode, path_parameters=pinned))
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    def conforms(case: Any) -> None:
        case.call_and_validate(
            headers=auth, excluded_checks=excluded, additional_checks=[names_the_field]
        )

    return conforms


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_the_api_keeps_to_its_openapi_document(tmp_path: Path, mode: GenerationMode) -> None:
    app, ids, auth = _app_with_plan(tmp_path)
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    operations.sort(key=lambda op: op.method.upper() == "DELETE")  # delete the plan last
    assert len(operations) >= 20
    failures: list[str] = []
    for operation in operations:
        pinned = {k: v for k, v in ids.items() if "{" + k + "}" in operation.path}
        has_body = "requestBody" in app.openapi()["paths"][operation.path][operation.method]
        if mode is GenerationMode.NEGATIVE and not has_body and "{number}" not in operation.path:
            continue  # nothing left to make invalid once the ids are pinned
        if mode is GenerationMode.NEGATIVE:
            pinned.pop("number", None)
        beyond = operation.path.endswith(CHECKED_BEYOND_SCHEMA) and has_body
        conforms = _conformance(operation, mode, pinned, auth, strict=not beyond)
        try:
            conforms()
        except Exception as error:  # every operation's failures, not only the first's
            failures.append(f"{operation.method.upper()} {operation.path}: {error}"[:2000])
    app.state.web.db.dispose()
    assert failures == [], "\n\n".join(failures)
