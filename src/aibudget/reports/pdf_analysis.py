"""PDF sections about the numbers: cash flow and payback, the NPV distribution and
what drives the risk (tornado). Each chart has its key numbers in a table beside it."""

from __future__ import annotations

from aibudget.catalog import kpi_entries
from aibudget.i18n import Translator
from aibudget.present import charts as series
from aibudget.present.evaluation import (
    chance_text,
    driver_label,
    evaluation_title,
    payback_text,
    roi_text,
)
from aibudget.reports import pdf_charts
from aibudget.reports.content import ReportData
from aibudget.reports.pdf_doc import MUTED, ReportPDF
from aibudget.reports.pdf_text import (
    compact_money,
    payback_dated,
    tool_names,
)


def table_height(rows: int) -> float:
    """Roughly how tall a one-line-per-row table is (mm), to keep it with its chart."""
    return 9 + 6.2 * rows


def cash_flow(doc: ReportPDF, data: ReportData, t: Translator) -> None:
    plan, ev, cur = data.plan, data.evaluation, data.currency
    doc.add_page()
    doc.section(t("pdf.cash_flow"))
    doc.para(
        evaluation_title(t, plan, ev),
        size=9,
        colour=MUTED,
    )
    payback = ev.expected.payback_month
    if not any(ev.monthly_costs) and not any(ev.monthly_benefits):
        doc.para(t("pdf.no_cash_flows"))
        return
    pdf_charts.cash_flow(doc, series.cash_flow(t, ev), compact_money(t, cur))
    doc.para(t("pdf.payback_sentence", payback=payback_dated(t, plan, payback)), size=9.5)
    doc.subheading(t("cli.periods_title"))
    periods = ev.periods
    heads = [
        t("cli.period_initial")
        if p.label == "initial"
        else t("cli.period_year", year=p.label.split()[-1])
        for p in periods
    ]
    rows = [
        [t("cli.costs"), *[t.money(-p.costs, cur) for p in periods]],
        [t("cli.benefits"), *[t.money(p.benefits, cur) for p in periods]],
        [t("cli.net"), *[t.money(p.net, cur) for p in periods]],
        [t("cli.present_value"), *[t.money(p.pv_net, cur) for p in periods]],
    ]
    doc.grid(["", *heads], rows, [40, *[30] * len(periods)], "L" + "R" * len(periods))
    doc.subheading(t("pdf.views"))
    views = [(t("cli.expected"), ev.expected), (t("cli.risk_adjusted"), ev.risk_adjusted)]
    doc.grid(
        ["", t("cli.pv_costs"), t("cli.pv_benefits"), t("cli.npv"), t("cli.roi"), t("cli.payback")],
        [
            [
                label,
                t.money(f.pv_costs, cur),
                t.money(f.pv_benefits, cur),
                t.money(f.npv, cur),
                roi_text(t, f.roi),
                payback_text(t, f.payback_month),
            ]
            for label, f in views
        ],
        [30, 30, 30, 30, 22, 28],
        "LRRRRR",
    )
    doc.para(t("pdf.risk_adjusted_note"), size=8, colour=MUTED)


def distribution(doc: ReportPDF, data: ReportData, t: Translator) -> None:
    sim, cur = data.simulation, data.currency
    doc.section(t("pdf.distribution"), keep=100)
    doc.para(
        t(
            "pdf.distribution_lead",
            trials=t.number(sim.trials),
            p10=t.money(sim.npv.p10, cur),
            p90=t.money(sim.npv.p90, cur),
            loss=chance_text(t, sim.prob_loss),
        ),
        size=9.5,
    )
    if not sim.tools:
        doc.para(t("pdf.no_cash_flows"))
        return
    names = tool_names(t, data)
    rows = [(t("cli.plan_total"), sim.npv.p10, sim.npv.p50, sim.npv.p90, sim.prob_loss)]
    rows += [
        (names.get(d.id, d.id), d.npv.p10, d.npv.p50, d.npv.p90, d.prob_loss) for d in sim.tools
    ]
    pdf_charts.ranges(
        doc,
        series.npv_ranges(t, data.evaluation, sim),
        compact_money(t, cur),
        keep=table_height(len(rows)),
    )
    doc.grid(
        [t("cli.tool"), "P10", "P50", "P90", t("cli.prob_loss")],
        [
            [name, t.money(p10, cur), t.money(p50, cur), t.money(p90, cur), chance_text(t, loss)]
            for name, p10, p50, p90, loss in rows
        ],
        [50, 30, 30, 30, 30],
        "LRRRR",
        size=8.5,
    )
    doc.para(
        t(
            "cli.simulation_title",
            trials=t.number(sim.trials),
            seed=sim.seed,
            distribution=t(f"field.choice.simulation.distribution.{sim.distribution}"),
        ),
        size=8,
        colour=MUTED,
    )


def drivers(doc: ReportPDF, data: ReportData, t: Translator) -> None:
    sim, cur = data.simulation, data.currency
    doc.section(t("cli.tornado_title"), keep=90)
    if not sim.tornado:
        doc.para(t("pdf.no_risks"))
        return
    doc.para(t("pdf.tornado_lead"), size=9.5)
    names = tool_names(t, data)
    bars = series.tornado_order(sim)
    chart = series.tornado(t, data.evaluation, sim, kpi_entries())
    if chart is not None:
        pdf_charts.tornado(doc, chart, compact_money(t, cur), keep=table_height(len(bars)))
    doc.grid(
        [t("cli.input"), t("cli.tool"), t("cli.range"), t("cli.npv_low_high")],
        [
            [
                driver_label(t, b.driver, kpi_entries()),
                names.get(b.tool, b.tool),
                f"{t.number(b.low, 2)} – {t.number(b.high, 2)}",
                f"{t.money(b.npv_at_low, cur)} → {t.money(b.npv_at_high, cur)}",
            ]
            for b in bars
        ],
        [52, 38, 30, 50],
        "LLRR",
        size=8.5,
    )
