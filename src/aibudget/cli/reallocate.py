"""The reallocation proposal in ``aibudget review``: computed, printed, written as YAML.

``review PLAN --actuals FILE... [--write-proposal FILE]`` re-runs the optimiser on the
rest of the horizon (:mod:`aibudget.engine.reallocate`) and shows the proposal; with
``--write-proposal`` the proposed plan version is written as a plan file (YAML) and read
back with the plan loader before the command reports success.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from aibudget.cli.common import fail
from aibudget.domain.errors import PlanError
from aibudget.domain.reallocation import Reallocation
from aibudget.i18n import Translator
from aibudget.planfile import dump_plan, load_plan


def write_proposal(path: Path, proposal: Reallocation | None, note: str, t: Translator) -> None:
    """Write the proposed plan and check that it loads back; exit 2 if there is none."""
    from aibudget.cli.monitor import write_atomic  # cli.monitor imports this module

    if proposal is None or proposal.plan is None:
        text = note or t("reallocate.no_solution", status=proposal and proposal.status.value)
        Console(stderr=True).print(f"[red]{text}[/red]")
        raise typer.Exit(code=2)
    write_atomic(path, dump_plan(proposal.plan).encode("utf-8"))
    try:
        load_plan(path)
    except PlanError as error:
        raise fail(t, error) from None
