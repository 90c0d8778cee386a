"""``aibudget report PLAN --format pdf|xlsx``: the plan as a file to hand on.

The PDF (A4, charts, Traditional Chinese or English) is for a partner, an accountant or
a bank; the XLSX keeps cash flows, NPV, ROI and payback as formulas over its
Assumptions sheet, so they recompute when an assumption changes. ``--actuals`` adds
the review (plan vs forecast vs actual, recommendations). Exit codes: 0 written,
2 bad input or no report (nothing written).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from aibudget.cli.common import (
    LangOpt,
    PlanArg,
    bad_option,
    check_trials,
    fail,
    load_with_translator,
    month_option,
    stderr,
)

FormatOpt = Annotated[str, typer.Option("--format", "-f", help="pdf or xlsx.")]


def report_cmd(
    plan_path: PlanArg,
    fmt: FormatOpt = "pdf",
    out: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File to write (default: PLAN with .pdf/.xlsx)."),
    ] = None,
    actuals: Annotated[
        list[Path] | None,
        typer.Option(
            "--actuals",
            help="Actuals JSON or files to import (repeat); adds the review.",
        ),
    ] = None,
    as_of: Annotated[
        str | None, typer.Option(help="Review month YYYY-MM (default: latest actuals).")
    ] = None,
    trials: Annotated[
        int | None, typer.Option(help="Monte Carlo trials (default: the plan's).")
    ] = None,
    lang: LangOpt = None,
) -> None:
    """Write the plan report as a PDF or an XLSX workbook with live formulas."""
    from aibudget.cli.monitor import load_actuals, write_atomic
    from aibudget.cli.optimize import native_stdout_silenced
    from aibudget.domain.errors import AibudgetError
    from aibudget.reports import FORMATS, ReportMeta, gather, render

    plan, t = load_with_translator(plan_path, lang)
    if fmt not in FORMATS:
        raise bad_option(t, "--format", ", ".join(FORMATS))
    if trials is not None:
        check_trials(t, trials)
    month = month_option(t, as_of)
    target = out or plan_path.with_suffix(f".{fmt}")
    try:
        recorded = load_actuals(plan, actuals, t) if actuals else None
        meta = ReportMeta(generated=date.today(), version=plan_path.name)
        progress = stderr().status(t("report.working"))
        with progress, native_stdout_silenced():
            data = gather(plan, meta, actuals=recorded, as_of=month, trials=trials)
            content = render(data, fmt, t)
    except AibudgetError as error:
        raise fail(t, error) from None
    write_atomic(target, content)
    typer.echo(t("report.written", file=str(target), kb=max(1, len(content) // 1024)))


def register(app: typer.Typer) -> None:
    app.command(name="report")(report_cmd)
