"""Terminal rendering of results with Rich (tables, in the user's language)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from aibudget.catalog import kpi_entries
from aibudget.domain.errors import PlanError
from aibudget.domain.plan import Plan
from aibudget.domain.results import PLAN_LINES_ID, Evaluation, SimulationResult
from aibudget.i18n import Translator
from aibudget.present.evaluation import (
    _figures_row,
    chance_text,
    driver_label,
    evaluation_title,
)


def render_problems(console: Console, t: Translator, error: PlanError) -> None:
    invalid_text = t("plan.invalid", count=len(error.problems))
    console.print(f"[bold red]{invalid_text}[/bold red]")
    for p in error.problems:
        where = p.where or "-"
        at_line_text = t("error.at_line", line=p.line)
        line = f" ({at_line_text})" if p.line else ""
        message = t(p.message_id, **p.params)
        if message == p.message_id and p.message_id.startswith("value."):
            message = t("value.invalid")
        console.print(f"  [red]✗[/red] [bold]{where}[/bold]{line}: {message}")


def render_evaluation(
    console: Console, t: Translator, plan: Plan, result: Evaluation, sim: SimulationResult
) -> None:
    cur = result.currency
    console.print(evaluation_title(t, plan, result), style="bold")
    headers = [
        t("cli.pv_costs"),
        t("cli.pv_benefits"),
        t("cli.npv"),
        t("cli.roi"),
        t("cli.payback"),
    ]
    table = Table(show_lines=False)
    table.add_column(t("cli.tool"))
    table.add_column("")
    for h in headers:
        table.add_column(h, justify="right")
    for tool in result.tools:
        name = t("cli.plan_lines") if tool.id == PLAN_LINES_ID else tool.name
        table.add_row(name, t("cli.expected"), *_figures_row(t, cur, tool.expected))
        table.add_row("", t("cli.risk_adjusted"), *_figures_row(t, cur, tool.risk_adjusted))
    table.add_section()
    plan_total_text = t("cli.plan_total")
    table.add_row(
        f"[bold]{plan_total_text}[/bold]",
        t("cli.expected"),
        *_figures_row(t, cur, result.expected),
    )
    table.add_row("", t("cli.risk_adjusted"), *_figures_row(t, cur, result.risk_adjusted))
    console.print(table)

    periods = Table(title=t("cli.periods_title"))
    periods.add_column("")
    for row in result.periods:
        label = (
            t("cli.period_initial")
            if row.label == "initial"
            else t("cli.period_year", year=row.label.split()[-1])
        )
        periods.add_column(label, justify="right")
    periods.add_row(t("cli.costs"), *[t.money(-r.costs, cur) for r in result.periods])
    periods.add_row(t("cli.benefits"), *[t.money(r.benefits, cur) for r in result.periods])
    periods.add_row(t("cli.net"), *[t.money(r.net, cur) for r in result.periods])
    periods.add_row(t("cli.present_value"), *[t.money(r.pv_net, cur) for r in result.periods])
    console.print(periods)

    console.print(
        t(
            "cli.simulation_title",
            trials=t.number(sim.trials),
            seed=sim.seed,
            distribution=t(f"field.choice.simulation.distribution.{sim.distribution}"),
        ),
        style="bold",
    )
    npv_range_text = t("cli.npv_range")
    console.print(
        f"  {npv_range_text}: {t.money(sim.npv.p10, cur)} / {t.money(sim.npv.p50, cur)}"
        f" / {t.money(sim.npv.p90, cur)}"
    )
    prob_loss_text = t("cli.prob_loss")
    console.print(f"  {prob_loss_text}: {chance_text(t, sim.prob_loss)}")
    if sim.tornado:
        bars = Table(title=t("cli.tornado_title"))
        bars.add_column(t("cli.tool"))
        bars.add_column(t("cli.input"))
        bars.add_column(t("cli.range"), justify="right")
        bars.add_column(t("cli.npv_low_high"), justify="right")
        names = {tool.id: tool.name for tool in result.tools}
        for bar in sim.tornado:
            bars.add_row(
                names.get(bar.tool, bar.tool),
                driver_label(t, bar.driver, kpi_entries()),
                f"{t.number(bar.low, 2)} – {t.number(bar.high, 2)}",
                f"{t.money(bar.npv_at_low, cur)} → {t.money(bar.npv_at_high, cur)}",
            )
        console.print(bars)
