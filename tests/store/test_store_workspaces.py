from __future__ import annotations

import pytest
from sqlalchemy import func, select

from aibudget.store import assessments, audit, catalogs, workspaces
from aibudget.store.db import Database
from aibudget.store.errors import Forbidden, NotFound
from aibudget.store.models_readiness import ReadinessDraftRow
from aibudget.store.records import Role
from tests.store.factories import user, workspace


def test_creator_owns_the_workspace_and_only_members_see_it(db: Database) -> None:
    alice, bob = user(db, "alice@example.com"), user(db, "bob@example.com")
    shop = workspace(db, alice, "Shop A")
    with db.session() as s:
        assert [w.id for w in workspaces.list_for(s, alice.id)] == [shop.id]
        assert workspaces.list_for(s, bob.id) == []
        assert workspaces.require(s, alice.id, shop.id).role is Role.OWNER
        with pytest.raises(NotFound):
            workspaces.require(s, bob.id, shop.id)
        with pytest.raises(NotFound):
            workspaces.members(s, bob.id, shop.id)


def test_invite_link_adds_a_member_with_the_role(db: Database) -> None:
    alice, bob = user(db, "alice@example.com"), user(db, "bob@example.com")
    shop = workspace(db, alice)
    with db.write() as s:
        token = workspaces.invite(s, alice.id, shop.id, "bob@example.com", Role.VIEWER)
    with db.write() as s:
        assert workspaces.peek_invite(s, token).role is Role.VIEWER
        joined = workspaces.accept_invite(s, bob.id, token)
    assert joined.role is Role.VIEWER
    with db.write() as s:
        names = {m.email: m.role for m in workspaces.members(s, alice.id, shop.id)}
        assert names == {"alice@example.com": Role.OWNER, "bob@example.com": Role.VIEWER}
        with pytest.raises(NotFound):  # an invite works once
            workspaces.accept_invite(s, bob.id, token)
        actions = [e.action for e in audit.entries(s, shop.id)]
        assert actions[:2] == ["member.joined", "member.invited"]


def test_only_the_owner_invites(db: Database) -> None:
    alice, bob = user(db, "alice@example.com"), user(db, "bob@example.com")
    shop = workspace(db, alice)
    with db.write() as s:
        token = workspaces.invite(s, alice.id, shop.id, "bob@example.com", Role.EDITOR)
        workspaces.accept_invite(s, bob.id, token)
    with pytest.raises(Forbidden), db.write() as s:
        workspaces.invite(s, bob.id, shop.id, "eve@example.com", Role.OWNER)


def test_readiness_answers_are_kept_per_workspace(db: Database) -> None:
    alice, bob = user(db, "alice@example.com", "Alice"), user(db, "bob@example.com")
    shop = workspace(db, alice)
    with db.write() as s:
        assert assessments.latest(s, alice.id, shop.id) is None
        assessments.save(s, alice.id, shop.id, {"s1": 1})
        assessments.save(s, alice.id, shop.id, {"s1": 3, "goals": [1, 2]})
    with db.write() as s:
        found = assessments.latest(s, alice.id, shop.id)
        assert found is not None and found.answers == {"s1": 3, "goals": [1, 2]}
        assert found.author_name == "Alice"
        with pytest.raises(NotFound):
            assessments.latest(s, bob.id, shop.id)
        with pytest.raises(NotFound):
            assessments.save(s, bob.id, shop.id, {"s1": 1})


def test_catalog_entries_belong_to_one_workspace(db: Database) -> None:
    alice, bob = user(db, "alice@example.com"), user(db, "bob@example.com")
    shop = workspace(db, alice)
    entry = {"id": "canva-pro", "summary": {"zh-TW": "議價", "en": "negotiated"}}
    with db.write() as s:
        assert catalogs.get(s, alice.id, shop.id).entries == []
        saved = catalogs.put(s, alice.id, shop.id, [entry])
    assert saved.entries == [entry] and saved.updated_at is not None
    with db.write() as s:
        assert catalogs.get(s, alice.id, shop.id).entries == [entry]
        catalogs.put(s, alice.id, shop.id, [])
        assert catalogs.get(s, alice.id, shop.id).entries == []
        with pytest.raises(NotFound):
            catalogs.get(s, bob.id, shop.id)


def test_a_role_raised_by_an_invitation_counts_at_once(db: Database) -> None:
    alice, bob = user(db, "alice@example.com"), user(db, "bob@example.com")
    shop = workspace(db, alice)
    with db.write() as s:
        first = workspaces.invite(s, alice.id, shop.id, "bob@example.com", Role.VIEWER)
        second = workspaces.invite(s, alice.id, shop.id, "bob@example.com", Role.EDITOR)
        workspaces.accept_invite(s, bob.id, first)
        assert workspaces.require(s, bob.id, shop.id).role is Role.VIEWER  # remembered
        assert workspaces.accept_invite(s, bob.id, second).role is Role.EDITOR
        assert workspaces.require(s, bob.id, shop.id, Role.EDITOR).role is Role.EDITOR


def test_unfinished_readiness_answers_are_one_per_user_and_end_with_the_assessment(
    db: Database,
) -> None:
    alice, bob = user(db, "alice@example.com", "Alice"), user(db, "bob@example.com")
    shop = workspace(db, alice)
    with db.write() as s:
        assessments.keep_draft(s, alice.id, shop.id, {"s1": 2}, 2)
        assessments.keep_draft(s, alice.id, shop.id, {"s1": 2, "d1": 4}, 3)  # the same draft
        with pytest.raises(NotFound):  # not a member: the workspace does not exist for bob
            assessments.keep_draft(s, bob.id, shop.id, {"s1": 1}, 1)
    with db.session() as s:
        kept = assessments.draft(s, alice.id, shop.id)
        assert kept is not None and (kept.page, kept.answers) == (3, {"s1": 2, "d1": 4})
        count = s.scalar(select(func.count()).select_from(ReadinessDraftRow))
        assert count == 1
    with db.write() as s:
        assessments.save(s, alice.id, shop.id, {"s1": 2, "d1": 4})
    with db.session() as s:
        assert assessments.draft(s, alice.id, shop.id) is None
        assert s.scalar(select(func.count()).select_from(ReadinessDraftRow)) == 0
