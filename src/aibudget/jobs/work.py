"""The jobs as plain functions: each claims its key, works, and stores its result with
the key marked done in one transaction (see :mod:`aibudget.store.job_runs`). The queue
binding (:mod:`aibudget.jobs.queue`) calls them on a worker or in-process alike.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from aibudget.engine.checks import check_plan
from aibudget.jobs import mail
from aibudget.jobs.settings import JobSettings
from aibudget.reports import ReportMeta, gather, render
from aibudget.service.reports import report_inputs
from aibudget.store import checks, confirmations, job_runs, mail_accounts, reports_jobs
from aibudget.store.checks import Target
from aibudget.store.db import Database

REMIND = "remind"
RESET = "reset"
SIGN_UP = "signup"
NEW_ACCOUNT = "new"  # a sign-up made an account: the link that confirms it
TAKEN = "taken"  # the address has an account: a notice with sign-in and reset links
REPORT = "report"
PROGRESS_STEP = 5  # a report's progress is written at most every 5 percent
SIMULATION_SHARE = 80  # of a report's progress; the rest is writing the file
REPORT_OPTIMISER_SECONDS = Decimal(60)  # on a worker, off the request, it may take longer


@dataclass(frozen=True)
class JobContext:
    db: Database
    settings: JobSettings

    @property
    def stale_after(self) -> timedelta:
        """A claim older than this is taken over (its message has been delivered again)."""
        return timedelta(seconds=self.settings.job_visibility_seconds)

    def today(self) -> date:
        """The day in the workspace time zone (checks are kept per version and day)."""
        return datetime.now(self.settings.zone).date()


def _claim(ctx: JobContext, key: str, kind: str, task_id: str, plan_id: str | None) -> bool:
    with ctx.db.write() as s:
        return job_runs.claim(s, key, kind, task_id, ctx.stale_after, plan_id)


def live_targets(ctx: JobContext) -> list[Target]:
    """The versions the nightly check covers."""
    with ctx.db.session() as s:
        return checks.live_versions(s)


def check_version(ctx: JobContext, version_id: str, day: date, task_id: str) -> bool:
    """Re-evaluate and review one version on ``day``; False when already done (or the
    version is gone)."""
    key = checks.check_key(version_id, day)
    with ctx.db.session() as s:
        subject = checks.subject(s, version_id)
    if subject is None or not _claim(ctx, key, checks.CHECK, task_id, subject.plan_id):
        return False
    result = check_plan(subject.plan, subject.actuals, day)
    with ctx.db.write() as s:
        saved = checks.save(s, subject, result)
        job_runs.finish(s, key)
    return saved


def reminder_key(kind: str, period: str, user_id: str) -> str:
    return f"{REMIND}:{kind}:{period}:{user_id}"


def reminder_users(ctx: JobContext) -> list[str]:
    with ctx.db.session() as s:
        return [r.user.id for r in mail_accounts.recipients(s)]


def send_reminder(ctx: JobContext, kind: str, period: str, user_id: str, task_id: str) -> bool:
    """The ``kind`` reminder of ``period`` to one user (once per user and period)."""
    with ctx.db.session() as s:
        found = mail_accounts.recipients(s, user_id)
    if not found or not _claim(ctx, reminder_key(kind, period, user_id), REMIND, task_id, None):
        return False
    mail.send(ctx.settings, mail.reminder(ctx.settings, kind, period, found[0]))
    with ctx.db.write() as s:
        job_runs.finish(s, reminder_key(kind, period, user_id))
    return True


def reset_key(request_id: str) -> str:
    return f"{RESET}:{request_id}"


def send_reset(ctx: JobContext, email: str, request_id: str, task_id: str) -> bool:
    """A reset link to the account of ``email``, if there is one (nothing otherwise: the
    page says the same either way)."""
    key = reset_key(request_id)
    if not _claim(ctx, key, RESET, task_id, None):
        return False
    with ctx.db.write() as s:
        made = mail_accounts.create_reset(s, email, ctx.settings.reset_minutes)
    if made is not None:
        mail.send(ctx.settings, mail.reset(ctx.settings, *made))
    with ctx.db.write() as s:
        job_runs.finish(s, key)
    return made is not None


def sign_up_key(request_id: str) -> str:
    return f"{SIGN_UP}:{request_id}"


def send_sign_up(
    ctx: JobContext, email: str, kind: str, next_path: str, request_id: str, task_id: str
) -> bool:
    """The mail of a sign-up (the page said the same in both cases): for a new account
    the link that confirms it, for a taken address a notice with a working reset link.
    Nothing when the account is gone or confirmed meanwhile."""
    key = sign_up_key(request_id)
    if not _claim(ctx, key, SIGN_UP, task_id, None):
        return False
    settings = ctx.settings
    with ctx.db.write() as s:
        if kind == NEW_ACCOUNT:
            made = confirmations.create_link(s, email, settings.confirm_hours, next_path)
        else:
            made = mail_accounts.create_reset(s, email, settings.reset_minutes)
    if made is not None:
        build = mail.confirm if kind == NEW_ACCOUNT else mail.sign_up_taken
        mail.send(settings, build(settings, *made))
    with ctx.db.write() as s:
        job_runs.finish(s, key)
    return made is not None


def _progress_writer(ctx: JobContext, report_id: str) -> Callable[[int, int], None]:
    shown = [0]

    def progress(done: int, total: int) -> None:
        percent = SIMULATION_SHARE * done // max(total, 1)
        if percent - shown[0] >= PROGRESS_STEP:
            shown[0] = percent
            with ctx.db.write() as s:
                reports_jobs.set_progress(s, report_id, percent)

    return progress


def render_report(
    ctx: JobContext, report_id: str, trials: int, optimiser_seconds: Decimal, task_id: str
) -> bool:
    """Make a report file (PDF or XLSX) with ``trials`` simulation trials and the
    optimiser capped at ``optimiser_seconds``, and keep it for its download."""
    with ctx.db.session() as s:
        job = reports_jobs.job_subject(s, report_id)
    if job is None or not _claim(
        ctx, reports_jobs.report_key(report_id), REPORT, task_id, job.plan_id
    ):
        return False
    meta = ReportMeta(
        generated=ctx.today(),
        version=f"v{job.number}",
        state=job.status,
        note=job.note,
    )
    # What a direct download is made from: the workspace's catalog, the owner's worries
    # and the learning log too (read as the requester would see them).
    made_of = report_inputs(ctx.db, job.user_id, job.workspace_id, job.plan_id, job.number)
    data = gather(
        made_of.version.plan,
        meta,
        actuals=made_of.recorded if made_of.recorded.records else None,
        trials=trials,
        optimiser_seconds=optimiser_seconds,
        progress=_progress_writer(ctx, report_id),
        catalog=made_of.catalog.entries,
        worries=made_of.worries,
        learning=made_of.learning,
    )
    content = render(data, job.fmt, job.translator)
    with ctx.db.write() as s:
        reports_jobs.store(s, report_id, content)
        job_runs.finish(s, reports_jobs.report_key(report_id))
    return True


def give_up(ctx: JobContext, key: str, message_id: str) -> None:
    """Record that the job of ``key`` failed after its retries (shown to the owner)."""
    with ctx.db.write() as s:
        job_runs.fail(s, key, message_id)
