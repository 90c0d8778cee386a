"""Accounts: argon2 password hashes, sign-in sessions and personal API tokens (sessions
and tokens stored as SHA-256 only)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from functools import cache
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import bindparam, delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from aibudget.domain.texts import N_
from aibudget.store import audit
from aibudget.store.db import locked, read
from aibudget.store.errors import Conflict, NotFound
from aibudget.store.models import ApiTokenRow, SessionRow, UserRow, aware, utcnow
from aibudget.store.records import ApiToken, User

TOKEN_PREFIX = "aib_"
PRUNE_BATCH = 500  # expired sessions deleted per transaction
# Asked on every request (the session's user, an API token's user): plain SQL, built once.
_USERS, _TOKENS, _SESSIONS = UserRow.__table__, ApiTokenRow.__table__, SessionRow.__table__
_RECORD = select(*(_USERS.c[name] for name in User.model_fields))
_BY_ID = _RECORD.where(_USERS.c.id == bindparam("user_id"))
_BY_SESSION = _RECORD.join(_SESSIONS, _SESSIONS.c.user_id == _USERS.c.id).where(
    _SESSIONS.c.id == bindparam("digest"), _USERS.c.id == bindparam("user_id")
)
_BY_TOKEN = _RECORD.join(_TOKENS, _TOKENS.c.user_id == _USERS.c.id).where(
    _TOKENS.c.token_hash == bindparam("digest")
)


@cache
def password_hasher() -> PasswordHasher:
    """argon2id with the library's recommended parameters (built on first use)."""
    return PasswordHasher()


@cache
def _dummy_hash(hasher: PasswordHasher) -> str:
    """Verified when the e-mail is unknown, so both paths cost the same time."""
    return hasher.hash("not a real password")


def to_record(row: UserRow | Any) -> User:
    """A user from its ORM row or a row of ``_RECORD``."""
    return User(
        id=row.id,
        email=row.email,
        name=row.name,
        locale=row.locale,
        created_at=aware(row.created_at),
        session_epoch=row.session_epoch or 0,
    )


def normalise_email(email: str) -> str:
    return email.strip().lower()


def count(session: Session) -> int:
    """Accounts that can sign in (confirmed): none means the installation's first run,
    even when strangers have signed up without opening their link."""
    query = select(func.count()).select_from(UserRow).where(UserRow.confirmed_at.is_not(None))
    return session.scalar(query) or 0


def create(
    session: Session,
    email: str,
    name: str,
    password: str,
    *,
    confirmed: bool = True,
    locale: str | None = None,
) -> User:
    """A new account; Conflict when the address has one. The password is hashed first,
    so a taken address answers no sooner than a new one.

    ``confirmed=False`` (sign-up): the account cannot sign in until the e-mailed link is
    opened. Accounts made by the first run, the command line or tests are confirmed."""
    email = normalise_email(email)
    password_hash = password_hasher().hash(password)
    if session.scalar(select(UserRow.id).where(UserRow.email == email)):
        raise Conflict(N_("store.email_taken"), email=email)
    row = UserRow(
        email=email,
        name=name.strip(),
        password_hash=password_hash,
        confirmed_at=utcnow() if confirmed else None,
        locale=locale,
    )
    session.add(row)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError:  # the same address signed up at the same moment
        raise Conflict(N_("store.email_taken"), email=email) from None
    audit.record(session, "user.created", user_id=row.id, target=row.id)
    return to_record(row)


def get(session: Session, user_id: str) -> User:
    row = read(session, _BY_ID, user_id=user_id).first()
    if row is None:
        raise NotFound()
    return to_record(row)


def authenticate(session: Session, email: str, password: str) -> User | None:
    """The user if the password matches (re-hashing an outdated hash), else None."""
    row = session.scalar(select(UserRow).where(UserRow.email == normalise_email(email)))
    hasher = password_hasher()
    try:
        hasher.verify(row.password_hash if row else _dummy_hash(hasher), password)
    except (VerificationError, InvalidHashError):
        return None
    if row is None:
        return None
    if hasher.check_needs_rehash(row.password_hash):
        row.password_hash = hasher.hash(password)
    return to_record(row)


def is_confirmed(session: Session, user_id: str) -> bool:
    """Whether the account's address was confirmed (only then may it sign in)."""
    return session.scalar(select(UserRow.confirmed_at).where(UserRow.id == user_id)) is not None


def set_locale(session: Session, user_id: str, locale: str | None) -> None:
    row = session.get(UserRow, user_id)
    if row is None:
        raise NotFound()
    row.locale = locale


def digest(token: str) -> str:
    """What the store keeps of a secret token (sessions, API tokens, e-mailed links)."""
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(session: Session, user_id: str, name: str) -> str:
    """A new personal API token; the plain value is returned once and never stored."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(ApiTokenRow(user_id=user_id, name=name.strip()[:100], token_hash=digest(token)))
    audit.record(session, "token.created", user_id=user_id, name=name)
    return token


def user_for_token(session: Session, token: str) -> User | None:
    if not token.startswith(TOKEN_PREFIX):
        return None
    row = read(session, _BY_TOKEN, digest=digest(token)).first()
    return to_record(row) if row else None


def tokens(session: Session, user_id: str) -> list[ApiToken]:
    rows = session.scalars(
        select(ApiTokenRow).where(ApiTokenRow.user_id == user_id).order_by(ApiTokenRow.created_at)
    )
    return [ApiToken(id=r.id, name=r.name, created_at=aware(r.created_at)) for r in rows]


def revoke_token(session: Session, user_id: str, token_id: str) -> None:
    """Delete one of the user's own tokens (NotFound for anyone else's)."""
    row = session.get(ApiTokenRow, token_id)
    if row is None or row.user_id != user_id:
        raise NotFound()
    session.delete(row)
    audit.record(session, "token.revoked", user_id=user_id, name=row.name)


def start_session(session: Session, user_id: str, sid: str, max_age_seconds: int) -> None:
    """Record a signed-in session (by the session id in its cookie); the user's sessions
    older than ``max_age_seconds`` go at the same time."""
    cutoff = utcnow() - timedelta(seconds=max_age_seconds)
    session.execute(
        delete(SessionRow).where(SessionRow.user_id == user_id, SessionRow.created_at < cutoff)
    )
    session.add(SessionRow(id=digest(sid), user_id=user_id))


def prune_sessions(session: Session, max_age_seconds: int, limit: int = PRUNE_BATCH) -> int:
    """Delete up to ``limit`` sessions older than ``max_age_seconds`` (expired: their
    cookies are refused anyway); how many went."""
    cutoff = utcnow() - timedelta(seconds=max_age_seconds)
    ids = session.scalars(
        select(SessionRow.id).where(SessionRow.created_at < cutoff).limit(limit)
    ).all()
    if ids:
        session.execute(delete(SessionRow).where(SessionRow.id.in_(ids)))
    return len(ids)


def user_for_session(session: Session, user_id: str, sid: str) -> User | None:
    """The user of a signed-in session that has not ended (one query per request)."""
    row = read(session, _BY_SESSION, digest=digest(sid), user_id=user_id).first()
    return to_record(row) if row else None


def end_session(session: Session, sid: str) -> None:
    """Sign out: the session's cookie, and every copy of it, stops working."""
    session.execute(delete(SessionRow).where(SessionRow.id == digest(sid)))


def end_all_sessions(session: Session, user_id: str, *, revoke_tokens: bool = False) -> int:
    """End every session of the user (and, if asked, delete every API token); returns
    the new session epoch."""
    row = locked(session, UserRow, user_id)
    if row is None:
        raise NotFound()
    row.session_epoch = (row.session_epoch or 0) + 1
    session.execute(delete(SessionRow).where(SessionRow.user_id == user_id))
    if revoke_tokens:
        session.execute(delete(ApiTokenRow).where(ApiTokenRow.user_id == user_id))
    audit.record(
        session, "user.signed_out_everywhere", user_id=user_id, tokens_revoked=revoke_tokens
    )
    return row.session_epoch


def change_password(session: Session, user_id: str, current: str, new: str) -> User | None:
    """Set a new password if ``current`` is right (else None); every session of the user
    ends, so the caller signs the user in afresh with the record returned."""
    row = locked(session, UserRow, user_id)
    if row is None:
        raise NotFound()
    hasher = password_hasher()
    try:
        hasher.verify(row.password_hash, current)
    except (VerificationError, InvalidHashError):
        return None
    row.password_hash = hasher.hash(new)
    row.session_epoch = (row.session_epoch or 0) + 1
    session.execute(delete(SessionRow).where(SessionRow.user_id == user_id))
    audit.record(session, "user.password_changed", user_id=user_id)
    return to_record(row)
