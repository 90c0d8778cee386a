"""Reminder and reset e-mails arrive at a real SMTP server on loopback (aiosmtpd), in
the recipient's language, once per period, and their links work in the app."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from aibudget.jobs.mail import Reminder
from aibudget.jobs.queue import enqueue
from aibudget.settings import Settings
from aibudget.store import mail_accounts, users, workspaces
from aibudget.store.db import Database
from aibudget.web import create_app
from tests.jobs.conftest import Inbox, body, mail_settings
from tests.jobs.factories import in_process, live_plan, owner_with_plan
from tests.web.helpers import PASSWORD, csrf, sign_up

LINK = re.compile(r"http://127\.0\.0\.1(/\S+)")


def test_the_monthly_reminder_reaches_each_user_once_in_their_language(
    db: Database, smtp: tuple[Inbox, int]
) -> None:
    inbox, port = smtp
    zh, _, zh_plan = owner_with_plan(db, "mei@example.com", "zh_TW")
    en, _, en_plan = owner_with_plan(db, "sam@example.com", "en")
    quiet, _, _ = owner_with_plan(db, "quiet@example.com", "zh_TW")
    with db.write() as s:
        mail_accounts.set_reminders(s, quiet.id, False)
    queue = in_process(db, mail_settings(port))
    enqueue(queue, "remind_all", Reminder.ACTUALS, "2027-02")
    enqueue(queue, "remind_all", Reminder.ACTUALS, "2027-02")  # the scheduler ran twice
    assert sorted(m["To"].split("<")[-1].rstrip(">") for m in inbox.messages) == [
        "mei@example.com",
        "sam@example.com",
    ]
    (to_zh,) = inbox.to(zh.email)
    (to_en,) = inbox.to(en.email)
    assert "請輸入實際數字" in to_zh["Subject"] and "2027-02" in to_zh["Subject"]
    assert "enter your actuals" in to_en["Subject"]
    assert f"/p/{zh_plan.plan_id}/actuals" in body(to_zh)
    assert f"/p/{en_plan.plan_id}/actuals" in body(to_en)
    assert "您好" in body(to_zh) and "Hello" in body(to_en)


def test_the_quarterly_reminder_links_to_the_review(db: Database, smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    owner, _, version = owner_with_plan(db, "mei@example.com", "zh_TW")
    enqueue(in_process(db, mail_settings(port)), "remind_all", Reminder.REVIEW, "2027-Q2")
    (mail,) = inbox.to(owner.email)
    assert "季度檢討" in mail["Subject"]
    assert f"/p/{version.plan_id}/review" in body(mail)


@pytest.fixture
def app_client(tmp_path: Path, smtp: tuple[Inbox, int]) -> Iterator[TestClient]:
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'web.db'}", secret_key=SecretStr("s" * 48)
    )
    app = create_app(settings, jobs=mail_settings(smtp[1]))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        yield client
    app.state.web.db.dispose()


def _ask_reset(client: TestClient, email: str) -> str:
    response = client.post(
        "/password/forgot", data={"csrf_token": csrf(client, "/password/forgot"), "email": email}
    )
    assert response.status_code == 200
    return response.text


def test_a_reminder_link_opens_the_right_page_for_its_user(
    app_client: TestClient, smtp: tuple[Inbox, int]
) -> None:
    inbox, _ = smtp
    sign_up(app_client, "mei@example.com", "Mei")
    db = app_client.app.state.web.db  # type: ignore[attr-defined]
    with db.session() as s:
        user = users.authenticate(s, "mei@example.com", PASSWORD)
    assert user is not None
    with db.write() as s:
        space = workspaces.create(s, user.id, "Cafe")
    live_plan(db, user, space)
    enqueue(app_client.app.state.queue, "remind_all", Reminder.ACTUALS, "2027-03")  # type: ignore[attr-defined]
    (mail,) = inbox.to("mei@example.com")
    paths = LINK.findall(body(mail))
    assert len(paths) == 2  # the plan's actuals page, then the e-mail settings
    for path in paths:
        assert app_client.get(path).status_code == 200, path


def test_a_reset_link_arrives_works_once_and_changes_the_password(
    app_client: TestClient, smtp: tuple[Inbox, int]
) -> None:
    inbox, _ = smtp
    sign_up(app_client, "mei@example.com", "Mei")
    app_client.cookies.clear()
    page = _ask_reset(app_client, "Mei@Example.com ")
    (mail,) = inbox.to("mei@example.com")
    (path,) = LINK.findall(body(mail))
    assert "新密碼" in mail["Subject"] or "new password" in mail["Subject"]
    form = app_client.get(path)
    assert form.status_code == 200 and 'name="token"' in form.text
    token = path.split("token=")[1]
    new = "a brand new passphrase 42"
    done = app_client.post(
        "/password/reset",
        data={"csrf_token": csrf(app_client, path), "token": token, "password": new},
    )
    assert done.status_code == 200 and 'data-testid="reset-done"' in done.text
    db = app_client.app.state.web.db  # type: ignore[attr-defined]
    with db.write() as s:  # checked by the store itself, not the page
        assert users.authenticate(s, "mei@example.com", new) is not None
        assert users.authenticate(s, "mei@example.com", PASSWORD) is None
    again = app_client.post(
        "/password/reset",
        data={
            "csrf_token": csrf(app_client, "/password/forgot"),
            "token": token,
            "password": "x" * 20,
        },
    )
    assert again.status_code == 410 and 'data-testid="reset-invalid"' in again.text
    assert "sent" in page or "寄出" in page


def test_an_unknown_address_gets_the_same_answer_and_no_mail(
    app_client: TestClient, smtp: tuple[Inbox, int]
) -> None:
    inbox, _ = smtp
    sign_up(app_client, "mei@example.com", "Mei")
    app_client.cookies.clear()
    known = _ask_reset(app_client, "mei@example.com")
    unknown = _ask_reset(app_client, "nobody@example.com")
    strip = re.compile(r'value="[^"]*"')
    assert strip.sub("", known) == strip.sub("", unknown)
    assert [m["To"] for m in inbox.messages] == ["Mei <mei@example.com>"]


def test_a_weak_new_password_is_refused_and_the_link_still_works(
    app_client: TestClient, smtp: tuple[Inbox, int]
) -> None:
    inbox, _ = smtp
    sign_up(app_client, "mei@example.com", "Mei")
    app_client.cookies.clear()
    _ask_reset(app_client, "mei@example.com")
    (path,) = LINK.findall(body(inbox.messages[0]))
    token = path.split("token=")[1]
    weak = app_client.post(
        "/password/reset",
        data={"csrf_token": csrf(app_client, path), "token": token, "password": "short"},
    )
    assert weak.status_code == 422 and 'aria-invalid="true"' in weak.text
    assert app_client.get(path).status_code == 200
