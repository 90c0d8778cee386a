"""Links that confirm a new account's e-mail address (stored as SHA-256 only, single use,
expiring). Until one is opened the account cannot sign in; no other account is touched.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from aibudget.store import audit, one_time_links, users
from aibudget.store.db import locked
from aibudget.store.models import UserRow, utcnow
from aibudget.store.models_accounts import EmailConfirmationRow
from aibudget.store.records import User

NEXT_PATH_LENGTH = 500


def create_link(
    session: Session, email: str, hours: int, next_path: str = ""
) -> tuple[User, str] | None:
    """A new link's token for the unconfirmed account of ``email`` (None when there is
    no such account, or it is confirmed already). Older links of the account stop
    working; ``next_path`` is where the confirmed account goes."""
    row = session.scalar(select(UserRow).where(UserRow.email == users.normalise_email(email)))
    if row is None or row.confirmed_at is not None:
        return None
    token = one_time_links.issue(
        session,
        EmailConfirmationRow,
        row.id,
        timedelta(hours=hours),
        next_path=next_path[:NEXT_PATH_LENGTH],
    )
    audit.record(session, "user.confirmation_sent", user_id=row.id)
    return users.to_record(row), token


def link_user(session: Session, token: str) -> User | None:
    """The account a link is for, while the link still works."""
    row = one_time_links.find(session, EmailConfirmationRow, token, lock=False)
    return users.get(session, row.user_id) if row else None


def confirm(session: Session, token: str) -> tuple[User, str] | None:
    """Confirm the account of a working link (the link, and any other of the account,
    then stops working); the account and the page to open next. None when the link is
    unknown, used or expired."""
    row = one_time_links.find(session, EmailConfirmationRow, token, lock=True)
    if row is None:
        return None
    row.used_at = utcnow()
    user = locked(session, UserRow, row.user_id)
    if user is None:
        return None
    if user.confirmed_at is None:
        user.confirmed_at = row.used_at
        audit.record(session, "user.confirmed", user_id=user.id)
    session.execute(
        update(EmailConfirmationRow)
        .where(EmailConfirmationRow.user_id == user.id, EmailConfirmationRow.used_at.is_(None))
        .values(used_at=row.used_at)
    )
    return users.to_record(user), row.next_path


def take_over(
    session: Session, email: str, name: str, password: str, locale: str | None
) -> User | None:
    """The installation's first run with an address someone signed up with (unconfirmed)
    before it: the account becomes the owner's, with their name and password, confirmed;
    its links stop working. None when there is no such account."""
    address = users.normalise_email(email)
    row = session.scalar(
        select(UserRow).where(UserRow.email == address, UserRow.confirmed_at.is_(None))
    )
    if row is None:
        return None
    row.name, row.locale = name.strip(), locale
    row.password_hash = users.password_hasher().hash(password)
    row.confirmed_at = utcnow()
    row.session_epoch = (row.session_epoch or 0) + 1
    session.execute(delete(EmailConfirmationRow).where(EmailConfirmationRow.user_id == row.id))
    audit.record(session, "user.taken_over", user_id=row.id)
    return users.to_record(row)
