"""The figures that answer the owner's four worries, read from results already
computed for a page (the evaluation and its simulation) and the plan's own inputs;
nothing is evaluated a second time here."""

from __future__ import annotations

from decimal import Decimal

from aibudget.domain.money import ZERO
from aibudget.domain.plan import HoursSaved, Plan
from aibudget.domain.practice import WorryFacts
from aibudget.domain.results import Evaluation, SimulationResult


def training_hours(plan: Plan) -> Decimal:
    """Hours of training over all tools: hours per person x trainees (the tool's owner
    when none are named)."""
    return sum(
        (t.training.hours_per_person * max(1, len(t.training.trainees)) for t in plan.tools), ZERO
    )


def hours_by_member(plan: Plan) -> dict[str, Decimal]:
    """The likely hours a month each person gets back once the tools are fully in use."""
    out: dict[str, Decimal] = {}
    for tool in plan.tools:
        for b in tool.benefits:
            if isinstance(b, HoursSaved):
                who = b.member or tool.owner
                out[who] = out.get(who, ZERO) + b.hours_per_month.likely
    return {k: v for k, v in out.items() if v > 0}


def pilot_cost(plan: Plan, evaluation: Evaluation) -> Decimal:
    """What the pilot costs: every cost of the plan up to the pilot's last month (staff
    time included), the most it can lose if it brought nothing back."""
    last = min(plan.budget.pilot.months, evaluation.months)
    return sum(evaluation.monthly_costs[: last + 1], ZERO)


def worry_facts(plan: Plan, evaluation: Evaluation, simulation: SimulationResult) -> WorryFacts:
    pilot = plan.budget.pilot.months
    first = next((m for m, b in enumerate(evaluation.monthly_benefits) if b > 0), None)
    return WorryFacts(
        prob_loss=simulation.prob_loss,
        pilot_months=pilot,
        pilot_cost=pilot_cost(plan, evaluation),
        hours_by_member=hours_by_member(plan),
        training_hours=training_hours(plan),
        first_benefit_month=first,
    )
