"""How ``aibudget optimize`` prints an allocation in the terminal (Rich tables)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from aibudget.catalog import tool_catalog
from aibudget.domain.allocation import OptimisationResult, OptimiseStatus
from aibudget.domain.plan import Plan
from aibudget.i18n import Translator
from aibudget.present.optimize import (
    channel_name,
    marginal_budget_text,
    reason_text,
    status_lines,
    text_params,
)
from aibudget.service.tiers import chosen_tier_name


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
            ads.add_row(channel_name(plan, channel), money(amount, cur))
        console.print(ads)
    if r.reasons:
        console.print(t("optimize.reasons_title"), style="bold")
        for reason in r.reasons:
            mark = "[green]✓[/green]" if reason.selected else "[dim]✗[/dim]"
            name = names.get(reason.tool, reason.tool)
            console.print(f"  {mark} {name}: {reason_text(t, plan, reason, tool_catalog())}")
    more_budget = marginal_budget_text(t, r)
    if more_budget is not None:
        console.print(more_budget)
    for member, gain in r.marginal_value_of_hour.items():
        if gain > 0:
            console.print(t("optimize.marginal_hour", member=member, value=money(gain, cur)))
