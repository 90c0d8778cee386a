"""What one more budget step buys, in the owner's words: a step that adds nothing says
so (not "would add NT$0"), the same sentence on the page, in the CLI and in the PDF."""

from __future__ import annotations

from decimal import Decimal

from fastapi.testclient import TestClient

from aibudget.engine.optimize import optimize
from aibudget.i18n import Translator
from aibudget.planfile import load_plan
from aibudget.present.optimize import marginal_budget_text
from tests.web.helpers import EXAMPLE, import_plan, new_workspace, sign_up

ZH, EN = Translator("zh_TW"), Translator("en")


def test_a_step_that_adds_nothing_says_so_and_one_that_adds_says_how_much() -> None:
    result = optimize(load_plan(EXAMPLE))
    step = ZH.money(result.budget_step, result.currency)
    nothing = result.model_copy(update={"marginal_value_of_budget": Decimal("0.00")})
    more = result.model_copy(update={"marginal_value_of_budget": Decimal("1234.00")})
    unknown = result.model_copy(update={"marginal_value_of_budget": None})
    assert marginal_budget_text(ZH, nothing) == ZH("optimize.marginal_budget_nothing", step=step)
    assert "NT$0" not in (marginal_budget_text(ZH, nothing) or "")
    assert "NT$1,234" in (marginal_budget_text(ZH, more) or "")
    assert marginal_budget_text(ZH, unknown) is None
    assert (marginal_budget_text(EN, nothing) or "").startswith("One more")
    assert "would add nothing" in (marginal_budget_text(EN, nothing) or "")
    assert "0" not in (marginal_budget_text(EN, nothing) or "").replace("10,000", "")


def test_the_allocation_page_says_more_budget_would_not_help_the_cafe(client: TestClient) -> None:
    result = optimize(load_plan(EXAMPLE))  # computed apart from the page
    assert result.marginal_value_of_budget == 0  # the cafe leaves budget unallocated
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    plan_id = import_plan(client, ws)
    page = client.get(f"/w/{ws}/p/{plan_id}/v/1/allocation").text
    shown = page.split('data-testid="marginal-budget">')[1].split("<")[0]
    assert shown == marginal_budget_text(ZH, result)
    assert shown == "即使預算再增加 NT$10,000，這份配置的成效也不會提高。"
