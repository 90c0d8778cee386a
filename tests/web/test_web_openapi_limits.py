"""The OpenAPI document states the limits the API enforces; the latest assessment of a
workspace without one is "nothing yet", not "not found"."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

from aibudget.service.evaluation import MIN_TRIALS
from aibudget.settings import Settings
from aibudget.web.app import BODY_LIMIT
from tests.web.test_web_api import V1, _token

MONTH = "^(\\d{4}-(0[1-9]|1[0-2]))?$"


def _spec(client: TestClient) -> dict[str, Any]:
    spec: dict[str, Any] = client.get(f"{V1}/openapi.json").json()
    return spec


def _resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def test_a_plan_document_has_the_plan_files_shape(client: TestClient) -> None:
    spec = _spec(client)
    for body in ("PlanIn", "VersionIn"):
        document = spec["components"]["schemas"][body]["properties"]["document"]
        plan = _resolve(spec, document)
        assert {"company", "horizon", "budget"} <= set(plan["required"])
        assert plan["additionalProperties"] is False
        tools = _resolve(spec, plan["properties"]["tools"]["items"])
        assert "name" in tools["properties"]
        assert f"{BODY_LIMIT:,}" in document["description"]


def test_trials_stop_at_this_installations_limit(client: TestClient, settings: Settings) -> None:
    trials = _spec(client)["components"]["schemas"]["EvaluateIn"]["properties"]["trials"]
    (integer,) = [choice for choice in trials["anyOf"] if choice.get("type") == "integer"]
    assert integer["maximum"] == settings.max_trials == 20_000
    assert integer["minimum"] == MIN_TRIALS


def test_review_months_and_digests_have_their_format(client: TestClient) -> None:
    spec = _spec(client)
    review = spec["paths"][f"{V1}/workspaces/{{workspace_id}}/plans/{{plan_id}}/review"]
    (as_of,) = [p for p in review["get"]["parameters"] if p["name"] == "as_of"]
    assert as_of["schema"]["pattern"] == MONTH
    decision = spec["components"]["schemas"]["ProposalDecisionIn"]["properties"]
    assert decision["as_of"]["pattern"] == MONTH
    assert re.fullmatch(decision["digest"]["pattern"], "0123456789abcdef" * 2)


def test_the_latest_assessment_before_the_first_is_nothing_yet(client: TestClient) -> None:
    auth = _token(client, "alice@example.com")
    ws = client.post(f"{V1}/workspaces", json={"name": "Shop"}, headers=auth).json()["id"]
    before = client.get(f"{V1}/workspaces/{ws}/assess", headers=auth)
    assert before.status_code == 204 and before.content == b""
    spec = _spec(client)["paths"][f"{V1}/workspaces/{{workspace_id}}/assess"]["get"]
    assert "204" in spec["responses"]
