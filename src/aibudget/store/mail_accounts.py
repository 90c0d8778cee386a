"""What e-mail needs from accounts: who gets reminders (and about which plans), and
password-reset links (stored as SHA-256 only, single use, expiring)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from aibudget.store import audit, one_time_links, users
from aibudget.store.checks import NEWEST_LIVE
from aibudget.store.db import locked
from aibudget.store.models import (
    MembershipRow,
    PlanRow,
    SessionRow,
    UserRow,
    WorkspaceRow,
    utcnow,
)
from aibudget.store.models_jobs import MailSettingRow, PasswordResetRow
from aibudget.store.records import Record, Role, User

EDITING = (Role.OWNER.value, Role.EDITOR.value)


class PlanLink(Record):
    workspace_id: str
    workspace_name: str
    plan_id: str
    plan_name: str


class Recipient(Record):
    user: User
    plans: list[PlanLink]


def reminders_on(session: Session, user_id: str) -> bool:
    row = session.get(MailSettingRow, user_id)
    return True if row is None else bool(row.reminders)


def set_reminders(session: Session, user_id: str, on: bool) -> None:
    row = locked(session, MailSettingRow, user_id)
    if row is None:
        session.add(MailSettingRow(user_id=user_id, reminders=on))
    else:
        row.reminders = on
    audit.record(session, "user.reminders", user_id=user_id, on=on)


def recipients(session: Session, user_id: str | None = None) -> list[Recipient]:
    """Every user (or only ``user_id``) who keeps reminders on and edits at least one
    live plan, with those plans (in order of workspace and plan name)."""
    query = (
        select(UserRow, WorkspaceRow.id, WorkspaceRow.name, PlanRow.id, PlanRow.name)
        .join(MembershipRow, MembershipRow.user_id == UserRow.id)
        .join(WorkspaceRow, WorkspaceRow.id == MembershipRow.workspace_id)
        .join(PlanRow, PlanRow.workspace_id == WorkspaceRow.id)
        .join(NEWEST_LIVE, NEWEST_LIVE.c.plan_id == PlanRow.id)
        .outerjoin(MailSettingRow, MailSettingRow.user_id == UserRow.id)
        .where(MembershipRow.role.in_(EDITING), PlanRow.deleted_at.is_(None))
        .where((MailSettingRow.reminders.is_(None)) | (MailSettingRow.reminders.is_(True)))
        .order_by(UserRow.id, WorkspaceRow.name, PlanRow.name, PlanRow.id)
    )
    if user_id is not None:
        query = query.where(UserRow.id == user_id)
    rows = session.execute(query).all()
    found: dict[str, Recipient] = {}
    for user_row, ws_id, ws_name, plan_id, plan_name in rows:
        entry = found.setdefault(user_row.id, Recipient(user=users.to_record(user_row), plans=[]))
        entry.plans.append(
            PlanLink(
                workspace_id=ws_id, workspace_name=ws_name, plan_id=plan_id, plan_name=plan_name
            )
        )
    return list(found.values())


def create_reset(session: Session, email: str, minutes: int) -> tuple[User, str] | None:
    """A new reset link's token for the account of ``email`` (None without one). Older
    links of the account stop working."""
    row = session.scalar(select(UserRow).where(UserRow.email == users.normalise_email(email)))
    if row is None:
        return None
    token = one_time_links.issue(session, PasswordResetRow, row.id, timedelta(minutes=minutes))
    audit.record(session, "user.reset_requested", user_id=row.id)
    return users.to_record(row), token


def reset_user(session: Session, token: str) -> User | None:
    """The account a reset link is for, while the link still works."""
    row = one_time_links.find(session, PasswordResetRow, token, lock=False)
    return users.get(session, row.user_id) if row else None


def use_reset(session: Session, token: str, password: str) -> User | None:
    """Set the new password with a working link (which then stops working); every
    session of the account ends, and an unconfirmed account is confirmed (the link was
    read at its address). None when the link is unknown, used or expired."""
    row = one_time_links.find(session, PasswordResetRow, token, lock=True)
    if row is None:
        return None
    row.used_at = utcnow()
    user = locked(session, UserRow, row.user_id)
    if user is None:
        return None
    user.password_hash = users.password_hasher().hash(password)
    if user.confirmed_at is None:  # the link came to the address: that confirms it
        user.confirmed_at = row.used_at
    user.session_epoch = (user.session_epoch or 0) + 1
    session.execute(delete(SessionRow).where(SessionRow.user_id == user.id))
    session.execute(
        update(PasswordResetRow)
        .where(PasswordResetRow.user_id == user.id, PasswordResetRow.used_at.is_(None))
        .values(used_at=row.used_at)
    )
    audit.record(session, "user.password_reset", user_id=user.id)
    return users.to_record(user)
