"""The builder's JSON API: the same fields, checks and notes as the web forms."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.helpers import sign_up
from tests.web.test_web_api import _shape
from tests.web.test_web_api_monitor import _new_token

V1 = "/api/v1"


def _start(client: TestClient) -> tuple[dict[str, str], str]:
    sign_up(client, "alice@example.com", "林小姐")
    auth = _new_token(client)
    ws = client.post(f"{V1}/workspaces", json={"name": "Shop"}, headers=auth).json()["id"]
    return auth, ws


def _small_plan(client: TestClient, auth: dict[str, str], ws: str) -> str:
    """A plan made through the API's short form: its address."""
    values = {
        "company.name": "x", "company.employees": 1, "company.annual_revenue": 1,
        "company.annual_marketing_budget": 1, "budget.annual_amount": 1,
        "company.currency": "TWD", "horizon.start": "2027-01",
    }  # fmt: skip
    made = client.post(f"{V1}/workspaces/{ws}/new-plan", json={"values": values}, headers=auth)
    assert made.status_code == 201, made.text
    return f"{V1}/workspaces/{ws}/plans/{made.json()['plan_id']}"


def test_a_plan_from_the_short_form_then_one_field_at_a_time(client: TestClient) -> None:
    auth, ws = _start(client)
    form = client.get(f"{V1}/workspaces/{ws}/new-plan", headers=auth).json()["fields"]
    assert {f["name"] for f in form} >= {"company.name", "horizon.start", "company.currency"}
    made = client.post(
        f"{V1}/workspaces/{ws}/new-plan",
        json={"values": {
            "company.name": "高雄衣著小舖", "company.employees": 4,
            "company.annual_revenue": 8_000_000, "company.annual_marketing_budget": 600_000,
            "budget.annual_amount": 80_000, "company.currency": "TWD",
            "horizon.start": "2027-01", "horizon.months": 24,
        }},
        headers=auth,
    )  # fmt: skip
    assert made.status_code == 201, made.text
    plan = f"{V1}/workspaces/{ws}/plans/{made.json()['plan_id']}"
    member = client.get(f"{plan}/parts/team/owner", headers=auth).json()["fields"]
    assert {f["name"]: f["value"] for f in member}["name"] == "林小姐"
    changed = client.patch(
        f"{plan}/parts/team/owner", json={"values": {"free_hours_per_month": 12}}, headers=auth
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["number"] == 2
    assert changed.json()["note"] == "林小姐：每月可投入 AI 的時數改為 12"
    same = client.patch(
        f"{plan}/parts/team/owner", json={"values": {"free_hours_per_month": "12"}}, headers=auth
    )
    assert same.json()["number"] == 2  # nothing changed: no new version


def test_bad_fields_are_named_and_nothing_is_saved(client: TestClient) -> None:
    auth, ws = _start(client)
    made = client.post(
        f"{V1}/workspaces/{ws}/new-plan", json={"values": {"company.name": "x"}}, headers=auth
    )
    body = _shape(made, 422, "plan.invalid")
    assert {f["path"] for f in body["fields"]} >= {"company.employees", "horizon.start"}
    assert client.get(f"{V1}/workspaces/{ws}/plans", headers=auth).json() == []


def test_an_unknown_part_is_404(client: TestClient) -> None:
    auth, ws = _start(client)
    plan = _small_plan(client, auth, ws)
    _shape(client.get(f"{plan}/parts/tools/nope", headers=auth), 404)
    _shape(client.get(f"{plan}/parts/nonsense", headers=auth), 404)
    bad = client.patch(
        f"{plan}/parts/budget", json={"values": {"budget.pilot.months": 40}}, headers=auth
    )
    assert {f["path"] for f in _shape(bad, 422)["fields"]} == {"budget.pilot.months"}


def test_if_match_refuses_a_change_made_on_an_older_version(client: TestClient) -> None:
    auth, ws = _start(client)
    plan = _small_plan(client, auth, ws)
    got = client.get(f"{plan}/parts/budget", headers=auth)
    assert got.headers["etag"] == '"1"' and got.json()["version"] == 1
    client.patch(f"{plan}/parts/budget", json={"values": {"budget.pilot.months": 4}}, headers=auth)
    stale = client.patch(
        f"{plan}/parts/budget",
        json={"values": {"budget.pilot.months": 5}},
        headers={**auth, "If-Match": '"1"'},
    )
    assert _shape(stale, 409, "store.stale_version")["message"]
    fresh = client.patch(
        f"{plan}/parts/budget",
        json={"values": {"budget.pilot.months": 5}},
        headers={**auth, "If-Match": '"2"'},
    )
    assert fresh.status_code == 200 and fresh.json()["number"] == 3
