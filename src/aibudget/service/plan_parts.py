"""The parts of a plan an owner edits, and where each sits in the plan's document.

A *section* is one form over the whole plan (``business``, ``budget``, ``optimiser``,
and ``start``: the new plan's short form). A *part* is one item of a list: a goal, a
team member, a tool, an ad channel (found by id), a plan-level line (by position), or a
benefit estimate or price schedule of a tool (by the tool's id and position). A
:class:`Target` names one of them; :func:`item_path` finds it, :func:`fields_for` says
which fields its form has (:mod:`aibudget.service.fields`), and :func:`add_part` /
:func:`remove_part` add one with starting values an owner adjusts, or take one away.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from aibudget.catalog import kpi_ids
from aibudget.domain.errors import PlanError
from aibudget.domain.plan import Plan
from aibudget.domain.texts import N_
from aibudget.domain.validate import parse_plan
from aibudget.service.fields import (
    ADVANCED,
    BENEFITS,
    BUDGET,
    BUSINESS,
    CHANNEL,
    GOAL,
    MEMBER,
    OPTIMISER,
    SCHEDULE,
    STACK,
    START,
    TOOL,
    FormField,
    Kind,
)


class EditError(LookupError):
    """The part to edit is not in the plan (removed meanwhile, or a wrong address)."""


@dataclass(frozen=True)
class Target:
    """A section (``item`` and ``index`` None), a part found by id (``item``), a
    plan-level part by position (``index``), or a tool's part (tool id ``item``,
    position ``index``)."""

    section: str
    item: str | None = None
    index: int | None = None


@dataclass(frozen=True)
class Part:
    key: tuple[str, ...]  # the list's path inside the plan, or inside a tool
    of_tool: bool = False
    by_id: bool = False


SECTIONS = ("start", "business", "budget", "optimiser", "stack")
PARTS = {
    "goals": Part(("goals",), by_id=True),
    "team": Part(("team",), by_id=True),
    "tools": Part(("tools",), by_id=True),
    "channels": Part(("optimise", "channels"), by_id=True),
    "lines": Part(("lines",)),
    "benefits": Part(("benefits",), of_tool=True),
    "schedules": Part(("schedules",), of_tool=True),
}
CHANNEL_KINDS = {  # a curve's parameters by its kind (the others are dropped)
    "michaelis_menten": ("max_return", "half_saturation"),
    "hill": ("max_return", "half_saturation", "slope"),
    "exponential": ("max_return", "spend_scale"),
}


def get(node: Any, path: Sequence[str | int]) -> Any:
    for key in path:
        if isinstance(node, dict):
            node = node.get(key)
        elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            node = node[key]
        else:
            return None
    return node


def child(node: dict[str, Any], key: str) -> dict[str, Any]:
    """``node[key]``, made an empty mapping when missing or null (e.g. ``optimise:``)."""
    if not isinstance(node.get(key), dict):
        node[key] = {}
    found: dict[str, Any] = node[key]
    return found


def _find(items: Any, item_id: str | None) -> int:
    for i, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, dict) and item.get("id") == item_id:
            return i
    raise EditError(item_id)


def item_path(document: Mapping[str, Any], target: Target) -> tuple[str | int, ...]:
    """Where the target sits in the document (() for a section)."""
    if target.section in SECTIONS:
        return ()
    part = PARTS.get(target.section)
    if part is None:
        raise EditError(target.section)
    base: tuple[str | int, ...] = ()
    if part.of_tool:
        base = ("tools", _find(document.get("tools"), target.item))
    items = get(document, (*base, *part.key))
    if part.by_id:
        return (*base, *part.key, _find(items, target.item))
    count = len(items) if isinstance(items, list) else 0
    if target.index is None or not 0 <= target.index < count:
        raise EditError(target.section)
    return (*base, *part.key, target.index)


def item_of(document: Mapping[str, Any], target: Target) -> dict[str, Any]:
    found: dict[str, Any] = get(document, item_path(document, target))
    return found


def fx_fields(document: Mapping[str, Any]) -> tuple[FormField, ...]:
    """One rate field per currency the plan has a rate for."""
    rates = document.get("fx")
    return tuple(
        FormField(
            f"fx.{currency}",
            Kind.NUMBER,
            N_("field.fx"),
            N_("field.fx.help"),
            group=N_("field.group.fx"),
        )
        for currency in sorted(rates if isinstance(rates, dict) else {})
    )


def fields_for(document: Mapping[str, Any], target: Target) -> tuple[FormField, ...]:
    section = target.section
    fixed = {
        "start": START, "budget": BUDGET, "optimiser": OPTIMISER, "stack": STACK, "goals": GOAL,
        "team": MEMBER, "tools": TOOL, "schedules": SCHEDULE, "lines": SCHEDULE,
        "channels": CHANNEL,
    }  # fmt: skip
    if section == "business":
        return (*BUSINESS, *fx_fields(document), *ADVANCED)
    if section in fixed:
        item_path(document, target)  # EditError when the part is not there
        return fixed[section]
    kind = str(item_of(document, target).get("kind", ""))
    if section != "benefits" or kind not in BENEFITS:
        raise EditError(kind)
    return BENEFITS[kind]


def tidy(document: dict[str, Any], target: Target) -> None:
    """After an edit: an ad channel keeps only its curve kind's parameters."""
    if target.section != "channels":
        return
    curve = item_of(document, target).get("curve")
    if isinstance(curve, dict) and curve.get("kind") in CHANNEL_KINDS:
        keep = {"kind", *CHANNEL_KINDS[curve["kind"]]}
        for key in [k for k in curve if k not in keep]:
            del curve[key]


BENEFIT_STARTS: dict[str, dict[str, Any]] = {
    "hours_saved": {"hours_per_month": {"low": "2", "likely": "4", "high": "8"}},
    "revenue_lift": {
        "lift": {"low": "0.005", "likely": "0.01", "high": "0.02"},
        "gross_margin": "0.4",
    },
    "cost_avoided": {"monthly": {"low": "0", "likely": "1000", "high": "3000"}},
    "kpi_effect": {"change": {"low": "0", "likely": "1", "high": "2"}, "value_per_unit": "0"},
}


def _start(document: Mapping[str, Any], section: str, kind: str, label: str) -> dict[str, Any]:
    """A new part's starting values (an owner adjusts them next)."""
    if section == "benefits":
        if kind not in BENEFIT_STARTS:
            raise EditError(kind)
        return {"kind": kind, **copy.deepcopy(BENEFIT_STARTS[kind])}
    if section == "schedules":
        return {"label": label, "kind": "cost", "line": "subscription", "amounts": ["0"]}
    if section == "lines":
        return {"label": label, "kind": "cost", "line": "advice", "amounts": ["0"]}
    if section == "channels":
        taken = {c.get("id") for c in get(document, ("optimise", "channels")) or []}
        n = next(i for i in range(1, len(taken) + 2) if f"channel-{i}" not in taken)
        return {
            "id": f"channel-{n}", "name": label, "max_monthly": "20000",
            "curve": {"kind": "michaelis_menten", "max_return": "30000",
                      "half_saturation": "10000"},
        }  # fmt: skip
    raise EditError(section)


def add_part(
    document: Mapping[str, Any], section: str, tool_id: str | None, kind: str, label: str
) -> tuple[Target, Plan]:
    """The document with a new part (of the tool ``tool_id`` for benefit estimates and
    price schedules): its target and the checked plan."""
    changed = copy.deepcopy(dict(document))
    part = PARTS.get(section)
    if part is None or section in ("goals", "team", "tools"):
        raise EditError(section)
    owner: dict[str, Any] = item_of(changed, Target("tools", tool_id)) if part.of_tool else changed
    new = _start(changed, section, kind, label)
    if section == "benefits" and kind == "kpi_effect":
        new["kpi"] = next(iter(owner.get("kpis") or []), "engagement_rate")
    node = owner
    for key in part.key[:-1]:
        node = child(node, key)
    if not isinstance(node.get(part.key[-1]), list):
        node[part.key[-1]] = []
    items = node[part.key[-1]]
    items.append(new)
    index = len(items) - 1
    if part.by_id:
        return Target(section, new["id"]), checked(changed)
    return Target(section, tool_id if part.of_tool else None, index), checked(changed)


def remove_part(document: Mapping[str, Any], target: Target) -> tuple[Plan, dict[str, Any]]:
    """The checked plan without the part, and the part that was removed."""
    changed = copy.deepcopy(dict(document))
    path = item_path(changed, target)
    if not path or target.section in ("goals", "team", "tools"):
        raise EditError(target.section)
    items = get(changed, path[:-1])
    removed: dict[str, Any] = items.pop(path[-1])
    return checked(changed), removed


def checked(document: dict[str, Any]) -> Plan:
    try:
        return parse_plan(document, kpi_ids())
    except PlanError as err:
        raise EditError(err.problems[0].message_id) from None
