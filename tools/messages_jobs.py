"""Messages of background work: the nightly check and its alerts, the consultant's
overview, reminder and reset e-mails, reports made off the request, and the worker and
scheduler commands. Each entry: message id -> (English, Traditional Chinese)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the nightly check on the plan page ---------------------------------------------
    "jobs.check.title": ("Nightly check", "每晚自動檢查"),
    "jobs.check.last": (
        "Last checked: {when} ({zone}), version {number}.",
        "上次檢查：{when}（{zone}），第 {number} 版。",
    ),
    "jobs.check.never": (
        "Not checked yet. Live and approved plans are checked every night; you can also check now.",
        "還沒有檢查過。執行中或已核准的計畫每晚都會自動檢查，您也可以立即檢查。",
    ),
    "jobs.check.only_live": (
        "Only live or approved plans are checked. Mark a version as live to have it "
        "watched every night.",
        "只有執行中或已核准的計畫會被檢查。將某一版標為「執行中」，系統就會每晚幫您檢查。",
    ),
    "jobs.check.figures": (
        "Expected net present value {npv}, return on investment {roi}.",
        "預期淨現值 {npv}，投資報酬率 {roi}。",
    ),
    "jobs.check.no_alerts": ("Nothing needs your attention.", "目前沒有需要您注意的事項。"),
    "jobs.check.alerts": ("Needs your attention", "需要您注意"),
    "jobs.check.now": ("Check now", "立即檢查"),
    "jobs.check.queued": (
        "The check is under way; reload this page in a moment to see it.",
        "檢查已開始，請稍後重新整理本頁查看結果。",
    ),
    "jobs.check.done": ("Checked just now.", "剛剛檢查完成。"),
    "jobs.alert.below_plan": (
        "{tool} brings far less than planned: {share} of the planned benefit so far.",
        "{tool} 的效益遠低於計畫：目前只有計畫效益的 {share}。",
    ),
    "jobs.alert.over_plan": (
        "{tool} has cost {spent} so far, more than the {planned} planned.",
        "{tool} 到目前已花費 {spent}，超過計畫的 {planned}。",
    ),
    "jobs.alert.review_due": (
        "{months} months since the plan started: the review is due.",
        "計畫開始已經 {months} 個月，該做季度檢討了。",
    ),
    "jobs.alert.price_stale": (
        "The price of {tool} was seen on {as_of}, {months} months ago; check what it costs today.",
        "{tool} 的價格是 {as_of} 查到的，已經 {months} 個月了，請確認目前的價格。",
    ),
    "jobs.failed.check": (
        "The nightly check of this plan failed several times in a row. It is tried again "
        "tonight; if this stays, tell whoever runs aibudget for you.",
        "這份計畫的每晚檢查連續失敗多次。今晚會再試一次；如果一直如此，請告知幫您管理 aibudget 的人。",
    ),
    "jobs.failed.mail": (
        "The e-mail could not be sent after several tries.",
        "電子郵件嘗試多次仍無法寄出。",
    ),
    "jobs.failed.report": (
        "The report could not be made after several tries. Try again, or download it directly.",
        "報告嘗試多次仍無法製作完成。請再試一次，或直接下載。",
    ),
    "jobs.mail_not_configured": (
        "No mail server is set up for this installation, so no e-mail can be sent.",
        "這套系統尚未設定寄信伺服器，因此無法寄出電子郵件。",
    ),
    # --- the consultant's overview ------------------------------------------------------
    "jobs.overview.title": ("All workspaces", "所有工作區總覽"),
    "jobs.overview.lead": (
        "Every workspace you belong to, each live plan with its last nightly check and "
        "what needs attention.",
        "您所屬的每個工作區，以及每份執行中計畫的最近一次檢查與需要注意的事項。",
    ),
    "jobs.overview.plan": ("Plan", "計畫"),
    "jobs.overview.last_check": ("Last check", "上次檢查"),
    "jobs.overview.open_alerts": ("Needs attention", "需要注意"),
    "jobs.overview.no_plans": ("No live or approved plans.", "沒有執行中或已核准的計畫。"),
    "jobs.overview.not_yet": ("Not checked yet", "尚未檢查"),
    "jobs.overview.link": ("Overview", "總覽"),
    # --- e-mail settings on the account page --------------------------------------------
    "jobs.account.mail_title": ("Reminder e-mails", "提醒信"),
    "jobs.account.mail_lead": (
        "On the 1st of each month a reminder to enter last month's actuals, and each "
        "quarter a reminder that the review is due.",
        "每月 1 日提醒您輸入上個月的實際數字，每季提醒您做檢討。",
    ),
    "jobs.account.reminders": ("Send me reminder e-mails", "寄提醒信給我"),
    "jobs.account.save": ("Save", "儲存"),
    "jobs.account.on": ("Reminder e-mails are on.", "提醒信已開啟。"),
    "jobs.account.off": ("Reminder e-mails are off.", "提醒信已關閉。"),
    # --- password reset -----------------------------------------------------------------
    "jobs.reset.forgot": ("Forgot your password?", "忘記密碼？"),
    "jobs.reset.ask_title": ("Reset your password", "重設密碼"),
    "jobs.reset.ask_lead": (
        "Enter the e-mail address you sign in with; we send a link to set a new password.",
        "請輸入您登入用的電子郵件地址，我們會寄出設定新密碼的連結。",
    ),
    "jobs.reset.email": ("E-mail", "電子郵件"),
    "jobs.reset.send": ("Send the link", "寄出連結"),
    "jobs.reset.sent": (
        "If an account uses this address, a link to set a new password is on its way. "
        "It works once, for {minutes} minutes.",
        "如果有帳號使用這個地址，設定新密碼的連結已經寄出。連結只能使用一次，{minutes} 分鐘內有效。",
    ),
    "jobs.reset.set_title": ("Set a new password", "設定新密碼"),
    "jobs.reset.password": ("New password", "新密碼"),
    "jobs.reset.save": ("Save the new password", "儲存新密碼"),
    "jobs.reset.invalid": (
        "This link no longer works: it was used already or it expired. Ask for a new one.",
        "這個連結已經失效：可能已經使用過或已過期。請重新申請。",
    ),
    "jobs.reset.done": (
        "Your password is changed. Sign in with the new one.",
        "密碼已經更新，請用新密碼登入。",
    ),
    "jobs.reset.email_missing": ("Enter an e-mail address.", "請輸入電子郵件地址。"),
    # --- the e-mails --------------------------------------------------------------------
    "jobs.mail.greeting": ("Hello {name},", "{name} 您好："),
    "jobs.mail.actuals_subject": (
        "aibudget: enter your actuals ({period})",
        "aibudget：請輸入實際數字（{period}）",
    ),
    "jobs.mail.actuals_intro": (
        "A new month has begun ({period}). Enter what each tool cost and brought last "
        "month, so that your plan stays honest:",
        "新的月份開始了（{period}）。請輸入上個月每項工具的花費與成效，讓您的計畫保持準確：",
    ),
    "jobs.mail.actuals_line": ("{plan} ({workspace}):", "{plan}（{workspace}）："),
    "jobs.mail.review_subject": (
        "aibudget: your quarterly review is due ({period})",
        "aibudget：該做季度檢討了（{period}）",
    ),
    "jobs.mail.review_intro": (
        "A new quarter has begun ({period}). Review your plan: see which tools work, and "
        "move money from weak tools to strong ones:",
        "新的一季開始了（{period}）。請檢討您的計畫：看看哪些工具有效，把預算從效果差的工具移到效果好的工具：",
    ),
    "jobs.mail.review_line": ("{plan} ({workspace}):", "{plan}（{workspace}）："),
    "jobs.mail.opt_out": (
        "You get this e-mail because reminders are on. To turn them off:",
        "您收到這封信，是因為您開啟了提醒信。若要關閉：",
    ),
    "jobs.mail.reset_subject": ("aibudget: set a new password", "aibudget：設定新密碼"),
    "jobs.mail.reset_intro": (
        "Someone (we hope you) asked to set a new password for your account. Open this "
        "link within {minutes} minutes; it works once:",
        "有人（希望是您本人）申請為您的帳號設定新密碼。請在 {minutes} 分鐘內開啟以下連結，連結只能使用一次：",
    ),
    "jobs.mail.reset_ignore": (
        "If you did not ask for this, ignore this e-mail: your password stays as it is.",
        "如果不是您本人申請，請忽略這封信，您的密碼不會改變。",
    ),
    # --- reports made off the request ---------------------------------------------------
    "jobs.report.title": ("Report", "報告"),
    "jobs.report.make": ("Make the {fmt} report in the background", "在背景製作 {fmt} 報告"),
    "jobs.report.waiting": ("Waiting for its turn…", "排隊等候中…"),
    "jobs.report.progress": (
        "Making the report: {percent} done.",
        "報告製作中：已完成 {percent}。",
    ),
    "jobs.report.ready": ("The report is ready.", "報告已經完成。"),
    "jobs.report.download": ("Download", "下載"),
    "jobs.report.back": ("Back to the plan", "回到計畫"),
    # --- the commands -------------------------------------------------------------------
    "jobs.cli.in_process": (
        "Jobs run in-process here (AIBUDGET_JOBS_IN_PROCESS is true): a worker has "
        "nothing to do. Set it to false and AIBUDGET_BROKER_URL to your Redis.",
        "目前工作在程序內執行（AIBUDGET_JOBS_IN_PROCESS 為 true），背景工作程序沒有事可做。"
        "請將它設為 false，並把 AIBUDGET_BROKER_URL 設為您的 Redis。",
    ),
    "jobs.cli.scheduler": (
        "Scheduler running: plan checks every night at {hour}:00 ({zone}); Ctrl-C stops it.",
        "排程器執行中：每晚 {hour}:00（{zone}）檢查計畫；按 Ctrl-C 停止。",
    ),
    "jobs.cli.checked": (
        "Every live and approved plan is checked.",
        "所有執行中與已核准的計畫都檢查完成。",
    ),
    "jobs.cli.enqueued": (
        "The checks are on the queue; the workers run them.",
        "檢查已排入佇列，由背景工作程序執行。",
    ),
}
