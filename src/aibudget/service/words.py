"""A field's value in the owner's words: choices by their label, members and KPIs by
their names, shares as percentages (for form choices and the versions' notes)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from aibudget.catalog import kpi_library
from aibudget.i18n import Translator
from aibudget.service.fields import FormField, Kind


@cache
def kpi_names(locale: str) -> dict[str, str]:
    """KPI id -> its name in ``locale`` (built once per locale; callers only read it)."""
    key = "zh-TW" if locale == "zh_TW" else "en"
    return {k: str(e.get("name", {}).get(key) or k) for k, e in kpi_library().items()}


def choice_label(t: Translator, f: FormField, value: str) -> str:
    if f.name == "category":
        return t(f"category.{value}")
    if f.name == "company.currency":
        return value
    return t(f"field.choice.{f.name}.{value}")


def said(t: Translator, document: Mapping[str, Any], f: FormField, value: str | list[str]) -> str:
    """A value as a note says it ("" when empty: the default)."""
    items = value if isinstance(value, list) else [value] if value else []
    if f.kind in (Kind.MEMBER, Kind.MEMBERS):
        team = {m.get("id"): m.get("name") or m.get("role") for m in document.get("team") or []}
        items = [str(team.get(v) or v) for v in items]
    elif f.kind in (Kind.KPI, Kind.KPIS):
        names = kpi_names(t.locale)
        items = [names.get(v, v) for v in items]
    elif f.choices:
        items = [choice_label(t, f, v) for v in items]
    elif f.kind is Kind.PERCENT:
        items = [f"{v}%" for v in items]
    elif f.kind is Kind.BOOL:
        items = [t("builder.yes")] if items else [t("builder.no")]
    return t("builder.list_sep").join(items)
