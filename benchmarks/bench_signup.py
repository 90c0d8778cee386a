"""Does the sign-up page take as long for a taken address as for a new one?

The app in this process (the real argon2 parameters, jobs in-process) with a mail server
on loopback (aiosmtpd): sign-ups alternate between an address that has an account and a
new one, each from a fresh browser, a bounded number of times. Prints the median and p90
of each kind and their ratio (goal: within 10% of each other: the password is hashed
either way and each sends one mail), with the load average.

Run: .venv/bin/python benchmarks/bench_signup.py [--rounds 40]
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import tempfile
import time
from pathlib import Path

from aiosmtpd.controller import Controller
from fastapi.testclient import TestClient
from pydantic import SecretStr

from aibudget.jobs.settings import JobSettings, SmtpSecurity
from aibudget.settings import Settings
from aibudget.store import users
from aibudget.web import create_app

PASSWORD = "correct horse battery"
TAKEN = "taken@example.com"
GOAL_RATIO = 1.10
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


class Sink:
    def __init__(self) -> None:
        self.count = 0

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.count += 1
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _one(app: object, email: str) -> float:
    with TestClient(app, base_url="http://127.0.0.1") as browser:  # type: ignore[arg-type]
        found = CSRF.search(browser.get("/signup").text)
        assert found
        form = {"csrf_token": found.group(1), "email": email, "name": "N", "password": PASSWORD}
        start = time.perf_counter()
        answer = browser.post("/signup", data=form)
        took = time.perf_counter() - start
    assert answer.status_code == 200, answer.text[:200]
    return took


def _summary(name: str, times: list[float]) -> float:
    ordered = sorted(times)
    median = statistics.median(times)
    p90 = ordered[int(0.9 * (len(ordered) - 1))]
    print(
        f"  {name:<14} n={len(times):>3}  median={median * 1000:7.1f} ms  p90={p90 * 1000:7.1f} ms"
    )
    return median


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=40, help="sign-ups of each kind")
    rounds = max(1, min(parser.parse_args().rounds, 400))  # at most 2 x 400 + 2 mails
    sink, port = Sink(), _free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            settings = Settings(
                database_url=f"sqlite:///{Path(tmp) / 'signup.db'}",
                secret_key=SecretStr("b" * 48),
                signups_per_hour=100_000,
                login_attempts=1000,  # the per-address mail allowance, for the run
            )
            jobs = JobSettings(
                jobs_in_process=True,
                smtp_host="127.0.0.1",
                smtp_port=port,
                smtp_security=SmtpSecurity.NONE,
            )
            app = create_app(settings, jobs=jobs)
            with app.state.web.db.write() as s:
                users.create(s, TAKEN, "Taken", PASSWORD)
            _one(app, TAKEN), _one(app, "warm@example.com")  # untimed: templates, pools
            taken, new = [], []
            for i in range(rounds):
                taken.append(_one(app, TAKEN))
                new.append(_one(app, f"new{i}@example.com"))
            app.state.web.db.dispose()
    finally:
        controller.stop()
    print(f"sign-up, taken vs new address; load average {os.getloadavg()[0]:.1f}")
    a, b = _summary("taken address", taken), _summary("new address", new)
    ratio = max(a, b) / min(a, b)
    verdict = "ok" if ratio <= GOAL_RATIO else "OVER THE GOAL"
    print(
        f"  ratio of medians {ratio:.2f} (goal <= {GOAL_RATIO:.2f}: {verdict}); mails {sink.count}"
    )


if __name__ == "__main__":
    main()
