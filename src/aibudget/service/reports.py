"""What the plan report of a stored version is made from, read in one transaction: the
version, its actuals, the catalog it sees, the owner's strong worries and the team's
learning log (the report itself: :mod:`aibudget.reports`)."""

from __future__ import annotations

from typing import NamedTuple

from aibudget.domain.actuals import Actuals
from aibudget.domain.practice import LearningEntry
from aibudget.service import catalogs
from aibudget.service.catalogs import CatalogView
from aibudget.service.worries import owner_worries
from aibudget.store import actuals, learning, plans
from aibudget.store.db import Database
from aibudget.store.records import PlanVersion


class ReportInputs(NamedTuple):
    version: PlanVersion
    recorded: Actuals
    catalog: CatalogView
    worries: tuple[str, ...]
    learning: tuple[LearningEntry, ...]


def report_inputs(db: Database, user_id: str, ws: str, plan_id: str, number: int) -> ReportInputs:
    with db.session() as s:
        version = plans.version(s, user_id, ws, plan_id, number)
        recorded = actuals.get(s, user_id, ws, plan_id, version.plan.currency)
        catalog = catalogs.view_for(s, user_id, ws, version.plan)
        worries = tuple(owner_worries(s, user_id, ws))
        logged = tuple(learning.entries(s, user_id, ws, plan_id))
    return ReportInputs(version, recorded, catalog, worries, logged)
