"""ORM tables of accounts kept apart from :mod:`aibudget.store.models` (same ``Base``,
same migrations): the shared limit counters (sign-in back-off, quotas on costly work;
0007), used when no Redis is configured, and the links that confirm a new account's
e-mail address (0011).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from aibudget.store.models import Base, Stamp, utcnow


class LimitCounterRow(Base):
    """One counter: ``key`` is a digest of what is counted (never an e-mail in plain);
    times are seconds since the epoch."""

    __tablename__ = "limit_counters"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)
    until: Mapped[float] = mapped_column(Float, default=0.0)
    expires: Mapped[float] = mapped_column(Float, index=True)


class EmailConfirmationRow(Base):
    """A link that confirms a new account's address: the token's SHA-256 only, single
    use, expiring; ``next_path`` is the local page to open after (migration 0011)."""

    __tablename__ = "email_confirmations"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    next_path: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(Stamp)
    used_at: Mapped[datetime | None] = mapped_column(Stamp)
