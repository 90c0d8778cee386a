"""``aibudget actuals import|template`` and ``aibudget review`` as a user meets them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import yaml
from openpyxl import load_workbook
from typer.testing import CliRunner

from aibudget.cli import app
from aibudget.imports.formats import TEMPLATE_FIELDS
from aibudget.imports.template import headers
from tests.factories import plan_data, tool

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "imports" / "fixtures"
runner = CliRunner()


def run(*args: object) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def cafe(tmp_path: Path) -> Path:
    """A small plan of its own (examples change): two tools from January 2027."""
    data = plan_data(
        tool(
            id="chatgpt",
            name="ChatGPT Business",
            plans=[{"id": "m", "price": 800, "seats": 2}],
            benefits=[{"kind": "hours_saved", "hours_per_month": [10, 20, 30]}],
        ),
        tool(
            id="mailchimp",
            name="Mailchimp",
            plans=[{"id": "m", "price": 928}],
            benefits=[{"kind": "cost_avoided", "monthly": [1500, 2500, 4000]}],
        ),
        company={"name": "山嵐咖啡", "locale": "zh-TW"},
        goals=[{"id": "posts", "name": "More posts", "kpi": "content_output", "target": 20}],
    )
    path = tmp_path / "cafe.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def template_row(**cells: str) -> list[str]:
    return [cells.get(name, "") for name in TEMPLATE_FIELDS]


def filled_template(tmp_path: Path, lang: str = "zh-TW") -> Path:
    rows = [headers(lang)]
    for m in range(1, 7):
        rows.append(
            template_row(
                month=f"116/{m:02d}/05",
                tool="chatgpt",
                line="訂閱",
                status="已支出",
                amount="1,600",
                currency="TWD",
                seats="2",
                active_users="2",
                hours_saved="40",
                feedback="4",
            )
        )
        rows.append(
            template_row(
                month=f"2027-{m:02d}",
                tool="mailchimp",
                line="subscription",
                status="spent",
                amount="928",
                benefit="50",
                feedback="2",
            )
        )
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path = tmp_path / "actuals.csv"
    path.write_bytes(buffer.getvalue().encode("cp950"))
    return path


def test_import_writes_once_and_reimport_adds_nothing(tmp_path: Path) -> None:
    plan = cafe(tmp_path)
    source = filled_template(tmp_path)
    code, out, _ = run("actuals", "import", plan, source, "--json")
    assert code == 0, out
    doc = json.loads(out)
    assert doc["ok"] and doc["added"] == 12
    assert doc["files"][0]["encoding"] == "cp950" and doc["files"][0]["format"] == "template"
    target = tmp_path / "cafe.actuals.json"
    assert doc["written"] == str(target)
    before = target.read_bytes()
    code, out, _ = run("actuals", "import", plan, source, "--json")
    assert code == 0 and json.loads(out)["already_present"] == 12
    assert json.loads(out)["written"] is None and target.read_bytes() == before


def test_dry_run_previews_without_writing(tmp_path: Path) -> None:
    plan = cafe(tmp_path)
    code, out, _ = run("actuals", "import", plan, filled_template(tmp_path), "--dry-run")
    assert code == 0 and "僅預覽：將新增 12 筆" in out
    assert not (tmp_path / "cafe.actuals.json").exists()


def test_own_column_names_can_be_mapped(tmp_path: Path) -> None:
    plan = cafe(tmp_path)
    path = tmp_path / "mine.csv"
    path.write_text("月份,工具,花費\n2027-01,chatgpt,1600\n", encoding="utf-8")
    code, out, _ = run("actuals", "import", plan, path, "--json")
    problem = json.loads(out)["files"][0]["problems"][0]
    assert code == 2 and problem["message_id"] == "import.no_rows_unknown"
    assert problem["params"] == {"columns": "花費"}
    code, out, _ = run(
        "actuals", "import", plan, path, "--format", "template", "--map", "amount=花費", "--json"
    )
    doc = json.loads(out)
    assert code == 0 and doc["added"] == 1
    assert doc["files"][0]["mapping"]["amount"] == "花費"
    code, _, err = run("actuals", "import", plan, path, "--format", "excel")
    assert code == 2 and "--format" in err


def test_a_bad_file_writes_nothing_and_names_the_line(tmp_path: Path) -> None:
    plan = cafe(tmp_path)
    code, out, _ = run(
        "actuals",
        "import",
        plan,
        filled_template(tmp_path),
        FIXTURES / "broken_duplicate_rows.csv",
        "--lang",
        "en",
    )
    assert code == 2
    assert "broken_duplicate_rows.csv:4" in out and "line 2" in out
    assert "Nothing was written" in out
    assert not (tmp_path / "cafe.actuals.json").exists()


def test_a_file_in_another_currency_is_refused_clearly(tmp_path: Path) -> None:
    code, out, _ = run("actuals", "import", cafe(tmp_path), FIXTURES / "broken_meta_ads_usd.csv")
    assert code == 2
    assert "USD" in out and "TWD" in out and "未匯入任何資料" in out


def test_a_tool_not_in_the_plan_is_refused_naming_the_plans_tools(tmp_path: Path) -> None:
    plan = cafe(tmp_path)
    source = FIXTURES / "meta_ads_zh_utf8_bom.csv"
    code, out, err = run("actuals", "import", plan, source, "--tool", "nosuch")
    assert code == 2
    assert (
        "nosuch" in err and "ChatGPT Business (chatgpt)" in err and "Mailchimp (mailchimp)" in err
    )
    assert not (tmp_path / "cafe.actuals.json").exists()
    code, out, err = run("actuals", "import", plan, source, "--tool", "nosuch", "--lang", "en")
    assert code == 2 and "no tool" in err and "nothing was imported" in err
    code, out, _ = run("actuals", "import", plan, source, "--tool", "mailchimp", "--json")
    assert code == 0, out
    written = json.loads((tmp_path / "cafe.actuals.json").read_text(encoding="utf-8"))
    assert {r["tool"] for r in written["records"]} == {"mailchimp"}


def test_review_json_has_every_section_and_a_proposal(tmp_path: Path) -> None:
    plan = cafe(tmp_path)
    assert run("actuals", "import", plan, filled_template(tmp_path))[0] == 0
    code, out, _ = run("review", plan, "--actuals", tmp_path / "cafe.actuals.json", "--json")
    assert code == 0, out
    doc = json.loads(out)
    for key in ("kpis", "variance", "realised_roi", "forecast", "recommendations", "milestones"):
        assert key in doc
    assert doc["proposal"]["changes"] and doc["proposal_note"] is None
    assert doc["as_of"] == "2027-06" and doc["months_elapsed"] == 6
    assert doc["recommendations"]["chatgpt"]["action"] == "scale_up"
    assert doc["recommendations"]["mailchimp"]["action"] in ("stop", "replace")
    assert {m["id"] for m in doc["milestones"]} >= {"first_10_hours"}


def test_review_reads_export_files_directly_and_prints_tables(tmp_path: Path) -> None:
    plan = cafe(tmp_path)
    code, out, _ = run("review", plan, "--actuals", filled_template(tmp_path), "--lang", "en")
    assert code == 0, out
    assert "Scale up" in out and "Realised ROI to date" in out
    assert "Reallocation proposal" in out and "Stop Mailchimp from month 7" in out


def test_template_download_round_trips(tmp_path: Path) -> None:
    plan = cafe(tmp_path)
    out_file = tmp_path / "t.xlsx"
    code, out, _ = run(
        "actuals", "template", plan, "--month", "2027-02", "--format", "xlsx", "--out", out_file
    )
    assert code == 0 and out_file.exists()
    code, out, _ = run("actuals", "import", plan, out_file, "--json")
    assert code == 2  # nothing filled in yet
    assert json.loads(out)["files"][0]["problems"][0]["message_id"] == "import.no_rows"
    book = load_workbook(out_file)
    book.active.cell(row=2, column=TEMPLATE_FIELDS.index("amount") + 1, value=1600)
    book.save(out_file)
    code, out, _ = run("actuals", "import", plan, out_file, "--json")
    doc = json.loads(out)
    assert code == 0 and doc["added"] == 1
    assert doc["files"][0]["format"] == "template" and doc["files"][0]["ok"]
    assert doc["files"][0]["rows"]["skipped"] >= 1  # prefilled rows left empty


def test_bad_month_is_a_clean_error(tmp_path: Path) -> None:
    code, _, err = run("actuals", "template", cafe(tmp_path), "--month", "someday")
    assert code == 2 and "YYYY-MM" in err


def test_every_code_the_review_can_give_is_translated() -> None:
    from aibudget.domain.plan import LineItem
    from aibudget.domain.review import Action
    from aibudget.engine.review_advice import MILESTONES, REASONS
    from aibudget.engine.review_kpis import STATUSES
    from aibudget.i18n import catalogue

    ids = [f"monitor.action.{a.value}" for a in Action]
    ids += [f"monitor.line.{item.value}" for item in LineItem]
    ids += [f"monitor.reason.{code}" for code in REASONS]
    ids += [f"monitor.kpi.{status}" for status in STATUSES]
    ids += [f"monitor.milestone.{m}" for m in MILESTONES]
    for locale in ("en", "zh_TW"):
        missing = [i for i in ids if i not in catalogue(locale)]
        assert not missing, (locale, missing)
