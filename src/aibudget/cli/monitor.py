"""``aibudget actuals import|template`` and ``aibudget review``: step 5 of the method.

``actuals import PLAN FILE...`` previews every file (format, encoding, columns, every
bad row with its line and reason) and writes the normalised actuals file (JSON) only
when every row of every file is valid; re-importing the same rows changes nothing.
``review PLAN --actuals FILE...`` compares plan, forecast and actuals and proposes the
reallocation of the remaining months (:mod:`aibudget.cli.reallocate`);
``--write-proposal FILE`` writes the proposed plan version as YAML (and nothing when
the proposal changes nothing: then no proposal is announced either).

Exit codes: 0 fine, 2 bad input (nothing written).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from aibudget.cli.common import (
    bad_option,
    fail,
    load_with_translator,
    month_option,
    print_json,
    stderr,
)
from aibudget.domain.message_ids import N_

if TYPE_CHECKING:
    from aibudget.domain.actuals import Actuals
    from aibudget.domain.plan import Plan
    from aibudget.i18n import Translator

actuals_app = typer.Typer(help="Monthly actuals: import files, download the template.")
PlanArg = Annotated[Path, typer.Argument(help="Plan file (YAML).", show_default=False)]
LangOpt = Annotated[
    str | None,
    typer.Option("--lang", help="Language of messages: zh-TW or en (default: the plan's)."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object.")]


def read_actuals(path: Path, currency: str) -> Actuals:
    from pydantic import ValidationError

    from aibudget.domain.actuals import Actuals
    from aibudget.domain.errors import AibudgetError

    try:
        return Actuals.model_validate_json(path.read_bytes())
    except FileNotFoundError:
        return Actuals(currency=currency)
    except (OSError, ValidationError, ValueError):
        raise AibudgetError(N_("monitor.actuals_unreadable"), file=str(path)) from None


def write_atomic(path: Path, data: bytes) -> None:
    """Write a whole file or nothing (a temporary file renamed over the target)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent or Path("."), prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@actuals_app.command("import")
def import_cmd(
    plan_path: PlanArg,
    files: Annotated[list[Path], typer.Argument(help="Files to import.", show_default=False)],
    out: Annotated[
        Path | None,
        typer.Option(help="Actuals file to write (default: PLAN with .actuals.json)."),
    ] = None,
    tool: Annotated[
        str | None, typer.Option(help="Plan tool or ad channel of the ad spend.")
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", help="template, google_ads, meta_ads or ga4 (default: detect)."),
    ] = None,
    encoding: Annotated[str | None, typer.Option(help="Override the detected encoding.")] = None,
    mapping: Annotated[
        list[str] | None,
        typer.Option(
            "--map", help="Column of a field, e.g. --map amount=花費 (repeat; needs --format)."
        ),
    ] = None,
    replace: Annotated[
        bool, typer.Option(help="Replace earlier records of the same month and source.")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Preview only: check and show, write nothing.")
    ] = False,
    as_json: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """Preview files and write the actuals only when every row of every file is valid."""
    from rich.console import Console

    from aibudget.cli.print_monitor import print_preview
    from aibudget.imports import ImportOptions, confirm, preview_file
    from aibudget.imports.formats import FORMATS
    from aibudget.present.review_documents import (
        ConflictDocument,
        ImportDocument,
        preview_document,
    )
    from aibudget.service.import_routes import spend_target, spend_targets

    plan, t = load_with_translator(plan_path, lang)
    columns = dict(item.partition("=")[::2] for item in mapping or [])
    if fmt not in (None, *FORMATS) or any(not k or not v for k, v in columns.items()):
        detail = ", ".join(FORMATS) if fmt not in (None, *FORMATS) else "field=Header"
        option = "--format" if fmt not in (None, *FORMATS) else "--map"
        raise bad_option(t, option, detail)
    targets = spend_targets(plan)
    if tool is not None and tool not in dict(targets):
        names = ", ".join(f"{name} ({id_})" for id_, name in targets) or "—"
        unknown_tool_text = t("monitor.unknown_tool", tool=tool, tools=names)
        stderr().print(f"[red]{unknown_tool_text}[/red]")
        raise typer.Exit(code=2)
    options = ImportOptions(
        currency=plan.currency,
        format=fmt,
        encoding=encoding,
        mapping=columns or None,
        tool=spend_target(plan, tool or ""),
    )
    previews = [preview_file(path, options) for path in files]
    target = out or plan_path.with_suffix(".actuals.json")
    existing = read_actuals(target, plan.currency)
    merged, report, problems = confirm(existing, previews, replace)
    written = (
        not dry_run
        and not problems
        and all(p.ok for p in previews)
        and bool(report.added or report.replaced)
    )
    if written:
        write_atomic(target, merged.model_dump_json(indent=1).encode("utf-8"))
    ok = not problems and all(p.ok for p in previews)
    if as_json:
        document = ImportDocument(
            files=[preview_document(p, t) for p in previews],
            ok=ok,
            written=str(target) if written else None,
            added=report.added,
            already_present=report.already_present,
            replaced=report.replaced,
            conflicts=[
                ConflictDocument(
                    message_id=x.message_id, params=x.params, text=t(x.message_id, **x.params)
                )
                for x in problems
            ],
        )
        plain = document.model_dump()
        typer.echo(json.dumps(plain, ensure_ascii=False, indent=2, default=str))
    else:
        console = Console(highlight=False)
        for p in previews:
            print_preview(console, t, p, plan.currency)
        for x in problems:
            console.print(f"[red]{t(x.message_id, **x.params)}[/red]")
        if ok and dry_run:
            console.print(t("monitor.dry_run", added=report.added, present=report.already_present))
        elif ok:
            console.print(
                t(
                    "monitor.imported",
                    added=report.added,
                    present=report.already_present,
                    replaced=report.replaced,
                    file=str(target),
                )
            )
        else:
            nothing_written_text = t("monitor.nothing_written")
            console.print(f"[red]{nothing_written_text}[/red]")
    if not ok:
        raise typer.Exit(code=2)


@actuals_app.command("template")
def template_cmd(
    plan_path: PlanArg,
    month: Annotated[
        str | None, typer.Option(help="Month YYYY-MM (default: the plan's start).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="csv or xlsx.")] = "csv",
    out: Annotated[Path | None, typer.Option(help="File to write.")] = None,
    lang: LangOpt = None,
) -> None:
    """Write the actuals template for a month, one row per planned tool and budget line."""
    from aibudget.engine.flows import build_flows
    from aibudget.imports.template import template_csv, template_xlsx

    plan, t = load_with_translator(plan_path, lang)
    chosen = month_option(t, month) or plan.horizon.start
    if fmt not in ("csv", "xlsx"):
        raise bad_option(t, "--format", "csv, xlsx")
    m = plan.plan_month(chosen)
    prefill = [
        (entity.tool_id, line.line.value)
        for entity in build_flows(plan).entities
        for line in entity.costs
        if 0 <= m < len(line.amounts) and line.amounts[m] and line.line.value != "internal_time"
    ]
    prefill = list(dict.fromkeys(prefill))
    locale = t.locale.replace("_", "-")
    writer = template_xlsx if fmt == "xlsx" else template_csv
    data = writer(chosen, prefill, plan.currency, locale)
    target = out or Path(f"actuals-{chosen}.{fmt}")
    write_atomic(target, data)
    typer.echo(t("monitor.template_written", file=str(target), rows=len(prefill)))


def load_actuals(
    plan: Plan, files: list[Path], t: Translator, months: tuple[str, str] | None = None
) -> Actuals:
    """Actuals from normalised JSON files and/or importable files, merged (all valid).
    With ``months`` (first, last), template rows outside them are refused; a review
    takes every month, since a plan rebased by a reallocation starts after its history."""
    from aibudget.cli.print_monitor import print_preview
    from aibudget.domain.actuals import Actuals, merge
    from aibudget.domain.errors import AibudgetError
    from aibudget.imports import ImportOptions, preview_file

    actuals = Actuals(currency=plan.currency)
    options = ImportOptions(currency=plan.currency, tool=plan.single_ad_tool(), months=months)
    err = stderr()
    for path in files:
        if path.suffix.lower() == ".json":
            if not path.exists():
                raise AibudgetError(N_("plan.file_missing"), file=str(path))
            records = read_actuals(path, plan.currency).records
        else:
            p = preview_file(path, options)
            if not p.ok:
                print_preview(err, t, p, plan.currency)
                raise typer.Exit(code=2)
            records = p.records
        actuals, _, problems = merge(actuals, records)
        for x in problems:
            err.print(f"[red]{path.name}: {t(x.message_id, **x.params)}[/red]")
        if problems:
            raise typer.Exit(code=2)
    return actuals


def review_cmd(
    plan_path: PlanArg,
    actuals: Annotated[
        list[Path], typer.Option("--actuals", help="Actuals JSON or files to import (repeat).")
    ],
    as_of: Annotated[
        str | None, typer.Option(help="Review month YYYY-MM (default: latest).")
    ] = None,
    as_json: JsonOpt = False,
    lang: LangOpt = None,
    proposal_file: Annotated[
        Path | None,
        typer.Option(
            "--write-proposal",
            help="Write the proposed plan version (YAML) here; nothing is written when "
            "nothing changes.",
        ),
    ] = None,
) -> None:
    """Plan vs forecast vs actual, KPI attainment, advice per tool, milestones, and the
    reallocation proposal for the remaining months."""
    from rich.console import Console

    from aibudget.catalog import kpi_entries
    from aibudget.cli.print_monitor import render_review
    from aibudget.cli.print_reallocate import print_proposal
    from aibudget.cli.reallocate import write_proposal
    from aibudget.domain.errors import AibudgetError
    from aibudget.engine.review import review
    from aibudget.present.reallocate import proposal_document, proposes_change
    from aibudget.present.review_documents import review_document
    from aibudget.service.proposal import proposal_for

    plan, t = load_with_translator(plan_path, lang)
    month = month_option(t, as_of)
    try:
        result = review(plan, load_actuals(plan, actuals, t), month, kpi_entries())
    except AibudgetError as error:
        raise fail(t, error) from None
    proposal, note = proposal_for(plan, result, t)
    unchanged = proposal is not None and not proposes_change(proposal)
    if proposal_file is not None and not unchanged:
        write_proposal(proposal_file, proposal, note, t)
    if as_json:
        shown = None if proposal is None else proposal_document(proposal, t)
        doc = review_document(result, t, kpi_entries(), shown, note)
        print_json(doc)
        return
    console = Console(highlight=False)
    render_review(console, t, plan, result, None if proposal else note)
    if proposal is not None:
        print_proposal(console, t, proposal)
    if proposal_file is not None:
        done = N_("review.proposal_not_written") if unchanged else N_("reallocate.written")
        console.print(t(done, file=str(proposal_file)))


def register(app: typer.Typer) -> None:
    app.add_typer(actuals_app, name="actuals")
    app.command(name="review")(review_cmd)
