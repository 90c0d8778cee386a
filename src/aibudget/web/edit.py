"""Editing a plan step by step in the browser: each change is a new version.

The forms add or remove one goal, team member or tool (tools come from the catalog).
The change is made on the newest version's document and validated by parse_plan like
any import, so the messages are the CLI's, shown beside the form's fields.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

from aibudget.domain.errors import Problem
from aibudget.domain.plan import SkillLevel
from aibudget.domain.texts import N_


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # text, number, month, kpi, choice
    label: str  # message id
    required: bool = False
    choices: tuple[str, ...] = ()


FORMS: dict[str, tuple[Field, ...]] = {
    "goals": (
        Field("name", "text", N_("web.field_goal_name"), required=True),
        Field("kpi", "kpi", "web.field_kpi", required=True),
        Field("baseline", "number", N_("web.field_baseline")),
        Field("target", "number", N_("web.field_target")),
        Field("deadline", "month", N_("web.field_deadline")),
        Field("priority", "choice", N_("web.field_priority"), choices=("1", "2", "3")),
        Field("measurement", "text", N_("web.field_measurement")),
    ),
    "team": (
        Field("name", "text", N_("web.field_member_name"), required=True),
        Field("role", "text", N_("web.field_role"), required=True),
        Field("hourly_cost", "number", N_("web.field_hourly_cost"), required=True),
        Field("free_hours_per_month", "number", N_("web.field_free_hours"), required=True),
        Field(
            "ai_skill",
            "choice",
            N_("web.field_ai_skill"),
            choices=tuple(s.value for s in SkillLevel),
        ),
    ),
}
ID_PREFIX = {"goals": "goal", "team": "member", "tools": "tool"}


def new_id(document: dict[str, Any], kind: str, wanted: str | None = None) -> str:
    """An id not used yet in ``document[kind]``: the wanted one, else prefix-N."""
    taken = {str(item.get("id")) for item in document.get(kind) or [] if isinstance(item, dict)}
    base = re.sub(r"[^A-Za-z0-9_.-]", "-", wanted or "").strip("-.")[:50] or ID_PREFIX[kind]
    if base not in taken and wanted:
        return base
    n = 1
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def item_from_form(kind: str, form: dict[str, str]) -> dict[str, Any]:
    """The form's non-empty fields (strings; parse_plan does the typing and checks)."""
    item: dict[str, Any] = {}
    for field in FORMS[kind]:
        value = form.get(field.name, "").strip()
        if value:
            item[field.name] = value.replace(",", "") if field.kind == "number" else value
    return item


def with_item(document: dict[str, Any], kind: str, item: dict[str, Any]) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    changed.setdefault(kind, [])
    changed[kind].append(item)
    return changed


def without_item(document: dict[str, Any], kind: str, item_id: str) -> dict[str, Any] | None:
    """The document without the item (None when there is no such item)."""
    items = document.get(kind) or []
    kept = [i for i in items if not (isinstance(i, dict) and i.get("id") == item_id)]
    if len(kept) == len(items):
        return None
    changed = copy.deepcopy(document)
    changed[kind] = kept
    return changed


def split_problems(
    problems: list[Problem], kind: str, index: int
) -> tuple[dict[str, Problem], list[Problem]]:
    """Problems of the new item by field name, and the rest."""
    mine: dict[str, Problem] = {}
    rest: list[Problem] = []
    for p in problems:
        if len(p.path) >= 3 and p.path[0] == kind and p.path[1] == index:
            mine.setdefault(str(p.path[2]), p)
        elif len(p.path) == 2 and p.path[0] == kind and p.path[1] == index:
            mine.setdefault("name", p)
        else:
            rest.append(p)
    return mine, rest


# Message ids built at run time in this module, declared for message extraction.
EDIT_MESSAGES = (
    N_("web.add_goals"),
    N_("web.add_team"),
    N_("web.choice_ai_skill_advanced"),
    N_("web.choice_ai_skill_beginner"),
    N_("web.choice_ai_skill_intermediate"),
    N_("web.choice_ai_skill_none"),
    N_("web.choice_priority_1"),
    N_("web.choice_priority_2"),
    N_("web.choice_priority_3"),
)
