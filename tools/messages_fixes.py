"""Messages of the health check's one-click fixes and of adopting the optimiser's
allocation: the buttons, the notes of the versions they save, the confirmation page.

Each entry: message id -> (English, Traditional Chinese), same placeholders in both.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- health check: what a one-click fix does (also the new version's note) --------
    "remedy.reserve": (
        "reserve set to {share} of the budget",
        "預備金設為預算的 {share}",
    ),
    "remedy.review": ("the plan is reviewed every {months} months", "每 {months} 個月檢討一次計畫"),
    "remedy.training": (
        '"{tool}": {hours} training hours per person',
        "「{tool}」每人訓練 {hours} 小時",
    ),
    "remedy.privacy": (
        "data quality and privacy budgeted at {amount} a year",
        "資料品質與個資保護每年編列 {amount}",
    ),
    "remedy.owner": ('"{tool}" is looked after by {member}', "「{tool}」改由 {member} 負責"),
    "remedy.monthly": (
        '"{tool}" uses the monthly plan {plan} during the pilot',
        "「{tool}」試行期間改用月繳方案「{plan}」",
    ),
    "remedy.after_pilot": (
        '"{tool}" starts in month {month}, after the pilot',
        "「{tool}」改在第 {month} 個月、試行期結束後開始",
    ),
    "remedy.trial": (
        '"{tool}" is tried free for {days} days first',
        "「{tool}」先免費試用 {days} 天",
    ),
    "remedy.free_plan": (
        '"{tool}" uses its free plan during the {months}-month pilot',
        "「{tool}」在 {months} 個月的試行期先用免費方案",
    ),
    "remedy.pilot_later": (
        "{tools} start in month {month}, after the pilot",
        "{tools} 改在第 {month} 個月、試行期結束後開始",
    ),
    "remedy.measurement": (
        'goal "{goal}" is measured the way the KPI library suggests',
        "目標「{goal}」採用 KPI 庫建議的衡量方式",
    ),
    "remedy.swap": (
        'goal "{goal}": baseline and target swapped',
        "目標「{goal}」的現況值與目標值對調",
    ),
    "remedy.target": (
        'goal "{goal}": target set to {target}',
        "目標「{goal}」的目標值設為 {target}",
    ),
    "remedy.deadline": (
        'goal "{goal}": deadline set to {month}',
        "目標「{goal}」的期限設為 {month}",
    ),
    # --- health check on the plan page -----------------------------------------------
    "healthfix.note": ("Health check fix: {what}", "健康檢查修正：{what}"),
    "healthfix.apply": ("Apply fix", "套用修正"),
    "healthfix.apply_label": ("Apply fix: {what}", "套用修正：{what}"),
    "healthfix.will": ("One click: {what}.", "一鍵修正：{what}。"),
    "healthfix.undo": (
        "Saved as a new version; restore the previous version to undo it.",
        "會存成新版本；要復原，還原前一個版本即可。",
    ),
    "healthfix.edit": ("Change it", "前往修改"),
    "healthfix.gone": (
        "That issue is no longer in the plan (it may just have been fixed), so nothing was changed.",
        "這個問題已經不在計畫中了（可能剛剛已經修正），所以計畫沒有任何變更。",
    ),
}
MESSAGES.update(
    {
        # --- adopting the optimiser's allocation --------------------------------------
        "adopt.button": ("Adopt this allocation", "採用此配置"),
        "adopt.title": ("Adopt the suggested allocation", "採用建議配置"),
        "adopt.lead": (
            "Adopting saves a new version of the plan with these changes. The current version stays in the history: restore it to undo.",
            "採用後會把以下變更存成計畫的新版本。目前的版本仍保留在歷史紀錄中，要復原時還原它即可。",
        ),
        "adopt.confirm": ("Adopt and save a new version", "採用並存成新版本"),
        "adopt.cancel": ("Back to the allocation", "回到建議配置"),
        "adopt.nothing": (
            "The plan already matches this allocation: there is nothing to adopt.",
            "計畫已經和這個配置一致，不需要採用。",
        ),
        "adopt.cannot": (
            "The optimiser found no allocation to adopt for this plan.",
            "最佳化沒有找到可以採用的配置。",
        ),
        "adopt.moved_on": (
            "The plan has a newer version since you opened this page; check the changes again.",
            "您打開這個頁面之後，計畫已經有新版本了；請再確認一次變更。",
        ),
        "adopt.proposal": ("Suggested allocation (not adopted yet)", "建議配置（尚未採用）"),
        "adopt.proposal_hint": (
            "The plan's own figures are elsewhere in this report; this is the optimiser's suggestion.",
            "本報告其他部分是計畫本身的數字；這裡是最佳化的建議。",
        ),
        "adopt.matches": ("The plan follows this allocation.", "計畫已採用此配置。"),
        "adopt.invalid": (
            "The allocation could not be adopted: {problem}",
            "無法採用這個配置：{problem}",
        ),
        "adopt.note": ("Adopted the suggested allocation: {changes}", "採用建議配置：{changes}"),
        "adopt.note_more": ("and {count} more", "另有 {count} 項"),
        "adopt.sep": ("; ", "；"),
        "adopt.change.drop": (
            "{tool}: left out (removed from the plan)",
            "{tool}：不納入（從計畫移除）",
        ),
        "adopt.change.plan": (
            "{tool}: plan changes from {before} to {after}",
            "{tool}：方案由 {before} 改為 {after}",
        ),
        "adopt.change.start": (
            "{tool}: start month changes from {before} to {after}",
            "{tool}：開始月份 由 {before} 改為 {after}",
        ),
        "adopt.change.training": (
            "Training: {amount} more, shared among {tools}",
            "訓練：增加 {amount}，平均分配給 {tools}",
        ),
        "adopt.change.privacy": (
            "Data and privacy: {amount} more, for {tools}",
            "資料與個資保護：增加 {amount}，編在 {tools}",
        ),
        "adopt.change.ad_spend": (
            "{channel}: monthly ad spend changes from {before} to {after}",
            "{channel}：每月廣告費 由 {before} 改為 {after}",
        ),
    }
)
