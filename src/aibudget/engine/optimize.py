"""The allocation optimiser: which tools, on which plan, from when, and how much ad spend.

``optimize(plan)`` builds the problem (:mod:`.optimize_problem`), solves it as one MILP
(:mod:`.optimize_milp`), checks the answer and today's plan with the independent
referee (:mod:`.optimize_check`), never returns something worse than a feasible
incumbent, and explains itself (:mod:`.optimize_explain`). Ad-channel curves are
solved on a piecewise-linear grid, then on grids refined around the first answer
(:mod:`.optimize_refine`); the reported objective always uses the true curves, and
the status is "optimal" only within ``OPTIMAL_GAP`` of a proven bound.

Money leaves as Decimal: each line is rounded to cents and the rounding residue is
handed out by largest remainder, so the line items add up exactly to the total.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Executor, ThreadPoolExecutor
from contextlib import contextmanager
from decimal import ROUND_FLOOR, Decimal

from aibudget.domain.allocation import (
    Conflict,
    OptimisationResult,
    OptimisePolicy,
    OptimiseStatus,
    SelectedTool,
    ToolReason,
)
from aibudget.domain.money import CENT, ZERO, round_money, to_money
from aibudget.domain.plan import LineItem, Plan
from aibudget.engine.optimize_check import (
    Choice,
    incumbent_choice,
    objective,
    topups,
    violations,
)
from aibudget.engine.optimize_check import expected_npv as expected_of
from aibudget.engine.optimize_explain import conflicts, marginals, reasons
from aibudget.engine.optimize_problem import Problem, build_problem
from aibudget.engine.optimize_refine import judged, solve_refined

AD_SPEND = "ad_spend"
IMPROVEMENT_TOLERANCE = 1e-9


def apportion(amounts: dict[str, Decimal]) -> dict[str, Decimal]:
    """Round each amount to cents so that they add up exactly to the rounded total
    (largest remainder: the cents lost by flooring go to the largest fractions)."""
    total = round_money(sum(amounts.values(), ZERO))
    floors = {k: v.quantize(CENT, rounding=ROUND_FLOOR) for k, v in amounts.items()}
    short = int((total - sum(floors.values(), ZERO)) / CENT)
    order = sorted(amounts, key=lambda k: (amounts[k] - floors[k], k), reverse=True)
    for k in order[: max(short, 0)]:
        floors[k] += CENT
    return floors


def monthly_spend(low: float, high: float, spend: float) -> Decimal:
    """Monthly ad spend in cents, rounded down (so budgets still hold) within its bounds."""
    amount = Decimal(repr(spend)).quantize(CENT, rounding=ROUND_FLOOR)
    return min(max(amount, to_money(low)), to_money(high))


def line_items(problem: Problem, choice: Choice) -> tuple[dict[str, Decimal], dict[str, Decimal]]:
    """Line items over the horizon (cents, summing exactly) and monthly ad spend."""
    exact: dict[str, Decimal] = {}

    def add(key: str, amount: Decimal) -> None:
        exact[key] = exact.get(key, ZERO) + amount

    for o in choice.picked():
        for key, amount in problem.lines[o].items():
            add(key, amount)
    for key, amount in problem.fixed_lines.items():
        add(key, amount)
    tops = topups(problem, choice)
    add(LineItem.TRAINING.value, Decimal(repr(tops.training)))
    add(LineItem.DATA_PRIVACY.value, Decimal(repr(tops.privacy)))
    add(LineItem.RESERVE.value, Decimal(repr(tops.reserve)))
    ads = {
        c.id: monthly_spend(c.low, c.high, float(a))
        for c, a in zip(problem.channels, choice.spend, strict=True)
    }
    if ads:
        add(AD_SPEND, sum(ads.values(), ZERO) * problem.months)
    return apportion({k: v for k, v in exact.items() if v != 0}), ads


def _selected(problem: Problem, choice: Choice) -> list[SelectedTool]:
    out = []
    for t, o in enumerate(choice.options):
        if o < 0:
            continue
        tool = problem.tools[t]
        start = int(problem.opt_start[o])
        out.append(
            SelectedTool(
                tool=tool.id,
                name=tool.name,
                plan=problem.opt_plan[o],
                start_month=start,
                phase="pilot" if start <= problem.pilot_months else "scale",
                owner=tool.owner,
                monthly_cost=to_money(float(problem.monthly_cost[o])),
                total_cost=round_money(sum(problem.lines[o].values(), ZERO)),
                expected_npv=to_money(float(problem.expected[o])),
            )
        )
    return out


def optimize(
    plan: Plan,
    policy: OptimisePolicy | None = None,
    *,
    explain: bool = True,
    threads: int = 1,
) -> OptimisationResult:
    """The best allocation under the plan's budget policy and optimiser settings.
    ``threads``: how many explaining solves may run side by side (see
    :func:`_explaining`; callers pass ``aibudget.service.cores.usable_cores()``)."""
    problem = build_problem(plan, policy)
    return optimize_problem(problem, explain=explain, threads=threads)


@contextmanager
def _explaining(threads: int) -> Iterator[Executor | None]:
    """Threads for the explanations' solves (None: one thread, this one).

    Each solve is single-threaded and stops at a node limit (its seconds are only a
    safety net), so it is the same solve on any thread and beside any other: the
    explanations are those of one thread, only sooner (HiGHS runs without Python's
    interpreter lock). Solves not yet started are dropped when the explanation fails or
    is interrupted."""
    if threads <= 1:
        yield None
        return
    pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="explain")
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def optimize_problem(
    problem: Problem, *, explain: bool = True, threads: int = 1
) -> OptimisationResult:
    sol = solve_refined(problem)
    incumbent = incumbent_choice(problem)
    inc_feasible = not violations(problem, incumbent)
    inc_value = objective(problem, incumbent)
    choice = sol.choice
    kept = False
    if inc_feasible and (
        choice is None
        or inc_value > objective(problem, choice) + IMPROVEMENT_TOLERANCE * max(abs(inc_value), 1.0)
    ):
        choice, kept = incumbent, True
        if sol.bound is not None:  # judge today's plan against the same bound
            sol = judged(sol, incumbent, inc_value, sol.bound, list(sol.notes), sol.touch)
    found: list[Conflict] = []
    reason_list: list[ToolReason] = []
    per_budget: Decimal | None = None
    per_hour: dict[str, Decimal] = {}
    budget = to_money(problem.budget)
    if choice is None:
        if sol.status is OptimiseStatus.INFEASIBLE:
            found = conflicts(problem)
        return OptimisationResult(
            status=sol.status,
            objective_kind=problem.objective,
            objective=None,
            expected_npv=None,
            gap=None,
            currency=problem.currency,
            budget=budget,
            total=round_money(ZERO),
            unallocated=budget,
            selected=[],
            line_items={},
            ad_spend={},
            reasons=[],
            marginal_value_of_budget=None,
            budget_step=to_money(problem.step),
            marginal_value_of_hour={},
            incumbent_objective=to_money(inc_value) if inc_feasible else None,
            incumbent_feasible=inc_feasible,
            kept_incumbent=False,
            conflicts=found,
            notes=list(sol.notes),
        )
    value = objective(problem, choice)
    if explain:
        optimal = sol.status is OptimiseStatus.OPTIMAL
        with _explaining(threads) as pool:
            margins = None
            if optimal and pool is not None:  # the longest task first
                margins = pool.submit(marginals, problem, choice, value, sol.touch)
            reason_list = reasons(problem, choice, value, what_if=optimal, pool=pool)
            if optimal:
                per_budget, per_hour = (
                    margins.result() if margins else marginals(problem, choice, value, sol.touch)
                )
    items, ads = line_items(problem, choice)
    total = round_money(sum(items.values(), ZERO))
    return OptimisationResult(
        status=sol.status,
        objective_kind=problem.objective,
        objective=to_money(value),
        expected_npv=to_money(expected_of(problem, choice)),
        gap=sol.gap,
        currency=problem.currency,
        budget=budget,
        total=total,
        unallocated=budget - total,
        selected=_selected(problem, choice),
        line_items=items,
        ad_spend=ads,
        reasons=reason_list,
        marginal_value_of_budget=per_budget,
        budget_step=to_money(problem.step),
        marginal_value_of_hour=per_hour,
        incumbent_objective=to_money(inc_value) if inc_feasible else None,
        incumbent_feasible=inc_feasible,
        kept_incumbent=kept,
        conflicts=found,
        notes=list(sol.notes),
    )
