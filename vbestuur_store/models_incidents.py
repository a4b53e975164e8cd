"""The incident register's tables (issue 16, revision 0006).

Why this split between clear and sealed columns: the coordinator's list, the filters, the
figures of step 20 and the retention purge need only the *non-identifying* facts (when, which
channel, which forms, the role, the status, whether a melding or aangifte was made, whether
the person gave their name, until when it is kept); those are in clear. Everything that says
*who* (the perpetrator's name, handles, phones and e-mails, the description, the reporter's
name and contact, the police registration number, later additions and notes) is one sealed
text per row, encrypted by the service (vbestuur_service/incidents/crypto.py) before it gets
here: the store never sees it in clear and cannot decrypt it.

Why an identifier index of keyed hashes: the pattern signal must find "the same handle in two
incidents" without decrypting every incident. Each normalised handle, phone (E.164) and e-mail
is stored as HMAC-SHA256 under the register's index key; without the key a hash cannot be
tested against a guessed handle (unlike a plain hash).

Why the owner is a keyed hash too: the office holder sees their own registrations, so the row
must point to them; the HMAC of their session token links it only to that browser session.

Why everything hangs off `incidents.id` with ON DELETE CASCADE: withdrawal and the retention
purge are one delete that cannot miss an addition, an index row or an incident's audit trail.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from vbestuur_store.models import ACTOR_LEN, Base, UTCDateTime

INCIDENT_ID_LEN = 32
HASH_LEN = 64
CODE_LEN = 24


def _incident_fk(primary: bool = False) -> Mapped[str]:
    return mapped_column(String(INCIDENT_ID_LEN), ForeignKey("incidents.id", ondelete="CASCADE"),
                         primary_key=primary, index=not primary)


class IncidentRow(Base):
    """One registered incident: facts in clear, identities in `sealed`."""

    __tablename__ = "incidents"
    __table_args__ = (Index("ix_incidents_keep_until", "keep_until"),)

    id: Mapped[str] = mapped_column(String(INCIDENT_ID_LEN), primary_key=True)
    owner: Mapped[str] = mapped_column(String(HASH_LEN), index=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime())
    channel: Mapped[str] = mapped_column(String(CODE_LEN))
    forms: Mapped[list[str]] = mapped_column(JSON)
    role: Mapped[str] = mapped_column(String(CODE_LEN))
    status: Mapped[str] = mapped_column(String(CODE_LEN))
    reported: Mapped[str] = mapped_column(String(CODE_LEN))
    vpt_code_asked: Mapped[bool | None] = mapped_column(Boolean)
    named: Mapped[bool] = mapped_column(Boolean)
    keep_until: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    sealed: Mapped[str] = mapped_column(Text)


class IncidentTextRow(Base):
    """A later addition by the office holder (`kind` "addition", author empty) or a note of
    the coordinator (`kind` "note", author the staff name); the text itself is sealed."""

    __tablename__ = "incident_texts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    incident_id: Mapped[str] = _incident_fk()
    kind: Mapped[str] = mapped_column(String(CODE_LEN))
    author: Mapped[str] = mapped_column(String(ACTOR_LEN))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    sealed: Mapped[str] = mapped_column(Text)


class IncidentIdentifierRow(Base):
    """One keyed hash of a normalised perpetrator identifier (`kind` handle/phone/email)."""

    __tablename__ = "incident_identifiers"
    __table_args__ = (Index("ix_incident_identifiers_digest", "kind", "digest"),)

    incident_id: Mapped[str] = _incident_fk(primary=True)
    kind: Mapped[str] = mapped_column(String(CODE_LEN), primary_key=True)
    digest: Mapped[str] = mapped_column(String(HASH_LEN), primary_key=True)


class SignalDecisionRow(Base):
    """The coordinator's decision on one pattern signal: the incidents it covered, confirmed
    or rejected, by whom, when. No FK: a decision covers several incidents; withdrawal and
    purge remove an incident from `members` and drop a decision left with fewer than two."""

    __tablename__ = "incident_decisions"

    signal_id: Mapped[str] = mapped_column(String(HASH_LEN), primary_key=True)
    members: Mapped[list[str]] = mapped_column(JSON)
    decision: Mapped[str] = mapped_column(String(CODE_LEN))
    decided_by: Mapped[str] = mapped_column(String(ACTOR_LEN))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime())


class IncidentAuditRow(Base):
    """Who read or changed what, when. `incident_id` is NULL for events about no single
    incident (a signal decision, a withdrawal, a purge); `detail` is a code or count, never
    text a person typed."""

    __tablename__ = "incident_audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    incident_id: Mapped[str | None] = mapped_column(
        String(INCIDENT_ID_LEN), ForeignKey("incidents.id", ondelete="CASCADE"), index=True)
    actor: Mapped[str] = mapped_column(String(ACTOR_LEN))
    action: Mapped[str] = mapped_column(String(CODE_LEN))
    detail: Mapped[str] = mapped_column(String(ACTOR_LEN))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class RegisterKeyRow(Base):
    """The one row (id 1) holding the index (HMAC) key, sealed under the register key.

    Why stored and not derived from the register key: rotating the register key re-seals this
    row and every sealed text, while the index key, and so every hash, stays the same."""

    __tablename__ = "register_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    sealed: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


SEALED_TABLES: dict[str, Any] = {"incidents": IncidentRow, "incident_texts": IncidentTextRow,
                                 "register_keys": RegisterKeyRow}
