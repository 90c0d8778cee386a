"""Hostile plan files are refused quickly with a PlanError that says what and where."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from aibudget.domain.errors import PlanError
from aibudget.planfile import MAX_ALIAS_NODES, MAX_DEPTH, load_plan, plan_from_text, read_yaml

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "taipei-cafe.yaml"
FAST = 2.0  # seconds: refusing must not cost what the attack was built to cost


def refused(text: str) -> PlanError:
    started = time.perf_counter()
    with pytest.raises(PlanError) as caught:
        plan_from_text(text)
    assert time.perf_counter() - started < FAST
    return caught.value


def laughs(levels: int, fan_out: int = 9) -> str:
    """The classic alias bomb: each level lists the previous one ``fan_out`` times."""
    lines = ["l0: &l0 [" + ", ".join(["lol"] * fan_out) + "]"]
    for level in range(1, levels + 1):
        refs = ", ".join([f"*l{level - 1}"] * fan_out)
        lines.append(f"l{level}: &l{level} [{refs}]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_at_the_alias_that_goes_past_the_cap() -> None:
    text = laughs(9)  # 9 ** 10 values once expanded, from a few hundred bytes
    assert len(text) < 1000
    [problem] = refused(text).problems
    assert problem.message_id == "plan.yaml_aliases"
    assert problem.params == {"max": MAX_ALIAS_NODES}
    assert problem.line is not None and 2 <= problem.line <= 10


def test_a_few_aliases_are_fine() -> None:
    data, _ = read_yaml(laughs(2))
    assert data["l2"][0][0] == ["lol"] * 9


def test_an_alias_inside_its_own_anchor_is_refused() -> None:
    [problem] = refused("a: &loop\n  - *loop\n").problems
    assert problem.message_id == "plan.yaml_alias_loop"
    assert (problem.line, problem.params) == (2, {"name": "loop"})


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * 1000 + "]" * 1000,
        "".join("  " * i + f"k{i}:\n" for i in range(1000)),
        "".join("  " * i + "- \n" for i in range(1000)),
    ],
    ids=["flow", "mappings", "lists"],
)
def test_nesting_past_the_limit_is_refused_with_its_line(text: str) -> None:
    [problem] = refused(text).problems
    assert problem.message_id == "plan.yaml_too_deep"
    assert problem.params == {"max": MAX_DEPTH}
    assert problem.line is not None


def test_aliases_cannot_nest_past_the_limit_either() -> None:
    half = MAX_DEPTH // 2 + 1
    text = "a: &a " + "[" * half + "]" * half + "\nb: " + "[" * half + "*a" + "]" * half + "\n"
    [problem] = refused(text).problems
    assert (problem.message_id, problem.line) == ("plan.yaml_too_deep", 2)


def test_a_whole_number_with_thousands_of_digits_is_refused_by_its_field() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert "schema_version: 1\n" in text
    problems = refused(text.replace("schema_version: 1\n", f"schema_version: {'9' * 5000}\n"))
    paths = [problem.where for problem in problems.problems]
    assert paths == ["schema_version"]
    assert len(str(problems.problems[0].params["input"])) <= 80


def test_the_cli_loader_refuses_the_same(tmp_path: Path) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text(laughs(9), encoding="utf-8")
    with pytest.raises(PlanError) as caught:
        load_plan(path)
    assert caught.value.problems[0].message_id == "plan.yaml_aliases"


def test_an_ordinary_plan_reads_as_before() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert read_yaml(text)[0] == yaml.safe_load(text)
