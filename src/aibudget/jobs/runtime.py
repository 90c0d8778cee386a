"""The queue of a process, built from the environment (the shells call this once)."""

from __future__ import annotations

from celery import Celery

from aibudget.jobs.queue import make_queue
from aibudget.jobs.settings import JobSettings
from aibudget.jobs.work import JobContext
from aibudget.store.db import Database


def queue_for(db: Database, jobs: JobSettings | None = None) -> Celery:
    """The queue bound to ``db`` (``jobs``: the job settings, else from the environment)."""
    return make_queue(JobContext(db=db, settings=jobs or JobSettings()))


def fresh_connections_in_children(app: Celery) -> None:
    """Each forked worker process opens its own database connections (never its
    parent's, which a fork copies but cannot share)."""
    from celery.signals import worker_process_init

    def forget(**_: object) -> None:
        app.aibudget.db.engine.dispose(close=False)

    worker_process_init.connect(forget, weak=False)
