"""Built-in data shipped with the package (read with importlib.resources)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

import yaml


def _load(name: str) -> Any:
    return yaml.safe_load(files(__package__).joinpath(name).read_text(encoding="utf-8"))


@cache
def kpi_library() -> dict[str, dict[str, Any]]:
    """KPI id -> its entry (unit, direction, typical range, names, how to measure)."""
    return {entry["id"]: entry for entry in _load("kpis.yaml")["kpis"]}


def kpi_ids() -> frozenset[str]:
    return frozenset(kpi_library())
