"""Every field of a plan (its JSON Schema's leaves) has an editor in the web app, is set
by the app itself, or is listed here as consultant-only with the reason."""

from __future__ import annotations

from typing import Any

from aibudget.domain.plan import Plan
from aibudget.domain.practice import CRITERIA
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

# Filled in by the app, never typed: ids of added items, what adding from the catalog
# copies, the kind of a benefit estimate (chosen when it is added).
SET_BY_THE_APP = {
    "goals[].id": "made from the goal when it is added",
    "team[].id": "made from the name when the member is added",
    "tools[].id": "made from the catalog entry when the tool is added",
    "tools[].catalog_id": "the catalog entry the tool was added from",
    "tools[].plans[].id": "the catalog's tier, or the owner's own quote",
    "tools[].plans[].name": "the catalog's tier name",
    "tools[].plans[].source": "where the catalog's price was published",
    "tools[].benefits[].kind": "chosen when the estimate is added",
    "optimise.channels[].id": "made when the channel is added",
    "schema_version": "the plan file format's version",
}
# Edited on a page of their own: the tool comparison (aibudget.web.pages_compare).
ON_THE_COMPARISON_PAGE = {f"comparison.weights.{c}" for c in CRITERIA} | {
    f"comparison.scores[].{name}" for name in ("tool", *CRITERIA)
}
CONSULTANT_ONLY = {
    "catalog[]": "a plan's own catalog entries (owners use the workspace's catalog page)",
    "horizon.seed": "the simulation's seed: results stay reproducible; a new seed only "
    "reshuffles the random draws",
    "optimise.budget_step": "solver setting: the step of 'what one more amount buys'",
    "optimise.cvar_tail": "solver setting: the share of worst cases the careful aim weighs",
    "optimise.scenarios": "solver setting: scenarios of the careful aims",
    "optimise.time_limit_seconds": "solver setting: the time limit",
    "optimise.channels[].segments": "solver setting: the grid of a channel's curve",
    "optimise.constraints[].label": "advanced limits on groups of tools or channels",
    "optimise.constraints[].tools[]": "advanced limits on groups of tools or channels",
    "optimise.constraints[].categories[]": "advanced limits on groups of tools or channels",
    "optimise.constraints[].channels[]": "advanced limits on groups of tools or channels",
    "optimise.constraints[].min_monthly": "advanced limits on groups of tools or channels",
    "optimise.constraints[].max_monthly": "advanced limits on groups of tools or channels",
    "optimise.exclusive[]": "advanced: at most one of a group of tools",
    "optimise.force_in[]": "advanced: a tool the allocation must fund (owners remove or add "
    "tools directly)",
    "optimise.force_out[]": "advanced: a tool the allocation must leave out",
}


def _leaves(node: dict[str, Any], defs: dict[str, Any], path: str, out: set[str]) -> None:
    if "$ref" in node:
        _leaves(defs[node["$ref"].split("/")[-1]], defs, path, out)
        return
    for key in ("anyOf", "oneOf", "allOf"):
        if key in node:
            for sub in node[key]:
                if sub.get("type") != "null":
                    _leaves(sub, defs, path, out)
            return
    if node.get("type") == "object" and "properties" in node:
        for name, sub in node["properties"].items():
            _leaves(sub, defs, f"{path}.{name}" if path else name, out)
    elif node.get("type") == "object" and isinstance(node.get("additionalProperties"), dict):
        _leaves(node["additionalProperties"], defs, f"{path}.*", out)
    elif node.get("type") == "array":
        items = node.get("items", {})
        if {"$ref", "anyOf", "oneOf"} & set(items) or items.get("type") == "object":
            _leaves(items, defs, f"{path}[]", out)
        else:
            out.add(f"{path}[]")
    else:
        out.add(path)


def _schema_leaves() -> set[str]:
    schema = Plan.model_json_schema()
    out: set[str] = set()
    _leaves(schema, schema.get("$defs", {}), "", out)
    return out


def _edited(prefix: str, fields: tuple[FormField, ...]) -> set[str]:
    out = set()
    for f in fields:
        name = f.name.replace("@plan.", "plans[].")
        if f.kind in (Kind.KPIS, Kind.MEMBERS, Kind.AMOUNTS):
            name += "[]"
        out.add(prefix + name)
    return out


def _editors() -> set[str]:
    # The currency is chosen on the new plan's form (amounts are not converted later).
    out = _edited("", (*START, *BUSINESS, *ADVANCED, *BUDGET, *OPTIMISER, *STACK)) | {"fx.*"}
    out |= ON_THE_COMPARISON_PAGE
    out |= _edited("goals[].", GOAL) | _edited("team[].", MEMBER) | _edited("tools[].", TOOL)
    out |= _edited("lines[].", SCHEDULE) | _edited("tools[].schedules[].", SCHEDULE)
    out |= _edited("optimise.channels[].", CHANNEL)
    for fields in BENEFITS.values():
        out |= _edited("tools[].benefits[].", fields)
    return out


def test_every_field_of_a_plan_has_an_editor_or_a_reason() -> None:
    leaves = _schema_leaves()
    assert len(leaves) > 100  # the walk reached the nested parts
    missing = leaves - _editors() - set(SET_BY_THE_APP) - set(CONSULTANT_ONLY)
    assert sorted(missing) == []


def test_the_lists_name_only_real_fields() -> None:
    leaves = _schema_leaves()
    assert sorted((_editors() | set(SET_BY_THE_APP) | set(CONSULTANT_ONLY)) - leaves) == []
    assert not set(CONSULTANT_ONLY) & _editors()  # an edited field is not consultant-only
