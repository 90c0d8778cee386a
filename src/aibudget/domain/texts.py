"""Frozen models and texts in both languages, shared by the catalog and guidance models;
the ``N_`` marker for message ids (defined in :mod:`.message_ids`, which loads nothing)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from aibudget.domain.message_ids import N_ as N_


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, defer_build=True)


class Localized(Frozen):
    """A text in both languages (catalog data, not message ids)."""

    zh_tw: str = Field(alias="zh-TW", min_length=1)
    en: str = Field(min_length=1)

    def get(self, locale: str) -> str:
        return self.en if locale.lower().replace("_", "-").startswith("en") else self.zh_tw

    def names(self) -> frozenset[str]:
        return frozenset((self.zh_tw, self.en))
