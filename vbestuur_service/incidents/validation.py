"""Checking a draft before it is stored: every problem as (field, code), never a sentence.

Why so strict about characters: what the office holder types is shown later to the
coordinator, in exports for the police and in PDFs. Control characters and bidirectional
overrides (U+202E turns "gpj.exe" around) can hide or disguise text there, so they are
refused with a code the page words; tabs and line breaks in the description are fine. HTML
and SQL-looking text are not refused: they are text, stored sealed and never rendered as
HTML (the web layer escapes), and refusing them would refuse real quotes of what was said.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from .context import InvalidDraft
from .model import CHANNELS, FORMS, REPORTED, ROLES, IncidentDraft, Problem
from .pattern import normalise_email, normalise_handle, normalise_phone

MAX_TEXT = 4000  # description, additions, notes
MAX_LINE = 200  # names, contact, platform, police number, perpetrator fields
MAX_ITEMS = 10  # handles, phones, e-mails each
FUTURE_SLACK = dt.timedelta(minutes=10)  # a phone's clock may run a little ahead
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_FORBIDDEN_LINE = re.compile(r"[\t\n\r]")


def text_problem(name: str, value: str, limit: int, multiline: bool) -> Problem | None:
    """The problem of one free text, or None."""
    if len(value) > limit:
        return Problem(name, "too-long")
    if _FORBIDDEN.search(value) or (not multiline and _FORBIDDEN_LINE.search(value)):
        return Problem(name, "control-chars")
    return None


def _texts(draft: IncidentDraft) -> Iterator[Problem | None]:
    p = draft.perpetrator
    yield text_problem("description", draft.description, MAX_TEXT, True)
    yield text_problem("perpetrator.description", p.description, MAX_TEXT, True)
    for name in ("platform", "police_number", "reporter_name", "reporter_contact"):
        yield text_problem(name, getattr(draft, name), MAX_LINE, False)
    yield text_problem("perpetrator.name", p.name, MAX_LINE, False)
    for kind, values in (("handles", p.handles), ("phones", p.phones), ("emails", p.emails)):
        if len(values) > MAX_ITEMS:
            yield Problem(f"perpetrator.{kind}", "too-long")
        for n, value in enumerate(values[:MAX_ITEMS]):
            yield text_problem(f"perpetrator.{kind}[{n}]", value, MAX_LINE, False)


def _identifiers(draft: IncidentDraft) -> Iterator[Problem]:
    p = draft.perpetrator
    checks = (("handles", p.handles, normalise_handle, "invalid-handle"),
              ("phones", p.phones, normalise_phone, "invalid-phone"),
              ("emails", p.emails, normalise_email, "invalid-email"))
    for kind, values, normalise, code in checks:
        for n, value in enumerate(values[:MAX_ITEMS]):
            if len(value) <= MAX_LINE and value.strip() and not normalise(value):
                yield Problem(f"perpetrator.{kind}[{n}]", code)


def _choices(draft: IncidentDraft, now: dt.datetime) -> Iterator[Problem]:
    when = draft.occurred_at
    if not isinstance(when, dt.datetime) or when.tzinfo is None:
        yield Problem("occurred_at", "naive-time")
    elif when > now + FUTURE_SLACK:
        yield Problem("occurred_at", "future")
    if draft.channel not in CHANNELS:
        yield Problem("channel", "unknown")
    if not draft.forms:
        yield Problem("forms", "required")
    elif any(f not in FORMS for f in draft.forms) or len(set(draft.forms)) != len(draft.forms):
        yield Problem("forms", "unknown")
    if draft.reported not in REPORTED:
        yield Problem("reported", "unknown")
    if draft.role and draft.role not in ROLES:
        yield Problem("role", "unknown")


def keep_until(occurred_at: dt.datetime, years: int) -> dt.date:
    """The day after which an incident is purged: `years` after the day it happened
    (29 February becomes 28 February in a year without it)."""
    day = occurred_at.astimezone(dt.UTC).date()
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def validate(draft: IncidentDraft, now: dt.datetime, years: int) -> list[Problem]:
    """Every problem of the draft (empty: it may be stored). An incident already past its
    retention period would be purged at once, so it is refused ("too-old")."""
    found = [*_choices(draft, now), *(p for p in _texts(draft) if p is not None)]
    if not found and keep_until(draft.occurred_at, years) < now.date():
        found.append(Problem("occurred_at", "too-old"))
    bad = {p.field for p in found}
    found += [p for p in _identifiers(draft) if p.field not in bad]
    return found


def checked_text(name: str, text: str) -> str:
    """A note or addition as stored; InvalidDraft when empty, too long or with control
    characters."""
    problem = text_problem(name, text, MAX_TEXT, True)
    if problem is None and not text.strip():
        problem = Problem(name, "required")
    if problem is not None:
        raise InvalidDraft([problem])
    return text.strip()
