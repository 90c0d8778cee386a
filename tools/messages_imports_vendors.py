"""Messages of the vendor imports (LINE, shop orders, column and ad spend mapping, large
sheets): id -> (English, Traditional Chinese)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "import.sheet_too_large.rows": (
        "The sheet goes on past row {limit}; only that many rows are read. Export a "
        "shorter period (for example one month per file) or delete the empty rows below "
        "your data.",
        "這個工作表超過第 {limit} 列；最多只讀取這麼多列。請匯出較短的期間（例如每個月一個檔案），"
        "或刪除資料下方的空白列。",
    ),
    "import.sheet_too_large.columns": (
        "This row has a value beyond column {limit}; only that many columns are read. "
        "Delete the cells far to the right or export the report again.",
        "這一列在第 {limit} 欄之後還有內容；最多只讀取這麼多欄。請刪除最右邊多餘的儲存格，或重新匯出報表。",
    ),
}
