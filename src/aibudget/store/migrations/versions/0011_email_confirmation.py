"""e-mail confirmation of new accounts: when each account's address was confirmed, and
the links that confirm it; accounts made before this revision count as confirmed

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

STAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("confirmed_at", STAMP, nullable=True))
    # Existing accounts signed in before confirmation existed: they stay usable.
    op.execute("UPDATE users SET confirmed_at = created_at")
    op.create_table(
        "email_confirmations",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("next_path", sa.String(length=500), nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("expires_at", STAMP, nullable=False),
        sa.Column("used_at", STAMP, nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    with op.batch_alter_table("email_confirmations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_email_confirmations_user_id"), ["user_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("email_confirmations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_email_confirmations_user_id"))
    op.drop_table("email_confirmations")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("confirmed_at")
