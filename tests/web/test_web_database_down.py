"""The database goes away: pages answer a 503 page, the API a 503 in the one error shape,
in the visitor's language, and the error path never asks the database again; start-up
and migrate print one short message instead of a traceback."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy import event
from typer.testing import CliRunner

from aibudget.cli import app as cli
from aibudget.i18n import Translator
from aibudget.settings import Settings
from aibudget.store.db import Database
from aibudget.web import create_app
from tests.web.helpers import import_plan, new_workspace, sign_up

CODE = "web.database_unavailable"


def _closed_port() -> int:
    """A port on 127.0.0.1 that nobody listens on (bound, then let go)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _postgres_nobody_listens() -> str:
    return f"postgresql://aibudget@127.0.0.1:{_closed_port()}/test?connect_timeout=2"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def signed_in(data_dir: Path) -> Iterator[tuple[TestClient, str]]:
    """A signed-in owner with a plan (its page's address), on a SQLite file in data_dir."""
    settings = Settings(
        database_url=f"sqlite:///{data_dir / 'web.db'}", secret_key=SecretStr("d" * 48)
    )
    app = create_app(settings)
    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as client:
        sign_up(client, "owner@example.com")
        ws = new_workspace(client)
        plan_id = import_plan(client, ws)
        yield client, f"/w/{ws}/p/{plan_id}"
    app.state.web.db.dispose()


def _take_the_file_away(client: TestClient, data_dir: Path) -> None:
    """The database file stops being reachable mid-run: its pooled connections are
    closed and its folder replaced by a plain file, so no connection can open it."""
    client.app.state.web.db.dispose()  # type: ignore[attr-defined]
    data_dir.rename(data_dir.with_name("moved"))
    data_dir.write_text("not a folder", encoding="utf-8")


def _point_at_closed_postgres(client: TestClient) -> Database:
    down = Database.from_url(_postgres_nobody_listens())
    client.app.state.web.db = down  # type: ignore[attr-defined]
    return down


def _count_connects(db: Database) -> list[int]:
    tries = [0]

    def count(*_args: object) -> None:
        tries[0] += 1

    event.listen(db.engine, "do_connect", count)
    return tries


def _assert_page_503(client: TestClient, path: str, lang: str) -> None:
    page = client.get(path, headers={"Accept-Language": lang})
    assert page.status_code == 503, (path, page.status_code, page.text[:300])
    assert page.headers["content-type"].startswith("text/html")
    locale = "zh_TW" if lang.startswith("zh") else "en"
    assert Translator(locale)(CODE) in page.text
    assert "Traceback" not in page.text and "Internal Server Error" not in page.text


def _assert_api_503(client: TestClient) -> None:
    answer = client.get("/api/v1/workspaces", headers={"Authorization": "Bearer aib_x"})
    assert answer.status_code == 503, answer.text
    body = answer.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "fields"}
    assert body["error"]["code"] == CODE and body["error"]["message"]


def test_sqlite_file_gone_mid_run(signed_in: tuple[TestClient, str], data_dir: Path) -> None:
    client, plan_page = signed_in
    assert client.get(plan_page).status_code == 200
    _take_the_file_away(client, data_dir)
    for lang in ("zh-TW,zh;q=0.9", "en"):
        _assert_page_503(client, plan_page, lang)
    _assert_page_503(client, "/workspaces", "zh-TW")
    _assert_api_503(client)


def test_postgres_nobody_listens_and_the_error_path_asks_no_more(
    signed_in: tuple[TestClient, str],
) -> None:
    client, plan_page = signed_in
    tries = _count_connects(_point_at_closed_postgres(client))
    _assert_page_503(client, plan_page, "zh-TW")
    assert tries[0] == 1  # the request's own attempt; the error page asked nothing more
    _assert_api_503(client)


def test_the_language_chosen_in_the_session_is_kept(
    signed_in: tuple[TestClient, str], data_dir: Path
) -> None:
    client, plan_page = signed_in
    page = client.get("/login")
    token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    client.post("/lang", data={"csrf_token": token, "lang": "en", "next": "/login"})
    _take_the_file_away(client, data_dir)
    page = client.get(plan_page, headers={"Accept-Language": "zh-TW"})
    assert page.status_code == 503 and Translator("en")(CODE) in page.text


@pytest.mark.parametrize("command", [["migrate"], ["serve", "--port", "8106"]])
@pytest.mark.parametrize("where", ["postgres", "sqlite"])
def test_start_up_with_no_database_prints_one_short_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], where: str
) -> None:
    if where == "postgres":
        url = _postgres_nobody_listens()
    else:
        (tmp_path / "file").write_text("x", encoding="utf-8")
        url = f"sqlite:///{tmp_path / 'file' / 'web.db'}"  # its folder is a file
    monkeypatch.setenv("AIBUDGET_DATABASE_URL", url)
    monkeypatch.setenv("AIBUDGET_SECRET_KEY", "x" * 48)
    monkeypatch.setenv("AIBUDGET_LOCALE", "zh-TW")
    result = CliRunner().invoke(cli, command)
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert 1 <= len(lines) <= 3, result.output
    assert "Traceback" not in result.output
    assert Translator("zh_TW")("web.cli_database_unavailable", where="", reason="")[:6] in (
        result.output
    )


def test_a_worker_started_with_no_database_says_so_in_two_lines(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``serve --workers N``: each worker builds its own app; the database may be gone by
    then even when the command's own migration reached it."""
    from aibudget.web import factory

    url = _postgres_nobody_listens()
    monkeypatch.setenv("AIBUDGET_DATABASE_URL", url)
    monkeypatch.setenv("AIBUDGET_SECRET_KEY", "x" * 48)
    monkeypatch.setenv("AIBUDGET_LOCALE", "zh-TW")
    with pytest.raises(SystemExit) as stopped:
        factory.app()
    assert stopped.value.code == 2
    said = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(said) == 2 and "Traceback" not in "\n".join(said)
    assert url.split("@", 1)[1].split("/", 1)[0] in said[0]  # where: host and port
