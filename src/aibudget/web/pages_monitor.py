"""Monthly actuals of a plan: the entries of each month (each one corrected or, after a
confirmation, deleted: :mod:`aibudget.web.pages_actuals_edit`), the entry form, imports
with a preview, the template.

An import is previewed first (format, encoding, every bad row with its line and
reason); a file without problems is staged (:func:`aibudget.store.actuals.stage`) and
merged only when the user confirms, in one step. Nothing from a failed file is kept.
"""

from __future__ import annotations

import dataclasses
import hashlib
from decimal import Decimal
from typing import Annotated, Any, BinaryIO

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from aibudget.domain.actuals import (
    PLAN_LEVEL,
    ActualRecord,
    Actuals,
    SpendStatus,
    book_spend,
    merge,
    plan_months,
)
from aibudget.domain.months import parse_month
from aibudget.domain.plan import LineItem, Plan
from aibudget.domain.texts import N_
from aibudget.i18n import Translator
from aibudget.imports import ImportOptions, Preview, preview_stream
from aibudget.imports.formats import FORMATS
from aibudget.imports.template import template_csv
from aibudget.present.monitor import problem_text
from aibudget.present.review_documents import preview_document
from aibudget.service.actuals_words import tool_name
from aibudget.service.import_routes import (
    kpi_uses,
    spend_rows,
    spend_target,
    spend_targets,
    unbooked,
)
from aibudget.service.words import kpi_names
from aibudget.store import actuals, actuals_edit, plans, workspaces
from aibudget.store.records import PlanVersion, Role, Workspace
from aibudget.web import limits
from aibudget.web.actuals_edit import entries_by_month
from aibudget.web.builder_forms import TextForm
from aibudget.web.context import (
    CurrentUser,
    T,
    WebDep,
    check_csrf,
    optional_user,
    render,
    state,
)
from aibudget.web.monitor_forms import kpi_choices, read_entry

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
MAX_IMPORT_BYTES = 20 * 2**20
Text = Annotated[str, Form(max_length=100)]
DONE = ("corrected", "unchanged", "deleted")


def load_plan_actuals(
    web: WebDep, user_id: str, ws: str, plan_id: str, need: Role = Role.VIEWER
) -> tuple[Workspace, Any, PlanVersion, Actuals]:
    with web.db.session() as s:
        space = workspaces.require(s, user_id, ws, need)
        summary = plans.summary(s, user_id, ws, plan_id)
        version = plans.version(s, user_id, ws, plan_id)
        stored = actuals.get(s, user_id, ws, plan_id, version.plan.currency)
    return space, summary, version, stored


def month_rows(stored: Actuals) -> list[dict[str, Any]]:
    """Per month: spend (spent), committed, hours saved and how many records."""
    rows: dict[str, dict[str, Any]] = {}
    for r in stored.records:
        row = rows.setdefault(
            r.month,
            {"month": r.month, "spent": Decimal(0), "committed": Decimal(0), "hours": Decimal(0)}
            | {"records": 0},
        )
        row["records"] += 1
        if r.amount is not None and r.status is SpendStatus.SPENT:
            row["spent"] += r.amount
        elif r.amount is not None:
            row["committed"] += r.amount
        row["hours"] += r.hours_saved or 0
    return [rows[m] for m in sorted(rows)]


def imported_files(request: Request, ws: str, plan_id: str) -> dict[str, str]:
    user = optional_user(request)
    if user is None:
        return {}
    with state(request).db.session() as s:
        return actuals_edit.files(s, user.id, ws, plan_id)


def entry_choices(t: Translator, plan: Plan, keep: ActualRecord | None = None) -> dict[str, Any]:
    """The entry form's options (with the tool and KPI of a corrected entry, if other)."""
    names = kpi_names(t.locale)
    tools = [(PLAN_LEVEL, t("cli.plan_lines"))] + [(x.id, x.name) for x in plan.tools]
    kpis = [(k, names.get(k, k)) for k in kpi_choices(plan)]
    if keep is not None and keep.tool not in {x for x, _ in tools}:
        tools.append((keep.tool, tool_name(t, plan, keep.tool)))
    if keep is not None and keep.kpi and keep.kpi not in {x for x, _ in kpis}:
        kpis.append((keep.kpi, names.get(keep.kpi, keep.kpi)))
    lines, statuses = [x.value for x in LineItem], [x.value for x in SpendStatus]
    return {"tools": tools, "kpis": kpis, "lines": lines, "statuses": statuses}


def monitor_page(
    request: Request,
    t: Translator,
    space: Workspace,
    summary: Any,
    version: PlanVersion,
    stored: Actuals,
    status_code: int = 200,
    **extra: Any,
) -> Response:
    plan = version.plan
    files = imported_files(request, space.id, summary.id)
    entries = entries_by_month(t, plan, stored, files, kpi_names(t.locale))
    context: dict[str, Any] = {"values": {}, "problems": {}, "flash": None}
    context |= {"gone": None, "done_flash": None, "open_month": ""}
    return render(
        request,
        "monitor.html",
        status_code=status_code,
        space=space,
        summary=summary,
        version=version,
        plan=plan,
        months=month_rows(stored),
        entries=entries,
        formats=list(FORMATS),
        ad_tool=plan.single_ad_tool(),
        **entry_choices(t, plan),
        **(context | extra),
    )


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
    space, summary, version, stored = load_plan_actuals(web, user.id, ws, plan_id)
    flash = done_flash = None
    if added is not None:
        flash = t("monitor.web.saved", added=added, present=present, replaced=replaced)
    elif done in DONE:  # shown beside the entries, where the page opens after a change
        done_flash = t(f"monitor.web.{done}")
    return monitor_page(
        request, t, space, summary, version, stored, flash=flash, done_flash=done_flash,
        open_month=month,
    )  # fmt: skip


def _done(ws: str, plan_id: str, report: Any) -> Response:
    query = f"added={report.added}&present={report.already_present}&replaced={report.replaced}"
    return RedirectResponse(f"/w/{ws}/p/{plan_id}/actuals?{query}", status_code=303)


@router.post("/w/{ws}/p/{plan_id}/actuals")
def save_entry(
    request: Request, web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str,
    form: TextForm,
) -> Response:  # fmt: skip
    space, summary, version, stored = load_plan_actuals(web, user.id, ws, plan_id, Role.EDITOR)
    entry = read_entry(version.plan, form)
    replace = form.get("replace") == "1"
    if not entry.problems:
        with web.db.write() as s:
            _, report, conflicts = actuals.add(
                s, user.id, ws, plan_id, version.plan.currency, entry.records, replace
            )
        if not conflicts:
            return _done(ws, plan_id, report)
        entry.fail("status", N_("monitor.web.conflict"))
    problems = {k: t(mid, **params) for k, (mid, params) in entry.problems.items()}
    values = entry.values | {"replace": "1" if replace else ""}
    return monitor_page(
        request, t, space, summary, version, stored, 422, values=values, problems=problems
    )


def upload_digest(stream: BinaryIO) -> str:
    h = hashlib.sha256()
    for chunk in iter(lambda: stream.read(2**16), b""):
        h.update(chunk)
    stream.seek(0)
    return h.hexdigest()


def preview_upload(
    web: WebDep,
    user_id: str,
    ws: str,
    upload: UploadFile,
    plan: Plan,
    fmt: str,
    tool: str,
    columns: dict[str, str] | None = None,
) -> tuple[Preview, str | None, bool]:
    """The preview (ad spend not booked yet), where its spend goes (see
    :func:`aibudget.service.import_routes.spend_target`) and whether that was remembered.

    What the workspace remembers for the source (encoding, columns) is used when the
    source was chosen, with ``columns`` (field -> header) the user mapped just now on
    top; a file whose header no format knows is tried with each source's remembered
    columns. Where ad spend went last time is used for the source found too."""
    remembered = _remembered(web, user_id, ws, fmt) if fmt else None
    mapping = (remembered.mapping if remembered else {}) | (columns or {})
    options = ImportOptions(
        currency=plan.currency,
        format=fmt or None,
        encoding=remembered.encoding if remembered else None,
        mapping=mapping or None,
        months=plan_months(plan),
    )
    name = (upload.filename or "upload")[:300]
    preview = preview_stream(upload.file, name, options)
    if remembered and remembered.encoding and not preview.ok:  # a file saved another way
        upload.file.seek(0)
        preview = preview_stream(upload.file, name, dataclasses.replace(options, encoding=None))
    if not fmt and _header_unknown(preview):
        preview, remembered = _with_remembered_columns(web, user_id, ws, upload, options, preview)
    if remembered is None and preview.format:
        remembered = _remembered(web, user_id, ws, preview.format)
    earlier = remembered.spend_to if remembered else None
    target = spend_target(plan, tool, earlier)
    return preview, target, bool(earlier) and target == earlier and not tool


def _remembered(web: WebDep, user_id: str, ws: str, source: str) -> actuals.ImportSetting | None:
    with web.db.session() as s:
        return actuals.remembered(s, user_id, ws, source)


def _header_unknown(preview: Preview) -> bool:
    return [p.message_id for p in preview.problems] == [N_("import.header_not_found")]


def _with_remembered_columns(
    web: WebDep,
    user_id: str,
    ws: str,
    upload: UploadFile,
    options: ImportOptions,
    preview: Preview,
) -> tuple[Preview, actuals.ImportSetting | None]:
    """The first source whose remembered columns read the file (one try per format)."""
    for source in FORMATS:
        setting = _remembered(web, user_id, ws, source)
        if setting is None or not setting.mapping:
            continue
        upload.file.seek(0)
        tried = dataclasses.replace(options, format=source, mapping=setting.mapping)
        found = preview_stream(upload.file, preview.file, tried)
        if not _header_unknown(found):
            return found, setting
    return preview, None


def column_choices(t: Translator, preview: Preview, fmt: str) -> dict[str, Any]:
    """The column editor of a file whose header was not recognised: each field of the
    chosen format, in the vendor's words, with the file's columns to pick from."""
    if not _header_unknown(preview) or fmt not in FORMATS:
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
    space, summary, version, stored = load_plan_actuals(web, user.id, ws, plan_id, Role.EDITOR)
    plan = version.plan
    if upload is None or not upload.filename:
        problems = {"upload": t("monitor.web.no_file")}
        return monitor_page(request, t, space, summary, version, stored, 422, problems=problems)
    if (upload.size or 0) > MAX_IMPORT_BYTES:
        problems = {"upload": t("monitor.web.too_large", max_mb=MAX_IMPORT_BYTES // 2**20)}
        return monitor_page(request, t, space, summary, version, stored, 413, problems=problems)
    if fmt not in ("", *FORMATS) or (tool and tool not in dict(spend_targets(plan))):
        problems = {"upload": t("monitor.web.unknown_choice")}
        return monitor_page(request, t, space, summary, version, stored, 422, problems=problems)
    limits.costly(web.counters, web.settings, user.id, "imports")
    mapped = dict(c.partition("=")[::2] for c in columns or [] if "=" in c)
    if fmt not in FORMATS or any(k not in FORMATS[fmt].aliases or not v for k, v in mapped.items()):
        mapped = {}
    digest = upload_digest(upload.file)
    preview, target, remembered = preview_upload(web, user.id, ws, upload, plan, fmt, tool, mapped)
    doc = preview_document(preview, t).model_dump()
    staged = None
    would: Any = None
    if preview.ok:
        with web.db.write() as s:
            staged = actuals.stage(
                s, user.id, ws, plan_id, file_name=preview.file, file_digest=digest,
                source=preview.format or fmt or "import", summary=staged_summary(preview),
                records=preview.records,
            )  # fmt: skip
        _, would, _ = merge(stored, _booked(preview.records, target))
    return render(
        request,
        "monitor_preview.html",
        status_code=200 if preview.ok else 422,
        space=space,
        summary=summary,
        version=version,
        plan=plan,
        preview=preview,
        doc=doc,
        problems=[
            {"line": p.line, "text": problem_text(t, p, preview.file)} for p in preview.problems
        ],
        months=month_rows(Actuals(currency=plan.currency, records=preview.records)),
        staged=staged,
        would=would,
        conflicts=[],
        fmt=fmt,
        formats=list(FORMATS),
        mapped=mapped,
        **column_choices(t, preview, fmt),
        **where_it_goes(t, plan, preview.records, target, remembered),
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
    space, summary, version, stored = load_plan_actuals(web, user.id, ws, plan_id, Role.EDITOR)
    plan = version.plan
    with web.db.session() as s:
        staged = actuals.staged(s, user.id, ws, plan_id, import_id)
    target = spend_target(plan, to)
    _, would, _ = merge(stored, _booked(staged.records, target))
    return _staged_page(request, t, space, summary, version, staged, target, would)


def _staged_page(
    request: Request, t: Translator, space: Any, summary: Any, version: Any, staged: Any,
    target: str | None, would: Any, conflicts: list[str] | None = None,
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


def _booked(records: list[ActualRecord], target: str | None) -> list[ActualRecord]:
    return book_spend(records, target) if target else records


def staged_summary(preview: Preview) -> dict[str, Any]:
    return {
        "format": preview.format,
        "encoding": preview.encoding,
        "encoding_method": preview.encoding_method,
        "mapping": preview.mapping,
        "header_line": preview.header_line,
        "rows_used": preview.rows_used,
    }


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
    space, summary, version, _ = load_plan_actuals(web, user.id, ws, plan_id, Role.EDITOR)
    plan = version.plan
    target = spend_target(plan, spend_to)
    with web.db.write() as s:
        staged = actuals.staged(s, user.id, ws, plan_id, import_id)
        if unbooked(staged.records) and target is None:
            conflicts = [t("import.web.no_target")]
        else:
            _, report, problems = actuals.confirm(
                s, user.id, ws, plan_id, import_id, plan.currency, replace == "1", target
            )
            conflicts = [t("monitor.web.import_conflict", **c.params) for c in problems]
        if not conflicts:
            actuals.remember(
                s, user.id, ws, staged.source, dict(staged.summary.get("mapping") or {}),
                staged.summary.get("encoding"), target if unbooked(staged.records) else None,
            )  # fmt: skip
    if not conflicts:
        return _done(ws, plan_id, report)
    return _staged_page(request, t, space, summary, version, staged, target, None, conflicts)


@router.get("/w/{ws}/p/{plan_id}/actuals/template.csv")
def template_download(
    web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str, month: str = ""
) -> Response:
    _, _, version, _ = load_plan_actuals(web, user.id, ws, plan_id)
    try:
        chosen = parse_month(month) if month else version.plan.horizon.start
    except ValueError:
        chosen = version.plan.horizon.start
    locale = t.locale.replace("_", "-")
    data = template_csv(chosen, [], version.plan.currency, locale)
    headers = {"Content-Disposition": f'attachment; filename="actuals-{chosen}.csv"'}
    return Response(data, media_type="text/csv; charset=utf-8", headers=headers)
