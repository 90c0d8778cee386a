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
    with db.write() as s:
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


def test_the_workers_listening_socket_turns_nagle_off_on_every_connection() -> None:
    """With --workers N the shared socket must say it is TCP, or asyncio leaves Nagle's
    algorithm on and every small answer waits ~40 ms for the client's delayed ACK."""
    import asyncio
    import socket
    import threading

    import uvicorn

    from aibudget.cli_web import tcp_listener

    listener = tcp_listener(uvicorn.Config("x:app", host="127.0.0.1", port=0, workers=2))
    seen: list[int] = []

    async def main() -> None:
        def accepted(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            sock = writer.get_extra_info("socket")
            seen.append(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(accepted, sock=listener)
        _, writer = await asyncio.open_connection(*listener.getsockname()[:2])
        for _ in range(100):
            if seen:
                break
            await asyncio.sleep(0.01)
        writer.close()
        server.close()
        await server.wait_closed()

    # a thread of its own: another test may have left an event loop running in this one
    runner = threading.Thread(target=asyncio.run, args=(main(),))
    runner.start()
    runner.join(timeout=10)
    assert listener.proto == socket.IPPROTO_TCP
    assert seen and seen[0] != 0
