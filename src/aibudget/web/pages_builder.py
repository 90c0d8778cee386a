"""The owner edits every part of a plan in place: the business, the budget rules, each
goal, member, tool and benefit estimate, price schedules, plan-level lines and ad
channels. Each save is a new version with a note in words; the checks and messages are
:mod:`aibudget.service.plan_edit`'s, shared with the JSON API.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from aibudget.domain.errors import Problem
from aibudget.domain.texts import N_
from aibudget.i18n import Translator
from aibudget.service import plan_edit, versions
from aibudget.service.fields import BENEFITS, Kind
from aibudget.service.plan_edit import Value
from aibudget.service.plan_parts import (
    PARTS,
    SECTIONS,
    EditError,
    Target,
    add_part,
    fields_for,
    get,
    item_of,
    remove_part,
)
from aibudget.store import plans
from aibudget.store.errors import NotFound, StaleVersion
from aibudget.store.records import Role, User
from aibudget.web.builder_forms import PostedForm, grouped, shown_fields
from aibudget.web.context import CurrentUser, T, WebDep, check_csrf, render
from aibudget.web.errors import problem_text

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)


def _latest(web: WebDep, user: User, ws: str, plan_id: str) -> tuple[Any, Any, dict[str, Any]]:
    space, summary, latest = versions.shown(web.db, user.id, ws, plan_id, need=Role.EDITOR)
    return space, summary, dict(latest.document)


def _target(section: str, item: str | None = None, index: int | None = None) -> Target:
    """The target of an address: /edit/budget, /edit/tools/<id>, /edit/lines/<n>,
    /edit/benefits/<tool id>/<n>."""
    if section in SECTIONS and section != "start" and item is None:
        return Target(section)
    part = PARTS.get(section)
    if part is None or item is None or (index is None) != (not part.of_tool):
        raise NotFound()
    if not part.by_id and not part.of_tool:  # a plan-level line: /edit/lines/<n>
        if not item.isdigit():
            raise NotFound()
        return Target(section, None, int(item))
    return Target(section, item, index)


def _edit_page(
    request: Request, t: Translator, space: Any, summary: Any, document: dict[str, Any],
    target: Target, values: dict[str, Value], problems: dict[str, Problem],
    other: list[Problem], status_code: int = 200, stale: list[str] | None = None,
) -> Response:  # fmt: skip
    try:
        fields = fields_for(document, target)
        item = item_of(document, target) if target.section not in SECTIONS else None
    except EditError:
        raise NotFound() from None
    tool = item if target.section == "tools" else None
    plan_url = f"/w/{space.id}/p/{summary.id}"
    return render(
        request,
        "edit_item.html",
        status_code,
        space=space,
        summary=summary,
        title=plan_edit.part_name(t, document, target),
        target=target,
        action=_address(space.id, summary.id, target),
        groups=grouped(shown_fields(t, fields, values, problems, document, tool)),
        other=[problem_text(t, p) for p in other],
        lists=_lists(t, document, target, plan_url),
        back=_back(plan_url, target),
        base=summary.latest_number,
        stale=stale or [],
    )


def _address(ws: str, plan_id: str, target: Target) -> str:
    base = f"/w/{ws}/p/{plan_id}/edit/{target.section}"
    if target.item is not None:
        base += f"/{target.item}"
    if target.index is not None:
        base += f"/{target.index}"
    return base


def _rows(items: Any, section: str, edit: str, remove: str, name: Any) -> list[dict[str, Any]]:
    return [
        {"text": name(x), "edit": f"{edit}/{key}", "remove": f"{remove}/{key}/remove"}
        for key, x in (
            (x.get("id") if PARTS[section].by_id else i, x)
            for i, x in enumerate(items if isinstance(items, list) else [])
        )
    ]


def _lists(
    t: Translator, document: dict[str, Any], target: Target, plan_url: str
) -> list[dict[str, Any]]:
    """The parts listed under a form: a tool's benefit estimates and price schedules;
    the optimiser's ad channels."""
    if target.section == "tools":
        tool = item_of(document, target)
        edit, parts = f"{plan_url}/edit", f"{plan_url}/parts"
        return [
            {
                "section": "benefits",
                "rows": _rows(
                    tool.get("benefits"), "benefits", f"{edit}/benefits/{target.item}",
                    f"{parts}/benefits/{target.item}",
                    lambda b: " · ".join(
                        x for x in (t(f"builder.benefit_{b.get('kind')}"), b.get("label")) if x
                    ),
                ),
                "add": f"{parts}/benefits/{target.item}/add",
                "kinds": [(k, t(f"builder.benefit_{k}")) for k in BENEFITS],
            },
            {
                "section": "schedules",
                "rows": _rows(
                    tool.get("schedules"), "schedules", f"{edit}/schedules/{target.item}",
                    f"{parts}/schedules/{target.item}", lambda x: x.get("label", ""),
                ),
                "add": f"{parts}/schedules/{target.item}/add",
                "kinds": [],
            },
        ]  # fmt: skip
    if target.section == "optimiser":
        channels = get(document, ("optimise", "channels"))
        return [
            {
                "section": "channels",
                "rows": _rows(
                    channels, "channels", f"{plan_url}/edit/channels",
                    f"{plan_url}/parts/channels", lambda c: c.get("name") or c.get("id"),
                ),
                "add": f"{plan_url}/parts/channels/add",
                "kinds": [],
            }
        ]  # fmt: skip
    return []


def _back(plan_url: str, target: Target) -> str:
    """Where a save returns: a tool's own page for its parts, else the plan's section."""
    if target.section in ("benefits", "schedules"):
        return f"{plan_url}/edit/tools/{target.item}"
    if target.section == "channels":
        return f"{plan_url}/edit/optimiser"
    return f"{plan_url}#{target.section}"


def _edit_get(
    request: Request, web: WebDep, user: User, t: Translator, ws: str, plan_id: str,
    target: Target,
) -> Response:  # fmt: skip
    space, summary, document = _latest(web, user, ws, plan_id)
    try:
        shown = plan_edit.values(document, target)
    except EditError:
        raise NotFound() from None
    return _edit_page(request, t, space, summary, document, target, shown, {}, [])


def _base(form: dict[str, Value]) -> int | None:
    """The version the form was filled in on (None: not said, e.g. an old form)."""
    raw = form.pop("base_version", "")
    return int(raw) if isinstance(raw, str) and raw.isdigit() else None


def _stale(
    request: Request, web: WebDep, user: User, t: Translator, ws: str, plan_id: str,
    target: Target, form: dict[str, Value], base: int,
) -> Response:  # fmt: skip
    """Someone saved a newer version while this form was open: nothing is saved. The form
    comes back on the newest version with this owner's own changes put onto it, and says
    what the newer versions changed; saving it again applies them there."""
    (space, summary, newest), older, since = versions.since(web.db, user.id, ws, plan_id, base)
    document = dict(newest.document)
    try:
        values = plan_edit.values(document, target)
        mine = plan_edit.apply(dict(older.document), target, form).changes
    except EditError:
        raise NotFound() from None  # the part was removed meanwhile
    values |= {c.field.name: form[c.field.name] for c in mine if c.field.name in form}
    stale = [t("builder.stale_version", number=v.number, author=v.author_name,
               note=v.note or "—") for v in reversed(since)]  # fmt: skip
    return _edit_page(
        request, t, space, summary, document, target, values, {}, [], 409, stale=stale
    )


def _edit_post(
    request: Request, web: WebDep, user: User, t: Translator, ws: str, plan_id: str,
    target: Target, form: dict[str, Value],
) -> Response:  # fmt: skip
    space, summary, document = _latest(web, user, ws, plan_id)
    base = _base(form)
    if base is not None and base != summary.latest_number:
        return _stale(request, web, user, t, ws, plan_id, target, form, base)
    try:
        fields = fields_for(document, target)
        # A form sends every field; an unticked box or an empty KPI list sends nothing.
        for f in fields:
            if f.kind in (Kind.BOOL, Kind.KPIS, Kind.MEMBERS) and f.name not in form:
                form[f.name] = "" if f.kind is Kind.BOOL else []
        edited = plan_edit.apply(document, target, form)
    except EditError:
        raise NotFound() from None
    if not edited.ok or edited.plan is None:
        return _edit_page(
            request, t, space, summary, document, target, form, edited.problems, edited.other,
            422,
        )  # fmt: skip
    if edited.changes or edited.rates_added:
        note = plan_edit.note(t, document, target, edited.changes, edited.rates_added)
        try:
            with web.db.write() as s:
                plans.save(s, user.id, ws, plan_id, edited.plan, note, base=base)
        except StaleVersion:  # saved by someone else a moment ago
            assert base is not None
            return _stale(request, web, user, t, ws, plan_id, target, form, base)
    return RedirectResponse(_back(f"/w/{ws}/p/{plan_id}", target), status_code=303)


@router.get("/w/{ws}/p/{plan_id}/edit/{section}")
@router.get("/w/{ws}/p/{plan_id}/edit/{section}/{item}")
@router.get("/w/{ws}/p/{plan_id}/edit/{section}/{item}/{index}")
def edit_part(
    request: Request, web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str,
    section: str, item: str | None = None, index: int | None = None,
) -> Response:  # fmt: skip
    return _edit_get(request, web, user, t, ws, plan_id, _target(section, item, index))


@router.post("/w/{ws}/p/{plan_id}/edit/{section}")
@router.post("/w/{ws}/p/{plan_id}/edit/{section}/{item}")
@router.post("/w/{ws}/p/{plan_id}/edit/{section}/{item}/{index}")
def save_part(
    request: Request, web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str,
    form: PostedForm, section: str, item: str | None = None, index: int | None = None,
) -> Response:  # fmt: skip
    target = _target(section, item, index)
    return _edit_post(request, web, user, t, ws, plan_id, target, form)


@router.post("/w/{ws}/p/{plan_id}/parts/{section}/add")
@router.post("/w/{ws}/p/{plan_id}/parts/{section}/{item}/add")
def add(
    web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str, form: PostedForm,
    section: str, item: str | None = None,
) -> Response:  # fmt: skip
    """A new ad channel or plan-level line, or a tool's new benefit estimate or price
    schedule, with starting values to adjust next (its form opens)."""
    _, _, document = _latest(web, user, ws, plan_id)
    kind = str(form.get("kind", ""))
    try:
        target, plan = add_part(document, section, item, kind, t(f"builder.new_{section}"))
    except EditError:
        raise NotFound() from None
    what = t(f"builder.benefit_{kind}") if section == "benefits" else t(f"builder.new_{section}")
    where = plan_edit.part_name(t, document, Target("tools", item)) if item else ""
    if where:
        note = t("builder.note_part_added", what=what, where=where)
    else:
        note = t("builder.note_added_part", what=what)
    with web.db.write() as s:
        plans.save(s, user.id, ws, plan_id, plan, note)
    return RedirectResponse(_address(ws, plan_id, target), 303)


@router.post("/w/{ws}/p/{plan_id}/parts/{section}/{item}/remove")
@router.post("/w/{ws}/p/{plan_id}/parts/{section}/{item}/{index}/remove")
def remove(
    web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str, section: str, item: str,
    index: int | None = None,
) -> Response:  # fmt: skip
    """Take away an ad channel, a plan-level line, or a tool's estimate or schedule."""
    _, _, document = _latest(web, user, ws, plan_id)
    target = _target(section, item, index)
    if target.section in SECTIONS or target.section in ("goals", "team", "tools"):
        raise NotFound()  # goals, members and tools: the plan page's remove buttons
    try:
        name = plan_edit.part_name(t, document, target)
        plan, _ = remove_part(document, target)
    except EditError:
        raise NotFound() from None
    with web.db.write() as s:
        plans.save(s, user.id, ws, plan_id, plan, t("builder.note_part_removed", what=name))
    return RedirectResponse(_back(f"/w/{ws}/p/{plan_id}", target), 303)


# Message ids built at run time in this module, declared for message extraction.
BUILDER_MESSAGES = (
    N_("builder.benefit_cost_avoided"),
    N_("builder.benefit_hours_saved"),
    N_("builder.benefit_kpi_effect"),
    N_("builder.benefit_revenue_lift"),
    N_("builder.new_channels"),
    N_("builder.new_lines"),
    N_("builder.new_schedules"),
)
