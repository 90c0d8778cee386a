"""Messages of accounts and limits: sign-in back-off, sign-up and costly-work quotas,
the shared counter store, members and invitations, pruning sessions.

Each entry: message id -> (English, Traditional Chinese), same placeholders in both.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- limits ---------------------------------------------------------------------
    "accounts.sign_in_seconds": (
        (
            "Too many wrong passwords from here; please try again in {count} second.",
            "Too many wrong passwords from here; please try again in {count} seconds.",
        ),
        "這裡輸入錯誤密碼的次數太多，請在 {count} 秒後再試。",
    ),
    "accounts.sign_in_minutes": (
        (
            "Too many wrong passwords from here; please try again in {count} minute.",
            "Too many wrong passwords from here; please try again in {count} minutes.",
        ),
        "這裡輸入錯誤密碼的次數太多，請在 {count} 分鐘後再試。",
    ),
    "accounts.sign_up_seconds": (
        (
            "Many accounts were made from here just now; please try again in {count} second.",
            "Many accounts were made from here just now; please try again in {count} seconds.",
        ),
        "剛才從這裡建立了許多帳號，請在 {count} 秒後再試。",
    ),
    "accounts.sign_up_minutes": (
        (
            "Many accounts were made from here just now; please try again in {count} minute.",
            "Many accounts were made from here just now; please try again in {count} minutes.",
        ),
        "剛才從這裡建立了許多帳號，請在 {count} 分鐘後再試。",
    ),
    "accounts.quota_seconds": (
        (
            "You have started a lot of heavy work (calculations, reports, imports) in a short "
            "time; please try again in {count} second.",
            "You have started a lot of heavy work (calculations, reports, imports) in a short "
            "time; please try again in {count} seconds.",
        ),
        "您在短時間內執行了許多較耗時的工作（試算、報表、匯入），請在 {count} 秒後再試。",
    ),
    "accounts.quota_minutes": (
        (
            "You have started a lot of heavy work (calculations, reports, imports) in a short "
            "time; please try again in {count} minute.",
            "You have started a lot of heavy work (calculations, reports, imports) in a short "
            "time; please try again in {count} minutes.",
        ),
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
    "accounts.cli_pruned": (
        "Deleted expired sign-in sessions: {sessions}; expired counters: {counters}.",
        "已刪除 {sessions} 個過期的登入狀態與 {counters} 個過期的計數。",
    ),
    # --- members and invitations ------------------------------------------------------
    "accounts.invite_other_email": (
        "This invitation was sent to another e-mail address. Sign out, then sign in or "
        "sign up with the address it was sent to.",
        "這份邀請是寄給另一個電子郵件地址的。請先登出，再用收到邀請的地址登入或註冊。",
    ),
    "accounts.last_owner": (
        "A workspace needs at least one owner: make someone else an owner first.",
        "每個工作區至少要有一位擁有者：請先將另一位成員設為擁有者。",
    ),
    "accounts.last_owner_hint": (
        "A workspace always keeps at least one owner.",
        "每個工作區都會保留至少一位擁有者。",
    ),
    "accounts.members_title": ("Members", "成員管理"),
    "accounts.manage_members": ("Manage members", "管理成員"),
    "accounts.see_members": ("All members", "所有成員"),
    "accounts.name": ("Name", "姓名"),
    "accounts.actions": ("Actions", "操作"),
    "accounts.you": ("you", "您"),
    "accounts.role_of": ("Role of {name}", "{name} 的角色"),
    "accounts.change_role": ("Change role", "變更角色"),
    "accounts.remove": ("Remove", "移除"),
    "accounts.leave": ("Leave", "退出"),
    "accounts.pending_invites": ("Invitations not yet accepted", "尚未接受的邀請"),
    "accounts.no_pending_invites": (
        "No invitations are waiting to be accepted.",
        "目前沒有等待接受的邀請。",
    ),
    "accounts.revoke_invite": ("Withdraw", "撤回邀請"),
    "accounts.invite_someone": ("Invite someone", "邀請其他人"),
    "audit.member.removed": ("member removed", "移除成員"),
    "audit.member.role_changed": ("role changed", "變更成員角色"),
    "audit.invite.revoked": ("invitation withdrawn", "撤回邀請"),
}
