"""One-click fixes of the health check: the owner presses "Apply fix" beside a finding.

The finding is looked up again in the newest version (by its message id and the item it
is about); its remedy is applied to that version's document, checked as a whole plan and
saved as a new version whose note says what changed. A finding that is gone meanwhile
changes nothing: the plan page says so.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from aibudget.present.guidance import format_params
from aibudget.service import health_fix, versions
from aibudget.service.health_fix import FixGone
from aibudget.store import plans
from aibudget.store.errors import StaleVersion
from aibudget.web.context import CurrentUser, T, WebDep, check_csrf
from aibudget.web.plan_views import plan_view

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
FindingKey = Annotated[str, Form(max_length=300)]


@router.post("/w/{ws}/p/{plan_id}/health/fix")
def apply_fix(
    web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str, finding: FindingKey
) -> Response:
    gone = RedirectResponse(f"/w/{ws}/p/{plan_id}/health/gone#health", status_code=303)
    latest, catalog = versions.newest_with_catalog(web.db, user.id, ws, plan_id)
    # The health check runs outside any transaction; the save checks that the version it
    # ran on is still the newest.
    found = health_fix.find(latest.plan, catalog, finding)
    try:
        if found is None:
            raise FixGone(finding)
        plan = health_fix.fixed(latest.document, found)
        assert found.remedy is not None  # fixed() refuses a finding without one
        what = t(found.remedy.note_id, **format_params(t, found.remedy.params, plan.currency))
        with web.db.write() as s:
            plans.save(s, user.id, ws, plan_id, plan, t("healthfix.note", what=what),
                       base=latest.number)  # fmt: skip
    except (FixGone, StaleVersion):
        return gone
    return RedirectResponse(f"/w/{ws}/p/{plan_id}#health", status_code=303)


@router.get("/w/{ws}/p/{plan_id}/health/gone")
def fix_gone(
    request: Request, web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str
) -> Response:
    """The plan page, saying calmly that the fix asked for had nothing left to do."""
    return plan_view(request, web, user, t, ws, plan_id, fix_notice=t("healthfix.gone"))
