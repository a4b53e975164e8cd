"""The incident register's facade: the one door the web layer uses (issue 16).

Two kinds of caller and nothing in between:
- the office holder, known only by `owner`, an opaque string from the web layer (the
  visitor's session token); the store keeps a keyed hash of it. They register, see and add
  to their own registrations and withdraw them (withdrawal deletes);
- the coordinator, a signed-in StaffIdentity with the role "coordinator"; anyone else gets
  PermissionError (coordinator.py).
Errors: RegisterUnavailable from `open` (no key, a key that opens nothing, no database);
InvalidDraft (a ValueError with `problems`) for what cannot be stored; KeyError for an
unknown incident or someone else's; storage failures later as the runtime's StoreError.
"""

from __future__ import annotations

import builtins
import datetime as dt
import threading
import time

from vbestuur_store import StoreError
from vbestuur_store import incidents as rows_
from vbestuur_store.incidents import StoredIncident, StoredText
from vbestuur_store.incidents_audit import keep_index_key, purge_events, sealed_index_key

from ..runtime import Runtime
from ..staff import StaffIdentity
from . import coordinator
from .context import Context, InvalidDraft, RegisterUnavailable
from .crypto import KeyProblem, sealer
from .model import (
    Figures,
    IncidentDetail,
    IncidentDraft,
    IncidentSummary,
    OwnIncident,
    PatternSignal,
    Problem,
    Receipt,
)
from .records import identifier_hashes, sealed_part, stored_draft
from .validation import checked_text, keep_until, validate

__all__ = ["IncidentRegister", "InvalidDraft", "RegisterUnavailable"]
PURGE_EVERY = 3600.0  # seconds: how often opening the register also purges what expired
_LAST_PURGE: dict[int, float] = {}
_PURGE_LOCK = threading.Lock()


def _context(runtime: Runtime) -> Context:
    seal = sealer(runtime.settings)
    stored = runtime.use(lambda s: sealed_index_key(s.db))
    if stored is None:
        fresh = seal.new_index_key()
        stored = runtime.use(lambda s: keep_index_key(s.db, fresh))
    return Context(runtime, seal, seal.blind(stored), runtime.settings.register_years)


def _due_for_purge(runtime: Runtime) -> bool:
    """Whether this process last purged the register more than PURGE_EVERY ago.

    Why on open: retention must hold even where nobody runs the `purge` command from cron;
    the register is opened on every use, and the purge is one indexed query when nothing
    has expired."""
    now = time.monotonic()
    with _PURGE_LOCK:
        if now - _LAST_PURGE.get(id(runtime), -PURGE_EVERY) < PURGE_EVERY:
            return False
        _LAST_PURGE[id(runtime)] = now
        return True


class IncidentRegister:
    """Registering (office holder, by an opaque `owner`) and reading (coordinator)."""

    def __init__(self, context: Context) -> None:
        self._ctx = context

    @classmethod
    def open(cls, runtime: Runtime, *, purge: bool = True) -> IncidentRegister:
        """The register of this runtime's database; RegisterUnavailable when it cannot be.
        Also purges what expired, at most hourly (`purge=False`: not now)."""
        try:
            register = cls(_context(runtime))
            if purge and _due_for_purge(runtime):
                register.purge_expired(register._ctx.now())
            return register
        except KeyProblem as err:
            raise RegisterUnavailable(err.code) from None
        except StoreError:
            raise RegisterUnavailable("database") from None

    @property
    def years(self) -> int:
        """How many years an incident is kept (VBESTUUR_REGISTER_YEARS)."""
        return self._ctx.years

    # the office holder
    def validate(self, draft: IncidentDraft) -> list[Problem]:
        return validate(draft, self._ctx.now(), self._ctx.years)

    def register(self, owner: str, draft: IncidentDraft) -> Receipt:
        """Store the draft (InvalidDraft if it has problems) and say what was recorded."""
        problems = self.validate(draft)
        if problems:
            raise InvalidDraft(problems)
        kept, ctx = stored_draft(draft), self._ctx
        row = StoredIncident(
            id=rows_.new_incident_id(), owner=ctx.owner_hash(owner), occurred_at=kept.occurred_at,
            channel=kept.channel, forms=kept.forms, role=kept.role, status="open",
            reported=kept.reported, vpt_code_asked=kept.vpt_code_asked, named=kept.named,
            keep_until=keep_until(kept.occurred_at, ctx.years), created_at=ctx.now(),
            sealed=ctx.sealer.seal(sealed_part(kept)))
        hashes = identifier_hashes(kept, ctx.blind)
        ctx.use(lambda db: rows_.insert_incident(db, row, hashes))
        return Receipt(incident_id=row.id, draft=kept, keep_until=row.keep_until,
                       named=kept.named)

    def mine(self, owner: str) -> list[OwnIncident]:
        """The owner's registrations, newest first, with their additions."""
        owner_hash = self._ctx.owner_hash(owner)  # outside `use`: PermissionError is an OSError
        owned = self._ctx.use(lambda db: rows_.owned(db, owner_hash))
        return [OwnIncident(r.id, r.occurred_at, r.channel, r.forms, r.status,
                            self._additions(r.id)) for r in owned]

    def _additions(self, incident_id: str) -> tuple[str, ...]:
        texts = self._ctx.use(lambda db: rows_.texts(db, incident_id))
        return tuple(str(self._ctx.opened(t.sealed).get("text", ""))
                     for t in texts if t.kind == "addition")

    def add_to(self, owner: str, incident_id: str, text: str) -> None:
        """Add to one's own registration later (step 18: impact shows later)."""
        row = self._ctx.own(owner, incident_id)
        sealed = self._ctx.sealer.seal({"text": checked_text("text", text)})
        addition = StoredText(row.id, "addition", "", self._ctx.now(), sealed)
        self._ctx.use(lambda db: rows_.add_text(db, addition, "owner"))

    def withdraw(self, owner: str, incident_id: str) -> None:
        """Delete one's own registration with everything that hangs off it."""
        row = self._ctx.own(owner, incident_id)
        self._ctx.use(lambda db: rows_.delete_incidents(db, [row.id], "owner", "withdrawn"))

    def forget(self, owner: str) -> int:
        """Withdraw all of the owner's registrations (for "vergeet mij"); how many."""
        ids = [i.incident_id for i in self.mine(owner)]
        return self._ctx.use(lambda db: rows_.delete_incidents(db, ids, "owner", "withdrawn"))

    # the coordinator
    def list(self, staff: StaffIdentity, status: str | None = None, form: str | None = None,
             since: dt.date | None = None) -> builtins.list[IncidentSummary]:
        return coordinator.listed(self._ctx, staff, status, form, since)

    def detail(self, staff: StaffIdentity, incident_id: str) -> IncidentDetail:
        return coordinator.detail(self._ctx, staff, incident_id)

    def set_status(self, staff: StaffIdentity, incident_id: str, status: str,
                   note: str = "") -> None:
        coordinator.set_status(self._ctx, staff, incident_id, status, note)

    def add_note(self, staff: StaffIdentity, incident_id: str, text: str) -> None:
        coordinator.add_note(self._ctx, staff, incident_id, text)

    def signals(self, staff: StaffIdentity) -> builtins.list[PatternSignal]:
        return coordinator.signals(self._ctx, staff)

    def decide(self, staff: StaffIdentity, signal_id: str, confirmed: bool) -> None:
        coordinator.decide(self._ctx, staff, signal_id, confirmed)

    def figures(self, staff: StaffIdentity, k: int = 5) -> Figures:
        return coordinator.figures(self._ctx, staff, k)

    def record_export(self, staff: StaffIdentity, incident_ids: builtins.list[str]) -> None:
        """Audit that these incidents were exported (the web layer calls it per export)."""
        coordinator.record_export(self._ctx, staff, incident_ids)

    # retention
    def purge_expired(self, now: dt.datetime) -> int:
        """Delete incidents past their keep-until date, and register audit events older than
        the retention period; the number of incidents deleted."""
        ctx = self._ctx
        ids = ctx.use(lambda db: rows_.expired(db, now.astimezone(dt.UTC).date()))
        count = ctx.use(lambda db: rows_.delete_incidents(db, ids, "system", "purged"))
        cutoff = now - dt.timedelta(days=366 * ctx.years)
        ctx.use(lambda db: purge_events(db, cutoff))
        return count
