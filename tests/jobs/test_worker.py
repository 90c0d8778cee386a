"""Workers on the real Redis and PostgreSQL: a worker killed in the middle of a job
loses nothing, and a job enqueued twice is done once. Counted with a second connection
(psycopg), not through the code under test."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import psycopg
import pytest
import redis
from sqlalchemy import delete

from aibudget.jobs.queue import enqueue, make_queue
from aibudget.jobs.settings import JobSettings
from aibudget.jobs.work import JobContext
from aibudget.store.checks import check_key
from aibudget.store.db import Database, make_engine
from aibudget.store.migrate import migrate
from aibudget.store.models import Base
from tests.jobs.conftest import REDIS_URL
from tests.jobs.factories import owner_with_plan
from tests.store.conftest import PG_URL

ROOT = Path(__file__).resolve().parents[2]
DAY = date(2027, 4, 2)
VISIBILITY = 3  # seconds before Redis hands an unacknowledged message out again
WAIT = 90.0  # the longest any step may take before the test fails


@pytest.fixture
def pg(pg_schema: str) -> Iterator[tuple[Database, str]]:
    """PostgreSQL in the run's schema, and the URL a worker process uses for it."""
    db = Database(make_engine(PG_URL, connect_args={"options": f"-csearch_path={pg_schema}"}))
    migrate(db.engine)
    yield db, f"{PG_URL}?options=-csearch_path%3D{pg_schema}"
    with db.write() as s:
        for table in reversed(Base.metadata.sorted_tables):
            s.execute(delete(table))
    db.dispose()


def _env(url: str, queue: str) -> dict[str, str]:
    return os.environ | {
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
        "AIBUDGET_DATABASE_URL": url,
        "AIBUDGET_SECRET_KEY": "k" * 48,
        "AIBUDGET_JOBS_IN_PROCESS": "false",
        "AIBUDGET_BROKER_URL": REDIS_URL,
        "AIBUDGET_JOB_QUEUE": queue,
        "AIBUDGET_JOB_VISIBILITY_SECONDS": str(VISIBILITY),
    }


@pytest.fixture
def workers(tmp_path: Path) -> Iterator[Callable[..., subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []

    def start(env: dict[str, str], module: str = "", *args: str) -> subprocess.Popen[bytes]:
        command = (
            ["-m", module, *args]
            if module
            else ["-c", "from aibudget.cli import main; main()", "worker", *args]
        )
        log = (tmp_path / f"worker-{len(started)}.log").open("wb")
        process = subprocess.Popen(
            [sys.executable, *command], env=env, cwd=ROOT, stdout=log, stderr=log,
            start_new_session=True,  # its own process group: killed with its children
        )  # fmt: skip
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)  # a warm shutdown, children included
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def _scalar(url: str, sql: str, *params: object) -> object:
    """One value read with a connection of its own (``url``: a worker's, with its schema)."""
    base, _, schema = url.partition("?options=-csearch_path%3D")
    with psycopg.connect(base, options=f"-csearch_path={schema}") as conn:
        row = conn.execute(sql, params).fetchone()
    return row[0] if row else None


def _wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"waited {WAIT:.0f} s for {what}")


def _producer(db: Database, queue: str) -> object:
    settings = JobSettings(
        jobs_in_process=False, broker_url=REDIS_URL, job_queue=queue,
        job_visibility_seconds=VISIBILITY,
    )  # fmt: skip
    return make_queue(JobContext(db=db, settings=settings))


@pytest.mark.parametrize("processes", ["1", "2"], ids=["one-process", "forked"])
def test_a_worker_killed_in_the_middle_of_a_job_loses_nothing(
    pg: tuple[Database, str],
    redis_queue: str,
    workers: Callable[..., subprocess.Popen[bytes]],
    processes: str,
) -> None:
    db, url = pg
    _, _, version = owner_with_plan(db, "a@example.com")
    key = check_key(version.id, DAY)
    checks_sql = "SELECT count(*) FROM plan_checks WHERE version_id = %s"
    run_sql = "SELECT status || ':' || attempts FROM job_runs WHERE key = %s"
    enqueue(_producer(db, redis_queue), "check_version", version.id, DAY.isoformat())
    slow = workers(_env(url, redis_queue), "tests.jobs.slow_worker", "--processes", processes)
    _wait_for(lambda: _scalar(url, run_sql, key) == "running:1", "the slow worker to start")
    os.killpg(slow.pid, signal.SIGKILL)  # the worker and every process it forked
    slow.wait(timeout=10)
    assert _scalar(url, checks_sql, version.id) == 0  # killed before it stored anything
    workers(_env(url, redis_queue))
    _wait_for(lambda: _scalar(url, checks_sql, version.id) == 1, "the job to be done again")
    _wait_for(lambda: _scalar(url, run_sql, key) == "done:2", "the key to be marked done")
    time.sleep(VISIBILITY + 1)  # nothing else is delivered: still one result
    assert _scalar(url, checks_sql, version.id) == 1


def test_a_job_enqueued_twice_on_the_queue_is_done_once(
    pg: tuple[Database, str], redis_queue: str, workers: Callable[..., subprocess.Popen[bytes]]
) -> None:
    db, url = pg
    _, _, version = owner_with_plan(db, "a@example.com")
    key = check_key(version.id, DAY)
    producer = _producer(db, redis_queue)
    for _ in range(2):
        enqueue(producer, "check_version", version.id, DAY.isoformat())
    for _ in range(2):
        workers(_env(url, redis_queue))
    _wait_for(
        lambda: _scalar(url, "SELECT status FROM job_runs WHERE key = %s", key) == "done",
        "the check to be done",
    )
    _wait_for(lambda: redis.Redis.from_url(REDIS_URL).llen(redis_queue) == 0, "an empty queue")
    time.sleep(2)
    assert _scalar(url, "SELECT count(*) FROM plan_checks WHERE version_id = %s", version.id) == 1
    assert _scalar(url, "SELECT attempts FROM job_runs WHERE key = %s", key) == 1
