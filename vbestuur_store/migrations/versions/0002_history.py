"""Readiness history, per-session documents (netwerklijst) and optimistic locking of org items.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-01

Why a second revision already: it proves the upgrade path on real data (a test builds a database
at 0001, fills it, and upgrades), and adding `org_items.version` to an existing table exercises
the ALTER path that SQLite needs batch mode for.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add readiness and documents; give existing org items version 0."""
    op.create_table(
        "readiness",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("token", sa.String(64), sa.ForeignKey("sessions.token", ondelete="CASCADE",
                                                        name="fk_readiness_token_sessions"),
                  nullable=False),
        sa.Column("flow_id", sa.String(64), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("scores", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_readiness"),
    )
    op.create_index("ix_readiness_token_flow", "readiness", ["token", "flow_id", "taken_at"])
    op.create_table(
        "documents",
        sa.Column("token", sa.String(64), sa.ForeignKey("sessions.token", ondelete="CASCADE",
                                                        name="fk_documents_token_sessions"),
                  nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("token", "kind", name="pk_documents"),
    )
    with op.batch_alter_table("org_items") as batch:
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    """Undo 0002 (only for development; the app never downgrades)."""
    with op.batch_alter_table("org_items") as batch:
        batch.drop_column("version")
    op.drop_table("documents")
    op.drop_index("ix_readiness_token_flow", table_name="readiness")
    op.drop_table("readiness")
