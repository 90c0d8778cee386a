"""Reports a business owner can hand on: a PDF and an XLSX workbook with live formulas.

``gather`` (in :mod:`aibudget.reports.content`) runs the engine once; ``render`` lays the
result out in one format and one language and returns the file's bytes. The PDF writer
(charts included) needs the CJK font (:mod:`aibudget.reports.fonts`).
"""

from __future__ import annotations

from typing import Literal

from aibudget.i18n import Translator
from aibudget.reports.content import ReportData, ReportError, ReportMeta, gather

Format = Literal["pdf", "xlsx"]
FORMATS: tuple[Format, ...] = ("pdf", "xlsx")
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

__all__ = ["FORMATS", "MEDIA_TYPES", "ReportData", "ReportError", "ReportMeta", "gather", "render"]


def render(data: ReportData, fmt: Format, t: Translator) -> bytes:
    """The report as a file (PDF or XLSX) in the translator's language."""
    if fmt == "pdf":
        from aibudget.reports.pdf import pdf_report

        return pdf_report(data, t)
    from aibudget.reports.xlsx import xlsx_report

    return xlsx_report(data, t)
