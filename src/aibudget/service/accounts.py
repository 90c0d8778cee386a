"""Accounts: a sign-in recorded in the store, for the sign-in, first-run, sign-up and
password pages alike."""

from __future__ import annotations

from aibudget.store import audit, users
from aibudget.store.db import Database


def record_sign_in(
    db: Database, user_id: str, sid: str, max_age_seconds: int, address: str
) -> None:
    """The new session ``sid`` of ``user_id`` stored and the sign-in audited (with the
    address it came from); a batch of expired sessions goes in the same transaction."""
    with db.write() as s:
        users.start_session(s, user_id, sid, max_age_seconds)
        users.prune_sessions(s, max_age_seconds)
        audit.record(s, "user.signed_in", user_id=user_id, address=address)
