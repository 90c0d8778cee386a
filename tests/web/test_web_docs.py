"""The user guides name every setting and every API operation (docs that cannot go stale)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from aibudget.settings import Settings

DOCS = Path(__file__).resolve().parents[2] / "docs"
GUIDES = [DOCS / "guide-en.md", DOCS / "guide-zh-TW.md"]


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.stem)
def test_every_setting_is_documented(guide: Path) -> None:
    text = guide.read_text(encoding="utf-8")
    missing = [n for n in Settings.model_fields if f"AIBUDGET_{n.upper()}" not in text]
    assert missing == []


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.stem)
def test_every_api_operation_is_documented(guide: Path, client: TestClient) -> None:
    text = guide.read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([A-Z/]+) ([^`]+)` \|", text, flags=re.MULTILINE)
    documented = set()
    for methods, path in rows:
        tail = _shape(path.split("…")[-1])
        for method in methods.split("/"):
            documented.add((method, tail))
    spec = client.get("/api/v1/openapi.json").json()["paths"]
    for path, item in spec.items():
        for method in item:
            shape = _shape(path)
            assert any(m == method.upper() and shape.endswith(tail) for m, tail in documented), (
                method,
                path,
            )


def _shape(path: str) -> str:
    """``/plans/{plan_id}`` and ``/plans/{plan}`` are the same route."""
    return re.sub(r"\{[^}]+\}", "{}", path)
