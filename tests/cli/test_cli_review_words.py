"""``aibudget review`` as an owner reads it: goals by name, no proposal when nothing
changes, nothing written then."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from tests.cli.test_cli_monitor import run
from tests.factories import plan_data, tool

GOAL_NAME = "每月貼文增加到 20 篇"


def on_track(tmp_path: Path) -> tuple[Path, Path]:
    """One tool saving what the plan said, and a goal whose KPI reaches its target."""
    data = plan_data(
        tool(
            id="t1",
            name="Writer",
            kpis=["content_output"],
            plans=[{"id": "m", "price": 100, "seats": 2}],
            benefits=[{"kind": "hours_saved", "hours_per_month": [10, 20, 35]}],
        ),
        horizon={"months": 24},
        company={"locale": "zh-TW"},
        goals=[
            {"id": "posts-goal", "name": GOAL_NAME, "kpi": "content_output", "baseline": 8,
             "target": 20, "deadline": "2027-12"},
        ],
    )  # fmt: skip
    plan = tmp_path / "plan.yaml"
    plan.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    rows = [f"2027-0{m}-05,t1,subscription,spent,200,TWD,20,,," for m in (1, 2)]
    rows.append("2027-03-05,t1,subscription,spent,200,TWD,20,content_output,21,")
    source = tmp_path / "on_track.csv"
    source.write_text(
        "Month,Tool,Line item,Status,Amount,Currency,Hours saved,KPI,KPI value,Note\n"
        + "\n".join(rows)
        + "\n",
        encoding="utf-8",
    )
    return plan, source


def test_nothing_changes_so_nothing_is_proposed_or_written(tmp_path: Path) -> None:
    plan, source = on_track(tmp_path)
    target = tmp_path / "proposal.yaml"
    code, out, _ = run("review", plan, "--actuals", source, "--json")
    assert code == 0, out
    proposal = json.loads(out)["proposal"]
    assert [c["message_id"] for c in proposal["changes"]] == ["reallocate.no_change"]
    assert proposal["changes_plan"] is False
    code, out, _ = run(
        "review", plan, "--actuals", source, "--write-proposal", target, "--lang", "en"
    )
    assert code == 0, out
    assert not target.exists()
    assert "Reallocation proposal" not in out and "expected NPV" not in out
    assert "no proposal was written" in out and "Proposed plan written" not in out


def test_the_review_names_goals_as_the_owner_wrote_them(tmp_path: Path) -> None:
    plan, source = on_track(tmp_path)
    code, out, _ = run("review", plan, "--actuals", source)
    assert code == 0, out
    flat = "".join(out.split())
    assert "posts-goal" not in flat
    assert "".join(GOAL_NAME.split()) + "：已達標" in flat  # the KPI line
    assert "目標「" + "".join(GOAL_NAME.split()) + "」的KPI已達標" in flat  # the milestone
    assert "最新21，要達到20" in flat
