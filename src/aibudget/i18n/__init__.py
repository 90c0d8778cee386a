"""Message catalogues (gettext .po, one per locale) and locale-aware formatting.

Message ids are stable keys (``ref.owner_unknown``); placeholders use ``{name}``.
A plural entry (``msgid_plural``) picks its form by the ``count`` parameter, by the
locale's plural rule (English: one or other; Chinese: one form). The catalogues are read
with Babel when first needed.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import Any

from babel import Locale
from babel.dates import format_skeleton
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


Text = str | tuple[str, ...]  # one text, or the plural forms of one


@cache
def catalogue(locale: str) -> dict[str, Text]:
    """msgid -> translated text (or plural forms) for a locale (only non-empty ones)."""
    path = files(__package__).joinpath(locale, "LC_MESSAGES", f"{DOMAIN}.po")
    with path.open("rb") as fh:
        cat = read_po(fh, locale=locale)
    out: dict[str, Text] = {}
    for m in cat:
        if not m.id or not m.string:
            continue
        if m.pluralizable:
            out[str(m.id[0])] = tuple(str(form) for form in m.string)
        else:
            out[str(m.id)] = str(m.string)
    return out


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
        if isinstance(text, tuple):
            text = self._form(text, params.get("count"))
        return text.format_map(_Blank(params))

    def _form(self, forms: tuple[str, ...], count: Any) -> str:
        """The plural form for ``count`` (the last, "other", when it is not a number)."""
        if len(forms) == 1:
            return forms[0]
        if isinstance(count, bool) or not isinstance(count, int | Decimal):
            return forms[-1]
        number: int | Decimal = -count if count < 0 else count
        return forms[0] if self._babel.plural_form(number) == "one" else forms[-1]

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
        day = date(int(month[:4]), int(month[5:7]), 1)
        return format_skeleton("yMMM", day, locale=self._babel)
