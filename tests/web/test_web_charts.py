"""The web's charts name things as the reports do."""

from __future__ import annotations

from aibudget.catalog import kpi_entries
from aibudget.domain.results import DriverKind, DriverRef, TornadoBar
from aibudget.engine.cashflow import evaluate
from aibudget.engine.simulate import simulate
from aibudget.i18n import Translator
from aibudget.planfile import load_plan
from aibudget.present.evaluation import driver_label
from aibudget.web.charts import tornado
from tests.conftest import ROOT


def test_the_tornado_names_a_kpi_effect_in_words() -> None:
    plan = load_plan(ROOT / "examples" / "taipei-cafe.yaml")
    result = evaluate(plan)
    sim = simulate(plan, 200)
    tool = result.tools[0].id
    kpi_bar = TornadoBar(
        input="x",
        tool=tool,
        driver=DriverRef(kind=DriverKind.KPI_EFFECT, kpi="engagement_rate"),
        low=1,
        high=2,
        npv_at_low=0,
        npv_at_high=1,
        swing=1,
    )
    sim = sim.model_copy(update={"tornado": [kpi_bar]})
    t = Translator("zh_TW")
    chart = tornado(t, result, sim)
    assert chart is not None
    words = driver_label(t, kpi_bar.driver, kpi_entries())
    assert "kpi:" not in words and "engagement_rate" not in words
    assert chart.rows[0][1] == words
    assert all("kpi:" not in label for label in chart.figure["data"][0]["y"])


def test_an_owners_label_is_shown_as_written_even_when_it_looks_like_a_code() -> None:
    """A label the owner typed is never read back as a KPI or a kind."""
    t = Translator("zh_TW")
    for typed in ("kpi:engagement_rate", "hours_saved"):
        driver = DriverRef(kind=DriverKind.COST_AVOIDED, label=typed)
        assert driver_label(t, driver, kpi_entries()) == typed
