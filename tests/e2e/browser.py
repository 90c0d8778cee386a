"""Helpers for the browser tests: the example plan and screenshots as test artefacts."""

from __future__ import annotations

from pathlib import Path

SHOTS = Path(__file__).resolve().parents[2] / "build" / "e2e-screenshots"
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "taipei-cafe.yaml"


def shot(page: object, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
    return path
