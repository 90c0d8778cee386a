"""Message catalogues: every id in use (extracted by Babel from the Python and the
templates) exists in zh_TW and en, translated (not empty, not a copy of the English), with
the same placeholders in both; no catalogue message is left unused; the compiled
catalogues the program reads hold what the .po files say."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any, get_args

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
from aibudget.i18n import Translator, catalogue
from aibudget.i18n.compiled import compiled_path, load, source_path, stamp
from aibudget.service.fields import all_fields
from aibudget.service.words import choice_label
from tests.scripts import load_script

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


def messages_tool() -> ModuleType:
    return load_script(ROOT / "tools" / "messages.py")


@cache
def used() -> dict[str, list[str]]:
    """Babel's extraction, as `make i18n` runs it: id -> where it is used."""
    return messages_tool().extract()


def test_the_extraction_sees_the_python_and_the_templates() -> None:
    places = [p for where in used().values() for p in where]
    assert sum(p.startswith("web/templates/") for p in places) > 500
    assert sum(p.split(":")[0].endswith(".py") for p in places) > 1000
    assert "category.seo" in used()  # declared beside its enum with N_
    assert "web.save" in used()  # a template's t('web.save')


def test_every_message_in_use_is_in_both_catalogues() -> None:
    missing = {
        msgid: places[:3] for msgid, places in used().items() if msgid not in EN or msgid not in ZH
    }
    assert missing == {}, "add them: tools/messages.py add ID English 中文"


def test_every_catalogue_message_is_in_use() -> None:
    """A message no code says is dead weight for translators (or an id built at run time
    that lacks its N_ declaration): declare it, or delete it (tools/messages.py update
    --prune)."""
    assert sorted(set(EN) - set(used())) == []


def test_the_extraction_finds_t_and_n_in_python_and_t_in_templates(tmp_path: Path) -> None:
    """The keywords declared in pyproject.toml, on a small package of three files."""
    (tmp_path / "web" / "templates").mkdir(parents=True)
    (tmp_path / "one.py").write_text(
        'from x import N_\nWORDS = (N_("declared.id"),)\n'
        'def f(t):\n    return t("called.id", count=2) + t(f"built.{t}") + other("not.an.id")\n',
        encoding="utf-8",
    )
    (tmp_path / "web" / "templates" / "page.html").write_text(
        "<p>{{ t('template.id', n=1) }} {{ t('prefix.' ~ kind) }}</p>", encoding="utf-8"
    )
    tool = messages_tool()
    tool.PACKAGE = tmp_path
    assert sorted(tool.extract()) == ["called.id", "declared.id", "template.id"]


def runtime_ids() -> set[str]:
    """Ids the code builds from data (f-strings, templates' ``~``), each of which must be
    declared with N_ where its values are (so extraction finds it)."""
    ids = {i for r in RULES for i in r.message_ids}
    ids |= {f"smart.{code}" for code in (*UNMEASURABLE, *NOT_SMART, "no_measurement")}
    ids |= {f"category.{c.value}" for c in Category}
    ids |= {f"web.category_{c.value}" for c in Category}
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
    assert {"seat", "channel", "resolution"} < set(
        get_args(CatalogPlan.model_fields["per"].annotation)
    )
    assert len(DIMENSIONS) == 5 and len(ANXIETIES) == 4
    return ids | form_field_ids()


class _Said:
    """A translator that notes the ids asked for."""

    def __init__(self) -> None:
        self.ids: set[str] = set()

    def __call__(self, message_id: str, **_: Any) -> str:
        self.ids.add(message_id)
        return message_id


def form_field_ids() -> set[str]:
    """Every plan form field's label, help and choice labels (built from the field names)."""
    said = _Said()
    for f in all_fields():
        said.ids |= {f.label, *([f.help] if f.help else []), *([f.group] if f.group else [])}
        for value in f.choices:
            choice_label(said, f, value)  # type: ignore[arg-type]
    return said.ids


def test_every_id_built_at_run_time_is_declared() -> None:
    ids = runtime_ids()
    assert len(ids) > 300
    assert sorted(ids - set(used())) == []


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
    tool = messages_tool()
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
        header = tool.path(locale).read_text(encoding="utf-8").split("\n\n")[0]
        original = (SRC / "i18n" / locale / "LC_MESSAGES" / "aibudget.po").read_text("utf-8")
        assert header == original.split("\n\n")[0]  # two branches adding messages merge


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


def test_a_plural_message_takes_its_form_from_the_count() -> None:
    en, zh = Translator("en"), Translator("zh_TW")
    assert en("plan.invalid", count=1) == "The plan has 1 problem:"
    assert en("plan.invalid", count=3) == "The plan has 3 problems:"
    assert en("plan.invalid", count=0) == "The plan has 0 problems:"
    assert en("plan.invalid", count=-1) == "The plan has -1 problem:"
    assert en("plan.invalid", count="many") == "The plan has many problems:"
    assert zh("plan.invalid", count=1) == "計畫有 1 個問題："
    assert zh("plan.invalid", count=3) == "計畫有 3 個問題："
    assert not [i for i, text in EN.items() if "(s)" in text]  # every plural says it right


def test_an_unknown_id_is_shown_as_it_is() -> None:
    assert Translator("zh_TW")("no.such.id", value="{x}") == "no.such.id"


@pytest.mark.parametrize("locale", ["en", "zh_TW"])
def test_the_compiled_catalogue_in_use_holds_the_po(locale: str) -> None:
    """What the program reads (the .mo) says what the .po says, message by message."""
    with source_path(locale).open("rb") as fh:
        source = {
            str(m.id[0] if m.pluralizable else m.id): (
                tuple(m.string) if m.pluralizable else m.string
            )
            for m in read_po(fh, locale=locale)
            if m.id and m.string
        }
    compiled = catalogue(locale)
    assert len(compiled) == len(source) > 1800
    assert compiled == source
    assert load(locale).compiled_from() == stamp(source_path(locale).read_bytes())
    assert compiled_path(locale).exists()


def test_a_mo_older_than_its_po_is_compiled_again(tmp_path: Path) -> None:
    """A message added since the install is there at once; the .mo is rewritten."""
    tool = messages_tool()
    for locale in tool.LOCALES:
        copy = source_path(locale, tmp_path)
        copy.parent.mkdir(parents=True)
        copy.write_bytes(source_path(locale).read_bytes())
    tool.ROOT = tmp_path
    tool.compile_all()
    before = compiled_path("zh_TW", tmp_path).read_bytes()
    assert "test.pears" not in load("zh_TW", tmp_path).texts()
    tool.add("test.pears", "Pears", "梨子", None)
    assert load("zh_TW", tmp_path).texts()["test.pears"] == "梨子"
    after = compiled_path("zh_TW", tmp_path).read_bytes()
    assert after != before and b"test.pears" in after
    assert load("zh_TW", tmp_path).compiled_from() == stamp(
        source_path("zh_TW", tmp_path).read_bytes()
    )
