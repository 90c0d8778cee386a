"""The app factory."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_templates_are_compiled_once_and_not_checked_on_disk_per_page(client: TestClient) -> None:
    env = client.app.state.web.templates  # type: ignore[attr-defined]
    assert env.auto_reload is False
    assert client.get("/login").status_code == 200
    first = env.get_template("login.html")
    assert env.get_template("login.html") is first
