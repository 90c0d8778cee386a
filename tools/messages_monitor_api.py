"""Messages of the JSON API of step 5 (actuals, imports, the review): id -> (en, zh-TW)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "monitor.api.entry_invalid": (
        (
            "The entry has {count} problem; nothing was saved.",
            "The entry has {count} problems; nothing was saved.",
        ),
        "這筆輸入有 {count} 個問題，未儲存任何資料。",
    ),
    "monitor.api.import_invalid": (
        (
            "The file has {count} problem; nothing was saved.",
            "The file has {count} problems; nothing was saved.",
        ),
        "檔案有 {count} 個問題，未儲存任何資料。",
    ),
    "monitor.api.conflict": (
        (
            "{count} record differs from one already recorded; nothing was saved. Send "
            "replace: true to overwrite it.",
            "{count} records differ from ones already recorded; nothing was saved. Send "
            "replace: true to overwrite them.",
        ),
        "有 {count} 筆紀錄與已記錄的不同，未儲存任何資料。如要覆蓋，請傳送 replace: true。",
    ),
}
