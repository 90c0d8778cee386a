"""The built-in data: tool catalog, KPI library and readiness questionnaire."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from aibudget.catalog import catalog_for, kpi_entries, readiness_questionnaire, tool_catalog
from aibudget.domain.guidance import (
    ANXIETIES,
    DIMENSIONS,
    STAGES,
    CatalogPlan,
    catalog_tool_to_plan_tool,
    merge_catalog,
    resolve,
)
from aibudget.domain.plan import Category
from tests.factories import make_plan

CATALOG = tool_catalog()
KPIS = kpi_entries()


def test_at_least_thirty_tools_cover_every_category() -> None:
    assert len(CATALOG) >= 30
    counts = {c: sum(1 for e in CATALOG.values() if e.category is c) for c in Category}
    assert all(counts[c] >= 2 for c in Category if c is not Category.OTHER), counts


def test_a_price_is_sourced_or_explicitly_unknown() -> None:
    for entry in CATALOG.values():
        assert entry.plans, entry.id
        for plan in entry.plans:
            if plan.price is None:
                assert plan.currency is None and plan.source is None, (entry.id, plan.id)
            else:
                assert plan.currency and plan.as_of and plan.source, (entry.id, plan.id)
                if plan.source_kind is not None:
                    assert plan.source.startswith("https://"), (entry.id, plan.id)
    unknown = [e.id for e in CATALOG.values() if not e.price_known]
    assert "jasper" in unknown and "semrush" in unknown  # no current price was found


def test_a_price_without_provenance_is_refused() -> None:
    with pytest.raises(ValidationError):
        CatalogPlan.model_validate({"id": "x", "name": "X", "price": 10, "currency": "USD"})
    assert CatalogPlan.model_validate({"id": "x", "name": "X"}).price_known is False


@pytest.mark.parametrize(
    ("tool_id", "plan_id", "price", "currency", "as_of"),
    [  # pinned to the research notes: change only together with them
        ("chatgpt-plus", "plus-monthly", "20", "USD", "2026-02"),
        ("chatgpt-business", "monthly", "25", "USD", "2026-04"),
        ("chatgpt-business", "annual", "240", "USD", "2026-04"),
        ("canva-pro", "pro-monthly", "15", "USD", "2026-06"),
        ("canva-teams", "teams-monthly", "10", "USD", "2026-06"),
        ("buffer", "team", "10", "USD", "2026-11"),
        ("mailchimp", "essentials-500", "13", "USD", "2026-11"),
        ("mailchimp", "premium-10000", "299", "USD", "2026-11"),
        ("intercom-fin", "standalone", "49", "USD", "2026-11"),
        ("microsoft-365-copilot", "annual", "360", "USD", "2026-03"),
        ("gemini-workspace", "business-standard", "14", "USD", "2025-03"),
    ],
)
def test_list_prices_match_the_research_notes(
    tool_id: str, plan_id: str, price: str, currency: str, as_of: str
) -> None:
    plan = next(p for p in CATALOG[tool_id].plans if p.id == plan_id)
    assert (plan.price, plan.currency, plan.as_of) == (Decimal(price), currency, as_of)


def test_benefit_defaults_are_sourced_or_marked_as_assumptions() -> None:
    for entry in CATALOG.values():
        assert entry.benefits, entry.id
        for b in entry.benefits:
            assert b.basis in {"sourced", "assumption"}
            assert b.basis == "assumption" or b.source
            assert b.note.en and b.note.zh_tw


def test_tool_kpis_are_in_the_library_and_ids_are_unambiguous() -> None:
    names = list(CATALOG)
    aliases = [a for e in CATALOG.values() for a in e.aliases]
    assert len(set(names + aliases)) == len(names) + len(aliases)
    for entry in CATALOG.values():
        assert set(entry.kpis) <= set(KPIS), entry.id


def test_every_entry_becomes_a_valid_plan_tool() -> None:
    tools = [
        catalog_tool_to_plan_tool(e, "amy", gross_margin=Decimal("0.5")) for e in CATALOG.values()
    ]
    plan = make_plan(*tools, fx={"USD": 32})
    assert [t.catalog_id for t in plan.tools] == list(CATALOG)
    business = next(t for t in plan.tools if t.id == "chatgpt-business")
    assert [(p.id, p.price, p.seats) for p in business.plans] == [
        ("monthly", Decimal(25), 2),
        ("annual", Decimal(240), 2),
    ]
    jasper = next(t for t in plan.tools if t.id == "jasper")
    assert jasper.plans == []  # price unknown: the owner enters a quote
    fin = next(t for t in plan.tools if t.id == "intercom-fin")
    assert [p.id for p in fin.plans] == ["standalone"]  # per-resolution pricing left out


def test_revenue_defaults_need_the_gross_margin() -> None:
    entry = CATALOG["google-performance-max"]
    assert catalog_tool_to_plan_tool(entry, "amy")["benefits"] == []
    with_margin = catalog_tool_to_plan_tool(entry, "amy", gross_margin=Decimal("0.4"))
    assert with_margin["benefits"][0]["kind"] == "revenue_lift"


def test_a_plan_overrides_fields_by_id_or_alias_and_adds_entries() -> None:
    merged, problems = merge_catalog(
        CATALOG,
        [
            {"id": "canva-pro", "zh_tw_interface": "partial"},
            {"id": "mailchimp-standard", "setup_hours": 1},
            {
                "id": "local-agency-bot",
                "name": "Agency chatbot",
                "vendor": "Local agency",
                "category": "chatbot",
                "summary": {"zh-TW": "代理商的客服機器人", "en": "An agency's chatbot"},
                "setup_hours": 2,
                "run_hours_per_month": 1,
            },
        ],
    )
    assert problems == []
    assert merged["canva-pro"].zh_tw_interface == "partial"
    assert merged["canva-pro"].plans == CATALOG["canva-pro"].plans
    assert merged["mailchimp"].setup_hours == 1
    assert resolve(merged, "local-agency-bot") is not None
    assert CATALOG["canva-pro"].zh_tw_interface == "yes"  # the built-in data is untouched


def test_bad_overrides_are_problems_with_their_path() -> None:
    _, problems = catalog_for([{"id": "canva-pro", "ease": 9}, {"name": "no id"}, {"id": "new"}])
    paths = {p.where for p in problems}
    assert "catalog[0].ease" in paths
    assert "catalog[1].id" in paths
    assert any(p.startswith("catalog[2].") for p in paths)


def test_the_kpi_library_is_complete_in_both_languages() -> None:
    assert len(KPIS) >= 20
    for k in KPIS.values():
        assert k.typical.low < k.typical.high, k.id
        assert k.name.en and k.name.zh_tw and k.measure.en and k.measure.zh_tw
    # texts with commas are whole (they once split into stray keys)
    assert "Meta Ads Manager" in KPIS["roas"].measure.en


def test_the_questionnaire_has_16_to_20_questions_on_every_scale() -> None:
    q = readiness_questionnaire()
    assert 16 <= len(q.questions) <= 20
    scales = {question.scale for question in q.questions}
    assert set(DIMENSIONS) | set(ANXIETIES) <= scales
    assert set(q.advice) >= set(STAGES) | set(DIMENSIONS) | set(ANXIETIES)
    assert set(q.scales) >= scales
    assert set(q.pilot_tools) == set(STAGES)
    for question in q.questions:
        if question.scale in DIMENSIONS or question.scale in ANXIETIES:
            scores = [o.score for o in question.options]
            assert min(scores) == 0 and max(scores) == 4, question.id
        else:
            assert all(o.categories for o in question.options), question.id


def test_the_questions_are_paged_by_scale_each_question_once() -> None:
    q = readiness_questionnaire()
    asked = [question.id for n in range(1, len(q.pages) + 1) for question in q.page(n)]
    assert sorted(asked) == sorted(question.id for question in q.questions)
    assert 4 <= len(q.pages) <= 5 and all(len(q.page(n)) <= 7 for n in range(1, len(q.pages) + 1))
    data = q.model_dump(by_alias=True)
    with pytest.raises(ValidationError):  # a scale left off every page is refused
        type(q).model_validate({**data, "pages": data["pages"][1:]})


def test_the_advice_per_anxiety_is_concrete_and_speaks_to_the_owner() -> None:
    """Each worry gets a first step with a number in it (minutes, weeks, tools), in both
    languages, in the product's zh-TW words."""
    q = readiness_questionnaire()
    for key in ANXIETIES:
        text = q.advice[key].text
        assert any(c.isdigit() for c in text.zh_tw) and any(c.isdigit() for c in text.en), key
        assert "培訓" not in text.zh_tw and "你" not in text.zh_tw, key


def test_a_new_plan_entry_takes_its_categorys_default_benefits() -> None:
    new = {
        "id": "agency-bot",
        "name": "Agency chatbot",
        "vendor": "Local agency",
        "category": "chatbot",
        "summary": {"zh-TW": "代理商的客服機器人", "en": "An agency's chatbot"},
        "setup_hours": 2,
        "run_hours_per_month": 1,
    }
    merged, problems = catalog_for([new, {**new, "id": "no-benefits", "benefits": []}])
    assert problems == []
    chatbot_defaults = CATALOG["tidio"].benefits  # tidio has no benefits of its own
    assert merged["agency-bot"].benefits == chatbot_defaults
    assert merged["agency-bot"].benefits
    assert merged["no-benefits"].benefits == []
