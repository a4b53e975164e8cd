"""A draft as it is stored: the clear facts, the sealed part and the identifier hashes.

Why this one place: what goes in clear and what is sealed is the privacy design
(docs/privacy.md); keeping the split in one module makes it reviewable in one read. Anonymous
registrations never store the reporter's name or contact at all (not even sealed): the
minimum, and nothing a key could ever reveal.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from vbestuur_store.incidents import StoredIncident

from .crypto import Blind
from .model import IncidentDraft, Perpetrator
from .pattern import comparable_name, normalise_email, normalise_handle, normalise_phone


def stored_draft(draft: IncidentDraft) -> IncidentDraft:
    """The draft as it will be kept: trimmed, identifiers without blanks, and for an
    anonymous registration without reporter name and contact."""
    p = draft.perpetrator
    perpetrator = Perpetrator(name=p.name.strip(), description=p.description.strip(),
                              handles=_kept(p.handles), phones=_kept(p.phones),
                              emails=_kept(p.emails))
    return IncidentDraft(
        occurred_at=draft.occurred_at.astimezone(dt.UTC), channel=draft.channel,
        forms=draft.forms, named=draft.named, perpetrator=perpetrator,
        platform=draft.platform.strip() if draft.channel == "online" else "",
        description=draft.description.strip(), reported=draft.reported,
        police_number=draft.police_number.strip() if draft.reported != "none" else "",
        vpt_code_asked=draft.vpt_code_asked if draft.reported != "none" else None,
        reporter_name=draft.reporter_name.strip() if draft.named else "",
        reporter_contact=draft.reporter_contact.strip() if draft.named else "",
        role=draft.role)


def _kept(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v.strip() for v in values if v.strip()))


def sealed_part(draft: IncidentDraft) -> dict[str, Any]:
    """Everything that identifies someone, for the sealer."""
    p = draft.perpetrator
    return {"p": {"name": p.name, "handles": list(p.handles), "phones": list(p.phones),
                  "emails": list(p.emails), "description": p.description},
            "platform": draft.platform, "description": draft.description,
            "police_number": draft.police_number, "reporter_name": draft.reporter_name,
            "reporter_contact": draft.reporter_contact}


def identifier_hashes(draft: IncidentDraft, blind: Blind) -> list[tuple[str, str]]:
    """(kind, keyed hash) of every normalised handle, phone and e-mail."""
    p = draft.perpetrator
    found = [("handle", normalise_handle(h)) for h in p.handles]
    found += [("phone", normalise_phone(n)) for n in p.phones]
    found += [("email", normalise_email(e)) for e in p.emails]
    return [(kind, blind.digest(kind, value)) for kind, value in found if value]


def draft_of(row: StoredIncident, sealed: dict[str, Any]) -> IncidentDraft:
    """The draft back from a row and its opened sealed part."""
    p = sealed.get("p", {})
    perpetrator = Perpetrator(name=p.get("name", ""), handles=tuple(p.get("handles", ())),
                              phones=tuple(p.get("phones", ())),
                              emails=tuple(p.get("emails", ())),
                              description=p.get("description", ""))
    return IncidentDraft(occurred_at=row.occurred_at, channel=row.channel, forms=row.forms,
                         named=row.named, perpetrator=perpetrator,
                         platform=sealed.get("platform", ""),
                         description=sealed.get("description", ""), reported=row.reported,
                         police_number=sealed.get("police_number", ""),
                         vpt_code_asked=row.vpt_code_asked,
                         reporter_name=sealed.get("reporter_name", "") if row.named else "",
                         reporter_contact=sealed.get("reporter_contact", "") if row.named else "",
                         role=row.role)


def name_of(sealed: dict[str, Any]) -> str:
    """The perpetrator's name in the form the fuzzy match compares ("" if too weak)."""
    return comparable_name(str(sealed.get("p", {}).get("name", "")))
