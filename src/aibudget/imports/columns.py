"""A format's columns and how a header row is matched against them.

A :class:`Format` lists its fields with the header texts each export uses (English and
Traditional Chinese); :meth:`Format.match` finds which column holds which field in a
candidate header row. Header texts are compared after NFKC normalisation (full-width
brackets and letters become ASCII), case folding and collapsing of spaces, so
``花費金額（TWD）`` and ``Amount spent (TWD)`` match their listed forms.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

CURRENCY_IN_HEADER = re.compile(r"\(([A-Za-z]{3})\)\s*$")


def norm(header: object) -> str:
    text = unicodedata.normalize("NFKC", "" if header is None else str(header))
    return " ".join(text.replace("\ufeff", "").lower().split())


@dataclass(frozen=True)
class Format:
    name: str
    required: tuple[str, ...]
    aliases: Mapping[str, tuple[str, ...]]
    # fields whose header carries a currency code, e.g. "Amount spent (TWD)"
    currency_prefixes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def _currency_code(self, name: str, cell: str) -> str | None:
        prefixes = self.currency_prefixes.get(name, ())
        if not any(cell.startswith(norm(p)) for p in prefixes):
            return None
        found = CURRENCY_IN_HEADER.search(cell)
        return found.group(1).upper() if found else None

    def match(self, row: Sequence[object], override: Mapping[str, str] | None = None) -> Match:
        cells = [norm(c) for c in row]
        columns: dict[str, int] = {}
        headers: dict[str, str] = {}
        currency: str | None = None
        wanted = {k: tuple(norm(a) for a in v) for k, v in self.aliases.items()}
        for name, text in (override or {}).items():
            if name in wanted:
                wanted[name] = (norm(text),)
        for index, cell in enumerate(cells):
            if not cell:
                continue
            for name, aliases in wanted.items():
                if name in columns:
                    continue
                code = self._currency_code(name, cell)
                if cell in aliases or code:
                    columns[name] = index
                    headers[name] = str(row[index]).replace("\ufeff", "").strip()
                    currency = code or currency
                    break
        ok = all(r in columns for r in self.required)
        used = set(columns.values())
        unknown = [str(row[i]).strip() for i, c in enumerate(cells) if c and i not in used]
        return Match(self, ok, columns, headers, currency, unknown)


@dataclass(frozen=True)
class Match:
    format: Format
    ok: bool
    columns: dict[str, int]
    headers: dict[str, str]
    currency: str | None
    unknown: list[str] = field(default_factory=list)  # header cells no field took
