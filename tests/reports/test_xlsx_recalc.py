"""The workbook recomputes like the engine: LibreOffice (headless) recalculates every
formula, and NPV, ROI and payback agree with the engine to the cent; after changing
assumption cells, the recalculated figures are the engine's figures for the changed plan.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.workbook import Workbook

from aibudget.domain.results import Figures
from aibudget.engine.cashflow import evaluate
from aibudget.i18n import Translator
from aibudget.planfile import load_plan
from aibudget.reports import render
from tests.reports.conftest import EXAMPLES, gathered
from tests.reports.libreoffice import recalculate, soffice

CENT = Decimal("0.01")
ROI_PLACES = Decimal("0.0001")
EXAMPLE_LANGS = [
    ("taipei-cafe.yaml", "zh_TW"),
    ("b2b-machine-parts.yaml", "en"),  # annual (TEI) discounting
    ("beauty-clinic.yaml", "zh_TW"),  # triangular distribution
]


def money(value: Any) -> Decimal:
    return Decimal(repr(value)).quantize(CENT)


def named(wb: Workbook, name: str) -> Any:
    sheet, coordinate = next(iter(wb.defined_names[name].destinations))
    return wb[sheet][coordinate.replace("$", "")].value


def assert_figures(values: dict[str, Any], expected: Figures) -> None:
    assert money(values["npv"]) == expected.npv
    assert money(values["pv_costs"]) == expected.pv_costs
    assert money(values["pv_benefits"]) == expected.pv_benefits
    if expected.roi is None:
        assert values["roi"] == "–"
    else:
        assert Decimal(repr(values["roi"])).quantize(ROI_PLACES) == expected.roi
    payback = None if values["payback"] == "–" else int(values["payback"])
    assert payback == expected.payback_month


def plan_figures(wb: Workbook, suffix: str = "") -> dict[str, Any]:
    keys = ("npv", "pv_costs", "pv_benefits", "roi", "payback")
    return {k: named(wb, f"plan_{k}{suffix}") for k in keys}


def recalculated(content: bytes, tmp: Path, name: str = "plan.xlsx") -> Workbook:
    tmp.mkdir(parents=True, exist_ok=True)
    source = tmp / name
    source.write_bytes(content)
    return openpyxl.load_workbook(recalculate(source, tmp), data_only=True)


@pytest.fixture(scope="module", params=EXAMPLE_LANGS, ids=lambda p: p[0])
def example(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    soffice()
    name, locale = request.param
    data = gathered(name)
    content = render(data, "xlsx", Translator(locale))
    wb = recalculated(content, tmp_path_factory.mktemp("recalc"))
    return data, wb, Translator(locale)


def test_plan_figures_match_the_engine_to_the_cent(example: Any) -> None:
    data, wb, _ = example
    assert_figures(plan_figures(wb), data.evaluation.expected)
    assert_figures(plan_figures(wb, "_risk_adjusted"), data.evaluation.risk_adjusted)


def test_every_tool_matches_the_engine(example: Any) -> None:
    data, wb, t = example
    ws = wb[t("xlsx.sheet.tools")]
    rows = list(ws.iter_rows(min_row=5, values_only=True))
    assert len(data.evaluation.tools) >= 2
    for result, row in zip(data.evaluation.tools, rows, strict=False):
        keys = ("pv_costs", "pv_benefits", "npv", "roi", "payback")
        values = dict(zip(keys, row[5:10], strict=True))
        assert_figures(values, result.expected)
        assert money(row[10]) == result.risk_adjusted.npv


def test_monthly_cash_flows_match_the_engine(example: Any) -> None:
    """The plan's cost and benefit rows, month by month, to the cent."""
    data, wb, t = example
    ws = wb[t("xlsx.sheet.cashflows")]
    found = {}
    for row in ws.iter_rows(min_row=6, values_only=True):
        if row[0] in (t("cli.costs"), t("cli.benefits")):
            found[row[0]] = row[3:]  # the last block's rows are the plan's totals
    n = data.evaluation.months + 1
    costs = [money(v) for v in found[t("cli.costs")][:n]]
    benefits = [money(v) for v in found[t("cli.benefits")][:n]]
    assert costs == data.evaluation.monthly_costs
    assert benefits == data.evaluation.monthly_benefits


def label_row(ws: Any, label: str) -> int:
    for row in ws.iter_rows(min_col=1, max_col=1):
        if row[0].value == label:
            return int(row[0].row)
    raise AssertionError(f"no row labelled {label!r}")


def test_changed_assumptions_recompute_as_the_engine_says(tmp_path: Path) -> None:
    """Discount rate 8% -> 12%, the editor's hourly cost 250 -> 300, ChatGPT on its
    annual plan (USD 240 a seat a year): the recalculated workbook equals the engine's
    evaluation of the plan changed the same way."""
    soffice()
    t = Translator("zh_TW")
    data = gathered("taipei-cafe.yaml")
    wb = openpyxl.load_workbook(io.BytesIO(render(data, "xlsx", t)))
    ws = wb[t("xlsx.sheet.assumptions")]
    ws.cell(label_row(ws, t("xlsx.discount_rate")), 2).value = 0.12
    ws.cell(label_row(ws, "小陳"), 3).value = 300
    header = label_row(ws, t("xlsx.parameter"))
    column = next(c.column for c in ws[header] if c.value == "ChatGPT Business")
    ws.cell(label_row(ws, t("xlsx.tool.billing")), column).value = t("xlsx.choice.annual")
    ws.cell(label_row(ws, t("xlsx.tool.price")), column).value = 240
    changed = io.BytesIO()
    wb.save(changed)
    after = recalculated(changed.getvalue(), tmp_path)

    plan = load_plan(EXAMPLES / "taipei-cafe.yaml")
    horizon = plan.horizon.model_copy(update={"discount_rate": Decimal("0.12")})
    team = [
        m.model_copy(update={"hourly_cost": Decimal(300)}) if m.id == "editor" else m
        for m in plan.team
    ]
    tools = [
        tool.model_copy(update={"plan": "annual"}) if tool.id == "chatgpt" else tool
        for tool in plan.tools
    ]
    engine = evaluate(plan.model_copy(update={"horizon": horizon, "team": team, "tools": tools}))
    assert engine.expected.npv != data.evaluation.expected.npv  # the change matters
    assert_figures(plan_figures(after), engine.expected)
    assert_figures(plan_figures(after, "_risk_adjusted"), engine.risk_adjusted)
