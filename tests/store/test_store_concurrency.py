"""Every write the store acknowledges is there afterwards, however many arrive at once.

Thirty or more writes of each kind (typed-in actuals, confirmed imports, plan saves) run
from separate threads, each on its own connection, as the web app's worker threads do.
Each either returns (acknowledged) or raises the store's Conflict (a clear 409); the
check reads everything back through a fresh connection and recounts.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import Any, TypeVar

import psycopg
import pytest
from sqlalchemy import event, func, select

from aibudget.domain.actuals import ActualRecord, with_fingerprint
from aibudget.domain.plan import LineItem
from aibudget.store import actuals, assessments, audit, catalogs, plans, users, workspaces
from aibudget.store.db import Database, make_engine
from aibudget.store.errors import Conflict
from aibudget.store.models import PlanVersionRow
from aibudget.store.records import Role
from tests.store.conftest import PG_URL
from tests.store.factories import example_plan, user, workspace

WRITERS = 30
T = TypeVar("T")


def _record(month: str, amount: str, tool: str = "chatgpt") -> ActualRecord:
    return with_fingerprint(
        ActualRecord(month=month, tool=tool, line=LineItem.SUBSCRIPTION, amount=Decimal(amount))
    )


def _months(count: int) -> list[str]:
    return [f"{2027 + i // 12}-{i % 12 + 1:02d}" for i in range(count)]


def _at_once(count: int, work: Callable[[int], T]) -> list[T | Conflict]:
    """Run ``work(i)`` for every i from ``count`` threads released together; each
    result, or the Conflict it raised."""
    start = threading.Barrier(count)

    def one(i: int) -> T | Conflict:
        start.wait()
        try:
            return work(i)
        except Conflict as refused:
            return refused

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(one, range(count)))


def _setup(db: Database) -> tuple[str, str, str]:
    alice = user(db, "alice@example.com")
    shop = workspace(db, alice)
    with db.write() as s:
        version = plans.create(s, alice.id, shop.id, "plan", example_plan())
    return alice.id, shop.id, version.plan_id


def _acknowledged(results: list[T | Conflict]) -> list[T]:
    return [r for r in results if not isinstance(r, Conflict)]


def test_every_acknowledged_actuals_entry_is_stored(db: Database) -> None:
    alice, shop, plan_id = _setup(db)
    months = _months(WRITERS)

    def enter(i: int) -> str:
        with db.write() as s:
            _, report, problems = actuals.add(
                s, alice, shop, plan_id, "TWD", [_record(months[i], str(100 + i))]
            )
        assert (report.added, problems) == (1, [])
        return months[i]

    saved = _acknowledged(_at_once(WRITERS, enter))
    with db.session() as s:
        stored = actuals.get(s, alice, shop, plan_id, "TWD")
        logged = [e.action for e in audit.entries(s, shop)].count("actuals.entered")
    assert sorted(r.month for r in stored.records) == sorted(saved)
    assert {r.month: r.amount for r in stored.records} == {
        m: Decimal(100 + months.index(m)) for m in saved
    }
    assert logged == len(saved)
    assert len(saved) == WRITERS  # a write lock taken up front: nobody had to be refused


def test_every_acknowledged_import_confirm_is_stored(db: Database) -> None:
    alice_id, shop, plan_id = _setup(db)
    # One editor per import (a user keeps one unconfirmed preview per plan).
    editors = [alice_id]
    for i in range(1, WRITERS):
        member = user(db, f"editor{i}@example.com")
        editors.append(member.id)
        with db.write() as s:
            token = workspaces.invite(s, alice_id, shop, member.email, Role.EDITOR)
            workspaces.accept_invite(s, member.id, token)
    rows = 20
    staged = []
    for i, editor in enumerate(editors):
        records = [_record(m, str(i * 1000 + k), f"tool{i}") for k, m in enumerate(_months(rows))]
        with db.write() as s:
            staged.append(
                actuals.stage(
                    s,
                    editor,
                    shop,
                    plan_id,
                    file_name=f"{i}.csv",
                    file_digest=f"d{i}",
                    source="template",
                    summary={},
                    records=records,
                )
            )

    def confirm(i: int) -> int:
        with db.write() as s:
            _, report, problems = actuals.confirm(s, editors[i], shop, plan_id, staged[i].id, "TWD")
        assert problems == []
        assert report.added == rows
        return i

    confirmed = _acknowledged(_at_once(WRITERS, confirm))
    with db.session() as s:
        stored = actuals.get(s, alice_id, shop, plan_id, "TWD")
    by_tool: dict[str, int] = {}
    for r in stored.records:
        by_tool[r.tool] = by_tool.get(r.tool, 0) + 1
    assert by_tool == {f"tool{i}": rows for i in confirmed}
    assert len(confirmed) == WRITERS


def test_every_acknowledged_plan_save_is_a_version(db: Database) -> None:
    alice, shop, plan_id = _setup(db)
    plan = example_plan()

    def save(i: int) -> int:
        with db.write() as s:
            return plans.save(s, alice, shop, plan_id, plan, f"save {i}").number

    numbers = _acknowledged(_at_once(WRITERS, save))
    assert len(set(numbers)) == len(numbers)  # each a number of its own
    with db.session() as s:
        notes = s.scalars(
            select(PlanVersionRow.note).where(PlanVersionRow.plan_id == plan_id)
        ).all()
        count = s.scalar(
            select(func.count())
            .select_from(PlanVersionRow)
            .where(PlanVersionRow.plan_id == plan_id)
        )
    assert count == len(numbers) + 1
    assert len(notes) == count
    assert sorted(numbers) == list(range(2, WRITERS + 2))


def test_first_catalog_saves_at_once_are_all_answered(db: Database) -> None:
    """The first save of a workspace catalog creates its row: two at once used to clash."""
    alice, shop, _ = _setup(db)

    def put(i: int) -> int:
        with db.write() as s:
            catalogs.put(s, alice, shop, [{"id": f"own-{i}", "name": f"Own {i}"}])
        return i

    saved = _acknowledged(_at_once(WRITERS, put))
    with db.session() as s:
        kept = catalogs.get(s, alice, shop).entries
        logged = [e.action for e in audit.entries(s, shop)].count("catalog.updated")
    assert len(kept) == 1 and int(kept[0]["id"].removeprefix("own-")) in saved
    assert (len(saved), logged) == (WRITERS, WRITERS)


def test_first_readiness_pages_from_several_devices_at_once_are_all_answered(
    db: Database,
) -> None:
    """One user's first page sent from many devices at once: one draft, every page kept
    or refused as a conflict, none lost to a clash of two first saves."""
    alice, shop, _ = _setup(db)

    def keep(i: int) -> int:
        with db.write() as s:
            assessments.keep_draft(s, alice, shop, {"s1": i % 5 + 1, "n": i}, 2)
        return i

    saved = _acknowledged(_at_once(WRITERS, keep))
    with db.session() as s:
        kept = assessments.draft(s, alice, shop)
    assert kept is not None and kept.answers["n"] in saved and len(saved) == WRITERS


def test_signing_out_everywhere_at_once_counts_every_time(db: Database) -> None:
    alice = user(db, "alice@example.com")

    def sign_out(_: int) -> int:
        with db.write() as s:
            return users.end_all_sessions(s, alice.id)

    epochs = _acknowledged(_at_once(WRITERS, sign_out))
    with db.session() as s:
        assert users.get(s, alice.id).session_epoch == len(epochs)
    assert sorted(epochs) == list(range(1, WRITERS + 1))


def test_a_write_in_a_read_session_is_refused(db: Database) -> None:
    """Reads take no write lock, so a change there could race: it is refused at once."""
    alice = user(db, "alice@example.com")
    with pytest.raises(RuntimeError, match="read-only"), db.session() as s:
        users.end_all_sessions(s, alice.id)
    with db.session() as s:
        assert users.get(s, alice.id).session_epoch == 0


def test_a_write_that_cannot_get_the_lock_in_time_is_a_conflict(db: Database) -> None:
    """Held too long by someone else: a clear Conflict ("try again"), and nothing written."""
    alice, shop, plan_id = _setup(db)
    url = db.engine.url
    if url.get_backend_name() == "sqlite":
        impatient = make_engine(str(url))
        event.listen(impatient, "connect", _short_sqlite_wait)
        holder = sqlite3.connect(str(url.database))
        holder.isolation_level = None
        holder.execute("BEGIN IMMEDIATE")
    else:
        schema = db.engine.dialect.default_schema_name
        options = f"-csearch_path={schema} -clock_timeout=100"
        impatient = make_engine(PG_URL, connect_args={"options": options})
        holder = psycopg.connect(PG_URL, options=f"-csearch_path={schema}")
        holder.execute("SELECT id FROM plans WHERE id = %s FOR UPDATE", (plan_id,))
    try:
        with pytest.raises(Conflict) as refused, Database(impatient).write() as s:
            actuals.add(s, alice, shop, plan_id, "TWD", [_record("2027-01", "1")])
        assert refused.value.message_id == "store.busy"
    finally:
        holder.rollback()
        holder.close()
        impatient.dispose()
    with db.session() as s:
        assert actuals.get(s, alice, shop, plan_id, "TWD").records == []


def _short_sqlite_wait(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA busy_timeout=50")
