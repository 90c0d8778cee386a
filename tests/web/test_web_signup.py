"""Sign-up confirmed by an e-mailed link, without telling anyone which addresses have an
account: the mails arrive at a real SMTP server on loopback (aiosmtpd) and their links are
followed; what the store holds is read on a second connection."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from datetime import timedelta
from email.message import Message
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response
from sqlalchemy import create_engine, func, select, update

from aibudget.settings import Settings
from aibudget.store.models import UserRow, utcnow
from aibudget.store.models_accounts import EmailConfirmationRow
from aibudget.web import create_app
from tests.jobs.conftest import Inbox, body, mail_settings, smtp  # noqa: F401
from tests.web.helpers import PASSWORD, csrf, new_workspace, set_limits, sign_in, sign_up

LINK = re.compile(r"http://127\.0\.0\.1(/\S+)")
TAKEN, NEW = "mei@example.com", "kai@example.com"  # the same length: the same page size
OTHER_PASSWORD = "a different passphrase 7"


@pytest.fixture
def mailing(settings: Settings, smtp: tuple[Inbox, int]) -> Iterator[TestClient]:  # noqa: F811
    """The app with a mail server (the web tests' settings otherwise)."""
    app = create_app(settings, jobs=mail_settings(smtp[1], confirm_hours=24))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        yield client
    app.state.web.db.dispose()


@pytest.fixture
def inbox(smtp: tuple[Inbox, int]) -> Inbox:  # noqa: F811
    return smtp[0]


def _post_sign_up(
    client: TestClient, email: str, password: str = OTHER_PASSWORD, next_page: str = ""
) -> Response:
    form = {"csrf_token": csrf(client, "/signup"), "email": email, "name": "Kai"}
    params = {"next": next_page} if next_page else {}
    return client.post(
        "/signup", data=form | {"password": password}, params=params, follow_redirects=False
    )


def _login(client: TestClient, email: str, password: str) -> Response:
    form = {"csrf_token": csrf(client, "/login"), "email": email, "password": password}
    return client.post("/login", data=form, follow_redirects=False)


def _rows(client: TestClient, email: str) -> list[tuple[str, object]]:
    """The user rows of ``email`` (id, confirmed_at), read on a second connection."""
    engine = create_engine(client.app.state.web.settings.database_url)  # type: ignore[attr-defined]
    with engine.connect() as conn:
        found = conn.execute(
            select(UserRow.id, UserRow.confirmed_at).where(UserRow.email == email)
        ).all()
    engine.dispose()
    return [(row[0], row[1]) for row in found]


def _links(mail: Message) -> list[str]:
    return LINK.findall(body(mail))


def _confirm_path(mail: Message) -> str:
    (path,) = [p for p in _links(mail) if p.startswith("/signup/confirm?token=")]
    return path


def test_a_taken_and_a_new_address_get_the_same_answer_and_a_different_mail(
    mailing: TestClient, inbox: Inbox
) -> None:
    sign_up(mailing, TAKEN, "Mei")
    mailing.cookies.clear()
    csrf(mailing, "/signup")  # one session for both sign-ups
    taken, new = _post_sign_up(mailing, TAKEN), _post_sign_up(mailing, NEW)
    assert (taken.status_code, new.status_code) == (200, 200)
    assert dict(taken.headers) == dict(new.headers)  # no cookie, the same length
    assert taken.text.replace(TAKEN, "@") == new.text.replace(NEW, "@")
    assert "我們已寄出一封信到 kai@example.com" in new.text and "24 小時內" in new.text
    # The taken account keeps its password; the new one cannot sign in yet.
    assert _login(mailing, TAKEN, OTHER_PASSWORD).status_code == 401
    mailing.cookies.clear()
    (new_row,) = _rows(mailing, NEW)
    assert new_row[1] is None  # not confirmed
    (to_taken,) = inbox.to(TAKEN)
    (to_new,) = inbox.to(NEW)
    assert "有人用您的電子郵件地址註冊" in to_taken["Subject"]
    assert "/login" in _links(to_taken)
    assert any(p.startswith("/password/reset?token=") for p in _links(to_taken))
    assert not any("/signup/confirm" in p for p in _links(to_taken))
    assert "確認您的電子郵件地址" in to_new["Subject"] and "24 小時內" in body(to_new)
    assert _confirm_path(to_new)


def test_the_mailed_link_confirms_the_account_and_signs_it_in_once(
    mailing: TestClient, inbox: Inbox
) -> None:
    assert _post_sign_up(mailing, NEW).status_code == 200
    refused = _login(mailing, NEW, OTHER_PASSWORD)
    assert refused.status_code == 403 and "還沒有確認" in refused.text
    assert 'data-testid="send-again"' in refused.text
    assert mailing.get("/workspaces", follow_redirects=False).status_code == 303  # not in
    path = _confirm_path(inbox.to(NEW)[0])
    page = mailing.get(path)
    assert page.status_code == 200 and 'data-testid="confirm-account"' in page.text
    assert _rows(mailing, NEW)[0][1] is None  # opening the page alone confirms nothing
    token = path.split("token=")[1]
    done = mailing.post(
        "/signup/confirm",
        data={"csrf_token": csrf(mailing, path), "token": token},
        follow_redirects=False,
    )
    assert done.status_code == 303 and done.headers["location"] == "/workspaces"
    assert mailing.get("/workspaces").status_code == 200  # signed in
    assert _rows(mailing, NEW)[0][1] is not None  # confirmed, says a second connection
    again = mailing.get(path)
    assert again.status_code == 410 and "已經使用過或已過期" in again.text
    reused = mailing.post("/signup/confirm", data={"csrf_token": csrf(mailing), "token": token})
    assert reused.status_code == 410 and 'data-testid="confirm-invalid"' in reused.text
    mailing.cookies.clear()
    assert _login(mailing, NEW, OTHER_PASSWORD).status_code == 303  # signs in from now on


def test_an_expired_link_is_refused_in_words_and_a_new_one_can_be_sent(
    mailing: TestClient, inbox: Inbox
) -> None:
    _post_sign_up(mailing, NEW)
    path = _confirm_path(inbox.to(NEW)[0])
    with mailing.app.state.web.db.write() as s:  # type: ignore[attr-defined]
        s.execute(update(EmailConfirmationRow).values(expires_at=utcnow() - timedelta(seconds=1)))
    expired = mailing.get(path)
    assert expired.status_code == 410 and "已經失效" in expired.text
    mailing.cookies.clear()
    assert _login(mailing, NEW, OTHER_PASSWORD).status_code == 403
    sent = mailing.post("/signup/again", data={"csrf_token": csrf(mailing, "/login")})
    assert sent.status_code == 200 and 'data-testid="sign-up-sent"' in sent.text
    _, second = inbox.to(NEW)
    assert _confirm_path(second) != path
    assert mailing.get(_confirm_path(second)).status_code == 200


def test_the_link_is_sent_again_a_few_times_an_hour_then_the_wait_is_said(
    mailing: TestClient, inbox: Inbox
) -> None:
    sign_up(mailing, TAKEN)  # the installation has its owner
    mailing.cookies.clear()
    _post_sign_up(mailing, NEW)  # the first of three mails this hour (login_attempts=3)
    _login(mailing, NEW, OTHER_PASSWORD)
    token = csrf(mailing, "/login")
    answers = [mailing.post("/signup/again", data={"csrf_token": token}) for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 429]
    assert "剛才已寄出好幾封信到這個地址" in answers[-1].text
    assert "retry-after" in answers[-1].headers
    assert len(inbox.to(NEW)) == 3
    mailing.cookies.clear()  # another browser that proved no password gets nothing
    nothing = mailing.post("/signup/again", data={"csrf_token": csrf(mailing, "/login")})
    assert nothing.status_code == 200 and nothing.url.path == "/login"
    assert len(inbox.to(NEW)) == 3


def test_a_wrong_password_answers_alike_for_unknown_unconfirmed_and_confirmed(
    mailing: TestClient,
) -> None:
    sign_up(mailing, TAKEN)
    mailing.cookies.clear()
    _post_sign_up(mailing, NEW)
    set_limits(mailing, login_attempts=100, address_login_attempts=100)
    emails = (TAKEN, NEW, "bob@example.com")
    answers = [_login(mailing, email, "not the password 1") for email in emails]
    assert {a.status_code for a in answers} == {401}
    texts = {a.text.replace(e, "@") for a, e in zip(answers, emails, strict=True)}
    assert len(texts) == 1


def test_two_sign_ups_of_one_address_at_once_leave_one_account(
    mailing: TestClient, inbox: Inbox
) -> None:
    app = mailing.app
    browsers = [TestClient(app, base_url="http://127.0.0.1") for _ in range(2)]
    tokens = [csrf(b, "/signup") for b in browsers]
    start, answers = threading.Barrier(2), [0, 0]

    def send(i: int) -> None:
        form = {"csrf_token": tokens[i], "email": NEW, "name": f"K{i}", "password": PASSWORD}
        start.wait()
        answers[i] = browsers[i].post("/signup", data=form).status_code

    threads = [threading.Thread(target=send, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert answers == [200, 200]
    assert len(_rows(mailing, NEW)) == 1  # a second connection counts the rows
    engine = create_engine(app.state.web.settings.database_url)  # type: ignore[attr-defined]
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(UserRow)) == 1
    engine.dispose()
    subjects = sorted(m["Subject"] for m in inbox.to(NEW))
    assert len(subjects) == 2 and any("確認" in s for s in subjects)  # one link, one notice


def test_a_reset_link_from_the_notice_confirms_an_account_someone_else_started(
    mailing: TestClient, inbox: Inbox
) -> None:
    """Someone signs up with Kai's address first; Kai's own sign-up brings the notice, and
    its reset link gives Kai the account with a password only Kai knows."""
    _post_sign_up(mailing, NEW, "squatter passphrase 99")
    _post_sign_up(mailing, NEW, OTHER_PASSWORD)
    notice = next(m for m in inbox.to(NEW) if "有人用您的" in m["Subject"])
    (path,) = [p for p in _links(notice) if p.startswith("/password/reset")]
    done = mailing.post(
        "/password/reset",
        data={"csrf_token": csrf(mailing, path), "token": path.split("token=")[1],
              "password": OTHER_PASSWORD},
    )  # fmt: skip
    assert done.status_code == 200 and 'data-testid="reset-done"' in done.text
    assert _login(mailing, NEW, "squatter passphrase 99").status_code == 401
    assert _login(mailing, NEW, OTHER_PASSWORD).status_code == 303


def test_without_a_mail_server_sign_up_says_so_and_an_invitation_still_works(
    client: TestClient,
) -> None:
    refused = _post_sign_up(client, NEW)
    assert refused.status_code == 503 and "沒有設定寄信" in refused.text
    assert _rows(client, NEW) == []
    sign_up(client, TAKEN, "Mei")
    ws = new_workspace(client)
    page = client.post(
        f"/w/{ws}/invites",
        data={"csrf_token": csrf(client, f"/w/{ws}"), "email": NEW, "role": "editor"},
    )
    found = re.search(r'value="http://127\.0\.0\.1(/invite/[^"]+)"', page.text)
    assert found
    invite = found.group(1)
    client.cookies.clear()
    other = _post_sign_up(client, "eve@example.com", next_page=invite)
    assert other.status_code == 503  # an invitation vouches for its own address only
    joined = _post_sign_up(client, NEW, next_page=invite)
    assert joined.status_code == 303 and joined.headers["location"] == invite
    accepted = client.post(invite, data={"csrf_token": csrf(client, invite)})
    assert accepted.status_code == 200 and f"/w/{ws}" in str(accepted.url)
    client.cookies.clear()
    again = _post_sign_up(client, TAKEN, next_page=invite)
    assert again.status_code == 503  # the invitation is used: no vouching any more


def test_sign_ups_are_counted_per_client_address(mailing: TestClient) -> None:
    set_limits(mailing, signups_per_hour=2)
    answers = [_post_sign_up(mailing, f"k{i}@example.com") for i in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 429]
    assert "剛才從這裡建立了許多帳號" in answers[-1].text


def test_the_first_run_owner_is_confirmed_and_signs_in(client: TestClient) -> None:
    form = {"csrf_token": csrf(client, "/setup"), "email": TAKEN, "name": "Mei",
            "password": PASSWORD, "workspace": "Shop"}  # fmt: skip
    assert client.post("/setup", data=form, follow_redirects=False).status_code == 303
    client.cookies.clear()
    sign_in(client, TAKEN)
    assert _rows(client, TAKEN)[0][1] is not None


def test_migrated_accounts_count_as_confirmed(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import text

    from aibudget.store import migrate as migrations
    from aibudget.store.db import make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    command.upgrade(migrations.alembic_config(engine), "0010")  # before confirmation
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO users (id, email, name, password_hash, created_at, session_epoch)"
                " VALUES ('u1', 'old@example.com', 'Old', 'x', '2026-01-02 03:04:05', 0)"
            )
        )
    migrations.migrate(engine)
    with engine.connect() as conn:
        confirmed = conn.execute(text("SELECT confirmed_at, created_at FROM users")).one()
    engine.dispose()
    assert confirmed[0] is not None and confirmed[0] == confirmed[1]


def test_strangers_who_signed_up_first_never_block_the_first_run(
    mailing: TestClient, inbox: Inbox
) -> None:
    """Unconfirmed sign-ups before the owner's first run: /setup is still offered, also
    for an address a stranger signed up with (the owner's password wins)."""
    _post_sign_up(mailing, "eve@example.com")
    _post_sign_up(mailing, TAKEN, "squatter passphrase 99")
    mailing.cookies.clear()
    assert mailing.get("/", follow_redirects=False).headers["location"] == "/setup"
    form = {"csrf_token": csrf(mailing, "/setup"), "email": TAKEN, "name": "Mei",
            "password": PASSWORD, "workspace": "Shop"}  # fmt: skip
    assert mailing.post("/setup", data=form, follow_redirects=False).status_code == 303
    mailing.cookies.clear()
    assert _login(mailing, TAKEN, "squatter passphrase 99").status_code == 401
    sign_in(mailing, TAKEN)
    (squatter_link,) = [_confirm_path(m) for m in inbox.to(TAKEN)]
    assert mailing.get(squatter_link).status_code == 410  # its link went with it
    assert len(_rows(mailing, TAKEN)) == 1
