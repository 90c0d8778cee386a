"""Small wording helpers shared by the PDF's sections (numbers, months, names)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from aibudget.domain.plan import Plan
from aibudget.domain.results import PLAN_LINES_ID
from aibudget.i18n import Translator
from aibudget.present.guidance import month_text
from aibudget.reports.content import ReportData


def payback_dated(t: Translator, plan: Plan, month: int | None) -> str:
    """``month 7 (Jul 2027)``, or "not in horizon"."""
    if month is None:
        return t("cli.payback_never")
    return t(
        "pdf.payback_at",
        month=month,
        calendar=month_text(t, plan.calendar_month(month)),
    )


def share_text(t: Translator, part: Decimal, whole: Decimal) -> str:
    return "–" if whole <= 0 else t.percent(part / whole)


def plan_month(t: Translator, plan: Plan, month: int) -> str:
    """A plan month as the locale writes a calendar month (month 0 is "initial")."""
    if month <= 0:
        return t("cli.period_initial")
    return month_text(t, plan.calendar_month(month))


def tool_names(t: Translator, data: ReportData) -> dict[str, str]:
    """Tool id -> the name the user wrote (plan-level lines get a translated name)."""
    names = {tool.id: tool.name for tool in data.plan.tools}
    names[PLAN_LINES_ID] = t("cli.plan_lines")
    return names


def member_name(plan: Plan, member_id: str) -> str:
    member = plan.member(member_id)
    if member is None:
        return member_id
    return member.name or member.role


def compact_money(t: Translator, currency: str) -> Callable[[float], str]:
    """Axis labels for charts: whole amounts in the locale's money format."""

    def fmt(value: float) -> str:
        return t.money(round(value), currency)

    return fmt


def kpi_value(t: Translator, value: Decimal | None, unit: str | None, currency: str) -> str:
    if value is None:
        return "–"
    if unit == "money":
        return t.money(value, currency)
    digits = max(0, min(2, -value.normalize().as_tuple().exponent))  # type: ignore[operator]
    text = t.number(value, digits)
    return f"{text}%" if unit == "percent" else text
