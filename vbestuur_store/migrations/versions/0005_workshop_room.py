"""The workshop in a real room (issue 13): a maximum of participants, and revealed figures.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01

Why only additions: `workshops.max_participants` is nullable (no maximum, as before) and
`workshop_reveals` is a new table that cascades from its workshop like the votes. Participant
rows now hash (room code, device token) instead of a token per join; rows made before this
revision simply stop matching, so a participant in a workshop running during the upgrade joins
again (his old answers stay counted until the workshop ends or is deleted).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision: str | None = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the maximum and the table of revealed figures."""
    with op.batch_alter_table("workshops") as batch:
        batch.add_column(sa.Column("max_participants", sa.Integer(), nullable=True))
    fk = sa.ForeignKey("workshops.id", ondelete="CASCADE",
                       name="fk_workshop_reveals_workshop_id_workshops")
    op.create_table(
        "workshop_reveals",
        sa.Column("workshop_id", sa.Integer(), fk, nullable=False),
        sa.Column("step_id", sa.Integer(), nullable=False),
        sa.Column("results", sa.JSON(), nullable=False),
        sa.Column("revealed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("workshop_id", "step_id", name="pk_workshop_reveals"),
    )


def downgrade() -> None:
    """Undo 0005 (only for development; the app never downgrades)."""
    op.drop_table("workshop_reveals")
    with op.batch_alter_table("workshops") as batch:
        batch.drop_column("max_participants")
