"""Plan files: YAML in, validated :class:`Plan` out, with line numbers on every problem."""

from __future__ import annotations

from pathlib import Path as FsPath
from typing import Any

import yaml

from aibudget.catalog import kpi_ids
from aibudget.domain.errors import Path, PlanError, Problem
from aibudget.domain.plan import Plan
from aibudget.domain.validate import parse_plan

MAX_PLAN_BYTES = 5 * 1024 * 1024


def line_map(node: yaml.Node, path: Path = ()) -> dict[Path, int]:
    """Path -> 1-based line of the value (keys of mappings, items of sequences)."""
    lines = {path: node.start_mark.line + 1}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = (*path, key.value)
            lines.update(line_map(value, child))
            lines[child] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines.update(line_map(item, (*path, i)))
    return lines


def _nearest_line(lines: dict[Path, int], path: Path) -> int | None:
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


def read_yaml(text: str) -> tuple[Any, dict[Path, int]]:
    """Parse YAML safely; raise PlanError with the line of a syntax error."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        detail = str(getattr(exc, "problem", "") or exc)
        raise PlanError([Problem((), "plan.yaml_syntax", {"detail": detail}, line)]) from None
    return data, (line_map(node) if node is not None else {})


def plan_from_text(text: str) -> Plan:
    data, lines = read_yaml(text)
    if data is None:
        raise PlanError([Problem((), "plan.empty")])
    try:
        return parse_plan(data, kpi_ids())
    except PlanError as err:
        err.problems = [
            Problem(p.path, p.message_id, p.params, _nearest_line(lines, p.path))
            for p in err.problems
        ]
        raise


def load_plan(path: FsPath) -> Plan:
    """Read and validate a plan file; every failure is a PlanError with a message id."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PlanError([Problem((), "plan.file_missing", {"file": str(path)})]) from None
    except OSError as exc:
        raise PlanError(
            [Problem((), "plan.file_unreadable", {"file": str(path), "detail": exc.strerror})]
        ) from None
    if len(raw) > MAX_PLAN_BYTES:
        raise PlanError([Problem((), "plan.too_large", {"max_mb": MAX_PLAN_BYTES // 2**20})])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PlanError([Problem((), "plan.not_utf8", {"file": str(path)})]) from None
    return plan_from_text(text)


def dump_plan(plan: Plan) -> str:
    """The plan as YAML (amounts as plain numbers, keys in model order)."""
    data = plan.model_dump(mode="json", exclude_defaults=True)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def peek_locale(path: FsPath) -> str | None:
    """The plan's ``company.locale`` if the file can be read at all (for error messages)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    company = data.get("company") if isinstance(data, dict) else None
    locale = company.get("locale") if isinstance(company, dict) else None
    return locale if isinstance(locale, str) else None
