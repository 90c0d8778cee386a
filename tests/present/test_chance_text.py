"""A share of the simulated cases is never shown as 0% or 100% when it is not: "0.0% of
the cases lose money" must mean that no simulated case did."""

from __future__ import annotations

import pytest

from aibudget.i18n import Translator
from aibudget.present.evaluation import chance_text

ZH, EN = Translator("zh_TW"), Translator("en")


@pytest.mark.parametrize("t", [ZH, EN], ids=["zh_TW", "en"])
def test_none_and_every_case_are_said_as_they_are(t: Translator) -> None:
    assert chance_text(t, 0.0) == t.percent(0.0, 1) == "0.0%"
    assert chance_text(t, 1.0) == "100.0%"
    assert chance_text(t, 0.0, 0) == "0%"


@pytest.mark.parametrize("t", [ZH, EN], ids=["zh_TW", "en"])
def test_a_share_rounding_away_gets_the_digits_it_needs(t: Translator) -> None:
    assert chance_text(t, 0.1234) == "12.3%"  # as before
    assert chance_text(t, 0.3, 0) == "30%"
    assert chance_text(t, 0.004, 0) == "0.4%"  # 80 of 20,000 trials, not "0%"
    assert chance_text(t, 0.0004) == "0.04%"  # 8 of 20,000 trials, not "0.0%"
    assert chance_text(t, 0.00005) == "0.005%"  # 1 of 20,000
    assert chance_text(t, 0.9996) == "99.96%"  # not "100.0%"


def test_beyond_three_decimals_it_says_under_or_over() -> None:
    assert chance_text(ZH, 1e-6) == "不到 0.001%"  # 1 of 1,000,000 trials
    assert chance_text(ZH, 1 - 1e-6) == "超過 99.999%"
    assert chance_text(EN, 1e-6) == "under 0.001%"
    assert chance_text(EN, 1 - 1e-6) == "over 99.999%"


@pytest.mark.parametrize("trials", [1_000, 20_000, 100_000, 1_000_000])
@pytest.mark.parametrize("digits", [0, 1])
def test_no_count_of_losing_trials_but_none_or_all_reads_as_zero_or_all(
    trials: int, digits: int
) -> None:
    for losing in (1, 2, 3, trials // 3, trials - 3, trials - 2, trials - 1):
        text = chance_text(ZH, losing / trials, digits)
        assert text not in ("0%", "0.0%", "100%", "100.0%"), (losing, trials, text)
