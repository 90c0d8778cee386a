"""A new plan started from the workspace's readiness result: the pilot size it found,
a SMART goal drafted for each goal the owner picked (the KPI chosen, the baseline left
for the owner, a deadline six months on), and one or two catalog tools that serve those
goals. The new-plan form shows each of them ticked; only what stays ticked is added.
Each tool gets the adoption ramp and training hours its owner's AI skill sets, as a tool
added from the catalog does.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from aibudget.catalog import kpi_library, readiness_questionnaire
from aibudget.domain.guidance import AnswersError, CatalogTool, GoalDraft, catalog_tool_to_plan_tool
from aibudget.domain.months import add_months
from aibudget.domain.plan import TeamMember
from aibudget.domain.practice import with_skill_defaults
from aibudget.engine.readiness import picked_goals, score, starter_tools
from aibudget.service.catalogs import merged
from aibudget.store import assessments, workspaces
from aibudget.store import catalogs as workspace_catalogs
from aibudget.store.db import Database
from aibudget.store.records import Role, Workspace

DEADLINE_MONTHS = 6  # a first goal: the pilot and one quarter of use after it


@dataclass(frozen=True)
class Starter:
    goals: list[GoalDraft]
    tools: list[str]  # catalog ids
    pilot_tools: int


def starter_for(answers: Mapping[str, Any], catalog: Mapping[str, CatalogTool]) -> Starter | None:
    """What the readiness answers suggest (None when they are incomplete)."""
    q = readiness_questionnaire()
    try:
        result = score(q, answers)
        goals = picked_goals(q, answers)
    except AnswersError:
        return None
    return Starter(goals, starter_tools(result, goals, catalog, q.thresholds), result.pilot_tools)


class WorkspaceStarter(NamedTuple):
    space: Workspace
    starter: Starter | None  # None without a readiness result
    catalog: dict[str, CatalogTool]  # the workspace's


def workspace_starter(db: Database, user_id: str, ws: str) -> WorkspaceStarter:
    """For an editor of the workspace: what its readiness result suggests for a new plan,
    and the catalog the suggested tools come from."""
    with db.session() as s:
        space = workspaces.require(s, user_id, ws, Role.EDITOR)
        found = assessments.latest(s, user_id, ws)
        catalog, _ = merged(workspace_catalogs.get(s, user_id, ws).entries, None)
    return WorkspaceStarter(space, starter_for(found.answers, catalog) if found else None, catalog)


def _measurement(kpi: str, locale: str) -> str | None:
    how = kpi_library().get(kpi, {}).get("measure") or {}
    return str(how.get(locale)) if isinstance(how, dict) and how.get(locale) else None


def _ai_skill(document: Mapping[str, Any], member_id: str) -> str:
    """The AI skill of the team member ``member_id`` (the plan's default when unset)."""
    team: list[dict[str, Any]] = document.get("team") or []
    member = next((m for m in team if m.get("id") == member_id), {})
    return str(member.get("ai_skill") or TeamMember.model_fields["ai_skill"].default.value)


def add_starter(
    document: dict[str, Any],
    starter: Starter,
    *,
    goals: Collection[int],
    tools: Collection[str],
    catalog: Mapping[str, CatalogTool],
    owner: str,
) -> None:
    """Put the ticked goals (by position) and tools (by catalog id) into a new plan's
    document, with the readiness result's pilot size."""
    locale = str(document["company"].get("locale", "zh-TW"))
    start = str(document["horizon"].get("start", ""))
    drafts = [d for i, d in enumerate(starter.goals) if i in goals]
    document["goals"] = [
        {
            "id": f"goal-{n}",
            "name": draft.name.get(locale),
            "kpi": draft.kpi,
            "priority": 1 if n == 1 else 2,
            **({"deadline": add_months(start, DEADLINE_MONTHS)} if start else {}),
            **({"measurement": m} if (m := _measurement(draft.kpi, locale)) else {}),
        }
        for n, draft in enumerate(drafts, start=1)
    ]
    skill = _ai_skill(document, owner)
    document["tools"] = [
        with_skill_defaults(catalog_tool_to_plan_tool(catalog[i], owner, tool_id=i), skill)
        for i in starter.tools
        if i in tools and i in catalog
    ]
    document.setdefault("budget", {})["pilot"] = {"max_tools": max(1, starter.pilot_tools)}
