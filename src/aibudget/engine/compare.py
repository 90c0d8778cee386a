"""The tool comparison: each of the plan's tools scored 1-5 on six criteria, weighted
by the owner, ranked.

Where a score comes from when the owner has not set one (``source``):

- features: the share of the plan's goals the tool serves (its KPIs): all of them 5,
  none 1 (``plan``). No goals: no score.
- cost: the tool's monthly bill (the chosen tier; a yearly bill counted per month)
  against the dearest of the compared tools: free 5, the dearest 1 (``plan``). No
  price yet: no score.
- ease: the catalog's ease of use, 1-5 (``catalog``).
- chinese: the catalog's Traditional Chinese interface: yes 5, partly 3, no 1
  (``catalog``).
- integration: the catalog's integrations matched to the stack the plan records:
  two or more 5, one 4, none 1 (``catalog``). No stack or no integrations listed: no
  score.
- support: the catalog has no data on vendor support; the owner scores it.

A criterion without a score counts as the middle score, 3 (``none``), so a tool is
neither helped nor hurt by missing data. The owner's own score always wins (``owner``).
The total is the weighted mean of the six scores; weights of 0 leave a criterion out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from aibudget.domain.guidance import CatalogTool, resolve
from aibudget.domain.plan import Plan, Tool
from aibudget.domain.practice import CRITERIA, Stack

NEUTRAL = 3
ZH_TW_SCORES = {"yes": 5, "partial": 3, "no": 1}
_SPLIT = re.compile(r"[,，、;；/]+")


@dataclass(frozen=True)
class Scored:
    score: int
    source: str  # owner | catalog | plan | none


@dataclass(frozen=True)
class Ranked:
    tool: str
    name: str
    scores: dict[str, Scored]
    total: Decimal  # weighted mean, one decimal
    matched: list[str]  # the stack's names the tool integrates with


def stack_names(stack: Stack) -> list[str]:
    """Every name of the stack, as written (``LINE`` for a LINE Official Account)."""
    texts = [stack.website, stack.crm, stack.social, stack.ads]
    names = [n.strip() for text in texts if text for n in _SPLIT.split(text) if n.strip()]
    return [*names, "LINE"] if stack.line_oa else names


def matched_integrations(entry: CatalogTool, names: list[str]) -> list[str]:
    """The stack's names one of the tool's integrations mentions (or the other way)."""
    out: list[str] = []
    for name in names:
        low = name.lower()
        if any(low in i.lower() or i.lower() in low for i in entry.integrations) and len(low) > 1:
            out.append(name)
    return out


def monthly_bill(plan: Plan, tool: Tool) -> Decimal | None:
    tier = tool.chosen_plan()
    if tier is None:
        return None
    return tier.billing.a_month(plan.bill(tier))


def _scale(value: Decimal, top: Decimal) -> int:
    """5 for nothing, 1 for ``top``, linear between (half up)."""
    if top <= 0:
        return 5
    return int((5 - 4 * value / top).quantize(Decimal(1), ROUND_HALF_UP))


def _data_scores(
    plan: Plan, tool: Tool, entry: CatalogTool | None, top_bill: Decimal, names: list[str]
) -> dict[str, Scored]:
    out: dict[str, Scored] = {}
    kpis = {g.kpi for g in plan.goals}
    if kpis:
        share = Decimal(len(kpis & set(tool.kpis))) / len(kpis)
        out["features"] = Scored(int((1 + 4 * share).quantize(Decimal(1), ROUND_HALF_UP)), "plan")
    bill = monthly_bill(plan, tool)
    if bill is not None:
        out["cost"] = Scored(_scale(bill, top_bill), "plan")
    if entry is not None:
        if entry.ease is not None:
            out["ease"] = Scored(entry.ease, "catalog")
        if entry.zh_tw_interface in ZH_TW_SCORES:
            out["chinese"] = Scored(ZH_TW_SCORES[entry.zh_tw_interface], "catalog")
        if names and entry.integrations:
            found = len(matched_integrations(entry, names))
            out["integration"] = Scored(5 if found >= 2 else 4 if found else 1, "catalog")
    return out


def rank(plan: Plan, catalog: Mapping[str, CatalogTool]) -> list[Ranked]:
    """The plan's tools, best first (ties by name)."""
    bills = [b for tool in plan.tools if (b := monthly_bill(plan, tool)) is not None]
    top_bill = max(bills, default=Decimal(0))
    names = stack_names(plan.stack)
    weights = plan.comparison.weights.model_dump()
    out: list[Ranked] = []
    for tool in plan.tools:
        entry = resolve(catalog, tool.catalog_id) if tool.catalog_id else None
        scores = _data_scores(plan, tool, entry, top_bill, names)
        own = plan.comparison.own(tool.id)
        for criterion in CRITERIA:
            mine = getattr(own, criterion) if own else None
            if mine is not None:
                scores[criterion] = Scored(mine, "owner")
            scores.setdefault(criterion, Scored(NEUTRAL, "none"))
        weight = sum(weights.values())
        total = (
            Decimal(sum(weights[c] * scores[c].score for c in CRITERIA)) / weight
            if weight
            else Decimal(NEUTRAL)
        )
        matched = matched_integrations(entry, names) if entry else []
        out.append(
            Ranked(
                tool.id, tool.name, scores, total.quantize(Decimal("0.1"), ROUND_HALF_UP), matched
            )
        )
    return sorted(out, key=lambda r: (-r.total, r.name))
