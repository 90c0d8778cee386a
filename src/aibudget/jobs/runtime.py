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
