"""PDF sections about the plan itself: goals and KPIs, tool choices, the allocation."""

from __future__ import annotations

from decimal import Decimal

from aibudget.catalog import kpi_entries, tool_catalog
from aibudget.domain.allocation import OptimiseStatus
from aibudget.domain.texts import N_
from aibudget.engine.adopt import is_proposal
from aibudget.i18n import Translator
from aibudget.present import charts as series
from aibudget.present.evaluation import payback_text, roi_text
from aibudget.present.guidance import month_text
from aibudget.present.optimize import (
    marginal_budget_text,
    reason_text,
    status_lines,
    text_params,
    uncertain_channels,
)
from aibudget.reports import pdf_charts
from aibudget.reports.content import ReportData, cash_lines
from aibudget.reports.pdf_doc import MUTED, WARN, ReportPDF
from aibudget.reports.pdf_text import (
    kpi_value,
    member_name,
    plan_month,
    share_text,
    tool_names,
)
from aibudget.service.tiers import tool_tier_name

FOUND = (OptimiseStatus.OPTIMAL, OptimiseStatus.TIME_LIMIT, OptimiseStatus.APPROXIMATE)


def goals(doc: ReportPDF, data: ReportData, t: Translator) -> None:
    plan, cur = data.plan, data.currency
    doc.add_page()
    doc.section(t("pdf.goals"))
    if not plan.goals:
        doc.para(t("pdf.no_goals"))
        return
    doc.para(t("pdf.goals_lead"), size=9, colour=MUTED)
    library = kpi_entries()
    rows = []
    for goal in sorted(plan.goals, key=lambda g: g.priority):
        entry = library.get(goal.kpi)
        unit = entry.unit if entry else None
        kpi = entry.name.get(t.locale) if entry else goal.kpi
        rows.append(
            [
                goal.name,
                kpi,
                f"{kpi_value(t, goal.baseline, unit, cur)} → "
                f"{kpi_value(t, goal.target, unit, cur)}",
                month_text(t, goal.deadline) if goal.deadline else "–",
                t(f"pdf.priority.{goal.priority}"),
                goal.measurement or (entry.measure.get(t.locale) if entry else "–"),
            ]
        )
    doc.grid(
        [
            t("pdf.col.goal"),
            t("pdf.col.kpi"),
            t("pdf.col.baseline_target"),
            t("pdf.col.deadline"),
            t("pdf.col.priority"),
            t("pdf.col.measured_by"),
        ],
        rows,
        [46, 26, 30, 20, 16, 32],
        "LLRLLL",
    )


def tools(doc: ReportPDF, data: ReportData, t: Translator) -> None:
    plan, ev, cur = data.plan, data.evaluation, data.currency
    doc.section(t("pdf.tools"))
    if not plan.tools:
        doc.para(t("pdf.no_tools"))
        return
    results = {r.id: r for r in ev.tools}
    rows = []
    for tool in plan.tools:
        figures = results[tool.id].expected if tool.id in results else None
        rows.append(
            [
                tool.name,
                t(f"category.{tool.category.value}"),
                tool_tier_name(t, tool),
                member_name(plan, tool.owner),
                plan_month(t, plan, tool.start_month),
                t.money(figures.npv, cur) if figures else "–",
                roi_text(t, figures.roi) if figures else "–",
                payback_text(t, figures.payback_month) if figures else "–",
            ]
        )
    doc.grid(
        [
            t("cli.tool"),
            t("pdf.col.category"),
            t("optimize.col.plan"),
            t("optimize.col.owner"),
            t("pdf.col.starts"),
            t("optimize.col.npv"),
            t("cli.roi"),
            t("cli.payback"),
        ],
        rows,
        [30, 21, 20, 24, 18, 23, 15, 19],
        "LLLLLRRR",
        size=8,
    )
    doc.para(t("pdf.tools_note"), size=8, colour=MUTED)
    doc.subheading(t("optimize.reasons_title"))
    result = data.optimisation
    if result is None:
        doc.para(t("pdf.no_optimisation"))
        return
    status = " ".join(status_lines(t, result))
    doc.para(status, size=9, colour=MUTED if result.status in FOUND else WARN)
    if result.status not in FOUND:
        doc.bullets(
            [t(c.message_id, **text_params(t, cur, c.params)) for c in result.conflicts], size=9
        )
    names = tool_names(t, data)
    items = []
    for reason in result.reasons:
        mark = t("pdf.tool_in") if reason.selected else t("pdf.tool_out")
        label = t("pdf.label_value", label=names.get(reason.tool, reason.tool), value=mark)
        items.append((label, reason_text(t, data.plan, reason, tool_catalog())))
    if items:
        doc.labelled(items, size=9)


def allocation(doc: ReportPDF, data: ReportData, t: Translator) -> None:
    plan, cur, result = data.plan, data.currency, data.optimisation
    doc.section(t("pdf.allocation"), keep=110)
    found = result is not None and result.status in FOUND
    if result is not None and found:
        if is_proposal(plan, result):
            doc.subheading(t("adopt.proposal"))
            doc.para(t("adopt.proposal_hint"), size=9, colour=MUTED)
        budget = result.budget
        chart = series.budget_shares(t, result)
        doc.para(
            t(
                "pdf.allocation_lead",
                budget=t.money(budget, cur),
                months=plan.horizon.months,
                total=t.money(result.total, cur),
            ),
            size=9,
        )
    else:
        _spending(doc, data, t)
        return
    if len(chart.categories) == (1 if chart.rest else 0):
        doc.para(t("pdf.no_allocation"))
        return
    amounts = [Decimal(repr(v or 0.0)) for v in chart.series[0].values]  # exact cents
    rows = [
        [label, t.money(v, cur), share_text(t, v, budget)]
        for label, v in zip(chart.categories, amounts, strict=True)
    ]
    rows.append([t("pdf.budget"), t.money(budget, cur), share_text(t, budget, budget)])
    centre = t("pdf.donut_centre", budget=t.money(budget, cur))
    _donut_and_table(doc, t, chart, centre, rows, t("pdf.share_of_budget"))
    if result is not None and found:
        for text in uncertain_channels(t, plan, result):
            doc.para(text, size=9, colour=MUTED)
    if result is not None and found and result.selected:
        doc.subheading(t("pdf.selected_tools"))
        doc.grid(
            [
                t("optimize.col.tool"),
                t("optimize.col.phase"),
                t("optimize.col.start"),
                t("optimize.col.owner"),
                t("optimize.col.monthly"),
                t("optimize.col.npv"),
            ],
            [
                [
                    s.name,
                    t(f"optimize.phase.{s.phase}"),
                    plan_month(t, plan, s.start_month),
                    member_name(plan, s.owner),
                    t.money(s.monthly_cost, cur),
                    t.money(s.expected_npv, cur),
                ]
                for s in result.selected
            ],
            [42, 20, 24, 24, 28, 32],
            "LLLLRR",
        )
        more_budget = marginal_budget_text(t, result)
        if more_budget is not None:
            doc.para(more_budget, size=8.5, colour=MUTED)


def _donut_and_table(
    doc: ReportPDF,
    t: Translator,
    chart: series.ChartSeries,
    centre: str,
    rows: list[list[str]],
    share: str,
) -> None:
    """A donut of line items kept on one page with its table (line, amount, share)."""
    pdf_charts.shares(doc, chart, centre, keep=9 + 6.2 * len(rows))
    doc.grid(
        [t("optimize.col.line"), t("optimize.col.amount"), share],
        rows,
        [90, 45, 35],
        "LRR",
        bold_last=True,
    )


def _spending(doc: ReportPDF, data: ReportData, t: Translator) -> None:
    """Without an allocation from the optimiser: the plan's own spending by line."""
    cur = data.currency
    budget = data.plan.horizon_budget()
    doc.para(t("pdf.allocation_fallback", budget=t.money(budget, cur)), size=9, colour=WARN)
    spending = cash_lines(data.evaluation)
    lines = {t(f"monitor.line.{k}"): v for k, v in spending.items()}
    if not lines:
        doc.para(t("pdf.no_allocation"))
        return
    spend = sum(lines.values(), Decimal(0))
    rows = [[label, t.money(v, cur), share_text(t, v, spend)] for label, v in lines.items()]
    rows.append([t("pdf.planned_spend"), t.money(spend, cur), share_text(t, spend, spend)])
    chart = series.spending_shares(t, spending, cur)
    centre = t("pdf.donut_spend", amount=t.money(spend, cur))
    _donut_and_table(doc, t, chart, centre, rows, t("pdf.share_of_spend"))
    doc.para(
        t("pdf.budget_vs_spend", budget=t.money(budget, cur), spend=t.money(spend, cur)),
        size=9,
        colour=WARN if spend > budget else MUTED,
    )


# Message ids built at run time in this module, declared for message extraction.
PRIORITY_MESSAGES = (
    N_("pdf.priority.1"),
    N_("pdf.priority.2"),
    N_("pdf.priority.3"),
)
