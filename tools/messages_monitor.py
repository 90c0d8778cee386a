"""Messages of step 5 (actuals, imports, review): id -> (English, Traditional Chinese)."""

from __future__ import annotations

_LINES = {
    "subscription": ("Subscription", "訂閱費"),
    "integration": ("Setup and integration", "導入與整合"),
    "training": ("Training", "教育訓練"),
    "data_privacy": ("Data and privacy", "資料處理與隱私"),
    "reserve": ("Reserve", "預備金"),
    "advice": ("Outside advice", "外部顧問"),
    "internal_time": ("Internal time", "內部工時"),
    "maintenance": ("Maintenance", "維護"),
    "other": ("Other (incl. ad spend)", "其他（含廣告費）"),
}

MESSAGES: dict[str, tuple[str, str]] = {
    # Import problems (each shown with file:line)
    "import.bad_cell": (
        'Column "{column}": "{value}" — {reason}',
        "欄位「{column}」：「{value}」— {reason}",
    ),
    "import.reason.not_a_date": (
        "not a date (use 2026/01/05, 2026-01-05 or 115/01/05)",
        "不是日期（請用 2026/01/05、2026-01-05 或 115/01/05）",
    ),
    "import.reason.not_a_number": ("not a number", "不是數字"),
    "import.reason.unknown_line": (
        "unknown line item (subscription, integration, training, data_privacy, reserve, "
        "advice, internal_time, maintenance, other)",
        "未知的預算項目（訂閱、導入、教育訓練、資料與隱私、預備金、顧問、內部工時、維護、其他）",
    ),
    "import.reason.unknown_status": (
        "unknown status (planned, committed or spent)",
        "未知的狀態（規劃、已承諾或已支出）",
    ),
    "import.currency_mismatch": (
        "The file is in {found} but the plan is in {expected}; nothing was imported. "
        "Export the report in {expected} or convert it first.",
        "檔案幣別為 {found}，但計畫幣別為 {expected}，未匯入任何資料。"
        "請以 {expected} 匯出報表或先行換算。",
    ),
    "import.decode_error": (
        "This line cannot be read as {encoding}: the file seems to mix encodings. "
        "Save it again as UTF-8.",
        "此行無法以 {encoding} 讀取：檔案似乎混用了多種編碼，請重新另存為 UTF-8。",
    ),
    "import.mixed_encodings": (
        "The file mixes encodings (line {utf8_line} is UTF-8, line {cp950_line} is Big5/cp950). "
        "Save it again as UTF-8.",
        "檔案混用了編碼（第 {utf8_line} 行是 UTF-8，第 {cp950_line} 行是 Big5/cp950），"
        "請重新另存為 UTF-8。",
    ),
    "import.duplicate_row": (
        "This row repeats line {first} exactly; remove one of them.",
        "此列與第 {first} 行完全相同，請刪除其中一列。",
    ),
    "import.duplicate_key": (
        "Same month, tool, line item and status as line {first}; add them up or give each "
        "a reference.",
        "月份、工具、預算項目與狀態都與第 {first} 行相同；請合併金額或各填參考編號。",
    ),
    "import.empty": ("The file is empty.", "檔案是空的。"),
    "import.csv_error": (
        "The text cannot be split into columns here ({detail}).",
        "此處的文字無法分成欄位（{detail}）。",
    ),
    "import.no_rows": ("The file has a header but no data rows.", "檔案只有標題列，沒有資料。"),
    "import.no_rows_unknown": (
        "No row has a value in a known column. Columns not recognised: {columns}. "
        "Name them with --map field=Header (e.g. --map amount=花費).",
        "沒有任何一列在可辨識的欄位中有數值。無法辨識的欄位：{columns}。"
        "請用 --map 欄位=標題 指定（例如 --map amount=花費）。",
    ),
    "import.header_not_found": (
        "No known header row found. Columns in the file: {columns}. Closest known names: "
        "{closest}. A header needs columns such as: {expected}. Rename the columns, or "
        "name them with --format and --map field=Header.",
        "找不到可辨識的標題列。檔案中的欄位：{columns}。最接近的已知欄位名稱：{closest}。"
        "標題列需要的欄位例如：{expected}。請修改欄位名稱，或用 --format 和 --map 欄位=標題 指定。",
    ),
    "import.cut_off.line": (
        "This last line has no line end: the file seems cut off (a download or copy that "
        "stopped), so nothing was imported. Download or export the file again. If the file "
        "is complete, open it and save it again so that its last line ends properly.",
        "這最後一行沒有換行結尾：檔案似乎不完整（下載或複製中斷），所以沒有匯入任何資料。"
        "請重新下載或匯出檔案。如果檔案其實是完整的，請打開後重新存檔，讓最後一行正常結束。",
    ),
    "import.cut_off.character": (
        "The file ends in the middle of a character: it seems cut off (a download or copy "
        "that stopped), so nothing was imported. Download or export the file again.",
        "檔案在一個字元的中間就結束了：檔案似乎不完整（下載或複製中斷），所以沒有匯入任何資料。"
        "請重新下載或匯出檔案。",
    ),
    "import.not_tabular": (
        "This is not a CSV/TSV text file or an XLSX workbook.",
        "這不是 CSV/TSV 文字檔或 XLSX 活頁簿。",
    ),
    "import.unknown_encoding": ('Unknown encoding "{encoding}".', "未知的編碼「{encoding}」。"),
    "import.unreadable": ("Cannot read {file}: {detail}", "無法讀取 {file}：{detail}"),
    "import.no_day": (
        "No date on this row and the report period is not a single month: export with the "
        "Day segment (breakdown by day).",
        "此列沒有日期，且報表期間不只一個月：請加上「天」區隔（依日細分）後再匯出。",
    ),
    "import.range_spans_months": (
        "The row covers {start} to {end}, more than one month: export with breakdown by day.",
        "此列涵蓋 {start} 至 {end}，超過一個月：請以「依日細分」匯出。",
    ),
    "import.files_failed": (
        "Nothing was imported because these files have problems: {files}",
        "以下檔案有問題，因此沒有匯入任何資料：{files}",
    ),
    "actuals.month_outside": (
        "{month} is outside this plan: it covers {first} to {last}. One-off set-up costs "
        "paid before the start can go in {setup}.",
        "{month} 不在這份計畫的期間內：這份計畫涵蓋 {first} 到 {last}。開始前付的一次性"
        "開辦費用，可以記在 {setup}。",
    ),
    "actuals.negative_amount": (
        "An amount can't be negative. For a refund or a smaller bill, correct that month's "
        "entry to what you actually paid.",
        "金額不能是負數。如果有退款或帳單變少，請更正那個月的紀錄，改成實際付出的金額。",
    ),
    "actuals.negative_hours": (
        "Hours saved can't be negative; enter 0 if no time was saved.",
        "節省工時不能是負數；如果沒有省下時間，請填 0。",
    ),
    "actuals.feedback_range": (
        "Team feedback is a score from 1 to 5.",
        "團隊回饋請填 1 到 5 分。",
    ),
    "actuals.entry_gone": (
        "This entry was changed or deleted by someone else in the meantime, so nothing was "
        "changed. Look at the entries as they are now and try again.",
        "這筆紀錄剛剛已被其他人更改或刪除，所以這次沒有做任何變更。請看看目前的紀錄，再試一次。",
    ),
    "actuals.conflict": (
        "{month} {tool} {what}: already imported with different figures; "
        "use --replace to replace the earlier figures.",
        "{month} {tool} {what}：先前已匯入不同的數字；如要取代請加上 --replace。",
    ),
    "review.currency_mismatch": (
        "The actuals are in {found} but the plan is in {expected}.",
        "實際數的幣別為 {found}，但計畫為 {expected}。",
    ),
    "review.invalid": ("The actuals cannot be reviewed.", "無法檢討這些實際數。"),
    "review.proposal_pending": (
        "Reallocation proposal: not available yet (it needs the optimiser re-run with the "
        "updated estimates).",
        "重新分配建議：尚未提供（需要以更新後的估計重新執行最佳化）。",
    ),
    # CLI
    "monitor.preview": (
        "{format}, {encoding} ({method}); {read} rows read, {used} used, {skipped} skipped; "
        "{records} records",
        "{format}，{encoding}（{method}）；讀取 {read} 列、使用 {used} 列、略過 {skipped} 列；"
        "{records} 筆紀錄",
    ),
    "monitor.format.template": ("aibudget template", "aibudget 範本"),
    "monitor.format.google_ads": ("Google Ads report", "Google Ads 報表"),
    "monitor.format.meta_ads": ("Meta Ads report", "Meta 廣告報表"),
    "monitor.format.ga4": ("GA4 report", "GA4 報表"),
    "monitor.neutralised": (
        (
            "{count} cell looked like a spreadsheet formula and was kept as text.",
            "{count} cells looked like spreadsheet formulas and were kept as text.",
        ),
        "有 {count} 個儲存格看起來像試算表公式，已改存為純文字。",
    ),
    "monitor.more_problems": (
        ("… and {count} more problem.", "… and {count} more problems."),
        "…… 另有 {count} 個問題。",
    ),
    "monitor.imported": (
        "Records added: {added}, already present: {present}, replaced: {replaced} ({file})",
        "新增 {added} 筆、已存在 {present} 筆、取代 {replaced} 筆：{file}",
    ),
    "monitor.dry_run": (
        "Preview only — records that would be added: {added}; already present: {present}.",
        "僅預覽：將新增 {added} 筆，已存在 {present} 筆。",
    ),
    "monitor.nothing_written": (
        "Nothing was written: fix the problems above and import again.",
        "沒有寫入任何資料：請修正上列問題後再匯入。",
    ),
    "monitor.unknown_tool": (
        'This plan has no tool "{tool}", so nothing was imported. Use --tool with one of '
        "the plan's tools: {tools}.",
        "這份計畫沒有「{tool}」這項工具，所以沒有匯入任何資料。"
        "請在 --tool 後面填計畫裡的工具之一：{tools}。",
    ),
    "monitor.actuals_unreadable": (
        "{file} is not an aibudget actuals file.",
        "{file} 不是 aibudget 實際數檔案。",
    ),
    "monitor.bad_month": (
        'Write the month as YYYY-MM (got "{value}").',
        "月份請寫成 YYYY-MM（目前為「{value}」）。",
    ),
    "monitor.ignored": (
        (
            "{count} record dated outside the plan's horizon was ignored.",
            "{count} records dated outside the plan's horizon were ignored.",
        ),
        "有 {count} 筆紀錄的月份不在計畫期間內，已略過。",
    ),
    "monitor.template_written": (
        "Template written to {file} ({rows} pre-filled rows).",
        "已寫出範本 {file}（預填 {rows} 列）。",
    ),
    "monitor.review_title": (
        "{company}: review of {month} ({months} months in)",
        "{company}：{month} 檢討（已進行 {months} 個月）",
    ),
    "monitor.tools_title": ("Tools: plan, forecast and actual", "各工具：計畫、預測與實際"),
    "monitor.spent": ("Spent to date", "累計支出"),
    "monitor.realised": ("Benefits to date", "累計效益"),
    "monitor.realised_roi": ("Realised ROI to date", "至今實現投資報酬率"),
    "monitor.unrecorded": (
        "Not recorded yet: {amount} planned to date (counted at the plan's figures in the ROI)",
        "尚未記錄：同期計畫中還有 {amount}（投資報酬率先以計畫金額計算）",
    ),
    "monitor.attainment_words": (
        "Benefits so far point to about {pct} of the original estimate",
        "實際效益約為原估計的 {pct}",
    ),
    "monitor.plan_to_date": ("plan to date", "同期計畫"),
    "monitor.plan_npv": ("Plan NPV", "計畫淨現值"),
    "monitor.forecast_npv": ("Forecast NPV", "預測淨現值"),
    "monitor.attainment": ("Vs plan", "達成率"),
    "monitor.recommendation": ("Recommendation", "建議"),
    "monitor.variance_title": ("Budget lines to date", "各預算項目至今"),
    "monitor.line": ("Line item", "預算項目"),
    "monitor.plan": ("Plan", "計畫"),
    "monitor.actual": ("Actual", "實際"),
    "monitor.variance": ("Variance", "差異"),
    "monitor.forecast": ("Forecast (horizon)", "預測（全期）"),
    "monitor.action.scale_up": ("Scale up", "擴大投入"),
    "monitor.action.keep": ("Keep", "維持"),
    "monitor.action.improve": ("Improve (training or strategy)", "改善（教育訓練或調整策略）"),
    "monitor.action.replace": ("Replace", "更換工具"),
    "monitor.action.stop": ("Stop", "停止"),
    "monitor.reason.too_early": ("too early to judge", "資料還太少"),
    "monitor.reason.no_benefit_data": ("no benefits recorded yet", "尚未記錄效益"),
    "monitor.reason.below_plan": ("benefits below plan", "效益低於計畫"),
    "monitor.reason.above_plan": ("benefits above plan", "效益高於計畫"),
    "monitor.reason.negative_forecast": ("forecast NPV negative", "預測淨現值為負"),
    "monitor.reason.positive_forecast": ("forecast NPV positive", "預測淨現值為正"),
    "monitor.reason.low_adoption": ("few seats in use", "實際使用人數偏低"),
    "monitor.reason.low_feedback": ("team feedback low", "團隊回饋偏低"),
    "monitor.reason.over_budget": ("spending over plan", "支出超出計畫"),
    "monitor.reason.on_plan": ("on plan", "符合計畫"),
    "monitor.kpi.reached": ("target reached", "已達標"),
    "monitor.kpi.on_track": ("on track", "進度正常"),
    "monitor.kpi.behind": ("behind", "落後"),
    "monitor.kpi.no_data": ("no data yet", "尚無資料"),
    "monitor.kpi.no_target": ("no target set", "未設定目標"),
    "monitor.milestone.first_10_hours": (
        "Your first 10 hours saved ({hours} hours so far)!",
        "首度累積節省 10 小時（目前已 {hours} 小時）！",
    ),
    "monitor.milestone.first_month_in_black": (
        "First month in the black!",
        "第一個月效益超過成本！",
    ),
    "monitor.milestone.break_even": ("Break-even reached!", "已經回本！"),
    "monitor.milestone.kpi_target_reached": (
        "KPI target of goal {goal} reached!",
        "目標「{goal}」的 KPI 已達標！",
    ),
    **{f"monitor.line.{k}": v for k, v in _LINES.items()},
}
