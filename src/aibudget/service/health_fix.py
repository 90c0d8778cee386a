"""The health check's fixes as the owner uses them: which finding a button means, where
its field is edited, and the one-click remedy applied and checked as a whole plan.

A finding is named by its message id and the id of the goal, member or tool it is
about (``lint.no_reserve``, ``lint.training_underbudgeted.tool~chatgpt``), so a button
still means the same finding after other edits; it is looked up again in the newest
version before anything changes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from aibudget.catalog import kpi_entries, kpi_ids
from aibudget.domain.errors import PlanError
from aibudget.domain.guidance import CatalogTool, Finding
from aibudget.domain.plan import Plan
from aibudget.domain.validate import parse_plan
from aibudget.engine.lint import lint
from aibudget.engine.lint.remedy import RemedyError, apply_remedy
from aibudget.i18n import Translator
from aibudget.service.fields import BUDGET, BUSINESS, GOAL, MEMBER, TOOL, FormField, anchor

LISTS: dict[str, tuple[FormField, ...]] = {"goals": GOAL, "team": MEMBER, "tools": TOOL}
SEP = "~"


class FixGone(LookupError):
    """The finding is no longer in the newest version (fixed meanwhile), or its remedy
    no longer fits the plan."""


@dataclass(frozen=True)
class Place:
    """Where the owner changes what a finding is about."""

    section: str | None  # business, budget, optimiser, goals, team, tools, lines; None: none
    item: str | None  # the goal, member or tool id
    name: str | None  # its name as the owner wrote it
    field: str | None  # the form field's name

    @property
    def anchor(self) -> str | None:
        """The field's id in the edit form (``f-training-hours_per_person``)."""
        if self.field is None:
            return None
        return anchor(self.field)

    @property
    def address(self) -> str:
        """The edit page relative to the plan's address (``edit/tools/chatgpt#f-...``),
        or the plan page's part (``#tools``) when there is no single item to edit."""
        if self.section is None:
            return ""
        if (self.section in LISTS or self.section == "lines") and self.item is None:
            return f"#{self.section}"
        out = f"edit/{self.section}" + (f"/{self.item}" if self.item else "")
        return out + (f"#{self.anchor}" if self.anchor else "")

    def words(self, t: Translator) -> str:
        """Where it is, for a reader: the part of the plan and the item's name."""
        if self.section is None:
            return ""
        part = t(f"builder.title_{self.section}")
        return f"{part}「{self.name}」" if self.name else part


def _item(plan: Plan, path: Sequence[str | int]) -> Any:
    if len(path) > 1 and path[0] in LISTS and isinstance(path[1], int):
        items: list[Any] = getattr(plan, str(path[0]))
        if 0 <= path[1] < len(items):
            return items[path[1]]
    return None


def key(plan: Plan, finding: Finding) -> str:
    item = _item(plan, finding.path)
    return finding.message_id + (f"{SEP}{item.id}" if item is not None else "")


def _field(fields: tuple[FormField, ...], rel: Sequence[str | int]) -> str | None:
    parts = [str(p) for p in rel]
    if len(parts) > 1 and parts[0] == "plans":
        parts = ["@plan", *parts[2:]]
    if not parts:
        return None
    name = ".".join(parts)
    for f in fields:
        if f.name == name or f.name.startswith(name + "."):
            return f.name
    return None


def place(plan: Plan, finding: Finding) -> Place:
    path = finding.path
    if not path:
        return Place(None, None, None, None)
    head = str(path[0])
    if head in LISTS:
        item = _item(plan, path)
        if item is None:
            return Place(head, None, None, None)
        name = getattr(item, "name", None) or getattr(item, "role", None)
        return Place(head, item.id, name, _field(LISTS[head], path[2:]))
    if head == "budget":
        return Place("budget", None, None, _field(BUDGET, path))
    if head in ("company", "horizon"):
        return Place("business", None, None, _field(BUSINESS, path))
    if head in ("lines", "optimise"):  # the plan page's own part lists them
        return Place("lines" if head == "lines" else "optimiser", None, None, None)
    return Place(None, None, None, None)


def find(plan: Plan, catalog: Mapping[str, CatalogTool], wanted: str) -> Finding | None:
    """The finding the key names in this plan, if the health check still finds it."""
    return next((f for f in lint(plan, catalog, kpi_entries()) if key(plan, f) == wanted), None)


def fixed(document: Mapping[str, Any], finding: Finding) -> Plan:
    """The plan with the finding's remedy applied, checked as a whole plan."""
    if finding.remedy is None:
        raise FixGone(finding.message_id)
    try:
        return parse_plan(apply_remedy(document, finding.remedy), kpi_ids())
    except (RemedyError, PlanError):
        raise FixGone(finding.message_id) from None
