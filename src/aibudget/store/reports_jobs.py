"""Reports made by jobs: asked for on a page, made on a worker, downloaded when done."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from aibudget.domain.actuals import Actuals
from aibudget.domain.plan import Plan
from aibudget.i18n import Translator
from aibudget.reports import Format
from aibudget.store import job_runs, plans
from aibudget.store.checks import subject
from aibudget.store.errors import NotFound
from aibudget.store.job_runs import RunStatus
from aibudget.store.models import PlanVersionRow, aware
from aibudget.store.models_actuals import PlanActualsRow
from aibudget.store.models_jobs import JobRunRow, ReportJobRow
from aibudget.store.records import PlanVersion, Record

DONE = 100


def report_key(job_id: str) -> str:
    return f"report:{job_id}"


class ReportJob(Record):
    id: str
    plan_id: str
    number: int
    fmt: str
    progress: int
    state: RunStatus | None  # None: waiting for a worker
    error: str


class ReportSubject(Record):
    user_id: str  # who asked for it: the report is made as they would download it
    workspace_id: str
    plan_id: str
    number: int
    status: str
    note: str
    fmt: Format
    locale: str
    plan: Plan
    actuals: Actuals

    @property
    def translator(self) -> Translator:
        return Translator(self.locale)


def create(session: Session, user_id: str, version: PlanVersion, fmt: str, locale: str) -> str:
    row = ReportJobRow(
        user_id=user_id,
        plan_id=version.plan_id,
        version_id=version.id,
        number=version.number,
        fmt=fmt,
        locale=locale,
        progress=0,
    )
    session.add(row)
    session.flush()
    return row.id


def reusable(
    session: Session, user_id: str, version: PlanVersion, fmt: str, locale: str, since: datetime
) -> str | None:
    """A report job of the user for the same version, format and language, asked for
    after ``since`` and after the plan's actuals last changed, that has not failed: the
    same report (None when there is none)."""
    changed = session.scalar(
        select(PlanActualsRow.updated_at).where(PlanActualsRow.plan_id == version.plan_id)
    )
    since = since.astimezone(UTC)  # stored times are UTC
    after = max(since, aware(changed)) if changed else since
    failed = select(JobRunRow.key).where(JobRunRow.status == RunStatus.FAILED)
    return session.scalar(
        select(ReportJobRow.id)
        .where(
            ReportJobRow.user_id == user_id,
            ReportJobRow.version_id == version.id,
            ReportJobRow.fmt == fmt,
            ReportJobRow.locale == locale,
            ReportJobRow.created_at >= after,
            ("report:" + ReportJobRow.id).not_in(failed),
        )
        .order_by(ReportJobRow.created_at.desc())
        .limit(1)
    )


def _row(
    session: Session, user_id: str, workspace_id: str, plan_id: str, job_id: str
) -> ReportJobRow:
    plans.summary(session, user_id, workspace_id, plan_id)  # NotFound outside the workspace
    row = session.get(ReportJobRow, job_id)
    if row is None or row.plan_id != plan_id or row.user_id != user_id:
        raise NotFound()
    return row


def get(session: Session, user_id: str, workspace_id: str, plan_id: str, job_id: str) -> ReportJob:
    """A report job as its requester sees it (NotFound for anyone else)."""
    row = _row(session, user_id, workspace_id, plan_id, job_id)
    found = job_runs.status(session, report_key(job_id))
    return ReportJob(
        id=row.id,
        plan_id=row.plan_id,
        number=row.number,
        fmt=row.fmt,
        progress=row.progress,
        state=found[0] if found else None,
        error=found[1] if found else "",
    )


def content(session: Session, user_id: str, workspace_id: str, plan_id: str, job_id: str) -> bytes:
    row = _row(session, user_id, workspace_id, plan_id, job_id)
    if row.content is None:
        raise NotFound()
    return row.content


def job_subject(session: Session, job_id: str) -> ReportSubject | None:
    row = session.get(ReportJobRow, job_id)
    if row is None:
        return None
    found = subject(session, row.version_id)
    if found is None:
        return None
    status, note = session.execute(
        select(PlanVersionRow.status, PlanVersionRow.note).where(
            PlanVersionRow.id == row.version_id
        )
    ).one()
    return ReportSubject(
        user_id=row.user_id,
        workspace_id=found.workspace_id,
        plan_id=row.plan_id,
        number=row.number,
        status=status,
        note=note,
        fmt=row.fmt,
        locale=row.locale,
        plan=found.plan,
        actuals=found.actuals,
    )


def set_progress(session: Session, job_id: str, percent: int) -> None:
    session.execute(
        update(ReportJobRow).where(ReportJobRow.id == job_id).values(progress=min(percent, DONE))
    )


def store(session: Session, job_id: str, data: bytes) -> None:
    session.execute(
        update(ReportJobRow).where(ReportJobRow.id == job_id).values(content=data, progress=DONE)
    )
