"""One-time links e-mailed to an account (password reset, address confirmation): the
token is stored as SHA-256 only, expires, works once, and a new link replaces the
account's older ones. Each kind has its own table with the same core columns."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any, TypeVar

from sqlalchemy import delete
from sqlalchemy.orm import Session

from aibudget.store import users
from aibudget.store.db import locked
from aibudget.store.models import aware, utcnow
from aibudget.store.models_accounts import EmailConfirmationRow
from aibudget.store.models_jobs import PasswordResetRow

LinkRow = TypeVar("LinkRow", EmailConfirmationRow, PasswordResetRow)


def issue(
    session: Session, kind: type[LinkRow], user_id: str, lifetime: timedelta, **columns: Any
) -> str:
    """A new link's token for the account; its older links of this kind stop working."""
    session.execute(delete(kind).where(kind.user_id == user_id))
    token = secrets.token_urlsafe(32)
    now = utcnow()
    session.add(
        kind(
            token_hash=users.digest(token),
            user_id=user_id,
            created_at=now,
            expires_at=now + lifetime,
            **columns,
        )
    )
    return token


def find(session: Session, kind: type[LinkRow], token: str, lock: bool) -> LinkRow | None:
    """The link of ``token`` while it still works (locked for the change when ``lock``)."""
    key = users.digest(token)
    row = locked(session, kind, key) if lock else session.get(kind, key)
    if row is None or row.used_at is not None or aware(row.expires_at) <= utcnow():
        return None
    return row
