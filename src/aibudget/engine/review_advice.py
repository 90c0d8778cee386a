"""Advice from a review: per-tool recommendations and milestones worth celebrating.

Recommendation rules, in order (``attainment`` = forecast benefits over the horizon
divided by the plan's, after the Bayesian update of :mod:`.review_forecast`;
``adoption`` = active users / seats in the latest month recorded; ``feedback`` = mean
team score 1-5 of the last three months with any):

1. fewer than ``MIN_MONTHS`` (2) months of benefit data: **keep** (``too_early``, or
   ``no_benefit_data`` when there is none at all), or **improve** when adoption is
   already below ``LOW_ADOPTION`` (seats paid for and not used);
2. attainment below ``STOP_BELOW`` (50%) and a negative forecast NPV:
   **replace** when feedback is at most ``POOR_FEEDBACK`` (2.5: the team rejects this
   tool, the need may still be real); **improve** when adoption is below
   ``LOW_ADOPTION`` (50%) and at most ``GIVE_TRAINING_MONTHS`` (3) months were seen
   (few people use it yet: train first); otherwise **stop**;
3. attainment below ``IMPROVE_BELOW`` (80%), adoption below ``LOW_ADOPTION`` or feedback
   below ``LOW_FEEDBACK`` (3): **improve** (training or a change of strategy);
4. attainment at least ``SCALE_UP_FROM`` (120%), a positive forecast NPV, adoption at
   least ``HIGH_ADOPTION`` (80%) when known and feedback at least ``GOOD_FEEDBACK``
   (3.5) when known: **scale_up**;
5. otherwise **keep** (``on_plan``).
``over_budget`` is added when recorded spend to date exceeds the plan to date by more
than ``OVER_BUDGET`` (10%).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from aibudget.domain.review import Action, Milestone
from aibudget.domain.texts import N_

MIN_MONTHS = 2
STOP_BELOW = Decimal("0.5")
IMPROVE_BELOW = Decimal("0.8")
SCALE_UP_FROM = Decimal("1.2")
LOW_ADOPTION = Decimal("0.5")
HIGH_ADOPTION = Decimal("0.8")
POOR_FEEDBACK = Decimal("2.5")
LOW_FEEDBACK = Decimal(3)
GOOD_FEEDBACK = Decimal("3.5")
GIVE_TRAINING_MONTHS = 3
OVER_BUDGET = Decimal("0.10")
FIRST_HOURS = Decimal(10)
REASONS = (
    "too_early",
    "no_benefit_data",
    "below_plan",
    "above_plan",
    "negative_forecast",
    "positive_forecast",
    "low_adoption",
    "low_feedback",
    "over_budget",
    "on_plan",
)


# Message ids built at run time from the values above, declared for message extraction.
REASON_MESSAGES = (
    N_("monitor.reason.above_plan"),
    N_("monitor.reason.below_plan"),
    N_("monitor.reason.low_adoption"),
    N_("monitor.reason.low_feedback"),
    N_("monitor.reason.negative_forecast"),
    N_("monitor.reason.no_benefit_data"),
    N_("monitor.reason.on_plan"),
    N_("monitor.reason.over_budget"),
    N_("monitor.reason.positive_forecast"),
    N_("monitor.reason.too_early"),
)
MILESTONES = ("first_10_hours", "first_month_in_black", "break_even", "kpi_target_reached")


# Message ids built at run time from the values above, declared for message extraction.
MILESTONE_MESSAGES = (
    N_("monitor.milestone.break_even"),
    N_("monitor.milestone.first_10_hours"),
    N_("monitor.milestone.first_month_in_black"),
    N_("monitor.milestone.kpi_target_reached"),
)


def recommend(
    attainment: Decimal | None,
    forecast_npv: Decimal,
    adoption: Decimal | None,
    feedback: Decimal | None,
    months_observed: int,
    over_budget: bool = False,
) -> tuple[Action, list[str]]:
    """The action for one tool and the reason codes behind it."""
    extra = ["over_budget"] if over_budget else []
    low_adoption = adoption is not None and adoption < LOW_ADOPTION
    low_feedback = feedback is not None and feedback < LOW_FEEDBACK
    if attainment is None or months_observed < MIN_MONTHS:
        first = "too_early" if months_observed else "no_benefit_data"
        if low_adoption:
            return Action.IMPROVE, [first, "low_adoption", *extra]
        return Action.KEEP, [first, *extra]
    if attainment < STOP_BELOW and forecast_npv < 0:
        base = ["below_plan", "negative_forecast"]
        if feedback is not None and feedback <= POOR_FEEDBACK:
            return Action.REPLACE, [*base, "low_feedback", *extra]
        if low_adoption and months_observed <= GIVE_TRAINING_MONTHS:
            return Action.IMPROVE, [*base, "low_adoption", *extra]
        return Action.STOP, base + extra
    if attainment < IMPROVE_BELOW or low_adoption or low_feedback:
        reasons = [
            code
            for code, flag in (
                ("below_plan", attainment < IMPROVE_BELOW),
                ("low_adoption", low_adoption),
                ("low_feedback", low_feedback),
            )
            if flag
        ]
        return Action.IMPROVE, reasons + extra
    adopted = adoption is None or adoption >= HIGH_ADOPTION
    liked = feedback is None or feedback >= GOOD_FEEDBACK
    if attainment >= SCALE_UP_FROM and forecast_npv > 0 and adopted and liked:
        return Action.SCALE_UP, ["above_plan", "positive_forecast", *extra]
    return Action.KEEP, ["on_plan", *extra]


def milestones(
    month_name: Mapping[int, str],
    hours: Sequence[Decimal],
    costs: Sequence[Decimal],
    benefits: Sequence[Decimal],
    kpi_reached: Mapping[str, int],
) -> list[Milestone]:
    """First 10 hours saved, first month in the black, break-even, KPI targets reached.

    ``hours``, ``costs`` and ``benefits`` are per month index up to the review month
    (benefits: only months with recorded benefits; costs: actual spend).
    """
    out: list[Milestone] = []
    total = Decimal(0)
    for m, h in enumerate(hours):
        total += h
        if total >= FIRST_HOURS:
            out.append(Milestone(id="first_10_hours", month=month_name[m], params={"hours": total}))
            break
    for m, (c, b) in enumerate(zip(costs, benefits, strict=True)):
        if b > 0 and b > c:
            out.append(Milestone(id="first_month_in_black", month=month_name[m]))
            break
    net = spent = Decimal(0)
    for m, (c, b) in enumerate(zip(costs, benefits, strict=True)):
        net += b - c
        spent += c
        if spent > 0 and net >= 0:
            out.append(Milestone(id="break_even", month=month_name[m]))
            break
    for goal, m in sorted(kpi_reached.items(), key=lambda item: item[1]):
        out.append(Milestone(id="kpi_target_reached", month=month_name[m], params={"goal": goal}))
    return sorted(out, key=lambda ms: ms.month)
