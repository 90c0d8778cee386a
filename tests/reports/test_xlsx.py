"""The workbook's structure: sheets, live formulas with the engine's values cached,
formats, frozen headers, charts, text that can never become a formula, empty states."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from decimal import Decimal
from typing import Any

import openpyxl
import pytest

from aibudget.i18n import Translator
from aibudget.reports import ReportData, ReportMeta, gather, render
from tests.factories import make_plan, tool

ZH, EN = Translator("zh_TW"), Translator("en")
UNSAFE = ['=HYPERLINK("http://example.com","x")', "+SUM(1,2)", "-2+3", "@SUM(A1)", "\tcmd"]


def workbook(data: ReportData, t: Translator, **options: Any) -> Any:
    return openpyxl.load_workbook(io.BytesIO(render(data, "xlsx", t)), **options)


def named_cell(wb: Any, name: str) -> Any:
    sheet, coordinate = next(iter(wb.defined_names[name].destinations))
    return wb[sheet][coordinate.replace("$", "")]


def test_sheets_in_the_readers_language(cafe: ReportData) -> None:
    assert workbook(cafe, ZH).sheetnames == ["摘要", "假設", "現金流量", "預算分配", "工具", "KPI"]
    assert workbook(cafe, EN).sheetnames == [
        "Summary",
        "Assumptions",
        "Cash flows",
        "Allocation",
        "Tools",
        "KPIs",
    ]


def test_actuals_and_review_sheets_come_with_actuals(cafe_review: ReportData) -> None:
    wb = workbook(cafe_review, EN)
    assert wb.sheetnames[-2:] == ["Actuals", "Review"]
    actuals = wb["Actuals"]
    assert actuals.max_row - 3 == len(cafe_review.actuals.records)  # type: ignore[union-attr]
    review = [c.value for row in wb["Review"].iter_rows() for c in row if c.value]
    assert "Scale up" in review or "Keep" in review
    assert any(str(v).startswith("•") for v in review)  # the proposal's changes in words


def test_headline_cells_are_formulas_with_the_engines_values_cached(cafe: ReportData) -> None:
    formulas = workbook(cafe, ZH)
    cached = workbook(cafe, ZH, data_only=True)
    for name, expected in (
        ("plan_npv", cafe.evaluation.expected.npv),
        ("plan_pv_costs", cafe.evaluation.expected.pv_costs),
        ("plan_npv_risk_adjusted", cafe.evaluation.risk_adjusted.npv),
    ):
        assert str(named_cell(formulas, name).value).startswith("=SUMPRODUCT(")
        assert Decimal(repr(named_cell(cached, name).value)).quantize(Decimal("0.01")) == expected
    assert named_cell(cached, "plan_payback").value == cafe.evaluation.expected.payback_month


def test_money_and_percent_formats(cafe: ReportData) -> None:
    wb = workbook(cafe, ZH)
    assert '"NT$"#,##0' in named_cell(wb, "plan_npv").number_format
    assert named_cell(wb, "plan_roi").number_format == "0.0%"


def test_headers_are_frozen(cafe: ReportData) -> None:
    wb = workbook(cafe, EN)
    assert wb["Cash flows"].freeze_panes == "D6"
    assert wb["Tools"].freeze_panes == "B5"
    assert wb["KPIs"].freeze_panes == "B4"


def test_native_charts(cafe: ReportData) -> None:
    with zipfile.ZipFile(io.BytesIO(render(cafe, "xlsx", EN))) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        kinds = "".join(z.read(n).decode() for n in charts)
    assert len(charts) == 2
    assert "<c:doughnutChart>" in kinds and "<c:barChart>" in kinds and "<c:lineChart>" in kinds


def hostile_data() -> ReportData:
    """A plan whose user text looks like formulas everywhere it can appear."""
    plan = make_plan(
        tool(
            id="t1",
            name=UNSAFE[0],
            plans=[{"id": "p", "price": 1000}],
            benefits=[{"kind": "cost_avoided", "label": UNSAFE[3], "monthly": [1000, 2000, 4000]}],
        ),
        team=[
            {
                "id": "amy",
                "name": UNSAFE[2],
                "role": UNSAFE[4],
                "hourly_cost": 100,
                "free_hours_per_month": 20,
            }
        ],
        goals=[
            {
                "id": "g1",
                "name": UNSAFE[1],
                "kpi": "conversion_rate",
                "baseline": 1,
                "target": 2,
                "deadline": "2027-12",
            }
        ],
        company={"name": UNSAFE[0]},
    )
    return gather(plan, ReportMeta(generated=date(2027, 1, 1)), trials=200)


def test_text_that_looks_like_a_formula_stays_text() -> None:
    wb = workbook(hostile_data(), EN)
    texts = [
        cell
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    ]
    users = [c for c in texts if any(u in c.value for u in UNSAFE)]
    for text in UNSAFE:
        assert any(text in c.value for c in users), f"{text!r} missing"
    for cell in users:
        where = f"{cell.parent.title}!{cell.coordinate}"
        assert cell.data_type == "s", where
        if cell.value.startswith(("=", "+", "-", "@", "\t")):
            assert cell.quotePrefix, where


def test_a_plan_without_tools_or_goals_still_makes_a_workbook() -> None:
    plan = make_plan()
    data = gather(plan, ReportMeta(generated=date(2027, 1, 1)), trials=200)
    wb = workbook(data, ZH, data_only=True)
    assert named_cell(wb, "plan_npv").value == 0
    kpis = [c.value for row in wb["KPI"].iter_rows() for c in row if c.value]
    assert ZH("xlsx.no_goals") in kpis


def test_an_impossible_allocation_is_said_in_words() -> None:
    plan = make_plan(
        tool(id="big", plans=[{"id": "p", "price": 50_000}]),
        budget={"annual_amount": 1_000},
        optimise={"force_in": ["big"]},
    )
    data = gather(plan, ReportMeta(generated=date(2027, 1, 1)), trials=200)
    assert data.optimisation is not None and data.optimisation.status.value == "infeasible"
    sheet = workbook(data, EN)["Allocation"]
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert EN("xlsx.no_allocation") in texts
    assert len(texts) > texts.index(EN("xlsx.no_allocation")) + 1  # the conflicts follow


@pytest.mark.parametrize("t", [ZH, EN], ids=["zh-TW", "en"])
def test_every_label_is_translated(cafe_review: ReportData, t: Translator) -> None:
    wb = workbook(cafe_review, t)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, str) and not value.startswith("="):
                    prefixes = ("xlsx.", "cli.", "monitor.", "optimize.", "driver.", "kpi:")
                    assert not any(p in value for p in prefixes), value
