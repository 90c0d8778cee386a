"""Charts drawn straight into the PDF as vector shapes and text, from the series of
:mod:`aibudget.present.charts` (the web's charts draw the same series).

The charts are simple (bars, lines, ranges, a donut), so they are drawn with fpdf2's own
shapes in the report's font: sharp at any zoom, searchable, and no picture library to
load. Each function draws at the current position across the text width, starting a
new page first when the chart (and ``keep`` mm below it, e.g. its table) would not fit.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from aibudget.present.charts import PALETTE, REST, SHARES, ChartSeries
from aibudget.reports.pdf_doc import FAMILY, MARGIN, MUTED, WIDTH, Colour, ReportPDF

Formatter = Callable[[float], str]
INK: Colour = (34, 34, 34)
GRID: Colour = (229, 231, 235)
AXIS: Colour = (107, 114, 128)
LOSS: Colour = (181, 74, 60)
TICK_PT = 7.0
LABEL_PT = 7.5
PT = 0.3528  # mm per point


def rgb(hex_colour: str) -> Colour:
    value = hex_colour.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def nice_ticks(low: float, high: float, count: int = 5, zero: bool = True) -> list[float]:
    """Round tick values covering ``low`` .. ``high`` in about ``count`` steps (and zero,
    unless ``zero`` is false)."""
    if zero:
        low, high = min(low, 0.0), max(high, 0.0)
    if high <= low:
        high = low + (abs(low) or 1.0)
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step + 1e-9) * step
    last = math.ceil(high / step - 1e-9) * step
    return [first + i * step for i in range(round((last - first) / step) + 1)]


def _text(
    doc: ReportPDF, x: float, y: float, text: str, size: float = TICK_PT, align: str = "L"
) -> None:
    """One line of text vertically centred on ``y``; ``align`` L, C or R at ``x``."""
    doc.set_font(FAMILY, "", size)
    width = doc.get_string_width(text)
    left = {"L": x, "C": x - width / 2, "R": x - width}[align]
    doc.text(left, y + size * PT * 0.36, text)


def _fit(doc: ReportPDF, text: str, width: float, size: float) -> str:
    """``text`` cut with an ellipsis to fit ``width`` mm."""
    doc.set_font(FAMILY, "", size)
    if doc.get_string_width(text) <= width:
        return text
    while text and doc.get_string_width(text + "…") > width:
        text = text[:-1]
    return text + "…"


def _legend(doc: ReportPDF, x: float, y: float, items: Sequence[tuple[str, Colour, str]]) -> None:
    """Swatches and names in a row from (x, y); kind: box, line, dot or dash."""
    for name, colour, kind in items:
        doc.set_fill_color(*colour)
        doc.set_draw_color(*colour)
        if kind == "box":
            doc.rect(x, y - 1.3, 3, 2.6, style="F")
        elif kind == "dot":
            doc.circle(x + 1.5, y, 0.8, style="F")
        else:
            doc.set_line_width(0.5)
            if kind == "dash":
                doc.set_dash_pattern(1.2, 0.8)
            doc.line(x, y, x + 4, y)
            doc.set_dash_pattern()
        _text(doc, x + 5, y, name, LABEL_PT)
        x += 5 + doc.get_string_width(name) + 5


def _space(doc: ReportPDF, chart: ChartSeries, height: float, keep: float) -> float:
    """Make room for ``chart``, ``height`` mm tall, and note it as drawn; returns its top."""
    doc.ensure(height + 2 + keep)
    doc.charts.append(chart)
    return doc.get_y()


class _Scale:
    """Values to positions along one axis (``flip``: larger values upward)."""

    def __init__(self, ticks: Sequence[float], start: float, end: float) -> None:
        self.low, self.high = ticks[0], ticks[-1]
        self.ticks = ticks
        self.start, self.end = start, end

    def __call__(self, value: float) -> float:
        share = (value - self.low) / (self.high - self.low)
        return self.start + share * (self.end - self.start)


def _value_axis_y(doc: ReportPDF, scale: _Scale, left: float, right: float, fmt: Formatter) -> None:
    """Grid lines and labels of a vertical money axis (plot from ``left`` to ``right``)."""
    doc.set_line_width(0.15)
    for tick in scale.ticks:
        y = scale(tick)
        doc.set_draw_color(*(AXIS if tick == 0 else GRID))
        doc.line(left, y, right, y)
        doc.set_text_color(*MUTED)
        _text(doc, left - 1.5, y, fmt(tick), align="R")
    doc.set_text_color(*INK)


def _value_axis_x(doc: ReportPDF, scale: _Scale, top: float, bottom: float, fmt: Formatter) -> None:
    """Grid lines and labels of a horizontal money axis (plot from ``top`` to ``bottom``)."""
    doc.set_line_width(0.15)
    doc.set_draw_color(*GRID)
    doc.set_text_color(*MUTED)
    for tick in scale.ticks:
        x = scale(tick)
        doc.line(x, top, x, bottom)
        _text(doc, x, bottom + 2.5, fmt(tick), align="C")
    doc.set_text_color(*INK)


def _axis_width(doc: ReportPDF, ticks: Sequence[float], fmt: Formatter) -> float:
    doc.set_font(FAMILY, "", TICK_PT)
    return max(doc.get_string_width(fmt(t)) for t in ticks) + 3


def _dashed_line(
    doc: ReportPDF, x: float, y0: float, y1: float, colour: Colour, dash: float
) -> None:
    """A vertical marker (payback month, review date) from ``y0`` down to ``y1``."""
    doc.set_draw_color(*colour)
    doc.set_line_width(0.25)
    doc.set_dash_pattern(dash, 0.8)
    doc.line(x, y0, x, y1)
    doc.set_dash_pattern()


def _month_labels(
    doc: ReportPDF, categories: Sequence[str], x_of: Callable[[int], float], y: float
) -> None:
    step = max(1, math.ceil(len(categories) / 9))
    doc.set_text_color(*MUTED)
    for i in range(0, len(categories), step):
        _text(doc, x_of(i), y, categories[i], align="C")
    doc.set_text_color(*INK)


def _values(values: Sequence[float | None]) -> list[float]:
    return [v for v in values if v is not None]


def cash_flow(doc: ReportPDF, chart: ChartSeries, fmt: Formatter, keep: float = 0) -> None:
    """The cumulative net cash as a line with the payback month marked (top panel) and
    the monthly benefits (up) and costs (down) as bars (bottom panel)."""
    costs, benefits, cumulative = chart.series
    height = 92.0
    top = _space(doc, chart, height, keep)
    line_ticks = nice_ticks(min(_values(cumulative.values)), max(_values(cumulative.values)))
    bar_ticks = nice_ticks(min(_values(costs.values)), max(_values(benefits.values)), 3)
    left = MARGIN + max(_axis_width(doc, line_ticks, fmt), _axis_width(doc, bar_ticks, fmt))
    right = MARGIN + WIDTH - 2
    count = len(chart.categories)
    band = (right - left) / max(count, 1)

    def x_of(i: int) -> float:
        return left + (i + 0.5) * band

    upper = _Scale(line_ticks, top + 52, top + 8)
    lower = _Scale(bar_ticks, top + 84, top + 63)
    _legend(
        doc,
        left,
        top + 3,
        [
            (cumulative.name, rgb(PALETTE[cumulative.role]), "line"),
            (benefits.name, rgb(PALETTE[benefits.role]), "box"),
            (costs.name, rgb(PALETTE[costs.role]), "box"),
        ],
    )
    _value_axis_y(doc, upper, left, right, fmt)
    _value_axis_y(doc, lower, left, right, fmt)
    points = [(x_of(i), upper(v)) for i, v in enumerate(cumulative.values) if v is not None]
    colour = rgb(PALETTE[cumulative.role])
    with doc.local_context(fill_opacity=0.08):
        doc.set_fill_color(*colour)
        zero = upper(0.0)
        doc.polygon([(points[0][0], zero), *points, (points[-1][0], zero)], style="F")
    doc.set_draw_color(*colour)
    doc.set_line_width(0.5)
    doc.polyline(points)
    doc.set_fill_color(*colour)
    for x, y in points:
        doc.circle(x, y, 0.45, style="F")
    for s in (benefits, costs):
        doc.set_fill_color(*rgb(PALETTE[s.role]))
        for i, v in enumerate(s.values):
            if v:
                y0, y1 = sorted((lower(0.0), lower(v)))
                doc.rect(x_of(i) - band * 0.37, y0, band * 0.74, y1 - y0, style="F")
    if chart.marker is not None:
        x = x_of(chart.marker.index)
        _dashed_line(doc, x, top + 8, top + 84, INK, 1.0)
        _text(doc, x + 1.5, upper(_values(cumulative.values)[chart.marker.index]) + 4,
              chart.marker.label, LABEL_PT)  # fmt: skip
    _month_labels(doc, chart.categories, x_of, top + 87.5)
    doc.set_y(top + height + 2)


def _row_labels(
    doc: ReportPDF, chart: ChartSeries, top: float, row: float, width: float
) -> list[float]:
    """Category names down the left, one per row; returns each row's centre."""
    centres = []
    for i, name in enumerate(chart.categories):
        y = top + (i + 0.5) * row
        centres.append(y)
        _text(doc, MARGIN, y, _fit(doc, name, width - 2, LABEL_PT), LABEL_PT)
    return centres


def _label_width(doc: ReportPDF, chart: ChartSeries) -> float:
    doc.set_font(FAMILY, "", LABEL_PT)
    widest = max(doc.get_string_width(name) for name in chart.categories)
    return min(widest + 3, 62.0)


def ranges(doc: ReportPDF, chart: ChartSeries, fmt: Formatter, keep: float = 0) -> None:
    """Per row, the band (P10 to P90) as a bar and the median as a dot; the first row
    (the whole plan) emphasised, zero marked as the line between loss and gain."""
    assert chart.band is not None
    band, median = chart.band, chart.series[0]
    row = 7.0
    height = 10 + row * len(chart.categories) + 8
    top = _space(doc, chart, height, keep)
    ticks = nice_ticks(min(band.low), max(band.high))
    left = MARGIN + _label_width(doc, chart)
    plot_top, plot_bottom = top + 8, top + 8 + row * len(chart.categories)
    scale = _Scale(ticks, left + 2, MARGIN + WIDTH - 4)
    _legend(
        doc,
        left,
        top + 3,
        [(band.name, rgb(PALETTE["range"]), "box"), (median.name, rgb(PALETTE["median"]), "dot")],
    )
    _value_axis_x(doc, scale, plot_top, plot_bottom, fmt)
    centres = _row_labels(doc, chart, plot_top, row, left - MARGIN)
    for i, y in enumerate(centres):
        colour = PALETTE["total"] if i == 0 else PALETTE["range"]
        doc.set_fill_color(*rgb(colour))
        x0, x1 = scale(band.low[i]), scale(band.high[i])
        doc.rect(x0, y - 1.6, max(x1 - x0, 0.3), 3.2, style="F")
        value = median.values[i]
        if value is not None:
            doc.set_fill_color(*INK)
            doc.set_draw_color(255, 255, 255)
            doc.set_line_width(0.2)
            doc.circle(scale(value), y, 1.0, style="DF")
    doc.set_draw_color(*LOSS)
    doc.set_line_width(0.35)
    doc.line(scale(0.0), plot_top, scale(0.0), plot_bottom)
    doc.set_y(top + height + 2)


def tornado(doc: ReportPDF, chart: ChartSeries, fmt: Formatter, keep: float = 0) -> None:
    """Per input (widest first), NPV at its low and at its high value as bars from the
    expected NPV, drawn as a line."""
    assert chart.base is not None
    base = chart.base
    at_low, at_high = chart.series
    row = 6.5
    height = 10 + row * len(chart.categories) + 8
    top = _space(doc, chart, height, keep)
    values = [*_values(at_low.values), *_values(at_high.values), base]
    ticks = nice_ticks(min(values), max(values), zero=False)
    left = MARGIN + _label_width(doc, chart)
    plot_top, plot_bottom = top + 8, top + 8 + row * len(chart.categories)
    scale = _Scale(ticks, left + 2, MARGIN + WIDTH - 4)
    _legend(
        doc,
        left,
        top + 3,
        [(s.name, rgb(PALETTE[s.role]), "box") for s in chart.series],
    )
    _value_axis_x(doc, scale, plot_top, plot_bottom, fmt)
    centres = _row_labels(doc, chart, plot_top, row, left - MARGIN)
    for s in chart.series:
        doc.set_fill_color(*rgb(PALETTE[s.role]))
        for y, value in zip(centres, s.values, strict=True):
            if value is None:
                continue
            x0, x1 = sorted((scale(base), scale(value)))
            doc.rect(x0, y - 1.7, max(x1 - x0, 0.2), 3.4, style="F")
    doc.set_draw_color(*INK)
    doc.set_line_width(0.3)
    doc.line(scale(base), plot_top, scale(base), plot_bottom)
    doc.set_y(top + height + 2)


def lines(doc: ReportPDF, chart: ChartSeries, fmt: Formatter, keep: float = 0) -> None:
    """Plan (dashed) and forecast (solid) as lines, the actuals to date as dots, the
    review month marked."""
    actual, plan, forecast = chart.series
    height = 66.0
    top = _space(doc, chart, height, keep)
    every = [*_values(plan.values), *_values(forecast.values), *_values(actual.values)]
    ticks = nice_ticks(min(every), max(every))
    left = MARGIN + _axis_width(doc, ticks, fmt)
    right = MARGIN + WIDTH - 2
    band = (right - left) / max(len(chart.categories), 1)

    def x_of(i: int) -> float:
        return left + (i + 0.5) * band

    scale = _Scale(ticks, top + 58, top + 8)
    _legend(
        doc,
        left,
        top + 3,
        [
            (plan.name, rgb(PALETTE["forecast"]), "dash"),
            (forecast.name, rgb(PALETTE["plan"]), "line"),
            (actual.name, INK, "dot"),
        ],
    )
    _value_axis_y(doc, scale, left, right, fmt)
    for s, colour, dash in ((plan, PALETTE["forecast"], True), (forecast, PALETTE["plan"], False)):
        doc.set_draw_color(*rgb(colour))
        doc.set_line_width(0.45)
        if dash:
            doc.set_dash_pattern(1.5, 1.0)
        doc.polyline([(x_of(i), scale(v)) for i, v in enumerate(s.values) if v is not None])
        doc.set_dash_pattern()
    doc.set_fill_color(*INK)
    for i, v in enumerate(actual.values):
        if v is not None:
            doc.circle(x_of(i), scale(v), 0.75, style="F")
    if chart.marker is not None:
        x = x_of(chart.marker.index)
        _dashed_line(doc, x, top + 8, top + 58, AXIS, 0.4)
        doc.set_text_color(*MUTED)
        _text(doc, x + 1.2, top + 10, chart.marker.label, LABEL_PT)
        doc.set_text_color(*INK)
    _month_labels(doc, chart.categories, x_of, top + 61.5)
    doc.set_y(top + height + 2)


def shares(doc: ReportPDF, chart: ChartSeries, centre: str, keep: float = 0) -> None:
    """A donut of shares (the rest, if any, in grey) with a legend of names and shares."""
    values = [max(v or 0.0, 0.0) for v in chart.series[0].values]
    total = sum(values)
    legend_rows = len(values)
    height = max(62.0, 6 + 6.0 * legend_rows)
    top = _space(doc, chart, height, keep)
    cx, cy, outer, inner = MARGIN + 40, top + height / 2, 28.0, 17.0
    count = len(values) - (1 if chart.rest else 0)
    colours = [rgb(SHARES[i % len(SHARES)]) for i in range(count)]
    colours += [rgb(REST)] if chart.rest else []
    angle = 90.0
    for value, colour in zip(values, colours, strict=True):
        if total <= 0 or value <= 0:
            continue
        sweep = 360.0 * value / total
        doc.set_fill_color(*colour)
        doc.set_draw_color(255, 255, 255)
        doc.set_line_width(0.4)
        doc.polygon(_sector(cx, cy, inner, outer, angle, angle - sweep), style="DF")
        angle -= sweep
    doc.set_font(FAMILY, "B", 9)
    words = centre.split("\n")
    for i, line in enumerate(words):
        _bold_centre(doc, cx, cy + (i - (len(words) - 1) / 2) * 4.2, line)
    x, y = MARGIN + 80, cy - (legend_rows - 1) * 3.0
    for name, value, colour in zip(chart.categories, values, colours, strict=True):
        doc.set_fill_color(*colour)
        doc.rect(x, y - 1.4, 3, 2.8, style="F")
        share = f"  {value / total:.0%}" if total else ""
        _text(doc, x + 5, y, _fit(doc, name, 70, 8.5) + share, 8.5)
        y += 6.0
    doc.set_y(top + height + 2)


def _bold_centre(doc: ReportPDF, x: float, y: float, text: str) -> None:
    doc.set_font(FAMILY, "B", 9)
    doc.text(x - doc.get_string_width(text) / 2, y + 9 * PT * 0.36, text)


def _sector(
    cx: float, cy: float, inner: float, outer: float, start: float, end: float
) -> list[tuple[float, float]]:
    """The outline of a ring's slice from angle ``start`` to ``end`` (degrees, counter-
    clockwise from three o'clock; the page's y grows downward)."""
    steps = max(2, math.ceil(abs(start - end) / 3))
    angles = [math.radians(start + (end - start) * i / steps) for i in range(steps + 1)]
    outside = [(cx + outer * math.cos(a), cy - outer * math.sin(a)) for a in angles]
    inside = [(cx + inner * math.cos(a), cy - inner * math.sin(a)) for a in reversed(angles)]
    return outside + inside
