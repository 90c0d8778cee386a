"""One error family, one handler at the edge: JSON for /api, a page or redirect for HTML.

Every API error has the shape ``{"error": {"code", "message", "fields": [...]}}``.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from aibudget.domain.errors import AibudgetError, Problem, format_path
from aibudget.domain.texts import N_
from aibudget.i18n import Translator
from aibudget.store.errors import UNREACHABLE

API_PREFIX = "/api/"
RETRY_SECONDS = "30"
log = logging.getLogger("aibudget.web")


class NotSignedIn(AibudgetError):
    message_id = N_("web.sign_in_needed")
    http_status = 401


class CsrfFailed(AibudgetError):
    message_id = N_("web.csrf_failed")
    http_status = 403


class TooMany(AibudgetError):
    message_id = N_("web.too_many")
    http_status = 429


class BadRequest(AibudgetError):
    message_id = N_("web.bad_request")
    http_status = 400


class BodyTooLarge(HTTPException):
    """A request body over the size limit, refused before the app has read it.

    An HTTPException (not an :class:`AibudgetError`): it is raised while FastAPI reads the
    body, which passes only these on unchanged."""

    message_id = N_("web.body_too_large")

    def __init__(self, max_bytes: int) -> None:
        super().__init__(status_code=413)
        self.params = {"max_mb": max(1, round(max_bytes / 2**20))}


HTTP_CODES = {
    400: N_("web.bad_request"),
    401: N_("web.sign_in_needed"),
    403: N_("store.forbidden"),
    404: N_("store.not_found"),
    405: N_("web.method_not_allowed"),
    413: N_("web.too_large"),
    422: N_("web.bad_request"),
    429: N_("web.too_many"),
}


def problem_text(t: Translator, problem: Problem) -> str:
    text = t(problem.message_id, **problem.params)
    if text == problem.message_id and problem.message_id.startswith("value."):
        return t("value.invalid")
    return text


def field_list(t: Translator, problems: list[Problem]) -> list[dict[str, Any]]:
    return [
        {"path": format_path(p.path), "message": problem_text(t, p), "line": p.line}
        for p in problems
    ]


def error_body(
    t: Translator, code: str, fields: list[dict[str, Any]] | None = None, **params: Any
) -> dict[str, Any]:
    return {"error": {"code": code, "message": t(code, **params), "fields": fields or []}}


def _translator(request: Request) -> Translator:
    from aibudget.web.context import translator  # late: context imports this module

    return translator(request)


def _without_database(request: Request) -> None:
    """An error answer asks the database nothing: a user not looked up yet stays unknown
    (the language then comes from the session or Accept-Language)."""
    if not hasattr(request.state, "user"):
        request.state.user = None


def _html(
    request: Request,
    status: int,
    code: str,
    params: dict[str, Any],
    headers: dict[str, str] | None = None,
) -> Response:
    if status == 401:
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
    from aibudget.web.context import render

    t = _translator(request)
    page = render(
        request, "error.html", status_code=status, message=t(code, **params), status=status
    )
    page.headers.update(headers or {})
    return page


def _unexpected(request: Request, status: int, code: str, headers: dict[str, str]) -> Response:
    """An answer to a failure that is not the visitor's doing, without the database."""
    _without_database(request)
    if request.url.path.startswith(API_PREFIX):
        body = error_body(_translator(request), code)
        return JSONResponse(body, status_code=status, headers=headers)
    return _html(request, status, code, {}, headers)


async def http_error(request: Request, exc: HTTPException) -> Response:
    """An HTTP error (FastAPI's, or :class:`BodyTooLarge`) in the one shape."""
    code = getattr(exc, "message_id", None) or HTTP_CODES.get(exc.status_code, N_("error.internal"))
    params: dict[str, Any] = getattr(exc, "params", {})
    if request.url.path.startswith(API_PREFIX):
        body = error_body(_translator(request), code, **params)
        return JSONResponse(body, status_code=exc.status_code, headers=exc.headers)
    return _html(request, exc.status_code, code, params)


def _headers(exc: Exception) -> dict[str, str]:
    """Headers an error asks for (e.g. Retry-After on a limit)."""
    found = getattr(exc, "headers", None)
    return dict(found) if isinstance(found, dict) else {}


def install(app: FastAPI) -> None:
    @app.exception_handler(AibudgetError)
    async def _family(request: Request, exc: AibudgetError) -> Response:
        t = _translator(request)
        if request.url.path.startswith(API_PREFIX):
            problems = getattr(exc, "problems", None)  # PlanError, AnswersError, ...
            fields = field_list(t, problems) if isinstance(problems, list) else []
            body = error_body(t, exc.message_id, fields, **exc.params)
            return JSONResponse(body, status_code=exc.http_status, headers=_headers(exc))
        page = _html(request, exc.http_status, exc.message_id, exc.params)
        page.headers.update(_headers(exc))
        return page

    app.add_exception_handler(HTTPException, http_error)  # type: ignore[arg-type]

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        t = _translator(request)
        if not request.url.path.startswith(API_PREFIX):
            return _html(request, 400, N_("web.bad_request"), {})
        fields = []
        for err in exc.errors():
            loc = [part for part in err.get("loc", ()) if part not in ("body", "query", "path")]
            path = format_path(tuple(p if isinstance(p, int) else str(p) for p in loc))
            fields.append({"path": path, "message": t("value.invalid"), "line": None})
        return JSONResponse(error_body(t, N_("web.bad_request"), fields), status_code=422)

    async def _database_down(request: Request, exc: Exception) -> Response:
        log.warning("database unavailable: %s", str(exc).splitlines()[0])
        return _unexpected(
            request, 503, N_("web.database_unavailable"), {"Retry-After": RETRY_SECONDS}
        )

    for kind in UNREACHABLE:
        app.add_exception_handler(kind, _database_down)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> Response:
        return _unexpected(request, 500, N_("error.internal"), {})
