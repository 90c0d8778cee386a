"""The ``aibudget`` command line: parse, call one engine function, render.

Exit codes: 0 fine, 2 bad input (with every problem, its field path and YAML line,
in the plan's language unless ``--lang`` says otherwise).
"""

from __future__ import annotations

import gc
import json
import sys
from typing import Annotated

import typer

from aibudget import __version__
from aibudget.cli.common import (
    LangOpt,
    PlanArg,
    check_trials,
    fail,
    load_with_translator,
    print_json,
    stderr,
    translator,
)
from aibudget.domain.choices import Convention

PROGRESS_FROM_TRIALS = 200_000

app = typer.Typer(
    name="aibudget",
    help="AI marketing budget planner: validate, evaluate and simulate plan files.",
    no_args_is_help=True,
    add_completion=False,
)


@app.command()
def validate(plan_path: PlanArg, lang: LangOpt = None) -> None:
    """Check a plan file and report every problem with its field and line."""
    plan, t = load_with_translator(plan_path, lang)
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
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )

    from aibudget.cli.print_evaluation import render_evaluation
    from aibudget.engine.simulate import evaluate_and_simulate
    from aibudget.present.documents import evaluation_document

    plan, t = load_with_translator(plan_path, lang)
    n_trials = trials or plan.simulation.trials
    check_trials(t, n_trials)
    conv = convention or plan.horizon.convention
    if n_trials >= PROGRESS_FROM_TRIALS and not as_json:
        with Progress(
            TextColumn(t("cli.simulating")),
            BarColumn(),
            TaskProgressColumn(),
            TimeRemainingColumn(),
            console=stderr(),
            transient=True,
        ) as bar:
            task = bar.add_task("sim", total=n_trials)
            result, sim = evaluate_and_simulate(
                plan, n_trials, conv, lambda done, _: bar.update(task, completed=done)
            )
    else:
        result, sim = evaluate_and_simulate(plan, n_trials, conv)
    if as_json:
        print_json(evaluation_document(result, sim))
        return
    render_evaluation(Console(highlight=False), t, plan, result, sim)


@app.command()
def schema() -> None:
    """Print the JSON Schema of plan files."""
    from aibudget.domain.plan import Plan

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
    from aibudget.cli import optimize

    optimize.register(app)
    from aibudget.cli import monitor

    monitor.register(app)
    from aibudget.cli import guidance

    guidance.register(app)
    from aibudget.cli import web

    web.register(app)
    from aibudget.cli import report

    report.register(app)
    from aibudget.cli import jobs

    jobs.register(app)


_register_feature_commands()


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # the one handler at the edge (its type loaded only now)
        from aibudget.domain.errors import AibudgetError

        if not isinstance(error, AibudgetError):
            raise
        raise SystemExit(fail(translator(None), error).exit_code) from None
    finally:
        # The process ends next. Interpreter shutdown would search every object left
        # (the loaded modules, models and catalogues) for reference cycles, ~0.1 s of a
        # 0.6 s report; the operating system frees them anyway. Exit handlers still run.
        gc.freeze()
