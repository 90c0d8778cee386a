"""Jobs keyed by version and date do their work once, on SQLite and on PostgreSQL; a
claim is taken over only by the same task delivered again, or when it went stale."""

from __future__ import annotations

import threading
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from aibudget.jobs.queue import enqueue
from aibudget.store import checks, job_runs
from aibudget.store.db import Database
from aibudget.store.models_jobs import JobRunRow, PlanCheckRow
from tests.jobs.factories import in_process, owner_with_plan

DAY = date(2027, 4, 2)


def _rows(db: Database, version_id: str) -> int:
    with db.session() as s:
        return (
            s.scalar(
                select(func.count())
                .select_from(PlanCheckRow)
                .where(PlanCheckRow.version_id == version_id)
            )
            or 0
        )


def _attempts(db: Database, key: str) -> int:
    with db.session() as s:
        return s.scalar(select(JobRunRow.attempts).where(JobRunRow.key == key)) or 0


def test_a_duplicate_enqueue_checks_once(db: Database) -> None:
    _, _, version = owner_with_plan(db, "a@example.com")
    queue = in_process(db)
    for _ in range(3):
        enqueue(queue, "check_version", version.id, DAY.isoformat())
    assert _rows(db, version.id) == 1
    assert _attempts(db, checks.check_key(version.id, DAY)) == 1
    enqueue(queue, "check_version", version.id, (DAY + timedelta(days=1)).isoformat())
    assert _rows(db, version.id) == 2  # the next day is a new check


def test_the_nightly_run_checks_every_live_plan_and_skips_drafts(db: Database) -> None:
    _, _, first = owner_with_plan(db, "a@example.com")
    _, _, second = owner_with_plan(db, "b@example.com")
    queue = in_process(db)
    enqueue(queue, "check_all", DAY.isoformat())
    enqueue(queue, "check_all", DAY.isoformat())
    assert (_rows(db, first.id), _rows(db, second.id)) == (1, 1)
    with db.session() as s:
        assert {t.version_id for t in checks.live_versions(s)} == {first.id, second.id}


def test_a_claim_goes_to_one_of_two_workers_at_the_same_moment(db: Database) -> None:
    owner_with_plan(db, "a@example.com")
    won: list[bool] = []
    barrier = threading.Barrier(2)

    def claim(task_id: str) -> None:
        barrier.wait()
        with db.write() as s:
            won.append(
                job_runs.claim(s, "check:x:2027-04-02", "check", task_id, timedelta(hours=1))
            )

    threads = [threading.Thread(target=claim, args=(f"task-{i}",)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(won) == [False, True]


@pytest.mark.parametrize(
    ("same_task", "age", "taken"),
    [(True, timedelta(0), True), (False, timedelta(0), False), (False, timedelta(hours=2), True)],
)
def test_a_running_claim_is_taken_over_by_its_own_task_or_when_stale(
    db: Database, same_task: bool, age: timedelta, taken: bool
) -> None:
    stale_after = timedelta(hours=1)
    with db.write() as s:
        assert job_runs.claim(s, "k", "check", "first", stale_after)
    with db.write() as s:
        row = s.get(JobRunRow, "k")
        assert row is not None
        row.claimed_at = row.claimed_at - age
    with db.write() as s:
        got = job_runs.claim(s, "k", "check", "first" if same_task else "second", stale_after)
    assert got is taken
    with db.write() as s:
        job_runs.finish(s, "k")
    with db.write() as s:
        assert not job_runs.claim(s, "k", "check", "third", timedelta(0))  # done stays done
