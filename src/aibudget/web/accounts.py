"""Signing in, for the sign-in, first-run, sign-up and password pages: a new session for
a user, only local pages to go to next, and the account form's problems."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from aibudget.i18n import Translator
from aibudget.service.accounts import record_sign_in
from aibudget.store.records import User
from aibudget.web.context import session
from aibudget.web.limits import client_address
from aibudget.web.passwords import password_problem
from aibudget.web.security import SESSION_SECONDS, fresh_session
from aibudget.web.state import WebState

UNCONFIRMED = "unconfirmed"  # the session key of an account that proved its password


def safe_next(target: str | None) -> str:
    """Only local paths (no //host, no scheme) to avoid open redirects."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/workspaces"


def account_problems(t: Translator, email: str, name: str, password: str) -> dict[str, str]:
    found = {}
    if "@" not in email or len(email) > 254 or " " in email.strip():
        found["email"] = t("web.email_invalid")
    if not name.strip() or len(name) > 200:
        found["name"] = t("web.name_needed")
    weak = password_problem(password, email)
    if weak is not None:
        found["password"] = t(weak[0], **weak[1])
    return found


def start_session(request: Request, web: WebState, user: User) -> None:
    """A new session (new id) for ``user``, recorded in the store (with the address it
    came from); a batch of expired sessions and counters goes at the same time."""
    fresh = fresh_session(user.id, session(request).get("lang"), user.session_epoch)
    record_sign_in(web.db, user.id, fresh["sid"], SESSION_SECONDS, client_address(request))
    web.counters.prune()
    request.state.session = fresh
    request.state.user = user


def sign_in(request: Request, web: WebState, user: User, target: str) -> Response:
    """A new session for ``user``, then ``target`` (a local page only)."""
    start_session(request, web, user)
    return RedirectResponse(safe_next(target), status_code=303)
