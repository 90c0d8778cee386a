"""Correcting and deleting one stored actual record: exactly that record, audited, and
nothing at all when the record is no longer there."""

from __future__ import annotations

from decimal import Decimal

import pytest

from aibudget.domain.actuals import ActualRecord, with_fingerprint
from aibudget.domain.plan import LineItem
from aibudget.store import actuals, actuals_edit, audit, plans, workspaces
from aibudget.store.actuals_edit import EntryGone
from aibudget.store.db import Database
from aibudget.store.errors import Forbidden
from aibudget.store.records import Role
from tests.store.factories import example_plan, user, workspace


def _record(month: str, amount: str, tool: str = "chatgpt") -> ActualRecord:
    return with_fingerprint(
        ActualRecord(month=month, tool=tool, line=LineItem.SUBSCRIPTION, amount=Decimal(amount))
    )


def _setup(db: Database) -> tuple[str, str, str, list[ActualRecord]]:
    alice = user(db, "alice@example.com")
    shop = workspace(db, alice)
    records = [_record("2027-01", "1600"), _record("2027-02", "1600"), _record("2027-03", "900")]
    with db.write() as s:
        plan_id = plans.create(s, alice.id, shop.id, "plan", example_plan()).plan_id
        actuals.add(s, alice.id, shop.id, plan_id, "TWD", records)
    return alice.id, shop.id, plan_id, records


def _stored(db: Database, alice: str, shop: str, plan_id: str) -> list[ActualRecord]:
    with db.session() as s:
        return actuals.get(s, alice, shop, plan_id, "TWD").records


def _log(db: Database, shop: str) -> list[tuple[str, dict[str, object]]]:
    with db.session() as s:
        return [(e.action, e.detail) for e in audit.entries(s, shop)]


def test_a_correction_replaces_exactly_that_record_in_its_place(db: Database) -> None:
    alice, shop, plan_id, records = _setup(db)
    fixed = records[1].model_copy(update={"amount": Decimal("1700")})
    with db.write() as s:
        _, problems = actuals_edit.correct(
            s, alice, shop, plan_id, "TWD", records[1].fingerprint, fixed
        )
    assert problems == []
    stored = _stored(db, alice, shop, plan_id)
    assert [(r.month, r.amount) for r in stored] == [
        ("2027-01", Decimal(1600)), ("2027-02", Decimal(1700)), ("2027-03", Decimal(900)),
    ]  # fmt: skip
    assert stored[1].fingerprint == with_fingerprint(fixed).fingerprint
    assert stored[0] == records[0] and stored[2] == records[2]
    action, detail = _log(db, shop)[0]
    assert action == "actuals.corrected"
    assert detail["before"]["amount"] == "1600"  # type: ignore[index]
    assert detail["after"]["amount"] == "1700"  # type: ignore[index]


def test_a_deletion_removes_only_that_record_and_keeps_it_in_the_audit_log(db: Database) -> None:
    alice, shop, plan_id, records = _setup(db)
    with db.write() as s:
        left = actuals_edit.remove(s, alice, shop, plan_id, "TWD", records[0].fingerprint)
    assert left.records == records[1:] == _stored(db, alice, shop, plan_id)
    action, detail = _log(db, shop)[0]
    assert action == "actuals.deleted"
    assert detail["before"]["month"] == "2027-01"  # type: ignore[index]


def test_a_fingerprint_no_longer_stored_changes_nothing(db: Database) -> None:
    alice, shop, plan_id, records = _setup(db)
    with db.write() as s:
        actuals_edit.remove(s, alice, shop, plan_id, "TWD", records[0].fingerprint)
    before, log = _stored(db, alice, shop, plan_id), _log(db, shop)
    with pytest.raises(EntryGone), db.write() as s:
        actuals_edit.remove(s, alice, shop, plan_id, "TWD", records[0].fingerprint)
    with pytest.raises(EntryGone), db.write() as s:
        actuals_edit.correct(s, alice, shop, plan_id, "TWD", records[0].fingerprint, records[0])
    assert _stored(db, alice, shop, plan_id) == before and _log(db, shop) == log
    assert EntryGone.http_status == 409


def test_a_correction_onto_another_records_subject_is_refused(db: Database) -> None:
    alice, shop, plan_id, records = _setup(db)
    onto_march = records[1].model_copy(update={"month": "2027-03"})
    with db.write() as s:
        _, problems = actuals_edit.correct(
            s, alice, shop, plan_id, "TWD", records[1].fingerprint, onto_march
        )
    assert [p.message_id for p in problems] == ["actuals.conflict"]
    assert _stored(db, alice, shop, plan_id) == records
    assert _log(db, shop)[0][0] == "actuals.entered"  # the last change


def test_an_unchanged_correction_writes_nothing(db: Database) -> None:
    alice, shop, plan_id, records = _setup(db)
    same = records[2].model_copy(update={"amount": Decimal("900.00"), "fingerprint": ""})
    with db.write() as s:
        _, problems = actuals_edit.correct(
            s, alice, shop, plan_id, "TWD", records[2].fingerprint, same
        )
    assert problems == [] and _stored(db, alice, shop, plan_id) == records
    assert _log(db, shop)[0][0] == "actuals.entered"  # the last change


def test_viewers_cannot_correct_or_delete(db: Database) -> None:
    alice, shop, plan_id, records = _setup(db)
    bob = user(db, "bob@example.com")
    with db.write() as s:
        token = workspaces.invite(s, alice, shop, "bob@example.com", Role.VIEWER)
        workspaces.accept_invite(s, bob.id, token)
    with pytest.raises(Forbidden), db.write() as s:
        actuals_edit.remove(s, bob.id, shop, plan_id, "TWD", records[0].fingerprint)
    assert _stored(db, alice, shop, plan_id) == records


def test_the_file_of_each_imported_record_is_known(db: Database) -> None:
    alice, shop, plan_id, _ = _setup(db)
    imported = [_record("2027-04", "500", "ads").model_copy(update={"source": "google_ads"})]
    imported = [with_fingerprint(imported[0], "rows")]
    with db.write() as s:
        staged = actuals.stage(
            s, alice, shop, plan_id, file_name="四月廣告.csv", file_digest="d",
            source="google_ads", summary={}, records=imported,
        )  # fmt: skip
        actuals.confirm(s, alice, shop, plan_id, staged.id, "TWD")
    with db.session() as s:
        files = actuals_edit.files(s, alice, shop, plan_id)
    assert files == {imported[0].fingerprint: "四月廣告.csv"}
