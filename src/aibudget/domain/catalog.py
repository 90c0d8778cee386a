"""The tool catalog's models: a tool, its plans (tiers) with their prices and provenance,
where it is sold and how well it fits a Taiwanese small business.

Catalog data lives in YAML (``aibudget/catalog/tools.yaml``); shells load it into these
models and pass them to the engine, which never reads files.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError

from aibudget.domain.errors import Problem
from aibudget.domain.plan import Billing, Category, Identifier, Month, check_currency
from aibudget.domain.texts import N_, Frozen, Localized

Market = Annotated[str, Field(pattern=r"^([A-Z]{2}|global)$")]
YesNo = Literal["yes", "partial", "no", "unknown"]


def _both_languages(value: Any) -> Any:
    """A plain name (e.g. in a workspace's own entry) stands for both languages."""
    return {"zh-TW": value, "en": value} if isinstance(value, str) else value


class CatalogPlan(Frozen):
    """A vendor plan. ``price`` None is the explicit "price unknown: enter your quote".

    A known price always carries its currency, the month it was seen (``as_of``) and
    the address it came from.
    """

    id: Identifier
    name: Localized
    billing: Billing = Billing.MONTHLY
    price: Annotated[Decimal, Field(ge=0)] | None = None
    currency: str | None = None
    per: Literal["seat", "account", "channel", "resolution", "month"] = "account"
    min_seats: int = Field(default=1, ge=1)
    as_of: Month | None = None
    source: str | None = None
    source_kind: Literal["primary", "secondary"] | None = None
    tax: Literal["included", "excluded", "not_stated"] | None = Field(
        default=None,
        description="Whether the price includes sales tax (VAT), or that the source does not say.",
    )
    note: Localized | None = None

    _name = field_validator("name", mode="before")(_both_languages)

    @model_validator(mode="after")
    def _priced_with_provenance(self) -> CatalogPlan:
        if self.currency is not None:
            check_currency(self.currency)
        if self.price is not None and not (self.currency and self.as_of and self.source):
            raise PydanticCustomError("catalog_price_provenance", "currency, as_of, source", {})
        return self

    @property
    def price_known(self) -> bool:
        return self.price is not None

    @property
    def free(self) -> bool:
        return self.price is not None and self.price == 0


# Message ids built at run time from the values above, declared for message extraction.
PLAN_MESSAGES = (
    N_("catalog.per.channel"),
    N_("catalog.per.seat"),
    N_("catalog.tax.excluded"),
    N_("catalog.tax.included"),
    N_("catalog.tax.not_stated"),
)


class Trial(Frozen):
    """Ways to try before paying; None means not known."""

    offered: bool | None = None
    days: int | None = Field(default=None, ge=0, le=365)
    free_plan: bool | None = None
    source: str | None = None

    @property
    def available(self) -> bool:
        return bool(self.offered) or bool(self.days) or bool(self.free_plan)


class BenefitDefault(Frozen):
    """A default low / likely / high benefit, sourced or marked as an assumption."""

    kind: Literal["hours_saved", "revenue_lift", "cost_avoided"]
    low: Decimal
    likely: Decimal
    high: Decimal
    basis: Literal["sourced", "assumption"]
    source: str | None = None
    note: Localized

    @model_validator(mode="after")
    def _ordered(self) -> BenefitDefault:
        if not 0 <= self.low <= self.likely <= self.high:
            raise PydanticCustomError("range_order", "0 <= low <= likely <= high", {})
        if self.basis == "sourced" and not self.source:
            raise PydanticCustomError("catalog_benefit_source", "a source", {})
        return self


# Message ids built at run time from the values above, declared for message extraction.
BENEFIT_MESSAGES = (
    N_("catalog.basis.assumption"),
    N_("catalog.basis.sourced"),
    N_("catalog.benefit.cost_avoided"),
    N_("catalog.benefit.hours_saved"),
    N_("catalog.benefit.revenue_lift"),
)


class CatalogTool(Frozen):
    """One entry of the tool catalog.

    ``markets``: where the vendor sells with local language, billing or support (country
    codes, e.g. ``TW``), or ``global`` for a tool sold the same way everywhere.
    ``zh_tw_interface`` / ``zh_support``: the tool's screens / the vendor's support in
    Traditional Chinese; ``local_payment``: billed in TWD or through a Taiwanese payment
    method or invoice; ``line``: connects to a LINE Official Account.
    """

    id: Identifier
    name: str = Field(min_length=1, max_length=200)
    vendor: str = Field(min_length=1)
    category: Category
    url: str | None = None
    aliases: list[str] = Field(default_factory=list)
    summary: Localized
    plans: list[CatalogPlan] = Field(default_factory=list)
    trial: Trial = Field(default_factory=Trial)
    markets: list[Market] = Field(default_factory=list)
    zh_tw_interface: YesNo = "unknown"
    zh_support: YesNo = "unknown"
    local_payment: bool | None = None
    line: bool | None = None
    integrations: list[str] = Field(default_factory=list)
    setup_hours: Annotated[Decimal, Field(ge=0)]
    run_hours_per_month: Annotated[Decimal, Field(ge=0)]
    ease: int | None = Field(default=None, ge=1, le=5)
    kpis: list[str] = Field(default_factory=list)
    uses_customer_data: bool = False
    benefits: list[BenefitDefault] = Field(default_factory=list)
    note: Localized | None = None

    @property
    def price_known(self) -> bool:
        return any(p.price_known for p in self.plans)

    @property
    def free_option(self) -> bool:
        """A free plan or free tier to start with."""
        return any(p.free for p in self.plans) or bool(self.trial.free_plan)

    @property
    def tw_fit(self) -> int:
        """How well the tool fits a Taiwanese small business, 0-5: one point each for
        being sold in Taiwan, screens and support in Traditional Chinese, local payment
        and LINE."""
        return sum(
            (
                "TW" in self.markets,
                self.zh_tw_interface == "yes",
                self.zh_support == "yes",
                bool(self.local_payment),
                bool(self.line),
            )
        )


# Message ids built at run time from the values above, declared for message extraction.
TOOL_MESSAGES = (
    N_("catalog.market.HK"),
    N_("catalog.market.JP"),
    N_("catalog.market.MY"),
    N_("catalog.market.SG"),
    N_("catalog.market.TH"),
    N_("catalog.market.TW"),
    N_("catalog.market.global"),
    N_("catalog.zh_tw.no"),
    N_("catalog.zh_tw.partial"),
    N_("catalog.zh_tw.unknown"),
    N_("catalog.zh_tw.yes"),
)


def catalog_tool_to_plan_tool(
    entry: CatalogTool,
    owner: str,
    *,
    tool_id: str | None = None,
    gross_margin: Decimal | None = None,
) -> dict[str, Any]:
    """A plan ``tools:`` item (plain dict, ready for validation) from a catalog entry.

    Plans whose price is unknown are left out (the owner enters a quote), and so are
    usage-priced ones (per resolution: the cost depends on the volume the owner expects);
    revenue-lift defaults need the business's gross margin and are left out without it.
    """
    plans = [
        {
            "id": p.id,
            "name": p.name.en,
            "billing": p.billing.value,
            "price": p.price,
            "currency": p.currency,
            "seats": p.min_seats,
            "as_of": f"{p.as_of}-01" if p.as_of else None,
            "source": p.source,
        }
        for p in entry.plans
        if p.price is not None and p.per != "resolution"
    ]
    benefits: list[dict[str, Any]] = []
    for b in entry.benefits:
        span = {"low": b.low, "likely": b.likely, "high": b.high}
        if b.kind == "hours_saved":
            benefits.append({"kind": "hours_saved", "hours_per_month": span})
        elif b.kind == "cost_avoided":
            benefits.append({"kind": "cost_avoided", "monthly": span})
        elif gross_margin is not None:
            benefits.append({"kind": "revenue_lift", "lift": span, "gross_margin": gross_margin})
    return {
        "id": tool_id or entry.id,
        "name": entry.name,
        "catalog_id": entry.id,
        "category": entry.category.value,
        "owner": owner,
        "kpis": list(entry.kpis),
        "plans": plans,
        "setup_hours": entry.setup_hours,
        "run_hours_per_month": entry.run_hours_per_month,
        "uses_customer_data": entry.uses_customer_data,
        "free_trial_days": entry.trial.days or 0,
        "benefits": benefits,
    }


def merge_catalog(
    base: dict[str, CatalogTool], overrides: list[dict[str, Any]]
) -> tuple[dict[str, CatalogTool], list[Problem]]:
    """The catalog with a plan's or workspace's entries added or overriding (by id).

    An override of a known id replaces only the fields it names; a new id must be a
    whole entry. Problems carry the path ``catalog[i]....`` and never stop the merge.
    """
    merged = dict(base)
    problems: list[Problem] = []
    for i, raw in enumerate(overrides):
        ident = raw.get("id") if isinstance(raw, dict) else None
        if not isinstance(ident, str):
            problems.append(Problem(("catalog", i, "id"), N_("value.missing")))
            continue
        known = resolve(merged, ident)
        key = known.id if known else ident
        data = {**known.model_dump(by_alias=True), **raw, "id": key} if known else raw
        try:
            merged[key] = CatalogTool.model_validate(data)
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                params = {k: str(v) for k, v in (err.get("ctx") or {}).items()}
                path = ("catalog", i, *(p for p in err["loc"]))
                problems.append(Problem(path, "value." + err["type"], params))
    return merged, problems


def resolve(catalog: Mapping[str, CatalogTool], ident: str) -> CatalogTool | None:
    """The entry with this id, or the one listing it as an alias."""
    if ident in catalog:
        return catalog[ident]
    return next((e for e in catalog.values() if ident in e.aliases), None)


@dataclass(frozen=True)
class PriceIssue:
    """A catalog price that needs a look: seen too long ago (stale) or never (missing)."""

    tool: str
    tier: str
    kind: Literal["stale", "missing"]
    as_of: str | None = None
    months_old: int | None = None
