"""The incident register (issue 16): incidents, their texts, the identifier index, signal
decisions, the register's audit log and the sealed index key.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02

Why new tables only: the register adds data next to the existing tables and changes none of
them. Identifying fields arrive sealed (encrypted by the service); see models_incidents.py.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision: str | None = "0005"
branch_labels = None
depends_on = None


def _incident_fk(table: str, nullable: bool = False) -> sa.Column[str]:
    fk = sa.ForeignKey("incidents.id", ondelete="CASCADE",
                       name=f"fk_{table}_incident_id_incidents")
    return sa.Column("incident_id", sa.String(32), fk, nullable=nullable)


def _incidents() -> None:
    op.create_table(
        "incidents",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("owner", sa.String(64), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("channel", sa.String(24), nullable=False),
        sa.Column("forms", sa.JSON(), nullable=False),
        sa.Column("role", sa.String(24), nullable=False),
        sa.Column("status", sa.String(24), nullable=False),
        sa.Column("reported", sa.String(24), nullable=False),
        sa.Column("vpt_code_asked", sa.Boolean(), nullable=True),
        sa.Column("named", sa.Boolean(), nullable=False),
        sa.Column("keep_until", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sealed", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_incidents"),
    )
    op.create_index("ix_incidents_owner", "incidents", ["owner"])
    op.create_index("ix_incidents_keep_until", "incidents", ["keep_until"])


def _texts_and_index() -> None:
    op.create_table(
        "incident_texts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        _incident_fk("incident_texts"),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("sealed", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_incident_texts"),
    )
    op.create_index("ix_incident_texts_incident_id", "incident_texts", ["incident_id"])
    op.create_table(
        "incident_identifiers",
        _incident_fk("incident_identifiers"),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("incident_id", "kind", "digest", name="pk_incident_identifiers"),
    )
    op.create_index("ix_incident_identifiers_digest", "incident_identifiers", ["kind", "digest"])


def _decisions_audit_keys() -> None:
    op.create_table(
        "incident_decisions",
        sa.Column("signal_id", sa.String(64), nullable=False),
        sa.Column("members", sa.JSON(), nullable=False),
        sa.Column("decision", sa.String(24), nullable=False),
        sa.Column("decided_by", sa.String(200), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("signal_id", name="pk_incident_decisions"),
    )
    op.create_table(
        "incident_audit",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        _incident_fk("incident_audit", nullable=True),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("action", sa.String(24), nullable=False),
        sa.Column("detail", sa.String(200), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_incident_audit"),
    )
    op.create_index("ix_incident_audit_incident_id", "incident_audit", ["incident_id"])
    op.create_index("ix_incident_audit_at", "incident_audit", ["at"])
    op.create_table(
        "register_keys",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("sealed", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_register_keys"),
    )


def upgrade() -> None:
    """Create the register's six tables."""
    _incidents()
    _texts_and_index()
    _decisions_audit_keys()


def downgrade() -> None:
    """Undo 0006 (only for development; the app never downgrades)."""
    for table in ("register_keys", "incident_audit", "incident_decisions",
                  "incident_identifiers", "incident_texts", "incidents"):
        op.drop_table(table)
