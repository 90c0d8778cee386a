"""The app factory: ``create_app(settings)`` builds everything; nothing at import time."""

from __future__ import annotations

from functools import partial
from importlib.resources import files
from zoneinfo import ZoneInfo

from fastapi import FastAPI, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from aibudget import __version__
from aibudget.jobs.runtime import queue_for
from aibudget.jobs.settings import JobSettings
from aibudget.planfile import MAX_PLAN_BYTES
from aibudget.service.actuals_import import MAX_IMPORT_BYTES
from aibudget.service.tiers import chosen_tier_name, tier_name
from aibudget.settings import Settings
from aibudget.store.db import Database
from aibudget.store.migrate import migrate
from aibudget.web import errors
from aibudget.web.api import router as api_router
from aibudget.web.api_builder import router as api_builder_router
from aibudget.web.api_docs import router as api_docs_router
from aibudget.web.api_jobs import router as api_jobs_router
from aibudget.web.api_members import router as api_members_router
from aibudget.web.api_monitor import router as api_monitor_router
from aibudget.web.api_practice import router as api_practice_router
from aibudget.web.limits import counters_for, trust_proxies
from aibudget.web.methods import MethodsMiddleware
from aibudget.web.openapi import with_stated_limits
from aibudget.web.pages_account_mail import router as account_mail_router
from aibudget.web.pages_actuals_edit import router as actuals_edit_router
from aibudget.web.pages_adopt import router as adopt_router
from aibudget.web.pages_allocation import router as allocation_router
from aibudget.web.pages_auth import router as auth_router
from aibudget.web.pages_builder import router as builder_router
from aibudget.web.pages_catalog import router as catalog_router
from aibudget.web.pages_catalog_entry import router as catalog_entry_router
from aibudget.web.pages_compare import router as compare_router
from aibudget.web.pages_edit import router as edit_router
from aibudget.web.pages_eval import router as eval_router
from aibudget.web.pages_fixes import router as fixes_router
from aibudget.web.pages_jobs import router as jobs_router
from aibudget.web.pages_members import router as members_router
from aibudget.web.pages_monitor import router as monitor_router
from aibudget.web.pages_new_plan import router as new_plan_router
from aibudget.web.pages_plans import router as plans_router
from aibudget.web.pages_practice import router as practice_router
from aibudget.web.pages_readiness import router as readiness_router
from aibudget.web.pages_reports import api_router as reports_api_router
from aibudget.web.pages_reports import router as reports_router
from aibudget.web.pages_review import router as review_router
from aibudget.web.pages_signup import router as signup_router
from aibudget.web.pages_workspaces import router as workspaces_router
from aibudget.web.security import COOKIE, SESSION_SECONDS, Sessions
from aibudget.web.state import WebState
from aibudget.web.words import local_time

HERE = files("aibudget.web")
ROUTERS = (
    auth_router,
    signup_router,
    workspaces_router,
    members_router,
    plans_router,
    edit_router,
    builder_router,
    new_plan_router,
    eval_router,
    allocation_router,
    fixes_router,
    adopt_router,
    readiness_router,
    catalog_router,
    catalog_entry_router,
    monitor_router,
    actuals_edit_router,
    review_router,
    practice_router,
    compare_router,
    reports_router,
    api_router,
    api_builder_router,
    api_members_router,
    api_monitor_router,
    reports_api_router,
    api_practice_router,
    api_docs_router,
    jobs_router,
    account_mail_router,
    api_jobs_router,
)
FORM_SLACK = 64 * 2**10  # the other fields of a form and the multipart framing
# The largest request body: a plan (form, upload or API JSON) everywhere, except where
# actuals files are uploaded (paths ending so).
BODY_LIMIT = MAX_PLAN_BYTES + FORM_SLACK
BODY_LIMITS_BY_ENDING = {
    "/actuals/preview": MAX_IMPORT_BYTES + FORM_SLACK,
    "/actuals/imports": MAX_IMPORT_BYTES + FORM_SLACK,
}
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; "
        "form-action 'self'"
    ),
}


class SessionMiddleware:
    """The signed session cookie in (``request.state.session``) and out, and the security
    headers on every answer.

    Plain ASGI: the session is read before the app runs and the cookie written when the
    answer starts, without the extra task, streams and response copy per request that a
    ``@app.middleware("http")`` function costs.
    """

    def __init__(self, app: ASGIApp, sessions: Sessions, secure: bool) -> None:
        self.app, self.sessions, self.secure = app, sessions, secure

    def _cookie(self, session: dict[str, object]) -> str:
        carrier = Response()
        carrier.set_cookie(
            COOKIE,
            self.sessions.dump(session),
            max_age=SESSION_SECONDS,
            httponly=True,
            samesite="lax",
            secure=self.secure,
            path="/",
        )
        return carrier.headers["set-cookie"]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw = HTTPConnection(scope).cookies.get(COOKIE)
        state = scope.setdefault("state", {})
        state["session"] = self.sessions.load(raw)
        before = dict(state["session"])

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                after = state["session"]  # a sign-in or sign-out puts a fresh one there
                if after != before or raw is None:
                    headers.append("set-cookie", self._cookie(after))
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def body_limit(path: str) -> int:
    return next(
        (size for end, size in BODY_LIMITS_BY_ENDING.items() if path.endswith(end)), BODY_LIMIT
    )


class BodyLimitMiddleware:
    """Request bodies up to ``body_limit(path)`` bytes, refused before they are read: at
    once when Content-Length says more, else when the bytes streamed in pass the limit
    (the app's read fails with :class:`errors.BodyTooLarge`, answered in the one shape).

    Inside :class:`SessionMiddleware`, so an error page has its session (language).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = body_limit(scope["path"])
        declared = HTTPConnection(scope).headers.get("content-length", "")
        if declared.strip().isdigit() and int(declared) > limit:
            scope.setdefault("state", {})["user"] = None  # no database read for a refusal
            response = await errors.http_error(Request(scope), errors.BodyTooLarge(limit))
            await response(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise errors.BodyTooLarge(limit)
            return message

        await self.app(scope, counted, send)


def _templates(zone: ZoneInfo) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(HERE / "templates")),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # compiled once per process; no stat of every template per page
    )
    env.globals["app_version"] = __version__
    env.globals["tier_name"] = tier_name
    env.globals["chosen_tier_name"] = chosen_tier_name
    env.globals["local_time"] = partial(local_time, zone=zone)
    return env


def create_app(
    settings: Settings, *, database: Database | None = None, jobs: JobSettings | None = None
) -> FastAPI:
    """The web app on ``settings.database_url`` (migrated on start); ``jobs``: the queue's
    settings (else from the environment)."""
    db = database or Database.from_url(settings.database_url)
    migrate(db.engine)
    web = WebState(
        settings=settings,
        db=db,
        sessions=Sessions(settings.secret_key.get_secret_value()),
        templates=_templates(ZoneInfo(settings.timezone)),
        counters=counters_for(settings, db),
    )
    app = FastAPI(
        title="aibudget",
        version=__version__,
        description="AI marketing budget planner: workspaces, plans, versions, evaluation.",
        docs_url=None,  # api_docs: Swagger UI from the vendored files
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
    )
    app.state.web = web
    app.state.queue = queue_for(db, jobs)
    errors.install(app)

    app.add_middleware(MethodsMiddleware)
    app.add_middleware(BodyLimitMiddleware)
    app.add_middleware(SessionMiddleware, sessions=web.sessions, secure=settings.secure_cookies)
    trust_proxies(app, settings)

    for router in ROUTERS:
        app.include_router(router)
    app.openapi = with_stated_limits(app, settings.max_trials, BODY_LIMIT)  # type: ignore[method-assign]
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    return app
