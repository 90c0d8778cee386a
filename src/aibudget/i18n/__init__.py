"""Message catalogues (gettext .po, one per locale) and locale-aware formatting.

Message ids are stable keys (``ref.owner_unknown``); placeholders use ``{name}``.
The catalogues are read with Babel when first needed.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import Any

from babel import Locale
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent, get_currency_symbol

LOCALES = ("zh_TW", "en")
DEFAULT_LOCALE = "zh_TW"
DOMAIN = "aibudget"
# Symbols people in Taiwan read without doubt, whatever the UI language.
SYMBOLS = {"TWD": "NT$"}


def normalise_locale(value: str | None) -> str:
    """``zh-TW``, ``zh_Hant_TW``, ``en-US`` ... -> one of LOCALES (zh_TW by default)."""
    if not value:
        return DEFAULT_LOCALE
    text = value.replace("-", "_").lower()
    if text.startswith("en"):
        return "en"
    return DEFAULT_LOCALE


@cache
def catalogue(locale: str) -> dict[str, str]:
    """msgid -> translated text for a locale (only non-empty translations)."""
    path = files(__package__).joinpath(locale, "LC_MESSAGES", f"{DOMAIN}.po")
    with path.open("rb") as fh:
        cat = read_po(fh, locale=locale)
    return {str(m.id): str(m.string) for m in cat if m.id and m.string}


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class Translator:
    """Translate message ids and format numbers for one locale."""

    def __init__(self, locale: str | None = None) -> None:
        self.locale = normalise_locale(locale)
        self._babel = Locale.parse(self.locale)

    def __call__(self, message_id: str, **params: Any) -> str:
        text = catalogue(self.locale).get(message_id) or catalogue("en").get(message_id)
        if text is None:
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
