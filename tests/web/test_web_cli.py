from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aibudget.cli import app
from aibudget.cli.web import DEMO_EMAIL, DEMO_PASSWORD
from aibudget.store import actuals, plans, users, workspaces
from aibudget.store.db import Database
from tests.web.helpers import EXAMPLE

ACTUALS = EXAMPLE.with_name("taipei-cafe-actuals.csv")


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
        result = runner.invoke(app, ["demo-load", str(EXAMPLE), "--actuals", str(ACTUALS)])
        assert result.exit_code == 0, result.output
        assert DEMO_EMAIL in result.output and DEMO_PASSWORD in result.output
    db = Database.from_url(url)
    with db.write() as s:
        user = users.authenticate(s, DEMO_EMAIL, DEMO_PASSWORD)
        assert user is not None and user.locale == "zh_TW"
        (space,) = workspaces.list_for(s, user.id)
        (plan,) = plans.list_plans(s, user.id, space.id)
        stored = actuals.get(s, user.id, space.id, plan.id, "TWD")
    db.dispose()
    rows = [r for r in csv.DictReader(ACTUALS.open(encoding="utf-8-sig")) if r["Amount"]]
    spent = sum((r.amount or Decimal(0) for r in stored.records), Decimal(0))
    assert spent == sum(Decimal(r["Amount"]) for r in rows)  # loaded once, all of it
    assert stored.months() == ["2027-01", "2027-02", "2027-03"]


def test_demo_actuals_with_a_problem_load_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    monkeypatch.setenv("AIBUDGET_DATABASE_URL", url)
    monkeypatch.setenv("AIBUDGET_SECRET_KEY", "x" * 48)
    bad = tmp_path / "bad.csv"
    bad.write_text(ACTUALS.read_text(encoding="utf-8-sig").replace("1625", "-1625", 1))
    runner = CliRunner()
    assert runner.invoke(app, ["migrate"]).exit_code == 0
    result = runner.invoke(app, ["demo-load", str(EXAMPLE), "--actuals", str(bad)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    db = Database.from_url(url)
    with db.session() as s:
        assert users.count(s) == 0  # nothing loaded, not even the account
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

    from aibudget.cli.web import tcp_listener

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
