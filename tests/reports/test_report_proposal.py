"""The reports show one budget, the plan's own: the optimiser's answer is labelled a
proposal while the plan differs from it, and not once the plan has adopted it."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from aibudget.catalog import kpi_ids
from aibudget.domain.validate import parse_plan
from aibudget.engine.adopt import adopt
from aibudget.engine.optimize import optimize
from aibudget.i18n import Translator
from aibudget.planfile import load_plan
from aibudget.reports import ReportData, ReportMeta, gather, render
from tests.reports.conftest import EXAMPLES, REPORT_DATE
from tests.reports.test_pdf import Rendered, poppler, squash

__all__ = ["poppler"]  # the fixture, shared with the PDF tests
ZH = Translator("zh-TW")


@pytest.fixture(scope="module")
def adopted() -> ReportData:
    plan = load_plan(EXAMPLES / "taipei-cafe.yaml")
    document = adopt(plan, optimize(plan, explain=False)).document
    meta = ReportMeta(generated=REPORT_DATE, version="v4", state="draft")
    return gather(parse_plan(document, kpi_ids()), meta, trials=2_000)


def allocation_sheet(data: ReportData) -> list[str]:
    wb = openpyxl.load_workbook(io.BytesIO(render(data, "xlsx", ZH)))
    ws = wb["預算分配"]
    return [str(c.value) for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def test_a_proposal_is_labelled_in_the_pdf(
    poppler: None, cafe: ReportData, adopted: ReportData, tmp_path: Path
) -> None:
    label = squash(ZH("adopt.proposal"))
    assert label == "建議配置（尚未採用）"
    assert label in squash(Rendered(cafe, "zh-TW", tmp_path, "proposal").text())
    assert label not in squash(Rendered(adopted, "zh-TW", tmp_path, "adopted").text())


def test_a_proposal_is_labelled_in_the_workbook(cafe: ReportData, adopted: ReportData) -> None:
    assert ZH("adopt.proposal") in allocation_sheet(cafe)
    cells = allocation_sheet(adopted)
    assert ZH("adopt.proposal") not in cells and ZH("xlsx.recommended_split") in cells
