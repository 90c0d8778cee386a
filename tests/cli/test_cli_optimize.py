"""``aibudget optimize``: JSON shape, exact line items, languages, exit codes."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from aibudget.cli import app
from tests.factories import plan_data, tool

runner = CliRunner()
JSON_KEYS = {
    "status",
    "objective",
    "gap",
    "selected",
    "line_items",
    "ad_spend",
    "reasons",
    "marginal_value_of_budget",
}


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def write_plan(tmp_path: Path, **changes: Any) -> Path:
    data = plan_data(
        tool(
            id="writer",
            name="Writer",
            plans=[{"id": "m", "price": 500}],
            benefits=[{"kind": "cost_avoided", "monthly": 1500}],
        ),
        budget={"annual_amount": 24_000, "min_reserve_share": 0.1, "min_training_share": 0.1},
        **changes,
    )
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_json_of_every_example_has_the_documented_fields(example_path: Path) -> None:
    code, out, _ = run("optimize", str(example_path), "--json", "--no-explain")
    assert code == 0
    doc = json.loads(out, parse_float=Decimal)
    assert doc.keys() >= JSON_KEYS
    assert doc["status"] == "optimal"
    total = sum((Decimal(str(v)) for v in doc["line_items"].values()), Decimal(0))
    assert total == Decimal(str(doc["total"]))
    for s in doc["selected"]:
        assert {"tool", "plan", "start_month", "owner", "monthly_cost"} <= s.keys()


def test_json_reasons_carry_a_code_and_text_in_the_plans_language(tmp_path: Path) -> None:
    code, out, _ = run("optimize", str(write_plan(tmp_path)), "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc["reasons"]["writer"]["code"] == "positive_value"
    assert doc["reasons"]["writer"]["text"].startswith("採用")
    assert doc["line_items"] == {"subscription": 6000, "training": 2400, "reserve": 2400}
    assert doc["marginal_value_of_budget"] == 0


def test_table_in_english(tmp_path: Path) -> None:
    code, out, _ = run("optimize", str(write_plan(tmp_path)), "--lang", "en")
    assert code == 0
    assert "Optimal allocation (proven)." in out
    assert "Tools to fund" in out and "Writer" in out
    assert "Staff training" in out and "NT$2,400.00" in out


def test_infeasible_plan_names_the_conflict_and_exits_1(tmp_path: Path) -> None:
    path = write_plan(tmp_path, optimise={"force_in": ["writer"], "monthly_budget": 100})
    code, out, _ = run("optimize", str(path), "--lang", "en")
    assert code == 1
    assert "No allocation can meet every constraint" in out
    assert "The monthly budget of NT$100." in out
    assert 'You required "Writer".' in out  # by its name, not its id
    code, out, _ = run("optimize", str(path), "--json")
    assert code == 1
    doc = json.loads(out)
    assert doc["status"] == "infeasible"
    assert [c["group"] for c in doc["conflicts"]] == ["monthly_budget", "force_in:writer"]


def test_objective_override_and_bad_settings(tmp_path: Path) -> None:
    path = write_plan(tmp_path)
    code, out, _ = run("optimize", str(path), "--json", "--objective", "cvar")
    assert code == 0
    assert json.loads(out)["objective_kind"] == "cvar"
    code, _, err = run("optimize", str(path), "--time-limit", "0", "--lang", "en")
    assert code == 2
    assert "--time-limit" in err
    bad = write_plan(tmp_path, optimise={"force_out": ["nobody"]})
    code, out, err = run("optimize", str(bad), "--lang", "en")
    assert code == 2
    assert "optimise.force_out[0] (line" in err and 'No tool "nobody" in this plan.' in err
    assert "Traceback" not in out + err
