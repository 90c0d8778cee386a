"""A second person signs up in the browser on an installation that sends mail: the page
says a link was sent, the mail arrives at the SMTP server on loopback, and opening its
link and pressing the button signs them in. Screenshots at 1280 px (signup-*)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import pytest

from tests.e2e.browser import shot
from tests.jobs.conftest import Inbox, body, smtp  # noqa: F401

PASSWORD = "correct horse battery"
MAIL_SECONDS = 60  # the mail is sent in the server's process (jobs in-process)
LINK = re.compile(r"(http://127\.0\.0\.1:\d+/signup/confirm\?token=\S+)")


@pytest.fixture
def server(
    smtp: tuple[Inbox, int],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    server: str,  # the browser tests' server, started after the mail settings below
) -> Iterator[str]:
    yield server


@pytest.fixture(autouse=True)
def mail_settings(smtp: tuple[Inbox, int], monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    """The server's jobs send mail to the SMTP server on loopback."""
    monkeypatch.setenv("AIBUDGET_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("AIBUDGET_SMTP_PORT", str(smtp[1]))
    monkeypatch.setenv("AIBUDGET_SMTP_SECURITY", "none")
    monkeypatch.setenv("AIBUDGET_JOBS_IN_PROCESS", "true")


def test_a_new_person_signs_up_by_the_mailed_link(
    browser: Any,
    server: str,
    smtp: tuple[Inbox, int],  # noqa: F811
) -> None:
    inbox, _ = smtp
    context = browser.new_context(locale="zh-TW", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + "/signup")
    page.locator("#f-name").fill("Kai")
    page.locator("#f-email").fill("kai@example.com")
    page.locator("#f-password").fill(PASSWORD)
    page.locator('form[action^="/signup"] button[type=submit]').click()
    page.wait_for_selector("[data-testid=sign-up-sent]")
    assert "kai@example.com" in page.locator("[data-testid=sign-up-sent]").inner_text()
    shot(page, "signup-01-sent-1280")
    deadline = time.monotonic() + MAIL_SECONDS
    while not inbox.to("kai@example.com") and time.monotonic() < deadline:
        time.sleep(0.1)
    (mail,) = inbox.to("kai@example.com")
    found = LINK.search(body(mail))
    assert found, body(mail)
    page.goto(found.group(1).replace("http://127.0.0.1:8000", server))
    shot(page, "signup-02-confirm-1280")
    page.get_by_test_id("confirm-account").click()
    page.wait_for_url("**/workspaces")
    shot(page, "signup-03-signed-in-1280")
    context.close()
