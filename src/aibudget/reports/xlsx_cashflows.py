"""The Cash flows sheet: month by month, every cost and benefit as a formula.

Months run across (column D is month 0, the "initial" month of one-off costs; then
months 1..N), one block of rows per tool and one for plan-level lines, then the plan's
totals. The formulas follow the timing rules of :mod:`aibudget.engine.flows` and read
only the Assumptions sheet; each cell also carries the engine's value, for readers that
do not recalculate on opening. :func:`figure_formulas` gives NPV, ROI and payback of a
block as formulas for the Summary and Tools sheets.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import accumulate

from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from aibudget.domain.plan import LineItem, Plan
from aibudget.domain.results import Figures
from aibudget.domain.texts import N_
from aibudget.engine.cashflow import discount_factors, entity_streams
from aibudget.engine.flows import FlowModel, ToolFlows, build_flows, ramp, schedule_stream
from aibudget.i18n import Translator
from aibudget.reports.xlsx_assumptions import (
    AssumptionRefs,
    ScheduleRefs,
    ToolRefs,
    choice_word,
)
from aibudget.reports.xlsx_book import Book, span

MONTH_ROW, LABEL_ROW, FACTOR_ROW, FIRST_ROW = 3, 4, 5, 7
LABEL_COL, LINE_COL, TOTAL_COL, FIRST_MONTH_COL = 0, 1, 2, 3
Stream = Sequence[Decimal]
MonthFormula = Callable[[int], str]  # a month's column -> formula text without '='

# Own cost rows of a tool: (key, budget line, engine cost labels summed into the row)
OWN_COSTS = (
    ("subscription", LineItem.SUBSCRIPTION, ("subscription:",)),
    ("setup", LineItem.INTEGRATION, ("setup",)),
    ("training", LineItem.TRAINING, ("training",)),
    ("data_privacy", LineItem.DATA_PRIVACY, ("data_privacy",)),
    ("maintenance", LineItem.MAINTENANCE, ("maintenance",)),
    ("internal_time", LineItem.INTERNAL_TIME, ("setup_hours", "run_hours")),
)


@dataclass(frozen=True)
class Block:
    """Rows of one tool (or of plan-level lines, or of the whole plan) on the sheet."""

    costs: int
    benefits: int
    net: int
    cumulative: int
    adjusted_costs: int
    adjusted_benefits: int
    paid_back: int
    adjusted_paid_back: int


@dataclass(frozen=True)
class CashflowRefs:
    sheet: str
    months: int
    blocks: list[tuple[str, Block]]  # (entity id, rows), tools then plan-level lines
    total: Block
    cost_rows: list[tuple[int, LineItem]]  # every cost row and its budget line

    def row_span(self, row: int) -> str:
        return span(self.sheet, row, FIRST_MONTH_COL, FIRST_MONTH_COL + self.months)

    @property
    def month_span(self) -> str:
        return self.row_span(MONTH_ROW)

    @property
    def label_span(self) -> str:
        return self.row_span(LABEL_ROW)

    @property
    def factor_span(self) -> str:
        return self.row_span(FACTOR_ROW)


def figure_formulas(refs: CashflowRefs, block: Block, adjusted: bool) -> dict[str, str]:
    """PV of costs and benefits, NPV, ROI and payback month of a block, as formulas."""
    costs = refs.row_span(block.adjusted_costs if adjusted else block.costs)
    benefits = refs.row_span(block.adjusted_benefits if adjusted else block.benefits)
    flags = refs.row_span(block.adjusted_paid_back if adjusted else block.paid_back)
    pv_c = f"SUMPRODUCT({costs},{refs.factor_span})"
    pv_b = f"SUMPRODUCT({benefits},{refs.factor_span})"
    return {
        "pv_costs": f"={pv_c}",
        "pv_benefits": f"={pv_b}",
        "npv": f"={pv_b}-{pv_c}",
        "roi": f'=IF({pv_c}>0,({pv_b}-{pv_c})/{pv_c},"–")',
        "payback": f'=IFERROR(INDEX({refs.month_span},MATCH(1,{flags},0)),"–")',
        "payback_label": f'=IFERROR(INDEX({refs.label_span},MATCH(1,{flags},0)),"–")',
    }


def figure_value(key: str, figs: Figures, plan: Plan) -> object:
    """The engine's value of a :func:`figure_formulas` cell (until the reader recalculates)."""
    month = figs.payback_month
    if key == "payback":
        return "–" if month is None else month
    if key == "payback_label":
        return "–" if month is None else plan.calendar_month(month)
    if key == "roi":
        return "–" if figs.roi is None else figs.roi
    return getattr(figs, key)


class CashflowWriter:
    def __init__(
        self, book: Book, ws: Worksheet, plan: Plan, t: Translator, a: AssumptionRefs
    ) -> None:
        self.book, self.ws, self.plan, self.t, self.a = book, ws, plan, t, a
        self.sheet = ws.get_name()
        self.n = plan.horizon.months
        self.model: FlowModel = build_flows(plan)
        self.row = FIRST_ROW
        self.cost_rows: list[tuple[int, LineItem]] = []
        # the plan's costs, benefits, risk-adjusted costs and benefits: each block adds its own
        self.sums = [[Decimal(0)] * (self.n + 1) for _ in range(4)]

    # -------------------------------------------------------------- cell helpers

    def m(self, col: int) -> str:
        """This column's month number (row 4 of the sheet)."""
        return str(xl_rowcol_to_cell(MONTH_ROW, col, row_abs=True))

    def at(self, row: int, col: int) -> str:
        return str(xl_rowcol_to_cell(row, col))

    def first(self, row: int) -> str:
        return str(xl_rowcol_to_cell(row, FIRST_MONTH_COL, col_abs=True))

    def months(self) -> range:
        return range(FIRST_MONTH_COL, FIRST_MONTH_COL + self.n + 1)

    def stream_row(
        self,
        label: str,
        line: LineItem | None,
        formula: MonthFormula,
        cached: Sequence[Decimal | int],
        style: str,
        total: bool = True,
    ) -> int:
        """One row: label, budget line, a formula per month and the horizon total."""
        r = self.row
        label_style = {"money_bold": "bold", "helper": "note"}.get(style, "text")
        self.book.text(self.ws, r, LABEL_COL, label, label_style)
        if line is not None:
            self.book.text(self.ws, r, LINE_COL, self.t(f"monitor.line.{line.value}"))
        for i, col in enumerate(self.months()):
            self.book.formula(self.ws, r, col, "=" + formula(col), style, cached[i])
        if total:
            last = FIRST_MONTH_COL + self.n
            whole = f"=SUM({self.at(r, FIRST_MONTH_COL)}:{self.at(r, last)})"
            self.book.formula(self.ws, r, TOTAL_COL, whole, style, sum(cached, Decimal(0)))
        self.row += 1
        return r

    # -------------------------------------------------------------------- sheet

    def write(self) -> CashflowRefs:
        book, ws = self.book, self.ws
        ws.set_column(LABEL_COL, LABEL_COL, 34)
        ws.set_column(LINE_COL, LINE_COL, 16)
        ws.set_column(TOTAL_COL, TOTAL_COL, 14)
        ws.set_column(FIRST_MONTH_COL, FIRST_MONTH_COL + self.n, 11)
        book.text(ws, 0, 0, self.t("xlsx.cashflows_title"), "title")
        book.text(ws, 1, 0, self.t("xlsx.cashflows_note"), "note")
        book.text(ws, MONTH_ROW, LABEL_COL, self.t("xlsx.month_number"), "header")
        book.text(ws, MONTH_ROW, LINE_COL, self.t("xlsx.line"), "header")
        book.text(ws, MONTH_ROW, TOTAL_COL, self.t("xlsx.horizon_total"), "header")
        book.text(ws, LABEL_ROW, LABEL_COL, self.t("xlsx.month"), "bold")
        book.text(ws, FACTOR_ROW, LABEL_COL, self.t("xlsx.discount_factor"), "bold")
        factors = discount_factors(
            self.plan.horizon.discount_rate, self.n, self.plan.horizon.convention
        )
        rate, conv = self.a.rate.ref, self.a.convention.ref
        annual = choice_word(self.t, "annual")
        initial = self.t("cli.period_initial")
        for i, col in enumerate(self.months()):
            ws.write_number(MONTH_ROW, col, i, book.fmt("header"))
            month = self.plan.calendar_month(i)
            label = f"{month} ({initial})" if i == 0 else month
            book.text(ws, LABEL_ROW, col, label, "bold")
            m = self.m(col)
            formula = f'=IF({conv}="{annual}",(1+{rate})^(-INT(({m}+11)/12)),(1+{rate})^(-{m}/12))'
            book.formula(ws, FACTOR_ROW, col, formula, "factor", factors[i])
        ws.freeze_panes(LABEL_ROW + 1, FIRST_MONTH_COL)
        blocks: list[tuple[str, Block]] = []
        entities = {e.tool_id: e for e in self.model.entities}
        for tr in self.a.tools:
            blocks.append((tr.tool.id, self._tool_block(tr, entities[tr.tool.id])))
        if self.a.plan_lines:
            plan_entity = self.model.entities[-1]
            blocks.append((plan_entity.tool_id, self._lines_block(plan_entity)))
        total = self._total_block([b for _, b in blocks])
        return CashflowRefs(self.sheet, self.n, blocks, total, self.cost_rows)

    # ------------------------------------------------------------------ blocks

    def _own_cost(self, tr: ToolRefs, entity: ToolFlows, keys: tuple[str, ...]) -> list[Decimal]:
        """The engine's stream for one own-cost row (the tool's schedules come last)."""
        scheduled = sum(1 for s in tr.tool.schedules if s.kind == "cost")
        out = [Decimal(0)] * (self.n + 1)
        for line in entity.costs[: len(entity.costs) - scheduled]:
            if any(line.label == k or (k.endswith(":") and line.label.startswith(k)) for k in keys):
                out = [x + y for x, y in zip(out, line.amounts, strict=True)]
        return out

    def _tool_block(self, tr: ToolRefs, entity: ToolFlows) -> Block:
        c = tr.cells
        s = c["start"].ref
        self.book.text(self.ws, self.row, LABEL_COL, tr.tool.name, "section")
        self.row += 1
        own: list[int] = []
        formulas = {
            "subscription": lambda col: (
                f"IF(AND({self.m(col)}>={s},MOD({self.m(col)}-{s},"
                f'IF({c["billing"].ref}="{choice_word(self.t, "annual")}",12,1))=0),'
                f"{c['price'].ref}*{c['seats'].ref}*{c['fx'].ref},0)"
            ),
            "setup": lambda col: (
                f"IF({self.m(col)}={s}-1,{c['setup_cost'].ref}+{c['integration_cost'].ref},0)"
            ),
            "training": lambda col: (
                f"IF({self.m(col)}={s}-1,{c['training_hours'].ref}*{c['trainee_rates'].ref}"
                f"+{c['training_fees'].ref},0)"
            ),
            "data_privacy": lambda col: (
                f"IF({self.m(col)}={s}-1,{c['data_prep'].ref}+{c['privacy'].ref},0)"
            ),
            "maintenance": lambda col: f"IF({self.m(col)}>={s},{c['maintenance'].ref},0)",
            "internal_time": lambda col: (
                f"IF({self.m(col)}={s}-1,{c['setup_hours'].ref}*{c['owner_rate'].ref},0)"
                f"+IF({self.m(col)}>={s},{c['run_hours'].ref}*{c['owner_rate'].ref},0)"
            ),
        }
        for key, line, prefixes in OWN_COSTS:
            cached = self._own_cost(tr, entity, prefixes)
            label = self.t(f"xlsx.cost.{key}")
            own.append(self.stream_row(label, line, formulas[key], cached, "money"))
            self.cost_rows.append((own[-1], line))
        sched_costs, sched_benefits = self._schedule_rows(tr.schedules, tr.tool.start_month)
        ramp_row = self.stream_row(
            self.t("xlsx.adoption"),
            None,
            lambda col: (
                f"IF({self.m(col)}>={s},IF({c['ramp'].ref}=0,1,"
                f"MIN(1,({self.m(col)}-{s}+1)/{c['ramp'].ref})),0)"
            ),
            ramp(self.n, tr.tool.start_month, tr.tool.ramp_months),
            "percent",
            total=False,
        )
        values = "+".join(d.value.ref for d in tr.drivers) or "0"
        adjusted = "+".join(d.adjusted.ref for d in tr.drivers) or "0"
        return self._totals(
            entity,
            own,
            sched_costs,
            sched_benefits,
            cost_risk=c["cost_risk"].ref,
            benefit=lambda col: f"{self.at(ramp_row, col)}*({values})",
            adjusted_benefit=lambda col: f"{self.at(ramp_row, col)}*({adjusted})",
        )

    def _lines_block(self, entity: ToolFlows) -> Block:
        self.book.text(self.ws, self.row, LABEL_COL, self.t("cli.plan_lines"), "section")
        self.row += 1
        sched_costs, sched_benefits = self._schedule_rows(self.a.plan_lines, 1)
        return self._totals(entity, [], sched_costs, sched_benefits, None, None, None)

    def _schedule_rows(
        self, schedules: list[ScheduleRefs], start: int
    ) -> tuple[list[tuple[int, ScheduleRefs]], list[tuple[int, ScheduleRefs]]]:
        costs, benefits = [], []
        month = choice_word(self.t, "month")
        for sr in schedules:
            row, first, last = sr.amounts
            amounts = span(self.a.sheet, row, first, last)
            s = sr.start.ref if sr.start else "1"
            p = sr.period.ref

            def formula(
                col: int, s: str = s, p: str = p, sr: ScheduleRefs = sr, amounts: str = amounts
            ) -> str:
                m = self.m(col)
                return (
                    f"IF({m}={s}-1,{sr.initial.ref},0)+IF({m}>={s},IFERROR(INDEX({amounts},1,"
                    f'IF({p}="{month}",{m}-{s}+1,INT(({m}-{s})/12)+1)),0)/IF({p}="{month}",1,12),0)'
                )

            cached = schedule_stream(sr.schedule, start, self.n)
            r = self.stream_row(sr.schedule.label, sr.schedule.line, formula, cached, "money")
            if sr.schedule.kind == "cost":
                costs.append((r, sr))
                self.cost_rows.append((r, sr.schedule.line))
            else:
                benefits.append((r, sr))
        return costs, benefits

    def _totals(
        self,
        entity: ToolFlows,
        own: list[int],
        sched_costs: list[tuple[int, ScheduleRefs]],
        sched_benefits: list[tuple[int, ScheduleRefs]],
        cost_risk: str | None,
        benefit: MonthFormula | None,
        adjusted_benefit: MonthFormula | None,
    ) -> Block:
        dist = self.plan.simulation.distribution
        costs_v, benefits_v = entity_streams(entity, self.n, dist, False)
        adj_costs_v, adj_benefits_v = entity_streams(entity, self.n, dist, True)
        for total, stream in zip(
            self.sums, (costs_v, benefits_v, adj_costs_v, adj_benefits_v), strict=True
        ):
            total[:] = [x + y for x, y in zip(total, stream, strict=True)]

        def plus(col: int, rows: list[int], factor: str = "") -> list[str]:
            return [f"{self.at(r, col)}{factor}" for r in rows]

        def costs_f(col: int) -> str:
            parts = plus(col, own) + plus(col, [r for r, _ in sched_costs])
            return "+".join(parts) or "0"

        def benefits_f(col: int) -> str:
            parts = [benefit(col)] if benefit else []
            return "+".join(parts + plus(col, [r for r, _ in sched_benefits])) or "0"

        def adjusted_costs_f(col: int) -> str:
            parts = [f"({'+'.join(plus(col, own))})*(1+{cost_risk})"] if own else []
            parts += [f"{self.at(r, col)}*(1+{sr.risk.ref})" for r, sr in sched_costs]
            return "+".join(parts) or "0"

        def adjusted_benefits_f(col: int) -> str:
            parts = [adjusted_benefit(col)] if adjusted_benefit else []
            parts += [f"{self.at(r, col)}*(1-{sr.risk.ref})" for r, sr in sched_benefits]
            return "+".join(parts) or "0"

        costs = self.stream_row(self.t("cli.costs"), None, costs_f, costs_v, "money_bold")
        benefits = self.stream_row(self.t("cli.benefits"), None, benefits_f, benefits_v, "money")
        return self._summary_rows(
            costs,
            benefits,
            (costs_v, benefits_v),
            adjusted_costs_f,
            adjusted_benefits_f,
            (adj_costs_v, adj_benefits_v),
        )

    def _summary_rows(
        self,
        costs: int,
        benefits: int,
        values: tuple[Stream, Stream],
        adjusted_costs_f: MonthFormula,
        adjusted_benefits_f: MonthFormula,
        adjusted_values: tuple[Stream, Stream],
    ) -> Block:
        """Net, cumulative net, the risk-adjusted view and the payback helper rows."""
        t = self.t
        net_v = [b - c for c, b in zip(*values, strict=True)]
        net = self.stream_row(
            t("cli.net"),
            None,
            lambda col: f"{self.at(benefits, col)}-{self.at(costs, col)}",
            net_v,
            "money_bold",
        )
        cumulative = self.stream_row(
            t("xlsx.cumulative_net"),
            None,
            lambda col: f"SUM({self.first(net)}:{self.at(net, col)})",
            list(accumulate(net_v)),
            "money",
            total=False,
        )
        adj_costs = self.stream_row(
            t("xlsx.adjusted_costs"), None, adjusted_costs_f, adjusted_values[0], "money"
        )
        adj_benefits = self.stream_row(
            t("xlsx.adjusted_benefits"), None, adjusted_benefits_f, adjusted_values[1], "money"
        )
        flags = []
        for c_row, b_row, vals in (
            (costs, benefits, values),
            (adj_costs, adj_benefits, adjusted_values),
        ):
            label = t(N_("xlsx.paid_back") if c_row == costs else N_("xlsx.adjusted_paid_back"))

            def flag(col: int, c_row: int = c_row, b_row: int = b_row) -> str:
                spent = f"SUM({self.first(c_row)}:{self.at(c_row, col)})"
                gained = f"SUM({self.first(b_row)}:{self.at(b_row, col)})"
                return f"IF(AND({spent}>0,ROUND({gained}-{spent},6)>=0),1,0)"

            cached = _paid_back(*vals)
            flags.append(self.stream_row(label, None, flag, cached, "helper", total=False))
        self.row += 1
        return Block(costs, benefits, net, cumulative, adj_costs, adj_benefits, flags[0], flags[1])

    def _total_block(self, blocks: list[Block]) -> Block:
        self.book.text(self.ws, self.row, LABEL_COL, self.t("cli.plan_total"), "section")
        self.row += 1
        costs_v, benefits_v, adj_costs_v, adj_benefits_v = self.sums

        def total_of(attr: str) -> MonthFormula:
            return lambda col: "+".join(self.at(getattr(b, attr), col) for b in blocks) or "0"

        costs = self.stream_row(self.t("cli.costs"), None, total_of("costs"), costs_v, "money_bold")
        benefits = self.stream_row(
            self.t("cli.benefits"), None, total_of("benefits"), benefits_v, "money"
        )
        return self._summary_rows(
            costs,
            benefits,
            (costs_v, benefits_v),
            total_of("adjusted_costs"),
            total_of("adjusted_benefits"),
            (adj_costs_v, adj_benefits_v),
        )


def _paid_back(costs: Stream, benefits: Stream) -> list[int]:
    """The engine's payback rule as a 0/1 row (cached values of the helper row)."""
    out, spent, net = [], Decimal(0), Decimal(0)
    for c, b in zip(costs, benefits, strict=True):
        spent += c
        net += b - c
        out.append(1 if spent > 0 and net >= 0 else 0)
    return out


# Message ids built at run time in this module, declared for message extraction.
COST_MESSAGES = (
    N_("xlsx.cost.data_privacy"),
    N_("xlsx.cost.internal_time"),
    N_("xlsx.cost.maintenance"),
    N_("xlsx.cost.setup"),
    N_("xlsx.cost.subscription"),
    N_("xlsx.cost.training"),
)
