"""The health check (aibudget.engine.lint) for the web pages, grouped by plan step."""

from __future__ import annotations

from dataclasses import dataclass

from aibudget.catalog import catalog_for, kpi_entries
from aibudget.domain.errors import Problem
from aibudget.domain.guidance import CatalogTool
from aibudget.domain.plan import Plan
from aibudget.engine.lint import lint
from aibudget.i18n import Translator
from aibudget.render_guidance import finding_json
from aibudget.web.errors import problem_text

STEPS = ("goals", "team", "tools")


@dataclass(frozen=True)
class HealthItem:
    rule: str
    severity: str  # error, warning, info
    message: str
    fix: str
    where: str
    step: str  # goals, team, tools, or plan (budget and the rest)


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
        doc = finding_json(t, finding, plan.currency)
        items.append(
            HealthItem(
                rule=finding.rule,
                severity=finding.severity.value,
                message=doc["message"],
                fix=doc["fix"],
                where=finding.where,
                step=step_of(finding.where),
            )
        )
    return items
