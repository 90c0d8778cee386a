"""The proposal says what to do in the tools' own terms: which tool replaces a rejected
one and what it costs, and what scaling up buys (seats or the next tier)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
import yaml

from aibudget.catalog import kpi_ids
from aibudget.domain.guidance import CatalogTool
from aibudget.domain.plan import Plan
from aibudget.domain.reallocation import Reallocation, changes_plan
from aibudget.domain.validate import parse_plan
from aibudget.engine.optimize import optimize
from aibudget.engine.reallocate import reallocate
from aibudget.engine.review import review
from aibudget.i18n import Translator
from aibudget.planfile import dump_plan
from aibudget.present.reallocate import change_text
from tests.engine.test_reallocate import ids
from tests.engine.test_review import actuals, hours_tool, rec
from tests.factories import make_plan

USD = Decimal(32)
EN, ZH = Translator("en"), Translator("zh_TW")


def entry(ident: str, category: str, kpis: list[str], *plans: dict[str, Any], **extra: Any):  # type: ignore[no-untyped-def]
    return CatalogTool.model_validate(
        {
            "id": ident,
            "name": ident.replace("-", " ").title(),
            "vendor": "V",
            "category": category,
            "summary": {"zh-TW": "工具", "en": "A tool"},
            "setup_hours": 1,
            "run_hours_per_month": 1,
            "kpis": kpis,
            "plans": [
                {"currency": "USD", "as_of": "2026-06", "source": "https://example.com", **p}
                for p in plans
            ],
            "benefits": [
                {"kind": "hours_saved", "low": 20, "likely": 30, "high": 40, "basis": "assumption",
                 "note": {"zh-TW": "假設", "en": "assumption"}},
            ],
            **extra,
        }
    )  # fmt: skip


def catalog(*entries: CatalogTool) -> dict[str, CatalogTool]:
    return {e.id: e for e in entries}


def rejected_writer(**catalog_extra: Any) -> Plan:
    idle = hours_tool(
        "idle", (30, 40, 60), 1500, category="content_writing", kpis=["content_output"],
        catalog_id="old-writer",
    )  # fmt: skip
    return make_plan(idle, horizon={"months": 24}, fx={"USD": USD})


def rejected_for_three_months(plan: Plan, books: dict[str, CatalogTool]) -> Reallocation:
    records = [rec(m, "idle", hours_saved=Decimal(0), feedback=Decimal(2)) for m in (1, 2, 3)]
    done = review(plan, actuals(*records))
    assert next(t.action.value for t in done.tools if t.tool == "idle") == "replace"
    return reallocate(plan, done, books)


WRITERS = catalog(
    entry("old-writer", "content_writing", ["content_output"], {"id": "m", "name": "M",
                                                               "price": 9}),
    entry("writer-a", "content_writing", ["content_output", "hours_saved"],
          {"id": "team", "name": "Team", "price": 10, "per": "seat"}, ease=4),
    entry("writer-b", "content_writing", [], {"id": "solo", "name": "Solo", "price": 5}, ease=5),
    entry("seo-x", "seo", ["organic_traffic"], {"id": "pro", "name": "Pro", "price": 1}),
)  # fmt: skip


def test_a_rejected_tool_is_replaced_by_a_named_catalog_tool_serving_the_same_goals() -> None:
    plan = rejected_writer()
    result = rejected_for_three_months(plan, WRITERS)
    swap = next(c for c in result.changes if c.message_id == "reallocate.replace_with")
    assert swap.tool == "idle" and swap.params["alternative"] == "Writer A"  # shares the KPI
    # priced in its own pricing: USD 10 a seat, as many seats as the tool it replaces (2)
    assert swap.params["price"] == {"amount": Decimal(20), "currency": "USD"}
    assert swap.params["month"] == 4 and swap.params["plan"] == "Team"
    text = change_text(EN, swap, "TWD")
    assert "Replace Tool with Writer A from month 4 (2027-04)" in text
    assert "Its Team plan costs $20 a month" in text
    assert "以 Writer A 取代" not in text and "改用 Writer A 取代 Tool" in change_text(
        ZH, swap, "TWD"
    )
    assert changes_plan(result) and result.plan is not None
    kept = {t.id: t for t in result.plan.tools}
    assert "idle" not in kept and kept["writer-a"].kpis == ["content_output"]
    assert kept["writer-a"].plans[0].seats == 2


def test_the_accepted_version_swaps_the_tool_and_stands_on_its_own() -> None:
    result = rejected_for_three_months(rejected_writer(), WRITERS)
    assert result.plan is not None
    accepted = load_plan_text(dump_plan(result.plan))
    # an independent run of the optimiser on the accepted version keeps the swap
    chosen = {s.tool for s in optimize(accepted, explain=False).selected}
    assert "writer-a" in chosen and "idle" not in {t.id for t in accepted.tools}
    bill = accepted.bill(next(t for t in accepted.tools if t.id == "writer-a").plans[0])
    assert bill == 10 * 2 * USD  # what the owner will pay a month, in NT$


def load_plan_text(text: str) -> Plan:
    return parse_plan(yaml.safe_load(text), kpi_ids())


def test_no_alternative_in_the_catalog_is_said_plainly() -> None:
    plan = rejected_writer()
    result = rejected_for_three_months(plan, catalog(WRITERS["seo-x"], WRITERS["old-writer"]))
    assert ids(result, "reallocate.replace_none") == ["idle"]
    text = change_text(EN, next(c for c in result.changes if c.tool == "idle"), "TWD")
    assert "the tool catalog has no other tool for the same goals" in text
    assert result.plan is not None and "idle" not in {t.id for t in result.plan.tools}


def test_an_alternative_that_does_not_pay_is_named_and_left_out() -> None:
    dear = entry(
        "writer-a", "content_writing", ["content_output"], {"id": "x", "name": "X", "price": 9000}
    )
    result = rejected_for_three_months(rejected_writer(), catalog(dear))
    change = next(c for c in result.changes if c.tool == "idle")
    assert change.message_id == "reallocate.replace_not_worth"
    assert change.params["alternative"] == "Writer A"
    assert result.plan is not None and "writer-a" not in {t.id for t in result.plan.tools}


# --- scaling up in the tool's own pricing unit ---------------------------------------


def strong_plan(**strong: Any) -> Plan:
    tool = hours_tool("strong", (5, 10, 15), 250, catalog_id="grower")
    tool.update(strong)
    return make_plan(hours_tool("weak", (30, 40, 60), 1500), tool, fx={"USD": USD})


def scaled(plan: Plan, books: dict[str, CatalogTool]) -> Reallocation:
    records = [
        rec(m, "strong", hours_saved=Decimal(30), seats=1, active_users=1, feedback=Decimal(5))
        for m in range(1, 7)
    ]
    done = review(plan, actuals(*records))
    assert next(t.action.value for t in done.tools if t.tool == "strong") == "scale_up"
    return reallocate(plan, done, books)


def test_a_tool_priced_per_seat_scales_by_seats_in_the_plural() -> None:
    books = catalog(entry("grower", "content_writing", [], {"id": "m", "name": "M", "price": 1,
                                                            "per": "seat"}))  # fmt: skip
    result = scaled(strong_plan(), books)  # two seats today
    seats = next(c for c in result.changes if c.message_id == "reallocate.add_seats")
    assert seats.params["seats"] == 2
    assert "2 more seats from month 7" in change_text(EN, seats, "TWD")
    assert "增加 2 個席位" in change_text(ZH, seats, "TWD")


@pytest.mark.parametrize("where", ["own plans", "catalog"])
def test_a_tool_priced_per_account_scales_to_its_next_tier(where: str) -> None:
    tiers = [
        {"id": "m", "name": "Standard 500", "price": 250},
        {"id": "big", "name": "Standard 10,000", "price": 1000},
        {"id": "huge", "name": "Premium 10,000", "price": 3000},
    ]
    books = catalog(
        entry("grower", "email", [], *({**t, "price": t["price"] / USD} for t in tiers))
    )
    own = [{**t, "seats": 1} for t in tiers] if where == "own plans" else [{**tiers[0], "seats": 1}]
    result = scaled(strong_plan(plans=own, plan="m"), books)
    up = next(c for c in result.changes if c.message_id == "reallocate.upgrade")
    assert up.tool == "strong" and up.params["plan"] == "Standard 10,000"  # the next, not the top
    assert up.params["amount"] == Decimal(1000 - 250)  # the difference a month
    assert "move up to the Standard 10,000 plan from month 7" in change_text(EN, up, "TWD")
    assert "升級到 Standard 10,000 方案" in change_text(ZH, up, "TWD")
    assert ids(result, "reallocate.add_seat") == ids(result, "reallocate.add_seats") == []


def test_a_tool_with_no_step_up_is_told_so_and_nothing_is_bought() -> None:
    books = catalog(entry("grower", "email", [], {"id": "m", "name": "M", "price": 1}))
    result = scaled(strong_plan(plans=[{"id": "m", "price": 250, "seats": 1}]), books)
    assert ids(result, "reallocate.scale_no_step") == ["strong"]
    assert result.plan is not None and "strong.more" not in {t.id for t in result.plan.tools}
    text = change_text(ZH, next(c for c in result.changes if c.tool == "strong"), "TWD")
    assert "沒有更大的等級或可加購的席位" in text
