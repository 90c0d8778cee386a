"""Signed session cookies and CSRF tokens.

The session is a signed (itsdangerous), HttpOnly, SameSite=Lax cookie holding a random
session id, the user id and the chosen language; limits live in the shared counters
(see limits.py), not in the app process.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer

from aibudget.service.memo import Memo

COOKIE = "aibudget_session"
SESSION_SECONDS = 14 * 24 * 3600
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
VERIFIED_COOKIES = 4096  # cookies whose signature was checked, kept per process


class _Refused(Exception):
    """A cookie whose signature or content is not ours (never remembered)."""


class Sessions:
    def __init__(self, secret: str) -> None:
        self._serializer = URLSafeTimedSerializer(secret, salt="aibudget.session")
        self._csrf_key = hashlib.sha256(b"aibudget.csrf:" + secret.encode()).digest()
        # cookie -> (its data, signing time): a cookie's bytes decide its signature check,
        # so only its age is checked again when the same cookie comes back.
        self._verified: Memo[str, tuple[dict[str, Any], float]] = Memo(VERIFIED_COOKIES)

    def _check(self, cookie: str) -> tuple[dict[str, Any], float]:
        """The cookie's data and signing time; _Refused for a bad signature or content."""
        try:
            data, signed = self._serializer.loads(
                cookie, max_age=SESSION_SECONDS, return_timestamp=True
            )
        except BadSignature:
            raise _Refused() from None
        if not isinstance(data, dict):
            raise _Refused()
        return data, signed.timestamp()

    def _verify(self, cookie: str) -> dict[str, Any] | None:
        try:
            data, signed_at = self._verified.get_or_make(cookie, lambda: self._check(cookie))
        except _Refused:
            return None
        if not 0 <= time.time() - signed_at <= SESSION_SECONDS:
            return None  # expired (as itsdangerous's max_age would say)
        return dict(data)  # the caller's own copy: handlers change their session

    def load(self, cookie: str | None) -> dict[str, Any]:
        if cookie:
            data = self._verify(cookie)
            if data is not None and isinstance(data.get("sid"), str):
                return data
        return {"sid": secrets.token_urlsafe(18)}

    def dump(self, session: dict[str, Any]) -> str:
        return self._serializer.dumps(session)

    def csrf_token(self, session: dict[str, Any]) -> str:
        return hmac.new(self._csrf_key, session["sid"].encode(), hashlib.sha256).hexdigest()

    def csrf_ok(self, session: dict[str, Any], token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(self.csrf_token(session), str(token))


def fresh_session(user_id: str | None, lang: str | None, epoch: int = 0) -> dict[str, Any]:
    """A new session id on every sign-in and sign-out (no fixation); keeps the language.

    ``epoch`` is the user's session epoch: raising it in the database ends the session.
    """
    session: dict[str, Any] = {"sid": secrets.token_urlsafe(18)}
    if user_id:
        session["uid"] = user_id
        session["ep"] = epoch
    if lang:
        session["lang"] = lang
    return session
