"""A monthly entry's tool and source in the owner's words (pages, API and workbook)."""

from __future__ import annotations

from aibudget.domain.actuals import PLAN_LEVEL, ActualRecord
from aibudget.domain.plan import Plan
from aibudget.domain.texts import N_
from aibudget.i18n import Translator


def _format_name(t: Translator, source: str) -> str:
    """An import format in words (an unknown source as it is)."""
    from aibudget.imports.formats import FORMATS  # the import package: only when needed

    return t(f"monitor.format.{source}") if source in FORMATS else source


def tool_name(t: Translator, plan: Plan, tool: str) -> str:
    """A tool in words: its name in the plan, the plan's own lines, or the ad platform."""
    names = {x.id: x.name for x in plan.tools}
    if tool == PLAN_LEVEL:
        return t("cli.plan_lines")
    if tool in names:
        return names[tool]
    return _format_name(t, tool)


def source_words(t: Translator, record: ActualRecord, files: dict[str, str]) -> str:
    """Where an entry came from: typed in, or the file (else the kind of file) imported."""
    if record.source == "manual":
        return t("monitor.web.source_manual")
    name = files.get(record.fingerprint)
    if name is None:
        name = _format_name(t, record.source)
    return t("monitor.web.source_file", file=name)


# Message ids built at run time in this module, declared for message extraction.
FORMAT_MESSAGES = (
    N_("monitor.format.ga4"),
    N_("monitor.format.google_ads"),
    N_("monitor.format.line_friends"),
    N_("monitor.format.line_messages"),
    N_("monitor.format.meta_ads"),
    N_("monitor.format.shop_orders"),
    N_("monitor.format.template"),
)
