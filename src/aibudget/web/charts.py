"""Plotly figures (plain dicts, drawn in the browser) and the same numbers as tables.

The series come from :mod:`aibudget.present.charts`, as the PDF's do; this module only
writes them as Plotly figures. Each chart comes with a table holding exactly the
numbers it draws, for screen readers and for anyone who prefers figures to pictures.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from aibudget.catalog import kpi_entries
from aibudget.domain.allocation import OptimisationResult
from aibudget.domain.results import Evaluation, SimulationResult
from aibudget.i18n import Translator
from aibudget.present import charts as series
from aibudget.present.charts import PALETTE, REST, SHARES, ChartSeries
from aibudget.present.evaluation import chance_text, driver_label

FONT = "Noto Sans CJK TC, Noto Sans TC, PingFang TC, Microsoft JhengHei, sans-serif"
BAND_FILL = "rgba(30,58,95,0.15)"


@dataclass
class Chart:
    id: str
    title: str
    figure: dict[str, Any]
    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)


# Characters that could end or change the <script> element the JSON sits in (``</``,
# ``<!--``), or an HTML entity; and the line breaks that JavaScript once refused in strings.
SCRIPT_SAFE = str.maketrans({c: f"\\u{ord(c):04x}" for c in ("<", ">", "&", "\u2028", "\u2029")})


def figures_json(charts: list[Chart]) -> str:
    """The figures as JSON that is safe inside a <script> element: the characters of
    ``SCRIPT_SAFE`` as JSON escapes (the same text once parsed)."""
    figures = {chart.id: chart.figure for chart in charts}
    return json.dumps(figures, ensure_ascii=False).translate(SCRIPT_SAFE)


def _layout(title: str, **extra: Any) -> dict[str, Any]:
    """The page shows ``title`` as the chart's heading; the figure keeps it as metadata."""
    return {
        "meta": {"title": title},
        "font": {"family": FONT, "size": 12, "color": "#1f2933"},
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "margin": {"l": 60, "r": 20, "t": 40, "b": 50},
        # Above the plot: below it, the legend met the rotated month labels on a phone.
        "legend": {"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
        **extra,
    }


def _money_axis(unit: str, title: str | None = None) -> dict[str, Any]:
    text = unit if title is None else f"{title} ({unit})"
    return {"title": {"text": text}, "tickformat": ",.0f", "zeroline": True, "automargin": True}


def _month_axis(t: Translator) -> dict[str, Any]:
    return {"title": {"text": t("web.month")}, "type": "category", "automargin": True}


def _marker_shape(chart: ChartSeries) -> list[dict[str, Any]]:
    if chart.marker is None:
        return []
    x = chart.categories[chart.marker.index]
    line = {"dash": "dot", "color": PALETTE["total"]}
    return [{"type": "line", "x0": x, "x1": x, "yref": "paper", "y0": 0, "y1": 1, "line": line}]


def _money(t: Translator, value: float | None, unit: str) -> str:
    return "—" if value is None else t.money(value, unit)


def cash_flow(t: Translator, result: Evaluation) -> Chart:
    chart = series.cash_flow(t, result)
    x = list(chart.categories)
    costs, benefits, cumulative = chart.series
    data = [
        {
            "type": "bar",
            "name": s.name,
            "x": x,
            "y": list(s.values),
            "marker": {"color": PALETTE[s.role]},
        }
        for s in (costs, benefits)
    ]
    data.append(
        {
            "type": "scatter",
            "mode": "lines+markers",
            "name": cumulative.name,
            "x": x,
            "y": list(cumulative.values),
            "line": {"color": PALETTE[cumulative.role], "width": 2},
        }
    )
    figure = {
        "data": data,
        "layout": _layout(
            chart.title,
            barmode="relative",
            shapes=_marker_shape(chart),
            xaxis=_month_axis(t),
            yaxis=_money_axis(chart.unit),
        ),
    }
    rows = [
        [label, *[_money(t, s.values[i], chart.unit) for s in chart.series]]
        for i, label in enumerate(x)
    ]
    headers = [t("web.month"), *[s.name for s in chart.series]]
    return Chart(chart.id, chart.title, figure, headers, rows)


def _band_traces(chart: ChartSeries, horizontal: bool) -> list[dict[str, Any]]:
    """The band (P10-P90) and the median of a range chart."""
    assert chart.band is not None
    band, median = chart.band, chart.series[0]
    labels = list(chart.categories)
    if horizontal:
        return [
            {
                "type": "bar",
                "orientation": "h",
                "name": band.name,
                "y": labels,
                "x": [hi - lo for lo, hi in zip(band.low, band.high, strict=True)],
                "base": list(band.low),
                "marker": {"color": BAND_FILL, "line": {"color": PALETTE["total"], "width": 1}},
            },
            {
                "type": "scatter",
                "mode": "markers",
                "name": median.name,
                "y": labels,
                "x": list(median.values),
                "marker": {"color": PALETTE[median.role], "size": 10},
            },
        ]
    edge = {"width": 0}
    return [
        {"type": "scatter", "mode": "lines", "name": "P90", "x": labels,
         "y": list(band.high), "line": edge, "showlegend": False},
        {"type": "scatter", "mode": "lines", "name": band.name, "x": labels,
         "y": list(band.low), "fill": "tonexty", "fillcolor": BAND_FILL, "line": edge},
        {"type": "scatter", "mode": "lines", "name": median.name, "x": labels,
         "y": list(median.values), "line": {"color": PALETTE[median.role], "width": 2}},
    ]  # fmt: skip


def npv_ranges(t: Translator, result: Evaluation, sim: SimulationResult) -> Chart:
    """P10 / P50 / P90 of NPV for the whole plan and each tool (the simulated spread)."""
    chart = series.npv_ranges(t, result, sim)
    figure = {
        "data": _band_traces(chart, horizontal=True),
        "layout": _layout(
            chart.title,
            xaxis=_money_axis(chart.unit, t("cli.npv")),
            yaxis={"autorange": "reversed", "automargin": True},
        ),
    }
    assert chart.band is not None
    losses = [sim.prob_loss, *[d.prob_loss for d in sim.tools]]
    rows = [
        [
            label,
            t.money(chart.band.low[i], chart.unit),
            _money(t, chart.series[0].values[i], chart.unit),
            t.money(chart.band.high[i], chart.unit),
            chance_text(t, losses[i]),
        ]
        for i, label in enumerate(chart.categories)
    ]
    headers = [t("cli.tool"), "P10", "P50", "P90", t("cli.prob_loss")]
    return Chart(chart.id, chart.title, figure, headers, rows)


def fan(t: Translator, result: Evaluation, sim: SimulationResult) -> Chart:
    chart = series.fan(t, result, sim)
    figure = {
        "data": _band_traces(chart, horizontal=False),
        "layout": _layout(chart.title, xaxis=_month_axis(t), yaxis=_money_axis(chart.unit)),
    }
    assert chart.band is not None
    rows = [
        [
            label,
            t.money(chart.band.low[i], chart.unit),
            _money(t, chart.series[0].values[i], chart.unit),
            t.money(chart.band.high[i], chart.unit),
        ]
        for i, label in enumerate(chart.categories)
    ]
    return Chart(chart.id, chart.title, figure, [t("web.month"), "P10", "P50", "P90"], rows)


def tornado(t: Translator, result: Evaluation, sim: SimulationResult) -> Chart | None:
    chart = series.tornado(t, result, sim, kpi_entries())
    if chart is None or chart.base is None:
        return None
    base = chart.base
    labels = [series.input_lines(name, "<br>") for name in chart.categories]  # phones
    figure = {
        "data": [
            {
                "type": "bar",
                "orientation": "h",
                "name": s.name,
                "y": labels,
                "x": [(v or 0.0) - base for v in s.values],
                "base": base,
                "marker": {"color": PALETTE[s.role]},
            }
            for s in chart.series
        ],
        "layout": _layout(
            chart.title,
            barmode="overlay",
            xaxis=_money_axis(chart.unit, t("cli.npv")),
            yaxis={"autorange": "reversed", "automargin": True},
        ),
    }
    names = series.tool_names(t, result)
    rows = [
        [
            names.get(b.tool, b.tool),
            driver_label(t, b.driver, kpi_entries()),
            f"{t.number(b.low, 2)} – {t.number(b.high, 2)}",
            t.money(b.npv_at_low, chart.unit),
            t.money(b.npv_at_high, chart.unit),
        ]
        for b in series.tornado_order(sim)
    ]
    headers = [t("cli.tool"), t("cli.input"), t("cli.range"), *[s.name for s in chart.series]]
    return Chart(chart.id, chart.title, figure, headers, rows)


def all_charts(t: Translator, result: Evaluation, sim: SimulationResult) -> list[Chart]:
    charts = [cash_flow(t, result), npv_ranges(t, result, sim), fan(t, result, sim)]
    bars = tornado(t, result, sim)
    return charts + ([bars] if bars else [])


def shares_colours(chart: ChartSeries) -> list[str]:
    """One colour per slice; the unallocated rest in grey."""
    count = len(chart.categories) - (1 if chart.rest else 0)
    colours = [SHARES[i % len(SHARES)] for i in range(count)]
    return colours + ([REST] if chart.rest else [])


def line_items(t: Translator, result: OptimisationResult) -> Chart:
    """The allocated money by line item (and the unallocated rest), as a donut and a table."""
    chart = series.budget_shares(t, result)
    amounts = [v or 0.0 for v in chart.series[0].values]
    figure = {
        "data": [
            {
                "type": "pie",
                "hole": 0.55,
                "labels": list(chart.categories),
                "values": amounts,
                "marker": {"colors": shares_colours(chart)},
                "sort": False,
                "textinfo": "percent",
                "hovertemplate": "%{label}: %{value:,.0f}<extra></extra>",
            }
        ],
        "layout": _layout(chart.title, showlegend=True),
    }
    total = sum(amounts) or 1.0
    rows = [
        [label, t.money(amount, chart.unit), t.percent(amount / total)]
        for label, amount in zip(chart.categories, amounts, strict=True)
    ]
    headers = [t("optimize.col.line"), t("optimize.col.amount"), t("web.share")]
    return Chart(chart.id, chart.title, figure, headers, rows)
