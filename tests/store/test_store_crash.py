"""Killing the process in the middle of saving leaves whole versions, never a broken one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import text

from aibudget.store import audit, plans
from aibudget.store.db import Database
from tests.store.factories import example_plan, user, workspace

SAVES_BEFORE_KILL = 15
WAIT_SECONDS = 60


def test_a_killed_saver_leaves_only_whole_versions(db: Database) -> None:
    alice = user(db, "alice@example.com")
    shop = workspace(db, alice)
    with db.write() as s:
        first = plans.create(s, alice.id, shop.id, "plan", example_plan())
    url = db.engine.url.render_as_string(hide_password=False)
    schema = ""
    if db.engine.dialect.name == "postgresql":
        with db.engine.connect() as conn:
            schema = conn.execute(text("SELECT current_schema()")).scalar_one()
    child = subprocess.Popen(
        [
            sys.executable,
            str(Path(__file__).with_name("saver.py")),
            url,
            schema,
            alice.id,
            shop.id,
            first.plan_id,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parent,
    )
    try:
        assert child.stdout is not None
        deadline = time.monotonic() + WAIT_SECONDS
        seen = 0
        while seen < SAVES_BEFORE_KILL and time.monotonic() < deadline:
            if not child.stdout.readline():
                break
            seen += 1
        assert seen == SAVES_BEFORE_KILL, child.stderr.read() if child.stderr else ""
        os.kill(child.pid, signal.SIGKILL)  # mid-loop: some save is usually in flight
    finally:
        child.kill()
        child.wait(timeout=10)
    with db.session() as s:
        history = plans.versions(s, alice.id, shop.id, first.plan_id)
        numbers = sorted(v.number for v in history)
        assert numbers == list(range(1, len(numbers) + 1))
        assert len(numbers) >= SAVES_BEFORE_KILL + 1
        for number in numbers:  # every stored document is a whole, valid plan
            assert plans.version(s, alice.id, shop.id, first.plan_id, number).plan.tools
        saved = [e for e in audit.entries(s, shop.id, limit=500) if e.action == "version.saved"]
        assert len(saved) == len(numbers)  # the log row commits with its version
    if db.engine.dialect.name == "sqlite":
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
