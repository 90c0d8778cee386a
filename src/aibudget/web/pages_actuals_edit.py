"""One monthly entry on its own page: corrected with a pre-filled form, or deleted after a
confirmation step. The rules and the writes are :mod:`aibudget.service.actuals_edit` (shared
with the API); an entry changed by someone else meanwhile is answered on the actuals
page with a 409 and nothing is done.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from aibudget.domain.actuals import ActualRecord
from aibudget.i18n import Translator
from aibudget.service.actuals_edit import CorrectionConflict, correct, delete, find, form_values
from aibudget.service.actuals_entry import read_entry
from aibudget.service.monitor import plan_actuals
from aibudget.store.actuals_edit import EntryGone
from aibudget.store.records import PlanSummary, PlanVersion, Role, Workspace
from aibudget.web.builder_forms import TextForm
from aibudget.web.context import CurrentUser, T, WebDep, check_csrf, render
from aibudget.web.monitor_views import entry_choices, entry_view, files_of, monitor_page

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)


def _entry_page(
    request: Request, t: Translator, space: Workspace, summary: PlanSummary, version: PlanVersion,
    record: ActualRecord, delete_step: bool = False, status_code: int = 200, **extra: Any,
) -> Response:  # fmt: skip
    plan = version.plan
    files = files_of(request, space.id, summary.id)
    context: dict[str, Any] = {"values": form_values(record), "problems": {}} | extra
    return render(
        request,
        "monitor_entry.html",
        status_code=status_code,
        space=space,
        summary=summary,
        version=version,
        plan=plan,
        entry=entry_view(t, plan, record, files),
        delete_step=delete_step,
        **entry_choices(t, plan, record),
        **context,
    )


def _gone(
    request: Request, t: Translator, web: WebDep, user_id: str, ws: str, plan_id: str
) -> Response:
    space, summary, version, stored = plan_actuals(web.db, user_id, ws, plan_id)
    gone = t("actuals.entry_gone")
    return monitor_page(request, t, space, summary, version, stored, 409, gone=gone)


def _back(ws: str, plan_id: str, done: str, month: str) -> Response:
    """To the actuals page, opened at the entries of ``month`` with what was done."""
    url = f"/w/{ws}/p/{plan_id}/actuals?done={done}&month={month}#entries"
    return RedirectResponse(url, status_code=303)


@router.get("/w/{ws}/p/{plan_id}/actuals/entries/{fingerprint}")
def entry_page(
    request: Request, web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str,
    fingerprint: str,
) -> Response:  # fmt: skip
    """One entry, with a form to correct it (pre-filled) and the way to delete it."""
    return _stored_entry(request, t, web, user.id, ws, plan_id, fingerprint, delete_step=False)


def _stored_entry(
    request: Request, t: Translator, web: WebDep, user_id: str, ws: str, plan_id: str,
    fingerprint: str, *, delete_step: bool,
) -> Response:  # fmt: skip
    space, summary, version, stored = plan_actuals(web.db, user_id, ws, plan_id, Role.EDITOR)
    try:
        record = find(stored, fingerprint)
    except EntryGone:
        return _gone(request, t, web, user_id, ws, plan_id)
    return _entry_page(request, t, space, summary, version, record, delete_step=delete_step)


@router.post("/w/{ws}/p/{plan_id}/actuals/entries/{fingerprint}")
def correct_entry(
    request: Request, web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str,
    fingerprint: str, form: TextForm,
) -> Response:  # fmt: skip
    space, summary, version, stored = plan_actuals(web.db, user.id, ws, plan_id, Role.EDITOR)
    try:
        entry, changed = correct(
            web.db, user.id, ws, plan_id, version.plan, stored, fingerprint, form
        )
        problems = {k: t(mid, **params) for k, (mid, params) in entry.problems.items()}
        status = 422
    except EntryGone:
        return _gone(request, t, web, user.id, ws, plan_id)
    except CorrectionConflict as exc:
        entry = read_entry(version.plan, form, single=True, keep=find(stored, fingerprint))
        problems, status = {"status": t(exc.message_id)}, 409
    if not problems:
        month = entry.records[0].month
        return _back(ws, plan_id, "corrected" if changed else "unchanged", month)
    record = find(stored, fingerprint)
    return _entry_page(
        request, t, space, summary, version, record, status_code=status, values=entry.values,
        problems=problems,
    )  # fmt: skip


@router.get("/w/{ws}/p/{plan_id}/actuals/entries/{fingerprint}/delete")
def delete_step(
    request: Request, web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str,
    fingerprint: str,
) -> Response:  # fmt: skip
    """The confirmation before an entry is deleted."""
    return _stored_entry(request, t, web, user.id, ws, plan_id, fingerprint, delete_step=True)


@router.post("/w/{ws}/p/{plan_id}/actuals/entries/{fingerprint}/delete")
def delete_entry(
    request: Request, web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str,
    fingerprint: str,
) -> Response:  # fmt: skip
    _, _, version, stored = plan_actuals(web.db, user.id, ws, plan_id, Role.EDITOR)
    try:
        month = find(stored, fingerprint).month
        delete(web.db, user.id, ws, plan_id, version.plan.currency, fingerprint)
    except EntryGone:
        return _gone(request, t, web, user.id, ws, plan_id)
    return _back(ws, plan_id, "deleted", month)
