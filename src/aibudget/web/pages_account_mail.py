"""Account pages of e-mail: reminder e-mails on or off, and the password reset by an
e-mailed link (no page says whether an address has an account)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from aibudget.domain.texts import N_
from aibudget.jobs.queue import enqueue
from aibudget.service import accounts
from aibudget.store import mail_accounts
from aibudget.web.context import CurrentUser, ReadSession, T, WebDep, check_csrf, render
from aibudget.web.jobs_panel import context, queue
from aibudget.web.limits import reset_mail_allowed
from aibudget.web.passwords import password_problem

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
Text = Annotated[str, Form(max_length=1000)]
Token = Annotated[str, Form(max_length=200)]


@router.get("/account/mail")
def mail_form(request: Request, s: ReadSession, user: CurrentUser) -> Response:
    on = mail_accounts.reminders_on(s, user.id)
    return render(request, "account_mail.html", on=on, notice="")


@router.post("/account/mail")
def mail_save(
    request: Request, web: WebDep, user: CurrentUser, t: T, reminders: Text = ""
) -> Response:
    on = reminders == "on"
    with web.db.write() as s:
        mail_accounts.set_reminders(s, user.id, on)
    notice = t(N_("jobs.account.on") if on else N_("jobs.account.off"))
    return render(request, "account_mail.html", on=on, notice=notice)


@router.get("/password/forgot")
def forgot_form(request: Request) -> Response:
    return render(request, "password_forgot.html", email="", sent=False, problem="")


@router.post("/password/forgot")
def forgot(request: Request, web: WebDep, t: T, email: Text = "") -> Response:
    """The same answer whether or not the address has an account; the link is made and
    sent by a job. Requests per address are limited like sign-ins."""
    jobs = context(request)
    if not email.strip():
        problem = t("jobs.reset.email_missing")
        return render(request, "password_forgot.html", 422, email="", sent=False, problem=problem)
    if not jobs.settings.mail_enabled:
        problem = t("jobs.mail_not_configured")
        return render(
            request, "password_forgot.html", 503, email=email, sent=False, problem=problem
        )
    if reset_mail_allowed(web.counters, web.settings, email):
        enqueue(queue(request), "send_reset", email, uuid.uuid4().hex)
    return render(
        request, "password_forgot.html", email="", sent=True, problem="",
        minutes=jobs.settings.reset_minutes,
    )  # fmt: skip


@router.get("/password/reset")
def reset_form(request: Request, s: ReadSession, token: str = "") -> Response:
    user = mail_accounts.reset_user(s, token[:200]) if token else None
    status = 200 if user else 410
    return render(request, "password_reset.html", status, token=token, valid=user is not None,
                  problem="", done=False)  # fmt: skip


@router.post("/password/reset")
def reset(request: Request, web: WebDep, t: T, token: Token = "", password: Text = "") -> Response:
    """Set the new password (the site's password policy) with a working link."""
    user = accounts.reset_link_user(web.db, token) if token else None
    if user is None:
        return render(request, "password_reset.html", 410, token="", valid=False, problem="",
                      done=False)  # fmt: skip
    weak = password_problem(password, user.email)
    if weak:
        return render(request, "password_reset.html", 422, token=token, valid=True,
                      problem=t(weak[0], **weak[1]), done=False)  # fmt: skip
    with web.db.write() as s:
        changed = mail_accounts.use_reset(s, token, password)
    return render(request, "password_reset.html", 200 if changed else 410, token="",
                  valid=changed is not None, problem="", done=changed is not None)  # fmt: skip
