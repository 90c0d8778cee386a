"""Plan, forecast and actual per month (the review page), as Plotly figures and tables."""

from __future__ import annotations

from decimal import Decimal

from aibudget.domain.review import Review
from aibudget.i18n import Translator
from aibudget.web.charts import CALM, Chart, _layout

FORECAST = "#6b7280"


def _series(
    t: Translator,
    chart_id: str,
    title: str,
    r: Review,
    plan: list[Decimal],
    forecast: list[Decimal],
    actual: list[Decimal | None],
    colour: str,
) -> Chart:
    months = [t("cli.period_initial"), *r.monthly.months[1:]]  # index 0: before month 1
    figure = {
        "data": [
            {
                "type": "bar",
                "name": t("monitor.actual"),
                "x": months,
                "y": [None if a is None else float(a) for a in actual],
                "marker": {"color": colour},
            },
            {
                "type": "scatter",
                "mode": "lines",
                "name": t("monitor.plan"),
                "x": months,
                "y": [float(p) for p in plan],
                "line": {"color": CALM["line"], "width": 2},
            },
            {
                "type": "scatter",
                "mode": "lines",
                "name": t("monitor.web.forecast"),
                "x": months,
                "y": [float(f) for f in forecast],
                "line": {"color": FORECAST, "width": 2, "dash": "dash"},
            },
        ],
        "layout": _layout(
            title,
            xaxis={"title": {"text": t("web.month")}, "type": "category"},
            yaxis={"title": {"text": r.currency}, "tickformat": ",.0f", "zeroline": True},
        ),
    }
    cur = r.currency
    rows = [
        [
            month,
            t.money(plan[i], cur),
            t.money(forecast[i], cur),
            "—" if a is None else t.money(a, cur),
        ]
        for i, (month, a) in enumerate(zip(months, actual, strict=True))
    ]
    headers = [t("web.month"), t("monitor.plan"), t("monitor.web.forecast"), t("monitor.actual")]
    return Chart(chart_id, title, figure, headers, rows)


def review_charts(t: Translator, r: Review) -> list[Chart]:
    """Monthly costs and monthly benefits: plan, forecast and actual."""
    m = r.monthly
    return [
        _series(
            t, "review-costs", t("monitor.web.chart_costs"), r,
            m.plan_costs, m.forecast_costs, m.actual_costs, CALM["cost"],
        ),
        _series(
            t, "review-benefits", t("monitor.web.chart_benefits"), r,
            m.plan_benefits, m.forecast_benefits, m.actual_benefits, CALM["benefit"],
        ),
    ]  # fmt: skip
