"""The JSON API: token auth, CRUD, validation with fields, bounded evaluate, one error shape."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import yaml
from fastapi.testclient import TestClient

from aibudget.engine.cashflow import evaluate
from aibudget.engine.optimize import optimize
from aibudget.engine.simulate import simulate
from aibudget.planfile import load_plan
from aibudget.present.documents import evaluation_document
from tests.web.helpers import EXAMPLE, PASSWORD, csrf, set_limits, sign_up

V1 = "/api/v1"


def _document() -> dict[str, Any]:
    """The example plan as JSON (YAML dates become ISO strings)."""
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    return dict(json.loads(json.dumps(data, default=str)))


def _token(client: TestClient, email: str) -> dict[str, str]:
    sign_up(client, email)
    page = client.post(
        "/account/tokens", data={"csrf_token": csrf(client, "/account"), "name": "script"}
    )
    found = re.search(r'data-testid="api-token">([^<]+)<', page.text)
    assert found
    client.cookies.clear()  # from here on, only the token speaks
    return {"Authorization": f"Bearer {found.group(1)}"}


def _shape(response: Any, status: int, code: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, (response.request.url, response.text)
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "fields"}
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    assert isinstance(body["error"]["fields"], list)
    if code:
        assert body["error"]["code"] == code
    return dict(body["error"])


def test_plans_and_versions_round_trip_with_a_personal_token(client: TestClient) -> None:
    auth = _token(client, "alice@example.com")
    ws = client.post(f"{V1}/workspaces", json={"name": "Shop"}, headers=auth).json()
    assert ws["role"] == "owner"
    made = client.post(
        f"{V1}/workspaces/{ws['id']}/plans",
        json={"name": "2027", "note": "v1", "document": _document()},
        headers=auth,
    )
    assert made.status_code == 201 and made.json()["number"] == 1
    plan = f"{V1}/workspaces/{ws['id']}/plans/{made.json()['plan_id']}"
    changed = _document()
    changed["company"]["employees"] = 9
    saved = client.post(
        f"{plan}/versions", json={"document": changed, "note": "hire"}, headers=auth
    )
    assert saved.json()["number"] == 2
    assert [v["number"] for v in client.get(f"{plan}/versions", headers=auth).json()] == [2, 1]
    assert (
        client.get(f"{plan}/versions/1", headers=auth).json()["document"]["company"]["employees"]
        == 8
    )
    approved = client.patch(f"{plan}/versions/2", json={"status": "approved"}, headers=auth)
    assert approved.json()["status"] == "approved"
    assert client.post(f"{plan}/versions/1/restore", json={}, headers=auth).json()["number"] == 3
    assert client.patch(plan, json={"name": "Renamed"}, headers=auth).json()["name"] == "Renamed"
    assert client.delete(plan, headers=auth).status_code == 204
    assert client.get(f"{V1}/workspaces/{ws['id']}/plans", headers=auth).json() == []


def test_an_invalid_document_names_every_field(client: TestClient) -> None:
    auth = _token(client, "alice@example.com")
    ws = client.post(f"{V1}/workspaces", json={"name": "Shop"}, headers=auth).json()["id"]
    bad = _document()
    bad["company"]["employees"] = -1
    bad["tools"][0]["owner"] = "nobody"
    error = _shape(
        client.post(
            f"{V1}/workspaces/{ws}/plans", json={"name": "x", "document": bad}, headers=auth
        ),
        422,
        "plan.invalid",
    )
    paths = {f["path"] for f in error["fields"]}
    assert {"company.employees", "tools[0].owner"} <= paths


def test_evaluate_matches_the_engine_and_is_bounded(client: TestClient) -> None:
    auth = _token(client, "alice@example.com")
    ws = client.post(f"{V1}/workspaces", json={"name": "Shop"}, headers=auth).json()["id"]
    made = client.post(
        f"{V1}/workspaces/{ws}/plans", json={"name": "p", "document": _document()}, headers=auth
    ).json()
    url = f"{V1}/workspaces/{ws}/plans/{made['plan_id']}/versions/1/evaluate"
    body = client.post(url, json={"trials": 1000}, headers=auth).json()
    expected = evaluate(load_plan(EXAMPLE)).expected
    assert Decimal(body["expected"]["npv"]) == expected.npv  # money: exact decimal strings
    assert body["expected"]["payback_month"] == expected.payback_month
    assert body["simulation"]["trials"] == 1000
    _shape(client.post(url, json={"trials": 10_000_000}, headers=auth), 422)
    _shape(client.post(url, json={"trials": 20_001}, headers=auth), 422, "cli.trials_range")


def test_evaluate_answers_the_cli_document_and_repeats_it_from_the_cache(
    client: TestClient,
) -> None:
    auth = _token(client, "alice@example.com")
    ws = client.post(f"{V1}/workspaces", json={"name": "Shop"}, headers=auth).json()["id"]
    made = client.post(
        f"{V1}/workspaces/{ws}/plans", json={"name": "p", "document": _document()}, headers=auth
    ).json()
    url = f"{V1}/workspaces/{ws}/plans/{made['plan_id']}/versions/1/evaluate"
    first = client.post(url, json={"trials": 500}, headers=auth)
    plan = load_plan(EXAMPLE)
    expected = evaluation_document(evaluate(plan), simulate(plan, 500)).model_dump()
    assert first.headers["content-type"] == "application/json"
    assert first.json() == json.loads(json.dumps(expected, default=str))
    set_limits(client, evaluate_per_minute=1)  # the first evaluation used it up
    again = client.post(url, json={"trials": 500}, headers=auth)
    assert again.status_code == 200 and again.content == first.content
    assert client.post(url, json={"trials": 501}, headers=auth).status_code == 429


def test_evaluate_is_rate_limited_per_user(client: TestClient) -> None:
    auth = _token(client, "alice@example.com")
    set_limits(client, evaluate_per_minute=2)
    ws = client.post(f"{V1}/workspaces", json={"name": "Shop"}, headers=auth).json()["id"]
    made = client.post(
        f"{V1}/workspaces/{ws}/plans", json={"name": "p", "document": _document()}, headers=auth
    ).json()
    url = f"{V1}/workspaces/{ws}/plans/{made['plan_id']}/versions/1/evaluate"
    codes = [client.post(url, json={"trials": 200 + i}, headers=auth).status_code for i in range(3)]
    assert codes == [200, 200, 429]


def test_cookie_sessions_need_the_csrf_header_for_changes(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    assert client.get(f"{V1}/workspaces").status_code == 200
    _shape(client.post(f"{V1}/workspaces", json={"name": "x"}), 403, "web.csrf_failed")
    token = csrf(client, "/workspaces")
    made = client.post(f"{V1}/workspaces", json={"name": "x"}, headers={"X-CSRF-Token": token})
    assert made.status_code == 201


def _api_routes(client: TestClient) -> list[tuple[str, str]]:
    """Every operation the OpenAPI document lists (the API's own description of itself)."""
    spec = client.get(f"{V1}/openapi.json").json()
    return [(m.upper(), path) for path, item in spec["paths"].items() for m in item]


def _has_body(client: TestClient, method: str, path: str) -> bool:
    spec = client.get(f"{V1}/openapi.json").json()
    body = spec["paths"][path][method.lower()].get("requestBody", {})
    return "application/json" in body.get("content", {})  # a JSON schema to break


PART_IDS = {"section": "tools", "item": "chatgpt", "index": "0"}  # a plan part (api_builder)
PART_IDS |= {"job_id": "j" * 32}  # a report made by a job (api_jobs)


def _fill(path: str, **ids: str) -> str:
    return path.format(
        **{
            "workspace_id": "w" * 32,
            "plan_id": "p" * 32,
            "number": "1",
            "fingerprint": "f" * 32,
            "entry_id": "e" * 32,
        }
        | {"user_id": "u" * 32, "invite_id": "i" * 64}  # a member, an invitation
        | PART_IDS
        | ids
    )


def test_every_endpoint_answers_errors_in_the_one_shape(client: TestClient) -> None:
    routes = _api_routes(client)
    assert len(routes) >= 20
    for method, path in routes:  # not signed in
        _shape(client.request(method, _fill(path), json={}), 401, "web.sign_in_needed")
        bad = {"Authorization": "Bearer aib_not-a-real-token"}
        _shape(client.request(method, _fill(path), json={}, headers=bad), 401)
    auth = _token(client, "alice@example.com")
    for method, path in routes:
        if "{" in path:  # ids that are not ours (or do not exist)
            response = client.request(method, _fill(path), json=_valid_body(path), headers=auth)
            _shape(response, 404, "store.not_found")
        if _has_body(client, method, path):  # a body the schema does not allow
            response = client.request(method, _fill(path), json={"unexpected": 1}, headers=auth)
            _shape(response, 422, "web.bad_request")
    _shape(client.get(f"{V1}/nothing-here", headers=auth), 404)
    _shape(client.put(f"{V1}/workspaces", headers=auth), 405)


def _valid_body(path: str) -> dict[str, Any]:
    if path.endswith("/actuals/confirm"):
        return {"import_id": "i" * 32}
    if path.endswith("{user_id}"):
        return {"role": "editor"}
    if path.endswith("/invites"):
        return {"email": "someone@example.com", "role": "viewer"}
    if path.endswith(("/review/accept", "/review/reject")):
        return {"digest": "d" * 32}
    if path.endswith("/catalog"):
        return {"entries": []}
    if "/parts/" in path or path.endswith("/new-plan"):
        return {"values": {}}
    if path.endswith("/learning"):
        return {"tool": "t", "who": "x", "tried": "x"}
    if path.endswith("/assess"):
        return {"answers": {"s1": 1}}
    if path.endswith("/plans"):
        return {"name": "x", "document": _document()}
    if path.endswith("/versions"):
        return {"document": _document()}
    if path.endswith("{number}"):
        return {"status": "live"}
    if path.endswith("{plan_id}") or path.endswith("{workspace_id}"):
        return {"name": "x"}
    return {}


def test_openapi_documents_the_error_shape(client: TestClient) -> None:
    spec = client.get(f"{V1}/openapi.json").json()
    assert "ErrorOut" in spec["components"]["schemas"]
    for path, item in spec["paths"].items():
        for operation in item.values():
            assert "404" in operation["responses"] and "401" in operation["responses"], path


def test_another_workspaces_real_ids_are_404_on_every_endpoint(client: TestClient) -> None:
    bob = _token(client, "bob@example.com")
    ws_b = client.post(f"{V1}/workspaces", json={"name": "B"}, headers=bob).json()["id"]
    plan_b = client.post(
        f"{V1}/workspaces/{ws_b}/plans", json={"name": "b", "document": _document()}, headers=bob
    ).json()["plan_id"]
    alice = _token(client, "alice@example.com")
    ws_a = client.post(f"{V1}/workspaces", json={"name": "A"}, headers=alice).json()["id"]
    for method, path in _api_routes(client):
        if "{" not in path:
            continue
        for ws in (ws_b, ws_a):  # B's workspace, and B's plan under A's own workspace
            if ws == ws_a and "{plan_id}" not in path:
                continue
            url = _fill(path, workspace_id=ws, plan_id=plan_b)
            response = client.request(method, url, json=_valid_body(path), headers=alice)
            _shape(response, 404, "store.not_found")
    assert [w["name"] for w in client.get(f"{V1}/workspaces", headers=alice).json()] == ["A"]
    assert client.get(f"{V1}/workspaces/{ws_b}/plans/{plan_b}", headers=bob).status_code == 200


def test_lint_returns_the_health_check_in_the_callers_language(client: TestClient) -> None:
    auth = _token(client, "alice@example.com")
    ws = client.post(f"{V1}/workspaces", json={"name": "Shop"}, headers=auth).json()["id"]
    document = _document()
    document["budget"]["min_reserve_share"] = 0
    made = client.post(
        f"{V1}/workspaces/{ws}/plans", json={"name": "p", "document": document}, headers=auth
    ).json()
    url = f"{V1}/workspaces/{ws}/plans/{made['plan_id']}/versions/1/lint"
    english = client.get(url, headers={**auth, "Accept-Language": "en"}).json()
    chinese = client.get(url, headers={**auth, "Accept-Language": "zh-TW"}).json()
    rules = [f["rule"] for f in english]
    assert "no_reserve" in rules and rules == [f["rule"] for f in chinese]
    reserve = next(f for f in english if f["rule"] == "no_reserve")
    assert reserve["where"] == "budget.min_reserve_share" and reserve["fix"]
    assert reserve["message"] != next(f for f in chinese if f["rule"] == "no_reserve")["message"]


def test_optimise_matches_the_engine(client: TestClient) -> None:
    auth = _token(client, "alice@example.com")
    ws = client.post(f"{V1}/workspaces", json={"name": "Shop"}, headers=auth).json()["id"]
    made = client.post(
        f"{V1}/workspaces/{ws}/plans", json={"name": "p", "document": _document()}, headers=auth
    ).json()
    url = f"{V1}/workspaces/{ws}/plans/{made['plan_id']}/versions/1/optimise"
    body = client.post(url, headers=auth).json()
    expected = optimize(load_plan(EXAMPLE))
    assert body["status"] == expected.status.value
    assert Decimal(str(body["total"])) == expected.total
    assert [s["tool"] for s in body["selected"]] == [s.tool for s in expected.selected]
    assert set(body["reasons"]) == {r.tool for r in expected.reasons}


def test_a_revoked_token_stops_working(client: TestClient) -> None:
    auth = _token(client, "alice@example.com")
    assert client.get(f"{V1}/workspaces", headers=auth).status_code == 200
    sign_in = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', sign_in.text)
    assert token
    client.post(
        "/login",
        data={"csrf_token": token.group(1), "email": "alice@example.com", "password": PASSWORD},
    )
    page = client.get("/account").text
    revoke = re.search(r'action="(/account/tokens/[0-9a-f]+/revoke)"', page)
    assert revoke
    client.post(revoke.group(1), data={"csrf_token": csrf(client, "/account")})
    client.cookies.clear()
    _shape(client.get(f"{V1}/workspaces", headers=auth), 401, "web.sign_in_needed")
