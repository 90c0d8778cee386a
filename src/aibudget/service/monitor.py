"""A plan's monthly actuals for the page and the API: loaded with the plan, summed month
by month, and one month's figures entered by hand (read like the entry form,
:func:`aibudget.service.actuals_entry.read_entry`, and merged in one write).

Imports of files: :mod:`aibudget.service.actuals_import`; single entries corrected or
deleted: :mod:`aibudget.service.actuals_edit`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, NamedTuple

from aibudget.domain.actuals import Actuals, MergeReport, SpendStatus
from aibudget.domain.errors import Problem
from aibudget.domain.plan import Plan
from aibudget.service.actuals_entry import Entry, read_entry
from aibudget.store import actuals, plans, workspaces
from aibudget.store.db import Database
from aibudget.store.records import PlanSummary, PlanVersion, Role, Workspace


class PlanActuals(NamedTuple):
    """The workspace, the plan, its newest version and the actuals recorded for it."""

    space: Workspace
    summary: PlanSummary
    version: PlanVersion
    stored: Actuals


class Merged(NamedTuple):
    """Records merged into the actuals: all of them, or none and the conflicts."""

    stored: Actuals
    report: MergeReport
    conflicts: list[Problem]


def plan_actuals(
    db: Database, user_id: str, ws: str, plan_id: str, need: Role = Role.VIEWER
) -> PlanActuals:
    """The plan and its actuals as ``user_id`` may see them (Forbidden if short of ``need``)."""
    with db.session() as s:
        space = workspaces.require(s, user_id, ws, need)
        summary = plans.summary(s, user_id, ws, plan_id)
        version = plans.version(s, user_id, ws, plan_id)
        stored = actuals.get(s, user_id, ws, plan_id, version.plan.currency)
    return PlanActuals(space, summary, version, stored)


def month_rows(stored: Actuals) -> list[dict[str, Any]]:
    """Per month: spend (spent), committed, hours saved and how many records."""
    rows: dict[str, dict[str, Any]] = {}
    for r in stored.records:
        row = rows.setdefault(
            r.month,
            {"month": r.month, "spent": Decimal(0), "committed": Decimal(0), "hours": Decimal(0)}
            | {"records": 0},
        )
        row["records"] += 1
        if r.amount is not None and r.status is SpendStatus.SPENT:
            row["spent"] += r.amount
        elif r.amount is not None:
            row["committed"] += r.amount
        row["hours"] += r.hours_saved or 0
    return [rows[m] for m in sorted(rows)]


def add_entry(
    db: Database, user_id: str, ws: str, plan_id: str, plan: Plan, form: dict[str, str],
    replace: bool,
) -> tuple[Entry, Merged | None]:  # fmt: skip
    """One month's figures from the entry form's fields: the form read and, without
    problems, the records merged (``replace``: over different figures stored before)."""
    entry = read_entry(plan, form)
    if entry.problems:
        return entry, None
    with db.write() as s:
        merged = Merged(
            *actuals.add(s, user_id, ws, plan_id, plan.currency, entry.records, replace)
        )
    return entry, merged
