"""Signed session cookies and CSRF tokens.

The session is a signed (itsdangerous), HttpOnly, SameSite=Lax cookie holding a random
session id, the user id and the chosen language; limits live in the shared counters
(see limits.py), not in the app process.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer

COOKIE = "aibudget_session"
SESSION_SECONDS = 14 * 24 * 3600
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


class Sessions:
    def __init__(self, secret: str) -> None:
        self._serializer = URLSafeTimedSerializer(secret, salt="aibudget.session")
        self._csrf_key = hashlib.sha256(b"aibudget.csrf:" + secret.encode()).digest()

    def _verify(self, cookie: str) -> dict[str, Any] | None:
        """The cookie's data (None: a bad signature or content, or too old). Checked on
        every request: 0.08 ms, not worth keeping (benchmarks/bench_caches.py)."""
        try:
            data = self._serializer.loads(cookie, max_age=SESSION_SECONDS)
        except BadSignature:  # SignatureExpired too
            return None
        return data if isinstance(data, dict) else None

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
