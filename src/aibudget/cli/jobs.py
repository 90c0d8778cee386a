"""``aibudget worker``, ``aibudget scheduler`` and ``aibudget check-plans``: background
work (see docs/hosted.md)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from aibudget.cli.common import translator
from aibudget.cli.web import _migrated, _settings
from aibudget.domain.message_ids import N_

if TYPE_CHECKING:
    from celery import Celery

    from aibudget.i18n import Translator
    from aibudget.jobs.settings import JobSettings


def _job_settings(t: Translator) -> JobSettings:
    from pydantic import ValidationError

    from aibudget.jobs.settings import JobSettings

    try:
        return JobSettings()
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            typer.secho(t("web.cli_settings_invalid", detail=err["msg"]), fg="red", err=True)
        raise typer.Exit(code=2) from None


def _queue(t: Translator) -> tuple[Celery, JobSettings]:
    from aibudget.jobs.runtime import queue_for

    settings, jobs = _settings(t), _job_settings(t)
    db, _ = _migrated(settings)
    return queue_for(db, jobs), jobs


def worker(
    processes: Annotated[
        int, typer.Option(min=1, max=64, help="Jobs run side by side (one process each).")
    ] = 1,
) -> None:
    """Run jobs from the queue until stopped (SIGTERM finishes the job at hand first)."""
    t = translator(None)
    app, jobs = _queue(t)
    if jobs.jobs_in_process:
        typer.secho(t("jobs.cli.in_process"), fg="red", err=True)
        raise typer.Exit(code=2)
    pool = ["--pool", "solo"] if processes == 1 else ["--pool", "prefork", "-c", str(processes)]
    if processes > 1:
        from aibudget.jobs.runtime import fresh_connections_in_children

        fresh_connections_in_children(app)
    app.worker_main(
        [
            "worker",
            "--queues", jobs.job_queue,
            "--loglevel", "INFO",
            "--without-gossip", "--without-mingle", "--without-heartbeat",
            *pool,
        ]
    )  # fmt: skip


def scheduler() -> None:
    """Enqueue the nightly plan checks and the monthly and quarterly reminders on time
    (in-process when AIBUDGET_JOBS_IN_PROCESS is true). Stops on SIGTERM or Ctrl-C."""
    from aibudget.settings import data_dir

    t = translator(None)
    app, jobs = _queue(t)
    path = Path(jobs.schedule_file) if jobs.schedule_file else data_dir() / "schedule"
    path.parent.mkdir(parents=True, exist_ok=True)
    typer.echo(t("jobs.cli.scheduler", zone=jobs.timezone, hour=jobs.check_hour))
    app.Beat(schedule=str(path), max_interval=60, loglevel="INFO").run()


def check_plans() -> None:
    """Check every live or approved plan now (on the workers, or here in-process)."""
    from aibudget.jobs.queue import enqueue

    t = translator(None)
    app, jobs = _queue(t)
    enqueue(app, "check_all")
    key = N_("jobs.cli.checked") if jobs.jobs_in_process else N_("jobs.cli.enqueued")
    typer.echo(t(key))


def register(app: typer.Typer) -> None:
    app.command()(worker)
    app.command()(scheduler)
    app.command(name="check-plans")(check_plans)
