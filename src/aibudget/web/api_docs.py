"""The API's browsable documentation (Swagger UI) from files served by the app itself.

FastAPI's own page loads Swagger UI from a CDN and starts it with an inline script, both
of which the app's Content-Security-Policy refuses; this page loads the vendored files
(static/VENDORED.md) and starts them from ``static/api-docs.js``.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from aibudget.web.context import state

router = APIRouter(include_in_schema=False)


@router.get("/api/docs", response_class=HTMLResponse)
async def api_docs(request: Request) -> HTMLResponse:
    page = state(request).templates.get_template("api_docs.html").render()
    return HTMLResponse(page)
