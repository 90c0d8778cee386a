"""A plan's actuals in the store: merged once, staged imports, settings, membership."""

from __future__ import annotations

from decimal import Decimal

import pytest

from aibudget.domain.actuals import ActualRecord, with_fingerprint
from aibudget.domain.plan import LineItem
from aibudget.store import actuals, audit, plans, workspaces
from aibudget.store.db import Database
from aibudget.store.errors import Forbidden, NotFound
from aibudget.store.records import Role
from tests.store.factories import example_plan, user, workspace


def _record(month: str, amount: str, tool: str = "chatgpt", source: str = "manual") -> ActualRecord:
    return with_fingerprint(
        ActualRecord(
            month=month, tool=tool, line=LineItem.SUBSCRIPTION, amount=Decimal(amount),
            source=source,
        )
    )  # fmt: skip


def _setup(db: Database) -> tuple[str, str, str]:
    alice = user(db, "alice@example.com")
    shop = workspace(db, alice)
    with db.write() as s:
        version = plans.create(s, alice.id, shop.id, "plan", example_plan())
    return alice.id, shop.id, version.plan_id


def test_records_are_stored_once_and_audited(db: Database) -> None:
    alice, shop, plan_id = _setup(db)
    records = [_record("2027-01", "1600"), _record("2027-02", "1600")]
    with db.write() as s:
        _, report, problems = actuals.add(s, alice, shop, plan_id, "TWD", records)
    assert (report.added, problems) == (2, [])
    with db.write() as s:
        _, again, _ = actuals.add(s, alice, shop, plan_id, "TWD", records)
        stored = actuals.get(s, alice, shop, plan_id, "TWD")
        log = [e.action for e in audit.entries(s, shop)]
    assert (again.added, again.already_present) == (0, 2)
    assert [r.amount for r in stored.records] == [Decimal("1600"), Decimal("1600")]
    assert stored.months() == ["2027-01", "2027-02"]
    assert log.count("actuals.entered") == 1  # the second call changed nothing


def test_a_conflict_writes_nothing(db: Database) -> None:
    alice, shop, plan_id = _setup(db)
    with db.write() as s:
        actuals.add(s, alice, shop, plan_id, "TWD", [_record("2027-01", "1600")])
    with db.write() as s:
        batch = [_record("2027-02", "900"), _record("2027-01", "1700")]
        _, report, problems = actuals.add(s, alice, shop, plan_id, "TWD", batch)
    assert report.conflicts == 1 and problems[0].message_id == "actuals.conflict"
    with db.session() as s:
        stored = actuals.get(s, alice, shop, plan_id, "TWD")
    assert [(r.month, r.amount) for r in stored.records] == [("2027-01", Decimal("1600"))]
    with db.write() as s:
        _, report, problems = actuals.add(s, alice, shop, plan_id, "TWD", batch, replace=True)
        stored = actuals.get(s, alice, shop, plan_id, "TWD")
    assert (report.added, report.replaced, problems) == (2, 1, [])
    assert sorted(r.amount for r in stored.records) == [Decimal("900"), Decimal("1700")]


def test_a_staged_import_is_merged_on_confirm_and_never_twice(db: Database) -> None:
    alice, shop, plan_id = _setup(db)
    records = [_record("2027-01", "500", "ads", "google_ads")]
    with db.write() as s:
        first = actuals.stage(
            s, alice, shop, plan_id, file_name="a.csv", file_digest="d1", source="google_ads",
            summary={"format": "google_ads"}, records=records,
        )  # fmt: skip
        second = actuals.stage(
            s, alice, shop, plan_id, file_name="a.csv", file_digest="d1", source="google_ads",
            summary={"format": "google_ads"}, records=records,
        )  # fmt: skip
        assert actuals.staged_count(s, plan_id) == 1  # the earlier preview was dropped
    with pytest.raises(NotFound), db.write() as s:
        actuals.confirm(s, alice, shop, plan_id, first.id, "TWD")
    with db.write() as s:
        _, report, _ = actuals.confirm(s, alice, shop, plan_id, second.id, "TWD")
        assert actuals.staged(s, alice, shop, plan_id, second.id).confirmed
    assert report.added == 1
    with db.write() as s:
        third = actuals.stage(
            s, alice, shop, plan_id, file_name="b.csv", file_digest="d1", source="google_ads",
            summary={}, records=records,
        )  # fmt: skip
        _, report, _ = actuals.confirm(s, alice, shop, plan_id, third.id, "TWD")
        stored = actuals.get(s, alice, shop, plan_id, "TWD")
        imported = [e for e in audit.entries(s, shop) if e.action == "actuals.imported"]
    assert (report.added, report.already_present, len(stored.records)) == (0, 1, 1)
    assert len(imported) == 1 and imported[0].detail["digest"] == "d1"


def test_viewers_read_and_other_workspaces_see_nothing(db: Database) -> None:
    alice, shop, plan_id = _setup(db)
    bob, carol = user(db, "bob@example.com"), user(db, "carol@example.com")
    workspace(db, carol, "Carol's")
    with db.write() as s:
        token = workspaces.invite(s, alice, shop, "bob@example.com", Role.VIEWER)
        workspaces.accept_invite(s, bob.id, token)
        actuals.add(s, alice, shop, plan_id, "TWD", [_record("2027-01", "1600")])
    with db.session() as s:
        assert len(actuals.get(s, bob.id, shop, plan_id, "TWD").records) == 1
    with pytest.raises(Forbidden), db.write() as s:
        actuals.add(s, bob.id, shop, plan_id, "TWD", [_record("2027-02", "1")])
    with pytest.raises(NotFound), db.session() as s:
        actuals.get(s, carol.id, shop, plan_id, "TWD")


def test_mapping_and_encoding_are_remembered_per_workspace_and_source(db: Database) -> None:
    alice, shop, _ = _setup(db)
    with db.write() as s:
        assert actuals.remembered(s, alice, shop, "google_ads") is None
        actuals.remember(s, alice, shop, "google_ads", {"amount": "費用"}, "utf-16")
        actuals.remember(s, alice, shop, "google_ads", {"amount": "Cost"}, "utf-16")
    with db.session() as s:
        found = actuals.remembered(s, alice, shop, "google_ads")
        other = actuals.remembered(s, alice, shop, "meta_ads")
        log = [e.action for e in audit.entries(s, shop)]
    assert found is not None and found.mapping == {"amount": "Cost"}
    assert found.encoding == "utf-16" and other is None
    assert log.count("imports.settings") == 2
