"""Confidence by practice on the web: the team learning log of a plan (entered in a short
form, removed by editors) and the monthly ten-minute sharing agenda it feeds."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from aibudget.catalog import kpi_entries, readiness_questionnaire
from aibudget.domain.actuals import Actuals
from aibudget.domain.errors import AibudgetError
from aibudget.domain.months import month_of, parse_month
from aibudget.domain.plan import Plan
from aibudget.engine.practice import (
    agenda,
    has_advice_line,
    minutes_by_tool,
    outside_help_line,
    review_wins,
    weak_for_outside_help,
)
from aibudget.engine.review import review
from aibudget.i18n import Translator
from aibudget.present.practice import review_win_texts
from aibudget.service.context import VersionContext
from aibudget.service.learning import FIELDS, read_entry
from aibudget.service.review import BadMonth
from aibudget.service.worries import assessed, strong_worries
from aibudget.store import assessments, learning, plans, workspaces
from aibudget.store.learning import StoredEntry
from aibudget.store.records import Role
from aibudget.web.context import CurrentUser, FormFields, T, WebDep, check_csrf, render

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
LOG = "/w/{ws}/p/{plan_id}/learning"


def today() -> date:
    return date.today()


def owner_worries(s: Session, user_id: str, ws: str) -> list[str]:
    """The worries the workspace's newest readiness check found strong (all without one)."""
    found = assessments.latest(s, user_id, ws)
    return strong_worries(assessed(found.answers if found else None))


def outside_help(s: Session, user_id: str, ws: str, plan: Plan) -> tuple[str, ...]:
    """The weak readiness scales (skills, culture) worth outside help, while the plan
    has no advice line yet; empty without a readiness check."""
    result = assessed(getattr(assessments.latest(s, user_id, ws), "answers", None))
    if result is None or has_advice_line(plan):
        return ()
    weak_below = readiness_questionnaire().thresholds.weak_dimension_below
    return tuple(weak_for_outside_help(result.dimensions, weak_below))


def tool_names(plan: Plan) -> dict[str, str]:
    return {tool.id: tool.name for tool in plan.tools}


def _load(
    web: WebDep, user_id: str, ws: str, plan_id: str
) -> tuple[Any, Any, Any, list[StoredEntry]]:
    with web.db.session() as s:
        space = workspaces.require(s, user_id, ws)
        summary = plans.summary(s, user_id, ws, plan_id)
        version = plans.version(s, user_id, ws, plan_id)
        entries = learning.entries(s, user_id, ws, plan_id)
    return space, summary, version, entries


def _page(
    request: Request, web: WebDep, user_id: str, ws: str, plan_id: str,
    values: dict[str, str], problems: dict[str, str], status_code: int = 200, added: bool = False,
) -> Response:  # fmt: skip
    space, summary, version, entries = _load(web, user_id, ws, plan_id)
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
    with web.db.session() as s:
        version = plans.version(s, user.id, ws, plan_id)
    read = read_entry(version.plan, values, today())
    if read.entry is None:
        problems = {k: t(mid, **params) for k, (mid, params) in read.problems.items()}
        return _page(request, web, user.id, ws, plan_id, values, problems, 422)
    with web.db.write() as s:
        learning.add(s, user.id, ws, plan_id, read.entry)
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
    space, summary, version, entries = _load(web, user.id, ws, plan_id)
    return render(
        request, "learning_agenda.html", space=space, summary=summary, plan=version.plan,
        agenda=agenda(entries, chosen), names=tool_names(version.plan),
        months=sorted({month_of(e.on) for e in entries} | {chosen}, reverse=True),
    )  # fmt: skip


@router.post("/w/{ws}/p/{plan_id}/outside-help")
def add_outside_help(web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str) -> Response:
    """One click: the advice line suggested on the plan page, saved as a new version."""
    with web.db.session() as s:
        workspaces.require(s, user.id, ws, Role.EDITOR)
        version = plans.version(s, user.id, ws, plan_id)
    plan = version.plan
    if not has_advice_line(plan):  # a second click changes nothing
        line = outside_help_line(plan, t("practice.help.line_label"))
        changed = plan.model_copy(update={"lines": [*plan.lines, line]})
        note = t("practice.help.note", amount=t.money(line.amounts[0], plan.currency))
        with web.db.write() as s:
            plans.save(s, user.id, ws, plan_id, changed, note, base=version.number)
    return RedirectResponse(f"/w/{ws}/p/{plan_id}#lines", status_code=303)


def review_wins_text(web: WebDep, version: Any, stored: Actuals, t: Translator) -> tuple[str, ...]:
    """For the plan page: the small wins the actuals show so far, in words (the review
    of the shown version, made once per version, actuals and language)."""
    if not stored.records:
        return ()

    def make() -> tuple[str, ...]:
        try:
            wins = review_wins(review(version.plan, stored, kpi_library=kpi_entries()))
        except AibudgetError:  # actuals that no longer fit this version: no wins shown
            return ()
        return tuple(review_win_texts(t, version.plan, wins))

    made_of = VersionContext.of(version, actuals=stored, locale=t.locale)
    found: tuple[str, ...] = web.results.get_or_make(made_of.key("wins"), make)
    return found
