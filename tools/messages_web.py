"""Messages of the store and the web app: id -> (English, Traditional Chinese)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # Store
    "store.not_found": ("Not found.", "找不到。"),
    "store.forbidden": ("You are not allowed to do that.", "你沒有權限這麼做。"),
    "store.conflict": ("That conflicts with the saved data.", "這與已儲存的資料衝突。"),
    "store.email_taken": (
        "An account with {email} already exists.",
        "已有使用 {email} 的帳號。",
    ),
    "store.role_needed": (
        "This needs the {role} role in this workspace.",
        "這需要此工作區的「{role}」角色。",
    ),
    "store.invite_unknown": (
        "This invitation link is not valid or was already used.",
        "這個邀請連結無效，或已經使用過了。",
    ),
    "store.version_race": (
        "Someone saved this plan at the same moment; reload and try again.",
        "有人同時儲存了這份計畫，請重新載入後再試一次。",
    ),
}
