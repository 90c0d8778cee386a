"""The XLSX workbook: Summary, Assumptions, Cash flows, Allocation, Tools, KPIs (and
Actuals and Review when actuals are given).

The headline cells have workbook names (``plan_npv``, ``plan_roi``, ``plan_payback``,
``plan_pv_costs``, ``plan_pv_benefits`` and the same with ``_risk_adjusted``), for
formulas of the reader's own and for tests.

Cash flows, NPV, ROI and payback are formulas over the Assumptions sheet, so changing
an assumption recomputes the plan in Excel or LibreOffice. Results that need the
simulation or the optimiser (P10/P90, probability of loss, the recommended split)
are values, labelled as computed when the report was made.
"""

from __future__ import annotations

import io
from datetime import datetime

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from aibudget.catalog import kpi_entries
from aibudget.domain.guidance import Severity
from aibudget.domain.texts import N_
from aibudget.i18n import Translator
from aibudget.present.evaluation import driver_label
from aibudget.present.guidance import finding_document
from aibudget.reports.content import (
    ReportData,
    pilot_cost,
    pilot_tools,
    top_risks,
)
from aibudget.reports.xlsx_assumptions import AssumptionsWriter
from aibudget.reports.xlsx_book import Book, Cell, Sheet
from aibudget.reports.xlsx_cashflows import (
    FIRST_MONTH_COL,
    CashflowRefs,
    CashflowWriter,
    figure_formulas,
    figure_value,
)
from aibudget.reports.xlsx_review import write_actuals, write_review
from aibudget.reports.xlsx_sheets import write_allocation, write_kpis, write_tools
from aibudget.service import health_fix

SHEETS = ("summary", "assumptions", "cashflows", "allocation", "tools", "kpis")


def xlsx_report(data: ReportData, t: Translator) -> bytes:
    """The workbook's bytes (the same input gives the same content)."""
    out = io.BytesIO()
    options = {
        "in_memory": True,
        "strings_to_formulas": False,
        "strings_to_numbers": False,
        "strings_to_urls": False,
    }
    workbook = Workbook(out, options)
    workbook.set_properties(
        {
            "title": t("xlsx.summary_title", company=data.plan.company.name),
            "company": data.plan.company.name,
            "created": _created(data),
        }
    )
    book = Book(workbook, t.currency_symbol(data.currency))
    names = [t(f"xlsx.sheet.{key}") for key in SHEETS]
    if data.actuals is not None and data.actuals.records:
        names.append(t("xlsx.sheet.actuals"))
    if data.review is not None:
        names.append(t("xlsx.sheet.review"))
    sheets = {name: workbook.add_worksheet(name, worksheet_class=Sheet) for name in names}
    summary, assumptions, cashflows, allocation, tools, kpis = (sheets[n] for n in names[:6])
    a = AssumptionsWriter(book, assumptions, data.plan, t).write()
    cf = CashflowWriter(book, cashflows, data.plan, t, a).write()
    _summary(book, summary, data, t, cf)
    write_allocation(book, allocation, data, t, cf)
    write_tools(book, tools, data, t, cf)
    write_kpis(book, kpis, data, t)
    if data.actuals is not None and data.actuals.records:
        write_actuals(book, sheets[t("xlsx.sheet.actuals")], data, t)
    if data.review is not None:
        write_review(book, sheets[t("xlsx.sheet.review")], data, t)
    for ws in sheets.values():
        ws.set_paper(9)  # A4
        ws.set_landscape()
        ws.fit_to_pages(1, 0)  # as wide as one page, as many pages down as needed
    summary.hide_gridlines(2)
    summary.activate()
    workbook.close()
    return out.getvalue()


def _created(data: ReportData) -> datetime:
    day = data.meta.generated
    return datetime(day.year, day.month, day.day)


def _summary(book: Book, ws: Worksheet, data: ReportData, t: Translator, cf: CashflowRefs) -> None:
    plan, ev, sim = data.plan, data.evaluation, data.simulation
    ws.set_column(0, 0, 34)
    ws.set_column(1, 3, 18)
    ws.set_column(4, 4, 60)
    book.text(ws, 0, 0, t("xlsx.summary_title", company=plan.company.name), "title")
    facts = [
        (N_("xlsx.version"), data.meta.version or "–"),
        (N_("xlsx.state"), t(f"xlsx.state.{data.meta.state}") if data.meta.state else "–"),
        (N_("xlsx.generated"), data.meta.generated.isoformat()),
        (N_("xlsx.horizon"), t("xlsx.horizon_text", start=plan.horizon.start, months=ev.months)),
        (N_("xlsx.currency"), plan.currency),
    ]
    row = 2
    for message_id, value in facts:
        book.text(ws, row, 0, t(message_id))
        book.text(ws, row, 1, value)
        row += 1
    row += 1
    book.text(ws, row, 0, t("xlsx.headline"), "section")
    book.text(ws, row + 1, 0, t("xlsx.headline_note"), "note")
    row += 2
    for col, message_id in enumerate((N_("xlsx.figure"), "cli.expected", "cli.risk_adjusted")):
        book.text(ws, row, col, t(message_id), "header")
    row += 1
    views = [
        (figure_formulas(cf, cf.total, False), ev.expected),
        (figure_formulas(cf, cf.total, True), ev.risk_adjusted),
    ]
    rows = [
        ("cli.pv_costs", "pv_costs", "money"),
        ("cli.pv_benefits", "pv_benefits", "money"),
        ("cli.npv", "npv", "money_bold"),
        ("cli.roi", "roi", "percent_bold"),
        (N_("xlsx.payback_month"), "payback", "integer"),
        (N_("xlsx.payback_calendar"), "payback_label", "text"),
    ]
    for message_id, key, style in rows:
        book.text(ws, row, 0, t(message_id))
        for col, (formulas, figs) in enumerate(views, start=1):
            book.formula(ws, row, col, formulas[key], style, figure_value(key, figs, plan))
            name = f"plan_{key}" if col == 1 else f"plan_{key}_risk_adjusted"
            book.workbook.define_name(name, "=" + Cell(ws.get_name(), row, col).ref)
        row += 1
    row += 1
    book.text(ws, row, 0, t("xlsx.simulation"), "section")
    book.text(
        ws,
        row + 1,
        0,
        t("xlsx.simulation_note", trials=t.number(sim.trials), seed=sim.seed),
        "note",
    )
    row += 2
    quantiles: list[tuple[str, float, str]] = [
        (N_("xlsx.npv_p10"), sim.npv.p10, "money"),
        (N_("xlsx.npv_p50"), sim.npv.p50, "money"),
        (N_("xlsx.npv_p90"), sim.npv.p90, "money"),
        ("cli.prob_loss", sim.prob_loss, "percent"),
    ]
    for message_id, amount, style in quantiles:
        book.text(ws, row, 0, t(message_id))
        book.value(ws, row, 1, amount, style)
        row += 1
    row = _pilot_and_risks(book, ws, data, t, cf, row + 1)
    row = _findings(book, ws, data, t, row + 1)
    _charts(book, ws, data, t, cf)


def _pilot_and_risks(
    book: Book, ws: Worksheet, data: ReportData, t: Translator, cf: CashflowRefs, row: int
) -> int:
    plan = data.plan
    pilot = plan.budget.pilot
    book.text(ws, row, 0, t("xlsx.pilot"), "section")
    row += 1
    names = ", ".join(tool.name for tool in pilot_tools(plan)) or t("xlsx.none")
    book.text(ws, row, 0, t("xlsx.pilot_tools", months=pilot.months))
    book.text(ws, row, 1, names)
    row += 1
    last = min(pilot.months, cf.months)
    first = Cell(cf.sheet, cf.total.costs, FIRST_MONTH_COL).ref
    end = Cell(cf.sheet, cf.total.costs, FIRST_MONTH_COL + last).a1
    book.text(ws, row, 0, t("xlsx.pilot_cost", months=pilot.months))
    book.formula(ws, row, 1, f"=SUM({first}:{end})", "money", pilot_cost(data))
    row += 2
    book.text(ws, row, 0, t("xlsx.top_risks"), "section")
    row += 1
    names_by_id = {tool.id: tool.name for tool in plan.tools}
    risks = top_risks(data.simulation)
    if not risks:
        book.text(ws, row, 0, t("xlsx.no_risks"), "note")
        row += 1
    for bar in risks:
        label = (
            f"{names_by_id.get(bar.tool, bar.tool)}: {driver_label(t, bar.driver, kpi_entries())}"
        )
        book.text(ws, row, 0, label)
        book.text(
            ws,
            row,
            1,
            t(
                "xlsx.risk_text",
                low=t.money(bar.npv_at_low, data.currency),
                high=t.money(bar.npv_at_high, data.currency),
            ),
        )
        row += 1
    return row


def _findings(book: Book, ws: Worksheet, data: ReportData, t: Translator, row: int) -> int:
    book.text(ws, row, 0, t("xlsx.health_check"), "section")
    row += 1
    if not data.findings:
        book.text(ws, row, 0, t("lint.clean"), "note")
        return row + 1
    for col, message_id in enumerate(
        (N_("xlsx.severity"), N_("xlsx.where"), N_("xlsx.finding"), "", N_("xlsx.fix"))
    ):
        if message_id:
            book.text(ws, row, col, t(message_id), "header")
    row += 1
    for f in data.findings:
        doc = finding_document(t, f, data.currency)
        book.text(
            ws,
            row,
            0,
            t(f"lint.severity.{f.severity.value}"),
            "bold" if f.severity is Severity.ERROR else "text",
        )
        book.text(ws, row, 1, health_fix.place(data.plan, f).words(t))
        book.text(ws, row, 2, doc.message)
        book.text(ws, row, 4, doc.fix, "wrap")
        row += 1
    return row


def _charts(book: Book, ws: Worksheet, data: ReportData, t: Translator, cf: CashflowRefs) -> None:
    wb = book.workbook
    first, last = FIRST_MONTH_COL, FIRST_MONTH_COL + cf.months
    categories = [cf.sheet, 4, first, 4, last]
    flows = wb.add_chart({"type": "column"})
    for row, message_id, colour in (
        (cf.total.costs, "cli.costs", "#C8553D"),
        (cf.total.benefits, "cli.benefits", "#2E8B57"),
    ):
        flows.add_series(
            {
                "name": t(message_id),
                "categories": categories,
                "values": [cf.sheet, row, first, row, last],
                "fill": {"color": colour},
            }
        )
    line = wb.add_chart({"type": "line"})
    line.add_series(
        {
            "name": t("xlsx.cumulative_net"),
            "categories": categories,
            "values": [cf.sheet, cf.total.cumulative, first, cf.total.cumulative, last],
            "line": {"color": "#1F5F8B", "width": 2.25},
        }
    )
    flows.combine(line)
    flows.set_title({"name": t("xlsx.chart_cashflow")})
    flows.set_x_axis({"num_font": {"rotation": -45}})
    flows.set_legend({"position": "bottom"})
    flows.set_size({"width": 760, "height": 340})
    ws.insert_chart(2, 5, flows)


# Message ids built at run time in this module, declared for message extraction.
XLSX_MESSAGES = (
    N_("xlsx.sheet.allocation"),
    N_("xlsx.sheet.assumptions"),
    N_("xlsx.sheet.cashflows"),
    N_("xlsx.sheet.kpis"),
    N_("xlsx.sheet.summary"),
    N_("xlsx.sheet.tools"),
    N_("xlsx.state.approved"),
    N_("xlsx.state.draft"),
    N_("xlsx.state.live"),
)
