"""The ad platforms' and GA4's exports, in English and zh-TW, in every encoding and file
type Excel gives them, import to the totals their rows add up to (added up here from
the rows in :mod:`tests.imports.exports`, not by the importer)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from aibudget.domain.actuals import PLAN_LEVEL, Actuals
from aibudget.imports import Preview, confirm
from tests.imports import exports
from tests.imports.conftest import FIXTURES, load, load_path

FILES = sorted(exports.export_files())
MATRIX = [f for f in FILES if exports.split_name(f)[0].rsplit("_", 1)[0] in exports.MATRIX]
ENCODINGS = {
    "utf8_bom.csv": ("utf-8-sig", ","),
    "cp950.csv": ("cp950", ","),
    "utf16.tsv": ("utf-16", "\t"),
    "xlsx": ("xlsx", None),
}


def export_of(file: str) -> exports.Export:
    return exports.exports()[exports.split_name(file)[0]]


def spend(p: Preview) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for r in p.records:
        if r.amount is not None:
            out[r.month] = out.get(r.month, Decimal(0)) + r.amount
    return out


def kpi(p: Preview, name: str) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for r in p.records:
        if r.kpi == name and r.kpi_value is not None:
            out[r.month] = out.get(r.month, Decimal(0)) + r.kpi_value
    return out


def test_every_format_language_and_kind_has_a_fixture() -> None:
    for fmt in exports.MATRIX:
        for lang in ("en", "zh"):
            for kind in exports.KINDS:
                name = f"{fmt}_{lang}.xlsx" if kind == "xlsx" else f"{fmt}_{lang}_{kind}"
                assert name in MATRIX
    assert len(MATRIX) == len(exports.MATRIX) * 2 * 4


@pytest.mark.parametrize("file", FILES)
def test_file_is_recognised_with_its_encoding(file: str) -> None:
    export = export_of(file)
    p = load(file)
    assert p.ok, p.problems
    assert p.format == export.fmt
    kind = exports.split_name(file)[1]
    if (FIXTURES / file).read_bytes().isascii():  # ASCII is UTF-8 and cp950 alike
        assert (p.encoding, p.delimiter) in (ENCODINGS[kind], ("utf-8", ","))
    else:
        assert (p.encoding, p.delimiter) == ENCODINGS[kind]
    assert p.header_line == export.header_line
    assert p.unknown_columns == []  # every column the tool writes is known
    left_out = len(exports.cancelled_rows(export))
    assert p.rows_used == len(export.rows) - left_out
    assert p.rows_skipped == len(export.below) + left_out
    assert sum(r.rows for r in p.records if r.amount is not None or r.kpi) >= len(export.rows)


@pytest.mark.parametrize("file", [f for f in FILES if f.startswith("google_ads")])
def test_google_ads_cost_clicks_and_conversions(file: str) -> None:
    export = export_of(file)
    when = next(n for n in ("day", "week", "month") if n in export.fields)
    p = load(file, tool="gads")
    assert p.ok, p.problems
    assert spend(p) == export.by_month("cost", when)
    assert kpi(p, "clicks") == export.by_month("clicks", when)
    if "conversions" in export.fields:
        assert sum(kpi(p, "conversions").values()) == export.total("conversions")
    if "impressions" in export.fields:  # a rate of each month's totals, never a sum
        clicks, shown = export.by_month("clicks", when), export.by_month("impressions", when)
        rates = {m: (clicks[m] * 100 / shown[m]).quantize(Decimal("0.01")) for m in shown}
        assert kpi(p, "ad_click_through_rate") == rates
    assert {r.tool for r in p.records} == {"gads"}
    labels = {r.label for r in p.records if r.kpi != "ad_click_through_rate"}
    assert labels == set(export.values("campaign"))  # campaigns stay apart; ad groups add up


@pytest.mark.parametrize("file", [f for f in FILES if f.startswith("meta_ads")])
def test_meta_reporting_start_and_end_give_the_days(file: str) -> None:
    export = export_of(file)
    p = load(file, tool="meta")
    assert p.ok, p.problems
    assert p.currency == "TWD"
    assert spend(p) == export.by_month("spend", "starts")
    assert sum(kpi(p, "clicks").values()) == export.total("clicks")
    january = [r for r in p.records if r.month == "2026-01" and r.amount is not None]
    assert min(r.first_day for r in january).isoformat() == min(export.values("starts"))
    assert max(r.last_day for r in january).isoformat() == "2026-01-31"  # the range row


@pytest.mark.parametrize("file", [f for f in FILES if f.startswith("ga4")])
def test_ga4_sessions_key_events_and_revenue(file: str) -> None:
    export = export_of(file)
    p = load(file)
    assert p.ok, p.problems
    if "date" in export.fields:
        assert kpi(p, "monthly_sessions") == export.by_month("sessions", "date")
        assert kpi(p, "key_events") == export.by_month("key_events", "date")
    else:
        assert kpi(p, "monthly_sessions") == {"2026-01": export.total("sessions")}
        assert kpi(p, "key_events") == {"2026-01": export.total("key_events")}
    assert sum(kpi(p, "online_revenue").values()) == export.total("revenue")
    events, sessions = (
        export.by_month("key_events", "date")
        if "date" in export.fields
        else ({"2026-01": export.total("key_events")}),
        export.by_month("sessions", "date")
        if "date" in export.fields
        else {"2026-01": export.total("sessions")},
    )
    rates = {m: (events[m] * 100 / sessions[m]).quantize(Decimal("0.01")) for m in sessions}
    assert kpi(p, "conversion_rate") == rates
    assert p.mapping["key_events"] == export.header[export.fields.index("key_events")]
    assert {r.tool for r in p.records} == {PLAN_LEVEL}


@pytest.mark.parametrize("name", sorted(exports.exports()))
def test_csv_tsv_and_workbook_of_the_same_rows_are_one_import(name: str) -> None:
    files = [f for f in FILES if exports.split_name(f)[0] == name]
    assert len(files) >= 2
    previews = [load(f, tool="ads") for f in files]
    fingerprints = [sorted(r.fingerprint for r in p.records) for p in previews]
    assert all(f == fingerprints[0] for f in fingerprints)
    once, report, problems = confirm(Actuals(currency="TWD"), previews[:1])
    assert not problems and report.added == len(previews[0].records)
    again, report, problems = confirm(once, previews[1:])
    assert not problems and report.added == 0 and again.records == once.records


def test_an_unknown_header_names_its_columns_and_the_closest_known_ones(tmp_path: Path) -> None:
    path = FIXTURES / "google_ads_zh_utf8_bom.csv"
    text = path.read_bytes().decode("utf-8-sig")
    mangled = tmp_path / "renamed.csv"
    mangled.write_text(
        text.replace("行銷活動", "行銷活動們").replace("費用", "總費用"), encoding="utf-8"
    )
    p = load_path(mangled)
    assert [x.message_id for x in p.problems] == ["import.header_not_found"]
    params = p.problems[0].params
    assert params["columns"].split(", ")[:3] == ["日", "行銷活動們", "廣告群組"]
    assert "行銷活動們 → 行銷活動" in params["closest"]
    english = tmp_path / "english.csv"
    english.write_text("Campain,Amount spend (TWD),Day\nA,1,2026-01-01\n", encoding="utf-8")
    closest = load_path(english).problems[0].params["closest"]
    assert "Campain → Campaign" in closest and "Amount spend (TWD) → " in closest
