"""Messages of hostile input and of sessions: plan files refused for their shape, request
bodies over the limit, the password policy, changing the password, signing out.

Each entry: message id -> (English, Traditional Chinese), same placeholders in both.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- plan files built to exhaust the reader ---------------------------------------
    "plan.yaml_too_deep": (
        "The plan is nested more than {max} levels deep; a plan needs far fewer.",
        "計畫的巢狀層級超過 {max} 層；正常的計畫用不到這麼多層。",
    ),
    "plan.yaml_aliases": (
        "The aliases (*name) in the plan would repeat more than {max} values; "
        "write the values out instead.",
        "計畫中的別名（*名稱）展開後會超過 {max} 個值，請直接寫出這些值。",
    ),
    "plan.yaml_alias_loop": (
        "The alias *{name} is used inside its own anchor &{name}.",
        "別名 *{name} 出現在它自己的錨點 &{name} 裡面。",
    ),
    "value.finite_number": (
        "Must be a finite number (not NaN or infinity).",
        "必須是有限的數字（不可以是 NaN 或無限大）。",
    ),
    # --- request bodies ------------------------------------------------------------------
    "web.body_too_large": (
        "The request is larger than {max_mb} MB.",
        "請求內容超過 {max_mb} MB。",
    ),
    # --- passwords -----------------------------------------------------------------------
    "web.password_common": (
        "This is one of the most common passwords; choose one that is harder to guess.",
        "這是最常見的密碼之一，請換一個比較難猜的密碼。",
    ),
    "web.password_email": (
        "The password must not be your e-mail address.",
        "密碼不可以跟您的電子郵件地址相同。",
    ),
    "web.password_simple": (
        "The password uses too few different characters; choose one that is harder to guess.",
        "這個密碼用到的不同字元太少，請換一個比較難猜的密碼。",
    ),
    "web.password_wrong": ("The current password is not right.", "目前的密碼不正確。"),
    "web.change_password": ("Change the password", "變更密碼"),
    "web.current_password": ("Current password", "目前的密碼"),
    "web.new_password": ("New password", "新密碼"),
    "web.password_changed": (
        "Your password was changed. Every other session of this account has ended.",
        "您的密碼已變更，這個帳號在其他地方的登入都已結束。",
    ),
    "audit.user.password_changed": ("password changed", "變更密碼"),
    # --- signing out -----------------------------------------------------------------------
    "web.revoke_tokens_too": (
        "Also revoke every API token of this account",
        "同時撤銷這個帳號的所有 API 權杖",
    ),
}
