"""An app on a fresh SQLite file per test, and small helpers to act as a user."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher, profiles
from fastapi.testclient import TestClient
from pydantic import SecretStr

from aibudget.settings import Settings
from aibudget.store import users
from aibudget.web import create_app

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "taipei-cafe.yaml"
PASSWORD = "correct horse battery"
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    cheap = PasswordHasher.from_parameters(profiles.CHEAPEST)
    monkeypatch.setattr(users, "password_hasher", lambda: cheap)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        database_url=f"sqlite:///{tmp_path / 'web.db'}",
        secret_key=SecretStr("s" * 48),
        login_attempts=3,
        max_trials=20_000,
    )


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    app = create_app(settings)
    with TestClient(app, base_url="http://127.0.0.1") as test_client:
        yield test_client
    app.state.web.db.dispose()


def csrf(client: TestClient, path: str = "/login") -> str:
    found = CSRF_RE.search(client.get(path).text)
    assert found, f"no CSRF token on {path}"
    return found.group(1)


def sign_up(client: TestClient, email: str, name: str = "Alice") -> None:
    token = csrf(client, "/signup")
    response = client.post(
        "/signup",
        data={"csrf_token": token, "email": email, "name": name, "password": PASSWORD},
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
