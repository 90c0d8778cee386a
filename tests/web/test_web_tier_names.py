"""A tool's plan (tier) is named in the owner's language on every page and report that
shows it, though the plan stores the catalog's English name."""

from __future__ import annotations

from fastapi.testclient import TestClient

from aibudget.catalog import tool_catalog
from aibudget.domain.catalog import catalog_tool_to_plan_tool
from aibudget.i18n import Translator
from aibudget.service.tiers import tier_name, tool_tier_name
from tests.factories import make_plan
from tests.web.helpers import csrf, new_workspace, sign_up
from tests.web.test_web_builder import _new_plan


def test_a_zh_tw_plan_page_shows_the_chinese_tier_name(client: TestClient) -> None:
    sign_up(client, "alice@example.com", "林小姐")
    ws = new_workspace(client)
    plan_id = _new_plan(client, ws)
    base = f"/w/{ws}/p/{plan_id}"
    token = csrf(client, f"{base}/catalog")
    for tool in ("chatgpt-business", "line-official-account"):
        added = client.post(
            f"{base}/add-tool",
            data={"csrf_token": token, "catalog_id": tool, "owner": "owner"},
            follow_redirects=False,
        )
        assert added.status_code == 303, added.text
    page = client.get(base).text
    assert "Business 團隊方案（月繳）" in page and "輕用量（免費）" in page
    assert "Business (monthly billing)" not in page and "Light (free)" not in page
    assert "價格未知" not in page.split("LINE")[1][:400]  # LINE's free tier is chosen
    edit = client.get(f"{base}/edit/tools/chatgpt-business").text
    assert "Business 團隊方案（年繳）" in edit and "(annual billing)" not in edit  # the choices


def test_reports_and_the_command_line_share_the_rule() -> None:
    entry = tool_catalog()["chatgpt-business"]
    plan = make_plan(catalog_tool_to_plan_tool(entry, "amy"), fx={"USD": 32})
    tool = plan.tools[0]
    assert (
        tool.chosen_plan() is not None and tool.chosen_plan().name == "Business (monthly billing)"
    )
    assert tool_tier_name(Translator("zh_TW"), tool) == "Business 團隊方案（月繳）"
    assert tool_tier_name(Translator("en"), tool) == "Business (monthly billing)"
    renamed = {"id": "monthly", "name": "我們談的價格"}
    assert tier_name(Translator("zh_TW"), renamed, "chatgpt-business") == "我們談的價格"
    assert tier_name(Translator("zh_TW"), {"id": "monthly"}, None) == "月繳方案"
