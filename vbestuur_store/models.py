"""The tables, as typed SQLAlchemy 2 ORM classes.

Why these tables: everything personal hangs off `sessions.token` with ON DELETE CASCADE, so
"vergeet mij" and the retention purge are one delete of a session row and cannot forget a table
added later (a test checks every table with a token column). The municipality's own data
(profile, organisation checklist, PIN) is not personal and is never purged.

The schema is owned by the Alembic migrations in `migrations/versions`; these classes must match
the head revision (a test compares them on both backends).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, Integer, MetaData, String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

TOKEN_LEN = 64
ID_LEN = 64
ACTOR_LEN = 200


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored as naive UTC and returned timezone-aware.

    Why: SQLite has no time zones and PostgreSQL's `timestamp` drops them; storing UTC everywhere
    and refusing naive input keeps retention arithmetic right on both backends.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    """Declarative base with a naming convention, so migrations can name constraints."""

    metadata = MetaData(naming_convention=NAMING)


def _token_fk() -> Mapped[str]:
    return mapped_column(String(TOKEN_LEN), ForeignKey("sessions.token", ondelete="CASCADE"),
                         primary_key=True)


class SessionRow(Base):
    """One person's anonymous session: the SHA-256 of its cookie token (never the token, F17)
    and when it was last used. The column keeps its old name `token`; it holds the hash."""

    __tablename__ = "sessions"

    token: Mapped[str] = mapped_column(String(TOKEN_LEN), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_seen: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class AnswerRow(Base):
    """The answers of one flow for one session, as a JSON object."""

    __tablename__ = "answers"

    token: Mapped[str] = _token_fk()
    flow_id: Mapped[str] = mapped_column(String(ID_LEN), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class BewaarcodeRow(Base):
    """The hash of the one current bewaarcode of a session (the code itself is never stored),
    and the session token sealed under the code (token_box.py)."""

    __tablename__ = "bewaarcodes"

    token: Mapped[str] = _token_fk()
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    token_box: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ReadinessRow(Base):
    """One dated result of a readiness check (score per phase), kept only on the token."""

    __tablename__ = "readiness"
    __table_args__ = (Index("ix_readiness_token_flow", "token", "flow_id", "taken_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    token: Mapped[str] = mapped_column(String(TOKEN_LEN),
                                       ForeignKey("sessions.token", ondelete="CASCADE"))
    flow_id: Mapped[str] = mapped_column(String(ID_LEN))
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime())
    scores: Mapped[dict[str, float]] = mapped_column(JSON)


class DocumentRow(Base):
    """A per-session JSON document of some kind (e.g. the netwerklijst)."""

    __tablename__ = "documents"

    token: Mapped[str] = _token_fk()
    kind: Mapped[str] = mapped_column(String(ID_LEN), primary_key=True)
    data: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ProfileValueRow(Base):
    """The municipality's own value for one open term, with who set it when."""

    __tablename__ = "profile_values"

    term_id: Mapped[str] = mapped_column(String(ID_LEN), primary_key=True)
    nl: Mapped[str] = mapped_column(Text)
    en: Mapped[str] = mapped_column(Text)
    updated_by: Mapped[str] = mapped_column(String(ACTOR_LEN))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class OrgItemRow(Base):
    """The organisation's state of one guideline step, edited by the griffie."""

    __tablename__ = "org_items"

    step_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    status: Mapped[str] = mapped_column(String(16))
    owner: Mapped[str | None] = mapped_column(String(ACTOR_LEN))
    due: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text)
    updated_by: Mapped[str] = mapped_column(String(ACTOR_LEN))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer, server_default="0")


class AuditRow(Base):
    """Who changed which field of which item, when, from what to what."""

    __tablename__ = "audit"
    __table_args__ = (Index("ix_audit_area_item", "area", "item", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    area: Mapped[str] = mapped_column(String(16))
    item: Mapped[str] = mapped_column(String(ID_LEN))
    field: Mapped[str] = mapped_column(String(32))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(ACTOR_LEN))
    at: Mapped[datetime] = mapped_column(UTCDateTime())


class AuthStateRow(Base):
    """The single row (id 1) holding the griffie PIN hash and the wrong-attempt backoff."""

    __tablename__ = "auth_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    pin_hash: Mapped[str | None] = mapped_column(String(128))
    pin_salt: Mapped[str | None] = mapped_column(String(64))
    kdf: Mapped[str | None] = mapped_column(String(64))
    failures: Mapped[int] = mapped_column(Integer)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())


PERSONAL_TABLES = ("sessions", "answers", "bewaarcodes", "readiness", "documents")
