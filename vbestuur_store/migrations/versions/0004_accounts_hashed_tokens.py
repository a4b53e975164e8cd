"""Staff accounts, per-key attempt limits, and session tokens stored only as hashes (issue 12).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

Why the token rewrite works this way: every personal table references `sessions.token` with a
foreign key, so the key cannot simply be updated in place on PostgreSQL. Instead each session
gets a new row under the token's SHA-256, the child rows are moved to it, and the old row is
deleted — the same statements on both backends, in the one migration transaction. Existing
bewaarcodes cannot be kept: a resume must hand over the token itself, which is now sealed under
the code (token_box.py), and the code is not known here. They are deleted (people make a new
code on their own device); the number is logged.
"""

from __future__ import annotations

import hashlib
import logging

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision: str | None = "0003"
branch_labels = None
depends_on = None

LOG = logging.getLogger("vbestuur_store.migrate")
CHILDREN = ("answers", "documents", "readiness", "bewaarcodes")


def _sha(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def _hash_session_tokens() -> int:
    """Re-key every session whose token is not yet a hash; return how many."""
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT token, created_at, last_seen FROM sessions")).all()
    moved = 0
    for token, created_at, last_seen in rows:
        if len(token) == 64:  # already a SHA-256 hex digest (raw tokens are 43 characters)
            continue
        new = _sha(token)
        conn.execute(sa.text("INSERT INTO sessions (token, created_at, last_seen) "
                             "VALUES (:n, :c, :l)"), {"n": new, "c": created_at, "l": last_seen})
        for table in CHILDREN:
            conn.execute(sa.text(f"UPDATE {table} SET token = :n WHERE token = :o"),
                         {"n": new, "o": token})
        conn.execute(sa.text("DELETE FROM sessions WHERE token = :o"), {"o": token})
        moved += 1
    return moved


def _account_tables() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("roles", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("name", name="uq_users_name"),
    )
    op.create_table(
        "attempt_limits",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("last_at", sa.DateTime(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_attempt_limits"),
    )
    op.create_index("ix_attempt_limits_expires_at", "attempt_limits", ["expires_at"])
    op.create_table(
        "trusted_signins",
        sa.Column("account", sa.String(64), nullable=False),
        sa.Column("session", sa.String(64), nullable=False),
        sa.Column("last_ok", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("account", "session", name="pk_trusted_signins"),
    )
    op.create_index("ix_trusted_signins_last_ok", "trusted_signins", ["last_ok"])


def upgrade() -> None:
    """Add the account tables, the sealed token column, and hash the stored tokens."""
    _account_tables()
    with op.batch_alter_table("bewaarcodes") as batch:
        batch.add_column(sa.Column("token_box", sa.String(128), nullable=True))
    dropped = op.get_bind().execute(sa.text("DELETE FROM bewaarcodes")).rowcount
    moved = _hash_session_tokens()
    LOG.info("migration 0004: %d session tokens replaced by their hash, %d bewaarcodes "
             "withdrawn", moved, dropped)


def downgrade() -> None:
    """Undo the tables (development only; hashed tokens cannot be turned back)."""
    with op.batch_alter_table("bewaarcodes") as batch:
        batch.drop_column("token_box")
    op.drop_index("ix_trusted_signins_last_ok", table_name="trusted_signins")
    op.drop_table("trusted_signins")
    op.drop_index("ix_attempt_limits_expires_at", table_name="attempt_limits")
    op.drop_table("attempt_limits")
    op.drop_table("users")
