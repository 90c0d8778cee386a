"""JSON embedded in pages (chart figures) cannot end or change the <script> it sits in."""

from __future__ import annotations

import json
import re

from fastapi.testclient import TestClient

from aibudget.web.charts import Chart, figures_json
from tests.web.helpers import EXAMPLE, import_plan, new_workspace, sign_up

HOSTILE = "<!--<script>alert(1)</script>&amp;\u2028\u2029"
CHART_DATA = re.compile(r'<script type="application/json" id="chart-data">(.*?)</script>', re.S)


def test_figures_json_has_no_markup_characters_and_round_trips() -> None:
    figure = {"data": [{"name": HOSTILE, "x": [1, 2]}], "layout": {"title": HOSTILE}}
    text = figures_json([Chart(id="c", title="t", figure=figure, headers=[])])
    for character in ("<", ">", "&", "\u2028", "\u2029"):
        assert character not in text
    assert json.loads(text) == {"c": figure}


def test_a_tool_named_like_markup_leaves_the_evaluate_page_whole(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "name: ChatGPT Business", "name: '<!--<script>ChatGPT'"
    )
    plan_id = import_plan(client, ws, text)
    page = client.get(f"/w/{ws}/p/{plan_id}/v/1/evaluate", params={"trials": 500})
    assert page.status_code == 200
    block = CHART_DATA.search(page.text)
    assert block is not None
    assert "<" not in block.group(1) and ">" not in block.group(1)
    names = json.dumps(json.loads(block.group(1)), ensure_ascii=False)
    assert "<!--<script>ChatGPT" in names
