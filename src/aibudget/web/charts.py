"""Plotly figures (plain dicts, drawn in the browser) and the same numbers as tables.

Each chart comes with a table holding exactly the numbers it draws, for screen readers
and for anyone who prefers figures to pictures.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from aibudget.catalog import kpi_entries
from aibudget.domain.allocation import OptimisationResult
from aibudget.domain.results import Evaluation, SimulationResult
from aibudget.engine.flows import PLAN_LINES_ID
from aibudget.i18n import Translator
from aibudget.present.evaluation import driver_label

CALM = {"cost": "#c2410c", "benefit": "#0f766e", "line": "#1e3a5f", "band": "rgba(30,58,95,0.15)"}
FONT = "Noto Sans CJK TC, Noto Sans TC, PingFang TC, Microsoft JhengHei, sans-serif"


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
        "margin": {"l": 60, "r": 20, "t": 20, "b": 50},
        "legend": {"orientation": "h", "y": -0.2},
        **extra,
    }


def _months(result: Evaluation) -> list[int]:
    return list(range(1, result.months + 1))


def cash_flow(t: Translator, result: Evaluation) -> Chart:
    cur = result.currency
    months = _months(result)
    costs = [-float(c) for c in result.monthly_costs]
    benefits = [float(b) for b in result.monthly_benefits]
    cumulative = [float(c) for c in result.cumulative_net]
    payback = result.expected.payback_month
    shapes = []
    if payback is not None:
        shapes.append(
            {
                "type": "line",
                "x0": payback,
                "x1": payback,
                "yref": "paper",
                "y0": 0,
                "y1": 1,
                "line": {"dash": "dot", "color": CALM["line"]},
            }
        )
    figure = {
        "data": [
            {
                "type": "bar",
                "name": t("cli.costs"),
                "x": months,
                "y": costs,
                "marker": {"color": CALM["cost"]},
            },
            {
                "type": "bar",
                "name": t("cli.benefits"),
                "x": months,
                "y": benefits,
                "marker": {"color": CALM["benefit"]},
            },
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": t("web.cumulative_net"),
                "x": months,
                "y": cumulative,
                "line": {"color": CALM["line"], "width": 2},
            },
        ],
        "layout": _layout(
            t("web.chart_cash_flow"),
            barmode="relative",
            shapes=shapes,
            xaxis={"title": {"text": t("web.month")}, "dtick": 3},
            yaxis={"title": {"text": cur}, "tickformat": ",.0f", "zeroline": True},
        ),
    }
    rows = [
        [
            str(m),
            t.money(-result.monthly_costs[m - 1], cur),
            t.money(result.monthly_benefits[m - 1], cur),
            t.money(result.cumulative_net[m - 1], cur),
        ]
        for m in months
    ]
    headers = [t("web.month"), t("cli.costs"), t("cli.benefits"), t("web.cumulative_net")]
    return Chart("cash-flow", t("web.chart_cash_flow"), figure, headers, rows)


def npv_ranges(t: Translator, result: Evaluation, sim: SimulationResult) -> Chart:
    """P10 / P50 / P90 of NPV for the whole plan and each tool (the simulated spread)."""
    cur = result.currency
    names = {tool.id: _tool_name(t, tool.id, tool.name) for tool in result.tools}
    items = [(t("cli.plan_total"), sim.npv.p10, sim.npv.p50, sim.npv.p90, sim.prob_loss)]
    items += [(names[d.id], d.npv.p10, d.npv.p50, d.npv.p90, d.prob_loss) for d in sim.tools]
    labels = [i[0] for i in items]
    figure = {
        "data": [
            {
                "type": "bar",
                "orientation": "h",
                "name": "P10 – P90",
                "y": labels,
                "x": [i[3] - i[1] for i in items],
                "base": [i[1] for i in items],
                "marker": {"color": CALM["band"], "line": {"color": CALM["line"], "width": 1}},
            },
            {
                "type": "scatter",
                "mode": "markers",
                "name": "P50",
                "y": labels,
                "x": [i[2] for i in items],
                "marker": {"color": CALM["line"], "size": 10},
            },
        ],
        "layout": _layout(
            t("web.chart_npv_range", trials=t.number(sim.trials)),
            xaxis={"title": {"text": f"{t('cli.npv')} ({cur})"}, "tickformat": ",.0f"},
            yaxis={"autorange": "reversed", "automargin": True},
        ),
    }
    rows = [
        [i[0], t.money(i[1], cur), t.money(i[2], cur), t.money(i[3], cur), t.percent(i[4])]
        for i in items
    ]
    headers = [t("cli.tool"), "P10", "P50", "P90", t("cli.prob_loss")]
    return Chart(
        "npv-range", t("web.chart_npv_range", trials=t.number(sim.trials)), figure, headers, rows
    )


def fan(t: Translator, result: Evaluation, sim: SimulationResult) -> Chart:
    cur = result.currency
    months = [p.month for p in sim.fan]
    figure = {
        "data": [
            {
                "type": "scatter",
                "mode": "lines",
                "name": "P90",
                "x": months,
                "y": [p.p90 for p in sim.fan],
                "line": {"width": 0},
                "showlegend": False,
            },
            {
                "type": "scatter",
                "mode": "lines",
                "name": "P10 – P90",
                "x": months,
                "y": [p.p10 for p in sim.fan],
                "fill": "tonexty",
                "fillcolor": CALM["band"],
                "line": {"width": 0},
            },
            {
                "type": "scatter",
                "mode": "lines",
                "name": "P50",
                "x": months,
                "y": [p.p50 for p in sim.fan],
                "line": {"color": CALM["line"], "width": 2},
            },
        ],
        "layout": _layout(
            t("web.chart_fan"),
            xaxis={"title": {"text": t("web.month")}, "dtick": 3},
            yaxis={"title": {"text": cur}, "tickformat": ",.0f", "zeroline": True},
        ),
    }
    rows = [
        [str(p.month), t.money(p.p10, cur), t.money(p.p50, cur), t.money(p.p90, cur)]
        for p in sim.fan
    ]
    return Chart("fan", t("web.chart_fan"), figure, [t("web.month"), "P10", "P50", "P90"], rows)


def _tool_name(t: Translator, tool_id: str, name: str) -> str:
    return t("cli.plan_lines") if tool_id == PLAN_LINES_ID else name


def tornado(t: Translator, result: Evaluation, sim: SimulationResult) -> Chart | None:
    if not sim.tornado:
        return None
    cur = result.currency
    names = {tool.id: _tool_name(t, tool.id, tool.name) for tool in result.tools}
    bars = list(reversed(sim.tornado))  # biggest swing on top
    labels = [
        f"{names.get(b.tool, b.tool)} · {driver_label(t, b.driver, kpi_entries())}" for b in bars
    ]
    base = float(result.expected.npv)
    figure = {
        "data": [
            {
                "type": "bar",
                "orientation": "h",
                "name": t("web.at_low"),
                "y": labels,
                "x": [b.npv_at_low - base for b in bars],
                "base": base,
                "marker": {"color": CALM["cost"]},
            },
            {
                "type": "bar",
                "orientation": "h",
                "name": t("web.at_high"),
                "y": labels,
                "x": [b.npv_at_high - base for b in bars],
                "base": base,
                "marker": {"color": CALM["benefit"]},
            },
        ],
        "layout": _layout(
            t("cli.tornado_title"),
            barmode="overlay",
            xaxis={"title": {"text": f"{t('cli.npv')} ({cur})"}, "tickformat": ",.0f"},
            yaxis={"automargin": True},
        ),
    }
    rows = [
        [
            names.get(b.tool, b.tool),
            driver_label(t, b.driver, kpi_entries()),
            f"{t.number(b.low, 2)} – {t.number(b.high, 2)}",
            t.money(b.npv_at_low, cur),
            t.money(b.npv_at_high, cur),
        ]
        for b in sim.tornado
    ]
    headers = [t("cli.tool"), t("cli.input"), t("cli.range"), t("web.at_low"), t("web.at_high")]
    return Chart("tornado", t("cli.tornado_title"), figure, headers, rows)


def all_charts(t: Translator, result: Evaluation, sim: SimulationResult) -> list[Chart]:
    charts = [cash_flow(t, result), npv_ranges(t, result, sim), fan(t, result, sim)]
    bars = tornado(t, result, sim)
    return charts + ([bars] if bars else [])


DONUT = ["#1e3a5f", "#0f766e", "#c2410c", "#7c93b0", "#b45309", "#5f6b7a", "#9db7d5", "#4d7c0f"]


def line_items(t: Translator, result: OptimisationResult) -> Chart:
    """The allocated money by line item, as a donut and a table."""
    cur = result.currency
    items = [(key, amount) for key, amount in result.line_items.items() if amount > 0]
    labels = [t(f"optimize.line.{key}") for key, _ in items]
    figure = {
        "data": [
            {
                "type": "pie",
                "hole": 0.55,
                "labels": labels,
                "values": [float(amount) for _, amount in items],
                "marker": {"colors": DONUT[: len(items)]},
                "sort": False,
                "textinfo": "percent",
                "hovertemplate": "%{label}: %{value:,.0f}<extra></extra>",
            }
        ],
        "layout": _layout(t("optimize.lines_title"), showlegend=True),
    }
    total = sum((amount for _, amount in items), Decimal(0)) or Decimal(1)
    rows = [
        [label, t.money(amount, cur), t.percent(amount / total)]
        for label, (_, amount) in zip(labels, items, strict=True)
    ]
    headers = [t("optimize.col.line"), t("optimize.col.amount"), t("web.share")]
    return Chart("line-items", t("optimize.lines_title"), figure, headers, rows)
