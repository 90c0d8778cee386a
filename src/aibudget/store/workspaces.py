"""Workspaces (one business, or one client of a consultant), memberships and invites.

Every read goes through the membership of the asking user: a workspace the user is not a
member of does not exist for them (NotFound, never Forbidden, so ids cannot be probed).
"""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from aibudget.domain.texts import N_
from aibudget.store import audit
from aibudget.store.db import locked, read
from aibudget.store.errors import Conflict, Forbidden, NotFound
from aibudget.store.models import InviteRow, MembershipRow, UserRow, WorkspaceRow, aware
from aibudget.store.records import Invite, Member, PendingInvite, Role, Workspace

_RANK = {Role.VIEWER: 0, Role.EDITOR: 1, Role.OWNER: 2}
_MEMO = "aibudget.memberships"
_SPACES, _MEMBERS = WorkspaceRow.__table__, MembershipRow.__table__
# Asked by every page and API call of a workspace: plain SQL, built once.
_MEMBERSHIP = (
    select(_SPACES.c.id, _SPACES.c.name, _SPACES.c.created_at, _MEMBERS.c.role)
    .join(_MEMBERS, _MEMBERS.c.workspace_id == _SPACES.c.id)
    .where(_MEMBERS.c.user_id == bindparam("user_id"), _SPACES.c.id == bindparam("workspace_id"))
)


def _forget(session: Session) -> None:
    session.info.pop(_MEMO, None)


def _record(row: WorkspaceRow | Any, role: str) -> Workspace:
    return Workspace(id=row.id, name=row.name, role=Role(role), created_at=aware(row.created_at))


def create(session: Session, user_id: str, name: str) -> Workspace:
    row = WorkspaceRow(name=name.strip())
    session.add(row)
    session.flush()
    session.add(MembershipRow(workspace_id=row.id, user_id=user_id, role=Role.OWNER.value))
    audit.record(session, "workspace.created", user_id=user_id, workspace_id=row.id, name=name)
    return _record(row, Role.OWNER)


def list_for(session: Session, user_id: str) -> list[Workspace]:
    rows = session.execute(
        select(WorkspaceRow, MembershipRow.role)
        .join(MembershipRow, MembershipRow.workspace_id == WorkspaceRow.id)
        .where(MembershipRow.user_id == user_id)
        .order_by(WorkspaceRow.name, WorkspaceRow.id)
    )
    return [_record(ws, role) for ws, role in rows]


def require(
    session: Session, user_id: str, workspace_id: str, need: Role = Role.VIEWER
) -> Workspace:
    """The workspace as ``user_id`` sees it: NotFound unless a member, Forbidden if short.

    Found memberships are remembered for the rest of the transaction (one page asks
    several times); changes to memberships forget them.
    """
    memo: dict[tuple[str, str], Workspace] = session.info.setdefault(_MEMO, {})
    workspace = memo.get((user_id, workspace_id))
    if workspace is None:
        found = read(session, _MEMBERSHIP, user_id=user_id, workspace_id=workspace_id).first()
        if found is None:
            raise NotFound()
        workspace = memo[(user_id, workspace_id)] = _record(found, found.role)
    if _RANK[workspace.role] < _RANK[need]:
        raise Forbidden(N_("store.role_needed"), role=need.value)
    return workspace


def rename(session: Session, user_id: str, workspace_id: str, name: str) -> Workspace:
    require(session, user_id, workspace_id, Role.OWNER)
    row = session.get(WorkspaceRow, workspace_id)
    assert row is not None
    row.name = name.strip()
    _forget(session)
    audit.record(
        session, "workspace.renamed", user_id=user_id, workspace_id=workspace_id, name=name
    )
    return _record(row, Role.OWNER)


def members(session: Session, user_id: str, workspace_id: str) -> list[Member]:
    require(session, user_id, workspace_id)
    rows = session.execute(
        select(UserRow, MembershipRow.role)
        .join(MembershipRow, MembershipRow.user_id == UserRow.id)
        .where(MembershipRow.workspace_id == workspace_id)
        .order_by(UserRow.name)
    )
    return [Member(user_id=u.id, email=u.email, name=u.name, role=Role(r)) for u, r in rows]


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invite(session: Session, user_id: str, workspace_id: str, email: str, role: Role) -> str:
    """An invitation token (shown to the owner as a link; only its hash is stored)."""
    require(session, user_id, workspace_id, Role.OWNER)
    token = secrets.token_urlsafe(24)
    session.add(
        InviteRow(
            token_hash=_digest(token),
            workspace_id=workspace_id,
            email=email.strip().lower(),
            role=role.value,
            created_by=user_id,
        )
    )
    audit.record(
        session,
        "member.invited",
        user_id=user_id,
        workspace_id=workspace_id,
        email=email,
        role=role.value,
    )
    return token


def _open_invite(session: Session, token: str, lock: bool = False) -> InviteRow:
    key = _digest(token)
    row = locked(session, InviteRow, key) if lock else session.get(InviteRow, key)
    if row is None or row.accepted_by is not None:
        raise NotFound(N_("store.invite_unknown"))
    return row


def peek_invite(session: Session, token: str) -> Invite:
    row = _open_invite(session, token)
    ws = session.get(WorkspaceRow, row.workspace_id)
    assert ws is not None
    return Invite(workspace_id=ws.id, workspace_name=ws.name, email=row.email, role=Role(row.role))


def _for_address_of(session: Session, user_id: str, row: InviteRow) -> None:
    """Only the account of the invited address may see or accept an invitation; anyone
    else learns only that (Forbidden, naming neither the workspace nor the address)."""
    user = session.get(UserRow, user_id)
    if user is None or user.email != row.email:
        raise Forbidden(N_("accounts.invite_other_email"))


def invite_for(session: Session, user_id: str, token: str) -> Invite:
    """The invitation as the signed-in ``user_id`` may see it (see _for_address_of)."""
    _for_address_of(session, user_id, _open_invite(session, token))
    return peek_invite(session, token)


def accept_invite(session: Session, user_id: str, token: str) -> Workspace:
    """Join the workspace with the invited role (an existing member keeps the higher
    role); only the account of the invited e-mail address may accept."""
    row = _open_invite(session, token, lock=True)  # used once, even by two at a time
    _for_address_of(session, user_id, row)
    row.accepted_by = user_id
    _forget(session)
    member = session.get(MembershipRow, (row.workspace_id, user_id))
    if member is None:
        session.add(MembershipRow(workspace_id=row.workspace_id, user_id=user_id, role=row.role))
    elif _RANK[Role(row.role)] > _RANK[Role(member.role)]:
        member.role = row.role
    audit.record(
        session, "member.joined", user_id=user_id, workspace_id=row.workspace_id, role=row.role
    )
    session.flush()
    return require(session, user_id, row.workspace_id)


def pending_invites(session: Session, user_id: str, workspace_id: str) -> list[PendingInvite]:
    """Invitations not yet accepted (owners only), newest first."""
    require(session, user_id, workspace_id, Role.OWNER)
    rows = session.scalars(
        select(InviteRow)
        .where(InviteRow.workspace_id == workspace_id, InviteRow.accepted_by.is_(None))
        .order_by(InviteRow.created_at.desc())
    )
    return [
        PendingInvite(
            id=r.token_hash, email=r.email, role=Role(r.role), created_at=aware(r.created_at)
        )
        for r in rows
    ]


def revoke_invite(session: Session, user_id: str, workspace_id: str, invite_id: str) -> None:
    """Withdraw an invitation not yet accepted (its link stops working)."""
    require(session, user_id, workspace_id, Role.OWNER)
    row = locked(session, InviteRow, invite_id)
    if row is None or row.workspace_id != workspace_id or row.accepted_by is not None:
        raise NotFound()
    session.delete(row)
    audit.record(
        session, "invite.revoked", user_id=user_id, workspace_id=workspace_id, email=row.email
    )


def _membership_to_change(
    session: Session, user_id: str, workspace_id: str, member_id: str
) -> MembershipRow:
    """An owner's change to a membership: the workspace is locked first, so two owners
    changing each other at once cannot leave it without an owner (nor act after losing
    the role)."""
    locked(session, WorkspaceRow, workspace_id)
    require(session, user_id, workspace_id, Role.OWNER)
    member = session.get(MembershipRow, (workspace_id, member_id))
    if member is None:
        raise NotFound()
    return member


def _keep_an_owner(session: Session, workspace_id: str, member: MembershipRow) -> None:
    if member.role != Role.OWNER.value:
        return
    owners = session.scalar(
        select(func.count())
        .select_from(MembershipRow)
        .where(
            MembershipRow.workspace_id == workspace_id,
            MembershipRow.role == Role.OWNER.value,
        )
    )
    if (owners or 0) <= 1:
        raise Conflict(N_("accounts.last_owner"))


def set_role(
    session: Session, user_id: str, workspace_id: str, member_id: str, role: Role
) -> Member:
    """Give a member another role; the last owner cannot be demoted."""
    member = _membership_to_change(session, user_id, workspace_id, member_id)
    if role is not Role.OWNER:
        _keep_an_owner(session, workspace_id, member)
    before, member.role = member.role, role.value
    _forget(session)
    audit.record(
        session,
        "member.role_changed",
        user_id=user_id,
        workspace_id=workspace_id,
        target=member_id,
        before=before,
        role=role.value,
    )
    person = session.get(UserRow, member_id)
    assert person is not None
    return Member(user_id=person.id, email=person.email, name=person.name, role=role)


def remove_member(session: Session, user_id: str, workspace_id: str, member_id: str) -> None:
    """Take a member out of the workspace; the last owner cannot be removed."""
    member = _membership_to_change(session, user_id, workspace_id, member_id)
    _keep_an_owner(session, workspace_id, member)
    session.delete(member)
    _forget(session)
    audit.record(
        session,
        "member.removed",
        user_id=user_id,
        workspace_id=workspace_id,
        target=member_id,
        role=member.role,
    )
