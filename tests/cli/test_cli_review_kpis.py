"""``aibudget review`` on the demo: each goal's projection, in the JSON and in words,
recomputed here from the example's own CSV rows."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest

from aibudget.catalog import kpi_entries
from aibudget.domain.review import KpiProjection, KpiStatus
from aibudget.i18n import Translator
from aibudget.present.review_kpis import projection_text
from tests.cli.test_cli_monitor import run

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "taipei-cafe.yaml"
ACTUALS = EXAMPLE.with_name("taipei-cafe-actuals.csv")
CENT = 0.005


def recorded(kpi: str) -> tuple[list[int], list[float]]:
    """(month of 2027, value) of one KPI, read straight from the example file."""
    with ACTUALS.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["KPI"] == kpi]
    return [int(r["Month"][5:7]) for r in rows], [float(r["KPI value"]) for r in rows]


def review_json(*extra: str) -> dict:
    code, out, err = run("review", EXAMPLE, "--actuals", ACTUALS, "--json", *extra)
    assert code == 0, err
    return json.loads(out)


def test_revenue_follows_its_trend_to_the_deadline_and_says_so() -> None:
    months, revenue = recorded("online_revenue")
    assert len(months) >= 2
    slope, intercept = np.polyfit(months, revenue, 1)
    expected = intercept + slope * 12  # the goal's deadline is 2027-12
    first = next(m for m in range(months[-1] + 1, 13) if intercept + slope * m >= 300_000)
    doc = review_json("--lang", "zh-TW")
    sales = next(k for k in doc["kpis"] if k["goal"] == "online-sales")
    p = sales["projection"]
    assert float(p["value"]) == pytest.approx(expected, abs=CENT)
    assert (p["verdict"], p["reach_month"]) == ("on_track", f"2027-{first:02d}")
    text = sales["projection_text"]
    assert text.startswith("照目前的速度，2027年12月約可達 NT$")
    assert f"NT${round(expected):,}" in text and f"2027年{first}月" in text


def test_a_rate_falls_short_and_the_gap_is_in_words() -> None:
    _, rates = recorded("engagement_rate")
    mean = sum(rates[-3:]) / len(rates[-3:])
    doc = review_json("--lang", "en")
    k = next(k for k in doc["kpis"] if k["goal"] == "engagement")
    assert k["projection"]["verdict"] == "behind"
    gap = round((3 - mean) / 3 * 100)
    assert k["projection_text"] == (
        f"If it stays at its recent average of {mean:.1f}%, it will still be {gap}% short "
        "of the target of 3% in Dec 2027."
    )


def test_one_month_recorded_gives_no_projection_and_the_reason() -> None:
    doc = review_json("--as-of", "2027-01", "--lang", "zh-TW")
    sales = next(k for k in doc["kpis"] if k["goal"] == "online-sales")
    assert sales["projection"] is None and sales["projection_note"] == "few_months"
    assert "至少需要兩個月" in sales["projection_text"]


def test_the_terminal_review_prints_each_projection() -> None:
    code, out, _ = run("review", EXAMPLE, "--actuals", ACTUALS, "--lang", "zh-TW")
    assert code == 0
    assert out.count("照目前的速度") == 2 and out.count("若維持最近的平均") == 1


@pytest.mark.parametrize(("gap", "words"), [("0.004", "（差 0.4%）"), ("0.25", "（差 25%）")])
def test_a_small_shortfall_is_never_called_zero(gap: str, words: str) -> None:
    projection = KpiProjection(
        method="trend", direction="up", deadline="2027-12", value=Decimal("298800"),
        months_used=3, verdict="behind", reach_month=None, recorded_reach=False,
        months_early=0, gap=Decimal(gap),
    )  # fmt: skip
    k = KpiStatus(
        goal="g", kpi="online_revenue", baseline=None, target=Decimal(300_000),
        deadline="2027-12", latest=None, month=None, attainment=None, expected=None,
        status="behind", projection=projection,
    )  # fmt: skip
    text = projection_text(Translator("zh-TW"), k, "TWD", kpi_entries())
    assert text == f"照目前的速度，2027年12月約可達 NT$298,800，目標值 NT$300,000{words}。"
