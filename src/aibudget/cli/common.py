"""What every command of the ``aibudget`` CLI shares: arguments, language, loading,
the one error printer (exit code 2) and JSON output."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import BaseModel
from rich.console import Console

from aibudget.cli.print_evaluation import render_problems
from aibudget.domain.errors import AibudgetError, PlanError
from aibudget.domain.months import parse_month
from aibudget.domain.plan import Plan
from aibudget.i18n import Translator
from aibudget.planfile import load_plan, peek_locale

MIN_TRIALS, MAX_TRIALS = 100, 5_000_000
PlanArg = Annotated[Path, typer.Argument(help="Plan file (YAML).", show_default=False)]
LangOpt = Annotated[
    str | None,
    typer.Option("--lang", help="Language of messages: zh-TW or en (default: the plan's)."),
]


def translator(lang: str | None, plan_path: Path | None = None) -> Translator:
    if lang:
        return Translator(lang)
    if plan_path is not None and (found := peek_locale(plan_path)):
        return Translator(found)
    return Translator(os.environ.get("AIBUDGET_LOCALE"))


def fail(t: Translator, error: AibudgetError) -> typer.Exit:
    err = Console(stderr=True, highlight=False)
    if isinstance(error, PlanError):
        render_problems(err, t, error)
    else:
        err.print(f"[red]{t(error.message_id, **error.params)}[/red]")
    return typer.Exit(code=2)


def bad_option(t: Translator, option: str, detail: str) -> typer.Exit:
    """An option that is not valid, said in red on stderr; raise the exit (code 2)."""
    bad_option_text = t("cli.bad_option", option=option, detail=detail)
    Console(stderr=True).print(f"[red]{bad_option_text}")
    return typer.Exit(code=2)


def check_trials(t: Translator, trials: int) -> None:
    if not MIN_TRIALS <= trials <= MAX_TRIALS:
        detail = t("cli.trials_range", low=MIN_TRIALS, high=MAX_TRIALS)
        raise bad_option(t, "--trials", detail)


def month_option(t: Translator, value: str | None) -> str | None:
    """A month option as ``YYYY-MM`` (None when not given); exit code 2 when not a month."""
    try:
        return parse_month(value) if value else None
    except ValueError:
        bad_month_text = t("monitor.bad_month", value=value)
        Console(stderr=True).print(f"[red]{bad_month_text}[/red]")
        raise typer.Exit(code=2) from None


def load_or_exit(path: Path, t: Translator) -> Plan:
    """The validated plan, or every problem printed and exit code 2."""
    try:
        return load_plan(path)
    except PlanError as error:
        raise fail(t, error) from None


def json_ready(value: Any) -> Any:
    """Decimals as JSON numbers with the same digits (cents survive a float's repr)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_ready(v) for v in value]
    return value


def print_json(document: Any) -> None:
    """One JSON object on stdout (a typed document, or a list of them), non-ASCII text
    kept readable."""
    typer.echo(json.dumps(json_ready(plain(document)), ensure_ascii=False, indent=2))


def plain(document: Any) -> Any:
    """A typed document (or a list of them) as plain data, amounts still Decimal."""
    if isinstance(document, BaseModel):
        return document.model_dump()
    if isinstance(document, list):
        return [plain(d) for d in document]
    return document


def load_with_translator(plan_path: Path, lang: str | None) -> tuple[Plan, Translator]:
    """Load a plan (problems in the file's language) and speak its language from then on,
    unless ``--lang`` chose one."""
    plan = load_or_exit(plan_path, translator(lang, plan_path))
    return plan, (translator(lang) if lang else Translator(plan.company.locale.value))
