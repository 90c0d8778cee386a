"""The plan page, for the plan's own address and for the pages that show it again: an
edit form with its values and problems, a fix that had nothing left to do."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import Response

from aibudget.engine.practice import OUTSIDE_HELP_SHARE
from aibudget.i18n import Translator
from aibudget.service.catalogs import CatalogView
from aibudget.service.context import VersionContext
from aibudget.service.plan_page import plan_records
from aibudget.service.practice import review_wins_text
from aibudget.service.words import kpi_names
from aibudget.store import plans
from aibudget.store.records import Status, User
from aibudget.web.context import reading, render_remembered
from aibudget.web.edit import FORMS
from aibudget.web.health import health
from aibudget.web.jobs_panel import render_panel
from aibudget.web.state import WebState

HISTORY_ON_PAGE = 20


def plan_view(
    request: Request,
    web: WebState,
    user: User,
    t: Translator,
    ws: str,
    plan_id: str,
    v: int | None = None,
    history: str = "recent",
    status_code: int = 200,
    **extra: Any,
) -> Response:
    """The plan page (also re-shown with an edit form's values and problems), its records
    read in the request's read session (``ReadSession``) or a read session of its own.

    Rendered once per process for the same records and viewer (``render_remembered``):
    the records are read fresh on every request, the page's text is not rebuilt.
    """
    limit = plans.MAX_VERSIONS_LISTED if history == "all" else HISTORY_ON_PAGE + 1
    with reading(request) as s:
        found = plan_records(s, user.id, ws, plan_id, v, limit)
    shown, listed, catalog = found.shown, found.listed, found.catalog
    wins_text = review_wins_text(web.results, shown, found.recorded, t)
    panel = render_panel(request, t, found.space, found.summary, shown.number, found.check)
    records = {
        "space": found.space,
        "summary": found.summary,
        "version": shown,
        "history": listed[:limit] if history == "all" else listed[:HISTORY_ON_PAGE],
        "more_history": history != "all" and len(listed) > HISTORY_ON_PAGE,
        "baseline": found.baseline,
        "catalog_stamp": found.catalog_stamp,  # the workspace's catalog, which health reads
        "edit_kind": None,
        "wins": found.wins,  # the newest learning-log entries that saved time
        "review_wins": wins_text,  # milestones, a month above plan, KPIs on their way up
        "outside_help": found.outside_help,  # weak readiness scales worth an advice line
        "jobs_panel": panel,
        **extra,  # a form shown again with its values: not remembered (dicts have no hash)
    }

    def derived() -> dict[str, Any]:
        view = CatalogView(catalog, found.catalog_stamp)
        made_of = VersionContext.of(shown, catalog=view, locale=t.locale)
        checked = web.results.get_or_make(
            made_of.key("health"), lambda: health(t, shown.plan, catalog, found.catalog_problems)
        )
        return {
            "plan": shown.plan,
            "kpi_names": kpi_names(t.locale),
            "health": checked,
            "statuses": list(Status),
            "forms": FORMS,
            "edit_values": {},  # unless a form shown again has its own
            "edit_problems": {},
            "help_share": OUTSIDE_HELP_SHARE,
        }

    return render_remembered(request, "plan.html", records, derived, status_code)
