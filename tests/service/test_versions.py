"""The stored-plan use cases the pages and the API share: a plan that is not the
caller's is refused before its document is read, an editor's right is checked, a stale
form learns what was saved since, and a learning-log form stores all or nothing."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from aibudget.domain.errors import PlanError
from aibudget.service import accounts, learning, versions
from aibudget.store import learning as stored_learning
from aibudget.store import plans, users, workspaces
from aibudget.store.db import Database
from aibudget.store.errors import Forbidden, NotFound
from aibudget.store.records import Role
from tests.factories import make_plan, plan_data, tool

WRITER = tool(id="writer", name="Writer", category="content_writing")


@dataclass
class Shop:
    db: Database
    owner: str
    viewer: str
    ws: str
    plan_id: str


@pytest.fixture
def shop(db: Database) -> Shop:
    with db.write() as s:
        alice = users.create(s, "alice@example.com", "alice", "correct horse battery")
        bob = users.create(s, "bob@example.com", "bob", "correct horse battery")
        ws = workspaces.create(s, alice.id, "Shop").id
        token = workspaces.invite(s, alice.id, ws, "Bob@Example.com", Role.VIEWER)
        workspaces.accept_invite(s, bob.id, token)
        plan_id = plans.create(s, alice.id, ws, "plan", make_plan(WRITER)).plan_id
    return Shop(db, alice.id, bob.id, ws, plan_id)


def _count_versions(shop: Shop) -> int:
    with shop.db.session() as s:
        return len(plans.versions(s, shop.owner, shop.ws, shop.plan_id))


def test_a_workspace_not_the_callers_is_refused_before_the_document_is_read(
    shop: Shop,
) -> None:
    broken = {"company": "not a company"}
    with pytest.raises(NotFound):
        versions.create_plan(shop.db, shop.owner, "elsewhere", "x", broken, "")
    with pytest.raises(NotFound):
        versions.save_version(shop.db, shop.owner, shop.ws, "no-such-plan", broken, "")
    with pytest.raises(PlanError):
        versions.save_version(shop.db, shop.owner, shop.ws, shop.plan_id, broken, "")
    assert _count_versions(shop) == 1


def test_a_new_version_is_saved_from_a_good_document(shop: Shop) -> None:
    saved = versions.save_version(
        shop.db, shop.owner, shop.ws, shop.plan_id, plan_data(WRITER), "again"
    )
    assert (saved.number, saved.note) == (2, "again")
    assert versions.version(shop.db, shop.viewer, shop.ws, shop.plan_id).number == 2


def test_only_an_editor_gets_the_newest_version_to_edit(shop: Shop) -> None:
    assert versions.newest_to_edit(shop.db, shop.owner, shop.ws, shop.plan_id).number == 1
    with pytest.raises(Forbidden):
        versions.newest_to_edit(shop.db, shop.viewer, shop.ws, shop.plan_id)
    with pytest.raises(Forbidden):
        versions.newest_with_catalog(shop.db, shop.viewer, shop.ws, shop.plan_id)
    with pytest.raises(Forbidden):
        versions.shown(shop.db, shop.viewer, shop.ws, shop.plan_id, need=Role.EDITOR)
    assert versions.shown(shop.db, shop.viewer, shop.ws, shop.plan_id).version.number == 1


def test_a_stale_form_learns_the_versions_saved_since_its_own(shop: Shop) -> None:
    for note in ("two", "three"):
        versions.save_version(shop.db, shop.owner, shop.ws, shop.plan_id, plan_data(WRITER), note)
    shown, older, since = versions.since(shop.db, shop.owner, shop.ws, shop.plan_id, 1)
    assert (shown.version.number, older.number) == (3, 1)
    assert [(v.number, v.note) for v in since] == [(3, "three"), (2, "two")]


def test_a_learning_entry_with_a_bad_field_stores_nothing(shop: Shop) -> None:
    form = {"tool": "writer", "who": "Amy", "tried": "drafts", "minutes_saved": "lots"}
    read, stored = learning.add_entry(shop.db, shop.owner, shop.ws, shop.plan_id, form)
    assert stored is None and set(read.problems) == {"minutes_saved"}
    read, stored = learning.add_entry(
        shop.db, shop.owner, shop.ws, shop.plan_id, form | {"minutes_saved": "30"}
    )
    assert stored is not None and stored.on == learning.today()
    with shop.db.session() as s:
        kept = stored_learning.entries(s, shop.owner, shop.ws, shop.plan_id)
    assert [e.id for e in kept] == [stored.id]


def test_an_invitation_vouches_only_for_its_own_address(shop: Shop) -> None:
    with shop.db.write() as s:
        token = workspaces.invite(s, shop.owner, shop.ws, "carol@example.com", Role.EDITOR)
    assert accounts.is_invited(shop.db, token, " Carol@Example.com ")
    assert not accounts.is_invited(shop.db, token, "dave@example.com")
    assert not accounts.is_invited(shop.db, "no-such-token", "carol@example.com")
