"""The Allocation, Tools and KPIs sheets of the workbook."""

from __future__ import annotations

from decimal import Decimal

from xlsxwriter.worksheet import Worksheet

from aibudget.catalog import kpi_entries, tool_catalog
from aibudget.domain.allocation import OptimiseStatus
from aibudget.domain.plan import LineItem
from aibudget.domain.results import PLAN_LINES_ID, Figures
from aibudget.domain.texts import N_
from aibudget.engine.adopt import is_proposal
from aibudget.i18n import Translator
from aibudget.present.evaluation import kpi_name
from aibudget.present.optimize import channel_name, reason_text, status_lines, text_params
from aibudget.reports.content import ReportData
from aibudget.reports.xlsx_book import Book, Cell, headers
from aibudget.reports.xlsx_cashflows import (
    TOTAL_COL,
    Block,
    CashflowRefs,
    figure_formulas,
    figure_value,
)
from aibudget.service.tiers import chosen_tier_name, tool_tier_name

DONUT_COLOURS = ("#1F5F8B", "#4C9BC9", "#8CC0DE", "#2E8B57", "#E3A857", "#C8553D", "#8E7DBE")


def write_allocation(
    book: Book, ws: Worksheet, data: ReportData, t: Translator, cf: CashflowRefs
) -> None:
    ws.set_column(0, 0, 34)
    ws.set_column(1, 8, 15)
    book.text(ws, 0, 0, t("xlsx.allocation_title"), "title")
    opt = data.optimisation
    row = 2
    book.text(ws, row, 0, t("xlsx.annual_budget"))
    book.value(ws, row, 1, data.plan.annual_budget(), "money")
    row += 2
    if opt is None or opt.status in (OptimiseStatus.INFEASIBLE, OptimiseStatus.NO_SOLUTION):
        book.text(ws, row, 0, t("xlsx.no_allocation"), "bold")
        row += 1
        for c in opt.conflicts if opt else []:
            params = text_params(t, data.currency, c.params)
            book.text(ws, row, 0, t(c.message_id, **params))
            row += 1
        row += 1
    else:
        title = t("adopt.proposal") if is_proposal(data.plan, opt) else t("xlsx.recommended_split")
        book.text(ws, row, 0, title, "section")
        book.text(ws, row + 1, 0, t("xlsx.optimiser_note"), "note")
        row += 2
        if opt.status is not OptimiseStatus.OPTIMAL or opt.notes:
            book.text(ws, row, 0, " ".join(status_lines(t, opt)), "note")
            row += 1
        headers(book, ws, row, t, ["xlsx.line", N_("xlsx.amount"), N_("xlsx.share")])
        row += 1
        first = row
        items = [(k, v) for k, v in opt.line_items.items() if v]
        items += [(f"ad:{k}", v) for k, v in opt.ad_spend.items() if v]
        last = first + len(items) - 1
        total_cell = Cell(ws.get_name(), last + 1, 1)
        for key, amount in items:
            label = (
                t("optimize.line.ad_spend") + f" ({channel_name(data.plan, key[3:])})"
                if key.startswith("ad:")
                else t(f"optimize.line.{key}")
            )
            book.text(ws, row, 0, label)
            book.value(ws, row, 1, amount, "money")
            share = amount / opt.total if opt.total else Decimal(0)
            formula = f"=IF({total_cell.a1}>0,{Cell('', row, 1).a1}/{total_cell.a1},0)"
            book.formula(ws, row, 2, formula, "percent", share)
            row += 1
        book.text(ws, row, 0, t("cli.total"), "bold")
        total = f"=SUM({Cell('', first, 1).a1}:{Cell('', max(first, last), 1).a1})"
        book.formula(ws, row, 1, total, "money_bold", opt.total)
        row += 1
        book.text(ws, row, 0, t("xlsx.horizon_budget"))
        book.value(ws, row, 1, opt.budget, "money")
        budget_cell = Cell("", row, 1).a1
        row += 1
        book.text(ws, row, 0, t("xlsx.unallocated"))
        book.formula(ws, row, 1, f"={budget_cell}-{total_cell.a1}", "money", opt.unallocated)
        row += 1
        if opt.marginal_value_of_budget is not None:
            book.text(
                ws, row, 0, t("xlsx.marginal_budget", step=t.money(opt.budget_step, data.currency))
            )
            book.value(ws, row, 1, opt.marginal_value_of_budget, "money")
            row += 1
        if items:
            chart = book.workbook.add_chart({"type": "doughnut"})
            chart.add_series(
                {
                    "name": t("xlsx.recommended_split"),
                    "categories": [ws.get_name(), first, 0, last, 0],
                    "values": [ws.get_name(), first, 1, last, 1],
                    "points": [{"fill": {"color": c}} for c in DONUT_COLOURS[: len(items)]],
                    "data_labels": {"percentage": True},
                }
            )
            chart.set_title({"name": title})
            chart.set_size({"width": 480, "height": 320})
            ws.insert_chart(2, 4, chart)
        row += 1
        row = _selected(book, ws, data, t, row)
    _planned_lines(book, ws, data, t, cf, row + 1)


def _selected(book: Book, ws: Worksheet, data: ReportData, t: Translator, row: int) -> int:
    opt = data.optimisation
    assert opt is not None
    book.text(ws, row, 0, t("xlsx.funded_tools"), "section")
    row += 1
    headers(
        book,
        ws,
        row,
        t,
        [
            "cli.tool",
            N_("xlsx.tool_plan"),
            N_("xlsx.phase"),
            N_("xlsx.start_month"),
            N_("xlsx.owner"),
            N_("xlsx.monthly_cost"),
            N_("xlsx.total_cost"),
            "cli.npv",
        ],
    )
    row += 1
    for s in opt.selected:
        book.text(ws, row, 0, s.name)
        book.text(ws, row, 1, chosen_tier_name(t, data.plan, s.tool, s.plan))
        book.text(ws, row, 2, t(f"xlsx.phase.{s.phase}"))
        book.text(ws, row, 3, data.plan.calendar_month(s.start_month))
        member = data.plan.member(s.owner)
        book.text(ws, row, 4, (member.name or member.id) if member else s.owner)
        book.value(ws, row, 5, s.monthly_cost, "money")
        book.value(ws, row, 6, s.total_cost, "money")
        book.value(ws, row, 7, s.expected_npv, "money")
        row += 1
    if not opt.selected:
        book.text(ws, row, 0, t("xlsx.none"), "note")
        row += 1
    return row


def _planned_lines(
    book: Book, ws: Worksheet, data: ReportData, t: Translator, cf: CashflowRefs, row: int
) -> None:
    """This plan's costs by budget line over the horizon, live from the Cash flows sheet."""
    book.text(ws, row, 0, t("xlsx.planned_lines"), "section")
    book.text(ws, row + 1, 0, t("xlsx.planned_lines_note"), "note")
    row += 2
    headers(book, ws, row, t, ["xlsx.line", N_("xlsx.amount")])
    row += 1
    for line in LineItem:
        cells = [Cell(cf.sheet, r, TOTAL_COL).ref for r, item in cf.cost_rows if item is line]
        if not cells:
            continue
        book.text(ws, row, 0, t(f"monitor.line.{line.value}"))
        cached = data.evaluation.costs_by_line.get(line.value, Decimal(0))
        book.formula(ws, row, 1, "=" + "+".join(cells), "money", cached)
        row += 1


def write_tools(
    book: Book, ws: Worksheet, data: ReportData, t: Translator, cf: CashflowRefs
) -> None:
    ws.set_column(0, 0, 28)
    ws.set_column(1, 14, 14)
    ws.set_column(15, 15, 60)
    book.text(ws, 0, 0, t("xlsx.tools_title"), "title")
    book.text(ws, 1, 0, t("xlsx.tools_note"), "note")
    ids = [
        "cli.tool",
        N_("xlsx.category"),
        N_("xlsx.owner"),
        N_("xlsx.tool_plan"),
        N_("xlsx.start_month"),
        "cli.pv_costs",
        "cli.pv_benefits",
        "cli.npv",
        "cli.roi",
        N_("xlsx.payback_month"),
        N_("xlsx.adjusted_npv"),
        N_("xlsx.npv_p10"),
        N_("xlsx.npv_p90"),
        "cli.prob_loss",
        N_("xlsx.decision"),
        N_("xlsx.reason"),
    ]
    headers(book, ws, 3, t, ids)
    ws.freeze_panes(4, 1)
    tools = {tool.id: tool for tool in data.plan.tools}
    results = {r.id: r for r in data.evaluation.tools}
    sims = {d.id: d for d in data.simulation.tools}
    reasons = {r.tool: r for r in (data.optimisation.reasons if data.optimisation else [])}
    row = 4
    for entity_id, block in cf.blocks:
        tool = tools.get(entity_id)
        result = results[entity_id]
        if tool is None:
            book.text(ws, row, 0, t("cli.plan_lines"))
        else:
            member = data.plan.member(tool.owner)
            book.text(ws, row, 0, tool.name)
            book.text(ws, row, 1, t(f"category.{tool.category.value}"))
            book.text(ws, row, 2, (member.name or member.id) if member else tool.owner)
            book.text(ws, row, 3, tool_tier_name(t, tool))
            book.text(ws, row, 4, data.plan.calendar_month(tool.start_month))
        _figures(book, ws, row, cf, block, (result.expected, result.risk_adjusted), data)
        sim = sims.get(entity_id)
        if sim is not None:
            book.value(ws, row, 11, sim.npv.p10, "money")
            book.value(ws, row, 12, sim.npv.p90, "money")
            book.value(ws, row, 13, sim.prob_loss, "percent")
        reason = reasons.get(entity_id)
        if reason is not None and entity_id != PLAN_LINES_ID:
            decision = N_("xlsx.decision.in") if reason.selected else N_("xlsx.decision.out")
            book.text(ws, row, 14, t(decision))
            book.text(ws, row, 15, reason_text(t, data.plan, reason, tool_catalog()))
        row += 1
    book.text(ws, row, 0, t("cli.plan_total"), "bold")
    views = (data.evaluation.expected, data.evaluation.risk_adjusted)
    _figures(book, ws, row, cf, cf.total, views, data, bold=True)


def _figures(
    book: Book,
    ws: Worksheet,
    row: int,
    cf: CashflowRefs,
    block: Block,
    views: tuple[Figures, Figures],
    data: ReportData,
    bold: bool = False,
) -> None:
    """PV of costs and benefits, NPV, ROI, payback and risk-adjusted NPV (columns F-K)."""
    expected, adjusted = figure_formulas(cf, block, False), figure_formulas(cf, block, True)
    weight = "_bold" if bold else ""
    for col, key, style in (
        (5, "pv_costs", f"money{weight}"),
        (6, "pv_benefits", f"money{weight}"),
        (7, "npv", "money_bold"),
        (8, "roi", f"percent{weight}"),
        (9, "payback", "integer"),
    ):
        cached = figure_value(key, views[0], data.plan)
        book.formula(ws, row, col, expected[key], style, cached)
    book.formula(ws, row, 10, adjusted["npv"], f"money{weight}", views[1].npv)


def write_kpis(book: Book, ws: Worksheet, data: ReportData, t: Translator) -> None:
    ws.set_column(0, 1, 30)
    ws.set_column(2, 12, 13)
    book.text(ws, 0, 0, t("xlsx.kpis_title"), "title")
    ids = [
        N_("xlsx.goal"),
        N_("xlsx.kpi"),
        N_("xlsx.baseline"),
        N_("xlsx.target"),
        N_("xlsx.change_needed"),
        N_("xlsx.deadline"),
        N_("xlsx.priority"),
        N_("xlsx.measurement"),
    ]
    statuses = {k.goal: k for k in data.review.kpis} if data.review else {}
    if statuses:
        ids += [
            N_("xlsx.latest"),
            N_("xlsx.latest_month"),
            N_("xlsx.attainment"),
            N_("xlsx.status"),
        ]
    headers(book, ws, 2, t, ids)
    ws.freeze_panes(3, 1)
    row = 3
    for goal in data.plan.goals:
        book.text(ws, row, 0, goal.name)
        book.text(ws, row, 1, kpi_name(t, goal.kpi, kpi_entries()))
        book.value(ws, row, 2, goal.baseline, "input_number")
        book.value(ws, row, 3, goal.target, "input_number")
        if goal.baseline is not None and goal.target is not None:
            b, tg = Cell("", row, 2).a1, Cell("", row, 3).a1
            book.formula(ws, row, 4, f"={tg}-{b}", "number", goal.target - goal.baseline)
        book.text(ws, row, 5, goal.deadline or "–")
        book.value(ws, row, 6, goal.priority, "integer")
        book.text(ws, row, 7, goal.measurement or "", "wrap")
        status = statuses.get(goal.id)
        if status is not None:
            book.value(ws, row, 8, status.latest, "number")
            book.text(ws, row, 9, status.month or "–")
            book.value(ws, row, 10, status.attainment, "percent")
            book.text(ws, row, 11, t(f"monitor.kpi.{status.status}"))
        row += 1
    if not data.plan.goals:
        book.text(ws, row, 0, t("xlsx.no_goals"), "note")


# Message ids built at run time in this module, declared for message extraction.
PHASE_MESSAGES = (
    N_("xlsx.phase.pilot"),
    N_("xlsx.phase.scale"),
)
