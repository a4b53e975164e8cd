"""Workshop mode (issue 6): workshops, their anonymous participants and their votes.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-02

Why new tables only: workshop mode adds data next to the existing tables and changes none of
them, so an upgrade of a running installation cannot touch anyone's answers. Participants and
votes cascade from their workshop (see models_workshop.py for why).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None


def _workshop_fk(table: str) -> sa.Column[int]:
    fk = sa.ForeignKey("workshops.id", ondelete="CASCADE",
                       name=f"fk_{table}_workshop_id_workshops")
    return sa.Column("workshop_id", sa.Integer(), fk, nullable=False)


def upgrade() -> None:
    """Create the three workshop tables."""
    op.create_table(
        "workshops",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("room_code", sa.String(6), nullable=False),
        sa.Column("pin_hash", sa.String(128), nullable=False),
        sa.Column("pin_salt", sa.String(64), nullable=False),
        sa.Column("kdf", sa.String(64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("steps", sa.JSON(), nullable=False),
        sa.Column("k", sa.Integer(), nullable=False),
        sa.Column("current_step", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_workshops"),
        sa.UniqueConstraint("room_code", name="uq_workshops_room_code"),
        sa.CheckConstraint("k >= 3", name="ck_workshops_k_min"),
    )
    op.create_index("ix_workshops_expires_at", "workshops", ["expires_at"])
    op.create_table(
        "workshop_participants",
        _workshop_fk("workshop_participants"),
        sa.Column("participant", sa.String(64), nullable=False),
        sa.Column("joined_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("workshop_id", "participant", name="pk_workshop_participants"),
    )
    op.create_table(
        "workshop_votes",
        _workshop_fk("workshop_votes"),
        sa.Column("participant", sa.String(64), nullable=False),
        sa.Column("step_id", sa.Integer(), nullable=False),
        sa.Column("question", sa.String(16), nullable=False),
        sa.Column("answer", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("workshop_id", "participant", "step_id", "question",
                                name="pk_workshop_votes"),
    )


def downgrade() -> None:
    """Undo 0003 (only for development; the app never downgrades)."""
    op.drop_table("workshop_votes")
    op.drop_table("workshop_participants")
    op.drop_index("ix_workshops_expires_at", table_name="workshops")
    op.drop_table("workshops")
