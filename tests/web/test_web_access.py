"""Access rules: tenants are isolated, viewers read only, CSRF and login limits hold."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from aibudget.web.security import COOKIE
from tests.web.helpers import PASSWORD, csrf, import_plan, new_workspace, sign_up


def _page_routes(ws: str, plan_id: str) -> list[str]:
    return [
        f"/w/{ws}",
        f"/w/{ws}/import",
        f"/w/{ws}/readiness",
        f"/w/{ws}/catalog",
        f"/w/{ws}/tools/chatgpt-plus",
        f"/w/{ws}/p/{plan_id}",
        f"/w/{ws}/p/{plan_id}/edit",
        f"/w/{ws}/p/{plan_id}/catalog",
        f"/w/{ws}/p/{plan_id}/v/1.yaml",
        f"/w/{ws}/p/{plan_id}/v/1/evaluate",
        f"/w/{ws}/p/{plan_id}/v/1/allocation",
        f"/w/{ws}/p/{plan_id}/v/1/report.xlsx",
        f"/w/{ws}/p/{plan_id}/diff?a=1&b=1",
    ]


def _post_routes(ws: str, plan_id: str) -> list[tuple[str, dict[str, str]]]:
    return [
        (f"/w/{ws}/invites", {"email": "eve@example.com", "role": "owner"}),
        (f"/w/{ws}/readiness", {"s1": "1"}),
        (f"/w/{ws}/catalog", {"entries": ""}),
        (f"/w/{ws}/import", {"document": "x: 1", "plan_id": plan_id}),
        (f"/w/{ws}/p/{plan_id}/v/1/status", {"status": "approved"}),
        (f"/w/{ws}/p/{plan_id}/v/1/restore", {}),
        (f"/w/{ws}/p/{plan_id}/add/goals", {"name": "x", "kpi": "conversion_rate"}),
        (f"/w/{ws}/p/{plan_id}/remove/goals/online-sales", {}),
        (f"/w/{ws}/p/{plan_id}/add-tool", {"catalog_id": "chatgpt-plus", "owner": "editor"}),
        (f"/w/{ws}/p/{plan_id}/delete", {}),
        (f"/w/{ws}/new-plan", {"company.name": "x"}),
        (f"/w/{ws}/p/{plan_id}/edit/budget", {"budget.min_reserve_share": "20"}),
        (f"/w/{ws}/p/{plan_id}/edit/tools/chatgpt", {"name": "x"}),
        (f"/w/{ws}/p/{plan_id}/edit/benefits/chatgpt/0", {"hours_per_month.likely": "5"}),
        (f"/w/{ws}/p/{plan_id}/parts/benefits/chatgpt/add", {"kind": "hours_saved"}),
        (f"/w/{ws}/p/{plan_id}/parts/benefits/chatgpt/0/remove", {}),
        (f"/w/{ws}/p/{plan_id}/parts/lines/add", {}),
        (f"/w/{ws}/p/{plan_id}/parts/channels/add", {}),
        (f"/w/{ws}/p/{plan_id}/edit/optimiser", {"optimise.objective": "cvar"}),
    ]


def test_a_member_of_workspace_a_gets_404_for_everything_of_workspace_b(
    client: TestClient,
) -> None:
    sign_up(client, "bob@example.com", "Bob")
    ws_b = new_workspace(client, "B")
    plan_b = import_plan(client, ws_b)
    client.cookies.clear()
    sign_up(client, "alice@example.com", "Alice")
    ws_a = new_workspace(client, "A")
    plan_a = import_plan(client, ws_a)
    token = csrf(client, "/workspaces")
    # B's ids directly, and B's plan id under A's own workspace
    own = [p for p in _page_routes(ws_a, plan_b) if "/p/" in p]  # B's plan under A's id
    for path in [*_page_routes(ws_b, plan_b), *own]:
        assert client.get(path).status_code == 404, path
    own_posts = [(p, d) for p, d in _post_routes(ws_a, plan_b) if plan_b in p or "plan_id" in d]
    for path, data in [*_post_routes(ws_b, plan_b), *own_posts]:
        assert client.post(path, data={"csrf_token": token, **data}).status_code == 404, path
    assert "B" not in re.findall(r"<strong>(.*?)</strong>", client.get("/workspaces").text)
    assert client.get(f"/w/{ws_a}/p/{plan_a}").status_code == 200


def test_a_viewer_can_read_but_not_change(client: TestClient) -> None:
    sign_up(client, "owner@example.com", "Owner")
    ws = new_workspace(client)
    plan_id = import_plan(client, ws)
    token = csrf(client, f"/w/{ws}")
    page = client.post(
        f"/w/{ws}/invites",
        data={"csrf_token": token, "email": "vic@example.com", "role": "viewer"},
    )
    invite = re.search(r'value="(http[^"]+/invite/[^"]+)"', page.text)
    assert invite
    client.cookies.clear()
    sign_up(client, "vic@example.com", "Vic")
    path = "/invite/" + invite.group(1).rsplit("/", 1)[-1]
    client.post(path, data={"csrf_token": csrf(client, path)})
    assert client.get(f"/w/{ws}/p/{plan_id}").status_code == 200
    token = csrf(client, f"/w/{ws}/p/{plan_id}")
    for route, data in _post_routes(ws, plan_id):
        assert client.post(route, data={"csrf_token": token, **data}).status_code == 403, route
    assert client.get(f"/w/{ws}/import").status_code == 403


def test_a_form_without_its_csrf_token_is_refused(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    before = client.get("/workspaces").text
    for data in ({"name": "Sneaky"}, {"name": "Sneaky", "csrf_token": "forged"}):
        response = client.post("/workspaces", data=data)
        assert response.status_code == 403
    assert client.get("/workspaces").text.count("Sneaky") == before.count("Sneaky") == 0


def test_no_state_changes_on_get(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    plan_id = import_plan(client, ws)
    for path in (f"/w/{ws}/p/{plan_id}/v/1/restore", f"/w/{ws}/p/{plan_id}/delete", "/logout"):
        assert client.get(path).status_code in (404, 405)
    assert client.get(f"/w/{ws}/p/{plan_id}").status_code == 200


def test_repeated_wrong_passwords_make_the_next_attempt_wait(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    client.cookies.clear()
    token = csrf(client)
    wrong = {"csrf_token": token, "email": "alice@example.com", "password": "nope-nope-nope"}
    assert [client.post("/login", data=wrong).status_code for _ in range(3)] == [401] * 3
    right = {**wrong, "password": PASSWORD}
    assert client.post("/login", data=right).status_code == 429  # even the right one waits
    assert "請在 30 秒後再試" in client.post("/login", data=right).text


def test_session_cookie_is_httponly_samesite_and_renewed_on_login(client: TestClient) -> None:
    anonymous = client.get("/signup")
    header = anonymous.headers["set-cookie"]
    assert COOKIE in header and "HttpOnly" in header and "samesite=lax" in header.lower()
    before = client.cookies.get(COOKIE)
    sign_up(client, "alice@example.com")
    assert client.cookies.get(COOKIE) != before
    response = client.get("/workspaces")
    assert response.headers["x-frame-options"] == "DENY"
    assert "default-src 'self'" in response.headers["content-security-policy"]


@pytest.mark.parametrize("target", ["//evil.example/x", "https://evil.example/", "/\\evil"])
def test_sign_in_never_redirects_off_site(client: TestClient, target: str) -> None:
    sign_up(client, "a@example.com")
    client.cookies.clear()
    token = csrf(client, "/login")
    response = client.post(
        "/login",
        params={"next": target},
        data={"csrf_token": token, "email": "a@example.com", "password": PASSWORD},
        follow_redirects=False,
    )
    assert response.headers["location"] == "/workspaces"


def test_signing_out_ends_the_session(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    assert client.get("/workspaces").status_code == 200
    before = client.cookies.get(COOKIE)
    client.post("/logout", data={"csrf_token": csrf(client, "/workspaces")})
    assert client.cookies.get(COOKIE) != before
    assert (
        client.get("/workspaces", follow_redirects=False).headers["location"].startswith("/login")
    )
    assert client.get("/api/v1/workspaces").status_code == 401


def test_signing_out_everywhere_ends_copied_sessions(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    stolen = client.cookies.get(COOKIE)
    assert stolen
    client.post("/account/sign-out-everywhere", data={"csrf_token": csrf(client, "/account")})
    client.cookies.set(COOKIE, stolen)  # a copy of the old cookie is worth nothing now
    assert client.get("/workspaces", follow_redirects=False).status_code == 303
    client.cookies.clear()
    token = csrf(client)
    login = {"csrf_token": token, "email": "alice@example.com", "password": PASSWORD}
    assert client.post("/login", data=login, follow_redirects=False).status_code == 303
    assert client.get("/workspaces").status_code == 200  # a new sign-in works again
