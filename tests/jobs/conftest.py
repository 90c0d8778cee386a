"""Background-work tests: the store on SQLite and PostgreSQL (as in tests/store), a real
Redis for the queue, and a real SMTP server on loopback (aiosmtpd).

Redis: 127.0.0.1:6379 (or AIBUDGET_TEST_REDIS_URL); each test gets its own queue name so
that parallel runs never take each other's messages. When Redis is absent the tests that
need it are skipped with the reason, except under CI=true, where absence is a failure.
"""

from __future__ import annotations

import socket
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import Message

import pytest
import redis
from aiosmtpd.controller import Controller

from aibudget.jobs.settings import JobSettings, SmtpSecurity
from tests.redis_server import REDIS_URL, require_redis
from tests.store.conftest import cheap_hashing, db, migrated, pg_schema  # noqa: F401


@pytest.fixture
def redis_queue() -> Iterator[str]:
    """A fresh queue name on the real Redis (deleted afterwards)."""
    require_redis()
    name = f"aibudget-test-{uuid.uuid4().hex[:12]}"
    yield name
    redis.Redis.from_url(REDIS_URL).delete(name)


@dataclass
class Inbox:
    """Mail received by the SMTP server on loopback."""

    messages: list[Message] = field(default_factory=list)

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))  # type: ignore[attr-defined]
        return "250 OK"

    def to(self, address: str) -> list[Message]:
        return [m for m in self.messages if address in m["To"]]


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    with socket.socket() as probe:  # a free port on loopback
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def mail_settings(port: int, **more: object) -> JobSettings:
    return JobSettings(
        jobs_in_process=True,
        smtp_host="127.0.0.1",
        smtp_port=port,
        smtp_security=SmtpSecurity.NONE,
        public_url="http://127.0.0.1",
        **more,  # type: ignore[arg-type]
    )


def body(message: Message) -> str:
    text = message.get_content()  # type: ignore[attr-defined]
    assert isinstance(text, str)
    return text
