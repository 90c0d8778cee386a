"""What every command of the ``aibudget`` CLI shares: arguments, language, loading,
the one error printer (exit code 2) and JSON output.

Start-up time: this module and the command modules import only typer and the standard
library at the top; the models, the engine, Rich and the catalogues are imported inside
the functions that use them, so ``aibudget --help`` loads none of them."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from aibudget.domain.errors import AibudgetError
    from aibudget.domain.plan import Plan
    from aibudget.i18n import Translator

MIN_TRIALS, MAX_TRIALS = 100, 5_000_000
PlanArg = Annotated[Path, typer.Argument(help="Plan file (YAML).", show_default=False)]
LangOpt = Annotated[
    str | None,
    typer.Option("--lang", help="Language of messages: zh-TW or en (default: the plan's)."),
]


def stderr() -> Console:
    """The console for messages and progress (standard error, no highlighting)."""
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def translator(lang: str | None, plan_path: Path | None = None) -> Translator:
    from aibudget.i18n import Translator
    from aibudget.planfile import peek_locale

    if lang:
        return Translator(lang)
    if plan_path is not None and (found := peek_locale(plan_path)):
        return Translator(found)
    return Translator(os.environ.get("AIBUDGET_LOCALE"))


def fail(t: Translator, error: AibudgetError) -> typer.Exit:
    from aibudget.cli.print_evaluation import render_problems
    from aibudget.domain.errors import PlanError

    err = stderr()
    if isinstance(error, PlanError):
        render_problems(err, t, error)
    else:
        err.print(f"[red]{t(error.message_id, **error.params)}[/red]")
    return typer.Exit(code=2)


def bad_option(t: Translator, option: str, detail: str) -> typer.Exit:
    """An option that is not valid, said in red on stderr; raise the exit (code 2)."""
    bad_option_text = t("cli.bad_option", option=option, detail=detail)
    stderr().print(f"[red]{bad_option_text}")
    return typer.Exit(code=2)


def check_trials(t: Translator, trials: int) -> None:
    if not MIN_TRIALS <= trials <= MAX_TRIALS:
        detail = t("cli.trials_range", low=MIN_TRIALS, high=MAX_TRIALS)
        raise bad_option(t, "--trials", detail)


def month_option(t: Translator, value: str | None) -> str | None:
    """A month option as ``YYYY-MM`` (None when not given); exit code 2 when not a month."""
    from aibudget.domain.months import parse_month

    try:
        return parse_month(value) if value else None
    except ValueError:
        bad_month_text = t("monitor.bad_month", value=value)
        stderr().print(f"[red]{bad_month_text}[/red]")
        raise typer.Exit(code=2) from None


def load_or_exit(path: Path, t: Translator) -> Plan:
    """The validated plan, or every problem printed and exit code 2."""
    from aibudget.domain.errors import PlanError
    from aibudget.planfile import load_plan

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
    from pydantic import BaseModel

    if isinstance(document, BaseModel):
        return document.model_dump()
    if isinstance(document, list):
        return [plain(d) for d in document]
    return document


def load_with_translator(plan_path: Path, lang: str | None) -> tuple[Plan, Translator]:
    """Load a plan and speak its language from then on, unless ``--lang`` chose one; a
    plan that does not load has its problems said in the file's language (read then, so
    a good plan is parsed once)."""
    from aibudget.domain.errors import PlanError
    from aibudget.planfile import load_plan

    try:
        plan = load_plan(plan_path)
    except PlanError as error:
        raise fail(translator(lang, plan_path), error) from None
    return plan, translator(lang or plan.company.locale.value)
