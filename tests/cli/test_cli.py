"""The command line as a user meets it: exit codes, languages, JSON shape."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from aibudget.cli import app
from tests.domain.test_validate import BROKEN

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_validate_example(example_path: Path) -> None:
    code, out, _ = run("validate", str(example_path))
    assert code == 0
    assert "計畫有效" in out or "The plan is valid" in out


def test_broken_plan_exits_2_with_every_problem_in_the_plans_language(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    code, out, err = run("validate", str(path))
    assert code == 2
    assert "計畫有" in err and "第 23 行" in err
    assert "負責人「bob」不在團隊名單中" in err
    assert "tools[0].benefits[0].hours_per_month" in err
    assert "Traceback" not in err + out


def test_lang_option_switches_to_english(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    code, _, err = run("validate", str(path), "--lang", "en")
    assert code == 2
    assert 'The owner "bob" is not in the team.' in err
    assert "line 23" in err


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = run("evaluate", str(tmp_path / "nope.yaml"), "--lang", "en")
    assert code == 2
    assert "File not found" in err


def test_trials_out_of_range(example_path: Path) -> None:
    code, _, err = run("evaluate", str(example_path), "--trials", "5", "--lang", "en")
    assert code == 2
    assert "--trials" in err and "between 100 and" in err


def test_evaluate_json_shape(example_path: Path) -> None:
    code, out, _ = run("evaluate", str(example_path), "--trials", "1000", "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc["currency"] == "TWD"
    for view in ("expected", "risk_adjusted"):
        assert set(doc[view]) == {"pv_costs", "pv_benefits", "npv", "roi", "payback_month"}
    sim = doc["simulation"]
    assert sim["trials"] == 1000
    assert sim["npv_p10"] <= sim["npv_p50"] <= sim["npv_p90"]
    assert 0 <= sim["prob_loss"] <= 1
    assert sim["tornado"] and {"input", "swing"} <= set(sim["tornado"][0])
    assert doc["tools"] and {"id", "expected", "risk_adjusted", "simulation"} <= set(
        doc["tools"][0]
    )
    assert (
        abs(doc["expected"]["npv"] - (doc["expected"]["pv_benefits"] - doc["expected"]["pv_costs"]))
        < 0.02
    )


def test_annual_convention_option(example_path: Path) -> None:
    _, monthly, _ = run(
        "evaluate", str(example_path), "--trials", "100", "--json", "--convention", "monthly"
    )
    _, annual, _ = run(
        "evaluate", str(example_path), "--trials", "100", "--json", "--convention", "annual"
    )
    assert json.loads(monthly)["convention"] == "monthly"
    assert json.loads(annual)["convention"] == "annual"
    assert json.loads(monthly)["expected"]["npv"] != json.loads(annual)["expected"]["npv"]


def test_table_output_in_english(example_path: Path) -> None:
    code, out, _ = run("evaluate", str(example_path), "--trials", "500", "--lang", "en")
    assert code == 0
    assert "Monte Carlo: 500 trials" in out
    assert "NT$" in out


def test_schema_is_json_schema() -> None:
    code, out, _ = run("schema")
    assert code == 0
    doc = json.loads(out)
    assert doc["title"] == "aibudget plan"
    assert {"company", "horizon", "budget"} <= set(doc["required"])
