"""The owner's words for background work: alerts, check times in the workspace time
zone, failures. One place, used by the plan page, the overview and the API."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from babel.dates import format_datetime, get_timezone, get_timezone_location

from aibudget.domain.checks import Alert, AlertKind, CheckResult
from aibudget.i18n import Translator
from aibudget.store.checks import LastCheck, WorkspaceState


def alert_text(t: Translator, alert: Alert, currency: str) -> str:
    p = alert.params
    if alert.kind is AlertKind.BELOW_PLAN:
        return t("jobs.alert.below_plan", tool=alert.tool, share=t.percent(Decimal(p["share"]), 0))
    if alert.kind is AlertKind.OVER_PLAN:
        return t(
            "jobs.alert.over_plan",
            tool=alert.tool,
            spent=t.money(Decimal(p["spent"]), currency),
            planned=t.money(Decimal(p["planned"]), currency),
        )
    if alert.kind is AlertKind.REVIEW_DUE:
        return t("jobs.alert.review_due", months=p["months"])
    return t("jobs.alert.price_stale", tool=alert.tool, as_of=p["as_of"], months=p["months"])


def alert_texts(t: Translator, result: CheckResult) -> list[str]:
    return [alert_text(t, a, result.currency) for a in result.alerts]


def moment(t: Translator, at: datetime, zone: str) -> str:
    return format_datetime(at, "medium", tzinfo=_zone(zone), locale=t.locale)


def _zone(zone: str) -> Any:
    return get_timezone(zone)


def checked_text(t: Translator, last: LastCheck, zone: str) -> str:
    return t(
        "jobs.check.last",
        when=moment(t, last.checked_at, zone),
        zone=get_timezone_location(_zone(zone), locale=t.locale),
        number=last.number,
    )


def figures_text(t: Translator, result: CheckResult) -> str:
    roi = t.percent(result.roi, 0) if result.roi is not None else "—"
    return t("jobs.check.figures", npv=t.money(result.npv, result.currency), roi=roi)


def overview_rows(t: Translator, zone: str, states: list[WorkspaceState]) -> list[Any]:
    """The overview in words (for the page and the API alike)."""
    return [
        {
            "workspace_id": w.workspace.id,
            "workspace": w.workspace.name,
            "plans": [
                {
                    "plan_id": p.plan_id,
                    "name": p.name,
                    "version": p.number,
                    "checked_at": p.last.checked_at if p.last else None,
                    "last_check": checked_text(t, p.last, zone) if p.last else None,
                    "figures": figures_text(t, p.last.result) if p.last else None,
                    "alerts": alert_texts(t, p.last.result) if p.last else [],
                    "failure": t(p.failed) if p.failed else None,
                }
                for p in w.plans
            ],
        }
        for w in states
    ]
