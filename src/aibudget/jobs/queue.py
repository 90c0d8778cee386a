"""The jobs on a Celery queue with Redis as broker, or in-process behind one switch.

``AIBUDGET_JOBS_IN_PROCESS=true`` (the laptop default) sets Celery's ``task_always_eager``:
``enqueue`` runs the same task, with the same retries, in the calling process; no broker
is contacted. Otherwise the message goes to Redis and a worker (``aibudget worker``)
runs it.

Every task is acknowledged late (after it finished) and rejected back to the queue when
its worker process is lost; a worker killed outright leaves its message unacknowledged in
Redis, which hands it out again after ``AIBUDGET_JOB_VISIBILITY_SECONDS``. Tasks retry
with exponential back-off (with jitter, at most ten minutes apart); after
``AIBUDGET_JOB_RETRIES`` the failure is recorded for the owner to see.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from celery import Celery, Task
from celery.schedules import crontab

from aibudget.domain.months import month_of
from aibudget.domain.texts import N_
from aibudget.jobs import work
from aibudget.jobs.mail import MailNotConfigured, Reminder
from aibudget.jobs.work import JobContext
from aibudget.store import checks, reports_jobs

BACKOFF_MAX_SECONDS = 600
RESTORE_EVERY_MAX = 60
FAILED = {
    "check": N_("jobs.failed.check"),
    "remind": N_("jobs.failed.mail"),
    "reset": N_("jobs.failed.mail"),
    "signup": N_("jobs.failed.mail"),
    "report": "jobs.failed.report",
}


class JobTask(Task):  # type: ignore[misc]
    """Late acknowledgement, retries with back-off, and the failure recorded at the end."""

    acks_late = True
    reject_on_worker_lost = True
    autoretry_for = (Exception,)
    dont_autoretry_for = (MailNotConfigured,)
    retry_backoff = True
    retry_backoff_max = BACKOFF_MAX_SECONDS
    retry_jitter = True
    key_of: Any = None  # the job's claim key from its arguments (None: nothing to record)

    def on_failure(
        self, exc: BaseException, task_id: str, args: Any, kwargs: Any, einfo: Any
    ) -> None:
        if self.key_of is None:
            return
        key = self.key_of(*args, **kwargs)
        work.give_up(self.app.aibudget, key, FAILED[key.partition(":")[0]])


def _context(task: Task) -> JobContext:
    context: JobContext = task.app.aibudget
    return context


def make_queue(context: JobContext) -> Celery:
    """The Celery app for ``context`` with the aibudget tasks and the schedule."""
    settings = context.settings
    app = Celery("aibudget", broker=settings.broker_url, set_as_current=False)
    app.aibudget = context
    app.conf.update(
        task_always_eager=settings.jobs_in_process,
        task_eager_propagates=False,
        task_default_queue=settings.job_queue,
        task_serializer="json",
        accept_content=["json"],
        task_ignore_result=True,
        worker_prefetch_multiplier=1,
        worker_hijack_root_logger=False,
        broker_connection_retry_on_startup=True,
        broker_transport_options=transport_options(settings.job_visibility_seconds),
        timezone=settings.timezone,
        beat_schedule=schedule(settings.check_hour, settings.reminder_hour),
    )
    _register(app, settings.job_retries)
    return app


def transport_options(visibility: int) -> dict[str, int]:
    """Redis hands a message out again ``visibility`` seconds after a worker took it
    without acknowledging it; each worker looks for such messages every half of that
    (at most every minute)."""
    return {
        "visibility_timeout": visibility,
        "unacked_restore_interval": max(1, min(RESTORE_EVERY_MAX, visibility // 2)),
        "unacked_restore_throttle": 1,
    }


def schedule(check_hour: int, reminder_hour: int) -> dict[str, dict[str, Any]]:
    """Nightly checks; the actuals reminder on the 1st of each month; the review
    reminder on the 1st of each quarter (in the workspace time zone)."""
    return {
        "nightly-checks": {
            "task": "aibudget.check_all",
            "schedule": crontab(minute=0, hour=check_hour),
        },
        "monthly-actuals": {
            "task": "aibudget.remind_all",
            "schedule": crontab(minute=0, hour=reminder_hour, day_of_month=1),
            "args": (Reminder.ACTUALS,),
        },
        "quarterly-review": {
            "task": "aibudget.remind_all",
            "schedule": crontab(
                minute=0, hour=reminder_hour, day_of_month=1, month_of_year="1,4,7,10"
            ),
            "args": (Reminder.REVIEW,),
        },
    }


def period_of(kind: str, day: date) -> str:
    """The period a reminder is for: ``2026-12`` (month) or ``2026-Q4`` (quarter)."""
    if kind == Reminder.REVIEW:
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return month_of(day)


def _register(app: Celery, retries: int) -> None:
    options: dict[str, Any] = {
        "base": JobTask, "bind": True, "max_retries": retries, "shared": False
    }  # fmt: skip

    @app.task(name="aibudget.check_version", **options)  # type: ignore[untyped-decorator]
    def check_version(self: Task, version_id: str, day: str) -> bool:
        return work.check_version(
            _context(self), version_id, date.fromisoformat(day), self.request.id
        )

    check_version.key_of = lambda version_id, day: checks.check_key(
        version_id, date.fromisoformat(day)
    )

    @app.task(name="aibudget.check_all", **options)  # type: ignore[untyped-decorator]
    def check_all(self: Task, day: str = "") -> int:
        context = _context(self)
        when = day or context.today().isoformat()
        targets = work.live_targets(context)
        for target in targets:
            check_version.apply_async((target.version_id, when))
        return len(targets)

    @app.task(name="aibudget.send_reminder", **options)  # type: ignore[untyped-decorator]
    def send_reminder(self: Task, kind: str, period: str, user_id: str) -> bool:
        return work.send_reminder(_context(self), kind, period, user_id, self.request.id)

    send_reminder.key_of = work.reminder_key

    @app.task(name="aibudget.remind_all", **options)  # type: ignore[untyped-decorator]
    def remind_all(self: Task, kind: str, period: str = "") -> int:
        context = _context(self)
        when = period or period_of(kind, context.today())
        users = work.reminder_users(context)
        for user_id in users:
            send_reminder.apply_async((kind, when, user_id))
        return len(users)

    @app.task(name="aibudget.send_reset", **options)  # type: ignore[untyped-decorator]
    def send_reset(self: Task, email: str, request_id: str) -> bool:
        return work.send_reset(_context(self), email, request_id, self.request.id)

    send_reset.key_of = lambda _email, request_id: work.reset_key(request_id)

    @app.task(name="aibudget.send_sign_up", **options)  # type: ignore[untyped-decorator]
    def send_sign_up(self: Task, email: str, kind: str, next_path: str, request_id: str) -> bool:
        return work.send_sign_up(
            _context(self), email, kind, next_path, request_id, self.request.id
        )

    send_sign_up.key_of = lambda _email, _kind, _next, request_id: work.sign_up_key(request_id)

    @app.task(name="aibudget.render_report", **options)  # type: ignore[untyped-decorator]
    def render_report(self: Task, report_id: str, trials: int, seconds: str) -> bool:
        context = _context(self)
        return work.render_report(context, report_id, trials, Decimal(seconds), self.request.id)

    render_report.key_of = lambda report_id, *_: reports_jobs.report_key(report_id)


def enqueue(app: Celery, name: str, *args: Any) -> None:
    """Put the job ``name`` on the queue (or run it now, in-process)."""
    app.tasks[f"aibudget.{name}"].apply_async(args)
