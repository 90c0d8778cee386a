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
from aibudget.domain.plan import Plan
from aibudget.domain.validate import parse_plan
from aibudget.i18n import Translator
from aibudget.service.fields import (
    BENEFITS,
    BUDGET,
    BUSINESS,
    GOAL,
    MEMBER,
    START,
    TOOL,
    FormField,
    Kind,
)
from aibudget.service.fx import add_missing_rates, rates_as_of

Value = str | list[str]
QUOTE_PLAN = "own-quote"  # the plan (tier) made for a tool whose price the owner enters
LISTS = {"goals": GOAL, "team": MEMBER, "tools": TOOL}
SINGLE = {"business": BUSINESS, "budget": BUDGET}  # the "start" form: new_plan.START
_NUMERIC = (Kind.MONEY, Kind.NUMBER, Kind.INTEGER, Kind.PERCENT)
NOTE_FIELDS = 3  # fields named in a version's note; the rest are counted
# What people type around a number: "NT$1,200", "1,200 元", "12.5 %".
_AROUND_NUMBER = re.compile(r"(?i)(?:nt|us|hk)?[$＄]|元|[,，\s\u3000%]")


class EditError(LookupError):
    """The part to edit is not in the plan (removed meanwhile, or a wrong address)."""


@dataclass(frozen=True)
class Target:
    """What is edited: a section (business, budget), a goal, member or tool by id, or
    benefit driver ``index`` of tool ``item``."""

    section: str
    item: str | None = None
    index: int | None = None


@dataclass(frozen=True)
class Change:
    field: FormField
    before: str
    after: str


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


def _index(document: Mapping[str, Any], kind: str, item_id: str | None) -> int:
    items = document.get(kind) or []
    for i, item in enumerate(items):
        if isinstance(item, dict) and item.get("id") == item_id:
            return i
    raise EditError(kind)


def item_path(document: Mapping[str, Any], target: Target) -> tuple[str | int, ...]:
    """Where the edited item sits in the document (() for the business and budget)."""
    if target.section in SINGLE or target.section == "start":
        return ()
    if target.section in LISTS:
        return (target.section, _index(document, target.section, target.item))
    if target.section == "benefits":
        tool = _index(document, "tools", target.item)
        benefits = document["tools"][tool].get("benefits") or []
        if target.index is None or not 0 <= target.index < len(benefits):
            raise EditError("benefits")
        return ("tools", tool, "benefits", target.index)
    raise EditError(target.section)


def _get(node: Any, path: Sequence[str | int]) -> Any:
    for key in path:
        if isinstance(node, dict):
            node = node.get(key)
        elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            node = node[key]
        else:
            return None
    return node


def fields_for(document: Mapping[str, Any], target: Target) -> tuple[FormField, ...]:
    if target.section == "start":
        return START
    if target.section == "business":
        return (*BUSINESS, *fx_fields(document))
    if target.section in SINGLE:
        return SINGLE[target.section]
    if target.section in LISTS:
        return LISTS[target.section]
    kind = str(_get(document, item_path(document, target)).get("kind", ""))
    if kind not in BENEFITS:
        raise EditError(kind)
    return BENEFITS[kind]


def fx_fields(document: Mapping[str, Any]) -> tuple[FormField, ...]:
    """One rate field per currency the plan has a rate for."""
    rates = document.get("fx")
    return tuple(
        FormField(
            f"fx.{currency}", Kind.NUMBER, "field.fx", "field.fx.help", group="field.group.fx"
        )
        for currency in sorted(rates if isinstance(rates, dict) else {})
    )


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
    if f.kind is Kind.KPIS:
        return [str(v) for v in value or []]
    if value is None:
        return ""
    if f.kind is Kind.BOOL:
        return "on" if value else ""
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


def values(document: Mapping[str, Any], target: Target) -> dict[str, Value]:
    """The form's values for the target, as stored (defaults left empty)."""
    item = _get(document, item_path(document, target))
    out: dict[str, Value] = {}
    for f in fields_for(document, target):
        path = _resolve(item, f)
        out[f.name] = shown(f, None if path is None else _get(item, path))
    return out


def _typed(f: FormField, raw: Value) -> tuple[Any, Problem | None]:
    """The form's text as the plan stores it (None: not given, the default applies)."""
    if f.kind is Kind.KPIS:
        items = [raw] if isinstance(raw, str) else list(raw)
        return [v for v in (i.strip() for i in items) if v], None
    text = (raw if isinstance(raw, str) else (raw[0] if raw else "")).strip()
    if f.kind is Kind.BOOL:
        return text.lower() in ("on", "true", "1", "yes"), None
    if not text:
        return None, (Problem((f.name,), "field.required") if f.required else None)
    if f.kind in _NUMERIC:
        try:
            number = Decimal(_AROUND_NUMBER.sub("", text))
        except InvalidOperation:
            return None, Problem((f.name,), "field.not_a_number", {"value": text[:40]})
        if not number.is_finite():
            return None, Problem((f.name,), "field.not_a_number", {"value": text[:40]})
        if f.kind is Kind.PERCENT:
            return str(number / 100), None
        if f.kind is Kind.INTEGER or f.name in ("horizon.months", "priority"):
            if number != number.to_integral_value():
                return None, Problem((f.name,), "field.whole_number", {"value": text[:40]})
            return int(number), None
        return str(number), None
    if f.name in ("horizon.months", "priority"):
        return int(text), None
    if f.kind is Kind.CURRENCY:
        return text.upper(), None
    return text, None


def _put(node: Any, path: Sequence[str | int], value: Any) -> None:
    """Set the value at ``path`` (None or an empty list: remove it, so the default applies)."""
    for key in path[:-1]:
        node = node[int(key)] if isinstance(node, list) else node.setdefault(str(key), {})
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
    item = _get(changed, where)
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
        before = shown(f, _get(item, path))
        _put(item, path, value)
        after = shown(f, _get(item, path))
        if before != after:
            result.changes.append(Change(f, _plain(before), _plain(after)))
            tier_chosen = tier_chosen or f.name == "plan"
    if result.problems:
        return result
    result.rates_added = add_missing_rates(changed)
    try:
        result.plan = parse_plan(changed, kpi_ids())
    except PlanError as err:
        _sort(err.problems, changed, where, result)
    return result


def _plain(value: Value) -> str:
    return ", ".join(value) if isinstance(value, list) else value


def _sort(
    problems: Sequence[Problem], document: Mapping[str, Any], where: tuple[str | int, ...],
    result: Edited,
) -> None:  # fmt: skip
    """Each problem beside its field when it is one of the edited item's, else apart."""
    item = _get(document, where)
    target_fields = [(f, _resolve(item, f)) for f in _all_of(document, where)]
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


def _all_of(document: Mapping[str, Any], where: tuple[str | int, ...]) -> tuple[FormField, ...]:
    if not where:
        return (*BUSINESS, *BUDGET, *START, *fx_fields(document))
    if len(where) == 2:
        return LISTS[str(where[0])]
    kind = str(_get(document, where).get("kind", ""))
    return BENEFITS.get(kind, ())


def item_of(document: Mapping[str, Any], target: Target) -> dict[str, Any]:
    found: dict[str, Any] = _get(document, item_path(document, target))
    return found


def note(
    t: Translator, document: Mapping[str, Any], target: Target, changes: list[Change],
    rates_added: Mapping[str, Decimal] | None = None,
) -> str:  # fmt: skip
    """The version's note in words: "ChatGPT：每人訓練時數 改為 6"."""
    item = item_of(document, target)
    if target.section in SINGLE:
        whose = t(f"builder.title_{target.section}")
    elif target.section == "benefits":
        tool = item_of(document, Target("tools", target.item))
        whose = t("builder.title_benefit", tool=tool.get("name", ""))
    else:
        whose = str(item.get("name") or item.get("role") or item.get("id"))
    parts = [
        t("builder.note_field", field=label(t, c.field), value=c.after or t("builder.note_default"))
        for c in changes[:NOTE_FIELDS]
    ]
    more = len(changes) - NOTE_FIELDS
    if more > 0:
        parts.append(t("builder.note_more", count=more))
    parts.extend(rates_note(t, rates_added, plan_currency(document)))
    return t("builder.note_changed", what=whose, changes=t("builder.list_sep").join(parts))


BENEFIT_STARTS: dict[str, dict[str, Any]] = {
    "hours_saved": {"hours_per_month": {"low": "2", "likely": "4", "high": "8"}},
    "revenue_lift": {
        "lift": {"low": "0.005", "likely": "0.01", "high": "0.02"},
        "gross_margin": "0.4",
    },
    "cost_avoided": {"monthly": {"low": "0", "likely": "1000", "high": "3000"}},
    "kpi_effect": {"change": {"low": "0", "likely": "1", "high": "2"}, "value_per_unit": "0"},
}


def plan_currency(document: Mapping[str, Any]) -> str:
    return str((document.get("company") or {}).get("currency", "TWD")).upper()


def rates_note(t: Translator, rates: Mapping[str, Decimal] | None, currency: str) -> list[str]:
    """ "1 USD = 31.5 TWD (default rate of 2026-11, can be changed)" for each rate taken."""
    return [
        t("builder.note_rate", currency=c, rate=format(r.normalize(), "f"), plan=currency,
          as_of=rates_as_of())
        for c, r in (rates or {}).items()
    ]  # fmt: skip


def with_benefit(document: Mapping[str, Any], tool_id: str | None, kind: str) -> tuple[int, Plan]:
    """A new benefit estimate of ``kind`` (starting values to adjust) on the tool: its
    index and the checked plan."""
    if kind not in BENEFIT_STARTS:
        raise EditError(kind)
    changed = copy.deepcopy(dict(document))
    tool = item_of(changed, Target("tools", tool_id))
    start = {"kind": kind, **copy.deepcopy(BENEFIT_STARTS[kind])}
    if kind == "kpi_effect":
        start["kpi"] = next(iter(tool.get("kpis") or []), "engagement_rate")
    tool.setdefault("benefits", []).append(start)
    return len(tool["benefits"]) - 1, _checked(changed)


def without_benefit(
    document: Mapping[str, Any], tool_id: str | None, index: int
) -> tuple[Plan, str]:
    changed = copy.deepcopy(dict(document))
    item_path(changed, Target("benefits", tool_id, index))  # EditError when not there
    tool = item_of(changed, Target("tools", tool_id))
    del tool["benefits"][index]
    return _checked(changed), str(tool.get("name", ""))


def _checked(document: dict[str, Any]) -> Plan:
    try:
        return parse_plan(document, kpi_ids())
    except PlanError as err:
        raise EditError(err.problems[0].message_id) from None
