"""A workspace's own catalog entries, edited as YAML (the plan file's ``catalog:`` format)."""

from __future__ import annotations

from typing import Annotated, Any

import yaml
from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from aibudget.catalog import catalog_for
from aibudget.domain.errors import PlanError, Problem
from aibudget.domain.texts import N_
from aibudget.planfile import MAX_PLAN_BYTES, read_yaml
from aibudget.service import access
from aibudget.store import catalogs, workspaces
from aibudget.store.records import Role
from aibudget.web.context import CurrentUser, ReadSession, T, WebDep, check_csrf, render
from aibudget.web.errors import field_list

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)


def parse_entries(text: str) -> list[dict[str, Any]]:
    """Entries from YAML text; PlanError with every problem (paths ``catalog[i]...``)."""
    data, _lines = read_yaml(text) if text.strip() else (None, {})
    if data is None:
        return []
    if isinstance(data, dict) and "catalog" in data:
        data = data["catalog"]
    if not isinstance(data, list) or not all(isinstance(e, dict) for e in data):
        raise PlanError([Problem(("catalog",), N_("web.catalog_not_list"))])
    _catalog, problems = catalog_for(data)
    if problems:
        raise PlanError(problems)
    return data


def as_yaml(entries: list[dict[str, Any]]) -> str:
    return yaml.safe_dump(entries, allow_unicode=True, sort_keys=False) if entries else ""


@router.get("/w/{ws}/catalog")
def catalog_entries_page(request: Request, s: ReadSession, user: CurrentUser, ws: str) -> Response:
    space = workspaces.require(s, user.id, ws)
    found = catalogs.get(s, user.id, ws)
    return render(
        request, "catalog_entries.html", space=space, text=as_yaml(found.entries), problems=[]
    )


@router.post("/w/{ws}/catalog")
def catalog_entries_save(
    request: Request,
    web: WebDep,
    user: CurrentUser,
    t: T,
    ws: str,
    entries: Annotated[str, Form(max_length=MAX_PLAN_BYTES)] = "",
) -> Response:
    space = access.workspace(web.db, user.id, ws, Role.EDITOR)
    try:
        parsed = parse_entries(entries)
    except PlanError as err:
        problems = field_list(t, err.problems)
        return render(
            request, "catalog_entries.html", 422, space=space, text=entries, problems=problems
        )
    with web.db.write() as s:
        catalogs.put(s, user.id, ws, parsed)
    return RedirectResponse(f"/w/{ws}/catalog", status_code=303)
