"""Today's same report is reused until the plan's actuals change (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from aibudget.domain.actuals import ActualRecord
from aibudget.store import actuals, job_runs, plans, reports_jobs
from aibudget.store.db import Database
from tests.jobs.factories import owner_with_plan

MIDNIGHT = datetime.now(UTC) - timedelta(hours=1)


def test_a_report_is_reused_until_the_actuals_change_or_it_failed(db: Database) -> None:
    owner, space, saved = owner_with_plan(db, "a@example.com")
    with db.session() as s:
        version = plans.version(s, owner.id, space.id, saved.plan_id, 1)
    with db.write() as s:
        job = reports_jobs.create(s, owner.id, version, "pdf", "zh_TW")
    with db.session() as s:
        assert reports_jobs.reusable(s, owner.id, version, "pdf", "zh_TW", MIDNIGHT) == job
        assert reports_jobs.reusable(s, owner.id, version, "xlsx", "zh_TW", MIDNIGHT) is None
        assert reports_jobs.reusable(s, owner.id, version, "pdf", "en", MIDNIGHT) is None
    record = ActualRecord(month="2027-01", tool="plan", line="advice", amount=Decimal(100))
    with db.write() as s:
        actuals.add(s, owner.id, space.id, saved.plan_id, "TWD", [record])
    with db.session() as s:
        assert reports_jobs.reusable(s, owner.id, version, "pdf", "zh_TW", MIDNIGHT) is None
    with db.write() as s:
        again = reports_jobs.create(s, owner.id, version, "pdf", "zh_TW")
        job_runs.claim(s, reports_jobs.report_key(again), "report", "t", timedelta(hours=1))
        job_runs.fail(s, reports_jobs.report_key(again), "jobs.failed.report")
    with db.session() as s:
        assert reports_jobs.reusable(s, owner.id, version, "pdf", "zh_TW", MIDNIGHT) is None
