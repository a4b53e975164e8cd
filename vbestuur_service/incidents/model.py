"""The incident register's typed values (issue 16): what the web layer sends and receives.

Why typed values and never sentences: the web layer words everything in the visitor's language
(gettext); the service only says *what* (a field, a code, a count). Why frozen dataclasses: a
value handed to a page cannot be changed behind the service's back, and none of them carries
Streamlit or the store.

Why these option lists: the forms of behaviour are the option values of the `wat` question of
flows/incident.yaml (the guideline's forms, doxing included), so a registration pre-filled from
an incident result needs no translation table. The channel never holds the person's address.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Final, Literal

CHANNELS: Final = ("online", "in_person", "phone", "mail", "home")
FORMS: Final = ("uitschelden", "bedreiging", "bedreiging-familie", "stalken", "fysiek",
                "doxing", "anders")
REPORTED: Final = ("none", "melding", "aangifte")
STATUSES: Final = ("open", "in_behandeling", "afgesloten")
ROLES: Final = ("burgemeester", "wethouder", "raadslid")
MATCH_KINDS: Final = ("handle", "phone", "email", "name")
Decision = Literal["open", "confirmed", "rejected"]


@dataclass(frozen=True)
class Perpetrator:
    """What the office holder knows of the perpetrator; every field optional."""

    name: str = ""
    handles: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    description: str = ""

    @property
    def known(self) -> bool:
        """True if anything at all is known (else: "unknown")."""
        return bool(self.name.strip() or self.handles or self.phones or self.emails
                    or self.description.strip())


@dataclass(frozen=True)
class IncidentDraft:
    """One registration as the office holder fills it in.

    `occurred_at` is aware (UTC). `named` is the person's choice: True "with my name" (the
    coordinator may contact them), False anonymous (counted, never traceable to them).
    `vpt_code_asked` is None when not answered (or no melding/aangifte was made).
    """

    occurred_at: dt.datetime
    channel: str
    forms: tuple[str, ...]
    named: bool
    perpetrator: Perpetrator = field(default_factory=Perpetrator)
    platform: str = ""
    description: str = ""
    reported: str = "none"
    police_number: str = ""
    vpt_code_asked: bool | None = None
    reporter_name: str = ""
    reporter_contact: str = ""
    role: str = ""


@dataclass(frozen=True)
class Problem:
    """One validation problem: the field's name (as in IncidentDraft, perpetrator fields as
    "perpetrator.name" / "perpetrator.handles[0]") and a code ("required", "unknown",
    "too-long", "future", "naive-time", "too-old", "invalid-handle", "invalid-phone",
    "invalid-email", "control-chars")."""

    field: str
    code: str


@dataclass(frozen=True)
class Receipt:
    """What was recorded, for the receipt page: the draft as stored, how long it is kept."""

    incident_id: str
    draft: IncidentDraft
    keep_until: dt.date
    named: bool


@dataclass(frozen=True)
class OwnIncident:
    """One of the office holder's own registrations (`mine`)."""

    incident_id: str
    occurred_at: dt.datetime
    channel: str
    forms: tuple[str, ...]
    status: str
    additions: tuple[str, ...] = ()


@dataclass(frozen=True)
class IncidentSummary:
    """One line of the coordinator's register: nothing identifying."""

    incident_id: str
    occurred_at: dt.datetime
    channel: str
    forms: tuple[str, ...]
    role: str
    status: str
    named: bool


@dataclass(frozen=True)
class Change:
    """One audited event of an incident: who (`actor`) did what (`action`, a code such as
    "registered", "read", "status", "note", "added", "decided") when; `detail` is a typed
    value (a status, a decision), never free text of the person."""

    at: dt.datetime
    actor: str
    action: str
    detail: str = ""


@dataclass(frozen=True)
class Note:
    """A coordinator's note on an incident (stored encrypted)."""

    at: dt.datetime
    author: str
    text: str


@dataclass(frozen=True)
class Addition:
    """Something the office holder added later (step 18: impact shows later); encrypted."""

    at: dt.datetime
    text: str


@dataclass(frozen=True)
class IncidentDetail:
    """The coordinator's view of one incident. `draft.reporter_name`/`reporter_contact` are
    empty unless the person chose "with my name"."""

    summary: IncidentSummary
    draft: IncidentDraft
    notes: tuple[Note, ...] = ()
    additions: tuple[Addition, ...] = ()
    history: tuple[Change, ...] = ()


@dataclass(frozen=True)
class PatternSignal:
    """"Possibly the same person": incidents that name the same perpetrator."""

    signal_id: str
    incident_ids: tuple[str, ...]
    incidents: int
    office_holders: int
    first: dt.date
    last: dt.date
    matched_on: tuple[str, ...]
    decision: Decision = "open"


@dataclass(frozen=True)
class Figures:
    """Counts for step 20's yearly evaluation. A cell below `k` is None (suppressed); months
    are "YYYY-MM" (only months with incidents); roles include "onbekend" (no role given)."""

    by_month: dict[str, int | None]
    by_form: dict[str, int | None]
    by_channel: dict[str, int | None]
    by_role: dict[str, int | None]
    k: int
    total: int | None = None
