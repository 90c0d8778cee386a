"""``aibudget optimize PLAN [--json]``: the best allocation of the AI budget.

Exit codes: 0 an allocation (optimal, or the best found at the time limit);
1 no allocation (infeasible: the conflicting constraints are named; or nothing found
in time); 2 bad input.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from aibudget.catalog import tool_catalog
from aibudget.cli.common import bad_option, fail, load_with_translator, print_json
from aibudget.domain.allocation import (
    Objective,
    OptimisationResult,
    OptimisePolicy,
    OptimiseStatus,
)
from aibudget.domain.errors import AibudgetError
from aibudget.domain.plan import Plan
from aibudget.i18n import Translator
from aibudget.present.optimize import (
    allocation_document,
    reason_text,
    status_lines,
    text_params,
)
from aibudget.service.tiers import chosen_tier_name

NO_ALLOCATION_EXIT = 1


@contextmanager
def native_stdout_silenced() -> Iterator[None]:
    """Some HiGHS builds print debugging lines straight to file descriptor 1; keep them
    out of the user's output (and out of ``--json``) while the solver runs."""
    sys.stdout.flush()
    try:
        fd = sys.__stdout__.fileno() if sys.__stdout__ is not None else -1
    except (OSError, ValueError):
        fd = -1
    if fd < 0:
        yield
        return
    saved = os.dup(fd)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), fd)
            yield
    finally:
        os.dup2(saved, fd)
        os.close(saved)


def render(console: Console, t: Translator, plan: Plan, r: OptimisationResult) -> None:
    cur = r.currency
    company, months = plan.company.name, plan.horizon.months
    names = {tool.id: tool.name for tool in plan.tools}
    members = {m.id: m.name or m.role or m.id for m in plan.team}
    money = t.money
    console.print(
        t(
            "optimize.title",
            company=company,
            budget=money(r.budget, cur),
            months=months,
            objective=t(f"optimize.objective.{r.objective_kind.value}"),
        ),
        style="bold",
    )
    for line in status_lines(t, r):
        console.print(line)
    if r.status is OptimiseStatus.INFEASIBLE:
        for c in r.conflicts:
            console.print(f"  [red]✗[/red] {t(c.message_id, **text_params(t, cur, c.params))}")
        console.print(t("optimize.exit_infeasible"))
        return
    if r.objective is None:
        return
    console.print(t("optimize.objective_value", value=money(r.objective, cur)))
    if r.expected_npv is not None:
        console.print(t("optimize.expected_npv", value=money(r.expected_npv, cur)))
    if r.kept_incumbent and r.incumbent_objective is not None:
        console.print(t("optimize.incumbent_kept", value=money(r.incumbent_objective, cur)))
    elif r.incumbent_objective is not None:
        gain = r.objective - r.incumbent_objective
        console.print(
            t("optimize.incumbent", value=money(r.incumbent_objective, cur), gain=money(gain, cur))
        )
    else:
        console.print(t("optimize.incumbent_infeasible"))
    table = Table(title=t("optimize.selected_title"))
    for key in ("tool", "plan", "start", "phase", "owner", "monthly", "npv"):
        table.add_column(
            t(f"optimize.col.{key}"), justify="right" if key in "monthly npv" else "left"
        )
    for s in r.selected:
        table.add_row(
            s.name, chosen_tier_name(t, plan, s.tool, s.plan), plan.calendar_month(s.start_month),
            t(f"optimize.phase.{s.phase}"), members.get(s.owner, s.owner),
            money(s.monthly_cost, cur), money(s.expected_npv, cur),
        )  # fmt: skip
    console.print(table)
    lines = Table(title=t("optimize.lines_title"))
    lines.add_column(t("optimize.col.line"))
    lines.add_column(t("optimize.col.amount"), justify="right")
    for key, amount in r.line_items.items():
        lines.add_row(t(f"optimize.line.{key}"), money(amount, cur, 2))
    lines.add_section()
    lines.add_row(t("optimize.total"), money(r.total, cur, 2))
    lines.add_row(t("optimize.unallocated"), money(r.unallocated, cur, 2))
    console.print(lines)
    if r.ad_spend:
        ads = Table(title=t("optimize.ads_title"))
        ads.add_column("")
        ads.add_column(t("optimize.col.amount"), justify="right")
        for channel, amount in r.ad_spend.items():
            ads.add_row(channel, money(amount, cur))
        console.print(ads)
    if r.reasons:
        console.print(t("optimize.reasons_title"), style="bold")
        for reason in r.reasons:
            mark = "[green]✓[/green]" if reason.selected else "[dim]✗[/dim]"
            name = names.get(reason.tool, reason.tool)
            console.print(f"  {mark} {name}: {reason_text(t, plan, reason, tool_catalog())}")
    if r.marginal_value_of_budget is not None:
        step = money(r.budget_step, cur)
        more = money(r.marginal_value_of_budget, cur)
        console.print(t("optimize.marginal_budget", step=step, value=more))
    for member, gain in r.marginal_value_of_hour.items():
        if gain > 0:
            console.print(t("optimize.marginal_hour", member=member, value=money(gain, cur)))


def optimize_cmd(
    plan_path: Annotated[Path, typer.Argument(help="Plan file (YAML).", show_default=False)],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    objective: Annotated[
        Objective | None, typer.Option(help="Override the plan's objective.")
    ] = None,
    time_limit: Annotated[
        float | None, typer.Option(help="Solver time limit in seconds (default: the plan's).")
    ] = None,
    explain: Annotated[
        bool, typer.Option(help="Explain each tool and the value of more budget/hours.")
    ] = True,
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="Language of messages: zh-TW or en (default: the plan's)."),
    ] = None,
) -> None:
    """Pick the tools, plans, start months and ad spend that maximise value under the budget."""
    from aibudget.engine.optimize import optimize

    plan, t = load_with_translator(plan_path, lang)
    policy = plan.optimise or OptimisePolicy()
    update: dict[str, Any] = {}
    if objective is not None:
        update["objective"] = objective
    if time_limit is not None:
        if not 0 < time_limit <= 600:
            raise bad_option(t, "--time-limit", t("optimize.time_limit_range"))
        update["time_limit_seconds"] = Decimal(repr(time_limit))
    if update:
        policy = OptimisePolicy.model_validate({**policy.model_dump(), **update})
    try:
        with native_stdout_silenced():
            result = optimize(plan, policy, explain=explain)
    except AibudgetError as error:
        raise fail(t, error) from None
    if as_json:
        print_json(allocation_document(t, result, plan, tool_catalog()))
    else:
        render(Console(highlight=False), t, plan, result)
    if result.objective is None:
        raise typer.Exit(code=NO_ALLOCATION_EXIT)


def register(app: typer.Typer) -> None:
    app.command(name="optimize")(optimize_cmd)
