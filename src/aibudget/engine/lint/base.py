"""What every health-check rule shares: the context it reads and the rule registry.

A rule is a small function taking a :class:`LintContext` and yielding
:class:`~aibudget.domain.guidance.Finding` records. It is registered with :func:`rule`,
which records its id, its usual severity and every message id it may emit (so the
catalogue test can check them all).

Message ids: ``lint.<rule>[.<variant>]`` for the explanation and ``fix.<rule>[.<variant>]``
for the fix. Parameters are plain values; by convention a Decimal parameter is an
amount in the plan's currency unless its name ends in ``share`` (a share of 1), and
hours, counts and KPI values are passed as text or int.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from typing import Any

from aibudget.domain.errors import Path, format_path
from aibudget.domain.guidance import (
    CatalogTool,
    Finding,
    KpiEntry,
    Remedy,
    SetValue,
    Severity,
    SmartCheck,
    resolve,
)
from aibudget.domain.money import ZERO
from aibudget.domain.plan import Billing, LineItem, Plan, Tool, ToolPlan
from aibudget.domain.results import Evaluation
from aibudget.domain.texts import N_
from aibudget.engine.flows import FlowModel


@dataclass(frozen=True)
class LintContext:
    """A plan with what the rules need computed once: flows, figures, SMART checks."""

    plan: Plan
    catalog: Mapping[str, CatalogTool]
    kpis: Mapping[str, KpiEntry]
    flows: FlowModel
    evaluation: Evaluation
    smart: list[SmartCheck]

    def entry(self, tool: Tool) -> CatalogTool | None:
        if tool.catalog_id is None:
            return None
        return resolve(self.catalog, tool.catalog_id)

    def spend(self) -> Decimal:
        """Money the plan spends over the horizon: every cost line except staff time."""
        return sum(
            (v for k, v in self.evaluation.costs_by_line.items() if k != LineItem.INTERNAL_TIME),
            ZERO,
        )

    def tool_cost(self, tool_id: str) -> Decimal:
        """A tool's total cost over the horizon, staff time included."""
        result = next((t for t in self.evaluation.tools if t.id == tool_id), None)
        return sum(result.costs_by_line.values(), ZERO) if result else ZERO


def tier_label(tier: ToolPlan) -> str | dict[str, str]:
    """A tier by its name; an unnamed one by its billing, in words (never its id)."""
    if tier.name:
        return tier.name
    if tier.billing is Billing.ANNUAL:
        return {"en": "the yearly plan", "zh-TW": "年繳方案"}
    return {"en": "the monthly plan", "zh-TW": "月繳方案"}


Check = Callable[[LintContext], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    variants: tuple[str, ...]
    check: Check

    @property
    def message_ids(self) -> list[str]:
        ids = []
        for variant in self.variants:
            suffix = f".{variant}" if variant else ""
            ids += [f"lint.{self.id}{suffix}", f"fix.{self.id}{suffix}"]
        return ids


RULES: list[Rule] = []


def rule(
    rule_id: str, severity: Severity, variants: tuple[str, ...] = ("",)
) -> Callable[[Check], Check]:
    """Register a rule function under an id, with its usual severity and message variants."""

    def register(check: Check) -> Check:
        RULES.append(Rule(rule_id, severity, variants, check))
        return check

    return register


def finding(
    rule_id: str,
    severity: Severity,
    path: Path,
    variant: str = "",
    fix_params: dict[str, Any] | None = None,
    remedy: Remedy | None = None,
    **params: Any,
) -> Finding:
    suffix = f".{variant}" if variant else ""
    return Finding(
        rule=rule_id,
        severity=severity,
        message_id=f"lint.{rule_id}{suffix}",
        params=params,
        fix_id=f"fix.{rule_id}{suffix}",
        fix_params=fix_params if fix_params is not None else params,
        where=format_path(path) or "plan",
        path=tuple(path),
        remedy=remedy,
    )


def remedy(note: str, *sets: tuple[Path, str | int | bool], **params: Any) -> Remedy:
    """A remedy setting each (path, value); ``note`` names its words (``remedy.<note>``)."""
    return Remedy(
        note_id=f"remedy.{note}",
        params=params,
        sets=tuple(SetValue(path=tuple(p), value=v) for p, v in sets),
    )


# Message ids built at run time from the values above, declared for message extraction.
REMEDY_MESSAGES = (
    N_("remedy.after_pilot"),
    N_("remedy.deadline"),
    N_("remedy.free_plan"),
    N_("remedy.measurement"),
    N_("remedy.monthly"),
    N_("remedy.owner"),
    N_("remedy.pilot_later"),
    N_("remedy.privacy"),
    N_("remedy.reserve"),
    N_("remedy.review"),
    N_("remedy.swap"),
    N_("remedy.target"),
    N_("remedy.training"),
    N_("remedy.trial"),
)


def number(value: Decimal) -> str:
    """Hours and other non-money amounts as plain text (``12.5``, ``8``); also how a
    remedy writes an exact amount or share into a plan document."""
    return format(value.normalize(), "f")


SUGGESTION_ROUND = Decimal(100)


def round_up_hundred(amount: Decimal) -> Decimal:
    """An amount to suggest, rounded up to a whole hundred."""
    return (amount / SUGGESTION_ROUND).to_integral_value(ROUND_CEILING) * SUGGESTION_ROUND


def budget_share(annual_budget: Decimal, share: Decimal) -> Decimal:
    """A yearly amount to suggest: a share of the annual AI budget, rounded up to a whole
    hundred."""
    return round_up_hundred(annual_budget * share)
