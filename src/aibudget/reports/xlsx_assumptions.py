"""The Assumptions sheet: every input of the plan in one place, as cells to change.

The Cash flows sheet computes from these cells only, so changing a price, a rate, an
hour estimate or a risk share in Excel or LibreOffice recomputes the plan. Tools are
columns (one parameter a row), benefit drivers and explicit schedules are rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from xlsxwriter.worksheet import Worksheet

from aibudget.catalog import kpi_entries
from aibudget.domain.months import MONTHS_PER_YEAR
from aibudget.domain.plan import (
    Billing,
    CostAvoided,
    Distribution,
    HoursSaved,
    KpiEffect,
    Plan,
    RevenueLift,
    Schedule,
    Tool,
    benefit_driver,
)
from aibudget.domain.texts import N_
from aibudget.i18n import Translator
from aibudget.present.evaluation import driver_label
from aibudget.reports.xlsx_book import Book, Cell
from aibudget.service.tiers import tool_tier_name

LABEL_COL, FIRST_COL = 0, 1


@dataclass(frozen=True)
class DriverRefs:
    value: Cell  # expected monthly value at full use
    adjusted: Cell  # the same, less its risk share


@dataclass(frozen=True)
class ScheduleRefs:
    schedule: Schedule
    initial: Cell
    risk: Cell
    period: Cell
    amounts: tuple[int, int, int]  # row, first column, last column on the Assumptions sheet
    start: Cell | None  # the tool's start month; None for plan-level lines (month 1)


@dataclass
class ToolRefs:
    tool: Tool
    cells: dict[str, Cell] = field(default_factory=dict)
    drivers: list[DriverRefs] = field(default_factory=list)
    schedules: list[ScheduleRefs] = field(default_factory=list)


@dataclass
class AssumptionRefs:
    sheet: str
    rate: Cell
    convention: Cell
    weight: Cell
    revenue: Cell
    tools: list[ToolRefs] = field(default_factory=list)
    plan_lines: list[ScheduleRefs] = field(default_factory=list)


# (key, style, value) of each tool parameter, in sheet order (labels: xlsx.tool.<key>)
def _tool_rows(plan: Plan, tool: Tool) -> list[tuple[str, str, Decimal | int | str]]:
    chosen = tool.chosen_plan()
    return [
        ("billing", "input_text", chosen.billing.value if chosen else Billing.MONTHLY.value),
        ("price", "input_number", chosen.price if chosen else Decimal(0)),
        ("seats", "input_integer", chosen.seats if chosen else 1),
        ("fx", "number", plan.rate(chosen.currency) if chosen and chosen.price else Decimal(1)),
        ("start", "input_integer", tool.start_month),
        ("setup_cost", "input_money", tool.setup_cost),
        ("integration_cost", "input_money", tool.integration_cost),
        ("owner_rate", "money", _rate(plan, tool.owner)),
        ("setup_hours", "input_number", tool.setup_hours),
        ("run_hours", "input_number", tool.run_hours_per_month),
        ("training_hours", "input_number", tool.training.hours_per_person),
        ("trainee_rates", "money", sum((_rate(plan, m) for m in _trainees(tool)), Decimal(0))),
        ("training_fees", "input_money", tool.training.fees),
        ("data_prep", "input_money", tool.data_prep_cost),
        ("privacy", "input_money", tool.privacy_cost),
        ("maintenance", "input_money", tool.maintenance_monthly),
        ("ramp", "input_integer", tool.ramp_months),
        ("benefit_risk", "input_percent", tool.risk.benefits),
        ("cost_risk", "input_percent", tool.risk.costs),
    ]


def _rate(plan: Plan, member_id: str) -> Decimal:
    member = plan.member(member_id)
    return member.hourly_cost if member else Decimal(0)


def _trainees(tool: Tool) -> list[str]:
    return tool.training.trainees or [tool.owner]


class AssumptionsWriter:
    def __init__(self, book: Book, ws: Worksheet, plan: Plan, t: Translator) -> None:
        self.book, self.ws, self.plan, self.t = book, ws, plan, t
        self.sheet = ws.get_name()
        self.row = 0
        self.team: dict[str, Cell] = {}
        self.fx: dict[str, Cell] = {}

    def cell(self, row: int, col: int) -> Cell:
        return Cell(self.sheet, row, col)

    def section(self, message_id: str) -> None:
        self.row += 1
        self.book.text(self.ws, self.row, LABEL_COL, self.t(message_id), "section")
        self.row += 1

    def headers(self, ids: list[str], first: int = LABEL_COL) -> None:
        for i, message_id in enumerate(ids):
            self.book.text(self.ws, self.row, first + i, self.t(message_id), "header")
        self.row += 1

    def word(self, code: str) -> str:
        return choice_word(self.t, code)

    def choice(self, *codes: str) -> dict[str, object]:
        """Data validation: one of these inputs, in the reader's words."""
        return {"validate": "list", "source": [self.word(code) for code in codes]}

    def labelled(self, message_id: str) -> int:
        self.book.text(self.ws, self.row, LABEL_COL, self.t(message_id))
        self.row += 1
        return self.row - 1

    # ------------------------------------------------------------------ sections

    def write(self) -> AssumptionRefs:
        book, ws, plan = self.book, self.ws, self.plan
        ws.set_column(LABEL_COL, LABEL_COL, 36)
        ws.set_column(FIRST_COL, FIRST_COL + 40, 15)
        book.text(ws, 0, 0, self.t("xlsx.assumptions_title"), "title")
        book.text(ws, 1, 0, self.t("xlsx.assumptions_note"), "note")
        self.row = 2
        self.section(N_("xlsx.general"))
        r = self.labelled(N_("xlsx.company"))
        book.text(ws, r, FIRST_COL, plan.company.name)
        r = self.labelled(N_("xlsx.currency"))
        book.text(ws, r, FIRST_COL, plan.currency)
        r = self.labelled(N_("xlsx.start_month"))
        book.text(ws, r, FIRST_COL, plan.horizon.start)
        r = self.labelled(N_("xlsx.months"))
        book.value(ws, r, FIRST_COL, plan.horizon.months, "integer")
        book.text(ws, r, FIRST_COL + 1, self.t("xlsx.months_fixed"), "note")
        r = self.labelled(N_("xlsx.discount_rate"))
        book.value(ws, r, FIRST_COL, plan.horizon.discount_rate, "input_percent")
        rate = self.cell(r, FIRST_COL)
        r = self.labelled(N_("xlsx.convention"))
        book.text(ws, r, FIRST_COL, self.word(plan.horizon.convention.value), "input_text")
        ws.data_validation(r, FIRST_COL, r, FIRST_COL, self.choice("monthly", "annual"))
        book.text(ws, r, FIRST_COL + 1, self.t("xlsx.convention_note"), "note")
        convention = self.cell(r, FIRST_COL)
        r = self.labelled(N_("xlsx.distribution"))
        book.text(ws, r, FIRST_COL, self.word(plan.simulation.distribution.value), "input_text")
        ws.data_validation(r, FIRST_COL, r, FIRST_COL, self.choice("pert", "triangular"))
        distribution = self.cell(r, FIRST_COL)
        r = self.labelled(N_("xlsx.likely_weight"))
        weight = 4 if plan.simulation.distribution is Distribution.PERT else 1
        book.formula(
            ws,
            r,
            FIRST_COL,
            f'=IF({distribution.a1}="{self.word("triangular")}",1,4)',
            "integer",
            weight,
        )
        book.text(ws, r, FIRST_COL + 1, self.t("xlsx.likely_weight_note"), "note")
        weight_cell = self.cell(r, FIRST_COL)
        r = self.labelled(N_("xlsx.annual_revenue"))
        book.value(ws, r, FIRST_COL, plan.company.annual_revenue, "input_money")
        refs = AssumptionRefs(self.sheet, rate, convention, weight_cell, self.cell(r, FIRST_COL))
        self._fx()
        self._team()
        refs.tools = self._tools()
        self._benefits(refs)
        self._schedules(refs)
        return refs

    def _fx(self) -> None:
        if not self.plan.fx:
            return
        self.section(N_("xlsx.fx"))
        self.headers([N_("xlsx.currency"), N_("xlsx.fx_rate")])
        for code, rate in sorted(self.plan.fx.items()):
            self.book.text(self.ws, self.row, LABEL_COL, code)
            self.book.value(self.ws, self.row, FIRST_COL, rate, "input_number")
            self.fx[code] = self.cell(self.row, FIRST_COL)
            self.row += 1

    def _team(self) -> None:
        self.section(N_("xlsx.team"))
        if not self.plan.team:
            self.book.text(self.ws, self.row, LABEL_COL, self.t("xlsx.none"), "note")
            self.row += 1
            return
        self.headers(
            [N_("xlsx.member"), N_("xlsx.role"), N_("xlsx.hourly_cost"), N_("xlsx.free_hours")]
        )
        for m in self.plan.team:
            self.book.text(self.ws, self.row, LABEL_COL, m.name or m.id)
            self.book.text(self.ws, self.row, FIRST_COL, m.role)
            self.book.value(self.ws, self.row, FIRST_COL + 1, m.hourly_cost, "input_money")
            self.book.value(self.ws, self.row, FIRST_COL + 2, m.free_hours_per_month, "number")
            self.team[m.id] = self.cell(self.row, FIRST_COL + 1)
            self.row += 1

    def _rate_formula(self, members: list[str]) -> str:
        cells = [self.team[m].a1 for m in members if m in self.team]
        return "=" + ("+".join(cells) if cells else "0")

    def _tools(self) -> list[ToolRefs]:
        self.section(N_("xlsx.tools"))
        if not self.plan.tools:
            self.book.text(self.ws, self.row, LABEL_COL, self.t("xlsx.none"), "note")
            self.row += 1
            return []
        self.book.text(self.ws, self.row, LABEL_COL, self.t("xlsx.parameter"), "header")
        refs = [ToolRefs(tool) for tool in self.plan.tools]
        for j, tool in enumerate(self.plan.tools):
            self.book.text(self.ws, self.row, FIRST_COL + j, tool.name, "header")
        self.row += 1
        r = self.labelled(N_("xlsx.tool_plan"))
        for j, tool in enumerate(self.plan.tools):
            self.book.text(self.ws, r, FIRST_COL + j, tool_tier_name(self.t, tool))
        r = self.labelled(N_("xlsx.price_currency"))
        for j, tool in enumerate(self.plan.tools):
            chosen = tool.chosen_plan()
            self.book.text(
                self.ws, r, FIRST_COL + j, (chosen and chosen.currency) or self.plan.currency
            )
        rows = [_tool_rows(self.plan, tool) for tool in self.plan.tools]
        for i, (key, style, _) in enumerate(rows[0]):
            r = self.labelled(f"xlsx.tool.{key}")
            for j, tool in enumerate(self.plan.tools):
                self._tool_cell(tool, key, style, rows[j][i][2], r, FIRST_COL + j)
                refs[j].cells[key] = self.cell(r, FIRST_COL + j)
            if key == "billing":
                last = FIRST_COL + len(self.plan.tools) - 1
                self.ws.data_validation(r, FIRST_COL, r, last, self.choice("monthly", "annual"))
        return refs

    def _tool_cell(
        self, tool: Tool, key: str, style: str, value: Decimal | int | str, row: int, col: int
    ) -> None:
        book, ws = self.book, self.ws
        chosen = tool.chosen_plan()
        if key == "fx":
            currency = chosen.currency if chosen else None
            if currency and currency != self.plan.currency and currency in self.fx:
                book.formula(ws, row, col, f"={self.fx[currency].a1}", "number", value)
            else:
                book.value(ws, row, col, 1, "number")
        elif key == "owner_rate":
            book.formula(ws, row, col, self._rate_formula([tool.owner]), style, value)
        elif key == "trainee_rates":
            book.formula(ws, row, col, self._rate_formula(_trainees(tool)), style, value)
        elif key == "billing":
            book.text(ws, row, col, self.word(str(value)), style)
        elif isinstance(value, str):
            book.text(ws, row, col, value, style)
        else:
            book.value(ws, row, col, value, style)

    def _benefits(self, refs: AssumptionRefs) -> None:
        self.section(N_("xlsx.benefits"))
        self.book.text(self.ws, self.row, LABEL_COL, self.t("xlsx.benefits_note"), "note")
        self.row += 1
        drivers = [(tr, b) for tr in refs.tools for b in tr.tool.benefits]
        if not drivers:
            self.book.text(self.ws, self.row, LABEL_COL, self.t("xlsx.none"), "note")
            self.row += 1
            return
        self.headers(
            [
                N_("xlsx.tool_benefit"),
                N_("xlsx.kind"),
                N_("xlsx.low"),
                N_("xlsx.likely"),
                N_("xlsx.high"),
                N_("xlsx.expected"),
                N_("xlsx.base"),
                N_("xlsx.factor"),
                N_("xlsx.full_value"),
                N_("xlsx.risk"),
                N_("xlsx.adjusted_value"),
            ]
        )
        dist = self.plan.simulation.distribution
        revenue = self.plan.company.monthly_revenue()
        for tr, b in drivers:
            book, ws, r, c = self.book, self.ws, self.row, FIRST_COL
            label = driver_label(self.t, benefit_driver(b), kpi_entries())
            book.text(ws, r, LABEL_COL, f"{tr.tool.name}: {label}")
            book.text(ws, r, c, self.t(f"xlsx.kind.{b.kind}"))
            if isinstance(b, HoursSaved):
                rng, style = b.hours_per_month, "input_number"
                member = b.member or tr.tool.owner
                base = self._rate_formula([member]), _rate(self.plan, member), "money"
                factor: tuple[Decimal, str] = (Decimal(1), "number")
            elif isinstance(b, RevenueLift):
                rng, style = b.lift, "input_percent"
                if b.base_monthly_revenue is None:
                    base = f"={refs.revenue.a1}/{MONTHS_PER_YEAR}", revenue, "money"
                else:
                    base = "", b.base_monthly_revenue, "input_money"
                factor = (b.gross_margin, "input_percent")
            elif isinstance(b, CostAvoided):
                rng, style = b.monthly, "input_money"
                base, factor = ("", Decimal(1), "number"), (Decimal(1), "number")
            else:
                assert isinstance(b, KpiEffect)
                rng, style = b.change, "input_number"
                base, factor = ("", b.value_per_unit, "input_money"), (Decimal(1), "number")
            for i, v in enumerate((rng.low, rng.likely, rng.high)):
                book.value(ws, r, c + 1 + i, v, style)
            low, likely, high = (self.cell(r, c + 1 + i).a1 for i in range(3))
            w = refs.weight.a1
            mean = rng.mean(dist)
            expected_style = "percent" if style == "input_percent" else "number"
            book.formula(
                ws, r, c + 4, f"=({low}+{w}*{likely}+{high})/({w}+2)", expected_style, mean
            )
            if base[0]:
                book.formula(ws, r, c + 5, base[0], base[2], base[1])
            else:
                book.value(ws, r, c + 5, base[1], base[2])
            book.value(ws, r, c + 6, factor[0], factor[1])
            full = mean * base[1] * factor[0]
            e, bs, f = (self.cell(r, c + k).a1 for k in (4, 5, 6))
            book.formula(ws, r, c + 7, f"={e}*{bs}*{f}", "money", full)
            risk = b.risk if b.risk is not None else tr.tool.risk.benefits
            if b.risk is None:
                book.formula(ws, r, c + 8, f"={tr.cells['benefit_risk'].a1}", "percent", risk)
            else:
                book.value(ws, r, c + 8, b.risk, "input_percent")
            full_cell, risk_cell = self.cell(r, c + 7).a1, self.cell(r, c + 8).a1
            book.formula(ws, r, c + 9, f"={full_cell}*(1-{risk_cell})", "money", full * (1 - risk))
            tr.drivers.append(DriverRefs(self.cell(r, c + 7), self.cell(r, c + 9)))
            self.row += 1

    def _schedules(self, refs: AssumptionRefs) -> None:
        owned: list[tuple[ToolRefs | None, Schedule]] = [
            (tr, s) for tr in refs.tools for s in tr.tool.schedules
        ]
        owned += [(None, s) for s in self.plan.lines]
        if not owned:
            return
        self.section(N_("xlsx.schedules"))
        self.book.text(self.ws, self.row, LABEL_COL, self.t("xlsx.schedules_note"), "note")
        self.row += 1
        width = max(1, *(len(s.amounts) for _, s in owned))
        ids = [
            N_("xlsx.schedule"),
            N_("xlsx.kind"),
            "xlsx.line",
            N_("xlsx.period"),
            N_("xlsx.initial"),
            N_("xlsx.risk"),
        ]
        self.headers(ids)
        for i in range(width):
            label = self.t("xlsx.amount_n", n=i + 1)
            self.book.text(self.ws, self.row - 1, FIRST_COL + 5 + i, label, "header")
        for tr, s in owned:
            book, ws, r, c = self.book, self.ws, self.row, FIRST_COL
            owner = tr.tool.name if tr else self.t("cli.plan_lines")
            book.text(ws, r, LABEL_COL, f"{owner}: {s.label}")
            book.text(ws, r, c, self.t(f"xlsx.kind.{s.kind}"))
            book.text(ws, r, c + 1, self.t(f"monitor.line.{s.line.value}"))
            book.text(ws, r, c + 2, self.word(s.period), "input_text")
            ws.data_validation(r, c + 2, r, c + 2, self.choice("month", "year"))
            book.value(ws, r, c + 3, s.initial, "input_money")
            default_key = "cost_risk" if s.kind == "cost" else "benefit_risk"
            if s.risk is None and tr is not None:
                default = tr.tool.risk.costs if s.kind == "cost" else tr.tool.risk.benefits
                book.formula(ws, r, c + 4, f"={tr.cells[default_key].a1}", "percent", default)
            else:
                book.value(ws, r, c + 4, s.risk or Decimal(0), "input_percent")
            for i in range(width):
                amount = s.amounts[i] if i < len(s.amounts) else None
                book.value(ws, r, c + 5 + i, amount, "input_money")
            item = ScheduleRefs(
                schedule=s,
                initial=self.cell(r, c + 3),
                risk=self.cell(r, c + 4),
                period=self.cell(r, c + 2),
                amounts=(r, c + 5, c + 4 + width),
                start=tr.cells["start"] if tr else None,
            )
            (tr.schedules if tr else refs.plan_lines).append(item)
            self.row += 1


def choice_word(t: Translator, code: str) -> str:
    """An input the formulas test (billing, discounting, distribution, period) in the
    reader's words; the formulas compare with the same word."""
    return t(f"xlsx.choice.{code}")


# Message ids built at run time in this module, declared for message extraction.
XLSX_MESSAGES = (
    N_("xlsx.choice.annual"),
    N_("xlsx.choice.month"),
    N_("xlsx.choice.monthly"),
    N_("xlsx.choice.pert"),
    N_("xlsx.choice.triangular"),
    N_("xlsx.choice.year"),
    N_("xlsx.kind.benefit"),
    N_("xlsx.kind.cost"),
    N_("xlsx.kind.cost_avoided"),
    N_("xlsx.kind.hours_saved"),
    N_("xlsx.kind.kpi_effect"),
    N_("xlsx.kind.revenue_lift"),
    N_("xlsx.tool.benefit_risk"),
    N_("xlsx.tool.billing"),
    N_("xlsx.tool.cost_risk"),
    N_("xlsx.tool.data_prep"),
    N_("xlsx.tool.fx"),
    N_("xlsx.tool.integration_cost"),
    N_("xlsx.tool.maintenance"),
    N_("xlsx.tool.owner_rate"),
    N_("xlsx.tool.price"),
    N_("xlsx.tool.privacy"),
    N_("xlsx.tool.ramp"),
    N_("xlsx.tool.run_hours"),
    N_("xlsx.tool.seats"),
    N_("xlsx.tool.setup_cost"),
    N_("xlsx.tool.setup_hours"),
    N_("xlsx.tool.start"),
    N_("xlsx.tool.trainee_rates"),
    N_("xlsx.tool.training_fees"),
    N_("xlsx.tool.training_hours"),
)
