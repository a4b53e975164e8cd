"""Delete personal data that nobody has used for the retention period (default 90 days).

Why by `last_seen` of the session: every save, every page load (through the cookie middleware's
`ensure_session`) and every resume touches it, so a session is "unused" exactly when the person
has not come back. Deleting the session row removes its answers, documents, readiness history
and bewaarcode by ON DELETE CASCADE; the explicit child deletes make that independent of the
backend's foreign-key enforcement. Expired rows are locked first (PostgreSQL), so a person who
comes back during a purge either keeps everything or loses everything. Municipality data
(profile, organisation view) is kept.

The same purge drops expired attempt-limiter rows and sign-in trust older than the retention
period, scrubs the SQLite files (no deleted row left in a journal, F14) and logs one line.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import delete, select

from vbestuur_store import limiter
from vbestuur_store.db import Db
from vbestuur_store.models import AnswerRow, BewaarcodeRow, DocumentRow, ReadinessRow, SessionRow
from vbestuur_store.models_accounts import TrustedSigninRow

LOG = logging.getLogger("vbestuur_store.retention")

BATCH = 500


def cutoff(now: datetime, retention_days: int) -> datetime:
    """Sessions last seen before this moment are expired."""
    return now - timedelta(days=retention_days)


def _purge_batch(db: Db, before: datetime) -> int:
    """Delete up to BATCH expired sessions in one short transaction; return how many."""
    with db.write() as session:
        expired = (select(SessionRow.token).where(SessionRow.last_seen < before).limit(BATCH)
                   .with_for_update(skip_locked=True))
        tokens = list(session.scalars(expired))
        if not tokens:
            return 0
        for model in (AnswerRow, DocumentRow, ReadinessRow, BewaarcodeRow):
            session.execute(delete(model).where(model.token.in_(tokens)))
        session.execute(delete(SessionRow).where(SessionRow.token.in_(tokens),
                                                 SessionRow.last_seen < before))
        return len(tokens)


def purge_expired(db: Db, retention_days: int, now: datetime | None = None) -> int:
    """Delete every session unused for `retention_days`, with all its data; return the count.

    Works in batches so a big purge never holds the write lock for long.
    """
    now = now or db.now()
    before = cutoff(now, retention_days)
    total = 0
    while True:
        deleted = _purge_batch(db, before)
        total += deleted
        if deleted < BATCH:
            break
    limits = limiter.purge(db, now)
    with db.write() as session:
        trusted_rows = session.execute(delete(TrustedSigninRow)
                                  .where(TrustedSigninRow.last_ok < before))
        trusted = int(trusted_rows.rowcount)  # type: ignore[attr-defined]
    db.scrub()
    LOG.info("retention purge: %d sessions unused for %d days deleted, %d attempt records and "
             "%d sign-in trusts expired", total, retention_days, limits, trusted)
    return total
