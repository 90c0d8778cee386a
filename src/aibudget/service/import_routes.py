"""Where an import's figures go in the plan, in the owner's words (web preview, API, CLI).

- Ad spend goes to one of the plan's tools or ad channels (:func:`spend_targets`): the
  one chosen, else the one remembered for the source, else the plan's only
  ad-optimisation tool (:func:`spend_target`); :func:`spend_rows` shows it per campaign
  and month.
- KPI columns are stored under KPI ids of the catalog where one fits (sessions ->
  monthly_sessions ...); :func:`kpi_uses` says for each which of the plan's goals it
  counts in, or that no goal uses it yet (the values are kept all the same).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from aibudget.catalog import kpi_entries
from aibudget.domain.actuals import ActualRecord
from aibudget.domain.plan import Category, Plan
from aibudget.i18n import Translator
from aibudget.present.evaluation import kpi_name


def spend_targets(plan: Plan) -> list[tuple[str, str]]:
    """(id, name) of what ad spend can go to: ad tools first, other tools, ad channels."""
    tools = sorted(plan.tools, key=lambda x: x.category is not Category.AD_OPTIMISATION)
    channels = plan.optimise.channels if plan.optimise else []
    return [(x.id, x.name) for x in tools] + [(c.id, c.name or c.id) for c in channels]


def spend_target(plan: Plan, chosen: str = "", remembered: str | None = None) -> str | None:
    """The target of ad spend: ``chosen``, else ``remembered``, else the plan's only ad
    tool; None when none of them is one of the plan's targets."""
    known = {i for i, _ in spend_targets(plan)}
    for candidate in (chosen, remembered, plan.single_ad_tool()):
        if candidate and candidate in known:
            return candidate
    return None


def unbooked(records: Sequence[ActualRecord]) -> list[ActualRecord]:
    """Ad spend not yet booked to a tool (see aibudget.domain.actuals.book_spend)."""
    return [r for r in records if r.amount is not None and r.tool == r.source]


def spend_rows(
    t: Translator, plan: Plan, records: Sequence[ActualRecord], target: str | None
) -> list[dict[str, Any]]:
    """Per campaign and month: where its spend goes (a name, or None: not chosen yet)."""
    names = dict(spend_targets(plan))
    rows = []
    for r in sorted(unbooked(records), key=lambda r: (r.month, r.label or "")):
        rows.append(
            {
                "month": r.month,
                "campaign": r.label or t(f"monitor.format.{r.source}"),
                "amount": r.amount or Decimal(0),
                "to": names.get(target) if target else None,
            }
        )
    return rows


def kpi_uses(t: Translator, plan: Plan, records: Sequence[ActualRecord]) -> list[dict[str, Any]]:
    """Each KPI the records carry: its name, its months and the goals it counts in."""
    months: dict[str, set[str]] = {}
    for r in records:
        if r.kpi and r.kpi_value is not None:
            months.setdefault(r.kpi, set()).add(r.month)
    out = []
    for kpi, seen in months.items():
        goals = [g.name for g in plan.goals if kpi in (g.kpi, g.id)]
        name = kpi_name(t, kpi, kpi_entries())
        out.append({"kpi": kpi, "name": name, "months": sorted(seen), "goals": goals})
    return sorted(out, key=lambda u: (not u["goals"], u["name"]))
