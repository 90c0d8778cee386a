"""The Actuals and Review sheets of the workbook (when actuals are given)."""

from __future__ import annotations

from decimal import Decimal

from xlsxwriter.worksheet import Worksheet

from aibudget.catalog import kpi_entries
from aibudget.domain.texts import N_
from aibudget.i18n import Translator
from aibudget.present.evaluation import kpi_name
from aibudget.present.monitor import (
    REVIEW_TOOL_COLUMNS,
    goal_names,
    tool_label,
    tool_reasons,
    unrecorded_text,
)
from aibudget.present.reallocate import change_text, proposes_change, summary_text
from aibudget.present.review_kpis import method_text, projection_text
from aibudget.reports.content import ReportData
from aibudget.reports.xlsx_book import Book, headers
from aibudget.service.actuals_words import source_words, tool_name

ACTUAL_COLUMNS = (
    ("xlsx.month", "month"),
    ("cli.tool", "tool"),
    ("xlsx.line", "line"),
    (N_("xlsx.status"), "status"),
    (N_("xlsx.amount"), "amount"),
    (N_("xlsx.seats"), "seats"),
    (N_("xlsx.active_users"), "active_users"),
    (N_("xlsx.hours_saved"), "hours_saved"),
    (N_("xlsx.other_benefit"), "benefit"),
    (N_("xlsx.kpi"), "kpi"),
    (N_("xlsx.kpi_value"), "kpi_value"),
    (N_("xlsx.feedback"), "feedback"),
    (N_("xlsx.source"), "source"),
    (N_("xlsx.note"), "note"),
)


def write_actuals(book: Book, ws: Worksheet, data: ReportData, t: Translator) -> None:
    assert data.actuals is not None
    ws.set_column(0, 13, 13)
    book.text(ws, 0, 0, t("xlsx.actuals_title"), "title")
    headers(book, ws, 2, t, [message_id for message_id, _ in ACTUAL_COLUMNS])
    ws.freeze_panes(3, 0)
    records = sorted(data.actuals.records, key=lambda r: (r.month, r.tool, r.source))
    for row, r in enumerate(records, start=3):
        for col, (_, attr) in enumerate(ACTUAL_COLUMNS):
            value = getattr(r, attr)
            if attr == "tool":
                book.text(ws, row, col, tool_name(t, data.plan, value))
            elif attr == "line":
                book.text(ws, row, col, t(f"monitor.line.{value.value}") if value else "")
            elif attr == "status":
                book.text(ws, row, col, t(f"monitor.web.status_{value.value}"))
            elif attr == "amount" or attr == "benefit":
                book.value(ws, row, col, value, "money")
            elif attr == "source":
                book.text(ws, row, col, source_words(t, r, {}))
            elif attr == "kpi":
                book.text(ws, row, col, kpi_name(t, value, kpi_entries()) if value else "")
            elif isinstance(value, Decimal | int):
                book.value(ws, row, col, value, "number")
            else:
                book.text(ws, row, col, value)


def write_review(book: Book, ws: Worksheet, data: ReportData, t: Translator) -> None:
    r = data.review
    assert r is not None
    cur = data.currency
    ws.set_column(0, 0, 28)
    ws.set_column(1, 8, 15)
    ws.set_column(9, 9, 60)
    book.text(ws, 0, 0, t("xlsx.review_title", month=r.as_of), "title")
    row = 2
    columns = [*REVIEW_TOOL_COLUMNS]
    columns.insert(2, "review.unrecorded_column")
    headers(book, ws, row, t, [*columns, N_("xlsx.reason")])
    row += 1
    for x in r.tools:
        book.text(ws, row, 0, tool_label(t, x.tool, x.name))
        for col, (value, style) in enumerate(
            (
                (x.realised.recorded, "money"),
                (x.realised.unrecorded, "money"),
                (x.realised.benefits, "money"),
                (x.realised.roi, "percent"),
                (x.plan.npv, "money"),
                (x.forecast.npv, "money"),
                (x.attainment, "percent"),
            ),
            start=1,
        ):
            book.value(ws, row, col, value, style)
        book.text(ws, row, 8, t(f"monitor.action.{x.action.value}"), "bold")
        book.text(ws, row, 9, "; ".join(tool_reasons(t, x)), "wrap")
        row += 1
    unrecorded = unrecorded_text(t, r)
    if unrecorded:
        book.text(ws, row, 0, unrecorded, "note")
        row += 1
    row = write_projections(book, ws, data, t, row + 1)
    if data.proposal is not None:
        book.text(ws, row, 0, t("reallocate.heading"), "section")
        row += 1
        for c in data.proposal.changes:
            book.text(ws, row, 0, "• " + change_text(t, c, cur))
            row += 1
        if proposes_change(data.proposal):
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
            N_("xlsx.plan_costs"),
            N_("xlsx.forecast_costs"),
            N_("xlsx.actual_costs"),
            N_("xlsx.plan_benefits"),
            N_("xlsx.forecast_benefits"),
            N_("xlsx.actual_benefits"),
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


def write_projections(book: Book, ws: Worksheet, data: ReportData, t: Translator, row: int) -> int:
    """Each goal's projection to its deadline, in words; the next free row."""
    r = data.review
    assert r is not None
    if not r.kpis:
        return row
    book.text(ws, row, 0, t("kpi_forecast.heading"), "section")
    row += 1
    goals = goal_names(data.plan)
    for k in r.kpis:
        book.text(ws, row, 0, goals.get(k.goal, k.goal))
        book.text(ws, row, 1, projection_text(t, k, r.currency, kpi_entries()))
        book.text(ws, row, 9, method_text(t, k), "wrap")
        row += 1
    return row + 1
