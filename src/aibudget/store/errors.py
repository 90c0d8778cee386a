"""Errors of the store, in the aibudget error family (each knows its HTTP status)."""

from __future__ import annotations

from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from aibudget.domain.errors import AibudgetError

# The database out of reach: refused connections, a file that cannot be opened, a
# connection lost mid-query, no pooled connection free in time.
UNREACHABLE = (OperationalError, InterfaceError, PoolTimeout)


class NotFound(AibudgetError):
    """Missing, or not visible to this user (the two are deliberately the same)."""

    message_id = "store.not_found"
    http_status = 404


class Forbidden(AibudgetError):
    message_id = "store.forbidden"
    http_status = 403


class Conflict(AibudgetError):
    message_id = "store.conflict"
    http_status = 409


class StaleVersion(Conflict):
    """An edit made on a version that is no longer the newest: nothing was saved."""

    message_id = "store.stale_version"
