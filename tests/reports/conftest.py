"""Report fixtures: the example plans gathered once per test session (a fixed date)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from aibudget.domain.actuals import ActualRecord, Actuals, with_fingerprint
from aibudget.domain.plan import LineItem
from aibudget.planfile import load_plan
from aibudget.reports import ReportData, ReportMeta, gather

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ARTEFACTS = Path(__file__).resolve().parents[2] / "build" / "report-artefacts"
REPORT_DATE = date(2027, 1, 15)


def gathered(name: str, **options: object) -> ReportData:
    plan = load_plan(EXAMPLES / name)
    meta = ReportMeta(generated=REPORT_DATE, version="v3", state="approved")
    return gather(plan, meta, trials=2_000, **options)  # type: ignore[arg-type]


def cafe_actuals() -> Actuals:
    """Three months of the cafe: ChatGPT paid and saving hours, Canva on its trial."""
    records = []
    for month in ("2027-01", "2027-02", "2027-03"):
        records += [
            ActualRecord(
                month=month, tool="chatgpt", line=LineItem.SUBSCRIPTION, amount=Decimal(1600)
            ),
            ActualRecord(month=month, tool="chatgpt", hours_saved=Decimal(14), seats=2),
            ActualRecord(month=month, tool="canva", hours_saved=Decimal(5)),
        ]
    return Actuals(currency="TWD", records=[with_fingerprint(r) for r in records])


@pytest.fixture(scope="session")
def cafe() -> ReportData:
    return gathered("taipei-cafe.yaml")


@pytest.fixture(scope="session")
def cafe_review() -> ReportData:
    return gathered("taipei-cafe.yaml", actuals=cafe_actuals())


@pytest.fixture(scope="session")
def machine_parts() -> ReportData:
    return gathered("b2b-machine-parts.yaml")


@pytest.fixture(scope="session")
def artefacts() -> Path:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    return ARTEFACTS
