"""The web's charts and the PDF's draw the same series: the same labels and values, in
the same order, for the demo plan (the cafe, with three months of actuals).

The web side is read from the Plotly figures the pages embed; the PDF side from the
charts the document drew (``ReportPDF.charts``) and, independently, from the PDF's own
text, where the vector charts write their labels.
"""

from __future__ import annotations

import itertools
import math
import re
import shutil
import subprocess
from decimal import Decimal

import pytest

from aibudget.catalog import kpi_entries
from aibudget.i18n import Translator
from aibudget.present import charts as series
from aibudget.reports import ReportData
from aibudget.reports.pdf import build_pdf
from aibudget.reports.pdf_charts import nice_ticks
from aibudget.web.charts import all_charts, line_items
from aibudget.web.charts_monitor import review_charts

LANGS = ("zh_TW", "en")


def web_figures(data: ReportData, t: Translator) -> dict[str, dict]:  # type: ignore[type-arg]
    charts = all_charts(t, data.evaluation, data.simulation)
    assert data.optimisation is not None and data.review is not None
    charts += [line_items(t, data.optimisation), *review_charts(t, data.review)]
    return {chart.id: chart.figure for chart in charts}


def pdf_charts(data: ReportData, t: Translator) -> dict[str, series.ChartSeries]:
    return {chart.id: chart for chart in build_pdf(data, t).charts}


@pytest.mark.parametrize("lang", LANGS)
def test_the_web_and_the_pdf_draw_the_same_series(cafe_review: ReportData, lang: str) -> None:
    t = Translator(lang)
    web, pdf = web_figures(cafe_review, t), pdf_charts(cafe_review, t)
    assert set(pdf) == {"line-items", "cash-flow", "npv-range", "tornado", "review-net"}

    cash = pdf["cash-flow"]
    traces = web["cash-flow"]["data"]
    assert [tr["name"] for tr in traces] == [s.name for s in cash.series]
    for trace, drawn in zip(traces, cash.series, strict=True):
        assert trace["x"] == list(cash.categories)
        assert trace["y"] == list(drawn.values)
    assert cash.marker is not None
    assert web["cash-flow"]["layout"]["shapes"][0]["x0"] == cash.categories[cash.marker.index]

    ranges = pdf["npv-range"]
    band, median = web["npv-range"]["data"]
    assert ranges.band is not None
    assert band["y"] == median["y"] == list(ranges.categories)
    assert band["base"] == list(ranges.band.low)
    assert [b + w for b, w in zip(band["base"], band["x"], strict=True)] == pytest.approx(
        list(ranges.band.high)
    )
    assert median["x"] == list(ranges.series[0].values)

    bars = pdf["tornado"]
    assert bars.base is not None
    for trace, drawn in zip(web["tornado"]["data"], bars.series, strict=True):
        assert trace["y"] == [series.input_lines(name, "<br>") for name in bars.categories]
        assert [bars.base + x for x in trace["x"]] == pytest.approx(list(drawn.values))

    shares = pdf["line-items"]
    (pie,) = web["line-items"]["data"]
    assert pie["labels"] == list(shares.categories)
    assert pie["values"] == list(shares.series[0].values)


def test_the_series_are_the_engines_numbers(cafe_review: ReportData) -> None:
    """Recounted from the results: costs drawn below zero from month 0 ("initial"), the
    payback marked on its month, the tornado widest first, the shares adding up to the
    budget."""
    t = Translator("zh_TW")
    ev, sim, opt = cafe_review.evaluation, cafe_review.simulation, cafe_review.optimisation
    assert opt is not None
    cash = series.cash_flow(t, ev)
    assert len(cash.categories) == len(ev.monthly_costs)
    assert cash.categories[0] == t("cli.period_initial")
    assert cash.series[0].values == tuple(-float(c) for c in ev.monthly_costs)
    assert cash.series[2].values == tuple(float(c) for c in ev.cumulative_net)
    assert cash.marker is not None and cash.marker.index == ev.expected.payback_month
    payback = cash.marker.index
    assert ev.cumulative_net[payback] >= 0 > ev.cumulative_net[payback - 1]

    bars = series.tornado(t, ev, sim, kpi_entries())
    assert bars is not None
    low, high = bars.series
    swings = [abs(h - lo) for lo, h in zip(low.values, high.values, strict=True)]  # type: ignore[operator]
    assert swings == sorted(swings, reverse=True)
    assert all("kpi:" not in label for label in bars.categories)

    shares = series.budget_shares(t, opt)
    total = sum(Decimal(repr(v)) for v in shares.series[0].values)  # type: ignore[arg-type]
    assert total == opt.budget


def test_the_web_cash_flow_table_starts_with_the_initial_month(cafe_review: ReportData) -> None:
    """Month 0 (one-off costs) is a month of its own; every month of the horizon has a row."""
    t = Translator("zh_TW")
    ev = cafe_review.evaluation
    chart = all_charts(t, ev, cafe_review.simulation)[0]
    assert len(chart.rows) == ev.months + 1
    assert chart.rows[0][0] == t("cli.period_initial")
    assert chart.rows[0][1] == t.money(-ev.monthly_costs[0], ev.currency)
    assert chart.rows[-1][3] == t.money(ev.cumulative_net[-1], ev.currency)


def test_ad_spend_is_counted_once_in_the_shares(cafe_review: ReportData) -> None:
    """Channels' monthly spend is already inside the ad-spend line item: the slices add up
    to the budget, never more."""
    opt = cafe_review.optimisation
    assert opt is not None
    budget = opt.budget
    items = {"subscription": budget / 4, "ad_spend": budget / 2}
    spent = sum(items.values(), Decimal(0))
    with_ads = opt.model_copy(
        update={
            "line_items": items,
            "ad_spend": {"meta": budget / 48},
            "unallocated": budget - spent,
        }
    )
    shares = series.budget_shares(Translator("en"), with_ads)
    assert sum(shares.series[0].values) == pytest.approx(float(budget))  # type: ignore[arg-type]
    assert shares.rest and shares.categories[-1] == Translator("en")("optimize.unallocated")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_the_pdf_writes_the_chart_labels_as_text(cafe_review: ReportData) -> None:
    t = Translator("zh_TW")
    doc = build_pdf(cafe_review, t)
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=doc.finished(), capture_output=True, check=True
    ).stdout.decode()
    flat = re.sub(r"\s+", "", text)
    for chart in doc.charts:
        for name in [s.name for s in chart.series]:
            assert re.sub(r"\s+", "", name) in flat, (chart.id, name)
    ranges = next(c for c in doc.charts if c.id == "npv-range")
    for label in ranges.categories:
        assert re.sub(r"\s+", "", label) in flat


@pytest.mark.parametrize(
    ("low", "high", "zero"),
    [
        (-22_250, 158_000, True),
        (3, 7, True),
        (262_261, 1_806_972, False),
        (-5, -1, True),
        (0, 0, True),
    ],
)
def test_ticks_are_round_and_cover_the_values(low: float, high: float, zero: bool) -> None:
    ticks = nice_ticks(low, high, zero=zero)
    assert ticks[0] <= low and ticks[-1] >= high
    assert (0.0 in ticks) or not zero or not (ticks[0] <= 0 <= ticks[-1])
    steps = {round(b - a, 6) for a, b in itertools.pairwise(ticks)}
    assert len(steps) == 1 and 2 <= len(ticks) <= 12
    step = steps.pop()
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert any(mantissa == pytest.approx(m) for m in (1, 2, 2.5, 5)), step
