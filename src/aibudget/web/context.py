"""Per-request helpers: the app state, the signed-in user, the language, CSRF, rendering."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import AbstractContextManager, nullcontext
from decimal import Decimal
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from aibudget.i18n import LOCALES, Translator, normalise_locale
from aibudget.store import users
from aibudget.store.records import PlanVersion, User, VersionInfo
from aibudget.web.errors import CsrfFailed, NotSignedIn
from aibudget.web.security import CSRF_FIELD, CSRF_HEADER
from aibudget.web.state import WebState

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
READ_SESSION = "read_session"  # the request's ReadSession, on request.state


def state(request: Request) -> WebState:
    web: WebState = request.app.state.web
    return web


async def _state(request: Request) -> WebState:
    """``state`` as a dependency: async, so FastAPI runs it without a thread hop."""
    return state(request)


def session(request: Request) -> dict[str, Any]:
    data: dict[str, Any] = request.state.session
    return data


def accept_language(header: str | None) -> str | None:
    """The first supported language of an Accept-Language header, by weight."""
    if not header:
        return None
    choices = []
    for i, part in enumerate(header.split(",")[:20]):
        tag, _, weight = part.strip().partition(";q=")
        try:
            q = float(weight) if weight else 1.0
        except ValueError:
            q = 0.0
        choices.append((-q, i, tag.strip()))
    for _, _, tag in sorted(choices):
        low = tag.lower()
        if low.startswith("zh") or low.startswith("en"):
            return normalise_locale(tag)
    return None


def locale_of(request: Request) -> str:
    """The user's setting, then the session's choice, then Accept-Language, then the default."""
    user = optional_user(request)  # whatever order the dependencies were resolved in
    if user is not None and user.locale in LOCALES:
        return str(user.locale)
    chosen = session(request).get("lang")
    if chosen in LOCALES:
        return str(chosen)
    return accept_language(request.headers.get("accept-language")) or state(request).settings.locale


def translator(request: Request) -> Translator:
    cached = getattr(request.state, "translator", None)
    if cached is None:
        cached = Translator(locale_of(request))
        request.state.translator = cached
    return cached


def reading(request: Request) -> AbstractContextManager[Session]:
    """The request's read transaction when its handler took one (``ReadSession``), else
    a read transaction of its own."""
    shared: Session | None = getattr(request.state, READ_SESSION, None)
    return nullcontext(shared) if shared is not None else state(request).db.session()


def optional_user(request: Request) -> User | None:
    """The signed-in user, cached on the request: the cookie's session must still be in
    the store (one query, every request, in every process), so signing out ends every
    copy of the cookie."""
    if hasattr(request.state, "user"):
        found: User | None = request.state.user
        return found
    uid, sid = session(request).get("uid"), session(request).get("sid")
    user = None
    if isinstance(uid, str) and isinstance(sid, str):
        with reading(request) as s:
            user = users.user_for_session(s, uid, sid)
    if user is not None and session(request).get("ep", 0) != user.session_epoch:
        user = None  # signed out everywhere since this session began
    request.state.user = user
    return user


MaybeUser = Annotated[User | None, Depends(optional_user)]


def require_user(request: Request) -> User:
    user = optional_user(request)
    if user is None:
        raise NotSignedIn()
    return user


def csrf_token(request: Request) -> str:
    return state(request).sessions.csrf_token(session(request))


async def check_csrf(request: Request) -> None:
    """Every state-changing request carries the session's CSRF token (form field or header)."""
    if request.method in SAFE_METHODS:
        return
    token = request.headers.get(CSRF_HEADER)
    if not token and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        token = value if isinstance(value, str) else None
    if not state(request).sessions.csrf_ok(session(request), token):
        raise CsrfFailed()


def plain_number(t: Translator, value: Decimal | float | None) -> str:
    """A figure as typed: whole numbers without decimals, others with up to two."""
    if value is None:
        return "—"
    whole = Decimal(str(value)) == Decimal(str(value)).to_integral_value()
    return t.number(value, 0 if whole else 2)


def _html(request: Request, template: str, csrf: str, context: Mapping[str, Any]) -> str:
    t = translator(request)
    return (
        state(request)
        .templates.get_template(template)
        .render(
            request=request,
            t=t,
            locale=t.locale,
            lang_tag="zh-Hant-TW" if t.locale == "zh_TW" else "en",
            user=optional_user(request),
            csrf=csrf,
            csrf_field=CSRF_FIELD,
            num=lambda value: plain_number(t, value),
            **context,
        )
    )


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(_html(request, template, csrf_token(request), context), status_code)


def _fingerprint(value: Any) -> Any:
    """What a page shows of a value, as something hashable. A version's document and plan
    never change, so its facts (id, status, ...) stand for it."""
    if isinstance(value, PlanVersion):
        return tuple(getattr(value, name) for name in VersionInfo.model_fields)
    if isinstance(value, list | tuple):
        return tuple(_fingerprint(item) for item in value)
    return value


def render_remembered(
    request: Request,
    template: str,
    shown: Mapping[str, Any],
    derived: Callable[[], Mapping[str, Any]],
    status_code: int = 200,
) -> HTMLResponse:
    """``render``, remembered per process for the same inputs: the records in ``shown``
    (read fresh from the database for this request), the viewer (user, role in ``shown``,
    language), the address, and what ``derived`` computes from those alone (called only
    when the page is rendered; ``shown`` wins where both name a value).

    Any change in the database changes a record and so the key: a remembered page is
    never stale, in this process or another. The CSRF token is put in per answer. Values
    that cannot be hashed (a form's values) leave the page rendered every time.
    """
    web, t = state(request), translator(request)
    key = (
        template,
        status_code,
        request.url.path,
        request.url.query,
        t.locale,
        optional_user(request),
        tuple((name, _fingerprint(value)) for name, value in shown.items()),
    )

    def make() -> str:
        return _html(request, template, web.csrf_slot, {**derived(), **shown})

    try:
        hash(key)
    except TypeError:  # a form's values: rendered every time
        html = make()
    else:  # viewers of the same new page at once: rendered once
        html = web.pages.get_or_make(key, make)
    return HTMLResponse(html.replace(web.csrf_slot, csrf_token(request)), status_code)


# As dependencies, the signed-in user is looked up once per request (``MaybeUser``, in a
# worker thread: it reads the database); what builds on it is async and so runs without a
# thread hop of its own.


async def _require_user(request: Request, _user: MaybeUser) -> User:
    return require_user(request)


async def _translator(request: Request, _user: MaybeUser) -> Translator:
    return translator(request)


async def _read_session(request: Request) -> AsyncIterator[Session]:
    """One read-only transaction for the request's handler (``db.session()``: a change in
    it raises), closed when the handler returns, before the answer is sent.

    Opening it reads nothing (the connection is taken at the first query), so it is
    opened here on the event loop; closing it (commit, the connection back to the pool)
    runs in a worker thread, like the handler's own reads. The signed-in user is read in
    it too when it is declared before the user (``optional_user``). Changes stay
    explicit, in their own ``db.write()`` transaction, and a handler that writes does
    not take this one: it would hold a second connection while it waits for its write.
    """
    opened = state(request).db.session()
    found = opened.__enter__()
    setattr(request.state, READ_SESSION, found)
    try:
        yield found
    except BaseException as exc:
        await run_in_threadpool(opened.__exit__, type(exc), exc, exc.__traceback__)
        raise
    finally:
        delattr(request.state, READ_SESSION)
    await run_in_threadpool(opened.__exit__, None, None, None)


async def _form(request: Request) -> FormData:
    """The posted form, read on the event loop, so that the handler taking it can be a
    plain function, run off the loop (its database work blocks)."""
    return await request.form()


WebDep = Annotated[WebState, Depends(_state)]
FormFields = Annotated[FormData, Depends(_form)]
ReadSession = Annotated[Session, Depends(_read_session, scope="function")]
CurrentUser = Annotated[User, Depends(_require_user)]
T = Annotated[Translator, Depends(_translator)]
