"""The JSON API of the plan builder: a plan from the short form, and one part of a plan
(the business, the budget rules, a goal, member, tool or benefit estimate) read and
changed field by field, with the checks and messages of the web forms
(:mod:`aibudget.service.plan_edit`)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from pydantic import Field

from aibudget.domain.errors import PlanError, Problem
from aibudget.service import access, new_plan, plan_edit, plan_parts, versions
from aibudget.service.plan_edit import Value
from aibudget.service.plan_parts import EditError, Target, fields_for
from aibudget.store import plans, workspaces
from aibudget.store.errors import NotFound, StaleVersion
from aibudget.store.records import Role
from aibudget.web.api import ERRORS, PLAN, WS, ApiUser
from aibudget.web.api_schemas import Body, FieldsOut, PartOut, VersionOut
from aibudget.web.context import ReadSession, WebDep, translator
from aibudget.web.json_bodies import JsonInThreadRoute

router = APIRouter(prefix="/api/v1", tags=["v1"], responses=ERRORS, route_class=JsonInThreadRoute)
Scalar = str | int | float | bool | None
# Every section and part the web forms edit (the new plan's form has its own route).
SECTIONS = tuple(s for s in (*plan_parts.SECTIONS, *plan_parts.PARTS) if s != "start")


class PartIn(Body):
    values: dict[str, Scalar | list[str]] = Field(
        description="Field name -> value, as the part's GET lists them; only these change."
    )


class PlanStartIn(Body):
    values: dict[str, Scalar] = Field(description="The short form's fields (GET .../new-plan).")


def _text(value: Scalar | list[str]) -> Value:
    if isinstance(value, list):
        return [str(v) for v in value]
    if isinstance(value, bool):
        return "on" if value else ""
    return "" if value is None else str(value)


def _target(section: str, item: str | None = None, index: int | None = None) -> Target:
    if section not in SECTIONS:
        raise NotFound()
    return Target(section, item, index)


def _problems(edited: plan_edit.Edited) -> list[Problem]:
    return [*edited.problems.values(), *edited.other]


def _describe(request: Request, document: dict[str, Any], target: Target) -> dict[str, Any]:
    t = translator(request)
    try:
        fields = fields_for(document, target)
        shown = plan_edit.values(document, target) if target.section != "start" else {}
    except EditError:
        raise NotFound() from None
    return {
        "fields": [
            {
                "name": f.name,
                "kind": f.kind.value,
                "label": plan_edit.label(t, f),
                "help": t(f.help) if f.help else "",
                "required": f.required,
                "choices": list(f.choices),
                "value": shown.get(f.name, ""),
            }
            for f in fields
        ]
    }


def _if_match(request: Request) -> int | None:
    """The version an edit was made on: the part's ETag sent back as If-Match."""
    raw = request.headers.get("if-match", "").removeprefix("W/").strip().strip('"')
    return int(raw) if raw.isdigit() else None


def _described(
    request: Request, response: Response, web: WebDep, user_id: str, ws: str, plan_id: str,
    target: Target,
) -> Any:  # fmt: skip
    newest = versions.newest_to_edit(web.db, user_id, ws, plan_id)
    document, number = dict(newest.document), newest.number
    response.headers["ETag"] = f'"{number}"'
    return _describe(request, document, target) | {"version": number}


def _change(
    request: Request, web: WebDep, user_id: str, ws: str, plan_id: str, target: Target,
    body: PartIn,
) -> Any:  # fmt: skip
    newest = versions.newest_to_edit(web.db, user_id, ws, plan_id)
    document = dict(newest.document)
    base = _if_match(request)
    if base is not None and base != newest.number:
        raise StaleVersion(base=base, newest=newest.number)
    try:
        edited = plan_edit.apply(document, target, {k: _text(v) for k, v in body.values.items()})
    except EditError:
        raise NotFound() from None
    if not edited.ok or edited.plan is None:
        raise PlanError(_problems(edited))
    if not (edited.changes or edited.rates_added):
        return newest
    t = translator(request)
    note = plan_edit.note(t, document, target, edited.changes, edited.rates_added)
    with web.db.write() as s:
        return plans.save(s, user_id, ws, plan_id, edited.plan, note, base=base)


@router.get(WS + "/new-plan", response_model=FieldsOut)
def start_fields(request: Request, s: ReadSession, user: ApiUser, workspace_id: str) -> Any:
    """The short form of a new plan: each field's name, kind, label and help."""
    workspaces.require(s, user.id, workspace_id, Role.EDITOR)
    return _describe(request, {}, Target("start"))


@router.post(WS + "/new-plan", response_model=VersionOut, status_code=201)
def start_plan(
    request: Request, web: WebDep, user: ApiUser, workspace_id: str, body: PlanStartIn
) -> Any:
    """A new plan from the short form (the same defaults and checks as the web page)."""
    access.workspace(web.db, user.id, workspace_id, Role.EDITOR)
    t = translator(request)
    form = {k: _text(v) for k, v in body.values.items()}
    edited = new_plan.build(form, owner_name=user.name, t=t)
    if not edited.ok or edited.plan is None:
        raise PlanError(_problems(edited))
    with web.db.write() as s:
        name = edited.plan.company.name
        return plans.create(s, user.id, workspace_id, name, edited.plan, t("builder.note_new"))


@router.get(PLAN + "/parts/{section}", response_model=PartOut)
def get_part(
    request: Request,
    response: Response,
    web: WebDep,
    user: ApiUser,
    workspace_id: str,
    plan_id: str,
    section: str,
) -> Any:
    """The fields of the business (``business``) or the budget rules (``budget``)."""
    return _described(request, response, web, user.id, workspace_id, plan_id, _target(section))


@router.patch(PLAN + "/parts/{section}", response_model=VersionOut)
def change_part(
    request: Request, web: WebDep, user: ApiUser, workspace_id: str, plan_id: str,
    section: str, body: PartIn,
) -> Any:  # fmt: skip
    """Change some fields; a new version with a note in words (the newest version when
    nothing changed). 422 names each bad field."""
    return _change(request, web, user.id, workspace_id, plan_id, _target(section), body)


@router.get(PLAN + "/parts/{section}/{item}", response_model=PartOut)
def get_item(
    request: Request, response: Response, web: WebDep, user: ApiUser, workspace_id: str,
    plan_id: str, section: str, item: str,
) -> Any:  # fmt: skip
    """The fields of one goal, team member or tool (``goals``, ``team``, ``tools``)."""
    return _described(
        request, response, web, user.id, workspace_id, plan_id, _target(section, item)
    )


@router.patch(PLAN + "/parts/{section}/{item}", response_model=VersionOut)
def change_item(
    request: Request, web: WebDep, user: ApiUser, workspace_id: str, plan_id: str,
    section: str, item: str, body: PartIn,
) -> Any:  # fmt: skip
    """Change some fields of one goal, team member or tool."""
    return _change(request, web, user.id, workspace_id, plan_id, _target(section, item), body)


@router.get(PLAN + "/parts/benefits/{item}/{index}", response_model=PartOut)
def get_benefit(
    request: Request, response: Response, web: WebDep, user: ApiUser, workspace_id: str,
    plan_id: str, item: str, index: int,
) -> Any:  # fmt: skip
    """The fields of benefit estimate ``index`` (from 0) of tool ``item``."""
    return _described(
        request, response, web, user.id, workspace_id, plan_id, _target("benefits", item, index)
    )


@router.patch(PLAN + "/parts/benefits/{item}/{index}", response_model=VersionOut)
def change_benefit(
    request: Request, web: WebDep, user: ApiUser, workspace_id: str, plan_id: str,
    item: str, index: int, body: PartIn,
) -> Any:  # fmt: skip
    """Change some fields of a benefit estimate."""
    target = _target("benefits", item, index)
    return _change(request, web, user.id, workspace_id, plan_id, target, body)
