"""Charts for the PDF report: matplotlib figures rendered to PNG bytes.

Every function takes words already translated and plain numbers, and returns a PNG.
Figures are :class:`matplotlib.figure.Figure` objects drawn with the Agg canvas, never
pyplot, so nothing stays behind between calls. The CJK font is registered with
matplotlib once per process; the font settings are applied inside ``rc_context`` under
a lock (matplotlib's settings are process-wide, and a web server renders in threads).
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from aibudget.reports.fonts import cjk_fonts

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

ACCENT = "#1f5f8b"
ACCENT_LIGHT = "#9dbfd8"
INK = "#222222"
MUTED = "#6b7280"
GRID = "#e5e7eb"
COST = "#b8bec6"
LOSS = "#b54a3c"
WIDTH_IN = 6.7  # 170 mm: the text width of an A4 page with 20 mm margins
DPI = 170
_LOCK = threading.Lock()

Formatter = Callable[[float], str]


@cache
def _font_family() -> str:
    """Register the CJK font faces with matplotlib (once) and return the family name."""
    from matplotlib import font_manager

    fonts = cjk_fonts()
    for face in {fonts.regular.path, fonts.bold.path}:
        font_manager.fontManager.addfont(str(face))
    return fonts.regular.family


@contextmanager
def _figure(height_in: float) -> Iterator[tuple[Figure, io.BytesIO]]:
    """A figure of the page's width with the report's style; yields (figure, sink)."""
    import matplotlib
    from matplotlib.figure import Figure

    family = _font_family()
    style: dict[Any, Any] = {
        "font.family": [family, "DejaVu Sans"],
        "font.size": 8.5,
        "axes.edgecolor": MUTED,
        "axes.labelcolor": INK,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "xtick.color": MUTED,
        "ytick.color": MUTED,
        "text.color": INK,
        "legend.frameon": False,
        "svg.fonttype": "none",
    }
    sink = io.BytesIO()
    with _LOCK, matplotlib.rc_context(style):
        fig = Figure(figsize=(WIDTH_IN, height_in), dpi=DPI, layout="constrained")
        yield fig, sink
        fig.savefig(sink, format="png", dpi=DPI, facecolor="white")


def _shades(count: int) -> list[Any]:
    """``count`` calm shades of the accent colour, dark to light."""
    from matplotlib.colors import LinearSegmentedColormap

    cmap = LinearSegmentedColormap.from_list("accent", [ACCENT, "#d6e6f2"])
    if count <= 1:
        return [ACCENT]
    return [cmap(i / (count - 1)) for i in range(count)]


def _money_axis(ax: Axes, fmt: Formatter, axis: Literal["x", "y"] = "y") -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_formatter(FuncFormatter(lambda value, _pos: fmt(value)))
    target.set_major_locator(MaxNLocator(nbins=6))
    ax.grid(axis=axis, color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)


# ------------------------------------------------------------------ the charts


def donut(slices: Sequence[tuple[str, float]], centre: str, rest: str | None = None) -> bytes:
    """Shares of a budget; ``rest`` labels the last slice (e.g. unallocated) in grey."""
    values = [max(v, 0.0) for _, v in slices]
    colours = _shades(len(values) - (1 if rest else 0)) + (["#e5e7eb"] if rest else [])
    with _figure(2.7) as (fig, sink):
        ax = fig.add_subplot()
        total = sum(values)
        if total > 0:
            ax.pie(
                values,
                colors=colours,
                startangle=90,
                counterclock=False,
                wedgeprops={"width": 0.38, "edgecolor": "white", "linewidth": 1.2},
            )
        ax.text(0, 0, centre, ha="center", va="center", fontsize=10, fontweight="bold")
        ax.set_aspect("equal")
        labels = [
            f"{label}  {value / total:.0%}" if total else label
            for (label, _), value in zip(slices, values, strict=True)
        ]
        ax.legend(
            ax.patches,
            labels,
            loc="center left",
            bbox_to_anchor=(1.0, 0.5),
            fontsize=8.5,
            handlelength=1.0,
        )
    return sink.getvalue()


@dataclass(frozen=True)
class CashFlowLabels:
    costs: str
    benefits: str
    cumulative: str
    payback: str  # text at the payback marker, e.g. "payback: month 7"


def cash_flow(
    months: Sequence[str],
    costs: Sequence[float],
    benefits: Sequence[float],
    cumulative: Sequence[float],
    payback: int | None,
    labels: CashFlowLabels,
    fmt: Formatter,
) -> bytes:
    """Two panels sharing the months: the cumulative net cash as a line with the payback
    month marked (top), and the monthly benefits (up) and costs (down) as bars (bottom).
    Index 0 is the month before the start ("initial")."""
    x = list(range(len(months)))
    with _figure(3.6) as (fig, sink):
        top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=[1.5, 1])
        top.plot(x, cumulative, color=ACCENT, linewidth=1.8, marker="o", markersize=2.5)
        top.fill_between(x, cumulative, 0, color=ACCENT, alpha=0.06)
        top.axhline(0, color=MUTED, linewidth=0.8)
        _money_axis(top, fmt)
        if payback is not None and 0 <= payback < len(x):
            for ax in (top, bottom):
                ax.axvline(payback, color=INK, linewidth=0.9, linestyle="--")
            top.annotate(
                labels.payback,
                xy=(payback, cumulative[payback]),
                xytext=(7, -16),
                textcoords="offset points",
                fontsize=8,
                color=INK,
            )
        bottom.bar(x, benefits, color=ACCENT_LIGHT, width=0.75)
        bottom.bar(x, [-c for c in costs], color=COST, width=0.75)
        bottom.axhline(0, color=MUTED, linewidth=0.8)
        _money_axis(bottom, fmt)
        bottom.yaxis.set_major_locator(_locator(4))
        handles = [*top.lines[:1], *bottom.containers]
        names = [labels.cumulative, labels.benefits, labels.costs]
        top.legend(handles, names, loc="upper left", fontsize=7.5, ncols=3)
        step = max(1, len(x) // 12)
        bottom.set_xticks(x[::step], [months[i] for i in x[::step]], fontsize=7)
    return sink.getvalue()


def _locator(bins: int) -> Any:
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(nbins=bins)


def npv_ranges(
    rows: Sequence[tuple[str, float, float, float]],
    legend: tuple[str, str],
    fmt: Formatter,
) -> bytes:
    """Per row (name, P10, P50, P90): the P10-P90 range as a bar and P50 as a dot.
    ``legend`` names the range and the median. The first row is drawn emphasised."""
    names = [r[0] for r in rows]
    y = list(range(len(rows)))[::-1]
    height = 0.6 + 0.42 * max(len(rows), 2)
    with _figure(height) as (fig, sink):
        ax = fig.add_subplot()
        for pos, (_name, p10, p50, p90), first in zip(
            y, rows, [True] + [False] * (len(rows) - 1), strict=True
        ):
            colour = ACCENT if first else ACCENT_LIGHT
            ax.barh(pos, p90 - p10, left=p10, height=0.45, color=colour)
            ax.plot([p50], [pos], marker="o", color=INK, markersize=4, markeredgecolor="white")
        ax.axvline(0, color=LOSS, linewidth=0.9)
        ax.set_yticks(y, names)
        _money_axis(ax, fmt, axis="x")
        from matplotlib.lines import Line2D
        from matplotlib.patches import Patch

        ax.legend(
            [
                Patch(color=ACCENT_LIGHT),
                Line2D([], [], marker="o", color=INK, linestyle="", markersize=4),
            ],
            list(legend),
            loc="lower right",
            fontsize=8,
        )
        ax.margins(y=0.15)
    return sink.getvalue()


def tornado(
    bars: Sequence[tuple[str, float, float]],
    base: float,
    legend: tuple[str, str],
    fmt: Formatter,
) -> bytes:
    """Per input (label, NPV at its low value, NPV at its high value), widest on top,
    around the ``base`` NPV. ``legend`` names the low and the high side."""
    y = list(range(len(bars)))[::-1]
    height = 0.7 + 0.38 * max(len(bars), 2)
    with _figure(height) as (fig, sink):
        ax = fig.add_subplot()
        for pos, (_label, low, high) in zip(y, bars, strict=True):
            ax.barh(pos, low - base, left=base, height=0.55, color=COST)
            ax.barh(pos, high - base, left=base, height=0.55, color=ACCENT_LIGHT)
        ax.axvline(base, color=INK, linewidth=0.9)
        ax.set_yticks(y, [_short(b[0]) for b in bars])
        _money_axis(ax, fmt, axis="x")
        from matplotlib.patches import Patch

        ax.legend(
            [Patch(color=COST), Patch(color=ACCENT_LIGHT)],
            list(legend),
            loc="lower right",
            fontsize=8,
        )
    return sink.getvalue()


@dataclass(frozen=True)
class ReviewLabels:
    plan: str
    forecast: str
    actual: str
    today: str  # marks the review month


def review_lines(
    months: Sequence[str],
    plan: Sequence[float],
    forecast: Sequence[float],
    actual: Sequence[float | None],
    as_of: str | None,
    labels: ReviewLabels,
    fmt: Formatter,
) -> bytes:
    """Cumulative net cash: plan vs forecast, with the actuals to date."""
    x = list(range(len(months)))
    with _figure(2.6) as (fig, sink):
        ax = fig.add_subplot()
        ax.plot(x, plan, color=MUTED, linewidth=1.4, linestyle="--", label=labels.plan)
        ax.plot(x, forecast, color=ACCENT, linewidth=1.8, label=labels.forecast)
        shown = [(i, v) for i, v in zip(x, actual, strict=True) if v is not None]
        if shown:
            ax.plot(
                [i for i, _ in shown],
                [v for _, v in shown],
                color=INK,
                linewidth=0,
                marker="o",
                markersize=3.5,
                label=labels.actual,
            )
        if as_of in months:
            ax.axvline(months.index(as_of), color=MUTED, linewidth=0.8, linestyle=":")
            ax.annotate(
                labels.today,
                xy=(months.index(as_of), 1.0),
                xycoords=("data", "axes fraction"),
                xytext=(3, -10),
                textcoords="offset points",
                fontsize=7.5,
                color=MUTED,
            )
        ax.axhline(0, color=MUTED, linewidth=0.6)
        step = max(1, len(x) // 12)
        ax.set_xticks(x[::step], [months[i] for i in x[::step]], fontsize=7)
        _money_axis(ax, fmt)
        ax.legend(loc="lower right", fontsize=8, ncols=3)
    return sink.getvalue()


def _short(text: str, limit: int = 28) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
