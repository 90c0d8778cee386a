"""What the builder's forms share: the posted fields, each field's choices in words, and
the fields as a template shows them (label, help, value, problem, fieldset)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from fastapi import Depends, Request

from aibudget.domain.errors import Problem
from aibudget.domain.months import add_months, month_of
from aibudget.i18n import Translator
from aibudget.service import plan_edit
from aibudget.service.fields import FormField, Kind, anchor
from aibudget.service.fx import currency_of
from aibudget.service.plan_edit import Value
from aibudget.service.tiers import tier_name
from aibudget.service.words import choice_label, kpi_names
from aibudget.web.errors import problem_text

MAX_VALUE = 2000


async def posted_form(request: Request) -> dict[str, Value]:
    """The posted fields (a field sent several times, like KPI boxes, as a list).

    A dependency: the body is read on the event loop, and the handler that takes it can
    be a plain function that FastAPI runs off the loop (its database and plan work block).
    """
    form = await request.form()
    out: dict[str, Value] = {}
    for key in form:
        found = [v[:MAX_VALUE] for v in form.getlist(key) if isinstance(v, str)]
        if key != "csrf_token" and found:
            listed = key.endswith("kpis") or key.startswith("starter_")
            out[key] = found if len(found) > 1 or listed else found[0]
    return out


async def text_form(request: Request) -> dict[str, str]:
    """The posted text fields, one value each (a dependency, like ``posted_form``)."""
    return {k: v for k, v in (await request.form()).items() if isinstance(v, str)}


PostedForm = Annotated[dict[str, Value], Depends(posted_form)]
TextForm = Annotated[dict[str, str], Depends(text_form)]


def next_month(today: date) -> str:
    return add_months(month_of(today), 1)


def _choices(t: Translator, f: FormField, document: dict[str, Any], item: Any) -> list[Any]:
    """(value, label) pairs of a choice, in the owner's words."""
    if f.kind in (Kind.MEMBER, Kind.MEMBERS):
        return [(m["id"], m.get("name") or m.get("role") or m["id"]) for m in document["team"]]
    if f.kind in (Kind.KPI, Kind.KPIS):
        return sorted(kpi_names(t.locale).items(), key=lambda kv: kv[1])
    if f.name == "plan":
        currency = currency_of(document)
        tool = item or {}
        return [
            (p["id"], _tier(t, p, currency, tool.get("catalog_id")))
            for p in tool.get("plans") or []
        ]
    return [(c, choice_label(t, f, c)) for c in f.choices]


def _tier(t: Translator, tier: dict[str, Any], currency: str, catalog_id: str | None) -> str:
    name = tier_name(t, tier, catalog_id)
    per = t(f"field.choice.@plan.billing.{tier.get('billing', 'monthly')}")
    price = t.money(Decimal(str(tier.get("price", 0))), tier.get("currency") or currency)
    return f"{name} · {price} / {per}"


def shown_fields(
    t: Translator, fields: tuple[FormField, ...], values: dict[str, Value],
    problems: dict[str, Problem], document: dict[str, Any], item: Any = None,
) -> list[dict[str, Any]]:  # fmt: skip
    out = []
    for f in fields:
        choices = (
            _choices(t, f, document, item)
            if f.choices or f.kind in (Kind.CHOICE, Kind.MEMBER, Kind.MEMBERS, Kind.KPI, Kind.KPIS)
            else []
        )
        if f.name == "plan" and not choices:
            continue  # no tiers yet: the price fields make the owner's quote
        value = values.get(f.name, "")
        out.append(
            {
                "f": f,
                "id": anchor(f.name),
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


def grouped(shown: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Fields in their fieldsets, in the order they are declared."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for x in shown:
        groups.setdefault(x["group"], []).append(x)
    return list(groups.items())
