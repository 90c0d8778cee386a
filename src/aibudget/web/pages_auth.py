"""Sign up, sign in, sign out, first-run owner account, language switch, API tokens."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from aibudget.i18n import LOCALES
from aibudget.store import users, workspaces
from aibudget.store.errors import Conflict
from aibudget.store.records import User
from aibudget.web.context import (
    CurrentUser,
    MaybeUser,
    T,
    WebDep,
    check_csrf,
    render,
    session,
)
from aibudget.web.errors import TooMany
from aibudget.web.security import fresh_session

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
MIN_PASSWORD = 10
Text = Annotated[str, Form(max_length=1000)]


def _safe_next(target: str | None) -> str:
    """Only local paths (no //host, no scheme) to avoid open redirects."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/workspaces"


def _account_problems(t: T, email: str, name: str, password: str) -> dict[str, str]:
    found = {}
    if "@" not in email or len(email) > 254 or " " in email.strip():
        found["email"] = t("web.email_invalid")
    if not name.strip() or len(name) > 200:
        found["name"] = t("web.name_needed")
    if len(password) < MIN_PASSWORD:
        found["password"] = t("web.password_short", count=MIN_PASSWORD)
    return found


def _sign_in(request: Request, user: User, target: str) -> Response:
    request.state.session = fresh_session(user.id, session(request).get("lang"), user.session_epoch)
    return RedirectResponse(_safe_next(target), status_code=303)


@router.get("/")
def home(request: Request, web: WebDep, user: MaybeUser) -> Response:
    if user is not None:
        return RedirectResponse("/workspaces", status_code=303)
    with web.db.session() as s:
        first_run = users.count(s) == 0
    return RedirectResponse("/setup" if first_run else "/login", status_code=303)


@router.get("/setup")
def setup_form(request: Request, web: WebDep) -> Response:
    with web.db.session() as s:
        if users.count(s):
            return RedirectResponse("/login", status_code=303)
    return render(request, "setup.html", values={}, problems={})


@router.post("/setup")
def setup(
    request: Request, web: WebDep, t: T, email: Text, name: Text, password: Text, workspace: Text
) -> Response:
    """First run: the owner account and the first workspace, in one step."""
    problems = _account_problems(t, email, name, password)
    if not workspace.strip():
        problems["workspace"] = t("web.name_needed")
    values = {"email": email, "name": name, "workspace": workspace}
    if problems:
        return render(request, "setup.html", 422, values=values, problems=problems)
    with web.db.write() as s:
        if users.count(s):
            return RedirectResponse("/login", status_code=303)
        user = users.create(s, email, name, password)
        users.set_locale(s, user.id, t.locale)
        space = workspaces.create(s, user.id, workspace)
    return _sign_in(request, user, f"/w/{space.id}")


@router.get("/signup")
def signup_form(request: Request) -> Response:
    return render(request, "signup.html", values={}, problems={})


@router.post("/signup")
def signup(
    request: Request, web: WebDep, t: T, email: Text, name: Text, password: Text
) -> Response:
    problems = _account_problems(t, email, name, password)
    values = {"email": email, "name": name}
    if not problems:
        try:
            with web.db.write() as s:
                user = users.create(s, email, name, password)
        except Conflict as exc:
            problems["email"] = t(exc.message_id, **exc.params)
    if problems:
        return render(request, "signup.html", 422, values=values, problems=problems)
    return _sign_in(request, user, request.query_params.get("next") or "/workspaces")


@router.get("/login")
def login_form(request: Request, web: WebDep) -> Response:
    with web.db.session() as s:
        if users.count(s) == 0:
            return RedirectResponse("/setup", status_code=303)
    return render(request, "login.html", values={}, failed=False)


@router.post("/login")
def login(request: Request, web: WebDep, email: Text, password: Text) -> Response:
    """Wrong passwords are counted per e-mail and per address; past the limit, wait."""
    keys = [
        f"email:{users.normalise_email(email)}",
        f"ip:{request.client.host if request.client else '-'}",
    ]
    if any(web.login_limiter.blocked(key) for key in keys):
        raise TooMany(minutes=max(1, web.settings.login_window_seconds // 60))
    with web.db.write() as s:
        user = users.authenticate(s, email, password)
    if user is None:
        for key in keys:
            web.login_limiter.hit(key)
        return render(request, "login.html", 401, values={"email": email}, failed=True)
    web.login_limiter.clear(keys[0])
    return _sign_in(request, user, request.query_params.get("next") or "/workspaces")


@router.post("/logout")
def logout(request: Request) -> Response:
    request.state.session = fresh_session(None, session(request).get("lang"))
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
    return RedirectResponse(_safe_next(next), status_code=303)


def _account(request: Request, web: WebDep, user: User, token: str | None) -> Response:
    with web.db.session() as s:
        listed = users.tokens(s, user.id)
    return render(request, "account.html", token=token, tokens=listed)


@router.get("/account")
def account(request: Request, web: WebDep, user: CurrentUser) -> Response:
    return _account(request, web, user, None)


@router.post("/account/tokens")
def new_token(request: Request, web: WebDep, user: CurrentUser, name: Text) -> Response:
    with web.db.write() as s:
        token = users.create_token(s, user.id, name or "token")
    return _account(request, web, user, token)


@router.post("/account/sign-out-everywhere")
def sign_out_everywhere(request: Request, web: WebDep, user: CurrentUser) -> Response:
    with web.db.write() as s:
        users.end_all_sessions(s, user.id)
    request.state.session = fresh_session(None, session(request).get("lang"))
    return RedirectResponse("/login", status_code=303)


@router.post("/account/tokens/{token_id}/revoke")
def revoke_token(web: WebDep, user: CurrentUser, token_id: str) -> Response:
    with web.db.write() as s:
        users.revoke_token(s, user.id, token_id)
    return RedirectResponse("/account", status_code=303)
