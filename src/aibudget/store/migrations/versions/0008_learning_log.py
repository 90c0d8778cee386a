"""team practice: the learning log (the stack and the comparison live in the plan document)

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "learning_log",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("plan_id", sa.String(length=32), nullable=False),
        sa.Column("workspace_id", sa.String(length=32), nullable=False),
        sa.Column("tool", sa.String(length=64), nullable=False),
        sa.Column("who", sa.String(length=100), nullable=False),
        sa.Column("tried", sa.Text(), nullable=False),
        sa.Column("minutes_saved", sa.Integer(), nullable=False),
        sa.Column("tip", sa.Text(), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspaces.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("learning_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_learning_log_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_learning_log_workspace_id"), ["workspace_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("learning_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_learning_log_workspace_id"))
        batch_op.drop_index(batch_op.f("ix_learning_log_plan_id"))

    op.drop_table("learning_log")
