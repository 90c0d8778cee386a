"""An evaluation's figures, title and benefit drivers in the reader's words."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from aibudget.domain.guidance import KpiEntry
from aibudget.domain.plan import Plan
from aibudget.domain.results import DriverKind, DriverRef, Evaluation, Figures
from aibudget.domain.texts import N_
from aibudget.i18n import Translator

KpiLibrary = Mapping[str, KpiEntry]  # the KPI library by id (``aibudget.catalog.kpi_entries``)


def payback_text(t: Translator, month: int | None) -> str:
    """``month 7``, or "not in horizon"."""
    return t("cli.payback_never") if month is None else t("cli.payback_month", month=month)


def roi_text(t: Translator, roi: Decimal | None) -> str:
    return t("cli.not_applicable") if roi is None else t.percent(roi)


CHANCE_MAX_DIGITS = 3


def chance_text(t: Translator, share: float, digits: int = 1) -> str:
    """A share of the simulated cases (e.g. the chance of a loss) in per cent, with
    ``digits`` decimals, more where rounding would show 0% or 100% of a share that is
    neither ("0.0%" means no simulated case at all), and "under 0.001%" / "over
    99.999%" beyond three."""
    if share in (0.0, 1.0):
        return t.percent(share, digits)
    for more in range(digits, CHANCE_MAX_DIGITS + 1):
        text = t.percent(share, more)
        if text not in (t.percent(0.0, more), t.percent(1.0, more)):
            return text
    edge = 10.0 ** -(CHANCE_MAX_DIGITS + 2)
    if share < 0.5:
        return t("evaluate.chance_under", share=t.percent(edge, CHANCE_MAX_DIGITS))
    return t("evaluate.chance_over", share=t.percent(1.0 - edge, CHANCE_MAX_DIGITS))


def _figures_row(t: Translator, cur: str, f: Figures) -> list[str]:
    return [
        t.money(f.pv_costs, cur),
        t.money(f.pv_benefits, cur),
        t.money(f.npv, cur),
        roi_text(t, f.roi),
        payback_text(t, f.payback_month),
    ]


def kpi_name(t: Translator, kpi_id: str, kpis: KpiLibrary) -> str:
    """A KPI in the reader's words: its name in the library (``kpis``), else an import's
    own words for it (clicks, key events, ...), else its id as its file gave it."""
    entry = kpis.get(kpi_id)
    if entry is not None:
        return entry.name.get(t.locale)
    message_id = f"import.kpi.{kpi_id}"
    words = t(message_id)
    return kpi_id if words == message_id else words


# The imports' KPIs outside the library, named at run time by kpi_name.
IMPORT_KPI_MESSAGES = (
    N_("import.kpi.clicks"),
    N_("import.kpi.conversions"),
    N_("import.kpi.key_events"),
    N_("import.kpi.line_message_clicks"),
    N_("import.kpi.line_message_reach"),
    N_("import.kpi.line_messages_delivered"),
    N_("import.kpi.orders"),
    N_("import.kpi.repeat_buyers"),
)


def driver_label(t: Translator, driver: DriverRef, kpis: KpiLibrary) -> str:
    """A benefit driver in the reader's words: the label the owner gave it, else what it
    is ("節省工時", "KPI 效果：互動率")."""
    if driver.label:
        return driver.label
    if driver.kind is DriverKind.KPI_EFFECT:
        return t("driver.kpi_effect", kpi=kpi_name(t, driver.kpi or "", kpis))
    return t(f"driver.{driver.kind.value}")


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
