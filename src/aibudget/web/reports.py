"""Reports (PDF, XLSX) of a stored version: bounded like evaluate, rate-limited per user,
cached by what makes them (the version's context: id, status, the catalog the plan sees,
actuals, language; and the format, date, worries and learning log)."""

from __future__ import annotations

from datetime import date

from fastapi.responses import Response

from aibudget.domain.actuals import Actuals
from aibudget.domain.errors import AibudgetError
from aibudget.domain.practice import LearningEntry
from aibudget.domain.texts import N_
from aibudget.i18n import Translator
from aibudget.reports import FORMATS, MEDIA_TYPES, ReportMeta, gather, render
from aibudget.service.catalogs import CatalogView
from aibudget.service.context import VersionContext
from aibudget.store.records import PlanVersion
from aibudget.web.allocation import time_cap
from aibudget.web.evaluation import bounded_trials, costly_run
from aibudget.web.state import WebState

REPORT_RESPONSES: dict[int | str, dict[str, object]] = {  # the API's 200 of a report
    200: {
        "content": {media: {} for media in MEDIA_TYPES.values()},
        "description": "The report file.",
    }
}


class UnknownFormat(AibudgetError):
    message_id = N_("cli.bad_option")
    http_status = 404


def build(
    web: WebState,
    user_id: str,
    version: PlanVersion,
    fmt: str,
    t: Translator,
    actuals: Actuals | None,
    catalog: CatalogView,
    worries: tuple[str, ...] = (),
    learning: tuple[LearningEntry, ...] = (),
) -> bytes:
    """The report's bytes; the same inputs on the same day give the cached file."""
    if fmt not in FORMATS:
        raise UnknownFormat(option="format", detail=", ".join(FORMATS))
    recorded = actuals if actuals is not None and actuals.records else None
    today = date.today()
    meta = ReportMeta(
        generated=today,
        version=f"v{version.number}",
        state=version.status.value,
        note=version.note,
    )

    def make() -> bytes:
        check_time = costly_run(web, user_id)
        data = gather(
            version.plan,
            meta,
            actuals=recorded,
            trials=bounded_trials(web, None, version),
            optimiser_seconds=time_cap(web),
            progress=check_time,
            catalog=catalog.entries,
            worries=worries,
            learning=learning,
        )
        return render(data, fmt, t)

    made_of = VersionContext.of(version, catalog=catalog, actuals=recorded, locale=t.locale,
                                with_actuals=True)  # fmt: skip
    key = made_of.key("report", fmt, today, worries, learning)
    return web.reports.get_or_make(key, make)


def download(content: bytes, fmt: str, plan_id: str, number: int) -> Response:
    filename = f"plan-{plan_id[:8]}-v{number}.{fmt}"
    return Response(
        content,
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
