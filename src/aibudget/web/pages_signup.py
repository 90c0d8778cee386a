"""Sign-up with a confirmed e-mail address, without telling anyone which addresses have
an account.

Every valid sign-up answers the same page ("we sent a link to <address>"), with the same
status and headers, after the same password hashing. A new address gets an unconfirmed
account and a mail with a one-time link that confirms it and signs it in; a taken
address gets a mail saying someone tried, with a sign-in link and a working reset link.
The mails go through the jobs queue, at most a few per address and hour.

A sign-up that comes from a workspace invitation for that very address (``next`` is the
invitation's page) is confirmed at once: the workspace owner who invited the address
vouches for it, and the invitation works without a mail server.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from aibudget.jobs.queue import enqueue
from aibudget.jobs.work import NEW_ACCOUNT, TAKEN
from aibudget.service import accounts
from aibudget.service.limits import LimitReached
from aibudget.store import confirmations, users
from aibudget.store.errors import Conflict
from aibudget.store.users import normalise_email
from aibudget.web import limits
from aibudget.web.accounts import UNCONFIRMED, account_problems, safe_next, sign_in
from aibudget.web.context import ReadSession, T, WebDep, check_csrf, render, session
from aibudget.web.jobs_panel import context, queue
from aibudget.web.limits import client_address

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
Text = Annotated[str, Form(max_length=1000)]
Token = Annotated[str, Form(max_length=200)]
INVITE_PAGE = "/invite/"


def _next(request: Request) -> str:
    """The local page to open once signed in ("" when none was asked for)."""
    asked = request.query_params.get("next") or ""
    return safe_next(asked) if asked else ""


def _invited(web: WebDep, target: str, email: str) -> bool:
    """Whether ``target`` is a working invitation for ``email``."""
    if not target.startswith(INVITE_PAGE):
        return False
    return accounts.is_invited(web.db, target[len(INVITE_PAGE) :], email)


def _form(
    request: Request, status: int, values: dict[str, str], problems: dict[str, str],
    headers: dict[str, str] | None = None,
) -> Response:  # fmt: skip
    page = render(request, "signup.html", status, values=values, problems=problems)
    page.headers.update(headers or {})
    return page


def _sent(request: Request, email: str) -> Response:
    hours = context(request).settings.confirm_hours
    return render(request, "signup_sent.html", email=email.strip(), hours=hours)


@router.get("/signup")
def signup_form(request: Request) -> Response:
    return render(request, "signup.html", values={}, problems={})


@router.post("/signup")
def signup(
    request: Request, web: WebDep, t: T, email: Text, name: Text, password: Text
) -> Response:
    """A new account, confirmed by the e-mailed link (see the module's words). Sign-ups
    are counted per address of the client before anything else happens."""
    values = {"email": email, "name": name}
    problems = account_problems(t, email, name, password)
    if problems:
        return _form(request, 422, values, problems)
    target = _next(request)
    invited = _invited(web, target, email)
    if not invited and not context(request).settings.mail_enabled:
        return _form(request, 503, values, {"email": t("accounts.sign_up_needs_mail")})
    try:
        limits.before_sign_up(web.counters, web.settings, client_address(request))
    except LimitReached as wait:
        return _form(request, 429, values, {"email": t(wait.message_id, **wait.params)},
                     wait.headers)  # fmt: skip
    kind = NEW_ACCOUNT
    try:
        with web.db.write() as s:
            user = users.create(s, email, name, password, confirmed=invited, locale=t.locale)
    except Conflict:
        kind = TAKEN
    if invited:  # whoever holds the invitation may learn that the address has an account
        if kind == NEW_ACCOUNT:
            return sign_in(request, web, user, target)
        return _form(request, 409, values, {"email": t("accounts.sign_up_refused")})
    if limits.sign_up_mail_wait(web.counters, web.settings, email) == 0:
        address = normalise_email(email)
        enqueue(queue(request), "send_sign_up", address, kind, target, uuid.uuid4().hex)
    return _sent(request, email)


@router.get("/signup/confirm")
def confirm_form(request: Request, s: ReadSession, token: str = "") -> Response:
    """The e-mailed link: a button confirms (a link checker that opens every link in a
    mail neither uses the link up nor gets signed in)."""
    user = confirmations.link_user(s, token[:200]) if token else None
    status = 200 if user else 410
    return render(request, "signup_confirm.html", status, token=token, valid=user is not None)


@router.post("/signup/confirm")
def confirm(request: Request, web: WebDep, token: Token = "") -> Response:
    """Confirm the account of a working link and sign it in."""
    done = None
    if token:
        with web.db.write() as s:
            done = confirmations.confirm(s, token)
    if done is None:
        return render(request, "signup_confirm.html", 410, token="", valid=False)
    user, target = done
    return sign_in(request, web, user, target or "/workspaces")


@router.post("/signup/again")
def send_again(request: Request, web: WebDep, t: T) -> Response:
    """The confirmation link again, for the account whose password this browser just
    proved (nothing otherwise); a few per address and hour."""
    user_id = session(request).get(UNCONFIRMED)
    user = accounts.unconfirmed(web.db, user_id) if isinstance(user_id, str) else None
    if user is None:
        return RedirectResponse("/login", status_code=303)
    if not context(request).settings.mail_enabled:
        return render(request, "login.html", 503, values={"email": user.email},
                      failed=t("jobs.mail_not_configured"), resend=False)  # fmt: skip
    wait = limits.sign_up_mail_wait(web.counters, web.settings, user.email)
    if wait:
        refused = LimitReached("confirm_mail", wait)
        page = render(request, "login.html", 429, values={"email": user.email},
                      failed=t(refused.message_id, **refused.params), resend=False)  # fmt: skip
        page.headers.update(refused.headers)
        return page
    enqueue(queue(request), "send_sign_up", user.email, NEW_ACCOUNT, "", uuid.uuid4().hex)
    return _sent(request, user.email)
