"""Messages of confidence by practice (learning log, sharing agenda, tool comparison,
the existing stack, small wins, outside help) and of the worries answered on result
pages: id -> (English, Traditional Chinese)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # the learning log
    "practice.log_title": ("Team learning log", "團隊學習紀錄"),
    "practice.log_lead": (
        "Write down what someone tried with a tool, how much time it saved and a tip for the "
        "others. A few lines a week are enough; once a month the team shares them in ten minutes.",
        "記下誰用工具試了什麼、省下多少時間，以及給同事的小訣竅。每週幾句就夠了；每個月團隊花十分鐘一起分享。",
    ),
    "practice.add_title": ("Add what you tried", "記下這次的嘗試"),
    "practice.add": ("Save to the log", "存入紀錄"),
    "practice.added": ("Saved to the learning log.", "已存入學習紀錄。"),
    "practice.form_problems": (
        "Please check the marked fields; nothing was saved yet.",
        "請檢查標示的欄位；目前尚未儲存任何內容。",
    ),
    "practice.field.tool": ("Tool", "工具"),
    "practice.field.who": ("Who tried it", "誰試用的"),
    "practice.field.on": ("Day", "日期"),
    "practice.field.minutes_saved": ("Minutes saved", "省下幾分鐘"),
    "practice.field.tried": ("What was tried", "試了什麼"),
    "practice.field.tried_example": (
        "e.g. wrote this week's three Instagram posts with it",
        "例如：用它寫好本週三篇 Instagram 貼文",
    ),
    "practice.field.tip": ("A tip for the others", "給同事的小訣竅"),
    "practice.field.tip_example": (
        "e.g. give it last month's best post as an example first",
        "例如：先給它上個月反應最好的貼文當範例",
    ),
    "practice.entries_title": ("What the team tried", "團隊的嘗試"),
    "practice.no_entries": (
        "Nothing written down yet. The first entry can be as small as one message answered faster.",
        "還沒有任何紀錄。第一筆可以很小，例如更快回覆了一則訊息。",
    ),
    "practice.no_tools": (
        "The plan has no tools yet: add one first, then the team can log what they try with it.",
        "計畫還沒有工具：先加入一個工具，團隊就能記錄使用心得。",
    ),
    "practice.minutes": ("{minutes} minutes saved", "省下 {minutes} 分鐘"),
    "practice.saved_minutes": ("saved {minutes} min", "省下 {minutes} 分鐘"),
    "practice.tip_label": ("Tip: ", "訣竅："),
    "practice.removed_tool": ("a tool no longer in the plan", "已從計畫移除的工具"),
    "practice.error.tool": ("Choose one of the plan's tools.", "請選擇計畫中的一個工具。"),
    "practice.error.required": ("Please fill this in.", "請填寫這一欄。"),
    "practice.error.too_long": ("At most {max} characters.", "最多 {max} 個字。"),
    "practice.error.minutes": (
        "Minutes as a whole number from 0 to {max}.",
        "請填 0 到 {max} 之間的整數分鐘數。",
    ),
    "practice.error.day": (
        "A day as YYYY-MM-DD, no later than today ({today}).",
        "請用「年-月-日」填寫日期，且不晚於今天（{today}）。",
    ),
    "practice.error.entry_invalid": (
        (
            "The entry has {count} problem; nothing was saved.",
            "The entry has {count} problems; nothing was saved.",
        ),
        "這筆紀錄有 {count} 個問題，沒有儲存任何內容。",
    ),
    # the monthly sharing agenda
    "practice.agenda_title": ("Monthly 10-minute sharing", "每月 10 分鐘分享會"),
    "practice.agenda_lead": (
        "The agenda for {month}, made from the learning log. Read it out together; ten minutes.",
        "{month} 的議程，由學習紀錄整理而成。大家一起看，十分鐘就好。",
    ),
    "practice.agenda.tried": ("What we tried ({minutes} min)", "這個月試了什麼（{minutes} 分鐘）"),
    "practice.agenda.tips": (
        "Tips worth keeping ({minutes} min)",
        "值得留下的訣竅（{minutes} 分鐘）",
    ),
    "practice.agenda.top": (
        "The tool that saved the most time ({minutes} min)",
        "最省時間的工具（{minutes} 分鐘）",
    ),
    "practice.agenda.question": (
        "One question to discuss ({minutes} min)",
        "一起討論一個問題（{minutes} 分鐘）",
    ),
    "practice.agenda.nothing": ("Nothing logged this month yet.", "這個月還沒有紀錄。"),
    "practice.agenda.no_tips": ("No tips written down this month.", "這個月還沒有人寫下訣竅。"),
    "practice.agenda.no_top": (
        "No minutes saved logged this month.",
        "這個月還沒有記錄省下的時間。",
    ),
    "practice.agenda.top_tool": (
        "{tool}: {minutes} minutes saved this month.",
        "{tool}：這個月共省下 {minutes} 分鐘。",
    ),
    "practice.question.top": (
        "What made {tool} save the most time, and who else in the team could use it the same way?",
        "{tool} 為什麼最省時間？團隊裡還有誰可以用同樣的方式使用它？",
    ),
    "practice.question.no_minutes": (
        "Which task took longer than hoped, and what small change would help next month?",
        "哪件事比預期花更多時間？下個月做什麼小調整會有幫助？",
    ),
    "practice.question.none": (
        "Which one small, everyday task will each of us try with a tool before the next sharing?",
        "下次分享前，每個人要用工具試做哪一件日常小事？",
    ),
    # the review: the log beside the recorded hours
    "practice.review_title": ("Learning log beside the hours recorded", "學習紀錄與記錄的節省時數"),
    "practice.review_hours": ("Hours saved recorded", "記錄的節省時數"),
    "practice.review_minutes": ("Logged by the team", "團隊記下的節省時間"),
    "practice.review_entries": ("Entries", "紀錄筆數"),
    "practice.hours_value": ("{hours} h", "{hours} 小時"),
    "practice.review_link": ("Open the learning log", "打開學習紀錄"),
    # the tool comparison
    "practice.compare_title": ("Compare the tools", "比較工具"),
    "practice.compare_lead": (
        "Choose how much each point matters to you; the ranking follows. Scores come from the "
        "catalog and the plan where known, and you can put your own.",
        "選擇每一項對您有多重要，排名會跟著更新。分數在有資料時取自工具目錄與計畫，您也可以自己打分數。",
    ),
    "practice.compare_saved": (
        "Saved as a new version of the plan.",
        "已儲存為計畫的新版本。",
    ),
    "practice.compare_save": ("Save the weights and scores", "儲存重要程度與分數"),
    "practice.compare_stack": ("Your existing tools: {stack}.", "您現在使用的工具：{stack}。"),
    "practice.compare_no_stack": (
        "Tell us which website, shop platform, customer list, social and ad accounts you already "
        "use, and the comparison shows which tools work with them.",
        "告訴我們您已經在用的網站或商店平台、顧客名單、社群與廣告帳號，比較時就會顯示哪些工具能和它們搭配。",
    ),
    "practice.edit_stack": ("Edit your existing tools", "編輯現有工具"),
    "practice.ranking": ("Ranking", "排名"),
    "practice.total": ("{total} of 5", "{total} 分（滿分 5）"),
    "practice.total_col": ("Overall", "總分"),
    "practice.works_with": ("works with {names}", "可搭配 {names}"),
    "practice.weights_title": ("What matters to you", "對您來說重要的是"),
    "practice.weights_hint": (
        "0 leaves a point out; 5 counts it most.",
        "選「不考慮」就不計入；「非常重要」最優先。",
    ),
    "practice.weight.0": ("Not at all", "不考慮"),
    "practice.weight.1": ("A little", "有一點重要"),
    "practice.weight.2": ("Somewhat", "稍微重要"),
    "practice.weight.3": ("Important", "重要"),
    "practice.weight.4": ("Very important", "很重要"),
    "practice.weight.5": ("Most important", "非常重要"),
    "practice.criterion.features": ("Fits your goals", "符合您的目標"),
    "practice.criterion.cost": ("Cost", "費用"),
    "practice.criterion.ease": ("Easy to use", "容易上手"),
    "practice.criterion.chinese": ("Chinese and local service", "中文介面與在地服務"),
    "practice.criterion.integration": ("Works with your tools", "能和您現有工具搭配"),
    "practice.criterion.support": ("Vendor support", "廠商支援"),
    "practice.scores_title": ("Scores (1 = weak, 5 = strong)", "分數（1 = 弱，5 = 強）"),
    "practice.scores_hint": (
        "Leave a score empty to keep the one from the data; choose 1-5 to put your own.",
        "保留空白就使用資料給的分數；選 1 到 5 就是您自己的分數。",
    ),
    "practice.score_from.catalog": ("Catalog: {score}", "目錄：{score}"),
    "practice.score_from.plan": ("Your plan: {score}", "計畫：{score}"),
    "practice.score_from.none": ("No data: {score}", "無資料：{score}"),
    "practice.score_default": ("Use the data", "使用資料分數"),
    "practice.sources_note": (
        "Where the scores come from: fits your goals = how many of your goals the tool serves; "
        "cost = its monthly price against the dearest tool here (free scores 5); easy to use, "
        "Chinese interface and the tools it works with = the tool catalog; vendor support has "
        "no data, so it counts as 3 until you score it. Missing data always counts as 3.",
        "分數來源：符合目標＝工具能服務您幾個目標；費用＝每月價格與這裡最貴的工具相比（免費為 5 分）；"
        "容易上手、中文介面、能搭配的工具＝工具目錄的資料；廠商支援沒有資料，在您打分數前都以 3 分計算。"
        "沒有資料的項目一律以 3 分計算。",
    ),
    "practice.note_compare": (
        "Tool comparison weights and scores changed",
        "調整了工具比較的重要程度與分數",
    ),
    # the existing stack (builder)
    "builder.title_stack": ("Tools you already use", "您現在使用的工具"),
    "field.stack.website": ("Website or shop platform", "網站或商店平台"),
    "field.stack.website.help": (
        "e.g. SHOPLINE, WordPress, Shopify",
        "例如 SHOPLINE、WordPress、Shopify",
    ),
    "field.stack.crm": ("Customer list or CRM", "顧客名單或顧客管理系統"),
    "field.stack.crm.help": ("e.g. Google Sheets, HubSpot", "例如 Google 試算表、HubSpot"),
    "field.stack.social": ("Social media accounts", "社群帳號"),
    "field.stack.social.help": ("e.g. Facebook, Instagram", "例如 Facebook、Instagram"),
    "field.stack.ads": ("Ad accounts", "廣告帳號"),
    "field.stack.ads.help": ("e.g. Google Ads, Meta ads", "例如 Google Ads、Meta 廣告"),
    "field.stack.line_oa": ("A LINE Official Account", "有 LINE 官方帳號"),
    "field.stack.line_oa.help": (
        "Tools that connect to LINE then rank higher on integration.",
        "能串接 LINE 的工具在「搭配現有工具」一項會得到較高分。",
    ),
    "practice.stack_none": ("Not filled in yet.", "尚未填寫。"),
    "practice.open_log": ("Team learning log", "團隊學習紀錄"),
    "practice.open_compare": ("Compare the tools", "比較工具"),
    # summaries and the worries answered
    "practice.summary_title": ("In short", "重點摘要"),
    "practice.summary.evaluation_gain": (
        "Over {months} months the plan spends {costs} and is expected to bring back {benefits}; "
        "in today's money that is {npv} more than it costs. In {trials} simulated futures it "
        "loses money in {prob_loss} of them. {payback}",
        "這份計畫在 {months} 個月內預計花費 {costs}，預期帶來 {benefits} 的效益；換算成今天的價值，"
        "比花費多 {npv}。在 {trials} 次模擬中，有 {prob_loss} 的情況會虧錢。{payback}",
    ),
    "practice.summary.evaluation_loss": (
        "Over {months} months the plan spends {costs} and is expected to bring back {benefits}; "
        "in today's money that is {npv} less than it costs. In {trials} simulated futures it "
        "loses money in {prob_loss} of them. {payback}",
        "這份計畫在 {months} 個月內預計花費 {costs}，預期帶來 {benefits} 的效益；換算成今天的價值，"
        "比花費少 {npv}。在 {trials} 次模擬中，有 {prob_loss} 的情況會虧錢。{payback}",
    ),
    "practice.summary.payback": (
        "It is expected to pay back in month {month}.",
        "預計在第 {month} 個月回本。",
    ),
    "practice.summary.no_payback": (
        "It is not expected to pay back within the plan's period.",
        "在規劃期間內預計不會回本。",
    ),
    "practice.summary.allocation": (
        "Of the AI budget of {budget} for {months} months, this split puts {total} to work: "
        "first {tools}, with {training} for training and {reserve} kept as a reserve for "
        "experiments.",
        "在 {months} 個月共 {budget} 的 AI 預算中，這份分配會動用 {total}：先使用 {tools}，"
        "其中 {training} 用於教育訓練，另保留 {reserve} 作為嘗試新做法的預備金。",
    ),
    "practice.summary.allocation_none": (
        "With the AI budget of {budget}, no tool can be funded yet; the reasons are below.",
        "以 {budget} 的 AI 預算，目前還無法安排任何工具；原因列在下方。",
    ),
    "practice.worries_title": ("Your worries, answered", "回應您的擔心"),
    "practice.worry_title.uncertain_return": ("Will the money come back?", "錢會回來嗎？"),
    "practice.worry_title.fear_replacement": ("Will AI replace my staff?", "AI 會取代員工嗎？"),
    "practice.worry_title.learning_barrier": ("Is it too hard to learn?", "會不會太難學？"),
    "practice.worry_title.choice_paralysis": ("Why these tools?", "為什麼選這些工具？"),
    "practice.worry.uncertain_return": (
        "The chance of losing money is about {prob_loss}. The pilot runs {months} months and the "
        "most it can lose is {amount}: everything it costs up to then, staff time included, even "
        "if it brought nothing back. After the pilot you decide whether to go on.",
        "虧錢的機會大約是 {prob_loss}。試行期為 {months} 個月，最多損失 {amount}，"
        "也就是到試行結束前的全部花費（含員工時間），即使完全沒有效益也不會超過這個數字。"
        "試行結束後再由您決定是否繼續。",
    ),
    "practice.worry.fear_replacement": (
        "The plan frees time rather than people. Once the tools are in use, each month: {people}. "
        "That time can go to regular customers, new products, the LINE community and content "
        "from the shop.",
        "這份計畫是幫每個人省下時間，不是減少人手。工具上手後，每個月：{people}。"
        "這些時間可以用來照顧熟客、開發新商品、經營 LINE 社群和拍攝店內內容。",
    ),
    "practice.worry.fear_replacement_none": (
        "The plan counts no hours saved: the tools help the team, they do not replace anyone.",
        "這份計畫沒有估算省下的時間：工具是幫忙團隊，不是取代任何人。",
    ),
    "practice.hours_of": ("{name} gets about {hours} hours back", "{name}約可省下 {hours} 小時"),
    "practice.worry.learning_barrier": (
        "The plan sets aside {hours} hours of training before the tools are used. {first} "
        "Benefits grow month by month as the team gets used to them.",
        "計畫在開始使用工具前安排了共 {hours} 小時的教育訓練。{first}之後隨著團隊越來越熟練，效益會逐月增加。",
    ),
    "practice.worry.learning_barrier_none": (
        "The plan has no training yet: a few hours per tool make the start much easier (set them "
        "on each tool). {first}",
        "計畫還沒有安排教育訓練：每個工具安排幾小時，開始會輕鬆很多（可在各工具的設定中填寫）。{first}",
    ),
    "practice.first_benefit": (
        "The first benefit is expected in month {month}.",
        "預計第 {month} 個月就會看到第一筆效益。",
    ),
    "practice.first_benefit_none": (
        "The plan expects no benefit yet.",
        "目前計畫還沒有估算任何效益。",
    ),
    "practice.worry.choice_paralysis": (
        "Pilot {count} first: {tools}. Within the budget and the team's free hours they bring the "
        "most; each reason is listed below.",
        "先試用 {count} 個：{tools}。在預算和團隊可用時間內，它們帶來的價值最高；每個工具的理由列在下方。",
    ),
    "practice.worry.choice_later": (
        "Added only after the pilot, if it goes well: {tools}.",
        "試行順利後才加入：{tools}。",
    ),
    "practice.worry.choice_left_out": ("Left out for now: {left}", "暫時不選：{left}"),
    "practice.left_out": ("{tool} ({why})", "{tool}（{why}）"),
    "practice.none_chosen": ("none yet", "目前沒有"),
}
MESSAGES |= {
    "practice.plan_title": ("Small wins and team practice", "小小成果與團隊練習"),
    "practice.win.logged": (
        "{who} saved {minutes} minutes with {tool} ({day}).",
        "{who}用 {tool} 省下了 {minutes} 分鐘（{day}）。",
    ),
    "practice.wins_none": (
        "Small wins show here as they happen: write down the first time a tool saves someone time.",
        "小小的成果會即時出現在這裡：當工具第一次幫某人省下時間，就把它記下來。",
    ),
}
MESSAGES |= {
    "pdf.learning_lead": (
        "What the team wrote down while learning the tools ({entries} entries), minutes saved "
        "by tool:",
        "團隊在學習使用工具時記下的心得（共 {entries} 筆），各工具省下的時間：",
    ),
    "pdf.learning_tool": ("{tool}: {minutes} minutes", "{tool}：{minutes} 分鐘"),
    "pdf.learning_tips": ("Tips worth keeping", "值得留下的訣竅"),
}
MESSAGES |= {
    "practice.scale.skills": ("AI skills", "AI 技能"),
    "practice.scale.culture": ("team culture", "團隊文化"),
    "practice.help.text": (
        "Your readiness check found {scales} still weak. Outside help (a coach, a short course "
        "or a consultant) makes the start much faster: we suggest a yearly advice budget of "
        "{share} of the AI budget.",
        "準備度檢查顯示{scales}還比較弱。找外部協助（教練、短期課程或顧問）能讓起步快很多："
        "建議每年編列 AI 預算的 {share} 作為顧問費用。",
    ),
    "practice.help.button": ("Add the advice budget", "加入顧問預算"),
    "practice.help.line_label": ("Outside help: coaching and courses", "外部協助：教練與課程"),
    "practice.help.note": (
        "Added an advice budget of {amount} a year (outside help)",
        "加入每年 {amount} 的顧問預算（外部協助）",
    ),
}
MESSAGES |= {
    "practice.win.month_above_plan": (
        "{month}: the benefits beat the plan.",
        "{month}：效益超過計畫！",
    ),
    "practice.win.kpi_improving": (
        "Goal {goal} is on its way: {share} of the way to its target.",
        "目標「{goal}」進展中：已完成 {share}。",
    ),
}
MESSAGES |= {
    "practice.agenda.entry": ("{who} ({tool}): {tried}", "{who}（{tool}）：{tried}"),
    "practice.tool_minutes": ("{tool}: {minutes} minutes saved", "{tool}：省下 {minutes} 分鐘"),
    "pdf.learning_tip": ("{tip} ({who}, {day})", "{tip}（{who}，{day}）"),
}
