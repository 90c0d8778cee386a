"""The catalog for a Taiwanese small business: enough tools, local ones marked, every
price with its provenance and tax, free tools said to be free, tier names in both
languages, and the price check (``aibudget catalog check``)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from importlib.resources import files

import pytest
import yaml
from typer.testing import CliRunner

from aibudget.catalog import tool_catalog
from aibudget.cli import app
from aibudget.domain.catalog import CatalogTool
from aibudget.engine.catalog_check import price_issues
from aibudget.i18n import Translator
from aibudget.present.guidance import cheapest_text

RAW = yaml.safe_load(files("aibudget.catalog").joinpath("tools.yaml").read_text("utf-8"))["tools"]
RAW_TIERS = [(tool["id"], tier) for tool in RAW for tier in tool["plans"]]


def _listed() -> list[dict[str, object]]:
    done = CliRunner().invoke(app, ["catalog", "list", "--json"])
    assert done.exit_code == 0, done.output
    listed: list[dict[str, object]] = json.loads(done.output)
    return listed


def test_the_list_shows_sixty_tools_and_fifteen_sold_in_taiwan() -> None:
    listed = _listed()
    assert len(listed) >= 60
    taiwan = [e["id"] for e in listed if "TW" in e["markets"]]  # type: ignore[operator]
    assert len(taiwan) >= 15, taiwan
    assert all(e["markets"] for e in listed)  # every entry says where it is sold
    assert {"line-official-account", "shopline", "cyberbiz", "91app", "omnichat"} <= set(taiwan)


@pytest.mark.parametrize(("tool", "tier"), RAW_TIERS, ids=lambda v: v if isinstance(v, str) else "")
def test_every_price_has_its_date_source_currency_and_tax(tool: str, tier: dict) -> None:
    """Read from the YAML text itself, not through the models that would fill defaults."""
    if "price" not in tier:
        assert "currency" not in tier and "source" not in tier, (tool, tier["id"])
        return
    assert tier["currency"] in {"TWD", "USD"}, (tool, tier["id"])
    assert len(str(tier["as_of"])) == 7 and tier["source"], (tool, tier["id"])
    assert tier["tax"] in {"included", "excluded", "not_stated"}, (tool, tier["id"])


def test_vendors_selling_in_twd_are_priced_in_twd() -> None:
    line = tool_catalog()["line-official-account"]
    priced = [p for p in line.plans if p.price is not None]
    assert [(p.id, p.price, p.currency, p.tax) for p in priced] == [
        ("free", Decimal(0), "TWD", "excluded"),
        ("medium", Decimal(800), "TWD", "excluded"),
        ("high", Decimal(1200), "TWD", "excluded"),
    ]
    orderly = tool_catalog()["orderly"]
    assert {p.currency for p in orderly.plans} == {"TWD"}
    assert {p.tax for p in orderly.plans} == {"included"}


FREE_TOOLS = [
    "google-analytics-4",
    "looker-studio",
    "google-business-profile",
    "meta-business-suite",
]


@pytest.mark.parametrize("tool", FREE_TOOLS)
def test_free_tools_say_free_not_price_unknown(tool: str) -> None:
    entry = tool_catalog()[tool]
    assert entry.free_option
    assert any(p.free for p in entry.plans)
    t = Translator("zh_TW")
    if not any(p.price for p in entry.plans):
        assert cheapest_text(t, entry) == "免費"
    assert "價格未知" not in cheapest_text(t, entry)


def test_a_free_plan_flag_always_comes_with_a_free_tier_or_a_source() -> None:
    for entry in tool_catalog().values():
        if entry.trial.free_plan:
            assert any(p.free for p in entry.plans) or entry.trial.source, entry.id


def test_every_tier_has_a_chinese_name_that_differs_from_the_english_one() -> None:
    for entry in tool_catalog().values():
        for tier in entry.plans:
            assert tier.name.zh_tw != tier.name.en, (entry.id, tier.id)
            assert any("\u4e00" <= ch <= "\u9fff" for ch in tier.name.zh_tw), (entry.id, tier.id)


def test_taiwan_fit_counts_local_traits() -> None:
    catalog = tool_catalog()
    assert catalog["line-official-account"].tw_fit == 5
    assert catalog["intercom-fin"].tw_fit == 0
    plain = CatalogTool.model_validate(
        {
            "id": "x",
            "name": "X",
            "vendor": "V",
            "category": "chatbot",
            "summary": {"zh-TW": "測試", "en": "Test"},
            "setup_hours": 1,
            "run_hours_per_month": 1,
            "plans": [{"id": "p", "name": "Plain name"}],
        }
    )
    assert plain.plans[0].name.get("zh_TW") == "Plain name"  # a workspace's plain name
    assert plain.tw_fit == 0


def _catalog_with(*as_of: str) -> dict[str, CatalogTool]:
    tiers = [
        {"id": f"t{i}", "name": f"T{i}", "price": 1, "currency": "USD", "as_of": a, "source": "s"}
        for i, a in enumerate(as_of)
    ]
    tiers.append({"id": "quote", "name": "Q"})
    entry = CatalogTool.model_validate(
        {
            "id": "x",
            "name": "X",
            "vendor": "V",
            "category": "chatbot",
            "summary": {"zh-TW": "測試", "en": "Test"},
            "setup_hours": 1,
            "run_hours_per_month": 1,
            "plans": tiers,
        }
    )
    return {"x": entry}


def test_a_price_older_than_six_months_is_stale() -> None:
    issues = price_issues(_catalog_with("2026-06", "2026-05", "2024-12"), date(2026, 12, 31))
    assert [(i.tier, i.kind, i.months_old) for i in issues] == [
        ("t1", "stale", 7),
        ("t2", "stale", 24),
        ("quote", "missing", None),
    ]


def test_catalog_check_lists_stale_and_missing_prices_with_exit_code_1() -> None:
    done = CliRunner().invoke(app, ["catalog", "check", "--json", "--lang", "zh-TW"])
    assert done.exit_code == 1, done.output
    rows = json.loads(done.output)
    missing = {(r["tool"], r["tier"]) for r in rows if r["kind"] == "missing"}
    assert missing == {(tool, tier["id"]) for tool, tier in RAW_TIERS if "price" not in tier}
    stale = {(r["tool"], r["tier"]) for r in rows if r["kind"] == "stale"}
    assert ("line-official-account", "medium") in stale  # LINE's table is from 2023-09
    assert all(r["months_old"] > 6 for r in rows if r["kind"] == "stale")
    assert all("請" in r["message"] for r in rows)
