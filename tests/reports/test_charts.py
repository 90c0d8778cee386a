"""Charts for the PDF: PNG images whose Chinese labels have glyphs, made without leaving
any matplotlib setting changed behind them."""

from __future__ import annotations

import io
import warnings

import matplotlib
import pytest
from PIL import Image

from aibudget.reports import charts

PNG = b"\x89PNG\r\n\x1a\n"


def money(value: float) -> str:
    return f"NT${value:,.0f}"


def cases() -> dict[str, bytes]:
    months = [f"2027-{m:02d}" for m in range(1, 13)]
    cumulative = [-20_000.0 + 5_000 * i for i in range(12)]
    return {
        "donut": charts.donut(
            [("工具訂閱", 60_000.0), ("教育訓練", 48_000.0), ("未配置", 20_000.0)],
            "預算\nNT$128,000",
            "未配置",
        ),
        "cash_flow": charts.cash_flow(
            months,
            [20_000.0] + [2_000.0] * 11,
            [0.0] + [7_000.0] * 11,
            cumulative,
            4,
            charts.CashFlowLabels("成本", "效益", "累計淨額", "回本：第 4 個月"),
            money,
        ),
        "npv_ranges": charts.npv_ranges(
            [("整體計畫", -5_000.0, 40_000.0, 90_000.0), ("ChatGPT 商務版", 1.0, 2.0, 3.0)],
            ("P10 – P90 區間", "中位數（P50）"),
            money,
        ),
        "tornado": charts.tornado(
            [("貼文與商品文案初稿", 20_000.0, 80_000.0), ("會員電子報回購", 30_000.0, 60_000.0)],
            45_000.0,
            ("低估值", "高估值"),
            money,
        ),
        "review": charts.review_lines(
            months,
            cumulative,
            [v * 0.8 for v in cumulative],
            [*cumulative[:3], *[None] * 9],
            "2027-03",
            charts.ReviewLabels("計畫", "預測", "實際", "檢討"),
            money,
        ),
    }


@pytest.fixture(scope="module")
def made() -> tuple[dict[str, bytes], list[str], dict[str, object]]:
    before = dict(matplotlib.rcParams)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        images = cases()
    after = dict(matplotlib.rcParams)
    changed = {k: after[k] for k in before if before[k] != after[k]}
    return images, [str(w.message) for w in caught], changed


def test_every_chart_is_a_png_of_the_page_width(
    made: tuple[dict[str, bytes], list[str], dict[str, object]],
) -> None:
    images, _, _ = made
    for name, data in images.items():
        assert data[:8] == PNG, name
        with Image.open(io.BytesIO(data)) as img:
            assert img.width == round(charts.WIDTH_IN * charts.DPI), name
            assert img.height > 200, name


def test_chinese_labels_have_glyphs(
    made: tuple[dict[str, bytes], list[str], dict[str, object]],
) -> None:
    _, messages, _ = made
    assert [m for m in messages if "missing from" in m or "Glyph" in m] == []


def test_no_setting_is_left_changed(
    made: tuple[dict[str, bytes], list[str], dict[str, object]],
) -> None:
    _, _, changed = made
    assert changed == {}
