"""The zh-TW workbook and PDF speak the owner's words: no ids, YAML paths, message keys,
field names or English code words (the same checker as every web page)."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
import yaml

from aibudget.i18n import Translator
from aibudget.reports import ReportData, render
from tests.reports.conftest import EXAMPLES
from tests.web.test_web_owner_words import _ids, problems_in

ZH = Translator("zh-TW")


def _plan_ids() -> set[str]:
    return _ids(yaml.safe_load((EXAMPLES / "taipei-cafe.yaml").read_text(encoding="utf-8")))


def _cells(content: bytes) -> dict[str, str]:
    """Each sheet's visible text: strings typed into cells (not formulas)."""
    book = openpyxl.load_workbook(io.BytesIO(content))
    return {
        sheet.title: "\n".join(
            str(cell)
            for row in sheet.iter_rows(values_only=True)
            for cell in row
            if isinstance(cell, str) and not cell.startswith("=")
        )
        for sheet in book.worksheets
    }


def test_the_workbook_speaks_the_owners_words(cafe_review: ReportData) -> None:
    sheets = _cells(render(cafe_review, "xlsx", ZH))
    wrong = {name: problems_in(text, _plan_ids()) for name, text in sheets.items()}
    assert not {k: v for k, v in wrong.items() if v}


def test_the_pdf_speaks_the_owners_words(cafe_review: ReportData, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed (pdftotext)")
    path = tmp_path / "report.pdf"
    path.write_bytes(render(cafe_review, "pdf", ZH))
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert not problems_in(text, _plan_ids())
