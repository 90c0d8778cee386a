"""The health check (aibudget.engine.lint) for the web pages, grouped by plan step.

Each item says what is wrong and what to do in words, names the goal, member or tool it
is about, and either offers the one-click fix (``key`` names the finding for the fix
route) or the page where the owner changes it.
"""

from __future__ import annotations

from dataclasses import dataclass

from aibudget.catalog import catalog_for, kpi_entries
from aibudget.domain.errors import Problem
from aibudget.domain.guidance import CatalogTool
from aibudget.domain.plan import Plan
from aibudget.engine.lint import lint
from aibudget.i18n import Translator
from aibudget.present.guidance import finding_document, format_params
from aibudget.service import health_fix
from aibudget.web.errors import problem_text

STEPS = ("goals", "team", "tools")


@dataclass(frozen=True)
class HealthItem:
    rule: str
    severity: str  # error, warning, info
    message: str
    fix: str
    where: str  # the plan path, for the API; never shown to the owner
    step: str  # goals, team, tools, or plan (budget and the rest)
    key: str = ""  # names the finding for the fix route
    remedy: str = ""  # what the one-click fix does, in words ("" when there is none)
    name: str = ""  # the goal, member or tool it is about
    edit: str = ""  # where to change it, relative to the plan's address


def step_of(where: str) -> str:
    head = where.split("[", 1)[0].split(".", 1)[0]
    return head if head in STEPS else "plan"


def health(
    t: Translator,
    plan: Plan,
    catalog: dict[str, CatalogTool] | None = None,
    problems: list[Problem] | None = None,
) -> list[HealthItem]:
    """Every finding of the health check, in the viewer's language (errors first).

    ``catalog`` is the merged catalog the plan sees (default: built-in + the plan's own).
    """
    if catalog is None:
        catalog, problems = catalog_for(plan.catalog)
    items = [
        HealthItem("catalog", "error", problem_text(t, p), "", p.where, "plan")
        for p in problems or []
    ]
    for finding in lint(plan, catalog, kpi_entries()):
        doc = finding_document(t, finding, plan.currency)
        place = health_fix.place(plan, finding)
        remedy = ""
        if finding.remedy is not None:
            params = format_params(t, finding.remedy.params, plan.currency)
            remedy = t(finding.remedy.note_id, **params)
        items.append(
            HealthItem(
                rule=finding.rule,
                severity=finding.severity.value,
                message=doc.message,
                fix=doc.fix,
                where=finding.where,
                step=step_of(finding.where),
                key=health_fix.key(plan, finding),
                remedy=remedy,
                name=place.name or "",
                edit=place.address,
            )
        )
    return items
