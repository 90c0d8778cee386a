"""ORM table of the team learning log (migration 0008); same ``Base`` as
:mod:`aibudget.store.models`."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from aibudget.store.models import Base, Id, Stamp, new_id, utcnow


class LearningEntryRow(Base):
    """One entry of a plan's learning log: who tried what with a tool, minutes saved, a tip."""

    __tablename__ = "learning_log"
    id: Mapped[str] = mapped_column(Id, primary_key=True, default=new_id)
    plan_id: Mapped[str] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    workspace_id: Mapped[str] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    tool: Mapped[str] = mapped_column(String(64))
    who: Mapped[str] = mapped_column(String(100))
    tried: Mapped[str] = mapped_column(Text)
    minutes_saved: Mapped[int] = mapped_column(Integer, default=0)
    tip: Mapped[str] = mapped_column(Text, default="")
    on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(Stamp, default=utcnow)
    created_by: Mapped[str] = mapped_column(ForeignKey("users.id"))
