"""Plain words for the owner: the one-paragraph summaries that head the evaluation, the
allocation and the PDF, and the answers to the owner's worries (from figures the page
already has; see :mod:`aibudget.engine.worries`)."""

from __future__ import annotations

from collections.abc import Mapping

from aibudget.domain.allocation import OptimisationResult
from aibudget.domain.plan import Plan
from aibudget.domain.practice import Win, WorryFacts
from aibudget.domain.results import Evaluation, SimulationResult
from aibudget.domain.texts import N_
from aibudget.i18n import Translator
from aibudget.present.evaluation import chance_text
from aibudget.present.optimize import reason_text
from aibudget.present.tiers import ToolCatalog

EVALUATION_WORRIES = ("uncertain_return", "fear_replacement", "learning_barrier")
ALLOCATION_WORRIES = ("choice_paralysis",)


def join(t: Translator, items: list[str]) -> str:
    return t("builder.list_sep").join(items)


def evaluation_summary(t: Translator, result: Evaluation, sim: SimulationResult) -> str:
    cur = result.currency
    kind = "gain" if result.expected.npv >= 0 else "loss"
    payback = (
        t("practice.summary.payback", month=result.expected.payback_month)
        if result.expected.payback_month is not None
        else t("practice.summary.no_payback")
    )
    return t(
        f"practice.summary.evaluation_{kind}",
        months=result.months,
        costs=t.money(sum(result.monthly_costs), cur),
        benefits=t.money(sum(result.monthly_benefits), cur),
        npv=t.money(abs(result.expected.npv), cur),
        trials=t.number(sim.trials),
        prob_loss=chance_text(t, sim.prob_loss, 0),
        payback=payback,
    )


def evaluation_worries(
    t: Translator, plan: Plan, facts: WorryFacts, worries: list[str]
) -> list[tuple[str, str]]:
    """(worry title, answer) for each of the owner's worries this page touches."""
    answers = {
        "uncertain_return": lambda: t(
            "practice.worry.uncertain_return",
            prob_loss=chance_text(t, facts.prob_loss, 0),
            months=facts.pilot_months,
            amount=t.money(facts.pilot_cost, plan.currency),
        ),
        "fear_replacement": lambda: _freed(t, plan, facts.hours_by_member),
        "learning_barrier": lambda: _learning(t, facts),
    }
    return [
        (t(f"practice.worry_title.{w}"), answers[w]()) for w in EVALUATION_WORRIES if w in worries
    ]


def _freed(t: Translator, plan: Plan, hours: Mapping[str, object]) -> str:
    if not hours:
        return t("practice.worry.fear_replacement_none")
    people = [
        t("practice.hours_of", name=_member_name(plan, who), hours=t.number(h, 1))  # type: ignore[arg-type]
        for who, h in hours.items()
    ]
    return t("practice.worry.fear_replacement", people=join(t, people))


def _member_name(plan: Plan, member_id: str) -> str:
    member = plan.member(member_id)
    return (member.name or member.role) if member else member_id


def _learning(t: Translator, facts: WorryFacts) -> str:
    first = (
        t("practice.first_benefit", month=facts.first_benefit_month)
        if facts.first_benefit_month is not None
        else t("practice.first_benefit_none")
    )
    if facts.training_hours <= 0:
        return t("practice.worry.learning_barrier_none", first=first)
    return t(
        "practice.worry.learning_barrier", hours=t.number(facts.training_hours, 0), first=first
    )


def allocation_summary(t: Translator, plan: Plan, result: OptimisationResult) -> str:
    cur = result.currency
    if not result.selected:
        return t("practice.summary.allocation_none", budget=t.money(result.budget, cur))
    return t(
        "practice.summary.allocation",
        budget=t.money(result.budget, cur),
        months=plan.horizon.months,
        total=t.money(result.total, cur),
        tools=join(t, [s.name for s in result.selected]),
        training=t.money(result.line_items.get("training", 0), cur),
        reserve=t.money(result.line_items.get("reserve", 0), cur),
    )


def _clause(sentence: str) -> str:
    """A sentence to stand in parentheses: without its closing full stop."""
    return sentence.rstrip().removesuffix("。").removesuffix(".")


def allocation_worries(
    t: Translator, plan: Plan, result: OptimisationResult, worries: list[str], tools: ToolCatalog
) -> list[tuple[str, str]]:
    """Choice paralysis answered: why these tools, what was left out and why."""
    if "choice_paralysis" not in worries or not result.reasons:
        return []
    names = {tool.id: tool.name for tool in plan.tools}
    chosen = [s.name for s in result.selected if s.phase == "pilot"]
    later = [s.name for s in result.selected if s.phase != "pilot"]
    left = [
        t(
            "practice.left_out",
            tool=names.get(r.tool, r.tool),
            why=_clause(reason_text(t, plan, r, tools)),
        )
        for r in result.reasons
        if not r.selected
    ]
    text = t(
        "practice.worry.choice_paralysis",
        count=len(chosen),
        tools=join(t, chosen) if chosen else t("practice.none_chosen"),
    )
    if later:
        text += " " + t("practice.worry.choice_later", tools=join(t, later))
    if left:
        text += " " + t("practice.worry.choice_left_out", left=join(t, left))
    return [(t("practice.worry_title.choice_paralysis"), text)]


def review_win_texts(t: Translator, plan: Plan, wins: list[Win]) -> list[str]:
    """The review's small wins in words, newest month first."""
    goals = {g.id: g.name for g in plan.goals}
    out: list[tuple[str, str]] = []
    for w in wins:
        params = dict(w.params)
        if "goal" in params:
            params["goal"] = goals.get(str(params["goal"]), str(params["goal"]))
        if "share" in params:
            params["share"] = t.percent(params["share"], 0)
        if "hours" in params:
            params["hours"] = t.number(params["hours"], 1)
        out.append((w.month, t(w.message_id, **params)))
    return [text for _, text in sorted(out, key=lambda item: item[0], reverse=True)]


# Message ids built at run time in this module, declared for message extraction.
PRACTICE_MESSAGES = (
    N_("practice.score_from.catalog"),
    N_("practice.score_from.none"),
    N_("practice.score_from.plan"),
    N_("practice.summary.evaluation_gain"),
    N_("practice.summary.evaluation_loss"),
    N_("practice.weight.0"),
    N_("practice.weight.1"),
    N_("practice.weight.2"),
    N_("practice.weight.3"),
    N_("practice.weight.4"),
    N_("practice.weight.5"),
    N_("practice.worry_title.fear_replacement"),
    N_("practice.worry_title.learning_barrier"),
    N_("practice.worry_title.uncertain_return"),
)
