"""Report downloads as HTTP answers (the file itself: :func:`aibudget.service.reports.build`)."""

from __future__ import annotations

from fastapi.responses import Response

from aibudget.reports import MEDIA_TYPES

REPORT_RESPONSES: dict[int | str, dict[str, object]] = {  # the API's 200 of a report
    200: {
        "content": {media: {} for media in MEDIA_TYPES.values()},
        "description": "The report file.",
    }
}


def download(content: bytes, fmt: str, plan_id: str, number: int) -> Response:
    filename = f"plan-{plan_id[:8]}-v{number}.{fmt}"
    return Response(
        content,
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
