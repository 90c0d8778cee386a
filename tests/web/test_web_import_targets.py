"""The web import says where a file's figures go in the plan: ad spend to a tool or ad
channel the owner chooses once (remembered per workspace and source), KPI columns to the
goals that use them, or in words that no goal uses them yet."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import yaml
from fastapi.testclient import TestClient
from sqlalchemy import text

from aibudget.i18n import Translator
from aibudget.store import actuals
from tests.factories import plan_data, tool
from tests.imports import exports
from tests.imports.conftest import FIXTURES
from tests.web.helpers import csrf, import_plan, new_workspace, sign_up

T = Translator("zh_TW")
GOOGLE = FIXTURES / "google_ads_zh_utf16.tsv"


def _plan(tmp_path: Path) -> str:
    """Two tools, neither an ad tool, so nothing says where ad spend goes."""
    data = plan_data(
        tool(id="chatgpt", name="ChatGPT Business", plans=[{"id": "m", "price": 800}]),
        tool(id="adcreative", name="AdCreative 廣告素材", plans=[{"id": "m", "price": 1200}]),
        company={"name": "山嵐咖啡", "locale": "zh-TW"},
        goals=[
            {
                "id": "friends",
                "name": "LINE 好友到 2,000 人",
                "kpi": "line_friends",
                "target": 2000,
            },
            {"id": "posts", "name": "每月 20 篇貼文", "kpi": "content_output", "target": 20},
        ],
    )
    return yaml.safe_dump(data, allow_unicode=True)


def _setup(client: TestClient, tmp_path: Path) -> tuple[str, str]:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    return ws, import_plan(client, ws, _plan(tmp_path))


def _preview(client: TestClient, ws: str, plan_id: str, path: Path) -> str:
    token = csrf(client, f"/w/{ws}/p/{plan_id}/actuals")
    response = client.post(
        f"/w/{ws}/p/{plan_id}/actuals/preview",
        data={"csrf_token": token, "format": ""},
        files={"upload": (path.name, path.read_bytes(), "text/csv")},
    )
    assert response.status_code == 200, response.text
    return response.text


def _import_id(page: str) -> str:
    found = re.search(r'name="import_id" value="([0-9a-f]+)"', page)
    assert found
    return found.group(1)


def _goes_to(page: str) -> list[str]:
    table = page.split('data-testid="spend"', 1)[1].split("</table>", 1)[0]
    return re.findall(r"<td>([^<]*)</td></tr>", table)


def _stored(client: TestClient, ws: str, plan_id: str) -> tuple[str, actuals.Actuals]:
    web = client.app.state.web  # type: ignore[attr-defined]
    with web.db.session() as s:  # a session of its own: what was really written
        user_id = s.execute(text("select id from users")).scalar_one()
        return user_id, actuals.get(s, user_id, ws, plan_id, "TWD")


def test_ad_spend_is_asked_once_shown_row_by_row_and_remembered(
    client: TestClient, tmp_path: Path
) -> None:
    ws, plan_id = _setup(client, tmp_path)
    page = _preview(client, ws, plan_id, GOOGLE)
    export = exports.google_ads("zh")
    rows = {(r[0][:7], r[1]) for r in export.rows}  # month, campaign: one line each
    assert _goes_to(page) == [T("import.web.not_chosen")] * len(rows)
    assert T("import.web.spend_choose") in page
    assert re.search(r'data-testid="confirm"[^>]*disabled', page)  # nowhere to go yet
    import_id = _import_id(page)

    shown = client.get(f"/w/{ws}/p/{plan_id}/actuals/imports/{import_id}?to=adcreative").text
    assert _goes_to(shown) == ["AdCreative 廣告素材"] * len(rows)
    token = csrf(client, f"/w/{ws}/p/{plan_id}/actuals")
    done = client.post(
        f"/w/{ws}/p/{plan_id}/actuals/confirm",
        data={"csrf_token": token, "import_id": import_id, "spend_to": "adcreative"},
        follow_redirects=False,
    )
    assert done.status_code == 303, done.text
    user_id, stored = _stored(client, ws, plan_id)
    spend = [r for r in stored.records if r.amount is not None]
    assert {r.tool for r in spend} == {"adcreative"}
    assert sum((r.amount for r in spend), Decimal(0)) == export.total("cost")  # a recount

    again = _preview(client, ws, plan_id, GOOGLE)  # next time: remembered
    assert _goes_to(again) == ["AdCreative 廣告素材"] * len(rows)
    assert T("import.web.spend_remembered") in again
    web = client.app.state.web  # type: ignore[attr-defined]
    with web.db.session() as s:
        setting = actuals.remembered(s, user_id, ws, "google_ads")
    assert setting is not None and setting.spend_to == "adcreative"
    assert "@spend_to" not in setting.mapping  # the column mapping stays field -> header


def test_a_reimport_booked_the_same_way_adds_nothing(client: TestClient, tmp_path: Path) -> None:
    ws, plan_id = _setup(client, tmp_path)
    for expected in ("added", "present"):
        page = _preview(client, ws, plan_id, GOOGLE)
        token = csrf(client, f"/w/{ws}/p/{plan_id}/actuals")
        done = client.post(
            f"/w/{ws}/p/{plan_id}/actuals/confirm",
            data={"csrf_token": token, "import_id": _import_id(page), "spend_to": "chatgpt"},
            follow_redirects=False,
        )
        query = dict(p.split("=") for p in done.headers["location"].split("?")[1].split("&"))
        assert int(query[expected]) > 0 and int(query["replaced"]) == 0
    _, stored = _stored(client, ws, plan_id)
    assert len({r.fingerprint for r in stored.records}) == len(stored.records)


def test_a_confirm_without_a_target_writes_nothing(client: TestClient, tmp_path: Path) -> None:
    ws, plan_id = _setup(client, tmp_path)
    page = _preview(client, ws, plan_id, GOOGLE)
    token = csrf(client, f"/w/{ws}/p/{plan_id}/actuals")
    refused = client.post(
        f"/w/{ws}/p/{plan_id}/actuals/confirm",
        data={"csrf_token": token, "import_id": _import_id(page), "spend_to": "nosuch"},
        follow_redirects=False,
    )
    assert refused.status_code == 409
    assert T("import.web.no_target") in refused.text
    assert _stored(client, ws, plan_id)[1].records == []


def test_kpi_figures_say_which_goal_they_count_in(client: TestClient, tmp_path: Path) -> None:
    ws, plan_id = _setup(client, tmp_path)
    page = _preview(client, ws, plan_id, FIXTURES / "line_friends_zh_utf8_bom.csv")
    uses = page.split('data-testid="kpi-uses"', 1)[1].split("</section>", 1)[0]
    assert T("import.web.kpi_counts", goals="LINE 好友到 2,000 人") in uses
    assert "封鎖率" in uses and T("import.web.kpi_unused") in uses  # kept, said so
    assert 'data-testid="spend"' not in page  # no ad spend in a LINE report


def _renamed(tmp_path: Path) -> Path:
    """A Google Ads report whose campaign and cost columns were renamed by hand."""
    text = (FIXTURES / "google_ads_zh_utf8_bom.csv").read_bytes().decode("utf-8-sig")
    path = tmp_path / "renamed.csv"
    path.write_text(text.replace("行銷活動", "活動名稱X").replace("費用", "總花費X"), "utf-8")
    return path


def _post(client: TestClient, ws: str, plan_id: str, path: Path, **form: object) -> str:
    token = csrf(client, f"/w/{ws}/p/{plan_id}/actuals")
    return client.post(
        f"/w/{ws}/p/{plan_id}/actuals/preview",
        data={"csrf_token": token, **form},
        files={"upload": (path.name, path.read_bytes(), "text/csv")},
    ).text


def test_unknown_columns_are_matched_once_in_the_browser_and_remembered(
    client: TestClient, tmp_path: Path
) -> None:
    ws, plan_id = _setup(client, tmp_path)
    renamed = _renamed(tmp_path)
    page = _post(client, ws, plan_id, renamed, format="")
    assert T("import.web.map_lead_source") in page  # first: which kind of file
    page = _post(client, ws, plan_id, renamed, format="google_ads")
    editor = page.split('data-testid="map-columns"', 1)[1].split("</section>", 1)[0]
    assert '<option value="campaign=活動名稱X"' in editor and "行銷活動" in editor
    assert "campaign" not in re.sub(r'value="[^"]*"|name="[^"]*"|id="[^"]*"', "", editor)
    chosen = ["campaign=活動名稱X", "cost=總花費X"]
    page = _post(client, ws, plan_id, renamed, format="google_ads", columns=chosen, tool="chatgpt")
    token = csrf(client, f"/w/{ws}/p/{plan_id}/actuals")
    done = client.post(
        f"/w/{ws}/p/{plan_id}/actuals/confirm",
        data={"csrf_token": token, "import_id": _import_id(page), "spend_to": "chatgpt"},
        follow_redirects=False,
    )
    assert done.status_code == 303, done.text
    _, stored = _stored(client, ws, plan_id)
    total = sum((r.amount or Decimal(0) for r in stored.records), Decimal(0))
    assert total == exports.google_ads("zh").total("cost")
    again = _post(client, ws, plan_id, renamed, format="")  # detected with the remembered columns
    assert T("monitor.web.would_add", added=0, present=len(stored.records)) in again
