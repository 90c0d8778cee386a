"""A plan's learning log in the store: read newest first, whole, by its plan's members."""

from __future__ import annotations

from datetime import date

import pytest

from aibudget.domain.practice import LearningEntry
from aibudget.store import learning, plans
from aibudget.store.db import Database
from aibudget.store.errors import NotFound
from tests.store.factories import example_plan, user, workspace


def test_entries_are_read_newest_day_first_then_newest_written_whole(db: Database) -> None:
    alice, bob = user(db, "alice@example.com", "Alice"), user(db, "bob@example.com")
    shop = workspace(db, alice)
    with db.write() as s:
        plan_id = plans.create(s, alice.id, shop.id, "plan", example_plan()).plan_id
    jan, feb = date(2027, 1, 5), date(2027, 2, 1)
    written = [
        LearningEntry(tool="chatgpt", who="Amy", tried="menus", minutes_saved=30, on=jan),
        LearningEntry(tool="canva", who="Ben", tried="posters", tip="use brand kit", on=feb),
        LearningEntry(tool="chatgpt", who="Amy", tried="replies", minutes_saved=5, on=jan),
    ]
    with db.write() as s:
        stored = [learning.add(s, alice.id, shop.id, plan_id, entry) for entry in written]
    with db.session() as s:
        found = learning.entries(s, alice.id, shop.id, plan_id)
    assert found == [stored[1], stored[2], stored[0]]  # 1 Feb; then 5 Jan, newest written
    assert [LearningEntry(**e.model_dump(exclude={"id"})) for e in found] == [
        written[1], written[2], written[0]
    ]  # fmt: skip
    with db.session() as s, pytest.raises(NotFound):
        learning.entries(s, bob.id, shop.id, plan_id)
