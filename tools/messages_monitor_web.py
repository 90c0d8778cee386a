"""Messages of the web pages of step 5 (actuals, imports, the review): id -> (en, zh-TW)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "monitor.web.step": ("Actuals and review", "實際數與檢討"),
    "monitor.web.actuals_title": ("Monthly actuals", "每月實際數"),
    "monitor.web.actuals_lead": (
        "Record what was spent and what it brought each month; the review compares it "
        "with the approved plan.",
        "每月記錄實際花費與成效，檢討頁會與核准的計畫比較。",
    ),
    "monitor.web.review_title": ("Quarterly review", "季度檢討"),
    "monitor.web.recorded_title": ("Recorded months", "已記錄的月份"),
    "monitor.web.no_actuals": (
        "No actuals yet: enter a month below or import a file.",
        "尚無實際數：請在下方輸入一個月，或匯入檔案。",
    ),
    "monitor.web.spent": ("Spent", "已支出"),
    "monitor.web.committed": ("Planned or committed", "預計或已承諾"),
    "monitor.web.records": ("Records", "筆數"),
    "monitor.web.entry_title": ("Enter a month", "輸入一個月的實際數"),
    "monitor.web.status_planned": ("Planned", "預計"),
    "monitor.web.status_committed": ("Committed", "已承諾"),
    "monitor.web.status_spent": ("Spent", "已支出"),
    "monitor.web.field_amount": ("Amount", "金額"),
    "monitor.web.field_hours_saved": ("Hours saved", "節省工時"),
    "monitor.web.field_seats": ("Seats", "席次"),
    "monitor.web.field_active_users": ("Active users", "實際使用人數"),
    "monitor.web.field_feedback": ("Team feedback (1-5)", "團隊回饋（1-5）"),
    "monitor.web.field_kpi_value": ("KPI value", "KPI 數值"),
    "monitor.web.replace": (
        "Replace my earlier entry for the same month, tool, line and status",
        "取代同月份、同工具、同項目與狀態的先前紀錄",
    ),
    "monitor.web.save_entry": ("Save the month", "儲存"),
    "monitor.web.saved": (
        "Records saved: {added}; already there: {present}; replaced: {replaced}.",
        "已儲存 {added} 筆，{present} 筆原本就有，取代 {replaced} 筆。",
    ),
    "monitor.web.bad_number": (
        'Enter a number, e.g. 1600 or 1,600 (got "{value}").',
        "請輸入數字，例如 1600 或 1,600（目前為「{value}」）。",
    ),
    "monitor.web.out_of_range": (
        "Enter a whole number from {low} to {high}.",
        "請輸入 {low} 到 {high} 之間的整數。",
    ),
    "monitor.web.unknown_tool": ("Choose a tool of this plan.", "請選擇此計畫中的工具。"),
    "monitor.web.unknown_choice": ("Choose one of the options.", "請從選項中選擇。"),
    "monitor.web.need_line": (
        "Choose the budget line this amount belongs to.",
        "請選擇這筆金額所屬的預算項目。",
    ),
    "monitor.web.kpi_pair": (
        "A KPI value needs its KPI, and a KPI needs a value.",
        "KPI 與 KPI 數值需要一起填寫。",
    ),
    "monitor.web.note_too_long": (
        "Keep the note under {max} characters.",
        "備註請少於 {max} 個字。",
    ),
    "monitor.web.nothing_entered": (
        "Enter at least an amount, hours saved, seats, feedback, a KPI value or a note.",
        "請至少填寫金額、節省工時、席次、回饋、KPI 數值或備註其中一項。",
    ),
    "monitor.web.conflict": (
        "There is already a different entry for this month, tool, line and status. Tick "
        "“replace” to overwrite it.",
        "同月份、同工具、同項目與狀態已有不同的紀錄。如要覆蓋，請勾選「取代」。",
    ),
    "monitor.web.entries_title": ("Entries by month", "各月份的紀錄"),
    "monitor.web.entries_lead": (
        "Something wrong? Correct an entry, or delete it if it should not be there.",
        "有地方不對嗎？可以更正紀錄，或刪除不該出現的紀錄。",
    ),
    "monitor.web.entry_count": ("{count} entries", "{count} 筆"),
    "monitor.web.field_benefit": ("Other benefits", "其他效益"),
    "monitor.web.reference": ("Reference", "參考編號"),
    "monitor.web.feedback_value": ("Team feedback {value} of 5", "團隊回饋 {value} 分（滿分 5）"),
    "monitor.web.source_manual": ("Typed in", "手動輸入"),
    "monitor.web.source_file": ("Imported from {file}", "匯入自 {file}"),
    "monitor.web.correct": ("Correct", "更正"),
    "monitor.web.delete": ("Delete", "刪除"),
    "monitor.web.correct_title": ("Correct an entry", "更正一筆紀錄"),
    "monitor.web.correct_heading": ("What it should say", "正確的內容"),
    "monitor.web.correct_lead": (
        "Change what is wrong and save. This entry is replaced; nothing else changes.",
        "修改不對的地方後儲存。只會取代這一筆紀錄，其他資料不受影響。",
    ),
    "monitor.web.save_correction": ("Save the correction", "儲存更正"),
    "monitor.web.delete_this": ("Delete this entry instead", "改為刪除這筆紀錄"),
    "monitor.web.delete_title": ("Delete this entry?", "要刪除這筆紀錄嗎？"),
    "monitor.web.delete_lead": (
        "Once deleted, this entry no longer counts in the review. Nothing else changes.",
        "刪除後，這筆紀錄不會再計入檢討，其他資料不受影響。",
    ),
    "monitor.web.delete_confirm": ("Yes, delete it", "確定刪除"),
    "monitor.web.keep": ("No, keep it", "不刪除，保留"),
    "monitor.web.corrected": ("The entry was corrected.", "已更正這筆紀錄。"),
    "monitor.web.unchanged": (
        "Nothing was different, so nothing was changed.",
        "內容沒有不同，所以沒有做任何變更。",
    ),
    "monitor.web.deleted": ("The entry was deleted.", "已刪除這筆紀錄。"),
    "monitor.web.correction_conflict": (
        "There is already another entry for this month, tool, line and status. Correct or "
        "delete that one instead.",
        "同月份、同工具、同項目與狀態已經有另一筆紀錄，請改為更正或刪除那一筆。",
    ),
    "audit.actuals.entered": ("monthly actuals entered", "輸入每月實際數"),
    "audit.actuals.imported": ("actuals imported from a file", "從檔案匯入實際數"),
    "audit.actuals.corrected": ("an actuals entry corrected", "更正一筆實際數"),
    "audit.actuals.deleted": ("an actuals entry deleted", "刪除一筆實際數"),
    "audit.imports.settings": ("import columns remembered", "記住匯入欄位設定"),
    "monitor.web.import_title": ("Import a file", "匯入檔案"),
    "monitor.web.import_lead": (
        "The aibudget template (CSV or XLSX), Google Ads, Meta Ads or GA4 exports. You "
        "see a preview first; nothing is saved until you confirm.",
        "支援 aibudget 範本（CSV 或 XLSX）、Google Ads、Meta 廣告與 GA4 匯出檔。會先顯示"
        "預覽，確認後才會儲存。",
    ),
    "monitor.web.template_link": ("Download the template (CSV)", "下載範本（CSV）"),
    "monitor.web.file": ("File", "檔案"),
    "monitor.web.source": ("Source", "來源"),
    "monitor.web.source_is": ("Source: {source}", "來源：{source}"),
    "monitor.web.detect": ("Detect automatically", "自動判斷"),
    "monitor.web.ad_tool": ("Tool the ad spend belongs to", "廣告費所屬的工具"),
    "monitor.web.preview_button": ("Preview", "預覽"),
    "monitor.web.no_file": ("Choose a file to import.", "請選擇要匯入的檔案。"),
    "monitor.web.too_large": (
        "The file is larger than {max_mb} MB.",
        "檔案超過 {max_mb} MB。",
    ),
    "monitor.web.preview_title": ("Preview of {file}", "{file} 的預覽"),
    "monitor.web.format": ("Format", "格式"),
    "monitor.web.encoding": ("Encoding", "編碼"),
    "monitor.web.header_line": ("Header on line", "標題列位置"),
    "monitor.web.rows": ("Rows", "資料列"),
    "monitor.web.rows_value": (
        "{read} read, {used} used, {skipped} skipped",
        "讀取 {read} 列、使用 {used} 列、略過 {skipped} 列",
    ),
    "monitor.web.mapping": ("Columns used", "使用的欄位"),
    "monitor.web.problems_title": (
        (
            "{count} problem: nothing from this file will be saved.",
            "{count} problems: nothing from this file will be saved.",
        ),
        "有 {count} 個問題：這個檔案的資料都不會儲存。",
    ),
    "monitor.web.try_again": ("Fix the file and try again", "修正檔案後再試一次"),
    "monitor.web.preview_months": ("What the file holds", "檔案內容"),
    "monitor.web.would_add": (
        "Records to add: {added}; already saved and not counted twice: {present}.",
        "將新增 {added} 筆；另有 {present} 筆已經儲存過，不會重複計算。",
    ),
    "monitor.web.confirm_button": (
        "Confirm and save (records: {records})",
        "確認並儲存 {records} 筆",
    ),
    "monitor.web.cancel": ("Cancel", "取消"),
    "monitor.web.import_conflict": (
        "{month} {tool} {what}: different figures were imported before. Tick “replace” to "
        "replace them.",
        "{month} {tool} {what}：先前已匯入不同的數字。如要取代，請勾選「取代」。",
    ),
    "monitor.web.compared_with": (
        "Compared with version {number} ({status}).",
        "比較基準：第 {number} 版（{status}）。",
    ),
    "monitor.web.as_of": ("Review month", "檢討月份"),
    "monitor.web.show": ("Show", "顯示"),
    "monitor.web.review_empty": (
        "The review needs at least one month of actuals.",
        "檢討需要至少一個月的實際數。",
    ),
    "monitor.web.forecast": ("Forecast", "預測"),
    "monitor.web.chart_costs": (
        "Monthly costs: plan, forecast and actual",
        "每月成本：計畫、預測與實際",
    ),
    "monitor.web.chart_benefits": (
        "Monthly benefits: plan, forecast and actual",
        "每月效益：計畫、預測與實際",
    ),
    "monitor.web.milestones": ("Milestones", "值得慶祝的里程碑"),
    "monitor.web.recommendations": ("Recommendations per tool", "各工具建議"),
    "monitor.web.reasons": ("Why", "原因"),
    "monitor.web.adoption": ("Seats in use", "席次使用率"),
    "monitor.web.kpis": ("KPI attainment", "KPI 達成"),
    "monitor.web.latest_target": ("Latest / target", "最新 / 目標"),
    "monitor.web.accept": ("Accept as a new plan version", "接受並存成新版本"),
    "monitor.web.reject": ("Reject", "不採用"),
    "monitor.web.owner_decides": (
        "The workspace owner accepts or rejects this proposal.",
        "由工作區擁有者決定是否採用此提案。",
    ),
    "monitor.web.rejected": (
        "Proposal rejected; the plan is unchanged.",
        "已不採用此提案，計畫維持不變。",
    ),
    "monitor.web.accepted_note": (
        "Reallocation accepted at the {month} review (from version {number})",
        "於 {month} 檢討時採用重新分配提案（依據第 {number} 版）",
    ),
    "monitor.web.proposal_changed": (
        "The proposal changed since you opened the review (new actuals or a new version). "
        "Look at it again before deciding.",
        "開啟檢討頁之後提案已改變（有新的實際數或新版本），請重新檢視後再決定。",
    ),
}
