"""Actuals indexed by month index for the review (see :mod:`aibudget.engine.review`).

Spent money up to the review month is *actual*; planned and committed money, and
anything dated after the review month, is *expected* (it feeds the forecast).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from aibudget.domain.actuals import ActualRecord, SpendStatus
from aibudget.domain.money import ZERO
from aibudget.domain.plan import LineItem


@dataclass
class Facts:
    """Actuals indexed by month index (see the module docstring)."""

    spent: dict[tuple[str, str], dict[int, Decimal]] = field(default_factory=dict)
    expected: dict[tuple[str, str], dict[int, Decimal]] = field(default_factory=dict)
    committed: dict[tuple[str, str], Decimal] = field(default_factory=dict)
    hours: dict[str, dict[int, Decimal]] = field(default_factory=dict)
    benefit: dict[str, dict[int, Decimal]] = field(default_factory=dict)
    usage: dict[str, dict[int, tuple[int | None, int | None]]] = field(default_factory=dict)
    feedback: dict[str, dict[int, list[Decimal]]] = field(default_factory=dict)
    kpis: list[tuple[int, ActualRecord]] = field(default_factory=list)
    tools: set[str] = field(default_factory=set)


def _add(table: dict[int, Decimal], m: int, value: Decimal) -> None:
    table[m] = table.get(m, ZERO) + value


def collect(records: list[tuple[int, ActualRecord]], as_of: int) -> Facts:
    facts = Facts()
    for m, r in records:
        tool_data = (r.amount, r.hours_saved, r.benefit, r.seats, r.active_users, r.feedback)
        if r.kpi is None or any(v is not None for v in tool_data):
            facts.tools.add(r.tool)  # a KPI value alone says nothing about a tool
        if r.amount is not None:
            key = (r.tool, (r.line or LineItem.OTHER).value)
            if r.status is SpendStatus.SPENT and m <= as_of:
                _add(facts.spent.setdefault(key, {}), m, r.amount)
            else:
                _add(facts.expected.setdefault(key, {}), m, r.amount)
            if r.status is SpendStatus.COMMITTED:
                facts.committed[key] = facts.committed.get(key, ZERO) + r.amount
        if r.hours_saved is not None:
            _add(facts.hours.setdefault(r.tool, {}), m, r.hours_saved)
        if r.benefit is not None:
            _add(facts.benefit.setdefault(r.tool, {}), m, r.benefit)
        if r.seats is not None or r.active_users is not None:
            facts.usage.setdefault(r.tool, {})[m] = (r.seats, r.active_users)
        if r.feedback is not None:
            facts.feedback.setdefault(r.tool, {}).setdefault(m, []).append(r.feedback)
        if r.kpi and r.kpi_value is not None:
            facts.kpis.append((m, r))
    return facts
