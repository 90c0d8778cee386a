"""Each goal's KPI projection in the owner's words, shared by the CLI, the web page and
the PDF and workbook reviews (see :mod:`aibudget.engine.review_projection`)."""

from __future__ import annotations

from decimal import Decimal

from aibudget.domain.review import KpiStatus
from aibudget.domain.texts import N_
from aibudget.i18n import Translator
from aibudget.present.evaluation import KpiLibrary
from aibudget.present.guidance import month_text

WHOLE_UNITS = ("count", "hours")
SMALL_GAP = Decimal("0.01")  # a shortfall under 1% is shown with one decimal, never "0%"


def kpi_value_text(t: Translator, kpi: str, value: Decimal, currency: str, kpis: KpiLibrary) -> str:
    """A KPI figure with its unit (from ``kpis``): NT$285,000, 2.4%, 1,230; at most two
    decimals."""
    entry = kpis.get(kpi)
    unit = entry.unit if entry is not None else ""
    if unit == "money":
        return t.money(value, currency)
    if unit in WHOLE_UNITS:
        return t.number(value)
    text = kpi_number(t, value)
    return f"{text}%" if unit == "percent" else text


def kpi_number(t: Translator, value: Decimal) -> str:
    """A KPI value with its separators and the decimals it was entered with (at most 2)."""
    exponent = value.normalize().as_tuple().exponent
    places = min(2, -exponent) if isinstance(exponent, int) and exponent < 0 else 0
    return t.number(value, places)


def projection_text(t: Translator, k: KpiStatus, currency: str, kpis: KpiLibrary) -> str:
    """The verdict in a sentence (and when the target is met), or why there is none
    (``kpis``: the KPI library, for each KPI's unit)."""
    p = k.projection
    if p is None:
        return t(f"kpi_forecast.note.{k.projection_note}") if k.projection_note else ""
    assert k.target is not None
    figures = {
        "value": kpi_value_text(t, k.kpi, p.value, currency, kpis),
        "month": month_text(t, p.deadline),
        "target": kpi_value_text(t, k.kpi, k.target, currency, kpis),
    }
    level = "_level" if p.method == "average" else ""  # a rate: "if it stays as it is"
    if p.verdict == "behind":
        gap = "–" if p.gap is None else t.percent(p.gap, 0 if p.gap >= SMALL_GAP else 1)
        return t(f"kpi_forecast.behind{level}", gap=gap, **figures)
    if level or p.reach_month is None or p.months_early == 0:
        return t(f"kpi_forecast.on_track{level}", **figures)
    key = (
        N_("kpi_forecast.on_track_reached")
        if p.recorded_reach
        else N_("kpi_forecast.on_track_expected")
    )
    return t(key, reach=month_text(t, p.reach_month), count=p.months_early, **figures)


def method_text(t: Translator, k: KpiStatus) -> str:
    """How the projection was made, in a sentence ("" without a projection)."""
    p = k.projection
    if p is None:
        return ""
    return t(f"kpi_forecast.method.{p.method}", count=p.months_used)


# Message ids built at run time in this module, declared for message extraction.
FORECAST_MESSAGES = (
    N_("kpi_forecast.behind"),
    N_("kpi_forecast.behind_level"),
    N_("kpi_forecast.note.few_months"),
    N_("kpi_forecast.note.no_deadline"),
    N_("kpi_forecast.note.no_target"),
    N_("kpi_forecast.note.past_deadline"),
    N_("kpi_forecast.on_track"),
    N_("kpi_forecast.on_track_level"),
)
