"""The scheduler: what it enqueues when, and that the command stops on SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from aibudget.jobs.mail import Reminder
from aibudget.jobs.queue import period_of, schedule

ROOT = Path(__file__).resolve().parents[2]


def test_checks_run_nightly_and_reminders_on_the_first_of_the_month_and_quarter() -> None:
    plan = schedule(check_hour=2, reminder_hour=9)
    nightly = plan["nightly-checks"]["schedule"]
    assert (nightly.hour, nightly.minute) == ({2}, {0})
    assert nightly.day_of_month == set(range(1, 32))
    monthly, quarterly = plan["monthly-actuals"], plan["quarterly-review"]
    assert monthly["args"] == (Reminder.ACTUALS,) and quarterly["args"] == (Reminder.REVIEW,)
    assert monthly["schedule"].day_of_month == {1} and monthly["schedule"].hour == {9}
    assert monthly["schedule"].month_of_year == set(range(1, 13))
    assert quarterly["schedule"].month_of_year == {1, 4, 7, 10}


def test_reminders_are_kept_per_month_and_per_quarter() -> None:
    quarters = {period_of(Reminder.REVIEW, date(2027, m, 1)) for m in range(1, 13)}
    assert quarters == {"2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"}
    assert period_of(Reminder.REVIEW, date(2027, 6, 30)) == "2027-Q2"
    assert period_of(Reminder.ACTUALS, date(2027, 2, 1)) == "2027-02"


def test_the_scheduler_command_stops_on_sigterm(tmp_path: Path) -> None:
    env = os.environ | {
        "PYTHONPATH": str(ROOT / "src"),
        "AIBUDGET_DATABASE_URL": f"sqlite:///{tmp_path / 'a.db'}",
        "AIBUDGET_SECRET_KEY": "k" * 48,
        "AIBUDGET_SCHEDULE_FILE": str(tmp_path / "schedule"),
        "AIBUDGET_LOCALE": "en",
    }
    process = subprocess.Popen(
        [sys.executable, "-c", "from aibudget.cli import main; main()", "scheduler"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline().decode()
        assert "Scheduler running" in first
        time.sleep(2)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert (tmp_path / "schedule").exists() or any(tmp_path.glob("schedule*"))
