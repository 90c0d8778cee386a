"""What the plan page shows of the store, read in one transaction: the plan's versions
(the one shown, the listed ones, the approved baseline), the catalog the plan sees, the
learning log's recent wins, the outside help its readiness calls for, the nightly check
and the actuals."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy.orm import Session

from aibudget.domain.actuals import Actuals
from aibudget.domain.errors import Problem
from aibudget.domain.guidance import CatalogTool
from aibudget.domain.practice import LearningEntry
from aibudget.engine.practice import recent_wins
from aibudget.service import catalogs
from aibudget.service.checks import CheckFacts, check_facts
from aibudget.service.practice import outside_help
from aibudget.store import actuals, learning, plans, workspaces
from aibudget.store.records import PlanSummary, PlanVersion, VersionInfo, Workspace


class PlanRecords(NamedTuple):
    space: Workspace
    summary: PlanSummary
    shown: PlanVersion
    listed: list[VersionInfo]
    baseline: VersionInfo | None
    catalog: dict[str, CatalogTool]
    catalog_problems: list[Problem]
    catalog_stamp: str
    wins: tuple[LearningEntry, ...]
    outside_help: tuple[str, ...]
    check: CheckFacts
    recorded: Actuals


def plan_records(
    s: Session, user_id: str, ws: str, plan_id: str, number: int | None, listed: int
) -> PlanRecords:
    """The records of the page showing version ``number`` (None: the newest) with at most
    ``listed`` versions in its history."""
    space = workspaces.require(s, user_id, ws)
    summary, shown, versions, approved = plans.overview(s, user_id, ws, plan_id, number, listed)
    catalog, problems, stamp = catalogs.for_plan(s, user_id, ws, shown.plan)
    wins = tuple(recent_wins(learning.entries(s, user_id, ws, plan_id)))
    weak = outside_help(s, user_id, ws, shown.plan)
    check = check_facts(s, user_id, ws, plan_id)
    recorded = actuals.get(s, user_id, ws, plan_id, shown.plan.currency)
    return PlanRecords(
        space, summary, shown, versions, approved, catalog, problems, stamp, wins, weak, check,
        recorded,
    )  # fmt: skip
