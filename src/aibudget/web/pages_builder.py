"""The owner builds the plan in the browser: a new plan in one short step, then every
part edited in place (the business, the budget rules, each goal, member, tool and
benefit estimate). Each save is a new version with a note in words; the checks and
messages are :mod:`aibudget.service.plan_edit`'s, shared with the JSON API.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from aibudget.domain.errors import Problem
from aibudget.domain.guidance import CatalogTool
from aibudget.domain.plan import add_months
from aibudget.i18n import Translator
from aibudget.render_guidance import cheapest_text
from aibudget.service import new_plan, plan_edit
from aibudget.service.fields import BENEFITS, START, FormField, Kind
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
from aibudget.service.starter import Starter, starter_for
from aibudget.service.words import choice_label, kpi_names
from aibudget.store import assessments, plans, workspaces
from aibudget.store import catalogs as workspace_catalogs
from aibudget.store.errors import NotFound, StaleVersion
from aibudget.store.records import Role, User
from aibudget.web import catalogs
from aibudget.web.context import CurrentUser, T, WebDep, check_csrf, render
from aibudget.web.errors import problem_text
from aibudget.web.words import tier_name

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
MAX_VALUE = 2000


async def _form(request: Request) -> dict[str, Value]:
    """The posted fields (a field sent several times, like KPI boxes, as a list)."""
    form = await request.form()
    out: dict[str, Value] = {}
    for key in form:
        found = [v[:MAX_VALUE] for v in form.getlist(key) if isinstance(v, str)]
        if key != "csrf_token" and found:
            listed = key.endswith("kpis") or key.startswith("starter_")
            out[key] = found if len(found) > 1 or listed else found[0]
    return out


def next_month(today: date) -> str:
    return add_months(f"{today.year:04d}-{today.month:02d}", 1)


# -- a new plan -------------------------------------------------------------------------


def _starter(
    web: WebDep, user: User, ws: str
) -> tuple[Any, Starter | None, dict[str, CatalogTool]]:
    """The workspace (as the user may edit it), what its readiness result suggests for a
    new plan (None without one), and the workspace's catalog."""
    with web.db.session() as s:
        space = workspaces.require(s, user.id, ws, Role.EDITOR)
        found = assessments.latest(s, user.id, ws)
        catalog, _ = catalogs.merged(workspace_catalogs.get(s, user.id, ws).entries, None)
    return space, (starter_for(found.answers, catalog) if found else None), catalog


@router.get("/w/{ws}/new-plan")
def new_plan_form(request: Request, web: WebDep, user: CurrentUser, t: T, ws: str) -> Response:
    space, starter, catalog = _starter(web, user, ws)
    values = new_plan.defaults(next_month(date.today()), t.locale)
    if starter is not None:  # everything the readiness result suggests starts ticked
        values["starter_goal"] = [str(i) for i in range(len(starter.goals))]
        values["starter_tool"] = list(starter.tools)
    return _new_plan_page(request, t, space, values, {}, [], starter, catalog)


def _new_plan_page(
    request: Request, t: Translator, space: Any, values: dict[str, Value],
    problems: dict[str, Problem], other: list[Problem], starter: Starter | None,
    catalog: dict[str, CatalogTool], status_code: int = 200,
) -> Response:  # fmt: skip
    names = kpi_names(t.locale)
    ticked_goals = values.get("starter_goal", [])
    ticked_tools = values.get("starter_tool", [])
    suggestion = None
    if starter is not None:
        suggestion = {
            "pilot": starter.pilot_tools,
            "goals": [
                {"value": str(i), "name": g.name.get(t.locale), "kpi": names.get(g.kpi, g.kpi),
                 "ticked": str(i) in ticked_goals}
                for i, g in enumerate(starter.goals)
            ],
            "tools": [
                {"value": i, "name": catalog[i].name, "price": cheapest_text(t, catalog[i]),
                 "serves": [names.get(k, k) for k in catalog[i].kpis], "ticked": i in ticked_tools}
                for i in starter.tools
            ],
        }  # fmt: skip
    return render(
        request,
        "new_plan.html",
        status_code,
        space=space,
        fields=_shown_fields(t, START, values, problems, {}),
        other=[problem_text(t, p) for p in other],
        starter=suggestion,
    )


@router.post("/w/{ws}/new-plan")
async def new_plan_save(
    request: Request, web: WebDep, user: CurrentUser, t: T, ws: str
) -> Response:
    space, starter, catalog = _starter(web, user, ws)
    form = await _form(request)
    edited = new_plan.build(form, owner_name=user.name, t=t, starter=starter, catalog=catalog)
    if not edited.ok or edited.plan is None:
        return _new_plan_page(
            request, t, space, form, edited.problems, edited.other, starter, catalog, 422
        )
    note = t("builder.note_new")
    if starter is not None and (edited.plan.goals or edited.plan.tools):
        note = t("builder.note_new_from_readiness")
    with web.db.write() as s:
        saved = plans.create(s, user.id, ws, edited.plan.company.name, edited.plan, note)
    return RedirectResponse(f"/w/{ws}/p/{saved.plan_id}?new=1", status_code=303)


# -- editing one part -------------------------------------------------------------------


def _latest(web: WebDep, user: User, ws: str, plan_id: str) -> tuple[Any, Any, dict[str, Any]]:
    with web.db.session() as s:
        space = workspaces.require(s, user.id, ws, Role.EDITOR)
        summary = plans.summary(s, user.id, ws, plan_id)
        latest = plans.version(s, user.id, ws, plan_id)
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


def _choices(t: Translator, f: FormField, document: dict[str, Any], item: Any) -> list[Any]:
    """(value, label) pairs of a choice, in the owner's words."""
    if f.kind in (Kind.MEMBER, Kind.MEMBERS):
        return [(m["id"], m.get("name") or m.get("role") or m["id"]) for m in document["team"]]
    if f.kind in (Kind.KPI, Kind.KPIS):
        return sorted(kpi_names(t.locale).items(), key=lambda kv: kv[1])
    if f.name == "plan":
        currency = document["company"].get("currency", "TWD")
        return [(p["id"], _tier(t, p, currency)) for p in (item or {}).get("plans") or []]
    return [(c, choice_label(t, f, c)) for c in f.choices]


def _tier(t: Translator, tier: dict[str, Any], currency: str) -> str:
    name = tier_name(t, tier)
    per = t(f"field.choice.@plan.billing.{tier.get('billing', 'monthly')}")
    price = t.money(Decimal(str(tier.get("price", 0))), tier.get("currency") or currency)
    return f"{name} · {price} / {per}"


def _shown_fields(
    t: Translator, fields: tuple[FormField, ...], values: dict[str, Value],
    problems: dict[str, Problem], document: dict[str, Any], item: Any = None,
) -> list[dict[str, Any]]:  # fmt: skip
    out = []
    for f in fields:
        choices = (
            _choices(t, f, document, item)
            if f.kind in (Kind.CHOICE, Kind.MEMBER, Kind.MEMBERS, Kind.KPI, Kind.KPIS)
            else []
        )
        if f.name == "plan" and not choices:
            continue  # no tiers yet: the price fields make the owner's quote
        value = values.get(f.name, "")
        out.append(
            {
                "f": f,
                "id": "f-" + f.name.replace(".", "-").replace("@", ""),
                "label": plan_edit.label(t, f),
                "help": t(f.help) if f.help else "",
                "group": t(f.group) if f.group else "",
                "value": value,
                "chosen": set(value) if isinstance(value, list) else {value},
                "choices": choices,
                "problem": problem_text(t, problems[f.name]) if f.name in problems else "",
            }
        )
    return out


def _grouped(shown: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Fields in their fieldsets, in the order they are declared."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for x in shown:
        groups.setdefault(x["group"], []).append(x)
    return list(groups.items())


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
        groups=_grouped(_shown_fields(t, fields, values, problems, document, tool)),
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


def _rows(
    t: Translator, items: Any, section: str, edit: str, remove: str, name: Any
) -> list[dict[str, Any]]:
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
                    t, tool.get("benefits"), "benefits", f"{edit}/benefits/{target.item}",
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
                    t, tool.get("schedules"), "schedules", f"{edit}/schedules/{target.item}",
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
                    t, channels, "channels", f"{plan_url}/edit/channels",
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
    with web.db.session() as s:
        space = workspaces.require(s, user.id, ws, Role.EDITOR)
        summary = plans.summary(s, user.id, ws, plan_id)
        newest = plans.version(s, user.id, ws, plan_id)
        older = plans.version(s, user.id, ws, plan_id, base)
        since = [v for v in plans.versions(s, user.id, ws, plan_id, limit=20) if v.number > base]
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


async def _edit_post(
    request: Request, web: WebDep, user: User, t: Translator, ws: str, plan_id: str,
    target: Target,
) -> Response:  # fmt: skip
    space, summary, document = _latest(web, user, ws, plan_id)
    form = await _form(request)
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
async def save_part(
    request: Request, web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str,
    section: str, item: str | None = None, index: int | None = None,
) -> Response:  # fmt: skip
    return await _edit_post(request, web, user, t, ws, plan_id, _target(section, item, index))


@router.post("/w/{ws}/p/{plan_id}/parts/{section}/add")
@router.post("/w/{ws}/p/{plan_id}/parts/{section}/{item}/add")
async def add(
    request: Request, web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str,
    section: str, item: str | None = None,
) -> Response:  # fmt: skip
    """A new ad channel or plan-level line, or a tool's new benefit estimate or price
    schedule, with starting values to adjust next (its form opens)."""
    _, _, document = _latest(web, user, ws, plan_id)
    kind = str((await _form(request)).get("kind", ""))
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
