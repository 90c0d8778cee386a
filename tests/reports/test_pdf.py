"""The PDF report: its text (read back with poppler's pdftotext) says the plan's key
figures and the section titles in the report's language, every character has a glyph,
pages are A4 and numbered; the first pages are saved as PNG in build/report-artefacts/.

Expected figures are computed from the gathered data with the translator, never copied
from a run. Without poppler-utils the tests that read the file are skipped (under
``CI=true`` that is a failure).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from aibudget.domain.allocation import OptimisePolicy, OptimiseStatus
from aibudget.i18n import Translator
from aibudget.planfile import load_plan
from aibudget.present.guidance import finding_document
from aibudget.present.optimize import marginal_budget_text
from aibudget.reports import ReportData, ReportError, ReportMeta, fonts, gather, render
from aibudget.reports.content import pilot_tools
from aibudget.reports.fonts import cjk_fonts
from aibudget.reports.pdf import build_pdf
from aibudget.reports.pdf_doc import ReportPDF
from tests.reports.conftest import EXAMPLES, REPORT_DATE

POPPLER = ("pdftotext", "pdfinfo", "pdftoppm")
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
SECTIONS = (
    "pdf.summary",
    "pdf.goals",
    "pdf.tools",
    "pdf.allocation",
    "pdf.cash_flow",
    "pdf.distribution",
    "cli.tornado_title",
    "pdf.health_check",
    "pdf.routine",
)


def squash(text: str) -> str:
    """Text without whitespace: pdftotext breaks long lines wherever the page did."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def poppler() -> None:
    missing = [tool for tool in POPPLER if shutil.which(tool) is None]
    if missing:
        reason = (
            f"poppler-utils not installed ({', '.join(missing)}): apt-get install poppler-utils"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true needs {reason}")
        pytest.skip(reason)


class Rendered:
    """A rendered report: the document object, the file, and its text read back."""

    def __init__(self, data: ReportData, locale: str, folder: Path, name: str) -> None:
        self.data = data
        self.t = Translator(locale)
        self.doc: ReportPDF = build_pdf(data, self.t)
        self.path = folder / f"{name}.pdf"
        self.path.write_bytes(self.doc.finished())

    def text(self, first: int | None = None, last: int | None = None) -> str:
        pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
        out = subprocess.run(
            ["pdftotext", "-layout", *pages, str(self.path), "-"],
            check=True,
            capture_output=True,
            text=True,
        )
        return out.stdout

    def info(self) -> dict[str, str]:
        out = subprocess.run(
            ["pdfinfo", str(self.path)], check=True, capture_output=True, text=True
        ).stdout
        return dict(
            (key.strip(), value.strip())
            for key, _, value in (line.partition(":") for line in out.splitlines())
        )


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pdf")


@pytest.fixture(scope="module")
def review_zh(cafe_review: ReportData, folder: Path) -> Rendered:
    """The cafe with three months of actuals, in Traditional Chinese."""
    return Rendered(cafe_review, "zh-TW", folder, "cafe-review-zh-TW")


@pytest.fixture(scope="module")
def cafe_en(cafe: ReportData, folder: Path) -> Rendered:
    return Rendered(cafe, "en", folder, "cafe-en")


@pytest.fixture(scope="module")
def parts_en(machine_parts: ReportData, folder: Path) -> Rendered:
    return Rendered(machine_parts, "en", folder, "machine-parts-en")


# ------------------------------------------------------------------ key figures


def test_the_chinese_report_has_every_section_title(poppler: None, review_zh: Rendered) -> None:
    text = squash(review_zh.text())
    t = review_zh.t
    for message in SECTIONS:
        assert squash(t(message)) in text, message
    assert "一頁摘要" in text  # the titles really are Chinese
    assert squash(t("pdf.review", month="2027年3月")) in text


def test_the_summary_page_has_the_key_figures(poppler: None, review_zh: Rendered) -> None:
    data, t = review_zh.data, review_zh.t
    cur, ev, sim = data.currency, data.evaluation, data.simulation
    page = squash(review_zh.text(2, 2))
    assert squash(t("pdf.summary")) in page
    assert t.money(ev.expected.npv, cur) in page
    assert t.money(sim.npv.p10, cur) in page
    assert t.money(sim.npv.p90, cur) in page
    assert squash(t("cli.payback_month", month=ev.expected.payback_month)) in page
    assert t.percent(sim.prob_loss) in page
    assert data.plan.company.name.replace(" ", "") in page
    pilot = pilot_tools(data.plan)
    assert pilot
    for tool in pilot:
        assert squash(tool.name) in page
    assert squash(t("pdf.top_risks")) in page
    assert squash(t("pdf.pilot")) in page
    # the summary is one page: the goals start the next one
    assert squash(t("pdf.goals")) in squash(review_zh.text(3, 3))


def test_findings_and_the_routine_are_spelt_out(poppler: None, review_zh: Rendered) -> None:
    data, t = review_zh.data, review_zh.t
    text = squash(review_zh.text())
    assert data.findings
    for finding in data.findings:
        assert squash(finding_document(t, finding, data.currency).message) in text
    assert squash(t("pdf.routine_lead")) in text


def test_the_review_has_its_chart_table_and_recommendations(
    poppler: None, review_zh: Rendered
) -> None:
    data, t = review_zh.data, review_zh.t
    review = data.review
    assert review is not None
    text = squash(review_zh.text())
    for heading in ("pdf.recommendations", "monitor.tools_title", "reallocate.heading"):
        assert squash(t(heading)) in text
    for tool in review.tools:
        assert squash(t(f"monitor.action.{tool.action.value}")) in text
    assert t.money(review.forecast.npv, data.currency) in text


def test_pages_are_a4_and_numbered(poppler: None, review_zh: Rendered, cafe_en: Rendered) -> None:
    for report in (review_zh, cafe_en):
        info = report.info()
        pages = int(info["Pages"])
        assert pages == report.doc.pages_count >= 6
        assert info["Page size"].startswith("595.28 x 841.89 pts")
        last = squash(report.text(pages, pages))
        assert squash(report.t("pdf.page_of", page=pages, pages=pages)) in last
    assert "第2頁，共" in squash(review_zh.text(2, 2))


def test_every_character_has_a_glyph(
    review_zh: Rendered, cafe_en: Rendered, parts_en: Rendered
) -> None:
    for report in (review_zh, cafe_en, parts_en):
        assert len(report.doc.fonts) == 2
        assert {key: font.missing_glyphs for key, font in report.doc.fonts.items()} == {
            key: [] for key in report.doc.fonts
        }


# ------------------------------------------------------------------ English


def test_the_english_report_has_english_titles(poppler: None, cafe_en: Rendered) -> None:
    text = squash(cafe_en.text())
    for message in SECTIONS:
        assert squash(cafe_en.t(message)) in text, message
    assert "Summary" in text and "Page2of" in text
    assert cafe_en.t.money(cafe_en.data.evaluation.expected.npv, "TWD") in text


def test_the_english_report_has_no_chinese_words_of_its_own(
    poppler: None, cafe_en: Rendered, parts_en: Rendered
) -> None:
    assert HAN.findall(parts_en.text()) == []  # an English plan: no Chinese at all
    plan = cafe_en.data.plan.model_dump_json()
    written = set(HAN.findall(plan))
    assert written  # the cafe's own names are Chinese ...
    assert set(HAN.findall(cafe_en.text())) <= written  # ... and only those appear


def test_the_first_pages_are_saved_as_png(
    poppler: None, review_zh: Rendered, cafe_en: Rendered, parts_en: Rendered, artefacts: Path
) -> None:
    for report in (review_zh, cafe_en, parts_en):
        stem = artefacts / report.path.stem
        for old in artefacts.glob(f"{report.path.stem}-*.png"):
            old.unlink()
        subprocess.run(
            ["pdftoppm", "-r", "60", "-f", "1", "-l", "3", "-png", str(report.path), str(stem)],
            check=True,
        )
        pngs = sorted(artefacts.glob(f"{report.path.stem}-*.png"))
        assert len(pngs) == 3
        assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in pngs)


# ------------------------------------------------------------------ empty states, input


@pytest.fixture(scope="module")
def bare(folder: Path) -> Rendered:
    """No tools, no goals, no plan lines; a company name that looks like markup."""
    plan = load_plan(EXAMPLES / "taipei-cafe.yaml")
    company = plan.company.model_copy(update={"name": "**Bold** <b>Café</b> {nb} {aibudget-pages}"})
    plan = plan.model_copy(update={"tools": [], "goals": [], "lines": [], "company": company})
    data = gather(plan, ReportMeta(generated=REPORT_DATE), trials=200)
    return Rendered(data, "en", folder, "bare-en")


@pytest.fixture(scope="module")
def infeasible(folder: Path) -> Rendered:
    """Every tool forced in on a budget that cannot hold them."""
    plan = load_plan(EXAMPLES / "taipei-cafe.yaml")
    budget = plan.budget.model_copy(update={"share_of_marketing": Decimal("0.01")})
    policy = OptimisePolicy(force_in=[tool.id for tool in plan.tools])
    plan = plan.model_copy(update={"budget": budget, "optimise": policy})
    data = gather(plan, ReportMeta(generated=REPORT_DATE, state="draft"), trials=200)
    return Rendered(data, "zh-TW", folder, "infeasible-zh-TW")


def test_a_plan_without_tools_or_goals_says_so(poppler: None, bare: Rendered) -> None:
    text = squash(bare.text())
    for message in ("pdf.no_goals", "pdf.no_tools", "pdf.no_pilot", "pdf.no_cash_flows"):
        assert squash(bare.t(message, months=3)) in text, message
    assert int(bare.info()["Pages"]) == bare.doc.pages_count


def test_text_from_the_plan_is_printed_as_written(poppler: None, bare: Rendered) -> None:
    text = squash(bare.text())
    assert squash(bare.data.plan.company.name) in text  # no markup, no page-count alias


def test_an_infeasible_allocation_is_explained(poppler: None, infeasible: Rendered) -> None:
    result = infeasible.data.optimisation
    assert result is not None and result.status is OptimiseStatus.INFEASIBLE
    assert result.conflicts
    t = infeasible.t
    text = squash(infeasible.text())
    assert squash(t("optimize.status.infeasible")) in text
    assert squash(t("pdf.allocation_fallback", budget=t.money(Decimal(12_000), "TWD"))) in text
    assert squash(t("pdf.state.draft")) in squash(infeasible.text(1, 1))


# ------------------------------------------------------------------ the font


def test_a_missing_font_is_a_report_error(
    cafe: ReportData, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("AIBUDGET_CJK_FONT", str(tmp_path / "no-such-font.ttc"))
    cjk_fonts.cache_clear()
    try:
        with pytest.raises(ReportError) as caught:
            render(cafe, "pdf", Translator("zh-TW"))
        assert caught.value.message_id == "report.font_named_missing"
        assert str(tmp_path) not in Translator("zh-TW")(caught.value.message_id)
    finally:
        cjk_fonts.cache_clear()


def test_without_system_fonts_the_installed_font_makes_the_pdf(
    cafe: ReportData, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fresh machine with no fonts-noto-cjk still makes a Chinese PDF."""
    monkeypatch.delenv("AIBUDGET_CJK_FONT", raising=False)
    monkeypatch.setattr(fonts, "FONT_DIRS", ())
    cjk_fonts.cache_clear()
    try:
        pair = cjk_fonts()
        assert "noto_cjk_sans_otc" in str(pair.regular.path)
        assert pair.regular.family.endswith(" TC")
        content = render(cafe, "pdf", Translator("zh-TW"))
        assert content.startswith(b"%PDF-")
    finally:
        cjk_fonts.cache_clear()


def test_a_tool_without_a_price_is_named_on_the_summary(
    poppler: None, folder: Path, cafe_en: Rendered
) -> None:
    """Its subscription counts as 0, so the summary says the figures look too good."""
    plan = load_plan(EXAMPLES / "taipei-cafe.yaml")
    tools = [plan.tools[0].model_copy(update={"plans": [], "plan": None}), *plan.tools[1:]]
    data = gather(plan.model_copy(update={"tools": tools}), ReportMeta(generated=REPORT_DATE),
                  trials=200)  # fmt: skip
    rendered = Rendered(data, "zh-TW", folder, "unpriced-zh-TW")
    summary = squash(rendered.text(2, 2))
    t = rendered.t
    assert squash(t("builder.unpriced_text", tools=tools[0].name)) in summary
    priced = squash(cafe_en.text(2, 2))
    assert squash(cafe_en.t("builder.unpriced_title")) not in priced


def test_the_allocation_says_what_more_budget_would_buy(poppler: None, cafe_en: Rendered) -> None:
    assert cafe_en.data.optimisation is not None
    sentence = marginal_budget_text(cafe_en.t, cafe_en.data.optimisation)
    assert sentence is not None
    assert squash(sentence) in squash(cafe_en.text())
