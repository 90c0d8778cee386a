"""LINE Official Account statistics and shop order exports, read into monthly KPIs.

- LINE friends: one row a day with the counts *as of* that day, so a month's value is
  its last day's (never a sum): LINE friends = friends added - blocks (the catalog's
  "friends, blocked accounts left out"), block rate = blocks / friends added, in percent.
- LINE broadcast messages: one row per message; a month adds up what was delivered,
  opened (the message's reach) and clicked.
- Shop orders (SHOPLINE, CYBERBIZ, 91APP): one row per order, or per item with the
  order's figures repeated. Each order counts once (its rows must agree); cancelled,
  refunded and returned orders are left out. A month gives orders, revenue, average
  order value, and - with a customer column - repeat buyers (customers of the month
  with two or more orders in the file up to the month's end) and their share of the
  month's customers (repeat purchase rate, percent).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from aibudget.domain.actuals import PLAN_LEVEL, ActualRecord, with_fingerprint
from aibudget.domain.money import ZERO
from aibudget.domain.months import month_of
from aibudget.domain.texts import N_
from aibudget.imports.cells import CellError, clean, day_of, is_blank, parse_number
from aibudget.imports.formats import norm
from aibudget.imports.rows import Handler, row_digest
from aibudget.imports.summing import DIGEST_MOD, Group, SummingHandler, percent

MONEY_PLACES = Decimal("0.01")
LEFT_OUT = frozenset(
    norm(w)
    for w in (
        "cancelled",
        "canceled",
        "refunded",
        "returned",
        "voided",
        "已取消",
        "取消",
        "訂單取消",
        "已退款",
        "已退貨",
        "退貨",
        "退款",
        "作廢",
    )
)


class LineFriendsHandler(SummingHandler):
    """Friends and blocks as of each day: a month keeps its last day's counts."""

    source = "line_friends"
    line_item = None
    amount_field = ""
    read_fields = ("friends", "blocks")
    line = 0  # the row being read

    def row(self, line: int, cells: Sequence[object]) -> None:
        self.line = line
        super().row(line, cells)

    def label(self, cells: Sequence[object]) -> str:
        return ""

    def add(self, span: tuple[date, date], label: str, values: list[Decimal]) -> None:
        key = (month_of(span[0]), label)
        group = self.groups.get(key)
        newest = group is None
        if group is None:
            group = self.groups[key] = Group(dict.fromkeys(n for n, _ in self.numbers), *span)
        elif span[1] == group.last:
            self.sink.problem(N_("import.same_day_twice"), self.line, day=span[1].isoformat())
            return
        else:
            newest = span[1] > group.last
            group.first, group.last = min(group.first, span[0]), max(group.last, span[1])
        if newest:
            group.sums = {
                name: number for (name, _), number in zip(self.numbers, values, strict=True)
            }
        group.rows += 1
        group.digest = (group.digest + self.last_digest) % DIGEST_MOD
        self.sink.rows_used += 1

    def kpi_values(self, group: Group) -> dict[str, Decimal]:
        friends, blocks = group.sums.get("friends"), group.sums.get("blocks")
        out: dict[str, Decimal] = {}
        if friends is not None and blocks is not None:
            out["line_friends"] = friends - blocks
            rate = percent(blocks, friends)
            if rate is not None:
                out["block_rate"] = rate
        return out


class LineMessagesHandler(SummingHandler):
    """Broadcast messages: a month adds up delivered, opened (reach) and clicked."""

    source = "line_messages"
    line_item = None
    amount_field = ""
    kpi_fields = {  # noqa: RUF012
        "delivered": "line_messages_delivered",
        "opened": "line_message_reach",
        "clicked": "line_message_clicks",
    }

    def label(self, cells: Sequence[object]) -> str:
        return ""


@dataclass(frozen=True)
class Order:
    line: int
    day: date
    total: Decimal
    customer: str
    digest: int


class ShopOrdersHandler(Handler):
    """Orders of a shop platform, counted once each, into monthly KPIs."""

    source = "shop_orders"

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.orders: dict[str, Order] = {}

    def row(self, line: int, cells: Sequence[object]) -> None:
        order_id = clean(self.cell(cells, "order"))
        if not order_id or norm(order_id).startswith(("total", "總計", "合計")):
            self.sink.rows_skipped += 1
            return
        if norm(self.cell(cells, "status")) in LEFT_OUT:
            self.sink.rows_skipped += 1
            return
        currency = clean(self.cell(cells, "currency")).upper()
        if currency and currency != self.options.currency:
            self.sink.wrong_currency(line, currency, self.options.currency)
            return
        order = self.read_order(line, cells)
        if order is None:
            return
        first = self.orders.setdefault(order_id, order)
        if first is not order and (first.day, first.total, first.customer) != (
            order.day,
            order.total,
            order.customer,
        ):
            self.sink.problem(N_("import.order_differs"), line, order=order_id, first=first.line)
            return
        self.sink.rows_used += 1

    def read_order(self, line: int, cells: Sequence[object]) -> Order | None:
        try:
            day = day_of(self.cell(cells, "date"))
        except CellError as exc:
            self.bad(line, "date", exc.value, N_("import.reason.not_a_date"))
            return None
        try:
            total = parse_number(self.cell(cells, "total"))
        except CellError as exc:
            self.bad(line, "total", exc.value, N_("import.reason.not_a_number"))
            return None
        if total is None:
            self.bad(line, "total", "", N_("import.reason.not_a_number"))
            return None
        customer = (
            "" if is_blank(self.cell(cells, "customer")) else clean(self.cell(cells, "customer"))
        )
        digest = row_digest([self.cell(cells, "order"), day, total, customer])
        return Order(line, day, total, customer, digest)

    def records(self) -> list[ActualRecord]:
        months: dict[str, list[Order]] = {}
        for order in sorted(self.orders.values(), key=lambda o: (o.day, o.line)):
            months.setdefault(month_of(order.day), []).append(order)
        with_customers = "customer" in self.match.columns
        counts: dict[str, int] = {}
        out: list[ActualRecord] = []
        for month, orders in sorted(months.items()):
            for order in orders:
                counts[order.customer] = counts.get(order.customer, 0) + 1
            values = self.month_values(orders, counts if with_customers else None)
            base = {
                "month": month,
                "tool": PLAN_LEVEL,
                "source": self.options.source or self.source,
                "rows": len(orders),
                "first_day": orders[0].day,
                "last_day": orders[-1].day,
            }
            extra = f"{sum(o.digest for o in orders) % DIGEST_MOD:032x}"
            for kpi, value in values.items():
                out.append(with_fingerprint(ActualRecord(**base, kpi=kpi, kpi_value=value), extra))
        return out

    @staticmethod
    def month_values(orders: list[Order], counts: dict[str, int] | None) -> dict[str, Decimal]:
        revenue = sum((o.total for o in orders), ZERO)
        values = {
            "orders": Decimal(len(orders)),
            "online_revenue": revenue,
            "average_order_value": (revenue / len(orders)).quantize(MONEY_PLACES),
        }
        if counts is not None:
            customers = {o.customer for o in orders if o.customer}
            repeat = sum(1 for c in customers if counts[c] >= 2)
            values["repeat_buyers"] = Decimal(repeat)
            rate = percent(Decimal(repeat), Decimal(len(customers)))
            if rate is not None:
                values["repeat_purchase_rate"] = rate
        return values
