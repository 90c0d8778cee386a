"""A new plan from one short form: the business, its budget and the months to plan.

What the form does not ask gets a default an owner can accept and change later: the
owner as the first team member, the budget rules of the method (10% reserve, 10%
training), a pilot of two tools for three months, a review every quarter.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aibudget.catalog import kpi_ids
from aibudget.domain.errors import PlanError
from aibudget.domain.guidance import CatalogTool
from aibudget.domain.validate import parse_plan
from aibudget.i18n import Translator
from aibudget.service import plan_edit
from aibudget.service.fields import START
from aibudget.service.fx import add_missing_rates
from aibudget.service.plan_edit import Edited, Value
from aibudget.service.plan_parts import Target
from aibudget.service.starter import Starter, add_starter

OWNER_HOURLY_COST = {"TWD": "500", "HKD": "150", "JPY": "3000"}  # else 20 (USD, EUR)
OWNER_FREE_HOURS = "8"


def defaults(start: str, locale: str) -> dict[str, Value]:
    """What the form shows before the owner types: next month, two years, TWD, 10%."""
    return {
        "company.currency": "TWD",
        "company.employees": "5",
        "horizon.start": start,
        "horizon.months": "24",
        "budget.share_of_marketing": "10",
    }


def _ticked(form: Mapping[str, Value], name: str) -> list[str]:
    value = form.get(name, [])
    return [value] if isinstance(value, str) else list(value)


def build(
    form: Mapping[str, Value], *, owner_name: str, t: Translator,
    starter: Starter | None = None, catalog: Mapping[str, CatalogTool] | None = None,
) -> Edited:  # fmt: skip
    """The new plan's document and checked plan, or the problems by field. With a
    readiness ``starter``, the goals (``starter_goal``: positions) and tools
    (``starter_tool``: catalog ids) the form left ticked are added."""
    values = {f.name: form.get(f.name, "") for f in START}  # every field: required ones too
    currency = str(values["company.currency"] or "TWD").upper()
    skeleton: dict[str, Any] = {
        "company": {"locale": "zh-TW" if t.locale == "zh_TW" else "en"},
        "horizon": {},
        "budget": {},
        "team": [
            {
                "id": "owner",
                "name": owner_name or t("builder.owner_role"),
                "role": t("builder.owner_role"),
                "hourly_cost": OWNER_HOURLY_COST.get(currency, "20"),
                "free_hours_per_month": OWNER_FREE_HOURS,
            }
        ],
    }
    edited = plan_edit.apply(skeleton, Target("start"), values)
    if starter is None or catalog is None or not edited.ok:
        return edited
    goals = {int(i) for i in _ticked(form, "starter_goal") if i.isdigit()}
    tools = set(_ticked(form, "starter_tool"))
    add_starter(edited.document, starter, goals=goals, tools=tools, catalog=catalog, owner="owner")
    edited.rates_added = add_missing_rates(edited.document)
    try:
        edited.plan = parse_plan(edited.document, kpi_ids())
    except PlanError as err:
        edited.plan, edited.other = None, list(err.problems)
    return edited
