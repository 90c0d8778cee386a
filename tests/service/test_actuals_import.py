"""Importing a file of actuals, the one workflow behind the page and the API: a file is
checked, read, staged with where its ad spend goes, and merged on confirm, all of it or
nothing; the source's settings are remembered only for what the file really had."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pytest

from aibudget.domain.plan import Plan
from aibudget.service import actuals_import
from aibudget.service.actuals_import import (
    MAX_IMPORT_BYTES,
    TooLarge,
    UploadRefused,
    check_upload,
    preview_file,
)
from aibudget.service.monitor import plan_actuals
from aibudget.store import actuals, plans, users, workspaces
from aibudget.store.db import Database
from tests.factories import make_plan, tool
from tests.imports.conftest import FIXTURES

GOOGLE = FIXTURES / "google_ads_zh_utf16.tsv"
LINE = FIXTURES / "line_friends_zh_utf8_bom.csv"
ADS = tool(id="ads", name="Ad helper", category="ad_optimisation")
WRITER = tool(id="writer", name="Writer", category="content_writing")


@dataclass
class Sent:
    """A file as a form sends it."""

    filename: str | None
    file: BinaryIO
    size: int | None = None


@dataclass
class Shop:
    db: Database
    user_id: str
    ws: str
    plan_id: str
    plan: Plan


def _shop(db: Database, *tools: dict[str, object]) -> Shop:
    plan = make_plan(*tools)
    with db.write() as s:
        alice = users.create(s, "alice@example.com", "alice", "correct horse battery")
        ws = workspaces.create(s, alice.id, "Shop").id
        plan_id = plans.create(s, alice.id, ws, "plan", plan).plan_id
    return Shop(db, alice.id, ws, plan_id, plan)


def _sent(path: Path) -> Sent:
    return Sent(path.name, io.BytesIO(path.read_bytes()))


def _staged(shop: Shop, path: Path, tool: str = "") -> actuals_import.Staging:
    stored = plan_actuals(shop.db, shop.user_id, shop.ws, shop.plan_id).stored
    read = preview_file(shop.db, shop.user_id, shop.ws, shop.plan, _sent(path), "", tool)
    assert read.preview.ok
    return actuals_import.stage(shop.db, shop.user_id, shop.ws, shop.plan_id, stored, read)


def _confirm(shop: Shop, import_id: str, chosen: str = "") -> actuals_import.Confirmed:
    return actuals_import.confirm(
        shop.db, shop.user_id, shop.ws, shop.plan_id, shop.plan, import_id, False, chosen
    )


def _remembered(shop: Shop, source: str) -> actuals.ImportSetting | None:
    with shop.db.session() as s:
        return actuals.remembered(s, shop.user_id, shop.ws, source)


def test_a_file_is_refused_before_it_is_read_beside_its_field() -> None:
    plan = make_plan(WRITER)
    empty = io.BytesIO(b"")
    with pytest.raises(UploadRefused) as none:
        check_upload(plan, None, "", "")
    with pytest.raises(UploadRefused) as nameless:
        check_upload(plan, Sent("", empty), "", "")
    with pytest.raises(TooLarge):
        check_upload(plan, Sent("big.csv", empty, MAX_IMPORT_BYTES + 1), "", "")
    with pytest.raises(UploadRefused) as fmt:
        check_upload(plan, Sent("a.csv", empty), "nosuch", "")
    with pytest.raises(UploadRefused) as target:
        check_upload(plan, Sent("a.csv", empty), "", "nosuch")
    assert [e.value.field for e in (none, nameless, fmt, target)] == [
        "file",
        "file",
        "format",
        "tool",
    ]
    sent = Sent("a.csv", empty, MAX_IMPORT_BYTES)
    assert check_upload(plan, sent, "google_ads", "writer") is sent


def test_ad_spend_goes_where_it_was_staged_to_unless_another_target_is_chosen(
    db: Database,
) -> None:
    shop = _shop(db, WRITER, ADS)
    staging = _staged(shop, GOOGLE, tool="writer")
    assert staging.target == "writer" and staging.staged.summary["spend_to"] == "writer"
    assert staging.would.added == len(staging.staged.records)
    done = _confirm(shop, staging.staged.id)
    assert done.merged is not None and not done.merged.conflicts
    spend = [r for r in done.merged.stored.records if r.amount is not None]
    assert spend and {r.tool for r in spend} == {"writer"}
    setting = _remembered(shop, "google_ads")
    assert setting is not None and setting.spend_to == "writer"

    again = _staged(shop, GOOGLE)  # remembered for the source, chosen otherwise this time
    assert again.target == "writer" and again.would.added == 0
    done = _confirm(shop, again.staged.id, chosen="ads")
    assert done.target == "ads" and done.merged is not None
    setting = _remembered(shop, "google_ads")
    assert setting is not None and setting.spend_to == "ads"


def test_a_file_without_ad_spend_remembers_no_target_for_its_source(db: Database) -> None:
    shop = _shop(db, WRITER, ADS)  # one ad tool: ad spend would go there by default
    staging = _staged(shop, LINE)
    assert staging.target == "ads"
    done = _confirm(shop, staging.staged.id)
    assert done.merged is not None and not done.merged.conflicts
    setting = _remembered(shop, "line_friends")
    assert setting is not None and setting.spend_to is None


def test_ad_spend_with_nowhere_to_go_is_not_merged(db: Database) -> None:
    shop = _shop(db, WRITER)  # no ad tool, and none chosen
    staging = _staged(shop, GOOGLE)
    assert staging.target is None
    done = _confirm(shop, staging.staged.id, chosen="nosuch")
    assert done.merged is None
    assert plan_actuals(db, shop.user_id, shop.ws, shop.plan_id).stored.records == []
    assert _remembered(shop, "google_ads") is None
