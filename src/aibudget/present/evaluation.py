"""Terminal rendering of results with Rich (tables, in the user's language)."""

from __future__ import annotations

from decimal import Decimal

from aibudget.catalog import kpi_entries
from aibudget.domain.plan import Plan
from aibudget.domain.results import Evaluation, Figures
from aibudget.domain.texts import N_
from aibudget.i18n import Translator


def payback_text(t: Translator, month: int | None) -> str:
    """``month 7``, or "not in horizon"."""
    return t("cli.payback_never") if month is None else t("cli.payback_month", month=month)


def roi_text(t: Translator, roi: Decimal | None) -> str:
    return t("cli.not_applicable") if roi is None else t.percent(roi)


def _figures_row(t: Translator, cur: str, f: Figures) -> list[str]:
    return [
        t.money(f.pv_costs, cur),
        t.money(f.pv_benefits, cur),
        t.money(f.npv, cur),
        roi_text(t, f.roi),
        payback_text(t, f.payback_month),
    ]


def kpi_name(t: Translator, kpi_id: str) -> str:
    """A KPI's name from the library in the reader's language (its id when unknown)."""
    entry = kpi_entries().get(kpi_id)
    return entry.name.get(t.locale) if entry else kpi_id


def driver_label(t: Translator, label: str) -> str:
    """A benefit driver's label as the engine names it (the user's own label, or its kind,
    or ``kpi:<id>``) in the reader's words."""
    if label.startswith("kpi:"):
        return t("driver.kpi_effect", kpi=kpi_name(t, label[4:]))
    text = t(f"driver.{label}")
    return label if text == f"driver.{label}" else text


def evaluation_title(t: Translator, plan: Plan, result: Evaluation) -> str:
    """The business, horizon, discount rate and convention of an evaluation in words."""
    return t(
        "cli.title",
        company=plan.company.name,
        months=result.months,
        start=result.start,
        rate=t.percent(result.discount_rate),
        convention=t(f"convention.{result.convention}"),
    )


# Message ids built at run time in this module, declared for message extraction.
DRIVER_MESSAGES = (
    N_("driver.cost_avoided"),
    N_("driver.hours_saved"),
    N_("driver.revenue_lift"),
)
