"""Plan validation reports every problem at once, with its path and YAML line."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from aibudget.catalog import kpi_ids
from aibudget.domain.errors import PlanError, Problem
from aibudget.domain.plan import Range
from aibudget.domain.validate import cross_reference_problems, parse_plan
from aibudget.planfile import load_plan, plan_from_text
from tests.factories import make_plan, plan_data, tool

BROKEN = """\
company:
  name: Broken Co
  employees: 3
  annual_revenue: -5
  annual_marketing_budget: 100000
  currency: NTD
horizon:
  months: 48
  start: 2027-13
goals:
  - id: g1
    name: more traffic
    kpi: visits_per_day
    deadline: 2026-06
team:
  - id: amy
    role: editor
    hourly_cost: 250
    free_hours_per_month: 10
tools:
  - id: gpt
    name: ChatGPT
    owner: bob
    plans:
      - id: m
        price: -20
        currency: USD
    benefits:
      - kind: hours_saved
        hours_per_month: {low: 10, likely: 5, high: 20}
      - kind: revenue_lift
        lift: 0.02
        gross_margin: 1.5
    colour: blue
budget:
  annual_amount: 1000
  share_of_marketing: 0.2
  max_tool_share: 2
"""


def problems_of(text: str) -> dict[tuple[str, str], int | None]:
    with pytest.raises(PlanError) as caught:
        plan_from_text(text)
    return {(p.where, p.message_id): p.line for p in caught.value.problems}


def test_broken_plan_reports_every_problem_with_its_line() -> None:
    found = problems_of(BROKEN)
    expected = {
        ("company.annual_revenue", "value.greater_than_equal"): 4,
        ("company.currency", "value.currency_unknown"): 6,
        ("horizon.months", "value.less_than_equal"): 8,
        ("horizon.start", "value.month_format"): 9,
        ("goals[0].kpi", "ref.kpi_unknown"): 13,
        ("tools[0].owner", "ref.owner_unknown"): 23,
        ("tools[0].plans[0].price", "value.greater_than_equal"): 26,
        ("tools[0].plans[0].currency", "ref.fx_missing"): 27,
        ("tools[0].benefits[0].hours_per_month", "value.range_order"): 30,
        ("tools[0].benefits[1].gross_margin", "value.less_than_equal"): 33,
        ("tools[0].colour", "value.extra_forbidden"): 34,
        ("budget", "ref.budget_amount_xor_share"): 35,
        ("budget.max_tool_share", "value.less_than_equal"): 38,
    }
    for key, line in expected.items():
        assert key in found, f"missing problem {key}; found {sorted(found)}"
        assert found[key] == line, f"{key} reported at line {found[key]}, expected {line}"


def test_deadline_must_fall_after_start_and_inside_horizon() -> None:
    goal = {"id": "g", "name": "n", "kpi": "conversion_rate", "deadline": "2026-12"}
    late = {**goal, "id": "h", "deadline": "2029-01"}
    with pytest.raises(PlanError) as caught:
        make_plan(goals=[goal, late])
    ids = {(p.where, p.message_id) for p in caught.value.problems}
    assert ("goals[0].deadline", "ref.deadline_before_start") in ids
    assert ("goals[1].deadline", "ref.deadline_after_horizon") in ids


def test_duplicate_ids_and_unknown_members_are_named() -> None:
    data = plan_data(
        tool(id="a", training={"trainees": ["zoe"]}),
        tool(id="a", benefits=[{"kind": "hours_saved", "hours_per_month": 1, "member": "max"}]),
    )
    with pytest.raises(PlanError) as caught:
        parse_plan(data, kpi_ids())
    found = {
        (p.where, p.message_id, tuple(sorted(p.params.items()))) for p in caught.value.problems
    }
    assert ("tools[1].id", "ref.duplicate_id", (("first", 0), ("id", "a"))) in found
    assert ("tools[0].training.trainees[0]", "ref.member_unknown", (("member", "zoe"),)) in found
    assert ("tools[1].benefits[0].member", "ref.member_unknown", (("member", "max"),)) in found


def test_chosen_plan_must_exist() -> None:
    with pytest.raises(PlanError) as caught:
        make_plan(tool(plans=[{"id": "basic", "price": 10}], plan="pro"))
    assert [p.message_id for p in caught.value.problems] == ["ref.plan_unknown"]


def test_range_shorthands() -> None:
    assert Range.model_validate(5) == Range(low=Decimal(5), likely=Decimal(5), high=Decimal(5))
    assert Range.model_validate([1, 2, 3]).high == Decimal(3)


def test_a_share_above_one_is_refused_for_revenue_lift() -> None:
    driver = {"kind": "revenue_lift", "lift": [0.1, 0.2, 1.5], "gross_margin": 0.5}
    with pytest.raises(PlanError) as caught:
        make_plan(tool(benefits=[driver]))
    assert caught.value.problems[0].message_id == "value.range_share"


def test_examples_validate(example_path: Path) -> None:
    plan = load_plan(example_path)
    assert plan.tools, "an example without tools shows nothing"
    assert plan.company.currency == "TWD"


@pytest.mark.parametrize(
    ("content", "message_id"),
    [
        (b"", "plan.empty"),
        (b"company: [unclosed", "plan.yaml_syntax"),
        (b"- just\n- a list\n", "plan.not_mapping"),
        ("公司: 測試".encode("big5"), "plan.not_utf8"),
    ],
)
def test_unreadable_files_get_one_clear_problem(
    tmp_path: Path, content: bytes, message_id: str
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(content)
    with pytest.raises(PlanError) as caught:
        load_plan(path)
    assert message_id in [p.message_id for p in caught.value.problems]


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PlanError) as caught:
        load_plan(tmp_path / "nope.yaml")
    assert caught.value.problems[0].message_id == "plan.file_missing"


def test_optimiser_settings_name_existing_tools_and_channels() -> None:
    optimise = {
        "force_in": ["t1", "ghost"],
        "exclusive": [["t1", "phantom"]],
        "channels": [{"id": "meta", "curve": {"kind": "exponential", "scale": 1, "rate": 1}}],
        "constraints": [{"label": "cap", "tools": ["nope"], "channels": ["tv"], "max_monthly": 1}],
    }
    data = plan_data(tool(), optimise=optimise)
    found = {(p.where, p.message_id, p.params["id"]) for p in cross_problems(data)}
    assert found == {
        ("optimise.force_in[1]", "ref.tool_unknown", "ghost"),
        ("optimise.exclusive[0][1]", "ref.tool_unknown", "phantom"),
        ("optimise.constraints[0].tools[0]", "ref.tool_unknown", "nope"),
        ("optimise.constraints[0].channels[0]", "ref.channel_unknown", "tv"),
    }


def cross_problems(data: dict[str, object]) -> list[Problem]:
    return cross_reference_problems(data, kpi_ids())


LIST_INSTEAD_OF_ID = [
    {"tools": [{"id": ["x"]}]},
    {"team": [{"id": [1]}]},
    {"tools": [{"owner": ["a"]}]},
    {"tools": [{"plan": ["a"], "plans": [{"id": "a", "price": 1}]}]},
    {"team": [{"id": "a"}], "tools": [{"training": {"trainees": [["a"]]}}]},
    {"tools": [{"benefits": [{"member": ["a"]}]}]},
    {"optimise": {"channels": [{"id": ["c"]}], "force_in": [["a"]]}},
]


@pytest.mark.parametrize("broken", LIST_INSTEAD_OF_ID)
def test_a_list_where_an_id_belongs_is_a_problem_not_a_crash(broken: dict[str, object]) -> None:
    """The API sent such documents (schema-valid JSON): they answered 500 before."""
    data = plan_data() | broken
    assert isinstance(cross_reference_problems(data, kpi_ids()), list)
    with pytest.raises(PlanError):
        parse_plan(data, kpi_ids())
