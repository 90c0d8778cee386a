"""Errors of the store, in the aibudget error family (each knows its HTTP status)."""

from __future__ import annotations

from sqlalchemy.engine import make_url
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from aibudget.domain.errors import AibudgetError
from aibudget.domain.texts import N_
from aibudget.i18n import Translator

# The database out of reach: refused connections, a file that cannot be opened, a
# connection lost mid-query, no pooled connection free in time.
UNREACHABLE = (OperationalError, InterfaceError, PoolTimeout)


def unreachable_words(t: Translator, database_url: str, exc: BaseException) -> list[str]:
    """Two lines for whoever starts a process: which database (no password), why, and
    what to check. Shared by the commands and every web worker's start."""
    from aibudget.store.db import normalise_url  # db imports this module

    where = make_url(normalise_url(database_url)).render_as_string(hide_password=True)
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
    problem = t("web.cli_database_unavailable", where=where, reason=reason)
    return [problem, t("web.cli_database_hint")]


class NotFound(AibudgetError):
    """Missing, or not visible to this user (the two are deliberately the same)."""

    message_id = N_("store.not_found")
    http_status = 404


class Forbidden(AibudgetError):
    message_id = N_("store.forbidden")
    http_status = 403


class Conflict(AibudgetError):
    message_id = N_("store.conflict")
    http_status = 409


class StaleVersion(Conflict):
    """An edit made on a version that is no longer the newest: nothing was saved."""

    message_id = N_("store.stale_version")
