"""Chart series in the owner's words, shared by the web's charts and the PDF's.

Each function turns results into a :class:`ChartSeries`: a title, the unit of its
values, the categories along one axis (months, tools, inputs, budget lines) and the
series drawn over them, with the values exactly as drawn (costs below zero). The web
writes them as Plotly figures (``aibudget.web.charts``), the PDF draws them
(``aibudget.reports.pdf_charts``): both show the same labels, values, order and
colours. Colours are named by what they stand for (``Role``); :data:`PALETTE` holds
the one colour of each.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import accumulate
from typing import Literal

from aibudget.domain.allocation import OptimisationResult
from aibudget.domain.months import calendar_month
from aibudget.domain.results import PLAN_LINES_ID, Evaluation, SimulationResult, TornadoBar
from aibudget.domain.review import Review
from aibudget.i18n import Translator
from aibudget.present.evaluation import KpiLibrary, driver_label
from aibudget.present.guidance import month_text

Role = Literal["cost", "benefit", "total", "range", "median", "plan", "forecast", "actual"]
PALETTE: dict[Role, str] = {
    "cost": "#c2410c",
    "benefit": "#0f766e",
    "total": "#1e3a5f",
    "range": "#9db7d5",
    "median": "#1e3a5f",
    "plan": "#1e3a5f",
    "forecast": "#6b7280",
    "actual": "#0f766e",
}
SHARES = ("#1e3a5f", "#0f766e", "#c2410c", "#7c93b0", "#b45309", "#5f6b7a", "#9db7d5", "#4d7c0f")
REST = "#d1d5db"  # the unallocated part of a budget


@dataclass(frozen=True)
class Series:
    """Values over the chart's categories (``None``: nothing to draw there)."""

    name: str
    values: tuple[float | None, ...]
    role: Role


@dataclass(frozen=True)
class Band:
    """A range per category, from ``low`` to ``high`` (e.g. P10 to P90)."""

    name: str
    low: tuple[float, ...]
    high: tuple[float, ...]
    role: Role = "range"


@dataclass(frozen=True)
class Marker:
    """A category marked on the chart (the payback month, the review month)."""

    index: int
    label: str


@dataclass(frozen=True)
class ChartSeries:
    id: str
    title: str
    unit: str  # the currency of every value
    categories: tuple[str, ...]
    series: tuple[Series, ...] = ()
    band: Band | None = None
    marker: Marker | None = None
    base: float | None = None  # the value bars start from (the tornado's expected NPV)
    rest: bool = False  # shares: the last category is the unallocated rest

    def named(self, name: str) -> Series:
        return next(s for s in self.series if s.name == name)


def _floats(values: Sequence[Decimal | float | None]) -> tuple[float | None, ...]:
    return tuple(None if v is None else float(v) for v in values)


def plan_months(t: Translator, start: str, count: int) -> tuple[str, ...]:
    """Labels of plan months 0 .. count-1 of a plan starting in ``start`` (YYYY-MM):
    "initial" (one-off costs), then the calendar months."""
    return tuple(month_label(t, start, m) for m in range(count))


def month_label(t: Translator, start: str, month: int) -> str:
    """Plan month ``month`` (0: "initial") of a plan starting in ``start``."""
    return t("cli.period_initial") if month <= 0 else month_text(t, calendar_month(start, month))


def cash_flow(t: Translator, ev: Evaluation) -> ChartSeries:
    """Costs (down) and benefits (up) per month, the cumulative net cash and payback.
    Index 0 is the month before the start, when one-off costs are paid."""
    payback = ev.expected.payback_month
    marker = None
    if payback is not None and 0 <= payback < len(ev.monthly_costs):
        marker = Marker(payback, t("pdf.payback_marker", month=payback))
    return ChartSeries(
        id="cash-flow",
        title=t("web.chart_cash_flow"),
        unit=ev.currency,
        categories=plan_months(t, ev.start, len(ev.monthly_costs)),
        series=(
            Series(t("cli.costs"), _floats([-c for c in ev.monthly_costs]), "cost"),
            Series(t("cli.benefits"), _floats(ev.monthly_benefits), "benefit"),
            Series(t("web.cumulative_net"), _floats(ev.cumulative_net), "total"),
        ),
        marker=marker,
    )


def tool_names(t: Translator, ev: Evaluation) -> dict[str, str]:
    """Tool id -> its name; the plan's own lines get a name in the reader's words."""
    names = {tool.id: tool.name for tool in ev.tools}
    names[PLAN_LINES_ID] = t("cli.plan_lines")
    return names


def npv_ranges(t: Translator, ev: Evaluation, sim: SimulationResult) -> ChartSeries:
    """P10 to P90 of NPV with the median, for the whole plan (first) and each tool."""
    names = tool_names(t, ev)
    rows = [(t("cli.plan_total"), sim.npv)]
    rows += [(names.get(d.id, d.id), d.npv) for d in sim.tools]
    return ChartSeries(
        id="npv-range",
        title=t("web.chart_npv_range", trials=t.number(sim.trials)),
        unit=ev.currency,
        categories=tuple(name for name, _ in rows),
        series=(Series(t("pdf.median_p50"), tuple(q.p50 for _, q in rows), "median"),),
        band=Band(
            t("pdf.range_p10_p90"), tuple(q.p10 for _, q in rows), tuple(q.p90 for _, q in rows)
        ),
    )


def fan(t: Translator, ev: Evaluation, sim: SimulationResult) -> ChartSeries:
    """The cumulative cash per month: P10 to P90 and the median."""
    return ChartSeries(
        id="fan",
        title=t("web.chart_fan"),
        unit=ev.currency,
        categories=tuple(month_label(t, ev.start, p.month) for p in sim.fan),
        series=(Series(t("pdf.median_p50"), tuple(p.p50 for p in sim.fan), "median"),),
        band=Band(
            t("pdf.range_p10_p90"),
            tuple(p.p10 for p in sim.fan),
            tuple(p.p90 for p in sim.fan),
        ),
    )


def tornado_order(sim: SimulationResult) -> list[TornadoBar]:
    """The inputs by how much their range moves NPV, widest first."""
    return sorted(sim.tornado, key=lambda bar: bar.swing, reverse=True)


INPUT_JOIN = " · "  # between an input's tool and what it drives, on one line


def input_name(t: Translator, names: Mapping[str, str], bar: TornadoBar, kpis: KpiLibrary) -> str:
    """An input as the owner knows it: its tool and what it drives."""
    return f"{names.get(bar.tool, bar.tool)}{INPUT_JOIN}{driver_label(t, bar.driver, kpis)}"


def input_lines(name: str, line_break: str) -> str:
    """An input's name on two lines, tool above what it drives (narrow charts)."""
    return name.replace(INPUT_JOIN, line_break, 1)


def tornado(
    t: Translator, ev: Evaluation, sim: SimulationResult, kpis: KpiLibrary
) -> ChartSeries | None:
    """NPV at each input's low and high value around the expected NPV, widest first."""
    if not sim.tornado:
        return None
    names = tool_names(t, ev)
    bars = tornado_order(sim)
    return ChartSeries(
        id="tornado",
        title=t("cli.tornado_title"),
        unit=ev.currency,
        categories=tuple(input_name(t, names, b, kpis) for b in bars),
        series=(
            Series(t("web.at_low"), tuple(b.npv_at_low for b in bars), "cost"),
            Series(t("web.at_high"), tuple(b.npv_at_high for b in bars), "benefit"),
        ),
        base=float(ev.expected.npv),
    )


def budget_shares(t: Translator, result: OptimisationResult) -> ChartSeries:
    """The allocated money by line item over the horizon, and what is left unallocated."""
    items = [(key, amount) for key, amount in result.line_items.items() if amount > 0]
    labels = [t(f"optimize.line.{key}") for key, _ in items]
    values = [float(amount) for _, amount in items]
    rest = result.unallocated > 0
    if rest:
        labels.append(t("optimize.unallocated"))
        values.append(float(result.unallocated))
    return ChartSeries(
        id="line-items",
        title=t("optimize.lines_title"),
        unit=result.currency,
        categories=tuple(labels),
        series=(Series(t("optimize.col.amount"), tuple(values), "total"),),
        rest=rest,
    )


def spending_shares(t: Translator, lines: Mapping[str, Decimal], currency: str) -> ChartSeries:
    """The plan's own spending by line item (``monitor.line.*`` keys), as given."""
    return ChartSeries(
        id="spending",
        title=t("pdf.budget_lines"),
        unit=currency,
        categories=tuple(t(f"monitor.line.{key}") for key in lines),
        series=(Series(t("optimize.col.amount"), _floats(list(lines.values())), "total"),),
    )


def review_months(t: Translator, r: Review) -> tuple[str, ...]:
    return tuple(
        t("cli.period_initial") if i == 0 else month_text(t, m)
        for i, m in enumerate(r.monthly.months)
    )


def _review(
    t: Translator,
    r: Review,
    chart_id: str,
    title: str,
    values: tuple[Sequence[Decimal], Sequence[Decimal], Sequence[Decimal | None]],
    actual_role: Role = "actual",
) -> ChartSeries:
    plan, forecast, actual = values
    as_of = r.monthly.months.index(r.as_of) if r.as_of in r.monthly.months else None
    return ChartSeries(
        id=chart_id,
        title=title,
        unit=r.currency,
        categories=review_months(t, r),
        series=(
            Series(t("monitor.actual"), _floats(actual), actual_role),
            Series(t("monitor.plan"), _floats(plan), "plan"),
            Series(t("monitor.web.forecast"), _floats(forecast), "forecast"),
        ),
        marker=None if as_of is None else Marker(as_of, t("pdf.review_month")),
    )


def review_costs(t: Translator, r: Review) -> ChartSeries:
    m = r.monthly
    values = (m.plan_costs, m.forecast_costs, m.actual_costs)
    return _review(t, r, "review-costs", t("monitor.web.chart_costs"), values, "cost")


def review_benefits(t: Translator, r: Review) -> ChartSeries:
    m = r.monthly
    values = (m.plan_benefits, m.forecast_benefits, m.actual_benefits)
    return _review(t, r, "review-benefits", t("monitor.web.chart_benefits"), values, "benefit")


def review_cumulative(t: Translator, r: Review) -> ChartSeries:
    """Cumulative net cash (benefits less costs): plan, forecast and the actuals to date
    (a month without recorded costs ends the actual line)."""
    m = r.monthly
    plan = list(accumulate(b - c for b, c in zip(m.plan_benefits, m.plan_costs, strict=True)))
    forecast = list(
        accumulate(b - c for b, c in zip(m.forecast_benefits, m.forecast_costs, strict=True))
    )
    actual: list[Decimal | None] = []
    running = Decimal(0)
    for cost, benefit in zip(m.actual_costs, m.actual_benefits, strict=True):
        if cost is None:
            actual.append(None)
            continue
        running += (benefit or Decimal(0)) - cost
        actual.append(running)
    return _review(t, r, "review-net", t("web.cumulative_net"), (plan, forecast, actual))
