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
from aibudget.domain.plan import add_months
from aibudget.i18n import Translator
from aibudget.service import new_plan, plan_edit
from aibudget.service.fields import BENEFITS, START, FormField, Kind
from aibudget.service.plan_edit import EditError, Target, Value
from aibudget.store import plans, workspaces
from aibudget.store.errors import NotFound
from aibudget.store.records import Role, User
from aibudget.web.context import CurrentUser, T, WebDep, check_csrf, render
from aibudget.web.errors import problem_text
from aibudget.web.pages_plans import kpi_names
from aibudget.web.words import tier_name

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
MAX_VALUE = 2000
SECTIONS = ("business", "budget", "goals", "team", "tools")


async def _form(request: Request) -> dict[str, Value]:
    """The posted fields (a field sent several times, like KPI boxes, as a list)."""
    form = await request.form()
    out: dict[str, Value] = {}
    for key in form:
        found = [v[:MAX_VALUE] for v in form.getlist(key) if isinstance(v, str)]
        if key != "csrf_token" and found:
            out[key] = found if len(found) > 1 or key.endswith("kpis") else found[0]
    return out


def next_month(today: date) -> str:
    return add_months(f"{today.year:04d}-{today.month:02d}", 1)


# -- a new plan -------------------------------------------------------------------------


@router.get("/w/{ws}/new-plan")
def new_plan_form(request: Request, web: WebDep, user: CurrentUser, t: T, ws: str) -> Response:
    with web.db.session() as s:
        space = workspaces.require(s, user.id, ws, Role.EDITOR)
    defaults = new_plan.defaults(next_month(date.today()), t.locale)
    return _new_plan_page(request, t, space, defaults, {}, [])


def _new_plan_page(
    request: Request, t: Translator, space: Any, values: dict[str, Value],
    problems: dict[str, Problem], other: list[Problem], status_code: int = 200,
) -> Response:  # fmt: skip
    return render(
        request,
        "new_plan.html",
        status_code,
        space=space,
        fields=_shown_fields(t, START, values, problems, {}),
        other=[problem_text(t, p) for p in other],
    )


@router.post("/w/{ws}/new-plan")
async def new_plan_save(
    request: Request, web: WebDep, user: CurrentUser, t: T, ws: str
) -> Response:
    with web.db.session() as s:
        space = workspaces.require(s, user.id, ws, Role.EDITOR)
    form = await _form(request)
    edited = new_plan.build(form, owner_name=user.name, t=t)
    if not edited.ok or edited.plan is None:
        return _new_plan_page(request, t, space, form, edited.problems, edited.other, 422)
    with web.db.write() as s:
        saved = plans.create(
            s, user.id, ws, edited.plan.company.name, edited.plan, t("builder.note_new")
        )
    return RedirectResponse(f"/w/{ws}/p/{saved.plan_id}?new=1", status_code=303)


# -- editing one part -------------------------------------------------------------------


def _latest(web: WebDep, user: User, ws: str, plan_id: str) -> tuple[Any, Any, dict[str, Any]]:
    with web.db.session() as s:
        space = workspaces.require(s, user.id, ws, Role.EDITOR)
        summary = plans.summary(s, user.id, ws, plan_id)
        latest = plans.version(s, user.id, ws, plan_id)
    return space, summary, dict(latest.document)


def _target(section: str, item: str | None, index: int | None) -> Target:
    if section not in SECTIONS and section != "benefits":
        raise NotFound()
    return Target(section, item, index)


def _choices(t: Translator, f: FormField, document: dict[str, Any], item: Any) -> list[Any]:
    """(value, label) pairs of a choice, in the owner's words."""
    if f.kind is Kind.MEMBER:
        return [(m["id"], m.get("name") or m.get("role") or m["id"]) for m in document["team"]]
    if f.kind in (Kind.KPI, Kind.KPIS):
        return sorted(kpi_names(t.locale).items(), key=lambda kv: kv[1])
    if f.name == "plan":
        currency = document["company"].get("currency", "TWD")
        return [(p["id"], _tier(t, p, currency)) for p in (item or {}).get("plans") or []]
    if f.name == "category":
        return [(c, t(f"category.{c}")) for c in f.choices]
    if f.name == "company.currency":
        return [(c, c) for c in f.choices]
    return [(c, t(f"field.choice.{f.name}.{c}")) for c in f.choices]


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
            if f.kind in (Kind.CHOICE, Kind.MEMBER, Kind.KPI, Kind.KPIS)
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


def _title(t: Translator, target: Target, document: dict[str, Any]) -> str:
    if target.section in ("business", "budget"):
        return t(f"builder.title_{target.section}")
    item = plan_edit.item_of(document, target)
    if target.section == "benefits":
        tool = plan_edit.item_of(document, Target("tools", target.item))
        return t("builder.title_benefit", tool=tool.get("name", ""))
    return str(item.get("name") or item.get("role") or t(f"builder.title_{target.section}"))


def _edit_page(
    request: Request, t: Translator, space: Any, summary: Any, document: dict[str, Any],
    target: Target, values: dict[str, Value], problems: dict[str, Problem],
    other: list[Problem], status_code: int = 200,
) -> Response:  # fmt: skip
    try:
        fields = plan_edit.fields_for(document, target)
        item = plan_edit.item_of(document, target)
    except EditError:
        raise NotFound() from None
    tool = item if target.section == "tools" else None
    return render(
        request,
        "edit_item.html",
        status_code,
        space=space,
        summary=summary,
        title=_title(t, target, document),
        target=target,
        action=_address(space.id, summary.id, target),
        groups=_grouped(_shown_fields(t, fields, values, problems, document, tool)),
        other=[problem_text(t, p) for p in other],
        benefits=_benefit_rows(t, document, target),
        benefit_kinds=list(BENEFITS),
    )


def _address(ws: str, plan_id: str, target: Target) -> str:
    base = f"/w/{ws}/p/{plan_id}/edit/{target.section}"
    if target.item is not None:
        base += f"/{target.item}"
    if target.index is not None:
        base += f"/{target.index}"
    return base


def _benefit_rows(t: Translator, document: dict[str, Any], target: Target) -> list[dict[str, Any]]:
    if target.section != "tools":
        return []
    tool = plan_edit.item_of(document, target)
    return [
        {"index": i, "text": t(f"builder.benefit_{b.get('kind')}"), "label": b.get("label") or ""}
        for i, b in enumerate(tool.get("benefits") or [])
    ]


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


async def _edit_post(
    request: Request, web: WebDep, user: User, t: Translator, ws: str, plan_id: str,
    target: Target,
) -> Response:  # fmt: skip
    space, summary, document = _latest(web, user, ws, plan_id)
    form = await _form(request)
    try:
        fields = plan_edit.fields_for(document, target)
        # A form sends every field; an unticked box or an empty KPI list sends nothing.
        for f in fields:
            if f.kind in (Kind.BOOL, Kind.KPIS) and f.name not in form:
                form[f.name] = [] if f.kind is Kind.KPIS else ""
        edited = plan_edit.apply(document, target, form)
    except EditError:
        raise NotFound() from None
    if not edited.ok or edited.plan is None:
        return _edit_page(
            request, t, space, summary, document, target, form, edited.problems, edited.other,
            422,
        )  # fmt: skip
    anchor = "tools" if target.section == "benefits" else target.section
    if edited.changes or edited.rates_added:
        note = plan_edit.note(t, document, target, edited.changes, edited.rates_added)
        with web.db.write() as s:
            plans.save(s, user.id, ws, plan_id, edited.plan, note)
    return RedirectResponse(f"/w/{ws}/p/{plan_id}#{anchor}", status_code=303)


@router.get("/w/{ws}/p/{plan_id}/edit/{section}")
def edit_section(
    request: Request, web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str, section: str
) -> Response:
    return _edit_get(request, web, user, t, ws, plan_id, _target(section, None, None))


@router.post("/w/{ws}/p/{plan_id}/edit/{section}")
async def save_section(
    request: Request, web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str, section: str
) -> Response:
    return await _edit_post(request, web, user, t, ws, plan_id, _target(section, None, None))


@router.get("/w/{ws}/p/{plan_id}/edit/{section}/{item}")
def edit_item(
    request: Request, web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str,
    section: str, item: str,
) -> Response:  # fmt: skip
    return _edit_get(request, web, user, t, ws, plan_id, _target(section, item, None))


@router.post("/w/{ws}/p/{plan_id}/edit/{section}/{item}")
async def save_item(
    request: Request, web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str,
    section: str, item: str,
) -> Response:  # fmt: skip
    return await _edit_post(request, web, user, t, ws, plan_id, _target(section, item, None))


@router.get("/w/{ws}/p/{plan_id}/edit/benefits/{item}/{index}")
def edit_benefit(
    request: Request, web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str,
    item: str, index: int,
) -> Response:  # fmt: skip
    return _edit_get(request, web, user, t, ws, plan_id, _target("benefits", item, index))


@router.post("/w/{ws}/p/{plan_id}/edit/benefits/{item}/{index}")
async def save_benefit(
    request: Request, web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str,
    item: str, index: int,
) -> Response:  # fmt: skip
    return await _edit_post(request, web, user, t, ws, plan_id, _target("benefits", item, index))


@router.post("/w/{ws}/p/{plan_id}/benefits/{item}/add")
async def add_benefit(
    request: Request, web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str, item: str
) -> Response:
    """A new estimate of the tool's benefit, with starting values to adjust next."""
    _, _, document = _latest(web, user, ws, plan_id)
    kind = str((await _form(request)).get("kind", ""))
    try:
        index, plan = plan_edit.with_benefit(document, item, kind)
    except EditError:
        raise NotFound() from None
    tool_name = str(plan_edit.item_of(document, Target("tools", item)).get("name", ""))
    note = t("builder.note_benefit_added", tool=tool_name, what=t(f"builder.benefit_{kind}"))
    with web.db.write() as s:
        plans.save(s, user.id, ws, plan_id, plan, note)
    return RedirectResponse(f"/w/{ws}/p/{plan_id}/edit/benefits/{item}/{index}", 303)


@router.post("/w/{ws}/p/{plan_id}/benefits/{item}/{index}/remove")
def remove_benefit(
    web: WebDep, user: CurrentUser, t: T, ws: str, plan_id: str, item: str, index: int
) -> Response:
    _, _, document = _latest(web, user, ws, plan_id)
    try:
        plan, tool_name = plan_edit.without_benefit(document, item, index)
    except EditError:
        raise NotFound() from None
    with web.db.write() as s:
        plans.save(s, user.id, ws, plan_id, plan, t("builder.note_benefit_removed", tool=tool_name))
    return RedirectResponse(f"/w/{ws}/p/{plan_id}/edit/tools/{item}", 303)
