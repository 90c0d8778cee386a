"""Messages of the guidance area: readiness assessment, SMART check, tool catalog and
the health check (``aibudget assess``, ``catalog``, ``lint``).

Each entry: message id -> (English, Traditional Chinese), same placeholders in both.
"""

from __future__ import annotations

# Taiwan's Personal Data Protection Act, as the privacy findings explain it: the duties,
# with the articles they come from, and no penalty amounts.
PDPA_CHECKLIST = (
    " Checklist under Taiwan's Personal Data Protection Act: when you collect customers'"
    " data, tell them who collects it, why and how it will be used (art. 8); use it for"
    " marketing only within that purpose or with their consent, offer a way to refuse in"
    " the first marketing message and stop as soon as someone refuses (art. 20); a vendor"
    " that handles the data for you counts as you under the Act, so agree how it protects"
    " the data and check that it does (art. 4; enforcement rules art. 8); never paste"
    " customers' personal data into consumer AI plans. Breaches can lead to an order to"
    " correct them and to fines.",
    "個資法檢查清單：蒐集顧客資料時，告知由誰蒐集、目的與利用方式（第 8 條）；只在原蒐集目的內"
    "或經顧客同意才用於行銷，首次行銷就提供拒絕的方式，顧客表示拒絕就立即停止（第 20 條）；"
    "替您處理資料的廠商在個資法上視同您本人，要約定並確認它的保護措施（第 4 條、施行細則"
    "第 8 條）；不要把顧客個資貼進個人版的 AI 服務。違反規定可能被要求限期改正並處罰鍰。",
)

MESSAGES: dict[str, tuple[str, str]] = {
    # --- SMART check -------------------------------------------------------------------
    "smart.kpi_unknown": (
        'The KPI "{kpi}" is not in the KPI library.',
        "KPI「{kpi}」不在 KPI 庫中。",
    ),
    "smart.no_target": ("No target value.", "沒有目標值。"),
    "smart.no_baseline": ("No baseline to measure progress from.", "沒有可比較進度的現況值。"),
    "smart.no_measurement": (
        "It does not say how the KPI will be measured.",
        "沒有說明如何衡量這個 KPI。",
    ),
    "smart.wrong_direction": (
        "The target {target} does not move the KPI in its good direction from the baseline {baseline}.",
        "目標值 {target} 沒有讓 KPI 從現況 {baseline} 往好的方向移動。",
    ),
    "smart.implausible": (
        "The target {target} is outside the typical range for small businesses ({low} to {high}).",
        "目標值 {target} 超出小型企業的常見範圍（{low} 至 {high}）。",
    ),
    "smart.too_fast": (
        "From {baseline} to {target} in {months} months needs a change of {pace_share} every month; small businesses rarely sustain more than {max_share} a month on this KPI.",
        "在 {months} 個月內從 {baseline} 到 {target}，每個月都要變動 {pace_share}；小型企業在這個 KPI 上很少能長期維持每月超過 {max_share}。",
    ),
    "smart.no_funded_tool": (
        'No funded tool serves the KPI "{kpi}".',
        "沒有任何已編列預算的工具對應 KPI「{kpi}」。",
    ),
    "smart.no_deadline": ("No deadline.", "沒有期限。"),
    "smart.deadline_before_start": (
        "The deadline {deadline} is not after the plan's start {start}.",
        "期限 {deadline} 沒有晚於計畫開始月份 {start}。",
    ),
    "smart.deadline_after_horizon": (
        "The deadline {deadline} is beyond the {months}-month horizon.",
        "期限 {deadline} 超出 {months} 個月的規劃期。",
    ),
    # --- health check: explanations and fixes -----------------------------------------
    "lint.over_budget": (
        "The plan spends {spend} over {months} months, {over} more than the AI budget of {budget} for that time.",
        "計畫在 {months} 個月內支出 {spend}，比同期 AI 預算 {budget} 多出 {over}。",
    ),
    "fix.over_budget": (
        "Drop or delay a tool, choose a smaller plan, or raise the annual AI budget.",
        "刪除或延後一項工具、改選較小的方案，或提高每年的 AI 預算。",
    ),
    "lint.over_budget.reserve": (
        "Spending {spend} of the {budget} budget over {months} months leaves less than the {reserve_share} reserve for experiments.",
        "在 {months} 個月內花掉預算 {budget} 中的 {spend}，剩下不到 {reserve_share} 的實驗預備金。",
    ),
    "fix.over_budget.reserve": (
        "Trim a tool's plan or seats so that {reserve_share} of the budget stays free.",
        "減少某項工具的方案或席位，讓預算保留 {reserve_share}。",
    ),
    "lint.over_budget.year": (
        "Year {year} spends {spend}, more than that year's AI budget of {budget}.",
        "第 {year} 年支出 {spend}，超過該年度 AI 預算 {budget}。",
    ),
    "fix.over_budget.year": (
        "Spread one-off costs or start a tool later so that every year fits.",
        "分攤一次性成本，或讓某項工具晚一點開始，讓每一年都在預算內。",
    ),
    "lint.no_reserve": (
        "The budget keeps no reserve for experiments and new tools: a rigid budget.",
        "預算沒有保留實驗與新工具的預備金，缺乏彈性。",
    ),
    "fix.no_reserve": (
        "Keep {share} of the budget as a reserve for experiments and new tools.",
        "保留預算的 {share} 作為實驗與新工具的預備金。",
    ),
    "lint.no_review_date": (
        "The plan has no review date: nobody will check whether the money works.",
        "計畫沒有檢討日期，沒有人會確認這筆錢是否有效。",
    ),
    "fix.no_review_date": (
        "Look at the plan again every {months} months (once a quarter).",
        "每 {months} 個月（每季）重新檢討一次計畫。",
    ),
    "lint.no_review_date.rare": (
        "The plan is reviewed only every {months} months: a tool that does not work keeps its money that long. More than {max_months} months apart is too rigid; the method reviews every quarter.",
        "計畫每 {months} 個月才檢討一次：沒有效果的工具會白白花錢這麼久。間隔超過 {max_months} 個月太僵化，方法建議每季檢討。",
    ),
    "fix.no_review_date.rare": (
        "Review the plan every {months} months (once a quarter).",
        "改為每 {months} 個月（每季）檢討一次計畫。",
    ),
    "lint.change_management": (
        "{novices} of the {members} people in your team are new to AI, and training and outside advice together are only {people_share} of the spend (at least {min_share} is needed): nothing pays for change management, the team learning together and changing how it works.",
        "團隊 {members} 人中有 {novices} 人剛接觸 AI，但訓練與外部顧問合計只占支出的 {people_share}（至少需要 {min_share}）：沒有經費做變革管理，讓團隊一起學習、調整工作方式。",
    ),
    "fix.change_management": (
        "Add an outside-advice line of about {amount} a year, and plan change management: share learnings in the team in a short monthly sharing session, and name an internal AI champion with time for it.",
        "新增每年約 {amount} 的外部顧問預算，並規劃變革管理：每月舉辦簡短的內部經驗分享會交流學到的做法，並指定一位有時間投入的內部 AI 推動者。",
    ),
    "lint.training_underbudgeted": (
        "Training is {training}, {training_share} of the spend, under the minimum of {min_share}.",
        "訓練費用為 {training}，占支出 {training_share}，低於最低比例 {min_share}。",
    ),
    "fix.training_underbudgeted": (
        "Add training hours or fees to your tools until training reaches {min_share} of the spend.",
        "為工具增加訓練時數或費用，直到訓練占支出的 {min_share}。",
    ),
    "lint.training_underbudgeted.tool": (
        '"{tool}" has no training: tools nobody learns are tools nobody uses.',
        "「{tool}」沒有編列訓練：沒人學會的工具就沒人會用。",
    ),
    "fix.training_underbudgeted.tool": (
        "Plan about {hours} hours of training per person for the people who will use it.",
        "為會使用的人安排每人約 {hours} 小時的訓練。",
    ),
    "lint.single_tool_reliance": (
        '"{tool}" carries {tool_share} of all tool costs, above the cap of {max_share}: the plan relies on one tool.',
        "「{tool}」占所有工具成本的 {tool_share}，超過上限 {max_share}：計畫過度依賴單一工具。",
    ),
    "fix.single_tool_reliance": (
        "Move part of the money to a second tool for the same goals, or lower this tool's plan.",
        "把部分預算移到能服務相同目標的第二個工具，或降低此工具的方案。",
    ),
    "lint.single_tool_reliance.only": (
        'The whole plan rests on one tool, "{tool}": fine for a first pilot, risky after it.',
        "整個計畫只依靠「{tool}」一項工具：第一次試行沒問題，之後風險較高。",
    ),
    "fix.single_tool_reliance.only": (
        "Keep a reserve and name a second tool to try after the pilot.",
        "保留預備金，並指定試行後要嘗試的第二個工具。",
    ),
    "lint.no_data_privacy_budget": (
        '"{tool}" handles customer data, and nothing is budgeted for data quality and privacy.'
        + PDPA_CHECKLIST[0],
        "「{tool}」會處理顧客資料，卻沒有編列任何資料品質與個資保護預算。" + PDPA_CHECKLIST[1],
    ),
    "fix.no_data_privacy_budget": (
        "Set money aside for data cleaning and privacy compliance: about {amount} a year to start with.",
        "編列資料整理與個資保護的預算，建議每年先編 {amount}。",
    ),
    "lint.no_data_privacy_budget.low": (
        "Data quality and privacy get only {money} a year for the customer data that {tools} handle, under the minimum of {minimum} ({min_share} of the yearly AI budget): too little for a notice and consent wording, a way to refuse marketing and a check of the vendor."
        + PDPA_CHECKLIST[0],
        "{tools} 會處理顧客資料，但資料品質與個資保護每年只有 {money}，低於最低標準 {minimum}（每年 AI 預算的 {min_share}）：不足以支應告知與同意文字、拒絕行銷的機制與廠商查核。"
        + PDPA_CHECKLIST[1],
    ),
    "fix.no_data_privacy_budget.low": (
        "Raise the yearly data and privacy budget to at least {minimum}; about {amount} is a good start.",
        "把每年的資料與個資保護預算提高到至少 {minimum}，建議先編 {amount}。",
    ),
    "lint.horizon_too_short": (
        "The plan does not pay back within its {months} months; at the current pace it would around month {month}.",
        "計畫在 {months} 個月內無法回本；照目前的速度約在第 {month} 個月回本。",
    ),
    "fix.horizon_too_short": (
        "Plan over a longer period (up to {max_months} months), or start with the tools that pay back first.",
        "把規劃期拉長（最多 {max_months} 個月），或先導入較快回本的工具。",
    ),
    "lint.horizon_too_short.tool": (
        '"{tool}" does not pay back within {months} months; at the current pace it would around month {month}.',
        "「{tool}」在 {months} 個月內無法回本；照目前的速度約在第 {month} 個月回本。",
    ),
    "fix.horizon_too_short.tool": (
        "Start it earlier, cut its one-off costs, or accept a longer payback knowingly.",
        "提早導入、降低一次性成本，或在了解的前提下接受較長的回本期。",
    ),
    "lint.never_pays_back": (
        "Even at full use the plan costs more each month than it returns: it never pays back.",
        "即使完全上手，計畫每月成本仍高於效益：永遠無法回本。",
    ),
    "fix.never_pays_back": (
        "Check the benefit estimates and drop the tools that lose money.",
        "檢查效益估計，並移除虧損的工具。",
    ),
    "lint.never_pays_back.tool": (
        '"{tool}" costs more each month than it returns, even at full use.',
        "「{tool}」即使完全上手，每月成本仍高於效益。",
    ),
    "fix.never_pays_back.tool": (
        "Choose a cheaper plan, fewer seats, or drop the tool.",
        "改選較便宜的方案、減少席位，或移除此工具。",
    ),
    "lint.tool_owner_invalid.missing": (
        '"{tool}" has no valid owner: "{member}" is not in the team.',
        "「{tool}」沒有有效的負責人：「{member}」不在團隊名單中。",
    ),
    "fix.tool_owner_invalid.missing": (
        "Choose a team member to look after the tool.",
        "指定一位團隊成員負責這項工具。",
    ),
    "lint.tool_owner_invalid.no_time": (
        '"{tool}" is owned by {member}, who has no free hours for AI work.',
        "「{tool}」的負責人 {member} 沒有任何可用於 AI 工作的時間。",
    ),
    "fix.tool_owner_invalid.no_time": (
        "Give the tool to someone with free hours, or free some of {member}'s time.",
        "改由有空閒時間的人負責，或為 {member} 挪出時間。",
    ),
    "lint.hours_overcommitted": (
        "{member} needs {hours} hours a month to run the tools, more than the {free} free hours.",
        "{member} 每月需要 {hours} 小時操作工具，超過可用的 {free} 小時。",
    ),
    "fix.hours_overcommitted": (
        "Move a tool to another owner, stagger start months, or drop a tool.",
        "把工具交給其他負責人、錯開開始月份，或移除一項工具。",
    ),
    "lint.hours_overcommitted.peak": (
        "In month {month} {member} needs {hours} hours for set-up and training, more than the {free} free hours.",
        "第 {month} 個月 {member} 需要 {hours} 小時進行設定與訓練，超過可用的 {free} 小時。",
    ),
    "fix.hours_overcommitted.peak": (
        "Stagger the tools' start months so that set-up and training are spread out.",
        "錯開工具的開始月份，讓設定與訓練分散進行。",
    ),
    "lint.annual_lockin_pilot": (
        '"{tool}" is billed yearly but starts during the {months}-month pilot: you pay for a year before knowing it works.',
        "「{tool}」按年計費，卻在 {months} 個月的試行期內開始：還不知道是否有效就先付了一年。",
    ),
    "fix.annual_lockin_pilot": (
        "Ask the vendor for monthly billing during the pilot, or start the tool after month {months}.",
        "試行期間請廠商改為月繳，或在第 {months} 個月之後才開始。",
    ),
    "lint.annual_lockin_pilot.switch": (
        '"{tool}" is billed yearly but starts during the {months}-month pilot: you pay for a year before knowing it works.',
        "「{tool}」按年計費，卻在 {months} 個月的試行期內開始：還不知道是否有效就先付了一年。",
    ),
    "fix.annual_lockin_pilot.switch": (
        "Use the monthly plan {plan} during the pilot; switch to yearly billing once the tool has proved itself.",
        "試行期間改用月繳方案「{plan}」，證明有效後再改為年繳。",
    ),
    "lint.free_trial_unused.trial": (
        '"{tool}" offers a free trial and the plan pays from the first day.',
        "「{tool}」提供免費試用，但計畫從第一天就付費。",
    ),
    "fix.free_trial_unused.trial": (
        "Try it free first, and pay only once it proves useful.",
        "先免費試用，確定有用再付費。",
    ),
    "lint.free_trial_unused.free_plan": (
        '"{tool}" has a free plan and the plan pays from the first day.',
        "「{tool}」有免費方案，但計畫從第一天就付費。",
    ),
    "fix.free_trial_unused.free_plan": (
        "Start on the free plan during the pilot; upgrade when you reach its limits.",
        "試行期間先用免費方案，用到上限再升級。",
    ),
    "lint.tool_price_missing": (
        '"{tool}" has no subscription price: the catalog has none, so its cost is understated.',
        "「{tool}」沒有訂閱價格：目錄中沒有公開價格，成本會被低估。",
    ),
    "fix.tool_price_missing": (
        "Enter the price you were quoted: the amount, the currency and when you got it.",
        "輸入您拿到的報價：金額、幣別與報價日期。",
    ),
    "lint.price_stale": (
        'The price of "{tool}" was seen on {as_of}, {months} months before the plan starts.',
        "「{tool}」的價格是 {as_of} 查到的，比計畫開始早了 {months} 個月。",
    ),
    "fix.price_stale": (
        "Check today's price and update it, with the date you saw it.",
        "確認目前的價格並更新，同時填上查價日期。",
    ),
    "lint.pilot_too_many_tools": (
        "{count} tools start during the {months}-month pilot; the pilot allows {max_tools}.",
        "{months} 個月的試行期內有 {count} 項工具同時開始，試行上限為 {max_tools} 項。",
    ),
    "fix.pilot_too_many_tools": (
        "Start the other tools from month {next_month}, after the pilot.",
        "其餘工具改從第 {next_month} 個月、試行期結束後再開始。",
    ),
    "lint.goal_unmeasurable.kpi_unknown": (
        'Goal "{goal}" ({letter}): the KPI "{kpi}" is not in the KPI library.',
        "目標「{goal}」（{letter}）：KPI「{kpi}」不在 KPI 庫中。",
    ),
    "fix.goal_unmeasurable.kpi_unknown": (
        "Pick a KPI from the list.",
        "從清單中選一個 KPI。",
    ),
    "lint.goal_unmeasurable.no_target": (
        'Goal "{goal}" ({letter}): it has no target value.',
        "目標「{goal}」（{letter}）：沒有目標值。",
    ),
    "fix.goal_unmeasurable.no_target": (
        "Enter the value you want to reach.",
        "填寫想要達到的目標值。",
    ),
    "lint.goal_unmeasurable.no_baseline": (
        'Goal "{goal}" ({letter}): it has no baseline to measure progress from.',
        "目標「{goal}」（{letter}）：沒有可比較進度的現況值。",
    ),
    "fix.goal_unmeasurable.no_baseline": (
        "Enter today's value of the KPI.",
        "填寫這個 KPI 目前的數值。",
    ),
    "lint.goal_no_measurement": (
        'Goal "{goal}" (M): it does not say how the KPI will be measured.',
        "目標「{goal}」（M）：沒有說明如何衡量這個 KPI。",
    ),
    "fix.goal_no_measurement": (
        "Say how you will measure it. The KPI library suggests: {method}",
        "說明您會怎麼衡量。KPI 庫建議：{method}",
    ),
    "lint.goal_not_smart.wrong_direction": (
        'Goal "{goal}" ({letter}): the target {target} does not move the KPI in its good direction from {baseline}.',
        "目標「{goal}」（{letter}）：目標值 {target} 沒有讓 KPI 從 {baseline} 往好的方向移動。",
    ),
    "fix.goal_not_smart.wrong_direction": (
        "Check the target and the baseline: they may be swapped.",
        "檢查目標值與現況值，可能填反了。",
    ),
    "lint.goal_not_smart.implausible": (
        'Goal "{goal}" ({letter}): the target {target} is outside the typical small-business range ({low} to {high}).',
        "目標「{goal}」（{letter}）：目標值 {target} 超出小型企業的常見範圍（{low} 至 {high}）。",
    ),
    "fix.goal_not_smart.implausible": (
        "Check the unit (a percent is written as 3 for 3%) or set a reachable target.",
        "檢查單位（百分比 3% 請寫 3），或設定可達成的目標。",
    ),
    "lint.goal_not_smart.too_fast": (
        'Goal "{goal}" ({letter}): from {baseline} to {target} in {months} months needs a change of {pace_share} every month, and small businesses rarely sustain more than {max_share} a month on this KPI: the target is unlikely to be reached.',
        "目標「{goal}」（{letter}）：在 {months} 個月內從 {baseline} 到 {target}，每個月都要變動 {pace_share}，而小型企業在這個 KPI 上很少能長期維持每月超過 {max_share}：這個目標不太可能達成。",
    ),
    "fix.goal_not_smart.too_fast": (
        "Aim for about {reachable} by the deadline, or give the goal more time.",
        "把目標調整為期限前約 {reachable}，或給這個目標更多時間。",
    ),
    "lint.goal_not_smart.no_funded_tool": (
        'Goal "{goal}" ({letter}): no funded tool serves its KPI "{kpi}".',
        "目標「{goal}」（{letter}）：沒有任何已編列預算的工具對應 KPI「{kpi}」。",
    ),
    "fix.goal_not_smart.no_funded_tool": (
        'Tick "{kpi}" on the tool that serves it, or add a tool for it.',
        "在對應的工具勾選「{kpi}」，或新增一項工具。",
    ),
    "lint.goal_not_smart.no_deadline": (
        'Goal "{goal}" ({letter}): it has no deadline.',
        "目標「{goal}」（{letter}）：沒有期限。",
    ),
    "fix.goal_not_smart.no_deadline": (
        "Set a deadline inside the plan's period.",
        "設定在規劃期內的期限。",
    ),
    "lint.goal_not_smart.deadline_before_start": (
        'Goal "{goal}" ({letter}): the deadline {deadline} is not after the start {start}.',
        "目標「{goal}」（{letter}）：期限 {deadline} 沒有晚於開始月份 {start}。",
    ),
    "fix.goal_not_smart.deadline_before_start": (
        "Set a deadline after {start}.",
        "請設定晚於 {start} 的期限。",
    ),
    "lint.goal_not_smart.deadline_after_horizon": (
        'Goal "{goal}" ({letter}): the deadline {deadline} is beyond the {months}-month horizon.',
        "目標「{goal}」（{letter}）：期限 {deadline} 超出 {months} 個月的規劃期。",
    ),
    "fix.goal_not_smart.deadline_after_horizon": (
        "Bring the deadline inside the plan's period, or plan over a longer period.",
        "把期限移到規劃期內，或拉長規劃期。",
    ),
    "lint.no_goals": (
        "The plan has no goals: without at least one measurable goal nobody can tell whether the money works.",
        "計畫沒有任何目標：沒有至少一個可衡量的目標，就無法判斷這筆錢是否有效。",
    ),
    "fix.no_goals": (
        "Add a goal: pick a KPI from the library, and enter today's value, a target and a deadline.",
        "新增一個目標：從 KPI 庫選一個 KPI，並填入目前的數值、目標值與期限。",
    ),
    "lint.no_business_goal": (
        "None of the goals measures a business result such as revenue, conversion, leads, bookings or customer value: hours saved, posts or engagement alone do not show that the money comes back.",
        "沒有任何目標衡量營運成果（例如營收、轉換率、潛在客戶、預約數或顧客價值）：只看節省工時、貼文數或互動率，無法證明這筆錢能賺回來。",
    ),
    "fix.no_business_goal": (
        "Add a goal on a business result your tools should move, for example conversion rate, online revenue or qualified leads.",
        "新增一個工具應該帶動的營運成果目標，例如轉換率、線上營收或合格潛在客戶數。",
    ),
    "lint.tool_without_goal": (
        '"{tool}" serves none of the plan\'s goals: its KPIs match no goal, so nothing shows whether it is worth its money.',
        "「{tool}」沒有對應計畫中的任何目標：它的 KPI 與所有目標都不相符，無從判斷它是否值得。",
    ),
    "fix.tool_without_goal": (
        'Tick the KPI of the goal that "{tool}" moves, add a goal for it, or drop the tool.',
        "勾選「{tool}」會帶動的目標 KPI、為它新增一個目標，或移除這項工具。",
    ),
    # --- lint command ------------------------------------------------------------------
    "lint.summary": (
        "Health check — errors: {errors}, warnings: {warnings}, notes: {infos}.",
        "健康檢查：{errors} 個錯誤、{warnings} 個警告、{infos} 個提醒。",
    ),
    "lint.clean": ("Health check: no pitfalls found.", "健康檢查：沒有發現常見陷阱。"),
    "lint.severity.error": ("error", "錯誤"),
    "lint.severity.warning": ("warning", "警告"),
    "lint.severity.info": ("note", "提醒"),
    "lint.fix": ("Fix: {fix}", "建議：{fix}"),
    # --- readiness assessment ----------------------------------------------------------
    "assess.answers_invalid": (
        ("The answers have {count} problem:", "The answers have {count} problems:"),
        "答案有 {count} 個問題：",
    ),
    "assess.question_unknown": ('There is no question "{id}".', "沒有代號為「{id}」的問題。"),
    "assess.answer_invalid": (
        '"{answer}" is not an option: answer with a number from 1 to {count}.',
        "「{answer}」不是選項：請回答 1 到 {count} 的數字。",
    ),
    "assess.answer_missing": ("Not answered.", "尚未回答。"),
    "assess.file_unreadable": (
        "Cannot read the answers file {file}: {detail}",
        "無法讀取答案檔 {file}：{detail}",
    ),
    "assess.no_terminal": (
        "No terminal to ask questions in: give an answers file with --answers FILE.",
        "沒有可互動的終端機：請用 --answers FILE 提供答案檔。",
    ),
    "assess.title": (
        "AI readiness self-assessment: {total} questions, about 5 minutes. Answer with the option's number; q saves and quits.",
        "AI 準備度自我評估：共 {total} 題，約 5 分鐘。請輸入選項編號；輸入 q 可儲存並離開。",
    ),
    "assess.resume": (
        "Continuing where you left off ({answered} of {total} answered, saved in {file}).",
        "從上次中斷處繼續（已回答 {answered}/{total} 題，儲存在 {file}）。",
    ),
    "assess.question": (
        "Question {number} of {total} · {scale}",
        "第 {number}/{total} 題 · {scale}",
    ),
    "assess.prompt": ("Your answer (1-{count})", "您的答案（1-{count}）"),
    "assess.prompt_multi": (
        "Your answers, separated by commas (1-{count})",
        "您的答案，可複選，以逗號分隔（1-{count}）",
    ),
    "assess.retry": (
        "Please answer with numbers from 1 to {count}.",
        "請輸入 1 到 {count} 的數字。",
    ),
    "assess.saved": (
        "Answers saved in {file}; run the same command again to continue.",
        "答案已儲存在 {file}；再執行一次相同指令即可繼續。",
    ),
    "assess.result_title": ("Your AI readiness", "您的 AI 準備度"),
    "assess.overall": ("Overall readiness: {score}/100", "整體準備度：{score}/100"),
    "assess.stage": ("Stage: {stage}", "階段：{stage}"),
    "assess.stage.exploring": ("exploring", "探索"),
    "assess.stage.piloting": ("piloting", "試行"),
    "assess.stage.scaling": ("scaling", "擴大"),
    "assess.dimensions": ("Readiness by dimension (higher is readier)", "各面向準備度（越高越好）"),
    "assess.anxieties": ("Concerns (higher is stronger)", "顧慮程度（越高越強）"),
    "assess.pilot_tools": ("Tools to pilot first: {count}", "建議先試行的工具數：{count}"),
    "assess.categories": (
        "Tool categories that fit your goals: {categories}",
        "符合您目標的工具類別：{categories}",
    ),
    "assess.try_tools": ("{category}: start by looking at {tools}", "{category}：可先看看 {tools}"),
    "assess.no_categories": (
        "Choose goals to see which tool categories fit.",
        "選擇目標後即可看到適合的工具類別。",
    ),
    "assess.advice": ("What to do next", "下一步建議"),
    "assess.scale": ("Area", "面向"),
    "assess.score": ("Score", "分數"),
    # --- tool catalog ------------------------------------------------------------------
    "catalog.unknown_id": (
        'No tool "{id}" in the catalog; see `aibudget catalog list`.',
        "目錄中沒有「{id}」；請看 `aibudget catalog list`。",
    ),
    "catalog.unknown_category": (
        'Unknown category "{category}"; use one of: {categories}.',
        "未知的類別「{category}」，請使用：{categories}。",
    ),
    "catalog.count": ("{count} tools", "共 {count} 項工具"),
    "catalog.col_id": ("Id", "代號"),
    "catalog.col_name": ("Tool", "工具"),
    "catalog.col_category": ("Category", "類別"),
    "catalog.col_price": ("List price", "定價"),
    "catalog.col_trial": ("Try free", "免費試用"),
    "catalog.col_zh_tw": ("zh-TW UI", "繁中介面"),
    "catalog.price_unknown": ("price unknown: enter your quote", "價格未知：請輸入您的報價"),
    "catalog.price_free": ("free", "免費"),
    "catalog.price": ("{price} {billing}", "{price}{billing}"),
    "catalog.price_per": ("{price} {per} {billing}", "{price}{billing}（{per}）"),
    "catalog.price_usage": ("{price} {per}", "{per} {price}"),
    "catalog.from": ("from {price}", "{price} 起"),
    "catalog.per.seat": ("a seat", "每席"),
    "catalog.per.channel": ("a channel", "每頻道"),
    "catalog.per.resolution": ("a resolution", "每次解決"),
    "catalog.billing.monthly": ("a month", "／月"),
    "catalog.billing.annual": ("a year", "／年"),
    "catalog.trial.days": ("{days}-day trial", "{days} 天試用"),
    "catalog.trial.free_plan": ("free plan", "免費方案"),
    "catalog.trial.offered": ("trial", "可試用"),
    "catalog.trial.unknown": ("unknown", "未知"),
    "catalog.zh_tw.yes": ("yes", "有"),
    "catalog.zh_tw.partial": ("partly", "部分"),
    "catalog.zh_tw.no": ("no", "無"),
    "catalog.zh_tw.unknown": ("unknown", "未知"),
    "catalog.vendor": ("Vendor: {vendor}", "廠商：{vendor}"),
    "catalog.aliases": ("Also known as: {aliases}", "其他代號：{aliases}"),
    "catalog.category": ("Category: {category}", "類別：{category}"),
    "catalog.plans": ("Plans", "方案"),
    "catalog.seen": ("seen {as_of} · {source}", "{as_of} 查得 · {source}"),
    "catalog.secondary": ("secondary source", "次級來源"),
    "catalog.min_seats": ("at least {seats} seats", "至少 {seats} 席"),
    "catalog.trial": ("Try free: {trial}", "免費試用：{trial}"),
    "catalog.zh_tw": ("Traditional Chinese interface: {value}", "繁體中文介面：{value}"),
    "catalog.integrations": ("Integrations: {items}", "整合：{items}"),
    "catalog.hours": (
        "Owner hours: {setup} to set up, {run} a month to run",
        "負責人時數：設定 {setup} 小時，每月操作 {run} 小時",
    ),
    "catalog.ease": ("Ease of use: {ease}/5", "易用度：{ease}/5"),
    "catalog.kpis": ("KPIs it serves: {kpis}", "對應 KPI：{kpis}"),
    "catalog.uses_customer_data": (
        "Uses customer data: budget for data quality and privacy.",
        "會使用顧客資料：請編列資料品質與個資保護預算。",
    ),
    "catalog.benefits": ("Default benefits (low / likely / high)", "預設效益（低／可能／高）"),
    "catalog.benefit.hours_saved": (
        "{low} / {likely} / {high} hours a month",
        "每月 {low} / {likely} / {high} 小時",
    ),
    "catalog.benefit.revenue_lift": (
        "{low} / {likely} / {high} of the revenue it touches",
        "相關營收的 {low} / {likely} / {high}",
    ),
    "catalog.benefit.cost_avoided": (
        "{low} / {likely} / {high} a month",
        "每月 {low} / {likely} / {high}",
    ),
    "catalog.basis.sourced": ("sourced", "有出處"),
    "catalog.basis.assumption": ("assumption", "假設值"),
    "catalog.unverified": (
        "Interface language, integrations, hours and ease are estimates to check; prices are list prices to verify before buying.",
        "介面語言、整合、時數與易用度為估計值，請自行確認；價格為定價，購買前請再確認。",
    ),
    "catalog.bad_overrides": (
        (
            "The catalog entries in {file} have {count} problem.",
            "The catalog entries in {file} have {count} problems.",
        ),
        "{file} 中的目錄項目有 {count} 個問題。",
    ),
    "catalog.kpi_title": ("KPI library", "KPI 庫"),
    "catalog.col_unit": ("Unit", "單位"),
    "catalog.col_direction": ("Good direction", "好的方向"),
    "catalog.col_typical": ("Typical range", "常見範圍"),
    "catalog.col_measure": ("How to measure", "衡量方式"),
    "catalog.direction.up": ("higher", "越高越好"),
    "catalog.direction.down": ("lower", "越低越好"),
    # --- categories ----------------------------------------------------------------------
    "category.content_writing": ("content writing", "內容撰寫"),
    "category.seo": ("SEO", "SEO 搜尋優化"),
    "category.social_media": ("social media scheduling and analytics", "社群排程與分析"),
    "category.data_analytics": ("data analytics", "數據分析"),
    "category.ad_optimisation": ("ad optimisation", "廣告優化"),
    "category.chatbot": ("chatbot and customer service", "聊天機器人與客服"),
    "category.customer_data": ("customer data platform", "顧客資料平台"),
    "category.design_video": ("design and video", "設計與影片"),
    "category.email": ("email", "電子報"),
    "category.other": ("other", "其他"),
}
