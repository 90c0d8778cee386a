"""A new plan from one short form: the business, its budget and the months to plan.

What the form does not ask gets a default an owner can accept and change later: the
owner as the first team member, the budget rules of the method (10% reserve, 10%
training), a pilot of two tools for three months, a review every quarter.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aibudget.i18n import Translator
from aibudget.service import plan_edit
from aibudget.service.fields import START
from aibudget.service.plan_edit import Edited, Value
from aibudget.service.plan_parts import Target

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


def build(form: Mapping[str, Value], *, owner_name: str, t: Translator) -> Edited:
    """The new plan's document and checked plan, or the problems by field."""
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
    return plan_edit.apply(skeleton, Target("start"), values)
