"""Messages of a server under strain: the database out of reach (pages, API, start-up).

Each entry: message id -> (English, Traditional Chinese), same placeholders in both.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the database out of reach ------------------------------------------------------
    "web.database_unavailable": (
        "The database cannot be reached right now, so nothing can be shown or saved. "
        "Your data is safe; please try again in a few minutes.",
        "目前無法連上資料庫，所以暫時無法顯示或儲存資料。您的資料仍然安全，請過幾分鐘再試一次。",
    ),
    "web.cli_database_unavailable": (
        "Cannot open the database {where}: {reason}",
        "無法開啟資料庫 {where}：{reason}",
    ),
    "web.cli_database_hint": (
        "Check that the database server runs and that AIBUDGET_DATABASE_URL points at it.",
        "請確認資料庫伺服器正在執行，且 AIBUDGET_DATABASE_URL 指向它。",
    ),
}
