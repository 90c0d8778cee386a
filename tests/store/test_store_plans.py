from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from aibudget.service.memo import Memo
from aibudget.store import audit, plans, workspaces
from aibudget.store.db import Database
from aibudget.store.errors import Forbidden, NotFound
from aibudget.store.models import PlanVersionRow
from aibudget.store.records import Role, Status
from tests.store.factories import example_plan, user, workspace

READERS = 12


def test_each_save_is_a_new_version_and_old_ones_do_not_change(db: Database) -> None:
    alice = user(db, "alice@example.com", "Alice")
    shop = workspace(db, alice)
    first = example_plan()
    second = first.model_copy(update={"company": first.company.model_copy(update={"employees": 9})})
    with db.write() as s:
        v1 = plans.create(s, alice.id, shop.id, "2027 plan", first, "first draft")
    with db.write() as s:
        v2 = plans.save(s, alice.id, shop.id, v1.plan_id, second, "one more hire")
    assert (v1.number, v2.number) == (1, 2)
    with db.session() as s:
        again = plans.version(s, alice.id, shop.id, v1.plan_id, 1)
        latest = plans.version(s, alice.id, shop.id, v1.plan_id)
        history = plans.versions(s, alice.id, shop.id, v1.plan_id)
    assert again.plan == first and again.note == "first draft" and again.author_name == "Alice"
    assert latest.number == 2 and latest.plan.company.employees == 9
    assert [v.number for v in history] == [2, 1]
    assert all(v.status is Status.DRAFT for v in history)


def test_restore_saves_the_old_document_as_the_newest_version(db: Database) -> None:
    alice = user(db, "alice@example.com")
    shop = workspace(db, alice)
    first = example_plan()
    changed = first.model_copy(update={"goals": []})
    with db.write() as s:
        v1 = plans.create(s, alice.id, shop.id, "plan", first)
        plans.save(s, alice.id, shop.id, v1.plan_id, changed)
        v3 = plans.restore(s, alice.id, shop.id, v1.plan_id, 1, "back to v1")
    assert v3.number == 3 and v3.plan == first and v3.note == "back to v1"


def test_approving_needs_the_owner_and_is_audited(db: Database) -> None:
    alice, bob = user(db, "alice@example.com"), user(db, "bob@example.com")
    shop = workspace(db, alice)
    with db.write() as s:
        v1 = plans.create(s, alice.id, shop.id, "plan", example_plan())
        token = workspaces.invite(s, alice.id, shop.id, "bob@example.com", Role.EDITOR)
        workspaces.accept_invite(s, bob.id, token)
    with pytest.raises(Forbidden), db.write() as s:
        plans.set_status(s, bob.id, shop.id, v1.plan_id, 1, Status.APPROVED)
    with db.write() as s:
        plans.set_status(s, bob.id, shop.id, v1.plan_id, 1, Status.LIVE)
        info = plans.set_status(s, alice.id, shop.id, v1.plan_id, 1, Status.APPROVED)
        assert info.status is Status.APPROVED
        log = [(e.action, e.detail.get("after")) for e in audit.entries(s, shop.id)]
    assert log[:2] == [("version.status", "approved"), ("version.status", "live")]
    with db.write() as s:
        plans.save(s, alice.id, shop.id, v1.plan_id, example_plan())
        found = plans.baseline(s, bob.id, shop.id, v1.plan_id)
    assert found is not None and found.number == 1  # the newest approved, not the newest


def test_a_viewer_reads_but_cannot_save(db: Database) -> None:
    alice, vic = user(db, "alice@example.com"), user(db, "vic@example.com")
    shop = workspace(db, alice)
    with db.write() as s:
        v1 = plans.create(s, alice.id, shop.id, "plan", example_plan())
        token = workspaces.invite(s, alice.id, shop.id, "vic@example.com", Role.VIEWER)
        workspaces.accept_invite(s, vic.id, token)
    with db.session() as s:
        assert plans.version(s, vic.id, shop.id, v1.plan_id).number == 1
    for change in (
        lambda s: plans.save(s, vic.id, shop.id, v1.plan_id, example_plan()),
        lambda s: plans.restore(s, vic.id, shop.id, v1.plan_id, 1, ""),
        lambda s: plans.set_status(s, vic.id, shop.id, v1.plan_id, 1, Status.LIVE),
        lambda s: plans.rename(s, vic.id, shop.id, v1.plan_id, "x"),
        lambda s: plans.delete(s, vic.id, shop.id, v1.plan_id),
        lambda s: plans.create(s, vic.id, shop.id, "mine", example_plan()),
    ):
        with pytest.raises(Forbidden), db.session() as s:
            change(s)


def test_a_member_of_one_workspace_never_sees_another_workspaces_plans(db: Database) -> None:
    alice, bob = user(db, "alice@example.com"), user(db, "bob@example.com")
    shop_a, shop_b = workspace(db, alice, "A"), workspace(db, bob, "B")
    with db.write() as s:
        secret = plans.create(s, alice.id, shop_a.id, "A's plan", example_plan())
        plans.create(s, bob.id, shop_b.id, "B's plan", example_plan())
    plan_id = secret.plan_id
    with db.session() as s:
        assert [p.name for p in plans.list_plans(s, bob.id, shop_b.id)] == ["B's plan"]
    attempts = [
        lambda s, ws: plans.list_plans(s, bob.id, ws),
        lambda s, ws: plans.summary(s, bob.id, ws, plan_id),
        lambda s, ws: plans.versions(s, bob.id, ws, plan_id),
        lambda s, ws: plans.version(s, bob.id, ws, plan_id, 1),
        lambda s, ws: plans.save(s, bob.id, ws, plan_id, example_plan()),
        lambda s, ws: plans.restore(s, bob.id, ws, plan_id, 1, ""),
        lambda s, ws: plans.set_status(s, bob.id, ws, plan_id, 1, Status.APPROVED),
        lambda s, ws: plans.delete(s, bob.id, ws, plan_id),
    ]
    # by A's workspace id, and by A's plan id under B's own workspace id
    for ws in (shop_a.id, shop_b.id):
        for attempt in attempts[1:] if ws == shop_b.id else attempts:
            with pytest.raises(NotFound), db.session() as s:
                attempt(s, ws)
    with db.session() as s:
        assert plans.version(s, alice.id, shop_a.id, plan_id).number == 1
        assert audit.entries(s, shop_b.id) and all(
            e.target != plan_id for e in audit.entries(s, shop_b.id)
        )


def test_a_deleted_plan_is_gone_from_lists_and_lookups(db: Database) -> None:
    alice = user(db, "alice@example.com")
    shop = workspace(db, alice)
    with db.write() as s:
        v1 = plans.create(s, alice.id, shop.id, "plan", example_plan())
        plans.delete(s, alice.id, shop.id, v1.plan_id)
    with db.session() as s:
        assert plans.list_plans(s, alice.id, shop.id) == []
        with pytest.raises(NotFound):
            plans.version(s, alice.id, shop.id, v1.plan_id)
        assert s.query(PlanVersionRow).count() == 1  # kept for the audit trail


def test_a_failed_save_leaves_the_previous_versions_intact(db: Database) -> None:
    alice = user(db, "alice@example.com")
    shop = workspace(db, alice)
    with db.write() as s:
        v1 = plans.create(s, alice.id, shop.id, "plan", example_plan())
    with pytest.raises(RuntimeError), db.write() as s:
        plans.save(s, alice.id, shop.id, v1.plan_id, example_plan(), "half-way")
        raise RuntimeError("the process dies before the commit")
    with db.session() as s:
        assert [v.number for v in plans.versions(s, alice.id, shop.id, v1.plan_id)] == [1]
        assert [e.action for e in audit.entries(s, shop.id)].count("version.saved") == 1


@pytest.mark.parametrize("limit", [1, 2, 10])
@pytest.mark.parametrize("number", [None, 1, 3, 4])
def test_overview_answers_as_the_separate_lookups_do(
    db: Database, limit: int, number: int | None
) -> None:
    alice, bob = user(db, "alice@example.com", "Alice"), user(db, "bob@example.com", "Bob")
    shop = workspace(db, alice)
    with db.write() as s:
        token = workspaces.invite(s, alice.id, shop.id, "bob@example.com", Role.EDITOR)
        workspaces.accept_invite(s, bob.id, token)
        first = plans.create(s, alice.id, shop.id, "plan", example_plan(), "one")
        plans.save(s, bob.id, shop.id, first.plan_id, example_plan(), "two")
        plans.save(s, alice.id, shop.id, first.plan_id, example_plan(), "three")
        plans.save(s, bob.id, shop.id, first.plan_id, example_plan(), "four")
        plans.set_status(s, alice.id, shop.id, first.plan_id, 2, Status.APPROVED)
    pid = first.plan_id
    with db.session() as s:
        summary, shown, listed, approved = plans.overview(s, bob.id, shop.id, pid, number, limit)
    with db.session() as s:
        assert summary == plans.summary(s, bob.id, shop.id, pid)
        assert shown == plans.version(s, bob.id, shop.id, pid, number)
        assert listed == plans.versions(s, bob.id, shop.id, pid, limit)
        assert approved == plans.baseline(s, bob.id, shop.id, pid)
    assert approved is not None and approved.number == 2 and approved.author_name == "Bob"
    assert shown.author_name == ("Alice" if number in (1, 3) else "Bob")


def test_overview_is_not_found_for_outsiders_unknown_versions_and_deleted_plans(
    db: Database,
) -> None:
    alice, eve = user(db, "alice@example.com"), user(db, "eve@example.com")
    shop, other = workspace(db, alice), workspace(db, eve, "Other")
    with db.write() as s:
        pid = plans.create(s, alice.id, shop.id, "plan", example_plan()).plan_id
    with db.session() as s:
        assert plans.overview(s, alice.id, shop.id, pid)[3] is None  # nothing approved yet
    for who, space, number in [(eve, shop.id, None), (eve, other.id, None), (alice, shop.id, 9)]:
        with pytest.raises(NotFound), db.session() as s:
            plans.overview(s, who.id, space, pid, number)
    with db.write() as s:
        plans.delete(s, alice.id, shop.id, pid)
        with pytest.raises(NotFound):
            plans.overview(s, alice.id, shop.id, pid)


def test_reads_in_a_session_see_its_own_unsaved_changes(db: Database) -> None:
    """The plain-SQL reads flush pending changes first, as the ORM's queries do."""
    alice = user(db, "alice@example.com")
    with db.write() as s:
        shop = workspaces.create(s, alice.id, "Shop")  # membership not flushed yet
        first = plans.create(s, alice.id, shop.id, "plan", example_plan())
        plans.rename(s, alice.id, shop.id, first.plan_id, "renamed")
        assert plans.summary(s, alice.id, shop.id, first.plan_id).name == "renamed"
        plans.set_status(s, alice.id, shop.id, first.plan_id, 1, Status.APPROVED)
        summary, shown, listed, approved = plans.overview(s, alice.id, shop.id, first.plan_id)
        assert summary.latest_status is Status.APPROVED
        assert shown.status is Status.APPROVED and listed[0].status is Status.APPROVED
        assert approved is not None and approved.number == 1
        plans.delete(s, alice.id, shop.id, first.plan_id)
        with pytest.raises(NotFound):
            plans.version(s, alice.id, shop.id, first.plan_id)


@pytest.mark.parametrize("number", [0, -1, 2**63, 10**30])
def test_a_number_no_version_can_have_is_not_found(db: Database, number: int) -> None:
    alice = user(db, "alice@example.com")
    shop = workspace(db, alice)
    with db.write() as s:
        pid = plans.create(s, alice.id, shop.id, "plan", example_plan()).plan_id
    lookups = [
        lambda s: plans.version(s, alice.id, shop.id, pid, number),
        lambda s: plans.overview(s, alice.id, shop.id, pid, number),
        lambda s: plans.set_status(s, alice.id, shop.id, pid, number, Status.LIVE),
    ]
    for lookup in lookups:
        with pytest.raises(NotFound), db.session() as s:
            lookup(s)


def test_a_version_not_parsed_yet_is_read_from_its_document(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    alice = user(db, "alice@example.com")
    shop = workspace(db, alice)
    with db.write() as s:
        pid = plans.create(s, alice.id, shop.id, "plan", example_plan()).plan_id
    monkeypatch.setattr(plans, "_parsed", Memo(plans.PARSED_KEPT))  # as in a fresh process
    with db.session() as s:
        found = plans.version(s, alice.id, shop.id, pid, 1)
    assert found.plan == example_plan() and found.document == plans.to_document(found.plan)


def test_readers_of_a_new_version_at_once_parse_it_once(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Twelve viewers of a version just saved, each in its own transaction: one parse."""
    alice = user(db, "alice@example.com")
    shop = workspace(db, alice)
    with db.write() as s:
        pid = plans.create(s, alice.id, shop.id, "plan", example_plan()).plan_id
    monkeypatch.setattr(plans, "_parsed", Memo(plans.PARSED_KEPT))  # not parsed yet
    parses: list[int] = []
    parse = plans.parse_plan

    def slow_parse(*args: Any, **kwargs: Any) -> Any:
        parses.append(1)
        time.sleep(0.2)  # long enough for the others to arrive meanwhile
        return parse(*args, **kwargs)

    monkeypatch.setattr(plans, "parse_plan", slow_parse)
    start = threading.Barrier(READERS)

    def read_it(_i: int) -> Any:
        start.wait(10)
        with db.session() as s:
            return plans.version(s, alice.id, shop.id, pid, 1).plan

    with ThreadPoolExecutor(READERS) as pool:
        found = list(pool.map(read_it, range(READERS)))
    assert len(parses) == 1
    assert all(plan == example_plan() for plan in found)
