"""docs/hosted.md names every setting of background work and e-mail, and the README
links to it (docs that cannot go stale)."""

from __future__ import annotations

from pathlib import Path

from aibudget.jobs.settings import JobSettings
from aibudget.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def test_every_job_and_web_setting_is_in_the_hosting_guide() -> None:
    text = (ROOT / "docs" / "hosted.md").read_text(encoding="utf-8")
    names = [*JobSettings.model_fields, *Settings.model_fields]
    assert [n for n in names if f"AIBUDGET_{n.upper()}" not in text] == []


def test_the_readme_links_the_hosting_guide() -> None:
    assert "docs/hosted.md" in (ROOT / "README.md").read_text(encoding="utf-8")
