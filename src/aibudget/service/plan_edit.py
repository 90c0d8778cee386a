"""Edit one part of a plan with a form's values: the same checks for the web and the API.

``apply(document, target, values)`` puts the typed values into a copy of the newest
version's document, validates the whole plan with :func:`parse_plan` (as any import),
and answers with the new document and plan, what changed (for the version's note), and
the problems: those of an edited field by the field's name (shown beside it), the rest
apart. Nothing is saved here; the caller saves a new version when there is no problem.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from aibudget.catalog import kpi_ids
from aibudget.domain.errors import PlanError, Problem
from aibudget.domain.plan import QUOTE_PLAN, Plan
from aibudget.domain.texts import N_
from aibudget.domain.validate import parse_plan
from aibudget.i18n import Translator
from aibudget.service.fields import FormField, Kind
from aibudget.service.fx import add_missing_rates, currency_of, rates_as_of
from aibudget.service.plan_parts import (
    SECTIONS,
    Target,
    child,
    fields_for,
    get,
    item_of,
    item_path,
    tidy,
)
from aibudget.service.words import said

Value = str | list[str]
_NUMERIC = (Kind.MONEY, Kind.NUMBER, Kind.INTEGER, Kind.PERCENT)
_LISTS = (Kind.KPIS, Kind.MEMBERS)
NOTE_FIELDS = 3  # fields named in a version's note; the rest are counted
# What people type around a number: "NT$1,200", "1,200 元", "12.5 %".
_AROUND_NUMBER = re.compile(r"(?i)(?:nt|us|hk)?[$＄]|元|[,，\s\u3000%]")
_AMOUNT_SEPARATORS = re.compile(r"[\s、;；/]+")


@dataclass(frozen=True)
class Change:
    field: FormField
    before: Value
    after: Value


@dataclass
class Edited:
    document: dict[str, Any]
    plan: Plan | None
    changes: list[Change] = field(default_factory=list)
    problems: dict[str, Problem] = field(default_factory=dict)  # by field name
    other: list[Problem] = field(default_factory=list)
    rates_added: dict[str, Decimal] = field(default_factory=dict)  # default FX rates taken

    @property
    def ok(self) -> bool:
        return self.plan is not None and not self.problems and not self.other


def label(t: Translator, f: FormField) -> str:
    """A field's label in words (a rate's names its currency)."""
    return t(f.label, currency=f.name.removeprefix("fx."))


def chosen_plan_index(tool: Mapping[str, Any]) -> int | None:
    plans = tool.get("plans") or []
    wanted = tool.get("plan")
    for i, p in enumerate(plans):
        if isinstance(p, dict) and (wanted is None or p.get("id") == wanted):
            return i
    return None


def _resolve(item: Mapping[str, Any], f: FormField) -> tuple[str | int, ...] | None:
    """The field's path inside the item, ``@plan`` resolved (None: no plan chosen yet)."""
    if f.path[0] != "@plan":
        return f.path
    chosen = chosen_plan_index(item)
    return None if chosen is None else ("plans", chosen, *f.path[1:])


def shown(f: FormField, value: Any) -> Value:
    """A stored value as the form shows it."""
    if f.kind in _LISTS:
        return [str(v) for v in value or []]
    if value is None:
        return ""
    if f.kind is Kind.BOOL:
        return "on" if value else ""
    if f.kind is Kind.AMOUNTS:
        return " ".join(str(shown(_one_amount(f), v)) for v in value)
    if f.kind in _NUMERIC:
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            return str(value)
        if f.kind is Kind.PERCENT:
            number *= 100
        text = format(number.normalize(), "f")
        return text
    return str(value)


RANGE_ENDS = ("low", "likely", "high")


def _shorthand(item: Any, path: Sequence[str | int]) -> list[Any] | None:
    """The three ends of a range stored in short (one number for all three, or a list of
    three) when ``path`` names one end of it; None otherwise."""
    if not path or path[-1] not in RANGE_ENDS:
        return None
    whole = get(item, path[:-1])
    if isinstance(whole, str | int | float | Decimal) and not isinstance(whole, bool):
        return [whole] * 3
    if isinstance(whole, list) and len(whole) == 3:
        return list(whole)
    return None


def stored(item: Any, path: Sequence[str | int]) -> Any:
    """The value at ``path``; an end of a range stored in short reads as its value."""
    short = _shorthand(item, path)
    return get(item, path) if short is None else short[RANGE_ENDS.index(str(path[-1]))]


def values(document: Mapping[str, Any], target: Target) -> dict[str, Value]:
    """The form's values for the target, as stored (defaults left empty)."""
    item = get(document, item_path(document, target))
    out: dict[str, Value] = {}
    for f in fields_for(document, target):
        path = _resolve(item, f)
        out[f.name] = shown(f, None if path is None else stored(item, path))
    return out


def _typed(f: FormField, raw: Value) -> tuple[Any, Problem | None]:
    """The form's text as the plan stores it (None: not given, the default applies)."""
    if f.kind in _LISTS:
        items = [raw] if isinstance(raw, str) else list(raw)
        return [v for v in (i.strip() for i in items) if v], None
    if f.kind is Kind.AMOUNTS:
        return _amounts(f, raw if isinstance(raw, str) else " ".join(raw))
    text = (raw if isinstance(raw, str) else (raw[0] if raw else "")).strip()
    if f.kind is Kind.BOOL:
        return text.lower() in ("on", "true", "1", "yes"), None
    if not text:
        return None, (Problem((f.name,), N_("field.required")) if f.required else None)
    if f.kind in _NUMERIC:
        try:
            number = Decimal(_AROUND_NUMBER.sub("", text))
        except InvalidOperation:
            return None, Problem((f.name,), N_("field.not_a_number"), {"value": text[:40]})
        if not number.is_finite():
            return None, Problem((f.name,), N_("field.not_a_number"), {"value": text[:40]})
        if f.kind is Kind.PERCENT:
            return str(number / 100), None
        if f.kind is Kind.INTEGER:
            if number != number.to_integral_value():
                return None, Problem((f.name,), N_("field.whole_number"), {"value": text[:40]})
            return int(number), None
        return str(number), None
    if f.kind is Kind.CURRENCY:
        return text.upper(), None
    return text, None


def _one_amount(f: FormField) -> FormField:
    return FormField(f.name, Kind.MONEY, f.label)


def _amounts(f: FormField, text: str) -> tuple[Any, Problem | None]:
    """ "12,000 15,000" or "12000、15000": one amount each (empty: none)."""
    out = []
    for piece in (p for p in _AMOUNT_SEPARATORS.split(text.strip()) if p):
        number, problem = _typed(_one_amount(f), piece)
        if problem is not None:
            return None, problem
        out.append(number)
    return out, None


def _put(node: Any, path: Sequence[str | int], value: Any) -> None:
    """Set the value at ``path`` (None or an empty list: remove it, so the default applies).
    One end of a range stored in short first spells the range out (the others keep)."""
    short = _shorthand(node, path)
    if short is not None:
        _put(node, path[:-1], dict(zip(RANGE_ENDS, short, strict=True)))
    for key in path[:-1]:
        if isinstance(node, list):
            node = node[int(key)]
        elif isinstance(node.get(str(key)), list):
            node = node[str(key)]
        else:
            node = child(node, str(key))
    last = path[-1]
    if value is None or value == []:
        if isinstance(node, dict):
            node.pop(str(last), None)
    else:
        node[last] = value


def _quote_plan(item: dict[str, Any]) -> None:
    """A tool without any plan gets one for the owner's own quote."""
    item.setdefault("plans", []).append({"id": QUOTE_PLAN, "price": "0"})
    item["plan"] = QUOTE_PLAN


def apply(document: Mapping[str, Any], target: Target, form: Mapping[str, Value]) -> Edited:
    """The document with the form's values in the target (only fields present in
    ``form`` change, so the API can send one field), checked as a whole plan."""
    changed = copy.deepcopy(dict(document))
    where = item_path(changed, target)
    item = get(changed, where)
    fields = [f for f in fields_for(changed, target) if f.name in form]
    result = Edited(changed, None)
    tier_chosen = False  # another tier chosen: its own price shows next time
    for f in fields:
        value, problem = _typed(f, form[f.name])
        if problem is not None:
            result.problems[f.name] = problem
            continue
        if f.path[0] == "@plan":
            if tier_chosen:
                continue
            if chosen_plan_index(item) is None:
                if value is None:
                    continue
                _quote_plan(item)
        path = _resolve(item, f)
        assert path is not None
        before = shown(f, stored(item, path))
        _put(item, path, value)
        after = shown(f, stored(item, path))
        if before != after:
            result.changes.append(Change(f, before, after))
            tier_chosen = tier_chosen or f.name == "plan"
    if result.problems:
        return result
    tidy(changed, target)
    result.rates_added = add_missing_rates(changed)
    try:
        result.plan = parse_plan(changed, kpi_ids())
    except PlanError as err:
        _sort(err.problems, changed, where, fields_for(changed, target), result)
    return result


def _sort(
    problems: Sequence[Problem], document: Mapping[str, Any], where: tuple[str | int, ...],
    fields: Sequence[FormField], result: Edited,
) -> None:  # fmt: skip
    """Each problem beside its field when it is one of the form's, else apart."""
    item = get(document, where)
    target_fields = [(f, _resolve(item, f)) for f in fields]
    for p in problems:
        rel = p.path[len(where) :] if p.path[: len(where)] == where else None
        name = None
        if rel:  # the field itself or inside it; else the first field inside the problem's part
            inside = [
                f.name for f, path in target_fields if path and tuple(rel[: len(path)]) == path
            ]
            around = [
                f.name for f, path in target_fields if path and path[: len(rel)] == tuple(rel)
            ]
            name = next(iter(inside or around), None)
        if name is None:
            result.other.append(p)
        else:
            result.problems.setdefault(name, p)


def note(
    t: Translator, document: Mapping[str, Any], target: Target, changes: list[Change],
    rates_added: Mapping[str, Decimal] | None = None,
) -> str:  # fmt: skip
    """The version's note in words: "ChatGPT：每人訓練時數 改為 6"."""
    whose = part_name(t, document, target)
    parts = [
        t(
            "builder.note_field",
            field=label(t, c.field),
            value=said(t, document, c.field, c.after) or t("builder.note_default"),
        )
        for c in changes[:NOTE_FIELDS]
    ]
    more = len(changes) - NOTE_FIELDS
    if more > 0:
        parts.append(t("builder.note_more", count=more))
    parts.extend(rates_note(t, rates_added, document))
    return t("builder.note_changed", what=whose, changes=t("builder.list_sep").join(parts))


def part_name(t: Translator, document: Mapping[str, Any], target: Target) -> str:
    """What the owner calls the part: "預算規則", "ChatGPT", "ChatGPT 的效益估計"."""
    if target.section in SECTIONS:
        return t(f"builder.title_{target.section}")
    if target.section in ("benefits", "schedules"):
        tool = item_of(document, Target("tools", target.item))
        return t(f"builder.title_{target.section}", tool=tool.get("name", ""))
    item = item_of(document, target)
    found = item.get("name") or item.get("label") or item.get("role")
    return str(found or t(f"builder.title_{target.section}"))


def rates_note(
    t: Translator, rates: Mapping[str, Decimal] | None, document: Mapping[str, Any]
) -> list[str]:
    """ "1 USD = 31.5 TWD (default rate of 2026-11, can be changed)" for each rate taken."""
    plan, as_of = currency_of(document), rates_as_of()
    return [
        t("builder.note_rate", currency=c, rate=format(r.normalize(), "f"), plan=plan, as_of=as_of)
        for c, r in (rates or {}).items()
    ]


# Message ids built at run time in this module, declared for message extraction.
SECTION_LIST_MESSAGES = (
    N_("builder.add_benefits"),
    N_("builder.add_channels"),
    N_("builder.add_schedules"),
    N_("builder.list_benefits"),
    N_("builder.list_benefits_lead"),
    N_("builder.list_benefits_none"),
    N_("builder.list_channels_lead"),
    N_("builder.list_channels_none"),
    N_("builder.list_schedules"),
    N_("builder.list_schedules_lead"),
    N_("builder.list_schedules_none"),
)


# Message ids built at run time in this module, declared for message extraction.
SECTION_MESSAGES = (
    N_("builder.title_benefits"),
    N_("builder.title_business"),
    N_("builder.title_channels"),
    N_("builder.title_goals"),
    N_("builder.title_lines"),
    N_("builder.title_schedules"),
    N_("builder.title_team"),
    N_("builder.title_tools"),
)
