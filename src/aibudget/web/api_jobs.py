"""The API of background work: the consultant's overview, a plan's last check, and
reports made by jobs (start one, follow its progress, download it)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from aibudget.service import report_jobs, versions
from aibudget.store import checks, plans, reports_jobs
from aibudget.web.api import ERRORS, PLAN, VERSION, ApiUser
from aibudget.web.context import ReadSession, T, WebDep
from aibudget.web.jobs_panel import context, enqueue_report
from aibudget.web.jobs_words import alert_texts, checked_text, figures_text, overview_rows
from aibudget.web.json_bodies import JsonInThreadRoute
from aibudget.web.reports import REPORT_RESPONSES, download

router = APIRouter(prefix="/api/v1", tags=["v1"], responses=ERRORS, route_class=JsonInThreadRoute)


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PlanCheckOut(Out):
    plan_id: str
    name: str
    version: int
    checked_at: datetime | None
    last_check: str | None = Field(description="When, in words, in the workspace time zone.")
    figures: str | None
    alerts: list[str] = Field(description="Open alerts, in words.")
    failure: str | None = Field(description="A check that keeps failing, in words.")


class WorkspaceCheckOut(Out):
    workspace_id: str
    workspace: str
    plans: list[PlanCheckOut]


class ReportJobIn(Out):
    format: Literal["pdf", "xlsx"] = "pdf"


class ReportJobOut(Out):
    id: str
    version: int
    format: str
    progress: int = Field(description="Percent done.")
    state: Literal["waiting", "running", "done", "failed"]
    error: str | None = Field(description="Why it failed, in words.")


@router.get("/overview", response_model=list[WorkspaceCheckOut])
def overview(request: Request, s: ReadSession, user: ApiUser, t: T) -> Any:
    """Every workspace of the caller, each live plan with its last check and open alerts."""
    states = checks.overview(s, user.id)
    return overview_rows(t, context(request).settings.timezone, states)


@router.get(PLAN + "/check", response_model=PlanCheckOut | None)
def last_check(
    request: Request,
    s: ReadSession,
    user: ApiUser,
    t: T,
    workspace_id: str,
    plan_id: str,
) -> Any:
    """The plan's last nightly check (null before the first)."""
    summary = plans.summary(s, user.id, workspace_id, plan_id)
    last = checks.last(s, user.id, workspace_id, plan_id)
    failed = checks.failure(s, user.id, workspace_id, plan_id)
    if last is None:
        return None
    zone = context(request).settings.timezone
    return PlanCheckOut(
        plan_id=plan_id,
        name=summary.name,
        version=last.number,
        checked_at=last.checked_at,
        last_check=checked_text(t, last, zone),
        figures=figures_text(t, last.result),
        alerts=alert_texts(t, last.result),
        failure=t(failed) if failed else None,
    )


def _job_out(t: T, job: reports_jobs.ReportJob) -> ReportJobOut:
    state = job.state.value if job.state else "waiting"
    return ReportJobOut(
        id=job.id,
        version=job.number,
        format=job.fmt,
        progress=job.progress,
        state=state,
        error=t(job.error or "jobs.failed.report") if state == "failed" else None,
    )


@router.post(VERSION + "/report-jobs", response_model=ReportJobOut, status_code=202)
def start_report(
    request: Request,
    web: WebDep,
    user: ApiUser,
    t: T,
    workspace_id: str,
    plan_id: str,
    number: int,
    body: ReportJobIn,
) -> Any:
    """Make the report of a version by a job (in the caller's language)."""
    version = versions.version(web.db, user.id, workspace_id, plan_id, number)
    job_id = enqueue_report(request, user.id, version, body.format, t.locale)
    return _job_out(t, report_jobs.job(web.db, user.id, workspace_id, plan_id, job_id))


@router.get(PLAN + "/report-jobs/{job_id}", response_model=ReportJobOut)
def report_job(
    s: ReadSession, user: ApiUser, t: T, workspace_id: str, plan_id: str, job_id: str
) -> Any:
    return _job_out(t, reports_jobs.get(s, user.id, workspace_id, plan_id, job_id))


@router.get(
    PLAN + "/report-jobs/{job_id}/file", response_class=Response, responses=REPORT_RESPONSES
)
def report_job_file(
    s: ReadSession, user: ApiUser, workspace_id: str, plan_id: str, job_id: str
) -> Response:
    """The finished report file (404 until it is done)."""
    job = reports_jobs.get(s, user.id, workspace_id, plan_id, job_id)
    content = reports_jobs.content(s, user.id, workspace_id, plan_id, job_id)
    return download(content, job.fmt, plan_id, job.number)
