"""The JSON API of step 5: actuals, imports with a preview, the review and its proposal."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from fastapi.testclient import TestClient

from aibudget.domain.actuals import Actuals
from aibudget.engine.review import review
from aibudget.imports import ImportOptions, preview_file
from aibudget.planfile import load_plan
from aibudget.store import audit
from tests.cli.test_cli_monitor import FIXTURES, cafe, filled_template, run
from tests.web.helpers import csrf, import_plan, new_workspace, set_limits, sign_up
from tests.web.test_web_api import _shape

V1 = "/api/v1"


def _new_token(client: TestClient) -> dict[str, str]:
    """A personal token of the signed-in user; then only the token speaks."""
    page = client.post(
        "/account/tokens", data={"csrf_token": csrf(client, "/account"), "name": "script"}
    )
    found = re.search(r'data-testid="api-token">([^<]+)<', page.text)
    assert found
    client.cookies.clear()
    return {"Authorization": f"Bearer {found.group(1)}"}


def _document(plan_file: Path) -> dict[str, Any]:
    data = yaml.safe_load(plan_file.read_text(encoding="utf-8"))
    return dict(json.loads(json.dumps(data, default=str)))


def _setup(client: TestClient, tmp_path: Path, email: str = "alice@example.com") -> Any:
    """A token, a workspace and the cafe plan: (auth, plan url, plan file)."""
    sign_up(client, email)
    auth = _new_token(client)
    plan_file = cafe(tmp_path)
    ws = client.post(f"{V1}/workspaces", json={"name": "Shop"}, headers=auth).json()["id"]
    made = client.post(
        f"{V1}/workspaces/{ws}/plans",
        json={"name": "2027", "document": _document(plan_file)},
        headers=auth,
    )
    assert made.status_code == 201, made.text
    return auth, f"{V1}/workspaces/{ws}/plans/{made.json()['plan_id']}", plan_file


def _upload(client: TestClient, url: str, auth: dict[str, str], path: Path) -> Any:
    return client.post(
        f"{url}/actuals/imports",
        files={"file": (path.name, path.read_bytes(), "text/csv")},
        headers=auth,
    )


def _import(client: TestClient, url: str, auth: dict[str, str], path: Path) -> dict[str, Any]:
    preview = _upload(client, url, auth, path)
    assert preview.status_code == 200, preview.text
    done = client.post(
        f"{url}/actuals/confirm", json={"import_id": preview.json()["import_id"]}, headers=auth
    )
    assert done.status_code == 200, done.text
    return dict(done.json())


def test_entries_round_trip_and_every_bad_field_is_named(
    client: TestClient, tmp_path: Path
) -> None:
    auth, url, _ = _setup(client, tmp_path)
    assert client.get(f"{url}/actuals", headers=auth).json()["records"] == []
    entry = {"month": "2027-02", "tool": "chatgpt", "line": "subscription", "amount": "1,600"}
    made = client.post(f"{url}/actuals", json={**entry, "hours_saved": 12}, headers=auth)
    assert made.status_code == 201, made.text
    assert made.json()["report"]["added"] == 1
    stored = client.get(f"{url}/actuals", headers=auth).json()
    assert [(r["month"], Decimal(r["amount"])) for r in stored["records"]] == [
        ("2027-02", Decimal(1600))
    ]
    assert Decimal(stored["months"][0]["spent"]) == Decimal(1600)
    again = client.post(f"{url}/actuals", json={**entry, "hours_saved": 12}, headers=auth)
    assert again.json()["report"] == {
        "added": 0, "already_present": 1, "replaced": 0, "conflicts": 0,
    }  # fmt: skip
    changed = client.post(f"{url}/actuals", json={**entry, "amount": 1700}, headers=auth)
    _shape(changed, 409, "monitor.api.conflict")
    replaced = client.post(
        f"{url}/actuals", json={**entry, "amount": 1700, "replace": True}, headers=auth
    )
    assert replaced.json()["report"]["replaced"] == 1
    bad = {"month": "2027-13", "amount": "abc", "feedback": 9, "tool": "nope"}
    error = _shape(client.post(f"{url}/actuals", json=bad, headers=auth), 422)
    assert error["code"] == "monitor.api.entry_invalid"
    assert {f["path"] for f in error["fields"]} >= {"month", "amount", "feedback", "tool"}
    assert len(client.get(f"{url}/actuals", headers=auth).json()["records"]) == 1


def test_preview_then_confirm_and_a_re_import_adds_nothing(
    client: TestClient, tmp_path: Path
) -> None:
    auth, url, _ = _setup(client, tmp_path)
    source = filled_template(tmp_path)
    expected = preview_file(source, ImportOptions(currency="TWD")).records
    preview = _upload(client, url, auth, source)
    assert preview.status_code == 200, preview.text
    assert preview.json()["would"]["added"] == len(expected) > 0
    assert client.get(f"{url}/actuals", headers=auth).json()["records"] == []  # nothing yet
    first = client.post(
        f"{url}/actuals/confirm", json={"import_id": preview.json()["import_id"]}, headers=auth
    )
    assert first.json()["report"]["added"] == len(expected)
    again = _import(client, url, auth, source)
    assert again["report"]["added"] == 0 and again["report"]["already_present"] == len(expected)
    assert len(client.get(f"{url}/actuals", headers=auth).json()["records"]) == len(expected)
    reused = client.post(
        f"{url}/actuals/confirm", json={"import_id": preview.json()["import_id"]}, headers=auth
    )
    assert reused.status_code == 200 and reused.json()["report"]["added"] == 0


def test_a_broken_file_writes_nothing_and_names_its_lines(
    client: TestClient, tmp_path: Path
) -> None:
    auth, url, _ = _setup(client, tmp_path)
    broken = FIXTURES / "broken_bad_cells.csv"
    expected = preview_file(broken, ImportOptions(currency="TWD"))
    assert not expected.ok and expected.problems
    error = _shape(_upload(client, url, auth, broken), 422, "monitor.api.import_invalid")
    lines = {p.line for p in expected.problems if p.line}
    assert lines and lines <= {f["line"] for f in error["fields"]}
    assert all(f["path"] == broken.name and f["message"] for f in error["fields"])
    assert client.get(f"{url}/actuals", headers=auth).json()["records"] == []
    empty = client.post(f"{url}/actuals/imports", data={"format": ""}, headers=auth)
    assert _shape(empty, 422)["fields"][0]["path"] == "file"


def test_the_review_is_the_cli_document_with_the_engines_advice(
    client: TestClient, tmp_path: Path
) -> None:
    auth, url, plan_file = _setup(client, tmp_path)
    _shape(client.get(f"{url}/review", headers=auth), 409, "monitor.web.no_actuals")
    source = filled_template(tmp_path)
    _import(client, url, auth, source)
    body = client.get(f"{url}/review", headers={**auth, "Accept-Language": "zh-TW"}).json()
    code, out, _ = run("review", plan_file, "--actuals", source, "--json", "--lang", "zh-TW")
    assert code == 0, out
    cli = json.loads(out)
    assert set(body) - {"baseline", "proposal_digest"} == set(cli)
    assert _same(body["recommendations"], cli["recommendations"])
    assert _same(body["proposal"], cli["proposal"]) and _same(body["kpis"], cli["kpis"])
    records = preview_file(source, ImportOptions(currency="TWD")).records
    engine = review(load_plan(plan_file), Actuals(currency="TWD", records=records))
    assert {k: v["action"] for k, v in body["recommendations"].items()} == {
        x.tool: x.action.value for x in engine.tools
    }
    assert body["baseline"] == 1 and body["proposal_digest"]
    _shape(client.get(f"{url}/review?as_of=2027-13", headers=auth), 400, "monitor.bad_month")


def _same(api: Any, cli: Any) -> bool:
    """Equal documents: the API writes decimals as exact strings, the CLI as numbers."""
    if isinstance(api, dict) and isinstance(cli, dict):
        return api.keys() == cli.keys() and all(_same(api[k], cli[k]) for k in api)
    if isinstance(api, list) and isinstance(cli, list):
        return len(api) == len(cli) and all(_same(a, c) for a, c in zip(api, cli, strict=True))
    if isinstance(cli, int | float) and not isinstance(cli, bool) and isinstance(api, str):
        return Decimal(api) == Decimal(str(cli))
    return bool(api == cli)


def _versions(client: TestClient, url: str, auth: dict[str, str]) -> list[int]:
    return [v["number"] for v in client.get(f"{url}/versions", headers=auth).json()]


def test_accept_saves_a_version_reject_does_not(client: TestClient, tmp_path: Path) -> None:
    auth, url, _ = _setup(client, tmp_path)
    _import(client, url, auth, filled_template(tmp_path))
    digest = client.get(f"{url}/review", headers=auth).json()["proposal_digest"]
    rejected = client.post(f"{url}/review/reject", json={"digest": digest}, headers=auth)
    assert rejected.status_code == 204 and _versions(client, url, auth) == [1]
    stale = client.post(f"{url}/review/accept", json={"digest": "0" * 32}, headers=auth)
    _shape(stale, 409, "monitor.web.proposal_changed")
    assert _versions(client, url, auth) == [1]
    accepted = client.post(f"{url}/review/accept", json={"digest": digest}, headers=auth)
    assert accepted.status_code == 201, accepted.text
    assert accepted.json()["number"] == 2 and _versions(client, url, auth) == [2, 1]
    tools = {x["id"] for x in accepted.json()["document"]["tools"]}
    assert "chatgpt" in tools and "mailchimp" not in tools
    web = client.app.state.web  # type: ignore[attr-defined]
    with web.db.session() as s:
        actions = [e.action for e in audit.entries(s, url.split("/")[4])]
    assert actions.count("reallocation.rejected") == 1
    assert actions.count("reallocation.accepted") == 1


def _posts(url: str, digest: str) -> list[tuple[str, dict[str, Any]]]:
    return [
        (f"{url}/actuals", {"month": "2027-02", "amount": 1, "line": "subscription"}),
        (f"{url}/actuals/confirm", {"import_id": "0" * 32}),
        (f"{url}/review/accept", {"digest": digest}),
        (f"{url}/review/reject", {"digest": digest}),
    ]


def test_a_viewer_reads_but_gets_403_on_every_post(client: TestClient, tmp_path: Path) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    plan_id = import_plan(client, ws, cafe(tmp_path).read_text(encoding="utf-8"))
    page = client.post(
        f"/w/{ws}/invites",
        data={"csrf_token": csrf(client, f"/w/{ws}"), "email": "vic@example.com", "role": "viewer"},
    )
    invite = re.search(r'value="(http[^"]+/invite/[^"]+)"', page.text)
    assert invite
    owner = _new_token(client)
    url = f"{V1}/workspaces/{ws}/plans/{plan_id}"
    source = filled_template(tmp_path)
    _import(client, url, owner, source)
    digest = client.get(f"{url}/review", headers=owner).json()["proposal_digest"]
    sign_up(client, "vic@example.com", "Vic")
    path = "/invite/" + invite.group(1).rsplit("/", 1)[-1]
    client.post(path, data={"csrf_token": csrf(client, path)})
    viewer = _new_token(client)
    assert client.get(f"{url}/actuals", headers=viewer).json()["records"]
    assert client.get(f"{url}/review", headers=viewer).json()["proposal_digest"] == digest
    for post_url, body in _posts(url, digest):
        _shape(client.post(post_url, json=body, headers=viewer), 403, "store.role_needed")
    _shape(_upload(client, url, viewer, source), 403, "store.role_needed")
    assert client.get(f"{url}/versions", headers=owner).json()[0]["number"] == 1


def test_another_workspace_gets_404_on_every_route(client: TestClient, tmp_path: Path) -> None:
    bob, url_b, _ = _setup(client, tmp_path, "bob@example.com")
    source = filled_template(tmp_path)
    _import(client, url_b, bob, source)
    digest = client.get(f"{url_b}/review", headers=bob).json()["proposal_digest"]
    alice, url_a, _ = _setup(client, tmp_path, "alice@example.com")
    ws_a = url_a.split("/")[4]
    plan_b = url_b.rsplit("/", 1)[-1]
    for url in (url_b, f"{V1}/workspaces/{ws_a}/plans/{plan_b}"):
        for tail in ("/actuals", "/review"):
            _shape(client.get(url + tail, headers=alice), 404, "store.not_found")
        for post_url, body in _posts(url, digest):
            _shape(client.post(post_url, json=body, headers=alice), 404, "store.not_found")
        _shape(_upload(client, url, alice, source), 404, "store.not_found")
    assert len(client.get(f"{url_b}/actuals", headers=bob).json()["records"]) > 0
    assert _versions(client, url_b, bob) == [1]


def test_review_and_decisions_are_rate_limited(client: TestClient, tmp_path: Path) -> None:
    auth, url, _ = _setup(client, tmp_path)
    _import(client, url, auth, filled_template(tmp_path))
    set_limits(client, evaluate_per_minute=1)
    assert client.get(f"{url}/review", headers=auth).status_code == 200
    _shape(client.get(f"{url}/review", headers=auth), 429, "accounts.quota_seconds")
    _shape(client.post(f"{url}/review/accept", json={"digest": "0" * 32}, headers=auth), 429)
