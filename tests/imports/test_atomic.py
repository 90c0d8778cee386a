"""Preview -> confirm: one atomic result; re-imports never double count."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from aibudget.domain.actuals import ActualRecord, Actuals, merge, with_fingerprint
from aibudget.imports import confirm
from tests.imports.conftest import load, load_path


def total(actuals: Actuals) -> Decimal:
    return sum((r.amount or Decimal(0) for r in actuals.records), Decimal(0))


def test_reimporting_the_same_files_changes_nothing() -> None:
    files = [load("google_ads_en_utf16.tsv", tool="gads"), load("template_zh_cp950.csv")]
    once, report, problems = confirm(Actuals(currency="TWD"), files)
    assert not problems and report.added == len(once.records) > 0
    twice, again, problems = confirm(once, files)
    assert not problems
    assert (again.added, again.already_present) == (0, len(once.records))
    assert twice.records == once.records and total(twice) == total(once)


def test_same_rows_in_another_encoding_are_the_same_rows() -> None:
    cp950 = load("template_zh_cp950.csv")
    utf8 = load("template_zh_utf8_bom.csv")
    xlsx = load("template_zh.xlsx")
    fingerprints = [r.fingerprint for r in cp950.records]
    assert fingerprints == [r.fingerprint for r in utf8.records]
    assert fingerprints == [r.fingerprint for r in xlsx.records]


def test_a_failed_file_stops_the_whole_import() -> None:
    good = load("meta_ads_en_utf8_bom.csv", tool="meta")
    bad = load("broken_duplicate_rows.csv")
    result, report, problems = confirm(Actuals(currency="TWD"), [good, bad])
    assert result.records == [] and report.added == 0
    assert problems[0].message_id == "import.files_failed"
    assert "broken_duplicate_rows.csv" in problems[0].params["files"]


def test_different_figures_for_the_same_month_are_a_conflict_not_a_merge() -> None:
    base = with_fingerprint(
        ActualRecord(month="2026-01", tool="chatgpt", line="subscription", amount=Decimal(1600))
    )
    changed = with_fingerprint(base.model_copy(update={"amount": Decimal(1700)}))
    start = Actuals(currency="TWD", records=[base])
    same, report, problems = merge(start, [changed])
    assert same is start and report.conflicts == 1
    assert problems[0].message_id == "actuals.conflict"
    replaced, report, problems = merge(start, [changed], replace=True)
    assert not problems and report.replaced == 1
    assert [r.amount for r in replaced.records] == [Decimal(1700)]


amounts = st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False)
rows = st.lists(
    st.tuples(st.integers(1, 12), st.sampled_from(["a", "b", "c"]), amounts),
    max_size=25,
    unique_by=lambda r: (r[0], r[1]),
)


@settings(max_examples=60, deadline=None)
@given(rows, st.data())
def test_reimporting_any_subset_never_double_counts(items: list, data: st.DataObject) -> None:
    records = [
        with_fingerprint(ActualRecord(month=f"2026-{m:02d}", tool=t, line="other", amount=a))
        for m, t, a in items
    ]
    first, _, problems = merge(Actuals(currency="TWD"), records)
    assert not problems
    subset = data.draw(st.lists(st.sampled_from(records), unique=True)) if records else []
    again, report, problems = merge(first, subset)
    assert not problems and report.added == 0 and total(again) == total(first)


def meta_file(path: Path, days: list[tuple[str, str]]) -> Path:
    lines = ["Day,Campaign name,Amount spent (TWD)"] + [f"{d},A,{a}" for d, a in days]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


def test_halves_of_a_month_add_up_and_a_whole_month_export_conflicts(tmp_path: Path) -> None:
    first = meta_file(tmp_path / "a.csv", [("2026-01-02", "100"), ("2026-01-15", "200")])
    second = meta_file(tmp_path / "b.csv", [("2026-01-16", "50"), ("2026-01-31", "25")])
    whole = meta_file(
        tmp_path / "c.csv",
        [("2026-01-02", "100"), ("2026-01-15", "200"), ("2026-01-16", "50"), ("2026-01-31", "25")],
    )
    actuals, report, problems = confirm(Actuals(currency="TWD"), [load_path(first)])
    actuals, report, problems = confirm(actuals, [load_path(second)])
    assert not problems and report.added == 1
    assert total(actuals) == Decimal(375)
    same, report, problems = confirm(actuals, [load_path(whole)])
    assert same is actuals and [p.message_id for p in problems] == ["actuals.conflict"]
    replaced, report, problems = confirm(actuals, [load_path(whole)], replace=True)
    assert not problems and report.replaced == 2 and total(replaced) == Decimal(375)
    assert len(replaced.records) == 1
