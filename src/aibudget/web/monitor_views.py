"""What the actuals page and a single entry's page show: the entries month by month in
the owner's words, the entry form's choices, and the actuals page itself (also the
answer when an entry was changed meanwhile)."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import Response

from aibudget.catalog import kpi_entries
from aibudget.domain.actuals import PLAN_LEVEL, ActualRecord, Actuals, SpendStatus
from aibudget.domain.plan import LineItem, Plan
from aibudget.i18n import Translator
from aibudget.imports.formats import FORMATS
from aibudget.present.evaluation import kpi_name
from aibudget.present.review_kpis import kpi_value_text
from aibudget.service.actuals_edit import imported_files
from aibudget.service.actuals_entry import kpi_choices
from aibudget.service.actuals_words import source_words, tool_name
from aibudget.service.monitor import month_rows
from aibudget.store.records import PlanSummary, PlanVersion, Workspace
from aibudget.web.context import optional_user, render, state


def files_of(request: Request, ws: str, plan_id: str) -> dict[str, str]:
    """The file each imported entry came from, as the signed-in user may see it."""
    user = optional_user(request)
    if user is None:
        return {}
    return imported_files(state(request).db, user.id, ws, plan_id)


def entry_view(
    t: Translator, plan: Plan, record: ActualRecord, files: dict[str, str]
) -> dict[str, Any]:
    """What the page shows of one entry, in the owner's words."""
    return {
        "fingerprint": record.fingerprint,
        "month": record.month,
        "tool": tool_name(t, plan, record.tool),
        "line": t(f"monitor.line.{record.line.value}") if record.line else "",
        "status": t(f"monitor.web.status_{record.status.value}"),
        "amount": record.amount,
        "hours": record.hours_saved,
        "seats": record.seats,
        "users": record.active_users,
        "benefit": record.benefit,
        "kpi": kpi_name(t, record.kpi, kpi_entries()) if record.kpi else "",
        "kpi_text": (
            kpi_value_text(t, record.kpi, record.kpi_value, plan.currency, kpi_entries())
            if record.kpi and record.kpi_value is not None
            else None
        ),
        "feedback": record.feedback,
        "note": record.note or "",
        "label": record.label or "",
        "source": source_words(t, record, files),
    }


def entries_by_month(
    t: Translator, plan: Plan, stored: Actuals, files: dict[str, str]
) -> list[tuple[str, list[dict[str, Any]]]]:
    """Every entry, month by month (newest month first), in the order they were saved."""
    months: dict[str, list[dict[str, Any]]] = {}
    for record in stored.records:
        months.setdefault(record.month, []).append(entry_view(t, plan, record, files))
    return [(month, months[month]) for month in sorted(months, reverse=True)]


def entry_choices(t: Translator, plan: Plan, keep: ActualRecord | None = None) -> dict[str, Any]:
    """The entry form's options (with the tool and KPI of a corrected entry, if other)."""
    tools = [(PLAN_LEVEL, t("cli.plan_lines"))] + [(x.id, x.name) for x in plan.tools]
    kpis = [(k, kpi_name(t, k, kpi_entries())) for k in kpi_choices(plan)]
    if keep is not None and keep.tool not in {x for x, _ in tools}:
        tools.append((keep.tool, tool_name(t, plan, keep.tool)))
    if keep is not None and keep.kpi and keep.kpi not in {x for x, _ in kpis}:
        kpis.append((keep.kpi, kpi_name(t, keep.kpi, kpi_entries())))
    lines, statuses = [x.value for x in LineItem], [x.value for x in SpendStatus]
    return {"tools": tools, "kpis": kpis, "lines": lines, "statuses": statuses}


def monitor_page(
    request: Request,
    t: Translator,
    space: Workspace,
    summary: PlanSummary,
    version: PlanVersion,
    stored: Actuals,
    status_code: int = 200,
    **extra: Any,
) -> Response:
    plan = version.plan
    files = files_of(request, space.id, summary.id)
    entries = entries_by_month(t, plan, stored, files)
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
