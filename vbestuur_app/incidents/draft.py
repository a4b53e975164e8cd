"""The form's widget values as an `IncidentDraft`, and the pre-fill from a result's answers.

Why apart from the drawing: reading is what the submit callback does, and the pre-fill is what
"Registreer dit incident" on a result does; both only touch widget keys, so the form can be
drawn, left and come back to with nothing lost.

Why local time in the widget: the person thinks in Dutch wall-clock time; the service wants an
aware UTC moment. A moment in the gap of the spring clock change is taken as the zone says.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any, Final

from vbestuur_service.incidents import FORMS, ROLES, IncidentDraft, Perpetrator
from vbestuur_service.localtime import ZONE

from .. import session

PREFIX: Final = "inc-"
WHEN, CHANNEL, PLATFORM, FORMS_KEY, ROLE = ("inc-when", "inc-channel", "inc-platform",
                                            "inc-forms", "inc-role")
DESCRIPTION, REPORTED, POLICE, VPT, NAMED = ("inc-description", "inc-reported", "inc-police",
                                             "inc-vpt", "inc-named")
P_NAME, P_HANDLES, P_PHONES, P_EMAILS, P_DESCRIPTION = (
    "inc-p-name", "inc-p-handles", "inc-p-phones", "inc-p-emails", "inc-p-description")
R_NAME, R_CONTACT = "inc-r-name", "inc-r-contact"
FIELD_KEYS: Final = (WHEN, CHANNEL, PLATFORM, FORMS_KEY, ROLE, DESCRIPTION, REPORTED, POLICE,
                     VPT, NAMED, P_NAME, P_HANDLES, P_PHONES, P_EMAILS, P_DESCRIPTION, R_NAME,
                     R_CONTACT)
ANONYMOUS, WITH_NAME = "anoniem", "naam"
VPT_VALUES: Final = {"ja": True, "nee": False, "weet-niet": None}
# a form in another flow's `wat` question that the register knows under another value
FORM_ALIASES: Final = {"intimiderend": "anders"}
_SPLIT = re.compile(r"[,;\n]+")


def now_local() -> dt.datetime:
    """Now in the Netherlands, to the minute, as the widget shows it (naive)."""
    return dt.datetime.now(ZONE).replace(second=0, microsecond=0, tzinfo=None)


def seed_defaults(role: str | None) -> None:
    """The defaults of an empty form: now, anonymous, nothing reported, the role of this visit."""
    defaults: dict[str, Any] = {WHEN: now_local(), NAMED: ANONYMOUS, REPORTED: "none"}
    if role in ROLES:
        defaults[ROLE] = role
    for key, value in defaults.items():
        if not session.has_widget(key):
            session.set_widget(key, value)


def prefill(answers: Mapping[str, Any]) -> None:
    """A fresh form with the forms of behaviour and role from a result's answers, now as time."""
    clear()
    given = answers.get("wat", [])
    chosen = [given] if isinstance(given, str) else list(given)
    forms = {FORM_ALIASES.get(str(v), str(v)) for v in chosen}
    session.set_widget(FORMS_KEY, [f for f in FORMS if f in forms])
    role = answers.get("rol")
    seed_defaults(role if isinstance(role, str) else None)


def clear() -> None:
    """Empty the form (after a registration, or before a pre-fill)."""
    for key in FIELD_KEYS:
        session.drop_widget(key)


def _text(key: str) -> str:
    value = session.widget(key)
    return value.strip() if isinstance(value, str) else ""


def _items(key: str) -> tuple[str, ...]:
    """Several values in one field, separated by commas, semicolons or new lines."""
    return tuple(part.strip() for part in _SPLIT.split(_text(key)) if part.strip())


def occurred_at() -> dt.datetime | None:
    """The chosen moment as aware UTC, or None when it was cleared."""
    value = session.widget(WHEN)
    if not isinstance(value, dt.datetime):
        return None
    return value.replace(tzinfo=ZONE).astimezone(dt.UTC)


def perpetrator() -> Perpetrator:
    return Perpetrator(name=_text(P_NAME), handles=_items(P_HANDLES), phones=_items(P_PHONES),
                       emails=_items(P_EMAILS), description=_text(P_DESCRIPTION))


def read(moment: dt.datetime) -> IncidentDraft:
    """The draft as the widgets hold it now (the service validates it)."""
    reported = str(session.widget(REPORTED) or "none")
    named = session.widget(NAMED) == WITH_NAME
    made = reported != "none"
    forms = session.widget(FORMS_KEY) or []
    return IncidentDraft(
        occurred_at=moment, channel=str(session.widget(CHANNEL) or ""),
        forms=tuple(str(f) for f in forms), named=named, perpetrator=perpetrator(),
        platform=_text(PLATFORM) if session.widget(CHANNEL) == "online" else "",
        description=_text(DESCRIPTION), reported=reported,
        police_number=_text(POLICE) if made else "",
        vpt_code_asked=VPT_VALUES.get(str(session.widget(VPT))) if made else None,
        reporter_name=_text(R_NAME) if named else "",
        reporter_contact=_text(R_CONTACT) if named else "",
        role=str(session.widget(ROLE) or ""))
