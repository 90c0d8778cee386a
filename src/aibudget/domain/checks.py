"""Typed result of a plan's nightly check: the figures it re-computed and its alerts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class AlertKind(StrEnum):
    BELOW_PLAN = "below_plan"  # a tool far below its planned benefit
    OVER_PLAN = "over_plan"  # spending over plan to date
    REVIEW_DUE = "review_due"  # the plan's review falls in this month
    PRICE_STALE = "price_stale"  # a price seen more than six months ago


class Alert(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    kind: AlertKind
    tool: str = ""  # the tool's name as the owner wrote it ("" for the whole plan)
    params: dict[str, Any] = Field(default_factory=dict)


class CheckResult(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    day: date
    currency: str
    npv: Decimal
    roi: Decimal | None
    payback_month: int | None
    months_recorded: int  # months with actuals (0: the review had nothing to compare)
    alerts: list[Alert]
