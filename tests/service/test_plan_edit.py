"""Editing one part of a plan with typed form values: the checks the web and API share."""

from __future__ import annotations

from decimal import Decimal

import pytest

from aibudget.i18n import Translator
from aibudget.service import new_plan, plan_edit
from aibudget.service.fields import TOOL
from aibudget.service.plan_parts import EditError, Target, add_part, remove_part
from tests.factories import plan_data, tool

ZH = Translator("zh_TW")


def _doc() -> dict:
    return plan_data(
        tool(
            id="gpt",
            name="ChatGPT",
            plans=[
                {"id": "monthly", "price": 800, "currency": "TWD"},
                {"id": "annual", "price": 8000, "billing": "annual"},
            ],
            benefits=[{"kind": "hours_saved", "hours_per_month": [2, 4, 8]}],
        ),
        goals=[{"id": "g1", "name": "More posts", "kpi": "content_output", "priority": 1}],
    )


def test_values_are_shown_as_the_owner_types_them() -> None:
    shown = plan_edit.values(_doc(), Target("tools", "gpt"))
    assert shown["@plan.price"] == "800"  # the chosen (first) tier
    assert shown["risk.benefits"] == "0"
    assert shown["kpis"] == []
    budget = plan_edit.values(_doc(), Target("budget"))
    assert budget["budget.annual_amount"] == "100000"
    assert budget["budget.min_reserve_share"] == ""  # the default applies


def test_a_change_is_typed_checked_and_named_in_the_note() -> None:
    edited = plan_edit.apply(
        _doc(),
        Target("tools", "gpt"),
        {"training.hours_per_person": "6", "@plan.price": "NT$1,200", "risk.costs": "12.5"},
    )
    assert edited.ok and edited.plan is not None
    gpt = edited.plan.tools[0]
    assert gpt.training.hours_per_person == 6
    assert gpt.plans[0].price == Decimal(1200)
    assert gpt.risk.costs == Decimal("0.125")
    note = plan_edit.note(ZH, _doc(), Target("tools", "gpt"), edited.changes)
    assert note.startswith("ChatGPT：")
    assert "每人訓練時數改為 6" in note and "價格改為 1200" in note


def test_choosing_another_tier_leaves_that_tiers_price_alone() -> None:
    edited = plan_edit.apply(
        _doc(), Target("tools", "gpt"), {"plan": "annual", "@plan.price": "800"}
    )
    assert edited.plan is not None
    assert edited.plan.tools[0].plan == "annual"
    assert [p.price for p in edited.plan.tools[0].plans] == [Decimal(800), Decimal(8000)]


def test_a_quote_for_a_tool_without_a_price_makes_its_own_tier() -> None:
    doc = plan_data(tool(id="line", name="LINE OA"))
    edited = plan_edit.apply(
        doc, Target("tools", "line"), {"@plan.price": "800", "@plan.as_of": "2026-12-01"}
    )
    assert edited.plan is not None
    (tier,) = edited.plan.tools[0].plans
    assert (tier.id, tier.price, str(tier.as_of)) == (plan_edit.QUOTE_PLAN, 800, "2026-12-01")
    untouched = plan_edit.apply(doc, Target("tools", "line"), {"@plan.price": ""})
    assert untouched.plan is not None and untouched.plan.tools[0].plans == []


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("training.hours_per_person", "six", "field.not_a_number"),
        ("start_month", "2.5", "field.whole_number"),
        ("name", " ", "field.required"),
        ("start_month", "99", None),  # typed fine, refused by the plan's own rule
        ("owner", "nobody", None),
    ],
)
def test_problems_stand_beside_their_field(field: str, typed: str, message: str | None) -> None:
    edited = plan_edit.apply(_doc(), Target("tools", "gpt"), {field: typed})
    assert not edited.ok
    assert field in edited.problems, (edited.problems, edited.other)
    if message:
        assert edited.problems[field].message_id == message
    assert edited.other == []


def test_a_problem_elsewhere_in_the_plan_is_kept_apart() -> None:
    """Removing the goal's only tool KPI is fine; a goal pointing at a removed member is not
    this form's business, so it is listed apart, not beside a field."""
    doc = _doc()
    doc["tools"][0]["owner"] = "ghost"  # broken before the edit
    edited = plan_edit.apply(doc, Target("goals", "g1"), {"target": "10"})
    assert edited.problems == {}
    assert [p.path[:2] for p in edited.other] == [("tools", 0)]


def test_every_field_of_every_section_reads_back_what_was_written() -> None:
    doc = _doc()
    form = {f.name: plan_edit.values(doc, Target("tools", "gpt"))[f.name] for f in TOOL}
    edited = plan_edit.apply(doc, Target("tools", "gpt"), form)
    assert edited.ok and edited.changes == []  # nothing typed differently: nothing changed


def test_an_item_that_is_gone_is_an_edit_error() -> None:
    with pytest.raises(EditError):
        plan_edit.apply(_doc(), Target("tools", "nope"), {"name": "x"})
    with pytest.raises(EditError):
        plan_edit.values(_doc(), Target("benefits", "gpt", 5))


def test_benefit_estimates_are_added_edited_and_removed() -> None:
    target, plan = add_part(_doc(), "benefits", "gpt", "revenue_lift", "")
    assert target == Target("benefits", "gpt", 1)
    assert plan.tools[0].benefits[1].kind == "revenue_lift"
    doc = plan.model_dump(mode="json")
    edited = plan_edit.apply(
        doc, Target("benefits", "gpt", 1), {"lift.low": "1", "lift.likely": "2", "lift.high": "4"}
    )
    assert edited.plan is not None
    assert edited.plan.tools[0].benefits[1].lift.likely == Decimal("0.02")  # type: ignore[union-attr]
    bad = plan_edit.apply(doc, Target("benefits", "gpt", 1), {"lift.low": "9"})
    assert "lift.low" in bad.problems  # low above likely
    smaller, removed = remove_part(doc, Target("benefits", "gpt", 0))
    assert removed["kind"] == "hours_saved"
    assert [b.kind for b in smaller.tools[0].benefits] == ["revenue_lift"]


def test_a_new_plan_from_the_short_form() -> None:
    form = new_plan.defaults("2027-01", "zh_TW") | {
        "company.name": "高雄衣著小舖",
        "company.annual_revenue": "8,000,000",
        "company.annual_marketing_budget": "600000",
    }
    edited = new_plan.build(form, owner_name="林小姐", t=ZH)
    assert edited.ok and edited.plan is not None
    plan = edited.plan
    assert (plan.company.name, plan.horizon.start, plan.horizon.months) == (
        "高雄衣著小舖",
        "2027-01",
        24,
    )
    assert plan.annual_budget() == Decimal(60000)  # 10% of marketing
    assert [(m.name, m.role) for m in plan.team] == [("林小姐", "老闆")]
    missing = new_plan.build({"company.name": "x"}, owner_name="", t=ZH)
    assert {"company.annual_revenue", "company.employees", "horizon.start"} <= set(missing.problems)


def test_plan_level_lines_take_amounts_typed_with_spaces() -> None:
    target, plan = add_part(_doc(), "lines", None, "", "外部顧問")
    assert target == Target("lines", None, 0) and plan.lines[0].label == "外部顧問"
    doc = plan.model_dump(mode="json")
    edited = plan_edit.apply(doc, target, {"amounts": "12,000 15000、9000", "period": "year"})
    assert edited.plan is not None
    assert edited.plan.lines[0].amounts == [Decimal(12000), Decimal(15000), Decimal(9000)]
    bad = plan_edit.apply(doc, target, {"amounts": "12000 很多"})
    assert bad.problems["amounts"].message_id == "field.not_a_number"
    smaller, removed = remove_part(doc, target)
    assert smaller.lines == [] and removed["label"] == "外部顧問"


def test_a_tools_price_schedule_is_added_and_edited() -> None:
    target, plan = add_part(_doc(), "schedules", "gpt", "", "廠商報價")
    assert target == Target("schedules", "gpt", 0)
    edited = plan_edit.apply(
        plan.model_dump(mode="json"), target, {"initial": "5000", "amounts": "20000 22000"}
    )
    assert edited.plan is not None
    quote = edited.plan.tools[0].schedules[0]
    assert (quote.initial, quote.amounts) == (Decimal(5000), [Decimal(20000), Decimal(22000)])


def test_an_ad_channel_keeps_only_its_curves_parameters() -> None:
    target, plan = add_part(_doc(), "channels", None, "", "Meta 廣告")
    assert target == Target("channels", "channel-1")
    doc = plan.model_dump(mode="json", exclude_none=True)
    edited = plan_edit.apply(
        doc, target, {"curve.kind": "exponential", "curve.spend_scale": "8000"}
    )
    assert edited.ok and edited.plan is not None and edited.plan.optimise is not None
    curve = edited.document["optimise"]["channels"][0]["curve"]
    assert set(curve) == {"kind", "max_return", "spend_scale"}  # half_saturation dropped
    needs = plan_edit.apply(doc, target, {"curve.kind": "hill"})
    assert needs.ok  # hill keeps max_return and half_saturation; slope has a default


def test_the_optimisers_aim_is_an_owners_choice() -> None:
    edited = plan_edit.apply(
        _doc(), Target("optimiser"), {"optimise.objective": "cvar", "optimise.risk_aversion": "0.3"}
    )
    assert edited.plan is not None and edited.plan.optimise is not None
    assert (edited.plan.optimise.objective.value, edited.plan.optimise.risk_aversion) == (
        "cvar",
        Decimal("0.3"),
    )
    note = plan_edit.note(ZH, _doc(), Target("optimiser"), edited.changes)
    assert note == "預算配置設定：配置的目標改為 降低最壞情況的損失、保守程度（0 到 1）改為 0.3"


def _channel_doc(max_return: object) -> dict:
    doc = _doc()
    curve = {"kind": "michaelis_menten", "max_return": max_return, "half_saturation": 10000}
    channel = {"id": "meta", "name": "Meta 廣告", "max_monthly": 20000, "curve": curve}
    doc["optimise"] = {"channels": [channel]}
    return doc


ENDS = ("low", "likely", "high")


@pytest.mark.parametrize("short", [30000, "30000", [30000, 30000, 30000]])
def test_a_channels_return_given_once_shows_in_its_three_fields(short: object) -> None:
    shown = plan_edit.values(_channel_doc(short), Target("channels", "meta"))
    assert [shown[f"curve.max_return.{end}"] for end in ENDS] == ["30000"] * 3


def test_one_end_of_a_channels_return_changes_and_the_others_keep() -> None:
    doc = _channel_doc(30000)
    target = Target("channels", "meta")
    edited = plan_edit.apply(doc, target, {"curve.max_return.low": "18,000"})  # as the API sends
    assert edited.ok and edited.plan is not None and edited.plan.optimise is not None
    height = edited.plan.optimise.channels[0].curve.max_return
    assert (height.low, height.likely, height.high) == (18000, 30000, 30000)
    assert [c.field.name for c in edited.changes] == ["curve.max_return.low"]
    note = plan_edit.note(ZH, doc, target, edited.changes)
    assert note == "Meta 廣告：每月回報上限（保守）改為 18000"


@pytest.mark.parametrize(
    ("low", "likely", "high", "message"),
    [("40000", "30000", "50000", "value.range_order"), ("-1", "30000", "50000",
     "value.range_negative")],
)  # fmt: skip
def test_a_channels_return_out_of_order_or_negative_is_refused_beside_it(
    low: str, likely: str, high: str, message: str
) -> None:
    form = dict(zip((f"curve.max_return.{end}" for end in ENDS), (low, likely, high), strict=True))
    edited = plan_edit.apply(_channel_doc(30000), Target("channels", "meta"), form)
    assert not edited.ok
    assert edited.problems["curve.max_return.low"].message_id == message
    assert ZH(message, low=low, likely=likely, high=high) != message  # said in words
