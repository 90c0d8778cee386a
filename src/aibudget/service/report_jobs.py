"""Reports made by jobs, as the pages and the API start and follow them (the queue, the
rate limit and the job itself stay with their callers: :mod:`aibudget.web.jobs_panel`,
:mod:`aibudget.jobs.work`)."""

from __future__ import annotations

from datetime import datetime

from aibudget.store import reports_jobs
from aibudget.store.db import Database
from aibudget.store.records import PlanVersion
from aibudget.store.reports_jobs import ReportJob


def reusable(
    db: Database, user_id: str, version: PlanVersion, fmt: str, locale: str, since: datetime
) -> str | None:
    """The user's same report asked for since ``since`` (and since the actuals last
    changed), made or being made; None when there is none."""
    with db.session() as s:
        return reports_jobs.reusable(s, user_id, version, fmt, locale, since)


def create(db: Database, user_id: str, version: PlanVersion, fmt: str, locale: str) -> str:
    """A new report job, waiting for its worker (its id)."""
    with db.write() as s:
        return reports_jobs.create(s, user_id, version, fmt, locale)


def job(db: Database, user_id: str, ws: str, plan_id: str, job_id: str) -> ReportJob:
    """A report job as its requester sees it (NotFound for anyone else)."""
    with db.session() as s:
        return reports_jobs.get(s, user_id, ws, plan_id, job_id)
