"""ORM tables of step 5: a plan's actuals, staged imports and remembered import settings.

Kept apart from :mod:`aibudget.store.models` (same ``Base``, same migrations: 0005).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from aibudget.store.models import Base, Id, Stamp, new_id, utcnow


class PlanActualsRow(Base):
    """All actuals of one plan (an ``aibudget.domain.actuals.Actuals`` document)."""

    __tablename__ = "plan_actuals"
    plan_id: Mapped[str] = mapped_column(
        ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True
    )
    workspace_id: Mapped[str] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    document: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)
    updated_by: Mapped[str] = mapped_column(ForeignKey("users.id"))


class ActualImportRow(Base):
    """One previewed file: its records wait here until the user confirms (or previews again)."""

    __tablename__ = "actual_imports"
    id: Mapped[str] = mapped_column(Id, primary_key=True, default=new_id)
    plan_id: Mapped[str] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)
    file_name: Mapped[str] = mapped_column(String(300))
    file_digest: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(50))
    summary: Mapped[dict[str, Any]] = mapped_column(JSON)
    records: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    confirmed_at: Mapped[datetime | None] = mapped_column(Stamp)


class ImportSettingRow(Base):
    """The column mapping and encoding last used for a source in a workspace."""

    __tablename__ = "import_settings"
    workspace_id: Mapped[str] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), primary_key=True
    )
    source: Mapped[str] = mapped_column(String(50), primary_key=True)
    mapping: Mapped[dict[str, str]] = mapped_column(JSON)
    encoding: Mapped[str | None] = mapped_column(String(40))
    updated_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)
