"""ORM table of the shared limit counters (sign-in back-off, quotas on costly work).

Kept apart from :mod:`aibudget.store.models` (same ``Base``, same migrations: 0007).
Used when no Redis is configured: the laptop's counters live in its database.
"""

from __future__ import annotations

from sqlalchemy import Float, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from aibudget.store.models import Base


class LimitCounterRow(Base):
    """One counter: ``key`` is a digest of what is counted (never an e-mail in plain);
    times are seconds since the epoch."""

    __tablename__ = "limit_counters"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)
    until: Mapped[float] = mapped_column(Float, default=0.0)
    expires: Mapped[float] = mapped_column(Float, index=True)
