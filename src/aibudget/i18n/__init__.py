"""Message catalogues (gettext, one per locale) and locale-aware formatting.

Message ids are stable keys (``ref.owner_unknown``); placeholders use ``{name}``.
A plural entry (``msgid_plural``) picks its form by the ``count`` parameter, by the
locale's plural rule (English: one or other; Chinese: one form), with ``ngettext``.
The .po files are the source; the program reads their compiled .mo (``compiled.py``).
An id built at run time is declared with ``N_`` beside the values it is built from.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

from babel import Locale
from babel.dates import format_skeleton
from babel.numbers import format_decimal, format_percent, get_currency_symbol

from aibudget.domain.months import first_day
from aibudget.domain.texts import N_
from aibudget.i18n.compiled import DOMAIN, Messages, load

__all__ = ["DEFAULT_LOCALE", "DOMAIN", "LOCALES", "N_", "Translator", "catalogue"]

LOCALES = ("zh_TW", "en")
DEFAULT_LOCALE = "zh_TW"
# Symbols people in Taiwan read without doubt, whatever the UI language.
SYMBOLS = {"TWD": "NT$"}
# A count given as something other than a whole number takes the "other" form: the form
# of 2 in English (Chinese has a single form).
_OTHER = 2


def normalise_locale(value: str | None) -> str:
    """``zh-TW``, ``zh_Hant_TW``, ``en-US`` ... -> one of LOCALES (zh_TW by default)."""
    if not value:
        return DEFAULT_LOCALE
    text = value.replace("-", "_").lower()
    if text.startswith("en"):
        return "en"
    return DEFAULT_LOCALE


Text = str | tuple[str, ...]  # one text, or the plural forms of one


@cache
def messages(locale: str) -> Messages:
    """The locale's compiled catalogue, English behind any other (read once)."""
    found = load(locale)
    if locale != "en":
        english = messages("en")
        found.add_fallback(english)
        found.plural_ids |= english.plural_ids
    return found


def catalogue(locale: str) -> dict[str, Text]:
    """msgid -> translated text (or plural forms) for a locale (only non-empty ones)."""
    return messages(locale).texts()


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class Translator:
    """Translate message ids and format numbers for one locale."""

    def __init__(self, locale: str | None = None) -> None:
        self.locale = normalise_locale(locale)
        self._babel = Locale.parse(self.locale)

    def __call__(self, message_id: str, **params: Any) -> str:
        found = messages(self.locale)
        if message_id in found.plural_ids:
            number = _plural_number(params.get("count"))
            text = found.ngettext(message_id, message_id, number)
        else:
            text = found.gettext(message_id)
            if text == message_id:  # an unknown id, shown as it is
                return message_id
        return text.format_map(_Blank(params))

    def money(self, amount: Decimal | float, currency: str, digits: int = 0) -> str:
        """NT$1,234,567 / US$1,234 in zh_TW; NT$1,234,567 / $1,234 in en."""
        symbol = self.currency_symbol(currency)
        text = self.number(-amount if amount < 0 else amount, digits)
        return f"-{symbol}{text}" if amount < 0 else f"{symbol}{text}"

    def currency_symbol(self, currency: str) -> str:
        return SYMBOLS.get(currency) or get_currency_symbol(currency, locale=self._babel)

    def number(self, value: Decimal | float, digits: int = 0) -> str:
        fmt = "#,##0" if digits == 0 else "#,##0." + "0" * digits
        return format_decimal(value, format=fmt, locale=self._babel)

    def percent(self, value: Decimal | float, digits: int = 1) -> str:
        fmt = "#,##0%" if digits == 0 else "#,##0." + "0" * digits + "%"
        return format_percent(value, format=fmt, locale=self._babel)

    def month(self, month: str) -> str:
        """A calendar month ``YYYY-MM`` as the locale writes it: Apr 2026 / 2026年4月."""
        return format_skeleton("yMMM", first_day(month), locale=self._babel)


def _plural_number(count: Any) -> int:
    """The number ``ngettext`` chooses the form by: the count when it is a whole number."""
    if isinstance(count, int) and not isinstance(count, bool):
        return abs(count)
    if isinstance(count, Decimal) and count == count.to_integral_value():
        return abs(int(count))
    return _OTHER
