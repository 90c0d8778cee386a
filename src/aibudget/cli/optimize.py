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

from aibudget.cli.common import bad_option, fail, load_with_translator, print_json
from aibudget.domain.choices import Objective
from aibudget.service.cores import usable_cores

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
    from rich.console import Console

    from aibudget.catalog import tool_catalog
    from aibudget.cli.print_optimize import render
    from aibudget.domain.allocation import OptimisePolicy
    from aibudget.domain.errors import AibudgetError
    from aibudget.engine.optimize import optimize
    from aibudget.present.optimize import allocation_document

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
            result = optimize(plan, policy, explain=explain, threads=usable_cores())
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
