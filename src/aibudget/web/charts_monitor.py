"""Plan, forecast and actual per month (the review page), as Plotly figures and tables.

The series come from :mod:`aibudget.present.charts`, as the PDF's review chart does."""

from __future__ import annotations

from aibudget.domain.review import Review
from aibudget.i18n import Translator
from aibudget.present import charts as series
from aibudget.present.charts import PALETTE, ChartSeries
from aibudget.web.charts import Chart, _layout, _money, _money_axis, _month_axis


def _series(t: Translator, chart: ChartSeries) -> Chart:
    months = list(chart.categories)
    actual, plan, forecast = chart.series
    figure = {
        "data": [
            {
                "type": "bar",
                "name": actual.name,
                "x": months,
                "y": list(actual.values),
                "marker": {"color": PALETTE[actual.role]},
            },
            {
                "type": "scatter",
                "mode": "lines",
                "name": plan.name,
                "x": months,
                "y": list(plan.values),
                "line": {"color": PALETTE[plan.role], "width": 2},
            },
            {
                "type": "scatter",
                "mode": "lines",
                "name": forecast.name,
                "x": months,
                "y": list(forecast.values),
                "line": {"color": PALETTE[forecast.role], "width": 2, "dash": "dash"},
            },
        ],
        "layout": _layout(chart.title, xaxis=_month_axis(t), yaxis=_money_axis(chart.unit)),
    }
    rows = [
        [month, *[_money(t, s.values[i], chart.unit) for s in (plan, forecast, actual)]]
        for i, month in enumerate(months)
    ]
    headers = [t("web.month"), plan.name, forecast.name, actual.name]
    return Chart(chart.id, chart.title, figure, headers, rows)


def review_charts(t: Translator, r: Review) -> list[Chart]:
    """Monthly costs and monthly benefits: plan, forecast and actual."""
    return [_series(t, series.review_costs(t, r)), _series(t, series.review_benefits(t, r))]
