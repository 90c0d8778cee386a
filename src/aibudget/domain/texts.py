"""Frozen models and texts in both languages, shared by the catalog and guidance models;
the ``N_`` marker for message ids."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


def N_(message_id: str) -> str:
    """Declare a message id that is translated later, elsewhere (returned unchanged).

    Message extraction (``make i18n``, tests/i18n) finds the ids written as ``t("...")``
    and ``N_("...")``; an id built at run time (``f"category.{c.value}"``) is declared
    with ``N_`` beside the values it is built from, so every id in use is visible.
    """
    return message_id


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Localized(Frozen):
    """A text in both languages (catalog data, not message ids)."""

    zh_tw: str = Field(alias="zh-TW", min_length=1)
    en: str = Field(min_length=1)

    def get(self, locale: str) -> str:
        return self.en if locale.lower().replace("_", "-").startswith("en") else self.zh_tw

    def names(self) -> frozenset[str]:
        return frozenset((self.zh_tw, self.en))
