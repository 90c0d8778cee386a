"""The Actuals and Review sheets of the workbook (when actuals are given)."""

from __future__ import annotations

from decimal import Decimal

from xlsxwriter.worksheet import Worksheet

from aibudget.i18n import Translator
from aibudget.render_monitor import REVIEW_TOOL_COLUMNS, tool_label
from aibudget.render_reallocate import change_text, summary_text
from aibudget.reports.content import ReportData
from aibudget.reports.xlsx_book import Book, headers

ACTUAL_COLUMNS = (
    ("xlsx.month", "month"),
    ("cli.tool", "tool"),
    ("xlsx.line", "line"),
    ("xlsx.status", "status"),
    ("xlsx.amount", "amount"),
    ("xlsx.seats", "seats"),
    ("xlsx.active_users", "active_users"),
    ("xlsx.hours_saved", "hours_saved"),
    ("xlsx.other_benefit", "benefit"),
    ("xlsx.kpi", "kpi"),
    ("xlsx.kpi_value", "kpi_value"),
    ("xlsx.feedback", "feedback"),
    ("xlsx.source", "source"),
    ("xlsx.note", "note"),
)


def write_actuals(book: Book, ws: Worksheet, data: ReportData, t: Translator) -> None:
    assert data.actuals is not None
    ws.set_column(0, 13, 13)
    book.text(ws, 0, 0, t("xlsx.actuals_title"), "title")
    headers(book, ws, 2, t, [message_id for message_id, _ in ACTUAL_COLUMNS])
    ws.freeze_panes(3, 0)
    names = {tool.id: tool.name for tool in data.plan.tools}
    records = sorted(data.actuals.records, key=lambda r: (r.month, r.tool, r.source))
    for row, r in enumerate(records, start=3):
        for col, (_, attr) in enumerate(ACTUAL_COLUMNS):
            value = getattr(r, attr)
            if attr == "tool":
                book.text(ws, row, col, names.get(value, t("cli.plan_lines")))
            elif attr == "line":
                book.text(ws, row, col, t(f"monitor.line.{value.value}") if value else "")
            elif attr == "status":
                book.text(ws, row, col, value.value)
            elif attr == "amount" or attr == "benefit":
                book.value(ws, row, col, value, "money")
            elif isinstance(value, Decimal | int):
                book.value(ws, row, col, value, "number")
            else:
                book.text(ws, row, col, value)


def write_review(book: Book, ws: Worksheet, data: ReportData, t: Translator) -> None:
    r = data.review
    assert r is not None
    cur = data.currency
    ws.set_column(0, 0, 28)
    ws.set_column(1, 7, 15)
    ws.set_column(8, 8, 60)
    book.text(ws, 0, 0, t("xlsx.review_title", month=r.as_of), "title")
    row = 2
    headers(book, ws, row, t, [*REVIEW_TOOL_COLUMNS, "xlsx.reason"])
    row += 1
    for x in r.tools:
        book.text(ws, row, 0, tool_label(t, x.tool, x.name))
        book.value(ws, row, 1, x.realised.costs, "money")
        book.value(ws, row, 2, x.realised.benefits, "money")
        book.value(ws, row, 3, x.realised.roi, "percent")
        book.value(ws, row, 4, x.plan.npv, "money")
        book.value(ws, row, 5, x.forecast.npv, "money")
        book.value(ws, row, 6, x.attainment, "percent")
        book.text(ws, row, 7, t(f"monitor.action.{x.action.value}"), "bold")
        book.text(ws, row, 8, ", ".join(t(f"monitor.reason.{c}") for c in x.reasons), "wrap")
        row += 1
    row += 1
    if data.proposal is not None:
        book.text(ws, row, 0, t("reallocate.heading"), "section")
        row += 1
        for c in data.proposal.changes:
            book.text(ws, row, 0, "• " + change_text(t, c, cur))
            row += 1
        book.text(ws, row, 0, summary_text(t, data.proposal))
        row += 2
    elif data.proposal_note:
        book.text(ws, row, 0, t(data.proposal_note), "note")
        row += 2
    book.text(ws, row, 0, t("xlsx.monthly_series"), "section")
    row += 1
    headers(
        book,
        ws,
        row,
        t,
        [
            "xlsx.month",
            "xlsx.plan_costs",
            "xlsx.forecast_costs",
            "xlsx.actual_costs",
            "xlsx.plan_benefits",
            "xlsx.forecast_benefits",
            "xlsx.actual_benefits",
        ],
    )
    row += 1
    s = r.monthly
    for i, month in enumerate(s.months):
        book.text(ws, row, 0, month)
        for col, value in enumerate(
            (
                s.plan_costs[i],
                s.forecast_costs[i],
                s.actual_costs[i],
                s.plan_benefits[i],
                s.forecast_benefits[i],
                s.actual_benefits[i],
            ),
            start=1,
        ):
            book.value(ws, row, col, value, "money")
        row += 1
