"""The PDF and workbook reviews say where each goal is heading, with the projected
figure recomputed here from the recorded values."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest

from aibudget.domain.actuals import ActualRecord, Actuals, with_fingerprint
from aibudget.i18n import Translator
from aibudget.reports import ReportData
from aibudget.service.words import kpi_names
from tests.reports.conftest import cafe_actuals, gathered
from tests.reports.test_pdf import Rendered, poppler, squash
from tests.reports.test_xlsx import workbook

__all__ = ["poppler"]
EN = Translator("en")
ZH = Translator("zh-TW")


REVENUE = {"2027-01": 240_500, "2027-02": 251_000, "2027-03": 259_000}


@pytest.fixture(scope="module")
def cafe_review(cafe_actuals_with_kpis: Actuals) -> ReportData:
    return gathered("taipei-cafe.yaml", actuals=cafe_actuals_with_kpis)


@pytest.fixture(scope="module")
def cafe_actuals_with_kpis() -> Actuals:
    """The cafe's three months with the online revenue of each."""
    kpis = [
        with_fingerprint(
            ActualRecord(month=m, tool="_plan", kpi="online_revenue", kpi_value=Decimal(v))
        )
        for m, v in REVENUE.items()
    ]
    base = cafe_actuals()
    return Actuals(currency=base.currency, records=[*base.records, *kpis])


def revenue_at_deadline(data: ReportData) -> str:
    """The demo's online revenue by 2027-12 on its least-squares trend, as NT$ text."""
    assert data.actuals is not None
    points = sorted(
        (int(r.month[5:7]), float(r.kpi_value))
        for r in data.actuals.records
        if r.kpi == "online_revenue" and r.kpi_value is not None
    )
    slope, intercept = np.polyfit([m for m, _ in points], [v for _, v in points], 1)
    return f"NT${round(intercept + slope * 12):,}"


def test_the_workbook_lists_each_goals_projection(cafe_review: ReportData) -> None:
    rows = [[c.value for c in row] for row in workbook(cafe_review, EN)["Review"].iter_rows()]
    head = next(i for i, row in enumerate(rows) if row[0] == EN("kpi_forecast.heading"))
    listed = {row[0]: row[1] for row in rows[head + 1 : head + 1 + len(cafe_review.plan.goals)]}
    assert set(listed) == {g.name for g in cafe_review.plan.goals}
    sales = next(g.name for g in cafe_review.plan.goals if g.kpi == "online_revenue")
    assert str(listed[sales]).startswith("At the current pace, about ")
    assert revenue_at_deadline(cafe_review) in str(listed[sales])


def test_the_pdf_review_says_where_revenue_is_heading(
    poppler: None, cafe_review: ReportData, tmp_path: Path
) -> None:
    text = squash(Rendered(cafe_review, "zh-TW", tmp_path, "kpis").text())
    assert squash(f"照目前的速度，2027年12月約可達 {revenue_at_deadline(cafe_review)}") in text


def test_the_actuals_sheet_names_kpis_in_words_never_by_id(cafe_review: ReportData) -> None:
    clicks = with_fingerprint(
        ActualRecord(month="2027-01", tool="_plan", kpi="clicks", kpi_value=Decimal(420))
    )
    assert cafe_review.actuals is not None
    actuals = cafe_review.actuals.model_copy(
        update={"records": [*cafe_review.actuals.records, clicks]}
    )
    data = replace(cafe_review, actuals=actuals)
    for t in (ZH, EN):
        sheet = workbook(data, t)[t("xlsx.sheet.actuals")]
        rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
        column = rows[0].index(t("xlsx.kpi"))
        named = {row[column] for row in rows[1:] if row[column]}
        assert named == {kpi_names(t.locale)["online_revenue"], t("import.kpi.clicks")}
        assert not named & {"online_revenue", "clicks"}  # no id
