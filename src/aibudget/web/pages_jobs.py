"""Pages of background work: check a plan now, the consultant's overview of every
workspace, and reports made in the background with their progress."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from aibudget.jobs.queue import enqueue
from aibudget.reports import FORMATS
from aibudget.service import versions
from aibudget.service.checks import target_to_check
from aibudget.store import checks, plans, reports_jobs, workspaces
from aibudget.store.job_runs import RunStatus
from aibudget.web.context import CurrentUser, ReadSession, T, WebDep, check_csrf, render
from aibudget.web.errors import BadRequest
from aibudget.web.jobs_panel import context, enqueue_report, queue
from aibudget.web.jobs_words import overview_rows
from aibudget.web.reports import download

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
Small = Annotated[str, Form(max_length=10)]
REFRESH_SECONDS = 2


@router.post("/w/{ws}/p/{plan_id}/check")
def check_now(request: Request, web: WebDep, user: CurrentUser, ws: str, plan_id: str) -> Response:
    """Check the plan's live version today (at once in-process, else on a worker)."""
    target = target_to_check(web.db, user.id, ws, plan_id)
    if target is not None:
        today = context(request).today().isoformat()
        enqueue(queue(request), "check_version", target.version_id, today)
    return RedirectResponse(f"/w/{ws}/p/{plan_id}#check", status_code=303)


@router.get("/overview")
def overview_page(request: Request, s: ReadSession, user: CurrentUser, t: T) -> Response:
    states = checks.overview(s, user.id)
    rows = overview_rows(t, context(request).settings.timezone, states)
    return render(request, "overview.html", rows=rows)


@router.post("/w/{ws}/p/{plan_id}/v/{number}/report-jobs")
def start_report(
    request: Request,
    web: WebDep,
    user: CurrentUser,
    t: T,
    ws: str,
    plan_id: str,
    number: int,
    fmt: Small = "pdf",
) -> Response:
    """A report made by a job; the next page shows its progress."""
    if fmt not in FORMATS:
        raise BadRequest()
    version = versions.version(web.db, user.id, ws, plan_id, number)
    job_id = enqueue_report(request, user.id, version, fmt, t.locale)
    return RedirectResponse(f"/w/{ws}/p/{plan_id}/report-jobs/{job_id}", status_code=303)


@router.get("/w/{ws}/p/{plan_id}/report-jobs/{job_id}")
def report_progress(
    request: Request,
    s: ReadSession,
    user: CurrentUser,
    ws: str,
    plan_id: str,
    job_id: str,
) -> Response:
    space = workspaces.require(s, user.id, ws)
    summary = plans.summary(s, user.id, ws, plan_id)
    job = reports_jobs.get(s, user.id, ws, plan_id, job_id)
    running = job.state not in (RunStatus.DONE, RunStatus.FAILED)
    return render(
        request,
        "report_job.html",
        space=space,
        summary=summary,
        job=job,
        refresh=REFRESH_SECONDS if running else None,
    )


@router.get("/w/{ws}/p/{plan_id}/report-jobs/{job_id}/file")
def report_file(s: ReadSession, user: CurrentUser, ws: str, plan_id: str, job_id: str) -> Response:
    job = reports_jobs.get(s, user.id, ws, plan_id, job_id)
    content = reports_jobs.content(s, user.id, ws, plan_id, job_id)
    return download(content, job.fmt, plan_id, job.number)
