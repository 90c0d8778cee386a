"""``aibudget review`` with the reallocation: the proposal in JSON and as a plan file."""

from __future__ import annotations

import json
from pathlib import Path

from aibudget.planfile import load_plan
from tests.cli.test_cli_monitor import cafe, filled_template, run


def test_review_json_proposes_to_replace_the_weak_tool_and_scale_the_strong(tmp_path: Path) -> None:
    plan = cafe(tmp_path)
    code, out, _ = run("review", plan, "--actuals", filled_template(tmp_path), "--json")
    assert code == 0, out
    proposal = json.loads(out)["proposal"]
    by_id = {c["message_id"]: c for c in proposal["changes"]}
    # rated replace by the team; no catalog tool serves its (unnamed) goals
    assert by_id["reallocate.replace_none"]["tool"] == "mailchimp"
    assert by_id["reallocate.add_seats"]["tool"] == "chatgpt"
    assert by_id["reallocate.move"]["params"]["source_ids"] == ["mailchimp"]
    assert "Mailchimp" in by_id["reallocate.replace_none"]["text"]
    assert "NT$" in by_id["reallocate.replace_none"]["text"]  # money formatted, zh-TW plan
    assert proposal["start"] == "2027-07" and proposal["months_elapsed"] == 6
    assert float(proposal["proposed_npv"]) > float(proposal["current_npv"])


def test_write_proposal_writes_a_plan_that_loads_back(tmp_path: Path) -> None:
    plan = cafe(tmp_path)
    target = tmp_path / "proposal.yaml"
    code, out, _ = run(
        "review", plan, "--actuals", filled_template(tmp_path), "--write-proposal", target,
        "--lang", "en",
    )  # fmt: skip
    assert code == 0, out
    assert "Proposed plan written to" in out
    proposed = load_plan(target)
    assert proposed.horizon.start == "2027-07"
    assert "mailchimp" not in {t.id for t in proposed.tools}
    code, out, _ = run("review", target, "--actuals", filled_template(tmp_path), "--json")
    assert code == 0  # the written plan is a plan the tools accept again


def test_no_proposal_after_the_last_month(tmp_path: Path) -> None:
    plan = cafe(tmp_path)
    target = tmp_path / "proposal.yaml"
    args = ("review", plan, "--actuals", filled_template(tmp_path), "--as-of", "2027-12")
    code, out, _ = run(*args, "--json")
    assert code == 0, out
    doc = json.loads(out)
    assert doc["proposal"] is None and doc["proposal_note"]
    code, _, _ = run(*args, "--write-proposal", target)
    assert code == 2 and not target.exists()
