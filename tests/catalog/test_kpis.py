"""The KPI library: every entry complete in both languages, with what the health check
reads (its level, its pace ceiling, whether it is measured on customers) stated, not
defaulted."""

from __future__ import annotations

from decimal import Decimal

import pytest

from aibudget.catalog import kpi_entries, kpi_library

KPIS = kpi_entries()
NEW = (
    "line_friends",
    "block_rate",
    "chatbot_resolution_share",
    "ad_click_through_rate",
    "traffic_source_share",
    "sales_cycle_length",
    "repeat_purchase_rate",
    "average_order_value",
)


@pytest.mark.parametrize("kpi", sorted(kpi_library()))
def test_every_entry_states_what_the_health_check_reads(kpi: str) -> None:
    raw = kpi_library()[kpi]
    assert {"level", "max_monthly_change", "customer_data"} <= set(raw), kpi
    entry = KPIS[kpi]
    assert entry.typical.low < entry.typical.high
    assert entry.name.zh_tw != entry.name.en and entry.measure.zh_tw != entry.measure.en


@pytest.mark.parametrize(
    ("kpi", "unit", "direction", "zh_tw"),
    [
        ("line_friends", "count", "up", "LINE 好友數"),
        ("block_rate", "percent", "down", "封鎖率"),
        ("chatbot_resolution_share", "percent", "up", "聊天機器人自動解決比例"),
        ("ad_click_through_rate", "percent", "up", "廣告點閱率"),
        ("traffic_source_share", "percent", "up", "指定來源的流量占比"),
        ("sales_cycle_length", "days", "down", "銷售週期天數"),
        ("repeat_purchase_rate", "percent", "up", "回購率"),
        ("average_order_value", "money", "up", "平均客單價"),
    ],
)
def test_the_library_holds_the_kpis_small_businesses_ask_for(
    kpi: str, unit: str, direction: str, zh_tw: str
) -> None:
    entry = KPIS[kpi]
    assert (entry.unit, entry.direction, entry.name.zh_tw) == (unit, direction, zh_tw)


def test_business_results_activities_and_channels_are_told_apart() -> None:
    levels = {k: e.level for k, e in KPIS.items()}
    assert {k for k, v in levels.items() if v == "activity"} == {"hours_saved", "content_output"}
    for kpi in ("online_revenue", "conversion_rate", "qualified_leads", "customer_lifetime_value"):
        assert levels[kpi] == "result", kpi
    assert levels["engagement_rate"] == "channel"


def test_pace_ceilings_are_monthly_shares_well_below_doubling() -> None:
    ceilings = [e.max_monthly_change for e in KPIS.values() if e.max_monthly_change is not None]
    assert len(ceilings) >= len(KPIS) // 2
    assert all(Decimal("0.01") <= c <= Decimal("0.25") for c in ceilings)


def test_kpis_measured_on_customers_are_marked() -> None:
    marked = {k for k, e in KPIS.items() if e.customer_data}
    for kpi in ("line_friends", "block_rate", "email_open_rate", "repeat_purchase_rate"):
        assert kpi in marked
    assert "content_output" not in marked and "online_revenue" not in marked
