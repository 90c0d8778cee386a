"""Confidence by practice on the web: the team learning log of a plan (entered in a short
form, removed by editors) and the monthly ten-minute sharing agenda it feeds."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from aibudget.domain.months import month_of, parse_month
from aibudget.domain.plan import Plan
from aibudget.engine.practice import agenda, minutes_by_tool
from aibudget.service.learning import FIELDS, add_entry, plan_log, today
from aibudget.service.practice import add_advice_line
from aibudget.service.review import BadMonth
from aibudget.store import learning
from aibudget.web.context import CurrentUser, FormFields, T, WebDep, check_csrf, render

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
LOG = "/w/{ws}/p/{plan_id}/learning"


def tool_names(plan: Plan) -> dict[str, str]:
    return {tool.id: tool.name for tool in plan.tools}


def _page(
    request: Request, web: WebDep, user_id: str, ws: str, plan_id: str,
    values: dict[str, str], problems: dict[str, str], status_code: int = 200, added: bool = False,
) -> Response:  # fmt: skip
    space, summary, version, entries = plan_log(web.db, user_id, ws, plan_id)
    totals = minutes_by_tool(entries)
    return render(
        request, "learning.html", status_code, space=space, summary=summary, plan=version.plan,
        entries=entries, names=tool_names(version.plan), totals=totals, values=values,
        problems=problems, today=today().isoformat(), added=added,
    )  # fmt: skip


@router.get(LOG)
def learning_page(
    request: Request, web: WebDep, user: CurrentUser, ws: str, plan_id: str, added: int = 0
) -> Response:
    return _page(request, web, user.id, ws, plan_id, {}, {}, added=bool(added))


@router.post(LOG)
def learning_add(
    request: Request, web: WebDep, user: CurrentUser, t: T, form: FormFields, ws: str, plan_id: str
) -> Response:
    values = {name: str(form.get(name) or "")[:1000] for name in FIELDS}
    read, _ = add_entry(web.db, user.id, ws, plan_id, values)
    if read.entry is None:
        problems = {k: t(mid, **params) for k, (mid, params) in read.problems.items()}
        return _page(request, web, user.id, ws, plan_id, values, problems, 422)
    return RedirectResponse(f"/w/{ws}/p/{plan_id}/learning?added=1", status_code=303)


@router.post(LOG + "/{entry_id}/remove")
def learning_remove(
    web: WebDep, user: CurrentUser, ws: str, plan_id: str, entry_id: str
) -> Response:
    with web.db.write() as s:
        learning.remove(s, user.id, ws, plan_id, entry_id[:64])
    return RedirectResponse(f"/w/{ws}/p/{plan_id}/learning", status_code=303)


@router.get(LOG + "/agenda")
def agenda_page(
    request: Request, web: WebDep, user: CurrentUser, ws: str, plan_id: str, month: str = ""
) -> Response:
    try:
        chosen = parse_month(month) if month else month_of(today())
    except ValueError:
        raise BadMonth(value=month[:20]) from None
    space, summary, version, entries = plan_log(web.db, user.id, ws, plan_id)
    return render(
        request, "learning_agenda.html", space=space, summary=summary, plan=version.plan,
        agenda=agenda(entries, chosen), names=tool_names(version.plan),
        months=sorted({month_of(e.on) for e in entries} | {chosen}, reverse=True),
    )  # fmt: skip


@router.post("/w/{ws}/p/{plan_id}/outside-help")
def add_outside_help(web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str) -> Response:
    """One click: the advice line suggested on the plan page, saved as a new version."""
    add_advice_line(web.db, user.id, ws, plan_id, t)
    return RedirectResponse(f"/w/{ws}/p/{plan_id}#lines", status_code=303)
