"""Message catalogues: every id in use exists in zh_TW and en, translated (not empty, not
a copy of the English), with the same placeholders in both."""

from __future__ import annotations

import ast
import importlib.util
import re
from pathlib import Path
from typing import get_args

import pytest
from babel.messages.pofile import read_po

from aibudget.domain.guidance import (
    ANXIETIES,
    DIMENSIONS,
    STAGES,
    CatalogPlan,
    CatalogTool,
    Severity,
)
from aibudget.domain.plan import Billing, Category
from aibudget.engine.lint import RULES
from aibudget.engine.lint.rules_goals import NOT_SMART, UNMEASURABLE
from aibudget.i18n import Translator

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "aibudget"
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def po(locale: str) -> dict[str, str]:
    """msgid -> text; a plural entry's forms joined by a new line."""
    with (SRC / "i18n" / locale / "LC_MESSAGES" / "aibudget.po").open("rb") as fh:
        return {
            str(m.id[0] if m.pluralizable else m.id): (
                "\n".join(m.string) if m.pluralizable else str(m.string)
            )
            for m in read_po(fh)
            if m.id
        }


EN, ZH = po("en"), po("zh_TW")


def ids_called_with_a_literal() -> dict[str, str]:
    """``t("some.id", ...)`` anywhere in the package: id -> the file using it."""
    used: dict[str, str] = {}
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            first = node.args[0]
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name == "t" and isinstance(first, ast.Constant) and isinstance(first.value, str):
                used.setdefault(first.value, str(path.relative_to(ROOT)))
    return used


def guidance_ids() -> set[str]:
    """Ids the guidance engine and shells build from data (not visible as literals)."""
    ids = {i for r in RULES for i in r.message_ids}
    ids |= {f"smart.{code}" for code in (*UNMEASURABLE, *NOT_SMART, "no_measurement")}
    ids |= {f"category.{c.value}" for c in Category}
    ids |= {f"lint.severity.{s.value}" for s in Severity}
    ids |= {f"assess.stage.{s}" for s in STAGES}
    ids |= {f"catalog.billing.{b.value}" for b in Billing}
    ids |= {
        f"catalog.zh_tw.{v}"
        for v in get_args(CatalogTool.model_fields["zh_tw_interface"].annotation)
    }
    ids |= {f"catalog.per.{v}" for v in ("seat", "channel", "resolution")}
    ids |= {f"catalog.basis.{v}" for v in ("sourced", "assumption")}
    ids |= {f"catalog.benefit.{k}" for k in ("hours_saved", "revenue_lift", "cost_avoided")}
    ids |= {f"driver.{k}" for k in ("hours_saved", "revenue_lift", "cost_avoided")}
    ids |= {f"catalog.direction.{d}" for d in ("up", "down")}
    ids |= {"assess.answers_invalid", "assess.question_unknown", "assess.answer_invalid"}
    ids |= {"assess.answer_missing"}
    assert {"seat", "channel", "resolution"} < set(
        get_args(CatalogPlan.model_fields["per"].annotation)
    )
    assert len(DIMENSIONS) == 5 and len(ANXIETIES) == 4
    return ids


def test_every_literal_message_id_exists_in_both_locales() -> None:
    used = ids_called_with_a_literal()
    assert len(used) > 50  # the scan sees the shells
    missing = {i: f for i, f in used.items() if i not in EN or i not in ZH}
    assert missing == {}


def test_every_guidance_message_id_exists_in_both_locales() -> None:
    missing = sorted(i for i in guidance_ids() if i not in EN or i not in ZH)
    assert missing == []


def test_both_locales_hold_the_same_ids() -> None:
    assert set(EN) == set(ZH)


@pytest.mark.parametrize("locale", ["en", "zh_TW"])
def test_no_message_is_empty(locale: str) -> None:
    texts = EN if locale == "en" else ZH
    assert [i for i, text in texts.items() if not text.strip()] == []


def test_chinese_is_not_a_copy_of_the_english() -> None:
    def has_words(text: str) -> bool:
        return bool(re.search(r"[a-z]{2,}", PLACEHOLDER.sub("", text)))

    copies = [i for i, text in EN.items() if ZH.get(i) == text and has_words(text)]
    assert copies == []


def test_placeholders_are_the_same_in_both_locales() -> None:
    differ = {
        i: (sorted(set(PLACEHOLDER.findall(text))), sorted(set(PLACEHOLDER.findall(ZH[i]))))
        for i, text in EN.items()
        if set(PLACEHOLDER.findall(text)) != set(PLACEHOLDER.findall(ZH.get(i, "")))
    }
    assert differ == {}


def test_a_message_is_added_to_both_catalogues(tmp_path: Path) -> None:
    """tools/messages.py add: the .po files are the source; both get the message at once."""
    spec = importlib.util.spec_from_file_location("messages", ROOT / "tools" / "messages.py")
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    for locale in tool.LOCALES:
        copy = tmp_path / locale / "LC_MESSAGES" / "aibudget.po"
        copy.parent.mkdir(parents=True)
        copy.write_bytes(tool.path(locale).read_bytes())
    tool.ROOT = tmp_path
    tool.add("test.apples", "{count} apple", "{count} 顆蘋果", "{count} apples")
    with pytest.raises(SystemExit):
        tool.add("test.apples", "again", "再一次", None)
    expected = {"en": ("{count} apple", "{count} apples"), "zh_TW": ("{count} 顆蘋果",)}
    for locale, forms in expected.items():
        found = tool.load(locale).get("test.apples")
        assert found is not None and tuple(found.string) == forms
        assert len(tool.load(locale)) == len(po(locale)) + 1  # nothing else changed


GLOSSARY_BANS = {
    "你": "您",  # the reader is addressed as 您
    "培訓": "教育訓練",
}


def test_zh_words_follow_the_glossary() -> None:
    """docs/glossary.md: one word per concept on every zh-TW surface."""
    texts = {f"message {k}": v for k, v in po("zh_TW").items()}
    for page in (SRC / "web" / "templates").rglob("*zh_TW*"):
        texts[f"template {page.name}"] = page.read_text(encoding="utf-8")
    wrong = [
        f"{where}: {banned} (use {word})"
        for where, text in texts.items()
        for banned, word in GLOSSARY_BANS.items()
        if banned in text
    ]
    assert not wrong, "\n".join(wrong)
    optimiser = {k: v for k, v in po("zh_TW").items() if k.startswith("optimize.")}
    assert not [k for k, v in optimiser.items() if "目標值" in v]


# A whole id (``t('web.save')``, ``t('x', n=1)``), not the head of one built with ``~``.
TEMPLATE_CALL = re.compile(r"""\bt\(\s*['"]([A-Za-z_][\w.]*)['"]\s*[,)]""")


def ids_in_templates() -> dict[str, str]:
    """``t('some.id', ...)`` in the Jinja templates: id -> the template using it."""
    used: dict[str, str] = {}
    for path in sorted((SRC / "web" / "templates").rglob("*.html")):
        for found in TEMPLATE_CALL.findall(path.read_text(encoding="utf-8")):
            used.setdefault(found, str(path.relative_to(ROOT)))
    return used


def test_every_message_id_in_the_templates_exists_in_both_locales() -> None:
    used = ids_in_templates()
    assert len(used) > 100  # the scan sees the pages
    missing = {i: f for i, f in used.items() if i not in EN or i not in ZH}
    assert missing == {}


def test_a_plural_message_takes_its_form_from_the_count() -> None:
    en, zh = Translator("en"), Translator("zh_TW")
    assert en("plan.invalid", count=1) == "The plan has 1 problem:"
    assert en("plan.invalid", count=3) == "The plan has 3 problems:"
    assert en("plan.invalid", count=0) == "The plan has 0 problems:"
    assert zh("plan.invalid", count=1) == zh("plan.invalid", count=1)
    assert zh("plan.invalid", count=3) == "計畫有 3 個問題："
    assert not [i for i, text in EN.items() if "(s)" in text]  # every plural says it right
