"""The plan report (PDF, XLSX) of a stored version: what it is made from, read in one
transaction (the version, its actuals, the catalog it sees, the owner's strong worries
and the team's learning log), and the file, bounded like evaluate, rate-limited per user
and cached by what makes it (the version's context: id, status, the catalog the plan
sees, actuals, language; and the format, date, worries and learning log). The layouts:
:mod:`aibudget.reports`."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from aibudget.domain.actuals import Actuals
from aibudget.domain.errors import AibudgetError
from aibudget.domain.practice import LearningEntry
from aibudget.domain.texts import N_
from aibudget.i18n import Translator
from aibudget.reports import FORMATS, ReportMeta, gather, render
from aibudget.service import catalogs
from aibudget.service.allocation import time_cap
from aibudget.service.catalogs import CatalogView
from aibudget.service.context import VersionContext
from aibudget.service.evaluation import CostlyRuns, bounded_trials, costly_run
from aibudget.service.worries import owner_worries
from aibudget.store import actuals as stored_actuals
from aibudget.store import learning as learning_log
from aibudget.store import plans
from aibudget.store.db import Database
from aibudget.store.records import PlanVersion


class ReportInputs(NamedTuple):
    version: PlanVersion
    recorded: Actuals
    catalog: CatalogView
    worries: tuple[str, ...]
    learning: tuple[LearningEntry, ...]


class UnknownFormat(AibudgetError):
    message_id = N_("cli.bad_option")
    http_status = 404


def report_inputs(db: Database, user_id: str, ws: str, plan_id: str, number: int) -> ReportInputs:
    with db.session() as s:
        version = plans.version(s, user_id, ws, plan_id, number)
        recorded = stored_actuals.get(s, user_id, ws, plan_id, version.plan.currency)
        catalog = catalogs.view_for(s, user_id, ws, version.plan)
        worries = tuple(owner_worries(s, user_id, ws))
        logged = tuple(learning_log.entries(s, user_id, ws, plan_id))
    return ReportInputs(version, recorded, catalog, worries, logged)


def build(
    runs: CostlyRuns,
    user_id: str,
    version: PlanVersion,
    fmt: str,
    t: Translator,
    actuals: Actuals | None,
    catalog: CatalogView,
    worries: tuple[str, ...] = (),
    learning: tuple[LearningEntry, ...] = (),
) -> bytes:
    """The report's bytes; the same inputs on the same day give the cached file."""
    if fmt not in FORMATS:
        raise UnknownFormat(option="format", detail=", ".join(FORMATS))
    recorded = actuals if actuals is not None and actuals.records else None
    today = date.today()
    meta = ReportMeta(
        generated=today,
        version=f"v{version.number}",
        state=version.status.value,
        note=version.note,
    )

    def make() -> bytes:
        check_time = costly_run(runs, user_id)
        data = gather(
            version.plan,
            meta,
            actuals=recorded,
            trials=bounded_trials(runs.settings, None, version),
            optimiser_seconds=time_cap(runs.settings),
            progress=check_time,
            catalog=catalog.entries,
            worries=worries,
            learning=learning,
        )
        return render(data, fmt, t)

    made_of = VersionContext.of(version, catalog=catalog, actuals=recorded, locale=t.locale,
                                with_actuals=True)  # fmt: skip
    key = made_of.key("report", fmt, today, worries, learning)
    return runs.reports.get_or_make(key, make)
