"""Limits that protect the owner: sign-in back-off per account and address (never a
lock-out from elsewhere), proxy headers only from trusted proxies, quotas on costly work
shared by every worker, sign-up counted per address."""

from __future__ import annotations

import html
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from argon2 import PasswordHasher, profiles
from fastapi.testclient import TestClient
from pydantic import SecretStr, ValidationError
from sqlalchemy import create_engine, select

from aibudget.settings import Settings
from aibudget.store import users
from aibudget.store.models import AuditRow
from aibudget.web import create_app
from tests.redis_server import REDIS_URL, redis_prefix  # noqa: F401  (a fixture)
from tests.web.helpers import (
    EXAMPLE,
    PASSWORD,
    csrf,
    import_plan,
    new_workspace,
    set_limits,
    sign_up,
)
from tests.web.test_web_api import V1, _document, _shape, _token

OWNER = "owner@example.com"


class CountingHasher(PasswordHasher):
    """argon2id (cheapest) that counts the password checks it makes."""

    def __init__(self) -> None:
        cheap = profiles.CHEAPEST
        super().__init__(
            cheap.time_cost, cheap.memory_cost, cheap.parallelism, cheap.hash_len, cheap.salt_len
        )
        self.checks = 0
        self._lock = threading.Lock()

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        with self._lock:
            self.checks += 1
        return super().verify(hash, password)


class Clock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


def _from(client: TestClient, address: str) -> TestClient:
    """Another browser on the same app, connecting from ``address``."""
    return TestClient(client.app, base_url="http://127.0.0.1", client=(address, 50_000))


def _sign_in(client: TestClient, password: str, **headers: str) -> object:
    data = {"csrf_token": csrf(client), "email": OWNER, "password": password}
    return client.post("/login", data=data, headers=headers, follow_redirects=False)


@pytest.fixture
def owner(client: TestClient) -> TestClient:
    sign_up(client, OWNER)
    client.cookies.clear()
    return client


def test_wrong_guesses_from_one_address_never_make_the_owner_wait_elsewhere(
    owner: TestClient,
) -> None:
    attacker = _from(owner, "198.51.100.7")
    assert [_sign_in(attacker, "wrong-guess-123").status_code for _ in range(3)] == [401] * 3
    refused = _sign_in(attacker, PASSWORD)
    assert refused.status_code == 429  # even the right password waits, from there
    assert refused.headers["retry-after"] == "30"
    home = _from(owner, "203.0.113.20")
    assert _sign_in(home, PASSWORD).status_code == 303  # the owner, from elsewhere


def test_each_wait_is_said_in_words_and_doubles(owner: TestClient) -> None:
    clock = Clock()
    owner.app.state.web.counters.clock = clock  # type: ignore[attr-defined]
    for _ in range(3):
        _sign_in(owner, "wrong-guess-123")
    assert "請在 30 秒後再試" in _sign_in(owner, "wrong-guess-123").text  # type: ignore[attr-defined]
    clock.now += 30
    assert _sign_in(owner, "wrong-guess-123").status_code == 401  # waited: checked again
    page = _sign_in(owner, PASSWORD)
    assert page.status_code == 429 and "請在 60 秒後再試" in page.text  # type: ignore[attr-defined]
    clock.now += 60
    assert _sign_in(owner, PASSWORD).status_code == 303
    owner.cookies.clear()
    assert _sign_in(owner, "wrong-guess-123").status_code == 401  # a fresh start


def test_one_address_guessing_many_accounts_backs_off(owner: TestClient) -> None:
    set_limits(owner, address_login_attempts=4)
    codes = []
    for i in range(6):
        data = {"csrf_token": csrf(owner), "email": f"u{i}@example.com", "password": "x" * 12}
        codes.append(owner.post("/login", data=data).status_code)
    assert codes == [401] * 4 + [429] * 2


@pytest.fixture(params=["database", "redis"])
def shared_settings(request: pytest.FixtureRequest, settings: Settings) -> Settings:
    if request.param == "redis":
        prefix = request.getfixturevalue("redis_prefix")
        return settings.model_copy(update={"redis_url": REDIS_URL, "redis_prefix": prefix})
    return settings


@pytest.fixture
def shared_client(shared_settings: Settings) -> Iterator[TestClient]:
    app = create_app(shared_settings)
    with TestClient(app, base_url="http://127.0.0.1") as test_client:
        yield test_client
    app.state.web.db.dispose()


def test_forty_guesses_at_once_get_no_more_password_checks_than_the_limit(
    shared_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_up(shared_client, OWNER)
    shared_client.cookies.clear()
    token = csrf(shared_client)
    hasher = CountingHasher()
    monkeypatch.setattr(users, "password_hasher", lambda: hasher)
    start = threading.Barrier(40)

    def guess(i: int) -> int:
        data = {"csrf_token": token, "email": OWNER, "password": f"wrong-guess-{i:03d}"}
        start.wait()
        return shared_client.post("/login", data=data).status_code

    with ThreadPoolExecutor(40) as pool:
        codes = list(pool.map(guess, range(40)))
    assert hasher.checks == 3  # login_attempts, whatever the timing
    assert sorted(codes) == [401] * 3 + [429] * 37


def test_a_quota_holds_across_two_workers(shared_settings: Settings) -> None:
    settings = shared_settings.model_copy(update={"evaluate_per_minute": 2})
    first, second = create_app(settings), create_app(settings)  # two worker processes
    with (
        TestClient(first, base_url="http://127.0.0.1") as one,
        TestClient(second, base_url="http://127.0.0.1") as two,
    ):
        auth = _token(one, "alice@example.com")
        ws = one.post(f"{V1}/workspaces", json={"name": "S"}, headers=auth).json()["id"]
        made = one.post(
            f"{V1}/workspaces/{ws}/plans", json={"name": "p", "document": _document()}, headers=auth
        ).json()
        url = f"{V1}/workspaces/{ws}/plans/{made['plan_id']}/versions/1/evaluate"
        codes = [
            worker.post(url, json={"trials": 300 + i}, headers=auth).status_code
            for i, worker in enumerate((one, two, one, two))
        ]
        assert codes == [200, 200, 429, 429]
        refused = two.post(url, json={"trials": 999}, headers=auth)
        _shape(refused, 429, "accounts.quota_seconds")
        assert 0 < int(refused.headers["retry-after"]) <= 60
        assert "秒後再試" in refused.json()["error"]["message"]
    for app in (first, second):
        app.state.web.db.dispose()


def test_a_quota_page_is_in_the_owners_language(client: TestClient) -> None:
    sign_up(client, "alice@example.com")
    set_limits(client, imports_per_minute=1)
    ws_token = csrf(client, "/workspaces")
    made = client.post("/workspaces", data={"csrf_token": ws_token, "name": "S"})
    ws = str(made.url).rsplit("/", 1)[-1]
    form = {"csrf_token": csrf(client, f"/w/{ws}/import"), "document": "not: [a plan"}
    assert client.post(f"/w/{ws}/import", data=form).status_code == 422
    page = client.post(f"/w/{ws}/import", data=form)
    assert page.status_code == 429 and page.headers["retry-after"]
    assert "您在短時間內執行了許多較耗時的工作" in page.text and "quota" not in page.text


def test_proxy_headers_count_only_from_a_trusted_proxy(settings: Settings) -> None:
    trusting = settings.model_copy(update={"trusted_proxies": "10.0.0.2"})
    app = create_app(trusting)
    proxy = TestClient(app, base_url="http://127.0.0.1", client=("10.0.0.2", 40_000))
    other = TestClient(app, base_url="http://127.0.0.1", client=("10.0.0.9", 40_000))
    sign_up(proxy, OWNER)
    proxy.cookies.clear()
    for _ in range(3):
        _sign_in(proxy, "wrong-guess-123", **{"X-Forwarded-For": "198.51.100.7"})
    limited = _sign_in(proxy, PASSWORD, **{"X-Forwarded-For": "198.51.100.7"})
    assert limited.status_code == 429  # type: ignore[attr-defined]
    ok = _sign_in(proxy, PASSWORD, **{"X-Forwarded-For": "203.0.113.20"})
    assert ok.status_code == 303  # type: ignore[attr-defined]
    for _ in range(3):  # an untrusted client cannot pick the address it is counted by
        _sign_in(other, "wrong-guess-123", **{"X-Forwarded-For": "192.0.2.1"})
    assert _sign_in(other, PASSWORD, **{"X-Forwarded-For": "192.0.2.2"}).status_code == 429  # type: ignore[attr-defined]
    engine = create_engine(trusting.database_url)  # a second connection reads the audit
    with engine.connect() as conn:
        rows = conn.execute(select(AuditRow.detail).where(AuditRow.action == "user.signed_in"))
        addresses = [detail["address"] for (detail,) in rows]
    engine.dispose()
    assert addresses[-1] == "203.0.113.20"
    app.state.web.db.dispose()


def test_a_forwarded_scheme_is_believed_only_from_a_trusted_proxy(settings: Settings) -> None:
    app = create_app(settings.model_copy(update={"trusted_proxies": "10.0.0.0/24"}))
    for address, scheme in (("10.0.0.3", "https"), ("192.0.2.50", "http")):
        browser = TestClient(app, base_url="http://127.0.0.1", client=(address, 40_000))
        sign_up(browser, f"{address}@example.com")
        ws_page = browser.post(
            "/workspaces", data={"csrf_token": csrf(browser, "/workspaces"), "name": "S"}
        )
        ws = str(ws_page.url).rsplit("/", 1)[-1]
        invite = browser.post(
            f"/w/{ws}/invites",
            data={
                "csrf_token": csrf(browser, f"/w/{ws}"),
                "email": "b@example.com",
                "role": "editor",
            },
            headers={"X-Forwarded-Proto": "https"},
        )
        assert f'value="{scheme}://127.0.0.1/invite/' in invite.text
    app.state.web.db.dispose()


def test_untrusted_proxy_settings_are_refused_with_the_setting_named() -> None:
    with pytest.raises(ValidationError, match="AIBUDGET_TRUSTED_PROXIES"):
        Settings(secret_key=SecretStr("s" * 48), trusted_proxies="10.0.0.1, proxy.example")


def test_an_import_over_the_quota_keeps_the_pasted_plan(client: TestClient) -> None:
    """A 429 on the import page gives the form back with the text the owner pasted."""
    sign_up(client, "alice@example.com")
    ws = new_workspace(client)
    set_limits(client, imports_per_minute=1)
    import_plan(client, ws)  # the one allowed this minute
    pasted = EXAMPLE.read_text(encoding="utf-8").replace("山嵐咖啡", "第二家店")
    token = csrf(client, f"/w/{ws}/import")
    page = client.post(
        f"/w/{ws}/import",
        data={"csrf_token": token, "name": "2028", "note": "", "document": pasted},
    )
    assert page.status_code == 429 and "Retry-After" in page.headers
    assert 'data-testid="import-wait"' in page.text
    assert html.escape("第二家店") in page.text and 'value="2028"' in page.text
