"""Initial schema: sessions, answers, bewaarcodes, profile, organisation items, audit, PIN.

Revision ID: 0001
Revises:
Create Date: 2026-11-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels = None
depends_on = None


def _token_fk(table: str) -> sa.Column[str]:
    fk = sa.ForeignKey("sessions.token", ondelete="CASCADE", name=f"fk_{table}_token_sessions")
    return sa.Column("token", sa.String(64), fk, nullable=False)


def upgrade() -> None:
    """Create the tables of the first release."""
    op.create_table(
        "sessions",
        sa.Column("token", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("token", name="pk_sessions"),
    )
    op.create_index("ix_sessions_last_seen", "sessions", ["last_seen"])
    op.create_table(
        "answers",
        _token_fk("answers"),
        sa.Column("flow_id", sa.String(64), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("token", "flow_id", name="pk_answers"),
    )
    op.create_table(
        "bewaarcodes",
        _token_fk("bewaarcodes"),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("token", name="pk_bewaarcodes"),
        sa.UniqueConstraint("code_hash", name="uq_bewaarcodes_code_hash"),
    )
    _municipality_tables()


def _municipality_tables() -> None:
    op.create_table(
        "profile_values",
        sa.Column("term_id", sa.String(64), nullable=False),
        sa.Column("nl", sa.Text(), nullable=False),
        sa.Column("en", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.String(200), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("term_id", name="pk_profile_values"),
    )
    op.create_table(
        "org_items",
        sa.Column("step_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("owner", sa.String(200), nullable=True),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.String(200), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("step_id", name="pk_org_items"),
    )
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("area", sa.String(16), nullable=False),
        sa.Column("item", sa.String(64), nullable=False),
        sa.Column("field", sa.String(32), nullable=False),
        sa.Column("old", sa.Text(), nullable=True),
        sa.Column("new", sa.Text(), nullable=True),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit"),
    )
    op.create_index("ix_audit_area_item", "audit", ["area", "item", "id"])
    _auth_table()


def _auth_table() -> None:
    op.create_table(
        "auth_state",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("pin_hash", sa.String(128), nullable=True),
        sa.Column("pin_salt", sa.String(64), nullable=True),
        sa.Column("kdf", sa.String(64), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_auth_state"),
    )


def downgrade() -> None:
    """Drop everything (only for development; the app never downgrades)."""
    for table in ("auth_state", "audit", "org_items", "profile_values", "bewaarcodes",
                  "answers", "sessions"):
        op.drop_table(table)
