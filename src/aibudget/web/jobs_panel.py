"""The plan page's panel of background work: the last nightly check with its alerts in
words, "check now", and reports made in the background."""

from __future__ import annotations

from datetime import datetime, time

from celery import Celery
from fastapi import Request
from markupsafe import Markup

from aibudget.i18n import Translator
from aibudget.jobs.queue import enqueue
from aibudget.jobs.work import REPORT_OPTIMISER_SECONDS, JobContext
from aibudget.service import report_jobs
from aibudget.service.allocation import time_cap
from aibudget.service.checks import CheckFacts
from aibudget.service.evaluation import bounded_trials
from aibudget.service.limits import costly
from aibudget.store.records import PlanSummary, PlanVersion, Workspace
from aibudget.web.context import state
from aibudget.web.jobs_words import alert_texts, checked_text, figures_text
from aibudget.web.security import CSRF_FIELD


def queue(request: Request) -> Celery:
    found: Celery = request.app.state.queue
    return found


def context(request: Request) -> JobContext:
    found: JobContext = queue(request).aibudget
    return found


def render_panel(
    request: Request,
    t: Translator,
    space: Workspace,
    summary: PlanSummary,
    number: int,
    facts: CheckFacts,
) -> Markup:
    """The panel's HTML (with the page's CSRF placeholder, filled in per answer)."""
    web = state(request)
    jobs = context(request)
    last = facts.last
    today = jobs.today()
    html = web.templates.get_template("_jobs_panel.html").render(
        t=t,
        space=space,
        summary=summary,
        number=number,
        csrf=web.csrf_slot,
        csrf_field=CSRF_FIELD,
        last=last,
        checked=checked_text(t, last, jobs.settings.timezone) if last else "",
        figures=figures_text(t, last.result) if last else "",
        alerts=alert_texts(t, last.result) if last else [],
        failed=facts.failed,
        live=facts.live,
        can_check=space.role.can_edit and facts.live and (last is None or last.result.day != today),
    )
    return Markup(html)


def enqueue_report(
    request: Request, user_id: str, version: PlanVersion, fmt: str, locale: str
) -> str:
    """The report job of ``version`` (its id): the user's same report of today if there is
    one (from after the actuals' last change), else a new job on the queue, counted
    against the user's costly runs first, with the server's trials; its optimiser has the
    request's time limit when it runs in-process, a worker's otherwise."""
    web = state(request)
    jobs = context(request)
    since = datetime.combine(jobs.today(), time(0), jobs.settings.zone)
    found = report_jobs.reusable(web.db, user_id, version, fmt, locale, since)
    if found is not None:
        return found  # the same report today: made (or being made) already
    costly(web.counters, web.settings, user_id)
    trials = bounded_trials(web.settings, None, version)
    in_process = jobs.settings.jobs_in_process
    seconds = time_cap(web.settings) if in_process else REPORT_OPTIMISER_SECONDS
    job_id = report_jobs.create(web.db, user_id, version, fmt, locale)
    enqueue(queue(request), "render_report", job_id, trials, str(seconds))
    return job_id
