"""Members: invitations bound to the invited address; owners list, change roles, remove
members and revoke invitations, audited; a workspace always keeps an owner."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select

from aibudget.store import audit, workspaces
from aibudget.store.db import Database
from aibudget.store.errors import Conflict, Forbidden, NotFound
from aibudget.store.models import MembershipRow
from aibudget.store.records import Role, User, Workspace
from tests.store.factories import user, workspace


def _join(db: Database, owner: User, shop: Workspace, member: User, role: Role) -> None:
    with db.write() as s:
        token = workspaces.invite(s, owner.id, shop.id, member.email, role)
        workspaces.accept_invite(s, member.id, token)


def _roles(db: Database, workspace_id: str) -> dict[str, str]:
    """Memberships as stored (read apart from the functions under test)."""
    with db.session() as s:
        rows = s.execute(
            select(MembershipRow.user_id, MembershipRow.role).where(
                MembershipRow.workspace_id == workspace_id
            )
        )
        return {uid: role for uid, role in rows}


def test_an_invitation_can_be_accepted_only_by_the_invited_address(db: Database) -> None:
    alice, bob, eve = (user(db, f"{n}@example.com") for n in ("alice", "bob", "eve"))
    shop = workspace(db, alice)
    with db.write() as s:
        token = workspaces.invite(s, alice.id, shop.id, "Bob@Example.com ", Role.EDITOR)
    with pytest.raises(Forbidden) as refused, db.write() as s:
        workspaces.accept_invite(s, eve.id, token)
    assert refused.value.message_id == "accounts.invite_other_email"
    assert refused.value.params == {}  # says nothing of the workspace or the address
    assert eve.id not in _roles(db, shop.id)
    with db.write() as s:
        assert workspaces.accept_invite(s, bob.id, token).role is Role.EDITOR
    assert _roles(db, shop.id)[bob.id] == "editor"


def test_owners_change_roles_and_remove_members_audited(db: Database) -> None:
    alice, bob = user(db, "alice@example.com"), user(db, "bob@example.com")
    shop = workspace(db, alice)
    _join(db, alice, shop, bob, Role.VIEWER)
    with db.write() as s:
        assert workspaces.set_role(s, alice.id, shop.id, bob.id, Role.EDITOR).role is Role.EDITOR
    assert _roles(db, shop.id)[bob.id] == "editor"
    with db.write() as s:
        workspaces.remove_member(s, alice.id, shop.id, bob.id)
    assert bob.id not in _roles(db, shop.id)
    with db.session() as s:
        with pytest.raises(NotFound):  # bob no longer sees it
            workspaces.require(s, bob.id, shop.id)
        log = audit.entries(s, shop.id)
    assert [e.action for e in log[:2]] == ["member.removed", "member.role_changed"]
    assert log[0].target == bob.id and log[1].detail == {"before": "viewer", "role": "editor"}


def test_only_owners_manage_members(db: Database) -> None:
    alice, bob = user(db, "alice@example.com"), user(db, "bob@example.com")
    shop = workspace(db, alice)
    _join(db, alice, shop, bob, Role.EDITOR)
    for change in (
        lambda s: workspaces.set_role(s, bob.id, shop.id, alice.id, Role.VIEWER),
        lambda s: workspaces.remove_member(s, bob.id, shop.id, alice.id),
        lambda s: workspaces.pending_invites(s, bob.id, shop.id),
    ):
        with pytest.raises(Forbidden), db.write() as s:
            change(s)
    assert _roles(db, shop.id)[alice.id] == "owner"


def test_the_last_owner_is_neither_removed_nor_demoted(db: Database) -> None:
    alice, bob = user(db, "alice@example.com"), user(db, "bob@example.com")
    shop = workspace(db, alice)
    for change in (
        lambda s: workspaces.set_role(s, alice.id, shop.id, alice.id, Role.EDITOR),
        lambda s: workspaces.remove_member(s, alice.id, shop.id, alice.id),
    ):
        with pytest.raises(Conflict) as refused, db.write() as s:
            change(s)
        assert refused.value.message_id == "accounts.last_owner"
    _join(db, alice, shop, bob, Role.OWNER)
    with db.write() as s:  # with a second owner, the first may step down
        workspaces.set_role(s, alice.id, shop.id, alice.id, Role.EDITOR)
    assert _roles(db, shop.id) == {alice.id: "editor", bob.id: "owner"}


def test_two_owners_demoting_each_other_at_once_leave_one_owner(db: Database) -> None:
    alice, bob = user(db, "alice@example.com"), user(db, "bob@example.com")
    shop = workspace(db, alice)
    _join(db, alice, shop, bob, Role.OWNER)
    start = threading.Barrier(2)

    def demote(pair: tuple[User, User]) -> str:
        actor, other = pair
        start.wait()
        try:
            with db.write() as s:
                workspaces.set_role(s, actor.id, shop.id, other.id, Role.VIEWER)
        except (Conflict, Forbidden) as exc:  # last owner, or no longer an owner
            return exc.message_id
        return "done"

    with ThreadPoolExecutor(2) as pool:
        answers = sorted(pool.map(demote, [(alice, bob), (bob, alice)]))
    assert answers.count("done") == 1
    assert list(_roles(db, shop.id).values()).count("owner") == 1


def test_a_revoked_invitation_no_longer_works(db: Database) -> None:
    alice, bob = user(db, "alice@example.com"), user(db, "bob@example.com")
    shop, other = workspace(db, alice), workspace(db, bob, "Other")
    with db.write() as s:
        token = workspaces.invite(s, alice.id, shop.id, bob.email, Role.VIEWER)
    with db.session() as s:
        (pending,) = workspaces.pending_invites(s, alice.id, shop.id)
    assert (pending.email, pending.role) == ("bob@example.com", Role.VIEWER)
    with pytest.raises(NotFound), db.write() as s:  # not through another workspace
        workspaces.revoke_invite(s, bob.id, other.id, pending.id)
    with db.write() as s:
        workspaces.revoke_invite(s, alice.id, shop.id, pending.id)
    with pytest.raises(NotFound), db.write() as s:
        workspaces.accept_invite(s, bob.id, token)
    with db.session() as s:
        assert workspaces.pending_invites(s, alice.id, shop.id) == []
        assert audit.entries(s, shop.id)[0].action == "invite.revoked"
