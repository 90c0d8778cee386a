"""Limits by client address that protect the owner, counted in the shared counters
(every worker sees them); the per-user quota of costly work is
:mod:`aibudget.service.limits`.

- Sign-in: wrong passwords back off per account *from one address* (someone guessing from
  elsewhere never makes the real owner wait) and, with a higher allowance, per address
  over every account. Each attempt is counted before its password is checked, so many
  guesses at once get no more checks than the allowance.
- Sign-up: a number per address per hour; sign-up mails: a number per e-mail address
  per hour.

The address is the connection's, or the one a trusted proxy forwarded (see
:func:`trust_proxies`); clients cannot choose it otherwise.
"""

from __future__ import annotations

from fastapi import FastAPI
from starlette.requests import HTTPConnection
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from aibudget.domain.texts import N_
from aibudget.service.limits import LimitReached, charge
from aibudget.settings import Settings, proxy_list
from aibudget.store.counters import (
    Backoff,
    Counters,
    DatabaseCounters,
    Quota,
    clear,
    counter_key,
)
from aibudget.store.db import Database

HOUR = 3600.0


def counters_for(settings: Settings, db: Database) -> Counters:
    """Redis when configured (the hosted set-up), else the app's database."""
    if settings.redis_url:
        from aibudget.store.counters_redis import RedisCounters

        return RedisCounters(settings.redis_url, settings.redis_prefix)
    return DatabaseCounters(db)


def trust_proxies(app: FastAPI, settings: Settings) -> None:
    """uvicorn's proxy-header handling, outermost, when proxies are configured: the client
    address and scheme come from X-Forwarded-For/-Proto only on connections from them."""
    proxies = proxy_list(settings.trusted_proxies)
    if proxies:
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=proxies)


def client_address(connection: HTTPConnection) -> str:
    return connection.client.host if connection.client else "-"


def _sign_in_rules(settings: Settings) -> tuple[Backoff, Backoff]:
    def rule(free: int) -> Backoff:
        longest = max(settings.login_wait_seconds, settings.login_longest_wait_seconds)
        return Backoff(free, settings.login_wait_seconds, longest, memory=HOUR)

    return rule(settings.login_attempts), rule(settings.address_login_attempts)


def _sign_in_keys(email: str, address: str) -> tuple[str, str]:
    return counter_key("login", email, address), counter_key("login-address", address)


def before_password_check(counters: Counters, settings: Settings, email: str, address: str) -> None:
    """Count a sign-in attempt; LimitReached when it has to wait (nothing checked)."""
    account_rule, address_rule = _sign_in_rules(settings)
    account_key, address_key = _sign_in_keys(email, address)
    for key, rule in ((address_key, address_rule), (account_key, account_rule)):
        wait = counters.apply(key, rule.attempt)
        if wait:
            raise LimitReached("sign_in", wait)


def after_sign_in(counters: Counters, settings: Settings, email: str, address: str) -> None:
    """A right password: the account starts afresh from this address, and the address
    gets its attempt back."""
    _, address_rule = _sign_in_rules(settings)
    account_key, address_key = _sign_in_keys(email, address)
    counters.apply(account_key, clear)
    counters.apply(address_key, address_rule.forgive)


def before_sign_up(counters: Counters, settings: Settings, address: str) -> None:
    quota = Quota(settings.signups_per_hour, HOUR)
    charge(counters, counter_key("signup", address), quota, "sign_up")


def reset_mail_allowed(counters: Counters, settings: Settings, email: str) -> bool:
    """Whether another password-reset mail may go to this address now (the same quota as
    sign-in attempts per hour); the page says the same either way."""
    quota = Quota(settings.login_attempts, HOUR)
    return not counters.apply(counter_key("reset", email.strip().lower()), quota.use)


def sign_up_mail_wait(counters: Counters, settings: Settings, email: str) -> float:
    """Count one sign-up mail (a confirmation link or a notice) to this address; the
    seconds to wait when past the allowance (the same as sign-in attempts per hour),
    else 0. A sign-up page says the same either way; "send the link again" says the wait."""
    quota = Quota(settings.login_attempts, HOUR)
    return counters.apply(counter_key("signup-mail", email.strip().lower()), quota.use)


# Message ids built at run time in this module, declared for message extraction.
WAIT_MESSAGES = (
    N_("accounts.confirm_mail_minutes"),
    N_("accounts.confirm_mail_seconds"),
    N_("accounts.sign_in_minutes"),
    N_("accounts.sign_in_seconds"),
    N_("accounts.sign_up_minutes"),
    N_("accounts.sign_up_seconds"),
)
