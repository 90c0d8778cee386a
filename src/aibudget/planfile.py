"""Plan files: YAML in, validated :class:`Plan` out, with line numbers on every problem."""

from __future__ import annotations

from pathlib import Path as FsPath
from typing import Any

import yaml

from aibudget.catalog import kpi_ids
from aibudget.domain.errors import Path, PlanError, Problem
from aibudget.domain.plan import Plan
from aibudget.domain.texts import N_
from aibudget.domain.validate import parse_plan

MAX_PLAN_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 50  # nesting of mappings and lists; a plan needs fewer than ten
MAX_ALIAS_NODES = 100_000  # values that aliases (*name) may add to a document in all
MAX_DIGITS = 40  # longer whole numbers stay text, which the plan's fields then refuse


class _Refused(Exception):
    def __init__(self, message_id: str, line: int, **params: Any) -> None:
        super().__init__(message_id)
        self.problem = Problem((), message_id, params, line)


class PlanLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` that refuses documents built to exhaust the reader: nesting
    deeper than ``MAX_DEPTH``, aliases that refer to themselves or that would add more
    than ``MAX_ALIAS_NODES`` values (a "billion laughs"). Whole numbers with more than
    ``MAX_DIGITS`` digits are kept as text instead of being converted."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self._open_anchors: list[str] = []
        self._alias_nodes = 0
        self._sizes: dict[int, tuple[int, int]] = {}

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent):
            if event.anchor in self._open_anchors:
                raise _Refused(N_("plan.yaml_alias_loop"), line, name=event.anchor)
            node = super().compose_node(parent, index)
            if node is None:
                return None
            size, depth = self._measure(node)
            self._alias_nodes += size
            if self._alias_nodes > MAX_ALIAS_NODES:
                raise _Refused(N_("plan.yaml_aliases"), line, max=MAX_ALIAS_NODES)
            if self._depth + depth > MAX_DEPTH:
                raise _Refused(N_("plan.yaml_too_deep"), line, max=MAX_DEPTH)
            return node
        if self._depth >= MAX_DEPTH:
            raise _Refused(N_("plan.yaml_too_deep"), line, max=MAX_DEPTH)
        anchor = getattr(event, "anchor", None)
        self._depth += 1
        if anchor is not None:
            self._open_anchors.append(anchor)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1
            if anchor is not None:
                self._open_anchors.pop()

    def _measure(self, node: yaml.Node) -> tuple[int, int]:
        """Values in ``node`` with every alias inside it expanded, and its depth."""
        known = self._sizes.get(id(node))
        if known is not None:
            return known
        size, depth = 1, 1
        if isinstance(node, yaml.MappingNode):
            children = [child for pair in node.value for child in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        else:
            children = []
        for child in children:
            child_size, child_depth = self._measure(child)
            size += child_size
            depth = max(depth, child_depth + 1)
        self._sizes[id(node)] = (size, depth)
        return size, depth

    def construct_yaml_int(self, node: yaml.ScalarNode) -> Any:
        text = str(node.value)
        if sum(ch.isdigit() for ch in text) > MAX_DIGITS:
            return text
        return super().construct_yaml_int(node)


PlanLoader.add_constructor("tag:yaml.org,2002:int", PlanLoader.construct_yaml_int)


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
    """Parse YAML safely (:class:`PlanLoader`); raise PlanError with the line of a syntax
    error or of what was refused."""
    loader = PlanLoader(text)
    try:
        node = loader.get_single_node()
        data = None if node is None else loader.construct_document(node)
    except _Refused as refused:
        raise PlanError([refused.problem]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        detail = str(getattr(exc, "problem", "") or exc)
        raise PlanError([Problem((), N_("plan.yaml_syntax"), {"detail": detail}, line)]) from None
    finally:
        loader.dispose()
    return data, (line_map(node) if node is not None else {})


def plan_from_text(text: str) -> Plan:
    data, lines = read_yaml(text)
    if data is None:
        raise PlanError([Problem((), N_("plan.empty"))])
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
        raise PlanError([Problem((), N_("plan.file_missing"), {"file": str(path)})]) from None
    except OSError as exc:
        raise PlanError(
            [Problem((), N_("plan.file_unreadable"), {"file": str(path), "detail": exc.strerror})]
        ) from None
    if len(raw) > MAX_PLAN_BYTES:
        raise PlanError([Problem((), N_("plan.too_large"), {"max_mb": MAX_PLAN_BYTES // 2**20})])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PlanError([Problem((), N_("plan.not_utf8"), {"file": str(path)})]) from None
    return plan_from_text(text)


def dump_plan(plan: Plan) -> str:
    """The plan as YAML (amounts as plain numbers, keys in model order)."""
    data = plan.model_dump(mode="json", exclude_defaults=True)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def peek_locale(path: FsPath) -> str | None:
    """The plan's ``company.locale`` if the file can be read at all (for error messages)."""
    try:
        data, _lines = read_yaml(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, PlanError):
        return None
    company = data.get("company") if isinstance(data, dict) else None
    locale = company.get("locale") if isinstance(company, dict) else None
    return locale if isinstance(locale, str) else None
