"""Monthly actuals of a plan: the entries of each month (each one corrected or, after a
confirmation, deleted: :mod:`aibudget.web.pages_actuals_edit`), the entry form, imports
with a preview, the template.

An import is previewed first (format, encoding, every bad row with its line and
reason); a file without problems is staged and merged only when the user confirms, in
one step (:mod:`aibudget.service.actuals_import`, shared with the API). Nothing from a
failed file is kept.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from aibudget.domain.actuals import ActualRecord, Actuals, MergeReport
from aibudget.domain.months import parse_month
from aibudget.domain.plan import Plan
from aibudget.domain.texts import N_
from aibudget.i18n import Translator
from aibudget.imports import Preview
from aibudget.imports.formats import FORMATS
from aibudget.imports.template import template_csv
from aibudget.present.monitor import problem_text
from aibudget.present.review_documents import preview_document
from aibudget.service import actuals_import, limits
from aibudget.service.actuals_import import (
    TooLarge,
    UploadRefused,
    check_upload,
    header_unknown,
    preview_file,
)
from aibudget.service.import_routes import kpi_uses, spend_rows, spend_targets
from aibudget.service.monitor import add_entry, month_rows, plan_actuals
from aibudget.store.actuals import StagedImport
from aibudget.store.records import PlanSummary, PlanVersion, Role, Workspace
from aibudget.web.builder_forms import TextForm
from aibudget.web.context import CurrentUser, T, WebDep, check_csrf, render
from aibudget.web.monitor_views import monitor_page

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
Text = Annotated[str, Form(max_length=100)]
DONE = ("corrected", "unchanged", "deleted")


@router.get("/w/{ws}/p/{plan_id}/actuals")
def actuals_page(
    request: Request,
    web: WebDep,
    user: CurrentUser,
    t: T,
    ws: str,
    plan_id: str,
    added: int | None = None,
    present: int = 0,
    replaced: int = 0,
    done: str = "",
    month: str = "",
) -> Response:
    space, summary, version, stored = plan_actuals(web.db, user.id, ws, plan_id)
    flash = done_flash = None
    if added is not None:
        flash = t("monitor.web.saved", added=added, present=present, replaced=replaced)
    elif done in DONE:  # shown beside the entries, where the page opens after a change
        done_flash = t(f"monitor.web.{done}")
    return monitor_page(
        request, t, space, summary, version, stored, flash=flash, done_flash=done_flash,
        open_month=month,
    )  # fmt: skip


def _done(ws: str, plan_id: str, report: MergeReport) -> Response:
    query = f"added={report.added}&present={report.already_present}&replaced={report.replaced}"
    return RedirectResponse(f"/w/{ws}/p/{plan_id}/actuals?{query}", status_code=303)


@router.post("/w/{ws}/p/{plan_id}/actuals")
def save_entry(
    request: Request, web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str,
    form: TextForm,
) -> Response:  # fmt: skip
    space, summary, version, stored = plan_actuals(web.db, user.id, ws, plan_id, Role.EDITOR)
    replace = form.get("replace") == "1"
    entry, merged = add_entry(web.db, user.id, ws, plan_id, version.plan, form, replace)
    if merged is not None and not merged.conflicts:
        return _done(ws, plan_id, merged.report)
    if merged is not None:
        entry.fail("status", N_("monitor.web.conflict"))
    problems = {k: t(mid, **params) for k, (mid, params) in entry.problems.items()}
    values = entry.values | {"replace": "1" if replace else ""}
    return monitor_page(
        request, t, space, summary, version, stored, 422, values=values, problems=problems
    )


def column_choices(t: Translator, preview: Preview, fmt: str) -> dict[str, Any]:
    """The column editor of a file whose header was not recognised: each field of the
    chosen format, in the vendor's words, with the file's columns to pick from."""
    if not header_unknown(preview) or fmt not in FORMATS:
        return {"map_fields": [], "map_columns": []}
    chinese = t.locale == "zh_TW"
    fields = []
    for name, aliases in FORMATS[fmt].aliases.items():
        words = [a for a in aliases if not a.isascii()] if chinese else list(aliases)
        fields.append((name, (words or list(aliases))[0], name in FORMATS[fmt].required))
    return {"map_fields": fields, "map_columns": preview.unknown_columns}


def where_it_goes(
    t: Translator, plan: Plan, records: list[ActualRecord], target: str | None, remembered: bool
) -> dict[str, Any]:
    """The preview's part on where ad spend and KPI figures go in the plan."""
    return {
        "spend": spend_rows(t, plan, records, target),
        "targets": spend_targets(plan),
        "target": target,
        "target_remembered": remembered,
        "kpi_uses": kpi_uses(t, plan, records),
    }


@router.post("/w/{ws}/p/{plan_id}/actuals/preview")
def preview_import(
    request: Request,
    web: WebDep,
    user: CurrentUser,
    t: T,
    ws: str,
    plan_id: str,
    upload: Annotated[UploadFile | None, File()] = None,
    fmt: Annotated[str, Form(alias="format", max_length=20)] = "",
    tool: Text = "",
    columns: Annotated[list[str] | None, Form(max_length=300)] = None,
) -> Response:
    space, summary, version, stored = plan_actuals(web.db, user.id, ws, plan_id, Role.EDITOR)
    plan = version.plan
    try:
        sent = check_upload(plan, upload, fmt, tool)
    except (UploadRefused, TooLarge) as refused:
        problems = {"upload": t(refused.message_id, **refused.params)}
        status = refused.http_status
        return monitor_page(request, t, space, summary, version, stored, status, problems=problems)
    limits.costly(web.counters, web.settings, user.id, "imports")
    mapped = dict(c.partition("=")[::2] for c in columns or [] if "=" in c)
    if fmt not in FORMATS or any(k not in FORMATS[fmt].aliases or not v for k, v in mapped.items()):
        mapped = {}
    read = preview_file(web.db, user.id, ws, plan, sent, fmt, tool, mapped)
    preview = read.preview
    staging = (
        actuals_import.stage(web.db, user.id, ws, plan_id, stored, read) if preview.ok else None
    )
    return render(
        request,
        "monitor_preview.html",
        status_code=200 if preview.ok else 422,
        space=space,
        summary=summary,
        version=version,
        plan=plan,
        preview=preview,
        doc=preview_document(preview, t).model_dump(),
        problems=[
            {"line": p.line, "text": problem_text(t, p, preview.file)} for p in preview.problems
        ],
        months=month_rows(Actuals(currency=plan.currency, records=preview.records)),
        staged=staging.staged if staging else None,
        would=staging.would if staging else None,
        conflicts=[],
        fmt=fmt,
        formats=list(FORMATS),
        mapped=mapped,
        **column_choices(t, preview, fmt),
        **where_it_goes(t, plan, preview.records, read.target, read.remembered),
    )


@router.get("/w/{ws}/p/{plan_id}/actuals/imports/{import_id}")
def staged_preview(
    request: Request,
    web: WebDep,
    user: CurrentUser,
    t: T,
    ws: str,
    plan_id: str,
    import_id: str,
    to: str = "",
) -> Response:
    """A staged import again, its ad spend going to ``to`` (one of the plan's targets)."""
    space, summary, version, stored = plan_actuals(web.db, user.id, ws, plan_id, Role.EDITOR)
    staging = actuals_import.staged_to(
        web.db, user.id, ws, plan_id, version.plan, stored, import_id, to
    )
    staged, target, would = staging
    return _staged_page(request, t, space, summary, version, staged, target, would)


def _staged_page(
    request: Request, t: Translator, space: Workspace, summary: PlanSummary,
    version: PlanVersion, staged: StagedImport, target: str | None, would: MergeReport | None,
    conflicts: list[str] | None = None,
) -> Response:  # fmt: skip
    """A staged import shown again: where its rows go, what it would add, any conflicts."""
    plan = version.plan
    return render(
        request,
        "monitor_preview.html",
        status_code=409 if conflicts else 200,
        space=space,
        summary=summary,
        version=version,
        plan=plan,
        preview=None,
        doc=staged.summary | {"file": staged.file_name},
        problems=[],
        months=month_rows(Actuals(currency=plan.currency, records=staged.records)),
        staged=staged,
        would=would,
        conflicts=conflicts or [],
        **where_it_goes(t, plan, staged.records, target, False),
    )


@router.post("/w/{ws}/p/{plan_id}/actuals/confirm")
def confirm_import(
    request: Request,
    web: WebDep,
    user: CurrentUser,
    t: T,
    ws: str,
    plan_id: str,
    import_id: Annotated[str, Form(max_length=40)],
    replace: Annotated[str, Form(max_length=2)] = "",
    spend_to: Text = "",
) -> Response:
    space, summary, version, _ = plan_actuals(web.db, user.id, ws, plan_id, Role.EDITOR)
    done = actuals_import.confirm(
        web.db, user.id, ws, plan_id, version.plan, import_id, replace == "1", spend_to
    )
    if done.merged is None:
        conflicts = [t("import.web.no_target")]
    elif done.merged.conflicts:
        conflicts = [t("monitor.web.import_conflict", **c.params) for c in done.merged.conflicts]
    else:
        return _done(ws, plan_id, done.merged.report)
    return _staged_page(
        request, t, space, summary, version, done.staged, done.target, None, conflicts
    )


@router.get("/w/{ws}/p/{plan_id}/actuals/template.csv")
def template_download(
    web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str, month: str = ""
) -> Response:
    _, _, version, _ = plan_actuals(web.db, user.id, ws, plan_id)
    try:
        chosen = parse_month(month) if month else version.plan.horizon.start
    except ValueError:
        chosen = version.plan.horizon.start
    locale = t.locale.replace("_", "-")
    data = template_csv(chosen, [], version.plan.currency, locale)
    headers = {"Content-Disposition": f'attachment; filename="actuals-{chosen}.csv"'}
    return Response(data, media_type="text/csv; charset=utf-8", headers=headers)
