"""A version context is the cache key of what is made from it: any fact that changes
(status, the workspace's catalog, the actuals, the language) makes another key."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from aibudget.domain.actuals import ActualRecord, Actuals, with_fingerprint
from aibudget.domain.plan import LineItem
from aibudget.service.context import VersionContext


class Status(Enum):
    DRAFT = "draft"
    APPROVED = "approved"


@dataclass(frozen=True)
class Version:
    id: str
    status: Status


@dataclass(frozen=True)
class Catalog:
    stamp: str


def _actuals(amount: str) -> Actuals:
    record = ActualRecord(
        month="2027-01", tool="chatgpt", line=LineItem.SUBSCRIPTION, amount=Decimal(amount)
    )
    return Actuals(currency="TWD", records=[with_fingerprint(record)])


def test_every_fact_of_the_context_is_part_of_the_key() -> None:
    draft = Version("v1", Status.DRAFT)
    base = VersionContext.of(draft, catalog=Catalog("a"), actuals=_actuals("100"), locale="zh_TW")
    changed = [
        VersionContext.of(Version("v2", Status.DRAFT), catalog=Catalog("a"),
                          actuals=_actuals("100"), locale="zh_TW"),
        VersionContext.of(Version("v1", Status.APPROVED), catalog=Catalog("a"),
                          actuals=_actuals("100"), locale="zh_TW"),
        VersionContext.of(draft, catalog=Catalog("b"), actuals=_actuals("100"), locale="zh_TW"),
        VersionContext.of(draft, catalog=Catalog("a"), actuals=_actuals("101"), locale="zh_TW"),
        VersionContext.of(draft, catalog=Catalog("a"), actuals=_actuals("100"), locale="en"),
    ]  # fmt: skip
    keys = {c.key("report", "xlsx") for c in [base, *changed]}
    assert len(keys) == 1 + len(changed)
    same = VersionContext.of(draft, catalog=Catalog("a"), actuals=_actuals("100"), locale="zh_TW")
    assert same.key("report", "xlsx") == base.key("report", "xlsx")
    assert base.key("report", "xlsx") != base.key("report", "pdf")  # the result's own inputs


def test_the_key_holds_every_field_so_a_new_one_cannot_be_forgotten() -> None:
    context = VersionContext.of(Version("v1", Status.DRAFT), locale="en")
    for field in dataclasses.fields(VersionContext):
        other = dataclasses.replace(context, **{field.name: "something else"})
        assert other.key("health") != context.key("health"), field.name


def test_no_actuals_and_actuals_without_records_are_the_same_fact() -> None:
    version = Version("v1", Status.DRAFT)
    empty = Actuals(currency="TWD")
    assert (
        VersionContext.of(version, actuals=empty)
        == VersionContext.of(version, with_actuals=True)
        != VersionContext.of(version)  # a result that reads no actuals at all
    )
