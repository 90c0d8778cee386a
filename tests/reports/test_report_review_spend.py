"""The review in the reports counts as spent what was recorded, and shows the costs
planned but never recorded apart."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from aibudget.domain.actuals import SpendStatus
from aibudget.i18n import Translator
from aibudget.reports import ReportData
from tests.reports.test_pdf import Rendered, poppler, squash
from tests.reports.test_xlsx import workbook

__all__ = ["poppler"]
EN = Translator("en")


def recorded_spend(data: ReportData, tool: str) -> Decimal:
    assert data.actuals is not None
    return sum(
        (
            r.amount
            for r in data.actuals.records
            if r.tool == tool and r.amount is not None and r.status is SpendStatus.SPENT
        ),
        Decimal(0),
    )


def review_rows(data: ReportData) -> dict[str, list[object]]:
    ws = workbook(data, EN)["Review"]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    head = next(i for i, row in enumerate(rows) if row[0] == EN("cli.tool"))
    header = rows[head]
    out = {"header": header}
    for row in rows[head + 1 :]:
        if not row[0]:
            break
        out[str(row[0])] = row
    return out


def test_the_workbook_labels_recorded_spend_as_spent(cafe_review: ReportData) -> None:
    rows = review_rows(cafe_review)
    header = rows["header"]
    spent = header.index(EN("monitor.spent"))
    apart = header.index(EN("review.unrecorded_column"))
    assert Decimal(str(rows["ChatGPT Business"][spent])) == recorded_spend(cafe_review, "chatgpt")
    canva = rows["Canva Pro"]
    assert recorded_spend(cafe_review, "canva") == 0 == Decimal(str(canva[spent]))
    assert Decimal(str(canva[apart])) > 0  # its subscription was planned, never recorded


def test_the_pdf_says_what_was_recorded_and_what_was_not(
    poppler: None, cafe_review: ReportData, tmp_path: Path
) -> None:
    text = squash(Rendered(cafe_review, "en", tmp_path, "spend").text())
    assert cafe_review.review is not None
    recorded = sum((recorded_spend(cafe_review, t.id) for t in cafe_review.plan.tools), Decimal(0))
    assert squash(f"Spend recorded: {EN.money(recorded, 'TWD')}") in text
    unrecorded = EN.money(cafe_review.review.realised.unrecorded, "TWD")
    assert squash(EN("monitor.unrecorded", amount=unrecorded)) in text
