"""Guidance in the reader's words: findings, readiness, catalog entries and prices, and
their JSON documents (``lint``, ``assess`` and ``catalog check`` with ``--json``, and the API)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import Field

from aibudget.domain.catalog import PriceIssue
from aibudget.domain.guidance import (
    CatalogPlan,
    CatalogTool,
    Finding,
    Questionnaire,
    ReadinessResult,
    Severity,
)
from aibudget.domain.plan import Category
from aibudget.domain.texts import N_
from aibudget.i18n import Translator
from aibudget.present.documents import Document

SEVERITY_STYLE = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def format_params(t: Translator, params: dict[str, Any], currency: str) -> dict[str, Any]:
    """Message parameters for display: a Decimal is money in the plan's currency, or a
    percent when its name ends in ``share``; a ``{en, zh-TW}`` mapping is picked by locale."""
    out: dict[str, Any] = {}
    for key, value in params.items():
        if isinstance(value, Decimal):
            out[key] = t.percent(value) if key.endswith("share") else t.money(value, currency)
        elif isinstance(value, dict) and "en" in value:
            out[key] = value["en"] if t.locale == "en" else value.get("zh-TW", value["en"])
        else:
            out[key] = value
    return out


class FindingDocument(Document):
    """One finding of the health check, in the reader's words and with its place."""

    rule: str
    severity: Literal["error", "warning", "info"]
    message: str
    fix: str
    where: str = Field(description="Where in the plan it applies (a path of the plan file).")


def finding_document(t: Translator, f: Finding, currency: str) -> FindingDocument:
    return FindingDocument(
        rule=f.rule,
        severity=f.severity.value,
        message=t(f.message_id, **format_params(t, f.params, currency)),
        fix=t(f.fix_id, **format_params(t, f.fix_params, currency)),
        where=f.where,
    )


def findings_summary(t: Translator, findings: list[Finding]) -> str:
    """``Health check: 0 errors, 1 warning, 2 notes.`` in the reader's words."""
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    return t(
        "lint.summary",
        errors=counts[Severity.ERROR],
        warnings=counts[Severity.WARNING],
        infos=counts[Severity.INFO],
    )


def month_text(t: Translator, month: str) -> str:
    """``2026-04`` as the locale writes a month: Apr 2026 / 2026年4月."""
    return t.month(month)


def money_text(t: Translator, amount: Decimal, currency: str) -> str:
    digits = 0 if amount == amount.to_integral_value() else 2
    return t.money(amount, currency, digits)


def price_text(t: Translator, plan: CatalogPlan) -> str:
    if plan.price is None or plan.currency is None:
        return t("catalog.price_unknown")
    if plan.price == 0:
        return t("catalog.price_free")
    price = money_text(t, plan.price, plan.currency)
    if plan.per == "resolution":
        return t("catalog.price_usage", price=price, per=t("catalog.per.resolution"))
    billing = t(f"catalog.billing.{plan.billing.value}")
    if plan.per in ("seat", "channel"):
        return t(
            "catalog.price_per", price=price, per=t(f"catalog.per.{plan.per}"), billing=billing
        )
    return t("catalog.price", price=price, billing=billing)


def cheapest_text(t: Translator, entry: CatalogTool) -> str:
    paid = [p for p in entry.plans if p.price is not None and p.price > 0 and p.per != "resolution"]
    if paid:
        cheapest = min(paid, key=lambda p: p.price or Decimal(0))
        return t("catalog.from", price=price_text(t, cheapest))
    if any(p.price == 0 for p in entry.plans):
        return t("catalog.price_free")
    return t("catalog.price_unknown")


def trial_text(t: Translator, entry: CatalogTool) -> str:
    parts = []
    if entry.trial.days:
        parts.append(t("catalog.trial.days", days=entry.trial.days))
    elif entry.trial.offered:
        parts.append(t("catalog.trial.offered"))
    if entry.trial.free_plan:
        parts.append(t("catalog.trial.free_plan"))
    return ", ".join(parts) if parts else t("catalog.trial.unknown")


def markets_text(t: Translator, entry: CatalogTool) -> str:
    return t("builder.list_sep").join(t(f"catalog.market.{m}") for m in entry.markets) or "–"


def fit_badges(t: Translator, entry: CatalogTool) -> list[str]:
    """What makes the tool fit a Taiwanese small business, in words."""
    marks = [
        ("TW" in entry.markets, N_("readiness.fit_tw")),
        (entry.zh_tw_interface == "yes", "web.zh_tw_ui"),
        (entry.zh_support == "yes", N_("readiness.fit_zh_support")),
        (bool(entry.local_payment), N_("readiness.fit_local_payment")),
        (bool(entry.line), N_("readiness.fit_line")),
        (entry.free_option, N_("readiness.free")),
    ]
    return [t(message) for shown, message in marks if shown]


def _benefit_line(t: Translator, kind: str, low: Decimal, likely: Decimal, high: Decimal) -> str:
    if kind == "revenue_lift":
        values = [t.percent(v) for v in (low, likely, high)]
    else:
        values = [t.number(v, 0 if v == v.to_integral_value() else 1) for v in (low, likely, high)]
    return t(f"catalog.benefit.{kind}", low=values[0], likely=values[1], high=values[2])


class Advice(Document):
    id: str
    title: str
    text: str


class ReadinessDocument(ReadinessResult):
    """``aibudget assess --json``, and the API's readiness answer: the scores, then each
    piece of advice in the reader's words and the tools that fit each category."""

    advice: list[Advice]  # type: ignore[assignment]  # the advice ids, in words
    suggested_tools: dict[str, list[str]] = Field(description="Category -> catalog tool ids.")


def readiness_document(
    t: Translator,
    q: Questionnaire,
    result: ReadinessResult,
    suggestions: dict[Category, list[str]],
) -> ReadinessDocument:
    advice = [
        Advice(
            id=key, title=q.advice[key].title.get(t.locale), text=q.advice[key].text.get(t.locale)
        )
        for key in result.advice
    ]
    return ReadinessDocument(
        **result.model_dump(exclude={"advice"}),
        advice=advice,
        suggested_tools={c.value: ids for c, ids in suggestions.items()},
    )


class PriceIssueDocument(Document):
    """One stale or missing price, in the owner's words and with its ids."""

    tool: str
    tool_name: str
    tier: str
    tier_name: str
    kind: Literal["stale", "missing"]
    as_of: str | None
    months_old: int | None
    source: str | None
    message: str


def price_issue_document(
    t: Translator, catalog: dict[str, CatalogTool], issue: PriceIssue
) -> PriceIssueDocument:
    entry = catalog[issue.tool]
    tier = next(p for p in entry.plans if p.id == issue.tier)
    return PriceIssueDocument(
        tool=issue.tool,
        tool_name=entry.name,
        tier=issue.tier,
        tier_name=tier.name.get(t.locale),
        kind=issue.kind,
        as_of=issue.as_of,
        months_old=issue.months_old,
        source=tier.source,
        message=t(f"catalog.check.{issue.kind}", months=issue.months_old or 0),
    )


# Message ids built at run time in this module, declared for message extraction.
CHECK_MESSAGES = (
    N_("catalog.check.missing"),
    N_("catalog.check.stale"),
)
