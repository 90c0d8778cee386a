"""Built-in data shipped with the package (read with importlib.resources)."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from aibudget.domain.errors import Problem
from aibudget.domain.guidance import (
    CatalogTool,
    KpiEntry,
    Questionnaire,
    merge_catalog,
    resolve,
)

# libyaml's safe loader when PyYAML was built with it: the catalogue parses about ten
# times faster (a third of a second less for the first report or page of a process).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load(name: str) -> Any:
    text = files(__package__).joinpath(name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=SAFE_LOADER)  # a safe loader: plain data only


@cache
def kpi_library() -> dict[str, dict[str, Any]]:
    """KPI id -> its entry (unit, direction, typical range, names, how to measure)."""
    return {entry["id"]: entry for entry in _load("kpis.yaml")["kpis"]}


def kpi_ids() -> frozenset[str]:
    return frozenset(kpi_library())


@cache
def fx_defaults() -> tuple[str, dict[str, Decimal]]:
    """The month the default rates were taken, and NT$ per unit of each currency."""
    data = _load("fx.yaml")
    return str(data["as_of"]), {k: Decimal(str(v)) for k, v in data["twd_per_unit"].items()}


@cache
def kpi_entries() -> dict[str, KpiEntry]:
    """The KPI library as models (for the SMART check and the health check)."""
    return {k: KpiEntry.model_validate(v) for k, v in kpi_library().items()}


@cache
def _tools_yaml() -> dict[str, Any]:
    data: dict[str, Any] = _load("tools.yaml")
    return data


def _with_defaults(raw: dict[str, Any]) -> dict[str, Any]:
    """An entry without benefits takes its category's default benefit ranges."""
    defaults = _tools_yaml().get("category_defaults") or {}
    entry = dict(raw)
    category = entry.get("category")
    if "benefits" not in entry and isinstance(category, str):
        entry["benefits"] = defaults.get(category, [])
    return entry


@cache
def tool_catalog() -> dict[str, CatalogTool]:
    """The built-in tool catalog; entries without benefits take their category's defaults."""
    out: dict[str, CatalogTool] = {}
    for raw in _tools_yaml()["tools"]:
        out[raw["id"]] = CatalogTool.model_validate(_with_defaults(raw))
    return out


def catalog_for(overrides: list[dict[str, Any]]) -> tuple[dict[str, CatalogTool], list[Problem]]:
    """The built-in catalog with a plan's or workspace's ``catalog:`` entries applied.

    A new entry without benefits takes its category's defaults, as built-in ones do.
    """
    base = tool_catalog()
    prepared = [
        raw
        if not isinstance(raw, dict) or resolve(base, str(raw.get("id"))) is not None
        else _with_defaults(raw)
        for raw in overrides
    ]
    return merge_catalog(base, prepared)


@cache
def readiness_questionnaire() -> Questionnaire:
    """The readiness self-assessment (questions, advice, thresholds)."""
    return Questionnaire.model_validate(_load("readiness.yaml"))
