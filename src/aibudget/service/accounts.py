"""Accounts for the sign-in, first-run, sign-up and account pages: a sign-in recorded,
the account's API tokens, an invitation that vouches for an address, an account still
to be confirmed, the account of a password-reset link."""

from __future__ import annotations

import contextlib

from aibudget.store import audit, mail_accounts, users, workspaces
from aibudget.store.db import Database
from aibudget.store.errors import NotFound
from aibudget.store.records import ApiToken, User
from aibudget.store.users import normalise_email


def record_sign_in(
    db: Database, user_id: str, sid: str, max_age_seconds: int, address: str
) -> None:
    """The new session ``sid`` of ``user_id`` stored and the sign-in audited (with the
    address it came from); a batch of expired sessions goes in the same transaction."""
    with db.write() as s:
        users.start_session(s, user_id, sid, max_age_seconds)
        users.prune_sessions(s, max_age_seconds)
        audit.record(s, "user.signed_in", user_id=user_id, address=address)


def tokens(db: Database, user_id: str) -> list[ApiToken]:
    with db.session() as s:
        return users.tokens(s, user_id)


def is_invited(db: Database, invite_token: str, email: str) -> bool:
    """Whether ``invite_token`` is a working invitation for ``email``."""
    try:
        with db.session() as s:
            invite = workspaces.peek_invite(s, invite_token)
    except NotFound:
        return False
    return invite.email == normalise_email(email)


def unconfirmed(db: Database, user_id: str) -> User | None:
    """The account while its address is unconfirmed (None once confirmed, or gone)."""
    with db.session() as s, contextlib.suppress(NotFound):
        return None if users.is_confirmed(s, user_id) else users.get(s, user_id)
    return None


def reset_link_user(db: Database, token: str) -> User | None:
    """The account a password-reset link is for, while the link still works."""
    with db.session() as s:
        return mail_accounts.reset_user(s, token)
