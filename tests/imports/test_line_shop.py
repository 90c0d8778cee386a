"""LINE Official Account statistics and shop order exports (SHOPLINE, CYBERBIZ, 91APP),
in English and zh-TW and every file kind, give the monthly KPIs their rows say; the
expected values are worked out here from the rows in
:mod:`tests.imports.exports_line_shop`, not by the importer."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest

from aibudget.domain.actuals import PLAN_LEVEL
from aibudget.imports import Preview
from tests.imports import exports
from tests.imports.conftest import load, load_path

FILES = sorted(exports.export_files())
CENT = Decimal("0.01")


def kpis(p: Preview) -> dict[tuple[str, str], Decimal]:
    out: dict[tuple[str, str], Decimal] = {}
    for r in p.records:
        assert r.kpi and r.kpi_value is not None and r.amount is None
        assert (r.kpi, r.month) not in out  # one value a month: nothing to add up later
        out[(r.kpi, r.month)] = r.kpi_value
    return out


def export_of(file: str) -> exports.Export:
    return exports.exports()[exports.split_name(file)[0]]


def month(text: str) -> str:
    return text[:7].replace("/", "-")


@pytest.mark.parametrize("file", [f for f in FILES if f.startswith("line_friends")])
def test_line_friends_take_each_months_last_day(file: str) -> None:
    export = export_of(file)
    p = load(file)
    assert p.ok, p.problems
    last: dict[str, tuple[str, ...]] = {}
    for row in sorted(export.rows):  # by day: the last one of a month stays
        last[month(row[0])] = row
    expected = {}
    for m, (_, friends, _, blocks) in last.items():
        added, blocked = exports.number(friends), exports.number(blocks)
        expected[("line_friends", m)] = added - blocked
        expected[("block_rate", m)] = (blocked / added * 100).quantize(CENT)
    assert kpis(p) == expected
    assert {r.tool for r in p.records} == {PLAN_LEVEL}


@pytest.mark.parametrize("file", [f for f in FILES if f.startswith("line_messages")])
def test_line_messages_add_up_delivered_opened_and_clicked(file: str) -> None:
    export = export_of(file)
    p = load(file)
    assert p.ok, p.problems
    expected: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for row in export.rows:
        values = dict(zip(export.fields, row, strict=True))
        for field, kpi in (
            ("delivered", "line_messages_delivered"),
            ("opened", "line_message_reach"),
            ("clicked", "line_message_clicks"),
        ):
            expected[(kpi, month(values["date"]))] += exports.number(values[field])
    assert kpis(p) == expected


@pytest.mark.parametrize("file", [f for f in FILES if "_orders_" in f])
def test_shop_orders_count_each_order_once_and_leave_out_cancelled_ones(file: str) -> None:
    export = export_of(file)
    p = load(file)
    assert p.ok, p.problems
    assert p.format == "shop_orders"
    cancelled = exports.cancelled_rows(export)
    orders = {r[0]: r for r in export.rows if r not in cancelled}  # an order's rows agree
    by_month: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for row in sorted(orders.values(), key=lambda r: r[1]):
        by_month[month(row[1])].append(row)
    expected: dict[tuple[str, str], Decimal] = {}
    seen: dict[str, int] = defaultdict(int)
    for m, rows in sorted(by_month.items()):
        revenue = sum((exports.number(r[3]) for r in rows), Decimal(0))
        for r in rows:
            seen[r[4]] += 1
        customers = {r[4] for r in rows}
        repeat = sum(1 for c in customers if seen[c] >= 2)
        expected |= {
            ("orders", m): Decimal(len(rows)),
            ("online_revenue", m): revenue,
            ("average_order_value", m): (revenue / len(rows)).quantize(CENT),
            ("repeat_buyers", m): Decimal(repeat),
            ("repeat_purchase_rate", m): (Decimal(repeat) * 100 / len(customers)).quantize(CENT),
        }
    assert kpis(p) == expected
    assert expected[("repeat_buyers", "2026-02")] == 1  # c-bo bought in January too


def test_an_order_whose_rows_disagree_is_named(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(
        "訂單號碼,訂單日期,訂單合計\n#1,2026-01-03,500\n#1,2026-01-03,700\n", encoding="utf-8"
    )
    p = load_path(path)
    assert [(x.message_id, x.line, x.params) for x in p.problems] == [
        ("import.order_differs", 3, {"order": "#1", "first": 2})
    ]
    assert p.records == []


def test_a_second_row_for_one_day_of_line_friends_is_named(tmp_path: Path) -> None:
    path = tmp_path / "friends.csv"
    path.write_text("日期,加入好友,封鎖\n2026-01-05,100,5\n2026-01-05,120,6\n", encoding="utf-8")
    p = load_path(path)
    assert [(x.message_id, x.line) for x in p.problems] == [("import.same_day_twice", 3)]
    assert p.records == []
