"""Import previews and reviews in the reader's words (step 5; their JSON documents are
:mod:`aibudget.present.review_documents`)."""

from __future__ import annotations

from decimal import Decimal

from aibudget.domain.actuals import PLAN_LEVEL
from aibudget.domain.errors import Problem
from aibudget.domain.plan import Plan
from aibudget.domain.review import KpiStatus, Milestone, Review, ToolReview
from aibudget.domain.texts import N_
from aibudget.i18n import Translator
from aibudget.present.review_kpis import kpi_number

PROPOSAL_NOTE = "review.proposal_pending"


# The columns of the table of reviewed tools (terminal and workbook)
REVIEW_TOOL_COLUMNS = (
    "cli.tool",
    "monitor.spent",
    "monitor.realised",
    "monitor.realised_roi",
    "monitor.plan_npv",
    "monitor.forecast_npv",
    "monitor.attainment",
    "monitor.recommendation",
)


def tool_reasons(t: Translator, x: ToolReview) -> list[str]:
    """The reasons behind a tool's advice in words, with its attainment and the price
    really paid explained."""
    out = [t(f"monitor.reason.{code}") for code in x.reasons]
    if x.attainment is not None:
        out.append(t("monitor.attainment_words", pct=_pct(t, x.attainment)))
    if x.price_factor is not None:
        out.append(price_text(t, x.price_factor))
    return out


def price_text(t: Translator, factor: Decimal) -> str:
    """What the tool really costs against the plan's price: "about 10 times", "about 80%"."""
    if factor >= 2:
        times = factor.quantize(Decimal("0.1")).normalize()
        return t("review.price_times", times=t.number(times, 0 if times % 1 == 0 else 1))
    return t("review.price_share", pct=t.percent(factor, 0))


def unrecorded_text(t: Translator, r: Review) -> str | None:
    """Costs planned to date on lines with nothing recorded, or None when there are none."""
    if r.realised.unrecorded <= 0:
        return None
    return t("monitor.unrecorded", amount=t.money(r.realised.unrecorded, r.currency))


def goal_names(plan: Plan) -> dict[str, str]:
    """Goal id -> the goal's name, as the owner wrote it."""
    return {g.id: g.name for g in plan.goals}


def milestone_text(t: Translator, plan: Plan, m: Milestone) -> str:
    """A milestone in words; a goal reached is named as the owner named it."""
    params = dict(m.params)
    if "goal" in params:
        params["goal"] = goal_names(plan).get(str(params["goal"]), params["goal"])
    return t(f"monitor.milestone.{m.id}", **params)


def problem_text(t: Translator, p: Problem, file: str) -> str:
    params = dict(p.params)
    if "reason" in params:
        params["reason"] = t(str(params["reason"]), **params)
    where = f"{file}:{p.line}" if p.line else file
    return f"{where}: {t(p.message_id, **params)}"


def _pct(t: Translator, value: Decimal | None) -> str:
    return "–" if value is None else t.percent(value)


def _num(t: Translator, value: Decimal | None) -> str:
    """A KPI value with its separators and the decimals it was entered with (at most 2)."""
    return "–" if value is None else kpi_number(t, value)


def kpi_text(t: Translator, goal: str, k: KpiStatus) -> str:
    """A goal's KPI in words: status, latest value, target and the way gone so far."""
    return t(
        "review.kpi_line",
        goal=goal,
        status=t(f"monitor.kpi.{k.status}"),
        latest=_num(t, k.latest),
        target=_num(t, k.target),
        pct=_pct(t, k.attainment),
    )


def tool_label(t: Translator, tool: str, name: str) -> str:
    """A reviewed tool's name; plan-level lines in the reader's words."""
    return t("cli.plan_lines") if tool == PLAN_LEVEL else name


# Message ids built at run time in this module, declared for message extraction.
ACTUALS_MESSAGES = (
    N_("monitor.web.corrected"),
    N_("monitor.web.deleted"),
    N_("monitor.web.field_amount"),
    N_("monitor.web.field_kpi_value"),
    N_("monitor.web.unchanged"),
)
