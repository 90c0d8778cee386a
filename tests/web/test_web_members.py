"""Members in the browser and the API: invitations bound to the invited address, owners
manage roles, members and invitations; the last owner stays."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select

from aibudget.store.models import AuditRow, MembershipRow
from tests.web.helpers import PASSWORD, csrf, new_workspace, sign_up
from tests.web.test_web_api import V1, _shape, _token


def _invite(client: TestClient, ws: str, email: str, role: str = "editor") -> str:
    page = client.post(
        f"/w/{ws}/invites",
        data={"csrf_token": csrf(client, f"/w/{ws}"), "email": email, "role": role},
    )
    found = re.search(r'value="http://127\.0\.0\.1(/invite/[^"]+)"', page.text)
    assert found, page.text
    return found.group(1)


def _roles(client: TestClient, ws: str) -> dict[str, str]:
    """Memberships read on a second connection, apart from the app."""
    engine = create_engine(client.app.state.web.settings.database_url)  # type: ignore[attr-defined]
    with engine.connect() as conn:
        rows = conn.execute(
            select(MembershipRow.user_id, MembershipRow.role).where(
                MembershipRow.workspace_id == ws
            )
        )
        found = {uid: role for uid, role in rows}
    engine.dispose()
    return found


def test_an_invitation_opened_by_another_account_says_only_that(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client, "Secret Cafe")
    link = _invite(client, ws, "bob@example.com")
    client.cookies.clear()
    sign_up(client, "eve@example.com", "Eve")
    page = client.get(link)
    assert page.status_code == 403
    assert "這份邀請是寄給另一個電子郵件地址的" in page.text
    assert "Secret Cafe" not in page.text and "bob@example.com" not in page.text
    refused = client.post(link, data={"csrf_token": csrf(client, "/workspaces")})
    assert refused.status_code == 403 and len(_roles(client, ws)) == 1
    client.cookies.clear()
    sign_up(client, "bob@example.com", "Bob")
    assert "Secret Cafe" in client.get(link).text
    joined = client.post(link, data={"csrf_token": csrf(client, "/workspaces")})
    assert joined.status_code == 200 and len(_roles(client, ws)) == 2


def test_an_owner_changes_a_role_removes_a_member_and_withdraws_an_invitation(
    client: TestClient,
) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    link = _invite(client, ws, "bob@example.com", "viewer")
    _invite(client, ws, "carol@example.com", "viewer")
    alice_cookies = dict(client.cookies)
    client.cookies.clear()
    sign_up(client, "bob@example.com", "Bob")
    client.post(link, data={"csrf_token": csrf(client, "/workspaces")})
    bob_page = client.get(f"/w/{ws}/members")
    assert "Bob" in bob_page.text and "/role" not in bob_page.text  # a viewer only reads
    client.cookies.clear()
    client.cookies.update(alice_cookies)
    (bob_id,) = [uid for uid, role in _roles(client, ws).items() if role == "viewer"]
    page = client.get(f"/w/{ws}/members")
    assert "carol@example.com" in page.text and "成員管理" in page.text
    token = csrf(client, f"/w/{ws}/members")
    client.post(f"/w/{ws}/members/{bob_id}/role", data={"csrf_token": token, "role": "editor"})
    assert _roles(client, ws)[bob_id] == "editor"
    invite_id = re.search(r"/invites/([0-9a-f]{64})/revoke", page.text).group(1)  # type: ignore[union-attr]
    client.post(f"/w/{ws}/invites/{invite_id}/revoke", data={"csrf_token": token})
    assert "carol@example.com" not in client.get(f"/w/{ws}/members").text
    client.post(f"/w/{ws}/members/{bob_id}/remove", data={"csrf_token": token})
    assert bob_id not in _roles(client, ws)
    activity = client.get(f"/w/{ws}").text
    for words in ("移除成員", "變更成員角色", "撤回邀請"):
        assert words in activity


def test_the_last_owner_is_told_why_they_stay(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    (alice_id,) = _roles(client, ws)
    token = csrf(client, f"/w/{ws}/members")
    for path, data in (("role", {"role": "viewer"}), ("remove", {})):
        page = client.post(f"/w/{ws}/members/{alice_id}/{path}", data={"csrf_token": token, **data})
        assert page.status_code == 409
        assert "每個工作區至少要有一位擁有者" in page.text
    assert _roles(client, ws) == {alice_id: "owner"}


def test_the_api_lists_and_manages_members_and_invitations(client: TestClient) -> None:
    alice = _token(client, "alice@example.com")
    ws = client.post(f"{V1}/workspaces", json={"name": "S"}, headers=alice).json()["id"]
    made = client.post(
        f"{V1}/workspaces/{ws}/invites",
        json={"email": "Bob@Example.com", "role": "viewer"},
        headers=alice,
    )
    assert made.status_code == 201 and made.json()["email"] == "bob@example.com"
    _shape(
        client.post(
            f"{V1}/workspaces/{ws}/invites", json={"email": "no", "role": "x"}, headers=alice
        ),
        422,
        "web.bad_request",
    )
    (pending,) = client.get(f"{V1}/workspaces/{ws}/invites", headers=alice).json()
    bob = _token(client, "bob@example.com")
    link = made.json()["link"].removeprefix("http://127.0.0.1")
    sign_in = {"csrf_token": csrf(client), "email": "bob@example.com", "password": PASSWORD}
    client.post("/login", data=sign_in)  # bob accepts in the browser
    assert client.post(link, data={"csrf_token": csrf(client, "/workspaces")}).status_code == 200
    client.cookies.clear()
    members = client.get(f"{V1}/workspaces/{ws}/members", headers=bob).json()
    assert sorted(m["role"] for m in members) == ["owner", "viewer"]
    bob_id = next(m["user_id"] for m in members if m["role"] == "viewer")
    alice_id = next(m["user_id"] for m in members if m["role"] == "owner")
    _shape(
        client.patch(
            f"{V1}/workspaces/{ws}/members/{alice_id}", json={"role": "viewer"}, headers=bob
        ),
        403,
    )
    _shape(
        client.patch(
            f"{V1}/workspaces/{ws}/members/{alice_id}", json={"role": "viewer"}, headers=alice
        ),
        409,
        "accounts.last_owner",
    )
    changed = client.patch(
        f"{V1}/workspaces/{ws}/members/{bob_id}", json={"role": "editor"}, headers=alice
    )
    assert changed.json()["role"] == "editor" and _roles(client, ws)[bob_id] == "editor"
    assert client.delete(f"{V1}/workspaces/{ws}/members/{bob_id}", headers=alice).status_code == 204
    assert bob_id not in _roles(client, ws)
    _shape(client.delete(f"{V1}/workspaces/{ws}/invites/{pending['id']}", headers=alice), 404)
    carol = {"email": "carol@example.com", "role": "editor"}
    client.post(f"{V1}/workspaces/{ws}/invites", json=carol, headers=alice)
    (waiting,) = client.get(f"{V1}/workspaces/{ws}/invites", headers=alice).json()
    revoke = f"{V1}/workspaces/{ws}/invites/{waiting['id']}"
    assert client.delete(revoke, headers=alice).status_code == 204  # accepted ones are gone
    assert client.get(f"{V1}/workspaces/{ws}/invites", headers=alice).json() == []
    engine = create_engine(client.app.state.web.settings.database_url)  # type: ignore[attr-defined]
    with engine.connect() as conn:
        actions = set(conn.scalars(select(AuditRow.action).where(AuditRow.workspace_id == ws)))
    engine.dispose()
    assert {"member.invited", "member.joined", "member.role_changed", "member.removed"} <= actions
