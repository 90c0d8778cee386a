"""Helpers to act as a user of the web app in tests."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from aibudget.store import users

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "taipei-cafe.yaml"
PASSWORD = "correct horse battery"
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf(client: TestClient, path: str = "/login") -> str:
    found = CSRF_RE.search(client.get(path).text)
    assert found, f"no CSRF token on {path}"
    return found.group(1)


def sign_up(client: TestClient, email: str, name: str = "Alice") -> None:
    """A confirmed account (as the test factories make them), signed in through the
    sign-in form. The sign-up form with its e-mailed link: tests/web/test_web_signup.py."""
    with client.app.state.web.db.write() as s:  # type: ignore[attr-defined]
        users.create(s, email, name, PASSWORD)
    sign_in(client, email)


def sign_in(client: TestClient, email: str, password: str = PASSWORD) -> None:
    token = csrf(client, "/login")
    response = client.post(
        "/login",
        data={"csrf_token": token, "email": email, "password": password},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text


def new_workspace(client: TestClient, name: str = "Shop") -> str:
    token = csrf(client, "/workspaces")
    response = client.post(
        "/workspaces", data={"csrf_token": token, "name": name}, follow_redirects=False
    )
    assert response.status_code == 303
    return response.headers["location"].rsplit("/", 1)[-1]


def import_plan(client: TestClient, ws: str, text: str | None = None, name: str = "2027") -> str:
    token = csrf(client, f"/w/{ws}/import")
    response = client.post(
        f"/w/{ws}/import",
        data={
            "csrf_token": token,
            "name": name,
            "note": "first",
            "document": text or EXAMPLE.read_text(encoding="utf-8"),
        },
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return response.headers["location"].rsplit("/", 1)[-1]


def set_limits(client: TestClient, **values: int) -> None:
    """Change the app's limits (e.g. ``evaluate_per_minute=1``) for the rest of a test."""
    web = client.app.state.web  # type: ignore[attr-defined]
    web.settings = web.settings.model_copy(update=values)
