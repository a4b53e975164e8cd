"""The coordinator's use cases: the register, a detail (audited), status, notes, signals,
decisions and figures. Every function first checks the role (context.require_coordinator).

Why identities only for "with my name": an anonymous registration stores no reporter name or
contact at all (records.py), and detail() also blanks them for safety if a row says anonymous.
Why every detail read is audited before it is returned: the audit must show who looked at
whose incident even when the page fails to render it.
"""

from __future__ import annotations

import datetime as dt
import functools

from vbestuur_store import incidents as rows_
from vbestuur_store import incidents_audit as audit_
from vbestuur_store import incidents_signals as signals_
from vbestuur_store.incidents import StoredIncident, StoredText

from ..staff import StaffIdentity
from . import figures as figures_
from . import signals as signals_svc
from .context import Context, InvalidDraft, require_coordinator
from .model import (
    STATUSES,
    Addition,
    Change,
    Figures,
    IncidentDetail,
    IncidentSummary,
    Note,
    PatternSignal,
    Problem,
)
from .pattern import Item
from .records import draft_of, name_of
from .validation import checked_text

MIN_K = 3


def summary(row: StoredIncident) -> IncidentSummary:
    return IncidentSummary(incident_id=row.id, occurred_at=row.occurred_at, channel=row.channel,
                           forms=row.forms, role=row.role, status=row.status, named=row.named)


def listed(ctx: Context, staff: StaffIdentity, status: str | None, form: str | None,
           since: dt.date | None) -> list[IncidentSummary]:
    require_coordinator(staff)
    found = ctx.use(lambda db: rows_.incidents(db, since=since, status=status))
    return [summary(r) for r in found if form is None or form in r.forms]


def detail(ctx: Context, staff: StaffIdentity, incident_id: str) -> IncidentDetail:
    who = require_coordinator(staff)
    row = ctx.use(lambda db: rows_.incident(db, str(incident_id)))
    if row is None:
        raise KeyError(incident_id)
    ctx.use(lambda db: audit_.record(db, row.id, who.name, "read"))
    texts = ctx.use(lambda db: rows_.texts(db, row.id))
    history = ctx.use(lambda db: audit_.events(db, row.id))
    return IncidentDetail(
        summary=summary(row), draft=draft_of(row, ctx.opened(row.sealed)),
        notes=tuple(Note(t.at, t.author, _text(ctx, t)) for t in texts if t.kind == "note"),
        additions=tuple(Addition(t.at, _text(ctx, t)) for t in texts if t.kind == "addition"),
        history=tuple(Change(e.at, e.actor, e.action, e.detail) for e in history))


def _text(ctx: Context, text: StoredText) -> str:
    return str(ctx.opened(text.sealed).get("text", ""))


def add_note(ctx: Context, staff: StaffIdentity, incident_id: str, text: str) -> None:
    who = require_coordinator(staff)
    sealed = ctx.sealer.seal({"text": checked_text("note", text)})
    note = StoredText(str(incident_id), "note", who.name, ctx.now(), sealed)
    if not ctx.use(lambda db: rows_.add_text(db, note, who.name)):
        raise KeyError(incident_id)


def set_status(ctx: Context, staff: StaffIdentity, incident_id: str, status: str,
               note: str) -> None:
    who = require_coordinator(staff)
    if status not in STATUSES:
        raise InvalidDraft([Problem("status", "unknown")])
    if note.strip():
        checked_text("note", note)
    if not ctx.use(lambda db: rows_.set_status(db, str(incident_id), status, who.name)):
        raise KeyError(incident_id)
    if note.strip():
        add_note(ctx, staff, incident_id, note)


def signals(ctx: Context, staff: StaffIdentity) -> list[PatternSignal]:
    require_coordinator(staff)
    stored = {r.id: r for r in ctx.use(rows_.incidents)}
    keys: dict[str, set[tuple[str, str]]] = {i: set() for i in stored}
    for incident_id, kind, digest in ctx.use(signals_.identifiers):
        keys.setdefault(incident_id, set()).add((kind, digest))
    items = [Item(i, frozenset(keys[i]), name_of(ctx.opened(r.sealed)))
             for i, r in stored.items()]
    return signals_svc.signals(items, stored, ctx.use(signals_.decisions))


def decide(ctx: Context, staff: StaffIdentity, signal_id: str, confirmed: bool) -> None:
    who = require_coordinator(staff)
    found = {s.signal_id: s for s in signals(ctx, staff)}.get(str(signal_id))
    if found is None:
        raise KeyError(signal_id)
    decision = "confirmed" if confirmed else "rejected"
    ctx.use(lambda db: signals_.decide(db, found.signal_id, found.incident_ids, decision,
                                       who.name))


def figures(ctx: Context, staff: StaffIdentity, k: int) -> Figures:
    require_coordinator(staff)
    if k < MIN_K:
        raise ValueError(f"k must be at least {MIN_K}")
    return figures_.figures(ctx.use(rows_.incidents), k)


def record_export(ctx: Context, staff: StaffIdentity, incident_ids: list[str]) -> None:
    who = require_coordinator(staff)
    known = {r.id for r in ctx.use(rows_.incidents)}
    for incident_id in dict.fromkeys(str(i) for i in incident_ids if str(i) in known):
        ctx.use(functools.partial(audit_.record, incident_id=incident_id, actor=who.name,
                                  action="exported"))
