"""Hostile input and sessions: plans parsed off the event loop, request bodies limited
before they are read, sessions that end when the user signs out."""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from fastapi.testclient import TestClient

from aibudget.planfile import MAX_PLAN_BYTES
from aibudget.service.actuals_import import MAX_IMPORT_BYTES
from aibudget.web import pages_plans
from aibudget.web.app import BODY_LIMIT, body_limit
from tests.web.helpers import EXAMPLE, csrf, new_workspace, sign_up

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"l{i}: &l{i} [{', '.join([f'*{prev}'] * 9)}]\n"
    for i, prev in enumerate(["a", *(f"l{j}" for j in range(8))])
)


def signed_in(client: TestClient) -> str:
    sign_up(client, "owner@example.com")
    return new_workspace(client)


# --- plans off the event loop -----------------------------------------------------------


def test_the_import_form_parses_the_plan_in_a_worker_thread(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = signed_in(client)
    loops: list[bool] = []
    parse = pages_plans.parse_yaml

    def watched(text: str) -> Any:
        try:
            asyncio.get_running_loop()
            loops.append(True)
        except RuntimeError:
            loops.append(False)
        return parse(text)

    monkeypatch.setattr(pages_plans, "parse_yaml", watched)
    token = csrf(client, f"/w/{ws}/import")
    text = EXAMPLE.read_text(encoding="utf-8")
    answer = client.post(
        f"/w/{ws}/import",
        data={"csrf_token": token, "document": text},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    assert loops == [False]  # not on the event loop, where it stalls every other user


def test_an_alias_bomb_in_the_import_form_is_a_message(client: TestClient) -> None:
    ws = signed_in(client)
    token = csrf(client, f"/w/{ws}/import")
    answer = client.post(f"/w/{ws}/import", data={"csrf_token": token, "document": BOMB})
    assert answer.status_code == 422
    assert "aliases" in answer.text or "別名" in answer.text


# --- request bodies ---------------------------------------------------------------------


def test_the_limits_are_the_plan_and_import_limits() -> None:
    assert MAX_PLAN_BYTES < BODY_LIMIT < MAX_PLAN_BYTES + 2**20
    assert body_limit("/api/v1/workspaces/w/plans") == BODY_LIMIT
    assert body_limit("/w/w/import") == BODY_LIMIT
    assert body_limit("/w/w/p/p/actuals/preview") > MAX_IMPORT_BYTES
    assert body_limit("/api/v1/workspaces/w/plans/p/actuals/imports") > MAX_IMPORT_BYTES


def raw_request(
    client: TestClient, path: str, headers: dict[str, str], chunks: list[bytes]
) -> tuple[int, dict[str, str], bytes, int]:
    """Call the app as a server would; returns status, headers, body and the number of
    body chunks the app pulled."""
    pulled = 0
    answer: dict[str, Any] = {"body": b""}

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        if pulled < len(chunks):
            pulled += 1
            return {
                "type": "http.request",
                "body": chunks[pulled - 1],
                "more_body": pulled < len(chunks),
            }
        await asyncio.sleep(3600)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            answer["status"] = message["status"]
            answer["headers"] = {k.decode(): v.decode() for k, v in message["headers"]}
        elif message["type"] == "http.response.body":
            answer["body"] += message.get("body", b"")

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": ("127.0.0.1", 1234),
        "server": ("127.0.0.1", 80),
    }
    # An event loop of its own, in a thread of its own: a browser test in the same worker
    # may have left Playwright's loop running in this thread.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, client.app(scope, receive, send)).result()  # type: ignore[arg-type]
    return answer["status"], answer["headers"], answer["body"], pulled


def test_a_declared_oversized_body_is_refused_before_a_byte_is_read(
    client: TestClient,
) -> None:
    hundred_mb = str(100 * 2**20)
    status, headers, body, pulled = raw_request(
        client,
        "/w/anything/import",
        {"content-length": hundred_mb, "content-type": "multipart/form-data; boundary=x"},
        [b"x" * 1024] * 4,
    )
    assert (status, pulled) == (413, 0)  # no session, no CSRF check, nothing spooled
    assert headers["content-type"].startswith("text/html")
    assert "MB" in body.decode()

    status, headers, body, pulled = raw_request(
        client,
        "/api/v1/workspaces/w/plans",
        {"content-length": hundred_mb, "content-type": "application/json"},
        [b"{}"],
    )
    assert (status, pulled) == (413, 0)
    error = json.loads(body)["error"]
    assert error["code"] == "web.body_too_large"
    assert error["fields"] == [] and "5" in error["message"]


def test_a_streamed_body_is_cut_at_the_limit(client: TestClient) -> None:
    chunk = b"x" * 2**20
    chunks = [b'{"name": "big", "document": {"company": "'] + [chunk] * 100
    status, _, body, pulled = raw_request(
        client,
        "/api/v1/workspaces/w/plans",
        {"content-type": "application/json", "authorization": "Bearer aib_nothing"},
        chunks,
    )
    assert status == 413
    assert json.loads(body)["error"]["code"] == "web.body_too_large"
    assert pulled <= BODY_LIMIT // len(chunk) + 2  # stopped at the limit, not at 100 MB


def test_the_api_takes_no_bigger_plan_than_the_form(client: TestClient) -> None:
    signed_in(client)
    token = csrf(client, "/workspaces")
    headers = {"x-csrf-token": token}
    ws = client.post("/api/v1/workspaces", json={"name": "Shop"}, headers=headers).json()["id"]
    document = {"company": {"name": "x" * (MAX_PLAN_BYTES + 2**20)}}
    answer = client.post(
        f"/api/v1/workspaces/{ws}/plans",
        json={"name": "big", "document": document},
        headers=headers,
    )
    assert answer.status_code == 413
    assert answer.json()["error"]["code"] == "web.body_too_large"


# --- sessions ---------------------------------------------------------------------------


def copy_of_cookie(client: TestClient, settings: Any) -> TestClient:
    """A second browser holding a copy of ``client``'s session cookie."""
    from aibudget.web.security import COOKIE

    thief = TestClient(client.app, base_url="http://127.0.0.1")
    thief.cookies.set(COOKIE, client.cookies[COOKIE])
    return thief


def test_signing_out_ends_a_copied_cookie(client: TestClient, settings: Any) -> None:
    signed_in(client)
    thief = copy_of_cookie(client, settings)
    assert thief.get("/account").status_code == 200
    client.post("/logout", data={"csrf_token": csrf(client, "/account")})
    gone = thief.get("/account", follow_redirects=False)
    assert gone.status_code == 303 and gone.headers["location"].startswith("/login")


def test_signing_out_everywhere_revokes_api_tokens_unless_unticked(client: TestClient) -> None:
    signed_in(client)
    page = client.get("/account").text
    assert 'name="tokens" value="on" checked' in page  # on by default
    token_page = client.post(
        "/account/tokens", data={"csrf_token": csrf(client, "/account"), "name": "laptop"}
    ).text
    token = token_page.split('data-testid="api-token">', 1)[1].split("<", 1)[0]
    bearer = {"authorization": f"Bearer {token}"}
    assert client.get("/api/v1/workspaces", headers=bearer).status_code == 200

    form = {"csrf_token": csrf(client, "/account"), "tokens": "on"}
    client.post("/account/sign-out-everywhere", data=form)
    assert client.get("/api/v1/workspaces", headers=bearer).status_code == 401


def test_unticked_the_tokens_keep_working(client: TestClient) -> None:
    signed_in(client)
    token_page = client.post(
        "/account/tokens", data={"csrf_token": csrf(client, "/account"), "name": "script"}
    ).text
    token = token_page.split('data-testid="api-token">', 1)[1].split("<", 1)[0]
    client.post("/account/sign-out-everywhere", data={"csrf_token": csrf(client, "/account")})
    assert client.get("/account", follow_redirects=False).status_code == 303
    answer = client.get("/api/v1/workspaces", headers={"authorization": f"Bearer {token}"})
    assert answer.status_code == 200


def test_changing_the_password_ends_the_other_sessions(client: TestClient, settings: Any) -> None:
    from tests.web.helpers import PASSWORD

    signed_in(client)
    other = copy_of_cookie(client, settings)
    form = {
        "csrf_token": csrf(client, "/account"),
        "current": "wrong one!",
        "new": "n3w-secret-words",
    }
    refused = client.post("/account/password", data=form)
    assert refused.status_code == 422
    assert "目前的密碼不正確" in refused.text
    form = {"csrf_token": csrf(client, "/account"), "current": PASSWORD, "new": "n3w-secret-words"}
    changed = client.post("/account/password", data=form)
    assert changed.status_code == 200 and "密碼已變更" in changed.text
    assert client.get("/account").status_code == 200  # this browser stays signed in
    assert other.get("/account", follow_redirects=False).status_code == 303
    client.post("/logout", data={"csrf_token": csrf(client, "/account")})
    login = {"csrf_token": csrf(client, "/login"), "email": "owner@example.com"}
    old = client.post("/login", data={**login, "password": PASSWORD}, follow_redirects=False)
    assert old.status_code == 401
    login["csrf_token"] = csrf(client, "/login")
    new = client.post(
        "/login", data={**login, "password": "n3w-secret-words"}, follow_redirects=False
    )
    assert new.status_code == 303


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short", "至少需要 10 個字元"),
        ("aaaaaaaaaa", "最常見的密碼"),
        ("password12", "最常見的密碼"),
        ("Qwerty123456!", "最常見的密碼"),
        ("new@example.com", "不可以跟您的電子郵件地址相同"),
        ("abababababab", "不同字元太少"),
    ],
)
def test_weak_passwords_are_refused_with_a_reason(
    client: TestClient, password: str, message: str
) -> None:
    token = csrf(client, "/signup")
    form = {"csrf_token": token, "email": "new@example.com", "name": "N", "password": password}
    answer = client.post("/signup", data=form)
    assert answer.status_code == 422
    assert message in answer.text
