"""The ``aibudget`` command line: parse, call one engine function, render.

Exit codes: 0 fine, 2 bad input (with every problem, its field path and YAML line,
in the plan's language unless ``--lang`` says otherwise).
"""

from __future__ import annotations

import json
import os
import sys
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

from aibudget import __version__
from aibudget.domain.errors import AibudgetError, PlanError
from aibudget.domain.plan import Convention, Plan
from aibudget.engine.cashflow import evaluate
from aibudget.engine.simulate import simulate
from aibudget.i18n import Translator
from aibudget.planfile import load_plan, peek_locale
from aibudget.render import render_evaluation, render_problems

MIN_TRIALS, MAX_TRIALS = 100, 5_000_000
PROGRESS_FROM_TRIALS = 200_000

app = typer.Typer(
    name="aibudget",
    help="AI marketing budget planner: validate, evaluate and simulate plan files.",
    no_args_is_help=True,
    add_completion=False,
)

PlanArg = Annotated[Path, typer.Argument(help="Plan file (YAML).", show_default=False)]
LangOpt = Annotated[
    str | None,
    typer.Option("--lang", help="Language of messages: zh-TW or en (default: the plan's)."),
]


def _translator(lang: str | None, plan_path: Path | None = None) -> Translator:
    if lang:
        return Translator(lang)
    if plan_path is not None and (found := peek_locale(plan_path)):
        return Translator(found)
    return Translator(os.environ.get("AIBUDGET_LOCALE"))


def _fail(t: Translator, error: AibudgetError) -> typer.Exit:
    err = Console(stderr=True, highlight=False)
    if isinstance(error, PlanError):
        render_problems(err, t, error)
    else:
        err.print(f"[red]{t(error.message_id, **error.params)}[/red]")
    return typer.Exit(code=2)


def _load(path: Path, t: Translator) -> Plan:
    try:
        return load_plan(path)
    except PlanError as error:
        raise _fail(t, error) from None


def _plain(value: Any) -> Any:
    """Decimals as JSON numbers with the same digits (cents survive a float's repr)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@app.command()
def validate(plan_path: PlanArg, lang: LangOpt = None) -> None:
    """Check a plan file and report every problem with its field and line."""
    t = _translator(lang, plan_path)
    plan = _load(plan_path, t)
    t = _translator(lang) if lang else Translator(plan.company.locale.value)
    typer.echo(
        t(
            "plan.valid",
            tools=len(plan.tools),
            goals=len(plan.goals),
            months=plan.horizon.months,
            start=plan.horizon.start,
        )
    )


@app.command(name="evaluate")
def evaluate_cmd(
    plan_path: PlanArg,
    trials: Annotated[
        int | None, typer.Option(help="Monte Carlo trials (default: the plan's).")
    ] = None,
    convention: Annotated[
        Convention | None,
        typer.Option(help="Discounting: monthly, or annual as in published TEI studies."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    lang: LangOpt = None,
) -> None:
    """Cash flows, NPV, ROI, payback, and the Monte Carlo risk picture of a plan."""
    t = _translator(lang, plan_path)
    plan = _load(plan_path, t)
    t = _translator(lang) if lang else Translator(plan.company.locale.value)
    n_trials = trials or plan.simulation.trials
    if not MIN_TRIALS <= n_trials <= MAX_TRIALS:
        detail = t("cli.trials_range", low=MIN_TRIALS, high=MAX_TRIALS)
        Console(stderr=True).print(f"[red]{t('cli.bad_option', option='--trials', detail=detail)}")
        raise typer.Exit(code=2)
    conv = convention or plan.horizon.convention
    result = evaluate(plan, conv)
    if n_trials >= PROGRESS_FROM_TRIALS and not as_json:
        with Progress(
            TextColumn(t("cli.simulating")),
            BarColumn(),
            TaskProgressColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        ) as bar:
            task = bar.add_task("sim", total=n_trials)
            sim = simulate(plan, n_trials, conv, lambda done, _: bar.update(task, completed=done))
    else:
        sim = simulate(plan, n_trials, conv)
    if as_json:
        typer.echo(json.dumps(_plain(evaluation_json(result, sim)), ensure_ascii=False, indent=2))
        return
    render_evaluation(Console(highlight=False), t, plan, result, sim)


def evaluation_json(result: Any, sim: Any) -> dict[str, Any]:
    """The ``evaluate --json`` document (also the API's evaluate response)."""
    by_tool = {d.id: d for d in sim.tools}
    return {
        "currency": result.currency,
        "convention": result.convention,
        "months": result.months,
        "start": result.start,
        "discount_rate": result.discount_rate,
        "expected": result.expected.model_dump(),
        "risk_adjusted": result.risk_adjusted.model_dump(),
        "periods": [row.model_dump() for row in result.periods],
        "costs_by_line": result.costs_by_line,
        "monthly": {
            "costs": result.monthly_costs,
            "benefits": result.monthly_benefits,
            "cumulative_net": result.cumulative_net,
        },
        "simulation": {
            "trials": sim.trials,
            "seed": sim.seed,
            "distribution": sim.distribution,
            "npv_p10": sim.npv.p10,
            "npv_p50": sim.npv.p50,
            "npv_p90": sim.npv.p90,
            "roi_p10": sim.roi.p10 if sim.roi else None,
            "roi_p50": sim.roi.p50 if sim.roi else None,
            "roi_p90": sim.roi.p90 if sim.roi else None,
            "mean_npv": sim.mean_npv,
            "prob_loss": sim.prob_loss,
            "tornado": [bar.model_dump() for bar in sim.tornado],
            "fan": [point.model_dump() for point in sim.fan],
            "fan_trials": sim.fan_trials,
        },
        "tools": [
            {
                "id": tool.id,
                "name": tool.name,
                "expected": tool.expected.model_dump(),
                "risk_adjusted": tool.risk_adjusted.model_dump(),
                "costs_by_line": tool.costs_by_line,
                "simulation": {
                    "npv_p10": by_tool[tool.id].npv.p10,
                    "npv_p50": by_tool[tool.id].npv.p50,
                    "npv_p90": by_tool[tool.id].npv.p90,
                    "mean_npv": by_tool[tool.id].mean_npv,
                    "prob_loss": by_tool[tool.id].prob_loss,
                },
            }
            for tool in result.tools
        ],
    }


@app.command()
def schema() -> None:
    """Print the JSON Schema of plan files."""
    document = Plan.model_json_schema()
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["title"] = "aibudget plan"
    typer.echo(json.dumps(document, ensure_ascii=False, indent=2))


@app.command()
def version() -> None:
    """Print the version."""
    typer.echo(__version__)


def _register_feature_commands() -> None:
    """Feature areas add their commands from their own modules (one line each here)."""
    from aibudget import cli_optimize

    cli_optimize.register(app)
    from aibudget import cli_monitor

    cli_monitor.register(app)
    from aibudget import cli_guidance

    cli_guidance.register(app)
    from aibudget import cli_web

    cli_web.register(app)


_register_feature_commands()


def main() -> None:
    try:
        app()
    except AibudgetError as error:  # the one handler at the edge
        raise SystemExit(_fail(_translator(None), error).exit_code) from None
    except KeyboardInterrupt:
        sys.exit(130)
