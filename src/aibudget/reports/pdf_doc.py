"""The PDF page and its building blocks: A4, the CJK font, header, footer, headings,
paragraphs, tables and key-figure boxes (charts: :mod:`aibudget.reports.pdf_charts`).

Text from the plan is user input: it is written as plain text (fpdf2's ``markdown``
stays off). The total page count is an alias that fpdf2 replaces when the document
closes; it is switched on only while a footer is written, so a plan that happens to
contain the alias text is printed as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fpdf import FPDF
from fpdf.enums import WrapMode
from fpdf.fonts import FontFace

from aibudget.i18n import Translator
from aibudget.present.charts import ChartSeries
from aibudget.reports.fonts import FontPair

FAMILY = "cjk"
MARGIN = 20.0  # mm, left and right
TOP = 20.0
BOTTOM = 18.0
WIDTH = 210.0 - 2 * MARGIN  # text width on A4
PAGES_ALIAS = "{aibudget-pages}"

Colour = tuple[int, int, int]
ACCENT: Colour = (31, 95, 139)
ACCENT_PALE: Colour = (232, 240, 247)
INK: Colour = (34, 34, 34)
MUTED: Colour = (107, 114, 128)
RULE: Colour = (209, 213, 219)
WARN: Colour = (181, 74, 60)


@dataclass(frozen=True)
class Figure:
    """A key figure: a small label, a big value and an optional note under it."""

    label: str
    value: str
    note: str = ""


class ReportPDF(FPDF):
    """An A4 report with a running header and "page X of Y" footers (not on the cover)."""

    def __init__(self, t: Translator, fonts: FontPair, company: str, title: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.t = t
        self.charts: list[ChartSeries] = []  # the charts drawn, in order
        self.company = company
        self.title_text = title
        self.add_font(
            FAMILY, "", str(fonts.regular.path), collection_font_number=fonts.regular.index
        )
        self.add_font(FAMILY, "B", str(fonts.bold.path), collection_font_number=fonts.bold.index)
        self.set_margins(MARGIN, TOP, MARGIN)
        self.set_auto_page_break(True, margin=BOTTOM + 6)
        self.set_creator("aibudget")
        self.set_title(f"{company} — {title}")
        self.set_lang("en" if t.locale == "en" else "zh-TW")
        self.alias_nb_pages(None)  # type: ignore[arg-type]  # on only in footers
        self.wrap = WrapMode.WORD
        self.set_text_color(*INK)

    def missing_glyphs(self) -> list[int]:
        """Characters the document used that its fonts do not hold."""
        return [c for font in self.fonts.values() for c in getattr(font, "missing_glyphs", [])]

    def finished(self) -> bytes:
        """The file's bytes. Each embedded font subset keeps the whole font's bounding
        box (a box that holds every glyph is all a PDF needs) instead of measuring every
        glyph again: that halves the time spent writing the file."""
        for font in self.fonts.values():
            ttfont = getattr(font, "ttfont", None)
            if ttfont is not None:
                ttfont.recalcBBoxes = False
        return bytes(self.output())

    # -------------------------------------------------------------- page furniture

    def header(self) -> None:
        self.alias_nb_pages(None)  # type: ignore[arg-type]
        if self.page_no() <= 1:
            return
        self.set_font(FAMILY, "", 8)
        self.set_text_color(*MUTED)
        self.set_xy(MARGIN, 10)
        self.cell(WIDTH / 2, 5, self.company, align="L")
        self.cell(WIDTH / 2, 5, self.title_text, align="R")
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        self.line(MARGIN, 15.5, MARGIN + WIDTH, 15.5)
        self.set_xy(MARGIN, TOP + 2)
        self.set_text_color(*INK)

    def footer(self) -> None:
        if self.page_no() <= 1:
            return
        self.alias_nb_pages(PAGES_ALIAS, align="L")
        self.set_y(-BOTTOM + 4)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(*MUTED)
        self.cell(
            0,
            5,
            self.t("pdf.page_of", page=self.page_no(), pages=PAGES_ALIAS),
            align="C",
        )

    # -------------------------------------------------------------- blocks

    @property
    def room(self) -> float:
        """Height left on this page above the bottom margin (mm)."""
        return self.page_break_trigger - self.get_y()

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` mm still fit on this one."""
        if self.room < height:
            self.add_page()

    def block(self, width: float, height: float, text: str) -> None:
        """Plain text wrapped at ``width`` (0: to the margin), left-aligned, then a new line."""
        self.multi_cell(
            width, height, text, new_x="LMARGIN", new_y="NEXT", wrapmode=self.wrap, align="L"
        )

    def section(self, title: str, keep: float = 70) -> None:
        """A section heading; starts a new page unless ``keep`` mm fit under it."""
        if self.get_y() > TOP + 10:
            self.ensure(keep + 18)
            if self.get_y() > TOP + 10:
                self.ln(6)
        self.set_font(FAMILY, "B", 15)
        self.set_text_color(*ACCENT)
        self.block(0, 8, title)
        self.set_draw_color(*ACCENT)
        self.set_line_width(0.5)
        y = self.get_y() + 0.8
        self.line(MARGIN, y, MARGIN + 24, y)
        self.set_y(y + 4)
        self.set_text_color(*INK)

    def subheading(self, title: str, keep: float = 30) -> None:
        self.ensure(keep + 9)
        self.ln(2)
        self.set_font(FAMILY, "B", 11)
        self.set_text_color(*INK)
        self.block(0, 6, title)
        self.ln(1)

    def para(self, text: str, size: float = 9.5, colour: Colour = INK, bold: bool = False) -> None:
        self.set_font(FAMILY, "B" if bold else "", size)
        self.set_text_color(*colour)
        self.block(0, size * 0.53, text)
        self.set_text_color(*INK)
        self.ln(1.2)

    def _mark(self, mark: str, size: float) -> None:
        self.set_x(MARGIN + 1)
        self.set_font(FAMILY, "", size)
        self.set_text_color(*ACCENT)
        self.cell(5, size * 0.53, mark)
        self.set_text_color(*INK)

    def bullets(self, items: Sequence[str], size: float = 9.5, mark: str = "•") -> None:
        for item in items:
            self._mark(mark, size)
            self.set_font(FAMILY, "", size)
            self.set_x(MARGIN + 6)
            self.block(WIDTH - 6, size * 0.53, item)
            self.ln(0.8)

    def labelled(self, items: Sequence[tuple[str, str]], size: float = 9.5) -> None:
        """Bullets with a bold first line and plain text under it."""
        for label, text in items:
            self.ensure(size * 1.2)
            self._mark("•", size)
            self.set_font(FAMILY, "B", size)
            self.set_x(MARGIN + 6)
            self.block(WIDTH - 6, size * 0.53, label)
            self.set_x(MARGIN + 6)
            self.set_font(FAMILY, "", size)
            self.block(WIDTH - 6, size * 0.53, text)
            self.ln(1.2)

    def figures(self, items: Sequence[Figure], weights: Sequence[float] = ()) -> None:
        """Key figures in a row of pale boxes (``weights``: relative box widths)."""
        gap = 4.0
        shares = list(weights) or [1.0] * len(items)
        unit = (WIDTH - gap * (len(items) - 1)) / sum(shares)
        height = 27.0
        self.ensure(height + 4)
        top = self.get_y()
        x = MARGIN
        for item, share in zip(items, shares, strict=True):
            width = unit * share
            self.set_fill_color(*ACCENT_PALE)
            self.rect(x, top, width, height, style="F")
            self.set_fill_color(*ACCENT)
            self.rect(x, top, 1.2, height, style="F")
            self._fitted(x + 4, top + 3, width - 6, 4, item.label, 8, "", MUTED)
            self._fitted(x + 4, top + 9, width - 6, 8, item.value, 15, "B", INK)
            if item.note:
                self._fitted(x + 4, top + 19, width - 6, 4, item.note, 7.5, "", MUTED)
            x += width + gap
        self.set_text_color(*INK)
        self.set_xy(MARGIN, top + height + 5)

    def _fitted(
        self,
        x: float,
        y: float,
        width: float,
        height: float,
        text: str,
        size: float,
        style: str,
        colour: Colour,
    ) -> None:
        """One line of text at (x, y), its font made smaller until it fits ``width``."""
        self.set_font(FAMILY, style, size)
        while size > 6 and self.get_string_width(text) > width:
            size -= 0.5
            self.set_font(FAMILY, style, size)
        self.set_text_color(*colour)
        self.set_xy(x, y)
        self.cell(width, height, text)

    def grid(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        align: str,
        size: float = 8.5,
        bold_last: bool = False,
    ) -> None:
        """A table with a header row (repeated on a new page); ``align`` has one letter
        per column (L or R); money columns are right-aligned."""
        scale = WIDTH / sum(widths)
        self.ensure(8 + 7 * min(len(rows), 3))
        self.set_font(FAMILY, "", size)
        self.set_fill_color(255, 255, 255)  # the table starts from the current style
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        heading = FontFace(emphasis="BOLD", color=ACCENT, fill_color=ACCENT_PALE)
        with self.table(
            col_widths=[w * scale for w in widths],
            width=WIDTH,
            text_align=tuple("RIGHT" if a == "R" else "LEFT" for a in align),
            borders_layout="HORIZONTAL_LINES",
            headings_style=heading,
            line_height=size * 0.5,
            padding=(1.2, 1.5, 1.2, 1.5),
            wrapmode=self.wrap,
            markdown=False,
        ) as table:
            table.row(list(headers))
            for i, row in enumerate(rows):
                style = None
                if bold_last and i == len(rows) - 1:
                    style = FontFace(emphasis="BOLD")
                table.row(list(row), style=style)
        self.ln(3)
