from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from aibudget.cli import app
from aibudget.cli_web import DEMO_EMAIL, DEMO_PASSWORD
from aibudget.store import plans, users, workspaces
from aibudget.store.db import Database
from tests.web.helpers import EXAMPLE


def test_demo_load_is_idempotent_and_signs_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    monkeypatch.setenv("AIBUDGET_DATABASE_URL", url)
    monkeypatch.setenv("AIBUDGET_SECRET_KEY", "x" * 48)
    monkeypatch.setenv("AIBUDGET_LOCALE", "zh-TW")
    runner = CliRunner()
    assert runner.invoke(app, ["migrate"]).exit_code == 0
    for _ in range(2):
        result = runner.invoke(app, ["demo-load", str(EXAMPLE)])
        assert result.exit_code == 0, result.output
        assert DEMO_EMAIL in result.output and DEMO_PASSWORD in result.output
    db = Database.from_url(url)
    with db.session() as s:
        user = users.authenticate(s, DEMO_EMAIL, DEMO_PASSWORD)
        assert user is not None and user.locale == "zh_TW"
        (space,) = workspaces.list_for(s, user.id)
        assert len(plans.list_plans(s, user.id, space.id)) == 1
    db.dispose()


def test_a_placeholder_secret_is_refused_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AIBUDGET_DATABASE_URL", f"sqlite:///{tmp_path / 'x.db'}")
    monkeypatch.setenv("AIBUDGET_SECRET_KEY", "change-me")
    monkeypatch.setenv("AIBUDGET_LOCALE", "en")
    result = CliRunner().invoke(app, ["migrate"])
    assert result.exit_code == 2
    assert "AIBUDGET_SECRET_KEY" in result.output and "Traceback" not in result.output
