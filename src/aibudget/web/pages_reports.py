"""Report downloads: the PDF and the XLSX of a plan version, on the pages and in the API.

The report includes the review when the plan has monthly actuals. Language: ``lang``
(zh-TW or en), else the viewer's.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query, Response

from aibudget.i18n import Translator
from aibudget.service.reports import build, report_inputs
from aibudget.web import reports
from aibudget.web.api import ERRORS, VERSION, ApiUser
from aibudget.web.context import CurrentUser, T, WebDep
from aibudget.web.json_bodies import JsonInThreadRoute

router = APIRouter(include_in_schema=False)
api_router = APIRouter(
    prefix="/api/v1", tags=["v1"], responses=ERRORS, route_class=JsonInThreadRoute
)
Lang = Literal["zh-TW", "en"]


def _report(
    web: WebDep, user_id: str, ws: str, plan_id: str, number: int, fmt: str, t: Translator
) -> Response:
    found = report_inputs(web.db, user_id, ws, plan_id, number)
    content = build(
        web.runs, user_id, found.version, fmt, t, found.recorded, found.catalog,
        worries=found.worries, learning=found.learning,
    )  # fmt: skip
    return reports.download(content, fmt, plan_id, number)


@router.get("/w/{ws}/p/{plan_id}/v/{number}/report.{fmt}")
def report_page(
    web: WebDep,
    user: CurrentUser,
    t: T,
    ws: str,
    plan_id: str,
    number: int,
    fmt: str,
    lang: Lang | None = None,
) -> Response:
    return _report(web, user.id, ws, plan_id, number, fmt, Translator(lang) if lang else t)


@api_router.get(VERSION + "/report", response_class=Response, responses=reports.REPORT_RESPONSES)
def report_api(
    web: WebDep,
    user: ApiUser,
    t: T,
    workspace_id: str,
    plan_id: str,
    number: int,
    fmt: Literal["pdf", "xlsx"] = Query("pdf", alias="format"),
    lang: Lang | None = None,
) -> Response:
    """The plan report of a version as a PDF or an XLSX workbook (with the review when
    the plan has actuals). Rate-limited with evaluate."""
    translator = Translator(lang) if lang else t
    return _report(web, user.id, workspace_id, plan_id, number, fmt, translator)
