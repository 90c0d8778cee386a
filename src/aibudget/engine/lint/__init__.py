"""The health check: every pitfall rule run over a plan (``aibudget lint``).

Rules live in ``rules_budget`` (money and change management), ``rules_privacy``
(customer data), ``rules_tools`` (tools and team) and ``rules_goals`` (goals, from the
SMART check, and how goals and tools meet); each registers itself in ``RULES``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from aibudget.domain.guidance import CatalogTool, Finding, KpiEntry, Severity
from aibudget.domain.plan import Plan
from aibudget.engine.cashflow import evaluate_flows
from aibudget.engine.flows import build_flows
from aibudget.engine.lint import rules_budget, rules_goals, rules_privacy, rules_tools
from aibudget.engine.lint.base import RULES, LintContext, Rule
from aibudget.engine.smart import check_goals

__all__ = [
    "RULES",
    "LintContext",
    "Rule",
    "lint",
    "rules_budget",
    "rules_goals",
    "rules_privacy",
    "rules_tools",
]

SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def context(
    plan: Plan,
    catalog: Mapping[str, CatalogTool],
    kpis: Mapping[str, KpiEntry],
    funded: Collection[str] | None = None,
) -> LintContext:
    flows = build_flows(plan)
    return LintContext(
        plan=plan,
        catalog=catalog,
        kpis=kpis,
        flows=flows,
        evaluation=evaluate_flows(plan, flows, plan.horizon.convention),
        smart=check_goals(plan, kpis, funded),
    )


def lint(
    plan: Plan,
    catalog: Mapping[str, CatalogTool],
    kpis: Mapping[str, KpiEntry],
    funded: Collection[str] | None = None,
    rules: Collection[str] | None = None,
) -> list[Finding]:
    """Findings of every rule (or of the named ones), errors first, then in rule order."""
    ctx = context(plan, catalog, kpis, funded)
    found = [f for r in RULES if rules is None or r.id in rules for f in r.check(ctx)]
    return sorted(found, key=lambda f: SEVERITY_ORDER[f.severity])


def has_errors(findings: Collection[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)
