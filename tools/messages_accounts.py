"""Messages of accounts and limits: sign-in back-off, sign-up and costly-work quotas,
the shared counter store, members and invitations, pruning sessions.

Each entry: message id -> (English, Traditional Chinese), same placeholders in both.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- limits ---------------------------------------------------------------------
    "accounts.sign_in_seconds": (
        "Too many wrong passwords from here; please try again in {count} second(s).",
        "這裡輸入錯誤密碼的次數太多，請在 {count} 秒後再試。",
    ),
    "accounts.sign_in_minutes": (
        "Too many wrong passwords from here; please try again in {count} minute(s).",
        "這裡輸入錯誤密碼的次數太多，請在 {count} 分鐘後再試。",
    ),
    "accounts.sign_up_seconds": (
        "Many accounts were made from here just now; please try again in {count} second(s).",
        "剛才從這裡建立了許多帳號，請在 {count} 秒後再試。",
    ),
    "accounts.sign_up_minutes": (
        "Many accounts were made from here just now; please try again in {count} minute(s).",
        "剛才從這裡建立了許多帳號，請在 {count} 分鐘後再試。",
    ),
    "accounts.quota_seconds": (
        "You have started a lot of heavy work (calculations, reports, imports) in a short "
        "time; please try again in {count} second(s).",
        "您在短時間內執行了許多較耗時的工作（試算、報表、匯入），請在 {count} 秒後再試。",
    ),
    "accounts.quota_minutes": (
        "You have started a lot of heavy work (calculations, reports, imports) in a short "
        "time; please try again in {count} minute(s).",
        "您在短時間內執行了許多較耗時的工作（試算、報表、匯入），請在 {count} 分鐘後再試。",
    ),
    "accounts.counters_unavailable": (
        "The service that keeps count of sign-ins and heavy work is not answering; "
        "please try again in a minute.",
        "負責計算登入次數與耗時工作的服務目前沒有回應，請過一分鐘後再試。",
    ),
    "accounts.sign_up_refused": (
        "An account cannot be made with this e-mail address. If you already have one, "
        "sign in instead.",
        "無法用這個電子郵件地址建立帳號。如果您已經有帳號，請直接登入。",
    ),
    "audit.user.signed_in": ("signed in", "登入"),
}
