"""Built-in data shipped with the package (read with importlib.resources)."""

from __future__ import annotations

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
)


def _load(name: str) -> Any:
    return yaml.safe_load(files(__package__).joinpath(name).read_text(encoding="utf-8"))


@cache
def kpi_library() -> dict[str, dict[str, Any]]:
    """KPI id -> its entry (unit, direction, typical range, names, how to measure)."""
    return {entry["id"]: entry for entry in _load("kpis.yaml")["kpis"]}


def kpi_ids() -> frozenset[str]:
    return frozenset(kpi_library())


@cache
def kpi_entries() -> dict[str, KpiEntry]:
    """The KPI library as models (for the SMART check and the health check)."""
    return {k: KpiEntry.model_validate(v) for k, v in kpi_library().items()}


@cache
def tool_catalog() -> dict[str, CatalogTool]:
    """The built-in tool catalog; entries without benefits take their category's defaults."""
    data = _load("tools.yaml")
    defaults = data.get("category_defaults") or {}
    out: dict[str, CatalogTool] = {}
    for raw in data["tools"]:
        entry = dict(raw)
        entry.setdefault("benefits", defaults.get(entry.get("category"), []))
        out[entry["id"]] = CatalogTool.model_validate(entry)
    return out


def catalog_for(overrides: list[dict[str, Any]]) -> tuple[dict[str, CatalogTool], list[Problem]]:
    """The built-in catalog with a plan's or workspace's ``catalog:`` entries applied."""
    return merge_catalog(tool_catalog(), overrides)


@cache
def readiness_questionnaire() -> Questionnaire:
    """The readiness self-assessment (questions, advice, thresholds)."""
    return Questionnaire.model_validate(_load("readiness.yaml"))
