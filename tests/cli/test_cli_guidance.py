"""``aibudget assess``, ``catalog`` and ``lint`` as a user meets them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from aibudget.catalog import readiness_questionnaire, tool_catalog
from aibudget.cli import app
from aibudget.domain.guidance import ANXIETIES, DIMENSIONS
from tests.factories import plan_data, tool

runner = CliRunner()


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def write_plan(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def over_budget_plan() -> dict[str, Any]:
    paid = tool(plans=[{"id": "m", "price": 20_000}], training={"hours_per_person": 2})
    return plan_data(paid, goals=[], budget={"annual_amount": 10_000})


def test_lint_example_exits_0_and_prints_json_findings(example_path: Path) -> None:
    code, out, _ = run("lint", str(example_path), "--json")
    assert code == 0
    findings = json.loads(out)
    for f in findings:
        assert set(f) == {"rule", "severity", "message", "fix", "where"}
        assert f["severity"] in {"warning", "info"}
        assert f["message"] and not f["message"].startswith("lint.")


def test_lint_exits_1_on_an_error_finding_with_money_in_the_locale(tmp_path: Path) -> None:
    path = write_plan(tmp_path, over_budget_plan())
    code, out, _ = run("lint", str(path), "--json", "--lang", "en")
    assert code == 1
    over = next(f for f in json.loads(out) if f["rule"] == "over_budget")
    assert over["severity"] == "error"
    assert over["where"] == "budget"
    # 12 x NT$20,000 subscription + 2 training hours x NT$100
    assert "NT$240,200" in over["message"] and "NT$10,000" in over["message"]
    assert "NT$230,200 more" in over["message"]
    code, out, _ = run("lint", str(path))
    assert code == 1
    assert "錯誤" in out and "建議：" in out


def test_lint_exits_2_for_a_plan_that_does_not_load(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("company: [", encoding="utf-8")
    code, out, err = run("lint", str(path))
    assert code == 2
    assert "Traceback" not in out + err
    code, _, _ = run("lint", str(tmp_path / "missing.yaml"))
    assert code == 2


def test_lint_uses_the_plans_catalog_entries(tmp_path: Path) -> None:
    data = plan_data(
        tool(catalog_id="my-crm", plans=[{"id": "m", "price": 100}], training={"fees": 1}),
        goals=[
            {"id": "g", "name": "Leads", "kpi": "qualified_leads", "baseline": 10, "target": 12}
        ],
        catalog=[
            {
                "id": "my-crm",
                "name": "My CRM",
                "vendor": "Local",
                "category": "customer_data",
                "summary": {"zh-TW": "在地 CRM", "en": "A local CRM"},
                "setup_hours": 1,
                "run_hours_per_month": 1,
                "uses_customer_data": True,
                "trial": {"free_plan": True},
            }
        ],
    )
    code, out, _ = run("lint", str(write_plan(tmp_path, data)), "--json")
    assert code == 0
    rules = {f["rule"] for f in json.loads(out)}
    assert {"no_data_privacy_budget", "free_trial_unused"} <= rules
    data["catalog"][0]["ease"] = 9
    code, _, err = run("lint", str(write_plan(tmp_path, data)))
    assert code == 2
    assert "catalog[0].ease" in err


def test_catalog_list_filters_by_category_and_prints_json() -> None:
    code, out, _ = run("catalog", "list", "--category", "chatbot", "--json")
    assert code == 0
    entries = json.loads(out)
    expected = [e.id for e in tool_catalog().values() if e.category.value == "chatbot"]
    assert [e["id"] for e in entries] == expected
    wide = runner.invoke(app, ["catalog", "list", "--lang", "en"], env={"COLUMNS": "250"})
    assert wide.exit_code == 0
    assert "price unknown: enter your quote" in wide.stdout
    code, _, err = run("catalog", "list", "--category", "nope", "--lang", "en")
    assert code == 2 and "Unknown category" in err


def test_catalog_show_gives_prices_with_their_source_and_date() -> None:
    code, out, _ = run("catalog", "show", "chatgpt-business", "--lang", "en")
    assert code == 0
    assert "$25" in out and "Apr 2026" in out and "nerova.ai" in out
    code, out, _ = run("catalog", "show", "chatgpt-business")
    assert "2026年4月" in out and "次級來源" in out
    code, out, _ = run("catalog", "show", "mailchimp-standard", "--json")
    assert code == 0 and json.loads(out)["id"] == "mailchimp"
    code, _, err = run("catalog", "show", "no-such-tool", "--lang", "en")
    assert code == 2 and "no-such-tool" in err


def test_catalog_kpis_lists_the_library() -> None:
    code, out, _ = run("catalog", "kpis", "--json")
    assert code == 0
    assert len(json.loads(out)) >= 20


def answers(dimension: int, anxiety: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for q in readiness_questionnaire().questions:
        if q.scale in DIMENSIONS:
            out[q.id] = dimension
        elif q.scale in ANXIETIES:
            out[q.id] = anxiety
        else:
            out[q.id] = [1, 5]
    return out


def test_assess_scores_an_answers_file_as_json(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(answers(1, 5)), encoding="utf-8")
    code, out, _ = run("assess", "--answers", str(path), "--json", "--lang", "en")
    assert code == 0
    result = json.loads(out)
    assert result["stage"] == "exploring"
    assert result["pilot_tools"] == 1
    assert result["advice"][0]["id"] == "exploring"
    assert result["advice"][0]["title"] == "Stage: exploring"
    path.write_text("{s1: 7}", encoding="utf-8")
    code, _, err = run("assess", "--answers", str(path), "--lang", "en")
    assert code == 2
    assert "s1" in err and "Not answered" in err


def test_assess_interactive_saves_as_it_goes_and_resumes(tmp_path: Path) -> None:
    progress = tmp_path / "progress.json"
    q = readiness_questionnaire()
    # two answers, one mistake that is asked again, then quit
    code, out, _ = run("assess", "--progress", str(progress), "--lang", "en", stdin="5\n9\n4\nq\n")
    assert code == 0
    assert json.loads(progress.read_text()) == {q.questions[0].id: 5, q.questions[1].id: 4}
    assert "Please answer with numbers" in out
    rest = [5] * (len(q.questions) - 3)  # every remaining scale question, then the goals
    stdin = "\n".join(str(n) for n in rest) + "\n1,5\n"
    code, out, _ = run("assess", "--progress", str(progress), "--lang", "en", stdin=stdin)
    assert code == 0
    assert "2 of 20 answered" in out
    assert "Overall readiness" in out
    saved = json.loads(progress.read_text())
    assert len(saved) == len(q.questions)
    assert saved[q.questions[-1].id] == [1, 5]
