"""The nightly check of a plan: re-evaluate it, review it against its actuals, and say
in alerts what needs the owner (pure: the day comes in, nothing is read).

Alerts:
- ``below_plan``: a tool whose forecast benefit is below ``FAR_BELOW`` (half) of plan
  after at least ``MIN_MONTHS`` recorded months (the review's "stop" threshold);
- ``over_plan``: a tool whose recorded spend to date is over plan by more than the
  review's ``OVER_BUDGET`` (10%);
- ``review_due``: the check's month completes a review period of the plan
  (``budget.review_every_months`` after the start, and every period after);
- ``price_stale``: the chosen price of a tool was seen more than ``STALE_MONTHS`` before
  the check's day.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from aibudget.domain.actuals import Actuals
from aibudget.domain.checks import Alert, AlertKind, CheckResult
from aibudget.domain.months import month_of, months_between
from aibudget.domain.plan import Plan
from aibudget.domain.review import Review
from aibudget.engine.cashflow import evaluate
from aibudget.engine.review import review
from aibudget.engine.review_advice import MIN_MONTHS, STOP_BELOW

FAR_BELOW = STOP_BELOW
STALE_MONTHS = 6
ZERO = Decimal(0)


def below_plan(result: Review) -> Iterator[Alert]:
    for tool in result.tools:
        if tool.attainment is None or tool.months_observed < MIN_MONTHS:
            continue
        if tool.attainment < FAR_BELOW:
            yield Alert(
                kind=AlertKind.BELOW_PLAN,
                tool=tool.name,
                params={"share": str(tool.attainment)},
            )


def over_plan(result: Review) -> Iterator[Alert]:
    for tool in result.tools:
        if "over_budget" not in tool.reasons:
            continue
        lines = [v for v in result.variance if v.tool == tool.tool and v.actual is not None]
        spent = sum((v.actual or ZERO for v in lines), ZERO)
        planned = sum((v.plan for v in lines), ZERO)
        yield Alert(
            kind=AlertKind.OVER_PLAN,
            tool=tool.name,
            params={"spent": str(spent), "planned": str(planned)},
        )


def review_due(plan: Plan, day: date) -> Iterator[Alert]:
    every = plan.budget.review_every_months
    elapsed = months_between(plan.horizon.start, month_of(day))
    if every and elapsed >= every and elapsed % every == 0:
        yield Alert(kind=AlertKind.REVIEW_DUE, params={"months": elapsed})


def price_stale(plan: Plan, day: date) -> Iterator[Alert]:
    for tool in plan.tools:
        chosen = tool.chosen_plan()
        if chosen is None or chosen.as_of is None:
            continue
        age = months_between(month_of(chosen.as_of), month_of(day))
        if age > STALE_MONTHS:
            yield Alert(
                kind=AlertKind.PRICE_STALE,
                tool=tool.name,
                params={"as_of": chosen.as_of.isoformat(), "months": age},
            )


def check_plan(plan: Plan, actuals: Actuals, day: date) -> CheckResult:
    """Re-evaluate ``plan``, review it against ``actuals`` (when any were recorded) and
    list its alerts on ``day``."""
    figures = evaluate(plan).expected
    alerts = [*review_due(plan, day), *price_stale(plan, day)]
    months = len({r.month for r in actuals.records})
    if actuals.records:
        result = review(plan, actuals)
        alerts = [*below_plan(result), *over_plan(result), *alerts]
    return CheckResult(
        day=day,
        currency=plan.currency,
        npv=figures.npv,
        roi=figures.roi,
        payback_month=figures.payback_month,
        months_recorded=months,
        alerts=alerts,
    )
