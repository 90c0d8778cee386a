from __future__ import annotations

from pathlib import Path

import pytest

from aibudget.imports import ImportOptions, Preview, preview_file

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def load(name: str, **options: object) -> Preview:
    return load_path(FIXTURES / name, **options)


def load_path(path: Path, **options: object) -> Preview:
    return preview_file(path, ImportOptions(**options))  # type: ignore[arg-type]


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES
