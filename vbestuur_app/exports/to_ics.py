"""The ICS export: calendar reminders for the yearly evaluation and a new term of office.

Why: two steps of the guideline are about time, not incidents. Step 20 asks to check and
re-calibrate the security policy, protocols, measures and network list every year and to evaluate
the ELA agreements; step 21 asks, at a new term, for the policy or protocol, the preventive
measures and an up-to-date network list. A calendar file puts them where people will see them.
The texts come from the steps themselves; UIDs are derived from the content so downloading twice
updates the same events instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from functools import lru_cache

from icalendar import Alarm, Calendar, Event, vRecur

from vbestuur_engine import ChecklistItem, Progress
from vbestuur_engine.content import load_content
from vbestuur_engine.schema import Step
from vbestuur_service.i18n import supported

from .labels import labels, status_label, steps_text

EVALUATION_STEP, NEW_TERM_STEP = 20, 21
PRODID = "-//vbestuur//Veilig Bestuur//NL"


def build_ics(progress: Progress, lang: str, evaluation: dt.date,
              new_term: dt.date | None = None, *, steps: Mapping[int, Step] | None = None,
              stamp: dt.datetime | None = None) -> bytes:
    """An iCalendar file: a yearly event from `evaluation` and, if given, one on `new_term`.

    `steps` is the content's step table (the app passes `engine.content.steps`); without it the
    steps come from the walk's checklist or, failing that, from this project's content.
    `stamp` fixes DTSTAMP for reproducible output; by default it is now (UTC).
    """
    return build_reminders(progress.checklist, lang, evaluation, new_term, steps=steps,
                           stamp=stamp)


def build_reminders(checklist: Sequence[ChecklistItem], lang: str, evaluation: dt.date,
                    new_term: dt.date | None = None, *, steps: Mapping[int, Step] | None = None,
                    stamp: dt.datetime | None = None) -> bytes:
    """The two reminders, each noting the status `checklist` gives its step (if any): for a
    person's result or for the griffie's register alike."""
    lang = supported(lang)
    lab = labels(lang)
    calendar = new_calendar(lab["calendar"])
    when = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    evaluation_step = _step(EVALUATION_STEP, checklist, steps)
    calendar.add_component(_event(evaluation_step, checklist, lang, evaluation, when,
                                  yearly=True))
    if new_term is not None:
        term_step = _step(NEW_TERM_STEP, checklist, steps)
        calendar.add_component(_event(term_step, checklist, lang, new_term, when, yearly=False))
    return bytes(calendar.to_ical())


def new_calendar(name: str) -> Calendar:
    """An empty calendar with vbestuur's product id; `name` is what calendar apps show."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def reminder_event(uid: str, day: dt.date, stamp: dt.datetime, summary: str,
                   description: str, yearly: bool) -> Event:
    """An all-day, non-blocking event with a display alarm at 09:00 that day; shared by every
    reminder vbestuur offers (result, organisation view, netwerklijst)."""
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    if yearly:
        event.add("rrule", vRecur(freq="YEARLY"))
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", dt.timedelta(hours=9))
    event.add_component(alarm)
    return event


def _event(step: Step, checklist: Sequence[ChecklistItem], lang: str, day: dt.date,
           stamp: dt.datetime, yearly: bool) -> Event:
    """The reminder for one step of the guideline."""
    summary = f"Veilig Bestuur: {step.title.get(lang)} ({steps_text([step.id], lang)})"
    return reminder_event(_uid(step, lang, day, yearly), day, stamp, summary,
                          _description(step, checklist, lang), yearly)


def _description(step: Step, checklist: Sequence[ChecklistItem], lang: str) -> str:
    lab = labels(lang)
    lines = [f"{lab['actions']}:"] + [f"- {a.get(lang)}" for a in step.actions]
    lines += ["", step.guideline.get(lang).strip()]
    status = next((i.status for i in checklist if i.step.id == step.id), None)
    if status is not None:
        lines += ["", f"{lab['your_status']}: {status_label(status, lang)}"]
    lines += ["", f"Leidraad Veilig Bestuur, {steps_text([step.id], lang)}.", lab["disclaimer"]]
    return "\n".join(lines)


def _uid(step: Step, lang: str, day: dt.date, yearly: bool) -> str:
    """Same step, text, date and repetition give the same UID, so re-imports update events."""
    key = "|".join([str(step.id), step.title.get(lang), day.isoformat(), str(yearly), lang])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + "@vbestuur"


def _step(step_id: int, checklist: Sequence[ChecklistItem],
          steps: Mapping[int, Step] | None) -> Step:
    if steps is not None and step_id in steps:
        return steps[step_id]
    for item in checklist:
        if item.step.id == step_id:
            return item.step
    return _project_steps()[step_id]


@lru_cache(maxsize=1)
def _project_steps() -> Mapping[int, Step]:
    """The project's own steps, loaded once, for callers that have no engine at hand."""
    return load_content().steps
