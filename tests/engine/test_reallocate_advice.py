"""The proposal follows the advice per tool: stop, replace, improve, keep, scale up."""

from __future__ import annotations

import re
from decimal import Decimal

from aibudget.domain.plan import Plan
from aibudget.domain.reallocation import Reallocation
from aibudget.domain.review import Action
from aibudget.engine.reallocate import reallocate
from aibudget.engine.reallocate_rebase import rebase
from aibudget.engine.review import review
from aibudget.i18n import Translator, catalogue
from aibudget.present.reallocate import change_text
from tests.engine.test_reallocate import annual_plan, annual_records, ids
from tests.engine.test_review import RATE, actuals, hours_tool, rec
from tests.factories import make_plan


def idle_for_three_months(feedback: int) -> tuple[Plan, Reallocation, Action]:
    plan = make_plan(
        hours_tool("idle", (30, 40, 60), 1500),
        hours_tool("strong", (5, 10, 15), 250),
        horizon={"months": 24},
    )
    records = [
        rec(m, "idle", hours_saved=Decimal(0), feedback=Decimal(feedback)) for m in range(1, 4)
    ]
    records += [rec(m, "strong", hours_saved=Decimal(12), feedback=Decimal(5)) for m in (1, 2, 3)]
    done = review(plan, actuals(*records))
    action = next(t.action for t in done.tools if t.tool == "idle")
    return plan, reallocate(plan, done), action


def test_a_tool_to_stop_or_replace_is_forced_out_of_the_proposal() -> None:
    plan = idle_for_three_months(feedback=2)[0]
    for feedback in (2, 4):
        records = [
            rec(m, "idle", hours_saved=Decimal(0), feedback=Decimal(feedback)) for m in (1, 2, 3)
        ]
        done = review(plan, actuals(*records))
        policy = rebase(plan, done, advise=True).plan.optimise
        assert policy is not None and "idle" in policy.force_out, feedback
        assert "idle" not in policy.force_in


def test_no_hours_saved_in_three_months_is_replaced_when_the_team_rates_it_poorly() -> None:
    _, result, action = idle_for_three_months(feedback=2)
    assert action is Action.REPLACE
    assert result.plan is not None
    assert "idle" not in {t.id for t in result.plan.tools}
    assert ids(result, "reallocate.replace_none") == ["idle"]  # no catalog given


def test_no_hours_saved_in_three_months_is_stopped_from_the_next_month() -> None:
    _, result, action = idle_for_three_months(feedback=4)
    assert action is Action.STOP
    assert result.plan is not None
    assert "idle" not in {t.id for t in result.plan.tools}
    stop = next(c for c in result.changes if c.message_id == "reallocate.stop")
    assert stop.tool == "idle" and stop.params["month"] == 4


def test_a_strong_tool_is_kept() -> None:
    _, result, _ = idle_for_three_months(feedback=2)
    assert result.plan is not None
    assert "strong" in {t.id for t in result.plan.tools}
    assert ids(result, "reallocate.stop") == []


def improving_tool() -> tuple[Reallocation, Action]:
    slow = hours_tool("slow", (30, 40, 60), 300)
    slow["plans"] = [
        {"id": "m", "price": 300, "seats": 4},
        {"id": "y", "name": "Yearly", "price": 1500, "seats": 4, "billing": "annual"},
    ]
    slow["training"] = {"hours_per_person": 3}
    plan = make_plan(slow, horizon={"months": 24})
    records = [
        rec(m, "slow", hours_saved=Decimal(3), seats=4, active_users=1, feedback=Decimal(4))
        for m in range(1, 4)
    ]
    done = review(plan, actuals(*records))
    action = next(t.action for t in done.tools if t.tool == "slow")
    return reallocate(plan, done), action


def test_a_tool_to_improve_is_kept_with_training_and_not_moved_to_an_annual_plan() -> None:
    result, action = improving_tool()
    assert action is Action.IMPROVE
    assert result.plan is not None
    slow = next(t for t in result.plan.tools if t.id == "slow")
    assert slow.plan == "m"
    assert ids(result, "reallocate.switch_to_annual") == []
    assert ids(result, "reallocate.switch_to_annual_priced") == []
    improve = next(c for c in result.changes if c.message_id.startswith("reallocate.improve"))
    assert improve.tool == "slow" and improve.params["hours"] == "3"
    assert improve.params["amount"] == 3 * RATE  # the owner's three hours, at her rate
    text = change_text(Translator("en"), improve, "TWD")
    assert "about 3 h a person, about NT$300 of their time" in text
    assert slow.training.hours_per_person == 3  # the accepted version schedules it


def test_one_more_seat_is_said_in_the_singular() -> None:
    strong = hours_tool("strong", (5, 10, 15), 250)
    strong["plans"] = [{"id": "m", "price": 250, "seats": 1}]
    plan = make_plan(hours_tool("weak", (30, 40, 60), 1500), strong)
    records = [
        rec(m, "strong", hours_saved=Decimal(30), seats=1, active_users=1, feedback=Decimal(5))
        for m in range(1, 7)
    ]
    result = reallocate(plan, review(plan, actuals(*records)))
    assert ids(result, "reallocate.add_seat") == ["strong"]
    assert ids(result, "reallocate.add_seats") == []
    seat = next(c for c in result.changes if c.message_id == "reallocate.add_seat")
    assert "1 more seat from" in change_text(Translator("en"), seat, "TWD")
    assert "增加 1 個席位" in change_text(Translator("zh_TW"), seat, "TWD")


def test_every_new_change_message_exists_in_both_catalogues() -> None:
    found = [
        idle_for_three_months(feedback=2)[1],
        idle_for_three_months(feedback=4)[1],
        improving_tool()[0],
    ]
    seen = set()
    for result in found:
        for change in result.changes:
            seen.add(change.message_id)
            for locale in ("en", "zh_TW"):
                text = catalogue(locale).get(change.message_id)
                assert text, (locale, change.message_id)
                assert set(re.findall(r"{(\w+)}", text)) <= set(change.params)
    assert {"reallocate.replace_none", "reallocate.stop", "reallocate.improve"} <= seen


def test_a_tool_to_stop_on_a_paid_annual_plan_stays_until_its_paid_year_ends() -> None:
    plan = annual_plan()
    done = review(plan, actuals(*annual_records(6)))
    assert next(t.action for t in done.tools if t.tool == "weak") in (Action.STOP, Action.REPLACE)
    result = reallocate(plan, done)
    assert result.plan is not None and "weak" in {t.id for t in result.plan.tools}
    stop = next(c for c in result.changes if c.message_id == "reallocate.stop_at_renewal")
    assert stop.tool == "weak" and stop.params["until"] == 12 and stop.params["month"] == 13
    text = change_text(Translator("en"), stop, "TWD")
    assert "paid up to month 12 (2027-12); do not renew it in month 13 (2028-01)" in text
    assert ids(result, "reallocate.stop") == ids(result, "reallocate.replace_none") == []
    assert ids(result, "reallocate.locked") == ids(result, "reallocate.renewal_doubtful") == []


def test_a_plan_without_a_name_is_said_by_its_price_never_its_id() -> None:
    kept = hours_tool("t1", (10, 20, 35), 100)
    kept["plans"] = [
        {"id": "m", "price": 1000, "seats": 1},
        {"id": "y", "price": 6000, "seats": 1, "billing": "annual"},
    ]
    plan = make_plan(kept, horizon={"months": 24})
    done = review(plan, actuals(*[rec(m, hours_saved=Decimal(20)) for m in range(1, 4)]))
    assert next(t.action for t in done.tools) is Action.KEEP
    result = reallocate(plan, done)
    switch = next(c for c in result.changes if c.tool == "t1")
    assert switch.message_id == "reallocate.switch_to_annual_priced"
    assert (switch.params["amount"], switch.params["monthly"]) == (6000, 500)
    assert switch.params["was"] == 1000
    text = change_text(Translator("zh_TW"), switch, "TWD")
    assert text == "將 Tool 改為年繳：一年付一次 NT$6,000，約每月 NT$500（目前每月 NT$1,000）"
