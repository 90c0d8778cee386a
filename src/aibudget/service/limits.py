"""The per-user quota of costly work (evaluations, reports, reviews, imports): a number per
user per minute, counted in the shared counters (every worker sees them).

The limits kept by client address (sign-in, sign-up) are the web's: :mod:`aibudget.web.limits`.
"""

from __future__ import annotations

import math
from typing import Literal

from aibudget.domain.errors import AibudgetError
from aibudget.domain.texts import N_
from aibudget.settings import Settings
from aibudget.store.counters import Counters, Quota, counter_key, wait_seconds

SAID_IN_SECONDS = 90  # longer waits are said in minutes
Costly = Literal["work", "imports"]


class LimitReached(AibudgetError):
    """Over a limit: the message says how long to wait, in words; ``Retry-After`` too."""

    http_status = 429

    def __init__(self, kind: str, seconds: float) -> None:
        wait = wait_seconds(seconds)
        if wait <= SAID_IN_SECONDS:
            super().__init__(f"accounts.{kind}_seconds", count=wait)
        else:
            super().__init__(f"accounts.{kind}_minutes", count=math.ceil(wait / 60))
        self.headers = {"Retry-After": str(wait)}


def costly(counters: Counters, settings: Settings, user_id: str, kind: Costly = "work") -> None:
    """Count one costly piece of work by the user; LimitReached past the quota."""
    limit = settings.imports_per_minute if kind == "imports" else settings.evaluate_per_minute
    charge(counters, counter_key(f"quota-{kind}", user_id), Quota(limit, 60.0), "quota")


def charge(counters: Counters, key: str, quota: Quota, kind: str) -> None:
    """Use one of ``quota`` under ``key``; LimitReached (its messages: ``kind``) past it."""
    wait = counters.apply(key, quota.use)
    if wait:
        raise LimitReached(kind, wait)


# Message ids built at run time in this module, declared for message extraction.
WAIT_MESSAGES = (N_("accounts.quota_minutes"), N_("accounts.quota_seconds"))
