"""The audit log: one row per change, written in the same transaction as the change."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from aibudget.domain.texts import N_
from aibudget.store.models import AuditRow, aware
from aibudget.store.records import AuditEntry

MAX_ENTRIES = 500


def record(
    session: Session,
    action: str,
    *,
    user_id: str | None,
    workspace_id: str | None = None,
    target: str = "",
    **detail: Any,
) -> None:
    session.add(
        AuditRow(
            action=action,
            user_id=user_id,
            workspace_id=workspace_id,
            target=target,
            detail=detail,
        )
    )


def entries(session: Session, workspace_id: str, limit: int = 100) -> list[AuditEntry]:
    """Newest first. Callers check membership first (see workspaces.require)."""
    rows = session.scalars(
        select(AuditRow)
        .where(AuditRow.workspace_id == workspace_id)
        .order_by(AuditRow.id.desc())
        .limit(min(limit, MAX_ENTRIES))
    )
    return [
        AuditEntry(
            at=aware(r.at), user_id=r.user_id, action=r.action, target=r.target, detail=r.detail
        )
        for r in rows
    ]


# Message ids built at run time in this module, declared for message extraction.
AUDIT_MESSAGES = (
    N_("audit.actuals.corrected"),
    N_("audit.actuals.deleted"),
    N_("audit.actuals.entered"),
    N_("audit.actuals.imported"),
    N_("audit.assessment.saved"),
    N_("audit.catalog.updated"),
    N_("audit.imports.settings"),
    N_("audit.invite.revoked"),
    N_("audit.member.invited"),
    N_("audit.member.joined"),
    N_("audit.member.removed"),
    N_("audit.member.role_changed"),
    N_("audit.plan.created"),
    N_("audit.plan.deleted"),
    N_("audit.plan.renamed"),
    N_("audit.token.created"),
    N_("audit.token.revoked"),
    N_("audit.user.created"),
    N_("audit.user.password_changed"),
    N_("audit.user.signed_in"),
    N_("audit.user.signed_out_everywhere"),
    N_("audit.version.saved"),
    N_("audit.version.status"),
    N_("audit.workspace.created"),
    N_("audit.workspace.renamed"),
)
