"""Times as the owner reads them (shared by pages and templates)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo


def local_time(moment: datetime, zone: ZoneInfo, *, with_time: bool = True) -> str:
    """A stored moment in the workspace's time zone (stored times without a zone are UTC)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(zone).strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d")
