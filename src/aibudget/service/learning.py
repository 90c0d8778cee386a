"""The team learning log of a plan, the same for the page and the API: the log with its
plan, and the entry form, read with every bad field named by a message id, nothing
stored until all are right."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from aibudget.domain.plan import Plan
from aibudget.domain.practice import MAX_MINUTES, LearningEntry
from aibudget.domain.texts import N_
from aibudget.store import learning, plans, workspaces
from aibudget.store.db import Database
from aibudget.store.learning import StoredEntry
from aibudget.store.records import PlanSummary, PlanVersion, Workspace

FIELDS = ("tool", "who", "tried", "minutes_saved", "tip", "on")
LIMITS = {"who": 100, "tried": 500, "tip": 500}
_DIGITS = re.compile(r"[0-9]{1,9}")


@dataclass
class ReadEntry:
    entry: LearningEntry | None = None
    problems: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)


class PlanLog(NamedTuple):
    """The workspace, the plan, its newest version and its learning log (newest first)."""

    space: Workspace
    summary: PlanSummary
    version: PlanVersion
    entries: list[StoredEntry]


def today() -> date:
    """The day of an entry entered without one, and the newest day an entry may have."""
    return date.today()


def plan_log(db: Database, user_id: str, ws: str, plan_id: str) -> PlanLog:
    with db.session() as s:
        space = workspaces.require(s, user_id, ws)
        summary = plans.summary(s, user_id, ws, plan_id)
        version = plans.version(s, user_id, ws, plan_id)
        entries = learning.entries(s, user_id, ws, plan_id)
    return PlanLog(space, summary, version, entries)


def add_entry(
    db: Database, user_id: str, ws: str, plan_id: str, form: Mapping[str, str]
) -> tuple[ReadEntry, StoredEntry | None]:
    """The form read against the plan's newest version and, without problems, the
    entry stored."""
    with db.session() as s:
        version = plans.version(s, user_id, ws, plan_id)
    read = read_entry(version.plan, form, today())
    if read.entry is None:
        return read, None
    with db.write() as s:
        return read, learning.add(s, user_id, ws, plan_id, read.entry)


def read_entry(plan: Plan, form: Mapping[str, str], today: date) -> ReadEntry:
    out = ReadEntry()
    values = {name: str(form.get(name, "")).strip() for name in FIELDS}
    if values["tool"] not in {tool.id for tool in plan.tools}:
        out.problems["tool"] = (N_("practice.error.tool"), {})
    for name in ("who", "tried"):
        if not values[name]:
            out.problems[name] = (N_("practice.error.required"), {})
    for name, limit in LIMITS.items():
        if len(values[name]) > limit:
            out.problems[name] = (N_("practice.error.too_long"), {"max": limit})
    minutes = _minutes(values["minutes_saved"])
    if minutes is None:
        out.problems["minutes_saved"] = (N_("practice.error.minutes"), {"max": MAX_MINUTES})
    on = _day(values["on"], today)
    if on is None:
        out.problems["on"] = (N_("practice.error.day"), {"today": today.isoformat()})
    if out.problems or minutes is None or on is None:
        return out
    out.entry = LearningEntry(
        tool=values["tool"], who=values["who"], tried=values["tried"],
        minutes_saved=minutes, tip=values["tip"], on=on,
    )  # fmt: skip
    return out


def _minutes(text: str) -> int | None:
    text = text.replace(",", "") or "0"
    if not _DIGITS.fullmatch(text) or int(text) > MAX_MINUTES:
        return None
    return int(text)


def _day(text: str, today: date) -> date | None:
    if not text:
        return today
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return None
    return day if day <= today else None
