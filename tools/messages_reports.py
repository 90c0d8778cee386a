"""Messages shared by the reports (CLI, web and both formats): id -> (English, 繁體中文)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "report.working": ("Preparing the report…", "正在製作報告…"),
    "report.written": ("Report written: {file} ({kb} KB).", "報告已寫入：{file}（{kb} KB）。"),
    "report.failed": (
        "The report could not be made; nothing was written.",
        "無法製作報告，沒有寫入任何檔案。",
    ),
    "report.pdf": ("Report (PDF)", "報告（PDF）"),
    "report.xlsx": ("Workbook (XLSX)", "試算表（XLSX）"),
    "report.pdf_help": (
        "A4 report for a partner, accountant or bank, with charts (and the review when there are actuals).",
        "給合夥人、會計師或銀行的 A4 報告，附圖表（有實際數字時含檢討）。",
    ),
    "report.xlsx_help": (
        "Excel/LibreOffice workbook: change an assumption and the cash flows, NPV, ROI and payback recompute.",
        "Excel／LibreOffice 試算表：修改假設後，現金流量、淨現值、投資報酬率與回本會重新計算。",
    ),
    "report.font_missing": (
        "The PDF needs a Chinese font and this server has none. "
        "Please ask whoever runs it to reinstall aibudget (it brings one) or fonts-noto-cjk.",
        "PDF 需要中文字型，但這台伺服器上沒有。"
        "請聯絡系統管理者重新安裝 aibudget（內含字型）或 fonts-noto-cjk。",
    ),
    "report.font_named_missing": (
        "The PDF font set by the server's AIBUDGET_CJK_FONT setting cannot be found. "
        "Please ask whoever runs it to correct the setting.",
        "伺服器設定 AIBUDGET_CJK_FONT 所指定的 PDF 字型找不到，請聯絡系統管理者修正設定。",
    ),
}
