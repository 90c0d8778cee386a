"""A workspace's own catalog entries: edited as YAML, used by its plans, checked first."""

from __future__ import annotations

from fastapi.testclient import TestClient

from aibudget.i18n import Translator
from tests.web.helpers import csrf, import_plan, new_workspace, sign_up

OVERRIDE = """- id: canva-pro
  summary:
    zh-TW: 本店議價方案，年繳九折
    en: our negotiated price, 10% off yearly
"""


def test_workspace_entries_change_what_its_plans_see(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    plan_id = import_plan(client, ws)
    token = csrf(client, f"/w/{ws}/catalog")
    saved = client.post(f"/w/{ws}/catalog", data={"csrf_token": token, "entries": OVERRIDE})
    assert saved.status_code == 200 and "本店議價方案" in saved.text
    found = client.get(f"/w/{ws}/p/{plan_id}/catalog", params={"q": "canva pro"})
    assert "本店議價方案，年繳九折" in found.text
    other = new_workspace(client, "Other")
    other_plan = import_plan(client, other)
    plain = client.get(f"/w/{other}/p/{other_plan}/catalog", params={"q": "canva pro"})
    assert "本店議價方案" not in plain.text


def test_bad_entries_are_refused_with_their_path(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    token = csrf(client, f"/w/{ws}/catalog")
    new_tool = "- id: my-own-tool\n  name: Only a name\n"  # a new id must be a whole entry
    page = client.post(f"/w/{ws}/catalog", data={"csrf_token": token, "entries": new_tool})
    assert page.status_code == 422 and "<code>catalog[0]" in page.text
    not_list = client.post(f"/w/{ws}/catalog", data={"csrf_token": token, "entries": "a: 1"})
    assert not_list.status_code == 422
    assert Translator("zh_TW")("web.catalog_not_list") in not_list.text


def test_the_catalog_api_replaces_and_validates(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    headers = {"X-CSRF-Token": csrf(client, "/workspaces")}
    url = f"/api/v1/workspaces/{ws}/catalog"
    assert client.get(url).json()["entries"] == []
    entry = {"id": "canva-pro", "summary": {"zh-TW": "議價", "en": "negotiated"}}
    assert client.put(url, json={"entries": [entry]}, headers=headers).status_code == 200
    assert client.get(url).json()["entries"] == [entry]
    bad = client.put(url, json={"entries": [{"id": "x-new", "name": "x"}]}, headers=headers)
    assert bad.status_code == 422
    assert all(f["path"].startswith("catalog[0]") for f in bad.json()["error"]["fields"])
    assert client.get(url).json()["entries"] == [entry]
