"""Tables of background work: job claims, nightly plan checks, mail settings, password
resets and report files made off the request (migration 0009)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from aibudget.store.models import Base, Id, Stamp, new_id, utcnow


class JobRunRow(Base):
    """One unit of work by its key (e.g. ``check:<version>:<date>``): who holds it, how
    often it was tried, and whether it is done. Makes every job idempotent."""

    __tablename__ = "job_runs"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(10))  # running | done | failed
    task_id: Mapped[str] = mapped_column(String(64))
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    claimed_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(Stamp)
    error: Mapped[str] = mapped_column(String(100), default="")
    plan_id: Mapped[str | None] = mapped_column(
        ForeignKey("plans.id", ondelete="CASCADE"), index=True
    )


class PlanCheckRow(Base):
    """The nightly re-evaluation and review of one plan version on one day."""

    __tablename__ = "plan_checks"
    __table_args__ = (UniqueConstraint("version_id", "day"),)
    id: Mapped[str] = mapped_column(Id, primary_key=True, default=new_id)
    version_id: Mapped[str] = mapped_column(ForeignKey("plan_versions.id", ondelete="CASCADE"))
    plan_id: Mapped[str] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    day: Mapped[date] = mapped_column(Date)
    checked_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)


class MailSettingRow(Base):
    """A user's choice about reminder e-mails (no row: reminders are sent)."""

    __tablename__ = "mail_settings"
    user_id: Mapped[str] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    reminders: Mapped[bool] = mapped_column(Boolean, default=True)


class PasswordResetRow(Base):
    """A password-reset link: the token's SHA-256 only, single use, expiring."""

    __tablename__ = "password_resets"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(Stamp)
    used_at: Mapped[datetime | None] = mapped_column(Stamp)


class ReportJobRow(Base):
    """A report (PDF or XLSX) made by a job: its progress, then its file."""

    __tablename__ = "report_jobs"
    id: Mapped[str] = mapped_column(Id, primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    plan_id: Mapped[str] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    version_id: Mapped[str] = mapped_column(ForeignKey("plan_versions.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    fmt: Mapped[str] = mapped_column(String(10))
    locale: Mapped[str] = mapped_column(String(10))
    progress: Mapped[int] = mapped_column(Integer, default=0)
    content: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    created_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)
