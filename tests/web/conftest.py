"""An app on a fresh SQLite file per test (helpers to act as a user: helpers.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher, profiles
from fastapi.testclient import TestClient
from pydantic import SecretStr

from aibudget.settings import Settings
from aibudget.store import users
from aibudget.web import create_app


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
        signups_per_hour=1_000,  # many accounts come from one test address
        max_trials=20_000,
    )


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    app = create_app(settings)
    with TestClient(app, base_url="http://127.0.0.1") as test_client:
        yield test_client
    app.state.web.db.dispose()
