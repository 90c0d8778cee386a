"""Claims on units of work, so that every job is idempotent and none is lost.

A job claims its key before working and marks it done in the same transaction as its
result. The key is free when nobody holds it, when it failed before, when its holder is
the same task (a message delivered again after its worker died) or when the holder has
not finished within ``stale_after``. A key that is done is never worked on again.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from aibudget.store.db import locked, read
from aibudget.store.models import aware, utcnow
from aibudget.store.models_jobs import JobRunRow


class RunStatus(StrEnum):
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


def _free(row: JobRunRow, task_id: str, now: datetime, stale_after: timedelta) -> bool:
    if row.status == RunStatus.DONE:
        return False
    if row.status == RunStatus.FAILED or row.task_id == task_id:
        return True
    return now - aware(row.claimed_at) >= stale_after


def claim(
    session: Session,
    key: str,
    kind: str,
    task_id: str,
    stale_after: timedelta,
    plan_id: str | None = None,
) -> bool:
    """True when this task may do the work of ``key`` now (and holds it)."""
    now = utcnow()
    row = locked(session, JobRunRow, key)
    if row is None:
        row = JobRunRow(
            key=key, kind=kind, status=RunStatus.RUNNING, task_id=task_id, attempts=1,
            claimed_at=now, error="", plan_id=plan_id,
        )  # fmt: skip
        session.add(row)
        try:
            with session.begin_nested():
                session.flush()
        except IntegrityError:  # another worker claimed the same key at the same moment
            return False
        return True
    if not _free(row, task_id, now, stale_after):
        return False
    row.status, row.task_id, row.claimed_at = RunStatus.RUNNING, task_id, now
    row.attempts += 1
    row.error = ""
    return True


def finish(session: Session, key: str) -> None:
    row = locked(session, JobRunRow, key)
    if row is not None:
        row.status, row.finished_at, row.error = RunStatus.DONE, utcnow(), ""


def fail(session: Session, key: str, error: str) -> None:
    """The job gave up (after its retries): the owner is told in words (``error`` is the
    message id)."""
    row = locked(session, JobRunRow, key)
    if row is not None:
        row.status, row.finished_at, row.error = RunStatus.FAILED, utcnow(), error[:100]


def status(session: Session, key: str) -> tuple[RunStatus, str] | None:
    row = session.execute(
        select(JobRunRow.status, JobRunRow.error).where(JobRunRow.key == key)
    ).first()
    return (RunStatus(row.status), row.error) if row else None


# Asked by every plan page: plain SQL, built once.
_NEWEST_ENDED = (
    select(JobRunRow.status, JobRunRow.error)
    .where(JobRunRow.plan_id == bindparam("plan_id"), JobRunRow.kind == bindparam("kind"))
    .where(JobRunRow.status != RunStatus.RUNNING)
    .order_by(JobRunRow.claimed_at.desc())
    .limit(1)
)


def failed_for_plan(session: Session, plan_id: str, kind: str) -> str | None:
    """The message id of the plan's newest failed job of ``kind`` if it failed after its
    newest success, else None."""
    rows = read(session, _NEWEST_ENDED, plan_id=plan_id, kind=kind).first()
    return rows.error if rows is not None and rows.status == RunStatus.FAILED else None
