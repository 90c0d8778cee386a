"""``aibudget assess``, ``aibudget catalog list|show|kpis`` and ``aibudget lint``.

Exit codes: ``lint`` 1 when any error-level finding exists, 0 otherwise; every command
2 for bad input (a plan that does not load, bad answers, an unknown id or category).
``assess`` asks the questions one by one (answer with numbers), saves every answer in a
progress file and continues from it when run again; ``--answers FILE`` scores a YAML or
JSON answers file instead.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from aibudget.cli.common import fail, load_with_translator, print_json, stderr, translator
from aibudget.domain.message_ids import N_

if TYPE_CHECKING:
    from rich.console import Console

    from aibudget.domain.guidance import AnswersError, CatalogTool, Question, Questionnaire
    from aibudget.domain.plan import Plan
    from aibudget.i18n import Translator

PlanArg = Annotated[Path, typer.Argument(help="Plan file (YAML).", show_default=False)]
LangOpt = Annotated[
    str | None,
    typer.Option("--lang", help="Language of messages: zh-TW or en (default: the plan's)."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]
PlanOpt = Annotated[
    Path | None,
    typer.Option("--plan", help="Include the catalog entries this plan adds or overrides."),
]
MAX_TRIES = 20
DEFAULT_PROGRESS = Path(".aibudget-assess.json")

catalog_app = typer.Typer(help="The built-in tool catalog and KPI library.", no_args_is_help=True)


def _bad_input(t: Translator, message_id: str, **params: Any) -> typer.Exit:
    stderr().print(f"[red]{t(message_id, **params)}[/red]")
    return typer.Exit(code=2)


def _catalog(plan: Plan | None, t: Translator) -> dict[str, CatalogTool]:
    """The built-in catalog, with the plan's entries applied when a plan is given."""
    from aibudget.catalog import catalog_for, tool_catalog
    from aibudget.domain.errors import PlanError

    if plan is None:
        return tool_catalog()
    catalog, problems = catalog_for(plan.catalog)
    if problems:
        raise fail(t, PlanError(problems))
    return catalog


def _json(document: Any) -> None:

    print_json(document)


def lint_cmd(plan_path: PlanArg, as_json: JsonOpt = False, lang: LangOpt = None) -> None:
    """Health check: the classic pitfalls of a plan, each with a fix and where it applies."""
    from rich.console import Console

    from aibudget.catalog import kpi_entries
    from aibudget.cli.print_guidance import render_findings
    from aibudget.engine.lint import has_errors, lint
    from aibudget.present.guidance import finding_document

    plan, t = load_with_translator(plan_path, lang)
    findings = lint(plan, _catalog(plan, t), kpi_entries())
    if as_json:
        _json([finding_document(t, f, plan.currency) for f in findings])
    else:
        render_findings(Console(highlight=False), t, findings, plan.currency)
    if has_errors(findings):
        raise typer.Exit(code=1)


@catalog_app.command("list")
def catalog_list(
    category: Annotated[
        str | None, typer.Option("--category", help="Only this category, e.g. chatbot.")
    ] = None,
    plan_path: PlanOpt = None,
    as_json: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """List the catalog's tools with their lowest list price and free options."""
    from rich.console import Console

    from aibudget.cli.print_guidance import render_catalog_list
    from aibudget.domain.plan import Category

    t, catalog = _translator_and_catalog(plan_path, lang)
    entries = list(catalog.values())
    if category is not None:
        known = [c.value for c in Category]
        if category not in known:
            raise _bad_input(
                t, N_("catalog.unknown_category"), category=category, categories=", ".join(known)
            )
        entries = [e for e in entries if e.category.value == category]
    if as_json:
        _json([e.model_dump(mode="json", by_alias=True) for e in entries])
        return
    render_catalog_list(Console(highlight=False), t, entries)


@catalog_app.command("check")
def catalog_check(
    plan_path: PlanOpt = None, as_json: JsonOpt = False, lang: LangOpt = None
) -> None:
    """Prices to look at again: seen more than six months ago (stale) or not known at all
    (missing: the owner enters a quote).

    Exit code 0 when every price is current and known, 1 when stale or missing prices are
    listed, 2 on bad input.
    """
    from rich.console import Console

    from aibudget.cli.print_guidance import render_price_issues
    from aibudget.engine.catalog_check import price_issues
    from aibudget.present.guidance import price_issue_document

    t, catalog = _translator_and_catalog(plan_path, lang)
    rows = [price_issue_document(t, catalog, i) for i in price_issues(catalog, date.today())]
    if as_json:
        _json(rows)
    else:
        render_price_issues(Console(highlight=False), t, rows)
    if rows:
        raise typer.Exit(code=1)


@catalog_app.command("show")
def catalog_show(
    tool_id: Annotated[str, typer.Argument(help="Catalog id, e.g. canva-pro.")],
    plan_path: PlanOpt = None,
    as_json: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """Everything the catalog knows about one tool: plans, prices and their sources."""
    from rich.console import Console

    from aibudget.catalog import kpi_entries
    from aibudget.cli.print_guidance import render_catalog_entry
    from aibudget.domain.guidance import resolve

    t, catalog = _translator_and_catalog(plan_path, lang)
    entry = resolve(catalog, tool_id)
    if entry is None:
        raise _bad_input(t, N_("catalog.unknown_id"), id=tool_id)
    if as_json:
        _json(entry.model_dump(mode="json", by_alias=True))
        return
    render_catalog_entry(Console(highlight=False), t, entry, kpi_entries())


@catalog_app.command("kpis")
def catalog_kpis(as_json: JsonOpt = False, lang: LangOpt = None) -> None:
    """The KPI library: unit, good direction, typical range, how to measure."""
    from rich.console import Console

    from aibudget.catalog import kpi_entries
    from aibudget.cli.print_guidance import render_kpis

    t = translator(lang)
    kpis = kpi_entries()
    if as_json:
        _json([k.model_dump(mode="json", by_alias=True) for k in kpis.values()])
        return
    render_kpis(Console(highlight=False), t, kpis)


def _translator_and_catalog(
    plan_path: Path | None, lang: str | None
) -> tuple[Translator, dict[str, CatalogTool]]:
    from aibudget.catalog import tool_catalog

    if plan_path is None:
        return translator(lang), tool_catalog()
    plan, t = load_with_translator(plan_path, lang)
    return t, _catalog(plan, t)


# --- assess ----------------------------------------------------------------------------


def _read_answers(path: Path, t: Translator) -> dict[str, Any]:
    import yaml

    from aibudget.domain.errors import Problem
    from aibudget.domain.guidance import AnswersError

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise _bad_input(t, N_("assess.file_unreadable"), file=str(path), detail=str(exc)) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise _answers_failed(t, AnswersError([Problem((), N_("plan.not_mapping"))]))
    return {str(k): v for k, v in data.items()}


def _answers_failed(t: Translator, error: AnswersError) -> typer.Exit:
    err = stderr()
    err.print(f"[bold red]{t(error.message_id, **error.params)}[/bold red]")
    for p in error.problems:
        where = p.where or "-"
        err.print(f"  [red]✗[/red] [bold]{where}[/bold]: {t(p.message_id, **p.params)}")
    return typer.Exit(code=2)


def _save(path: Path, answers: dict[str, Any]) -> None:
    """Write the progress file atomically (a crash never leaves half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".assess-", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(answers, fh, ensure_ascii=False, indent=2)
    os.replace(tmp, path)


def _parse_input(question: Question, text: str) -> int | list[int] | None:
    from aibudget.engine.readiness import chosen_options

    parts = [p.strip() for p in text.replace("，", ",").split(",") if p.strip()]
    if not parts or not all(p.isdigit() for p in parts):
        return None
    numbers = [int(p) for p in parts]
    answer: int | list[int] = numbers if question.multi else numbers[0]
    if not question.multi and len(numbers) != 1:
        return None
    return answer if chosen_options(question, answer) is not None else None


def _ask(console: Console, t: Translator, q: Questionnaire, question: Question) -> Any:
    """One question; returns the answer, or None when the user quits."""
    number = q.questions.index(question) + 1
    scale = q.scales[question.scale].get(t.locale)
    question_text = t("assess.question", number=number, total=len(q.questions), scale=scale)
    console.print(f"\n[dim]{question_text}[/dim]")
    console.print(f"[bold]{question.text.get(t.locale)}[/bold]")
    for i, option in enumerate(question.options, start=1):
        console.print(f"  {i}. {option.text.get(t.locale)}")
    prompt_id = N_("assess.prompt_multi") if question.multi else N_("assess.prompt")
    for _ in range(MAX_TRIES):
        try:
            text = typer.prompt(t(prompt_id, count=len(question.options)))
        except (typer.Abort, EOFError):
            return None
        if text.strip().lower() in {"q", "quit", "exit"}:
            return None
        answer = _parse_input(question, text)
        if answer is not None:
            return answer
        retry_text = t("assess.retry", count=len(question.options))
        console.print(f"[red]{retry_text}[/red]")
    return None


def assess(
    answers_file: Annotated[
        Path | None,
        typer.Option("--answers", help="Score an answers file (YAML/JSON: question id -> number)."),
    ] = None,
    progress: Annotated[
        Path,
        typer.Option("--progress", help="Where answers are saved as you go (to resume)."),
    ] = DEFAULT_PROGRESS,
    restart: Annotated[bool, typer.Option("--restart", help="Ignore saved answers.")] = False,
    as_json: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """AI readiness self-assessment: scores, stage, pilot size, fitting tools, advice."""
    from rich.console import Console

    from aibudget.catalog import readiness_questionnaire, tool_catalog
    from aibudget.cli.print_guidance import render_readiness
    from aibudget.domain.guidance import AnswersError
    from aibudget.engine.readiness import score, suggest_tools
    from aibudget.present.guidance import readiness_document

    t = translator(lang)
    q = readiness_questionnaire()
    if answers_file is not None:
        answers = _read_answers(answers_file, t)
    else:
        interviewed = _interview(t, q, progress, restart)
        if interviewed is None:
            raise typer.Exit(code=0)
        answers = interviewed
    try:
        result = score(q, answers)
    except AnswersError as error:
        raise _answers_failed(t, error) from None
    catalog = tool_catalog()
    suggestions = suggest_tools(result, catalog, q.thresholds)
    if as_json:
        _json(readiness_document(t, q, result, suggestions))
        return
    render_readiness(Console(highlight=False), t, q, result, suggestions, catalog)


def _interview(
    t: Translator, q: Questionnaire, progress: Path, restart: bool
) -> dict[str, Any] | None:
    """Ask every unanswered question, saving after each; None if the user stopped."""
    from rich.console import Console

    from aibudget.domain.guidance import AnswersError
    from aibudget.engine.readiness import validate_answers

    console = Console(highlight=False)
    answers: dict[str, Any] = {}
    if progress.exists() and not restart:
        saved = _read_answers(progress, t)
        try:
            validate_answers(q, saved, complete=False)
            answers = saved
        except AnswersError:
            answers = {}
        if answers:
            console.print(
                t("assess.resume", answered=len(answers), total=len(q.questions), file=progress)
            )
    if not answers:
        console.print(t("assess.title", total=len(q.questions)), style="bold")
    for question in q.questions:
        if question.id in answers:
            continue
        answer = _ask(console, t, q, question)
        if answer is None:
            _save(progress, answers)
            console.print(t("assess.saved", file=progress))
            return None
        answers[question.id] = answer
        _save(progress, answers)
    return answers


def register(app: typer.Typer) -> None:
    """Add the guidance commands to the ``aibudget`` app."""
    app.command(name="assess")(assess)
    app.command(name="lint")(lint_cmd)
    app.add_typer(catalog_app, name="catalog")
