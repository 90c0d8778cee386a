"""Sign in, sign out, first-run owner account, language switch, API tokens, password
change (sign-up with its e-mailed link: pages_signup.py)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from aibudget.i18n import LOCALES
from aibudget.service import accounts
from aibudget.service.limits import LimitReached
from aibudget.store import confirmations, users, workspaces
from aibudget.store.records import User
from aibudget.store.users import normalise_email
from aibudget.web import limits
from aibudget.web.accounts import (
    UNCONFIRMED,
    account_problems,
    safe_next,
    sign_in,
    start_session,
)
from aibudget.web.context import (
    CurrentUser,
    MaybeUser,
    ReadSession,
    T,
    WebDep,
    check_csrf,
    render,
    session,
)
from aibudget.web.limits import client_address
from aibudget.web.passwords import password_problem
from aibudget.web.security import fresh_session

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
Text = Annotated[str, Form(max_length=1000)]


def _end(request: Request, web: WebDep) -> None:
    """Sign out here: the session's record goes, so a copy of the cookie is refused too."""
    sid = session(request).get("sid")
    if isinstance(sid, str) and "uid" in session(request):
        with web.db.write() as s:
            users.end_session(s, sid)
    request.state.session = fresh_session(None, session(request).get("lang"))


@router.get("/")
def home(s: ReadSession, user: MaybeUser) -> Response:
    if user is not None:
        return RedirectResponse("/workspaces", status_code=303)
    first_run = users.count(s) == 0
    return RedirectResponse("/setup" if first_run else "/login", status_code=303)


@router.get("/setup")
def setup_form(request: Request, s: ReadSession) -> Response:
    if users.count(s):
        return RedirectResponse("/login", status_code=303)
    return render(request, "setup.html", values={}, problems={})


@router.post("/setup")
def setup(
    request: Request, web: WebDep, t: T, email: Text, name: Text, password: Text, workspace: Text
) -> Response:
    """First run: the owner account and the first workspace, in one step."""
    problems = account_problems(t, email, name, password)
    if not workspace.strip():
        problems["workspace"] = t("web.name_needed")
    values = {"email": email, "name": name, "workspace": workspace}
    if problems:
        return render(request, "setup.html", 422, values=values, problems=problems)
    with web.db.write() as s:
        if users.count(s):
            return RedirectResponse("/login", status_code=303)
        user = confirmations.take_over(s, email, name, password, t.locale) or users.create(
            s, email, name, password, locale=t.locale
        )
        space = workspaces.create(s, user.id, workspace)
    return sign_in(request, web, user, f"/w/{space.id}")


@router.get("/login")
def login_form(request: Request, s: ReadSession) -> Response:
    if users.count(s) == 0:
        return RedirectResponse("/setup", status_code=303)
    return render(request, "login.html", values={}, failed=None)


@router.post("/login")
def login(request: Request, web: WebDep, t: T, email: Text, password: Text) -> Response:
    """Each attempt is counted before the password is checked; past the allowance the
    next one waits (the page says how long), from this address only."""
    address, values = client_address(request), {"email": email}
    try:
        limits.before_password_check(web.counters, web.settings, normalise_email(email), address)
    except LimitReached as wait:
        page = render(
            request, "login.html", 429, values=values, failed=t(wait.message_id, **wait.params)
        )
        page.headers.update(wait.headers)
        return page
    with web.db.write() as s:
        user = users.authenticate(s, email, password)
        confirmed = user is not None and users.is_confirmed(s, user.id)
    if user is None:
        return render(request, "login.html", 401, values=values, failed=t("web.login_failed"))
    limits.after_sign_in(web.counters, web.settings, normalise_email(email), address)
    if not confirmed:  # said only to whoever knows the password
        session(request)[UNCONFIRMED] = user.id
        return render(request, "login.html", 403, values=values,
                      failed=t("accounts.confirm_first"), resend=True)  # fmt: skip
    return sign_in(request, web, user, request.query_params.get("next") or "/workspaces")


@router.post("/logout")
def logout(request: Request, web: WebDep) -> Response:
    _end(request, web)
    return RedirectResponse("/login", status_code=303)


@router.post("/lang")
def switch_language(
    request: Request, web: WebDep, user: MaybeUser, lang: Text, next: Text = "/"
) -> Response:
    if lang in LOCALES:
        session(request)["lang"] = lang
        if user is not None:
            with web.db.write() as s:
                users.set_locale(s, user.id, lang)
    return RedirectResponse(safe_next(next), status_code=303)


def _account(
    request: Request,
    web: WebDep,
    user: User,
    token: str | None,
    status_code: int = 200,
    problems: dict[str, str] | None = None,
    notice: str | None = None,
) -> Response:
    listed = accounts.tokens(web.db, user.id)
    return render(
        request,
        "account.html",
        status_code,
        token=token,
        tokens=listed,
        problems=problems or {},
        notice=notice,
    )


@router.get("/account")
def account(request: Request, web: WebDep, user: CurrentUser) -> Response:
    return _account(request, web, user, None)


@router.post("/account/tokens")
def new_token(request: Request, web: WebDep, user: CurrentUser, name: Text) -> Response:
    with web.db.write() as s:
        token = users.create_token(s, user.id, name or "token")
    return _account(request, web, user, token)


@router.post("/account/password")
def change_password(
    request: Request, web: WebDep, user: CurrentUser, t: T, current: Text, new: Text
) -> Response:
    """A new password (the current one required); every other session ends, this one
    goes on under a new session id."""
    problems = {}
    weak = password_problem(new, user.email)
    if weak is not None:
        problems["new"] = t(weak[0], **weak[1])
    changed = None
    if not problems:
        with web.db.write() as s:
            changed = users.change_password(s, user.id, current, new)
        if changed is None:
            problems["current"] = t("web.password_wrong")
    if changed is None:
        return _account(request, web, user, None, 422, problems)
    start_session(request, web, changed)
    return _account(request, web, changed, None, notice=t("web.password_changed"))


@router.post("/account/sign-out-everywhere")
def sign_out_everywhere(
    request: Request, web: WebDep, user: CurrentUser, tokens: Text = ""
) -> Response:
    """Every session of the account ends; with ``tokens`` (checked on the form), its API
    tokens are revoked too."""
    with web.db.write() as s:
        users.end_all_sessions(s, user.id, revoke_tokens=bool(tokens))
    request.state.session = fresh_session(None, session(request).get("lang"))
    return RedirectResponse("/login", status_code=303)


@router.post("/account/tokens/{token_id}/revoke")
def revoke_token(web: WebDep, user: CurrentUser, token_id: str) -> Response:
    with web.db.write() as s:
        users.revoke_token(s, user.id, token_id)
    return RedirectResponse("/account", status_code=303)
