"""The answer to choice paralysis names the tools left out as a list, each with its
reason in parentheses as a clause (no full stop before the closing parenthesis), and
ends as a sentence."""

from __future__ import annotations

import pytest

from aibudget.catalog import tool_catalog
from aibudget.engine.optimize import optimize
from aibudget.i18n import Translator
from aibudget.present.practice import allocation_worries
from tests.engine.explain_golden import random_instance

PLAN = random_instance(7)  # one tool excluded by another, one forced out, one over budget
RESULT = optimize(PLAN)
RESULT_NAMES = {tool.id: tool.name for tool in PLAN.tools}


@pytest.mark.parametrize("locale", ["zh_TW", "en"])
def test_each_reason_left_out_reads_as_a_clause(locale: str) -> None:
    t = Translator(locale)
    [(_, text)] = allocation_worries(t, PLAN, RESULT, ["choice_paralysis"], tool_catalog())
    left_out = [r for r in RESULT.reasons if not r.selected]
    assert len(left_out) >= 3
    closing = "）" if locale == "zh_TW" else ")"
    assert text.count(closing) >= len(left_out)
    for stop in ("。", "."):
        assert stop + closing not in text, text
    left_sentence = t("practice.worry.choice_left_out", left="")
    assert left_sentence.rstrip("。.") in text and text.endswith(("。", "."))
    assert t("builder.list_sep") + RESULT_NAMES[left_out[-1].tool] in text
