"""Reports (PDF, XLSX) of a stored version: bounded like evaluate, rate-limited per user,
cached by what makes them (version id, format, language, actuals, date)."""

from __future__ import annotations

import time
from datetime import date
from decimal import Decimal

from fastapi.responses import Response

from aibudget.domain.actuals import Actuals, content_digest
from aibudget.domain.errors import AibudgetError
from aibudget.i18n import Translator
from aibudget.reports import FORMATS, MEDIA_TYPES, ReportMeta, gather, render
from aibudget.store.records import PlanVersion
from aibudget.web.errors import TooMany
from aibudget.web.evaluation import MIN_TRIALS, TooSlow
from aibudget.web.state import WebState


class UnknownFormat(AibudgetError):
    message_id = "cli.bad_option"
    http_status = 404


def build(
    web: WebState,
    user_id: str,
    version: PlanVersion,
    fmt: str,
    t: Translator,
    actuals: Actuals | None,
) -> bytes:
    """The report's bytes; the same inputs on the same day give the cached file."""
    if fmt not in FORMATS:
        raise UnknownFormat(option="format", detail=", ".join(FORMATS))
    recorded = actuals if actuals is not None and actuals.records else None
    digest = content_digest(r.fingerprint for r in recorded.records) if recorded else ""
    today = date.today()
    key = ("report", version.id, fmt, t.locale, digest, today)
    found = web.cached(key)
    if found is not None:
        return found  # type: ignore[no-any-return]
    if not web.evaluate_limiter.hit(f"user:{user_id}"):
        raise TooMany(minutes=1)
    deadline = time.monotonic() + web.settings.evaluate_seconds

    def check_time(_done: int, _total: int) -> None:
        if time.monotonic() > deadline:
            raise TooSlow(seconds=web.settings.evaluate_seconds)

    plan = version.plan
    trials = max(MIN_TRIALS, min(plan.simulation.trials, web.settings.max_trials))
    meta = ReportMeta(
        generated=today,
        version=f"v{version.number}",
        state=version.status.value,
        note=version.note,
    )
    data = gather(
        plan,
        meta,
        actuals=recorded,
        trials=trials,
        optimiser_seconds=Decimal(str(web.settings.evaluate_seconds)),
        progress=check_time,
    )
    content = render(data, fmt, t)
    web.remember(key, content)
    return content


def download(content: bytes, fmt: str, plan_id: str, number: int) -> Response:
    filename = f"plan-{plan_id[:8]}-v{number}.{fmt}"
    return Response(
        content,
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
