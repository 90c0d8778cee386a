"""The reallocation: money follows the evidence, lock-ins hold, sunk costs do not count."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from aibudget.domain.actuals import ActualRecord
from aibudget.domain.plan import Plan
from aibudget.domain.reallocation import Reallocation
from aibudget.engine.reallocate import reallocate
from aibudget.engine.reallocate_rebase import rebase
from aibudget.engine.review import review
from aibudget.i18n import catalogue
from aibudget.planfile import dump_plan, load_plan
from tests.engine.test_review import actuals, hours_tool, rec, six_months, two_tools
from tests.factories import make_plan


def ids(result: Reallocation, message_id: str) -> list[str | None]:
    return [c.tool for c in result.changes if c.message_id == message_id]


def weak_and_strong() -> tuple[Plan, Reallocation]:
    plan = two_tools()
    records = six_months("weak", 2, 4) + six_months("strong", 30, 5)
    return plan, reallocate(plan, review(plan, actuals(*records)))


def test_money_moves_from_the_weak_tool_to_the_strong_one() -> None:
    _, result = weak_and_strong()
    assert ids(result, "reallocate.stop") == ["weak"]
    assert ids(result, "reallocate.add_seats") == ["strong"]
    move = next(c for c in result.changes if c.message_id == "reallocate.move")
    assert move.params["source_ids"] == ["weak"]
    assert move.params["target_ids"] == ["strong"]
    assert move.params["amount"] > 0
    assert result.plan is not None
    kept = {t.id for t in result.plan.tools}
    assert "weak" not in kept and {"strong", "strong.more"} <= kept
    assert result.proposed_npv is not None and result.gain is not None
    assert result.proposed_npv > result.current_npv and result.gain > 0
    assert result.start == "2027-07" and result.months_elapsed == 6


def annual_records(until: int, *, setup_paid: int = 0) -> list[ActualRecord]:
    out = [rec(1, "weak", line="subscription", amount=Decimal(36000))]
    out += [rec(m, "weak", hours_saved=Decimal(1)) for m in range(1, until + 1)]
    out += [rec(m, "strong", hours_saved=Decimal(12)) for m in range(1, until + 1)]
    return out


def annual_plan(**extra: Any) -> Plan:
    weak = hours_tool("weak", (30, 40, 60), 1500, **extra)
    weak["plans"] = [{"id": "y", "price": 18000, "seats": 2, "billing": "annual"}]
    return make_plan(weak, hours_tool("strong", (5, 10, 15), 250), horizon={"months": 24})


def test_an_annual_plan_paid_in_month_one_is_not_dropped_before_month_13() -> None:
    plan = annual_plan()
    for k in (3, 6, 11):
        result = reallocate(plan, review(plan, actuals(*annual_records(k))))
        assert result.plan is not None
        assert "weak" in {t.id for t in result.plan.tools}, k
        assert ids(result, "reallocate.stop") == [], k
        lock = next(x for x in result.locks if x.tool == "weak")
        assert (lock.paid_until, lock.renewal) == (12, 13)
        assert lock.worth_renewing is False
        assert ids(result, "reallocate.stop_at_renewal") == ["weak"]
        assert result.plan.optimise is not None and "weak" in result.plan.optimise.force_in
    # at the renewal the lock is gone and the weak tool goes
    result = reallocate(plan, review(plan, actuals(*annual_records(12))))
    assert result.locks == []
    stop = next(c for c in result.changes if c.message_id == "reallocate.stop")
    assert stop.tool == "weak" and stop.params["month"] == 13


def test_prepaid_months_of_a_lock_cost_nothing_more() -> None:
    plan = annual_plan()
    result = reallocate(plan, review(plan, actuals(*annual_records(6))))
    assert result.plan is not None
    weak = next(t for t in result.plan.tools if t.id == "weak")
    renewals = next(s for s in weak.schedules if s.label == "subscription:y")
    paid = [i + 7 for i, a in enumerate(renewals.amounts) if a > 0]
    assert paid == [13]  # months 7..12 are paid already; 13..18 remain in view
    assert not weak.plans


def test_sunk_costs_do_not_change_the_decision() -> None:
    records = six_months("weak", 2, 4) + six_months("strong", 30, 5)
    results = []
    for setup in (8000, 16000):
        plan = make_plan(
            hours_tool("weak", (30, 40, 60), 1500, setup_cost=setup, training={"fees": setup}),
            hours_tool("strong", (5, 10, 15), 250),
        )
        results.append(reallocate(plan, review(plan, actuals(*records))))
    first, second = results
    assert first.changes == second.changes
    assert first.plan == second.plan
    assert first.current_npv == second.current_npv
    assert first.proposed_npv == second.proposed_npv


def test_posterior_recentres_the_observed_ranges_only() -> None:
    plan = make_plan(
        hours_tool("seen", (10, 20, 35), 100),
        hours_tool("later", (10, 20, 35), 100, start_month=10),
        horizon={"months": 24},
    )
    records = [rec(m, "seen", hours_saved=Decimal(40)) for m in range(1, 7)]
    result_review = review(plan, actuals(*records))
    result = reallocate(plan, result_review)
    assert result.plan is not None
    tools = {t.id: t for t in result.plan.tools}
    seen = tools["seen"].benefits[0].hours_per_month  # type: ignore[union-attr]
    posterior = next(d for d in result_review.drivers if d.tool == "seen")
    assert seen.likely == posterior.posterior_mean > Decimal(20)
    assert seen.low < seen.likely < seen.high
    later = tools["later"].benefits[0].hours_per_month  # type: ignore[union-attr]
    assert (later.low, later.likely, later.high) == (10, 20, 35)
    rebased = {t.id: t for t in rebase(plan, result_review).plan.tools}
    assert rebased["later"].start_month == 4  # month 10 of the plan is month 4 of the rest
    # worth starting at once on its plan estimate: the proposal brings it forward
    move = next(c for c in result.changes if c.message_id == "reallocate.move_start")
    assert move.tool == "later" and (move.params["was"], move.params["month"]) == (10, 7)


def test_the_proposed_plan_written_as_yaml_loads_back(tmp_path: Path) -> None:
    for plan, result in (
        weak_and_strong(),
        (
            annual_plan(),
            reallocate(annual_plan(), review(annual_plan(), actuals(*annual_records(6)))),
        ),
    ):
        assert result.plan is not None
        path = tmp_path / "proposal.yaml"
        path.write_text(dump_plan(result.plan), encoding="utf-8")
        loaded = load_plan(path)
        assert loaded == result.plan
        assert loaded.horizon.start == result.start != plan.horizon.start


def test_every_change_message_exists_in_both_catalogues() -> None:
    seen: set[str] = set()
    results = [weak_and_strong()[1]]
    plan = annual_plan()
    results.append(reallocate(plan, review(plan, actuals(*annual_records(6)))))
    for result in results:
        for change in result.changes:
            seen.add(change.message_id)
            for locale in ("en", "zh_TW"):
                text = catalogue(locale).get(change.message_id)
                assert text, (locale, change.message_id)
                names = set(re.findall(r"{(\w+)}", text))
                assert names <= set(change.params), (change.message_id, names)
    assert {"reallocate.move", "reallocate.stop_at_renewal"} <= seen


def test_an_ad_channel_below_its_best_spend_gets_more() -> None:
    channel = {
        "id": "gads",
        "name": "Google Ads",
        "curve": {"kind": "exponential", "max_return": 20000, "spend_scale": 5000},
        "max_monthly": 20000,
        "current_monthly": 500,
    }
    plan = make_plan(hours_tool("t1", (10, 20, 35), 100), optimise={"channels": [channel]})
    records = [rec(m, hours_saved=Decimal(20)) for m in range(1, 4)]
    result = reallocate(plan, review(plan, actuals(*records)))
    change = next(c for c in result.changes if c.message_id == "reallocate.channel")
    assert change.params["was"] == Decimal(500) < change.params["amount"]
    assert result.plan is not None and result.plan.optimise is not None
    assert result.plan.optimise.channels[0].current_monthly == change.params["amount"]
    assert ids(result, "reallocate.stop") == []


def test_a_plan_on_track_needs_no_change() -> None:
    plan = make_plan(hours_tool("t1", (10, 20, 35), 100), horizon={"months": 24})
    records = [rec(m, hours_saved=Decimal(20)) for m in range(1, 4)]
    result = reallocate(plan, review(plan, actuals(*records)))
    assert [c.message_id for c in result.changes] == ["reallocate.no_change"]
    assert result.gain == 0


@pytest.mark.parametrize("seed", range(8))
def test_a_lock_in_holds_whatever_the_numbers(seed: int) -> None:
    rng = np.random.default_rng(seed)
    k = int(rng.integers(1, 12))
    plan = annual_plan(ramp_months=int(rng.integers(0, 4)))
    weak_hours, strong_hours = rng.uniform(0, 80), rng.uniform(0, 40)
    records = [rec(1, "weak", line="subscription", amount=Decimal(36000))]
    records += [rec(m, "weak", hours_saved=Decimal(f"{weak_hours:.1f}")) for m in range(1, k + 1)]
    records += [
        rec(m, "strong", hours_saved=Decimal(f"{strong_hours:.1f}")) for m in range(1, k + 1)
    ]
    result = reallocate(plan, review(plan, actuals(*records)))
    assert result.plan is not None
    weak = next(t for t in result.plan.tools if t.id == "weak")
    assert weak.start_month == 1 and not weak.plans  # kept, on the plan already paid
    assert [x.renewal for x in result.locks] == [13]
    assert not {"reallocate.stop", "reallocate.switch_plan", "reallocate.switch_plan_priced"} & {
        c.message_id for c in result.changes if c.tool == "weak"
    }
