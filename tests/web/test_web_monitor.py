"""Step 5 in the web app: monthly entry, import with preview, the review and its proposal."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from fastapi.testclient import TestClient
from sqlalchemy import text

from aibudget.catalog import kpi_ids
from aibudget.domain.actuals import Actuals
from aibudget.domain.validate import parse_plan
from aibudget.engine.optimize import optimize
from aibudget.engine.review import review
from aibudget.i18n import Translator
from aibudget.imports import ImportOptions, preview_file
from aibudget.planfile import dump_plan, load_plan
from aibudget.store import actuals, audit
from tests.cli.test_cli_monitor import FIXTURES, cafe, filled_template
from tests.engine.test_review import hours_tool
from tests.factories import make_plan
from tests.web.helpers import csrf, import_plan, new_workspace, sign_up

T = Translator("zh_TW")


def _setup(client: TestClient, tmp_path: Path) -> tuple[str, str, Path]:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    plan_file = cafe(tmp_path)
    return ws, import_plan(client, ws, plan_file.read_text(encoding="utf-8")), plan_file


def _history(client: TestClient, ws: str, plan_id: str) -> list[str]:
    return re.findall(r">v(\d+)</a></td>", client.get(f"/w/{ws}/p/{plan_id}").text)


def _preview(client: TestClient, ws: str, plan_id: str, path: Path) -> tuple[int, str]:
    token = csrf(client, f"/w/{ws}/p/{plan_id}/actuals")
    response = client.post(
        f"/w/{ws}/p/{plan_id}/actuals/preview",
        data={"csrf_token": token, "format": ""},
        files={"upload": (path.name, path.read_bytes(), "text/csv")},
    )
    return response.status_code, response.text


def _import(client: TestClient, ws: str, plan_id: str, path: Path) -> str:
    """Preview and confirm; the redirect's query (added=..&present=..&replaced=..)."""
    status, page = _preview(client, ws, plan_id, path)
    assert status == 200, page
    import_id = re.search(r'name="import_id" value="([0-9a-f]+)"', page)
    assert import_id
    token = csrf(client, f"/w/{ws}/p/{plan_id}/actuals")
    done = client.post(
        f"/w/{ws}/p/{plan_id}/actuals/confirm",
        data={"csrf_token": token, "import_id": import_id.group(1)},
        follow_redirects=False,
    )
    assert done.status_code == 303, done.text
    return done.headers["location"].split("?", 1)[1]


def _months(page: str) -> list[str]:
    table = page.split('data-testid="months"', 1)
    return re.findall(r'<th scope="row">(\d{4}-\d{2})</th>', table[1]) if len(table) > 1 else []


def test_the_entry_form_saves_a_month_and_shows_problems_beside_fields(
    client: TestClient, tmp_path: Path
) -> None:
    ws, plan_id, _ = _setup(client, tmp_path)
    url = f"/w/{ws}/p/{plan_id}/actuals"
    token = csrf(client, url)
    form = {
        "csrf_token": token, "month": "2027-01", "tool": "chatgpt", "line": "subscription",
        "status": "spent", "amount": "1,600", "hours_saved": "12", "feedback": "4",
        "kpi": "content_output", "kpi_value": "14", "note": "第一個月",
    }  # fmt: skip
    done = client.post(url, data=form, follow_redirects=False)
    assert done.status_code == 303, done.text
    page = client.get(done.headers["location"]).text
    assert T("monitor.web.saved", added=2, present=0, replaced=0) in page
    assert _months(page) == ["2027-01"]
    assert T.money(1600, "TWD") in page
    bad = client.post(url, data={**form, "month": "2027-13", "amount": "abc", "feedback": "9"})
    assert bad.status_code == 422
    assert 'id="p-month"' in bad.text and 'id="p-amount"' in bad.text
    assert T("monitor.bad_month", value="2027-13") in bad.text
    assert T("monitor.web.bad_number", value="abc") in bad.text
    assert T("monitor.web.out_of_range", low=1, high=5) in bad.text
    again = client.post(url, data={**form, "amount": "1700"})
    assert again.status_code == 422 and T("monitor.web.conflict") in again.text
    replaced = client.post(url, data={**form, "amount": "1700", "replace": "1"})
    assert replaced.status_code == 200 and T.money(1700, "TWD") in replaced.text
    assert _months(replaced.text) == ["2027-01"]


def test_import_preview_then_confirm_and_a_reimport_adds_nothing(
    client: TestClient, tmp_path: Path
) -> None:
    ws, plan_id, _ = _setup(client, tmp_path)
    source = filled_template(tmp_path)
    status, page = _preview(client, ws, plan_id, source)
    assert status == 200
    assert T("monitor.format.template") in page and "cp950" in page
    assert T("monitor.web.would_add", added=12, present=0) in page
    assert _months(client.get(f"/w/{ws}/p/{plan_id}/actuals").text) == []  # not yet saved
    assert _import(client, ws, plan_id, source) == "added=12&present=0&replaced=0"
    page = client.get(f"/w/{ws}/p/{plan_id}/actuals").text
    assert _months(page) == [f"2027-{m:02d}" for m in range(1, 7)]
    assert _import(client, ws, plan_id, source) == "added=0&present=12&replaced=0"
    web = client.app.state.web  # type: ignore[attr-defined]
    with web.db.session() as s:
        user_id = s.execute(text("select id from users")).scalar_one()
        setting = actuals.remembered(s, user_id, ws, "template")
        stored = actuals.get(s, user_id, ws, plan_id, "TWD")
    assert setting is not None and setting.encoding == "cp950" and setting.mapping
    assert len(stored.records) == 12
    token = csrf(client, f"/w/{ws}/p/{plan_id}/actuals")
    chosen = client.post(
        f"/w/{ws}/p/{plan_id}/actuals/preview",
        data={"csrf_token": token, "format": "template"},
        files={"upload": (source.name, source.read_bytes(), "text/csv")},
    )
    assert chosen.status_code == 200 and "cp950 (override)" in chosen.text  # remembered
    assert T("monitor.web.would_add", added=0, present=12) in chosen.text
    utf8 = FIXTURES / "template_zh_utf8_bom.csv"  # saved another way: detection takes over
    other = client.post(
        f"/w/{ws}/p/{plan_id}/actuals/preview",
        data={"csrf_token": token, "format": "template"},
        files={"upload": (utf8.name, utf8.read_bytes(), "text/csv")},
    )
    assert "(override)" not in other.text
    assert other.status_code == 422  # its months (2026) are before this plan (2027)
    assert "2026-01 不在這份計畫的期間內" in other.text


def test_a_broken_file_writes_nothing_and_shows_each_line(
    client: TestClient, tmp_path: Path
) -> None:
    ws, plan_id, _ = _setup(client, tmp_path)
    broken = FIXTURES / "broken_bad_cells.csv"
    expected = preview_file(broken, ImportOptions(currency="TWD"))
    assert not expected.ok and expected.problems
    status, page = _preview(client, ws, plan_id, broken)
    assert status == 422
    lines = {p.line for p in expected.problems if p.line}
    assert lines and lines <= {int(x) for x in re.findall(r'data-line="(\d+)"', page)}
    assert 'name="import_id"' not in page  # nothing to confirm
    assert _months(client.get(f"/w/{ws}/p/{plan_id}/actuals").text) == []


def _review_form(page: str) -> dict[str, str]:
    as_of = re.search(r'name="as_of" value="([^"]+)"><input type="hidden" name="digest"', page)
    digest = re.search(r'name="digest" value="([0-9a-f]+)"', page)
    assert as_of and digest, "no accept form"
    return {"as_of": as_of.group(1), "digest": digest.group(1)}


def test_the_review_shows_the_engines_recommendations(client: TestClient, tmp_path: Path) -> None:
    ws, plan_id, plan_file = _setup(client, tmp_path)
    source = filled_template(tmp_path)
    _import(client, ws, plan_id, source)
    page = client.get(f"/w/{ws}/p/{plan_id}/review")
    assert page.status_code == 200
    plan = load_plan(plan_file)
    records = preview_file(source, ImportOptions(currency="TWD")).records
    expected = review(plan, Actuals(currency="TWD", records=records))
    found = re.findall(r'<tr data-action="(\w+)"><th scope="row">([^<]+)</th>', page.text)
    by_name = {name: action for action, name in found}
    assert len(by_name) == len(expected.tools) >= 2
    for tool in expected.tools:
        assert by_name[tool.name] == tool.action.value
        for code in tool.reasons:
            assert T(f"monitor.reason.{code}") in page.text
    assert by_name["Mailchimp"] in ("stop", "replace")
    assert 'id="chart-review-costs"' in page.text and 'id="table-review-benefits"' in page.text
    assert T("reallocate.heading") in page.text and 'data-testid="accept"' in page.text
    assert f'href="/w/{ws}/p/{plan_id}/v/1/report.pdf" data-testid="review-report"' in page.text
    bad = client.get(f"/w/{ws}/p/{plan_id}/review?as_of=2027-13")
    assert bad.status_code == 422 and T("monitor.bad_month", value="2027-13") in bad.text


def test_accepting_saves_the_proposal_as_a_new_version(client: TestClient, tmp_path: Path) -> None:
    ws, plan_id, _ = _setup(client, tmp_path)
    _import(client, ws, plan_id, filled_template(tmp_path))
    form = _review_form(client.get(f"/w/{ws}/p/{plan_id}/review").text)
    token = csrf(client, f"/w/{ws}/p/{plan_id}/review")
    stale = client.post(
        f"/w/{ws}/p/{plan_id}/review/accept",
        data={"csrf_token": token, **form, "digest": "0" * 32},
    )
    assert stale.status_code == 409 and _history(client, ws, plan_id) == ["1"]
    done = client.post(
        f"/w/{ws}/p/{plan_id}/review/accept",
        data={"csrf_token": token, **form},
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert _history(client, ws, plan_id) == ["2", "1"]
    plan_page = client.get(done.headers["location"]).text
    assert T("monitor.web.accepted_note", month=form["as_of"], number=1) in plan_page
    yaml_text = client.get(f"/w/{ws}/p/{plan_id}/v/2.yaml").text
    assert "mailchimp" not in yaml_text and "chatgpt" in yaml_text


def test_rejecting_is_audited_and_saves_no_version(client: TestClient, tmp_path: Path) -> None:
    ws, plan_id, _ = _setup(client, tmp_path)
    _import(client, ws, plan_id, filled_template(tmp_path))
    form = _review_form(client.get(f"/w/{ws}/p/{plan_id}/review").text)
    token = csrf(client, f"/w/{ws}/p/{plan_id}/review")
    done = client.post(f"/w/{ws}/p/{plan_id}/review/reject", data={"csrf_token": token, **form})
    assert done.status_code == 200 and T("monitor.web.rejected") in done.text
    assert _history(client, ws, plan_id) == ["1"]
    web = client.app.state.web  # type: ignore[attr-defined]
    with web.db.session() as s:
        actions = [e.action for e in audit.entries(s, ws)]
    assert "reallocation.rejected" in actions and "reallocation.accepted" not in actions


def test_a_viewer_sees_the_review_but_cannot_change_anything(
    client: TestClient, tmp_path: Path
) -> None:
    ws, plan_id, _ = _setup(client, tmp_path)
    source = filled_template(tmp_path)
    _import(client, ws, plan_id, source)
    form = _review_form(client.get(f"/w/{ws}/p/{plan_id}/review").text)
    page = client.post(
        f"/w/{ws}/invites",
        data={"csrf_token": csrf(client, f"/w/{ws}"), "email": "vic@example.com", "role": "viewer"},
    )
    invite = re.search(r'value="(http[^"]+/invite/[^"]+)"', page.text)
    assert invite
    client.cookies.clear()
    sign_up(client, "vic@example.com", "Vic")
    path = "/invite/" + invite.group(1).rsplit("/", 1)[-1]
    client.post(path, data={"csrf_token": csrf(client, path)})
    seen = client.get(f"/w/{ws}/p/{plan_id}/review")
    assert seen.status_code == 200 and 'data-testid="accept"' not in seen.text
    assert T("monitor.web.owner_decides") in seen.text
    actuals_page = client.get(f"/w/{ws}/p/{plan_id}/actuals")
    assert actuals_page.status_code == 200 and _months(actuals_page.text)
    assert 'id="entry"' not in actuals_page.text and 'id="import"' not in actuals_page.text
    token = csrf(client, f"/w/{ws}/p/{plan_id}/actuals")
    base = f"/w/{ws}/p/{plan_id}"
    for route, data in (
        (f"{base}/review/accept", form),
        (f"{base}/review/reject", form),
        (f"{base}/actuals", {"month": "2027-01", "amount": "1", "line": "other"}),
        (f"{base}/actuals/confirm", {"import_id": "0" * 32}),
    ):
        assert client.post(route, data={"csrf_token": token, **data}).status_code == 403, route
    refused = client.post(
        f"{base}/actuals/preview",
        data={"csrf_token": token},
        files={"upload": (source.name, source.read_bytes(), "text/csv")},
    )
    assert refused.status_code == 403
    assert _history(client, ws, plan_id) == ["1"]


def test_another_workspace_never_sees_the_actuals(client: TestClient, tmp_path: Path) -> None:
    ws, plan_id, _ = _setup(client, tmp_path)
    _import(client, ws, plan_id, filled_template(tmp_path))
    client.cookies.clear()
    sign_up(client, "mallory@example.com", "Mallory")
    own = new_workspace(client, "Mine")
    token = csrf(client, f"/w/{own}")
    for space in (ws, own):
        base = f"/w/{space}/p/{plan_id}"
        for path in (f"{base}/actuals", f"{base}/review", f"{base}/actuals/template.csv"):
            assert client.get(path).status_code == 404, path
        done = client.post(
            f"{base}/actuals", data={"csrf_token": token, "month": "2027-01", "note": "x"}
        )
        assert done.status_code == 404


def test_a_proposal_that_changes_nothing_offers_nothing_to_accept(
    client: TestClient, tmp_path: Path
) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    plan = make_plan(hours_tool("t1", (10, 20, 35), 100), horizon={"months": 24})
    plan_id = import_plan(client, ws, dump_plan(plan))
    source = tmp_path / "on_track.csv"
    rows = [f"2027-0{m}-05,t1,subscription,spent,200,TWD,20,,," for m in (1, 2, 3)]
    source.write_text(
        "Month,Tool,Line item,Status,Amount,Currency,Hours saved,KPI,KPI value,Note\n"
        + "\n".join(rows)
        + "\n",
        encoding="utf-8",
    )
    _import(client, ws, plan_id, source)
    page = client.get(f"/w/{ws}/p/{plan_id}/review")
    assert page.status_code == 200
    assert T("reallocate.no_change") in page.text
    assert 'data-testid="accept"' not in page.text and 'data-testid="reject"' not in page.text


def test_the_review_explains_vs_plan_and_spent_to_date_in_words(
    client: TestClient, tmp_path: Path
) -> None:
    ws, plan_id, plan_file = _setup(client, tmp_path)
    source = filled_template(tmp_path)
    _import(client, ws, plan_id, source)
    page = client.get(f"/w/{ws}/p/{plan_id}/review").text
    records = preview_file(source, ImportOptions(currency="TWD")).records
    expected = review(load_plan(plan_file), Actuals(currency="TWD", records=records))
    for tool in expected.tools:
        if tool.attainment is not None:
            assert T("monitor.attainment_words", pct=T.percent(tool.attainment)) in page
    spent = re.search(r'data-testid="spent">([^<]+)<', page)
    assert spent and spent.group(1) == T.money(expected.realised.recorded, "TWD")
    if expected.realised.unrecorded > 0:
        assert T.money(expected.realised.unrecorded, "TWD") in page


def test_accepting_a_replacement_swaps_the_tool_in_the_new_version(
    client: TestClient, tmp_path: Path
) -> None:
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    idle = hours_tool("idle", (30, 40, 60), 1500, category="content_writing")
    idle["kpis"] = ["content_output"]
    plan = make_plan(idle, horizon={"months": 24}, fx={"USD": 32})
    plan_id = import_plan(client, ws, dump_plan(plan))
    source = tmp_path / "rejected.csv"
    rows = [f"2027-0{m}-05,idle,subscription,spent,3000,TWD,0,2" for m in (1, 2, 3)]
    source.write_text(
        "Month,Tool,Line item,Status,Amount,Currency,Hours saved,Team feedback (1-5)\n"
        + "\n".join(rows)
        + "\n",
        encoding="utf-8",
    )
    _import(client, ws, plan_id, source)
    page = client.get(f"/w/{ws}/p/{plan_id}/review").text
    swap = re.search(r"<li>(自第 4 個月（2027-04）起改用 (.+?) 取代 Tool：[^<]+)</li>", page)
    assert swap, "no replacement proposed"
    token = csrf(client, f"/w/{ws}/p/{plan_id}/review")
    done = client.post(
        f"/w/{ws}/p/{plan_id}/review/accept",
        data={"csrf_token": token, **_review_form(page)},
        follow_redirects=False,
    )
    assert done.status_code == 303 and _history(client, ws, plan_id) == ["2", "1"]
    saved = parse_plan(yaml.safe_load(client.get(f"/w/{ws}/p/{plan_id}/v/2.yaml").text), kpi_ids())
    names = {t.name: t for t in saved.tools}
    assert "idle" not in {t.id for t in saved.tools}
    new = names[swap.group(2)]  # the tool the owner was told about
    assert new.catalog_id and new.kpis == ["content_output"]
    # an independent run of the optimiser on the saved version funds the new tool
    assert new.id in {s.tool for s in optimize(saved, explain=False).selected}
