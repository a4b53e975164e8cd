"""Calendar reminders to review the netwerklijst: every year (step 20) and at a new term (21).

Why: a list with old numbers fails exactly when it is needed. Step 20 asks to check the network
list every year, step 21 to bring it up to date at a new term. The events are all-day, with an
alarm at 09:00; UIDs come from the date and the language, so downloading again updates the
same events instead of adding new ones. The calendar header is shared with the result export.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from icalendar import Event

from vbestuur_service.i18n import _, supported
from vbestuur_service.i18n.words import NW_REMINDER_SUMMARY, NW_REMINDER_TEXT

from ..exports.labels import labels, steps_text
from ..exports.to_ics import EVALUATION_STEP, NEW_TERM_STEP, new_calendar, reminder_event


def build_ics(lang: str, evaluation: dt.date, new_term: dt.date | None = None, *,
              stamp: dt.datetime | None = None) -> bytes:
    """An iCalendar file: a yearly review from `evaluation`, and one on `new_term` if given."""
    lang = supported(lang)
    calendar = new_calendar(_("Veilig Bestuur: netwerklijst", lang))
    when = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    calendar.add_component(_event("eval", EVALUATION_STEP, lang, evaluation, when))
    if new_term is not None:
        calendar.add_component(_event("term", NEW_TERM_STEP, lang, new_term, when))
    return bytes(calendar.to_ical())


def _event(which: str, step: int, lang: str, day: dt.date, stamp: dt.datetime) -> Event:
    text = _(NW_REMINDER_TEXT[which], lang)
    source = f"Leidraad Veilig Bestuur, {steps_text([step], lang)}."
    description = "\n\n".join([text, source, labels(lang)["disclaimer"]])
    return reminder_event(_uid(which, lang, day), day, stamp,
                          _(NW_REMINDER_SUMMARY[which], lang), description, which == "eval")


def _uid(which: str, lang: str, day: dt.date) -> str:
    key = "|".join(["netwerklijst", which, day.isoformat(), lang])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + "@vbestuur"
