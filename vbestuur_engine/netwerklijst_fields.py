"""The fields of a netwerklijst row: cleaning free text, length limits and the phone check.

Why separate: these checks are the whole of "is this input acceptable", shared by the model
(which refuses bad stored data) and the form (which shows a message per field). A wrong number
on an emergency list is worse than none, so a number must exist in the numbering plan (see
`phone.py`) and is kept in one way of writing; text is stripped of invisible characters that
could make an export read differently from what the person saw.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .netwerklijst_text import UNRECOGNISED, FieldProblem
from .phone import PHONE_CHARS, format_phone, phone_ok

LIMITS: Mapping[str, int] = {"name": 120, "role": 200, "phone": 30, "note": 500, "ref": 64,
                             "source": 300, "checked": 10}
# C0/C1 controls, zero-width and bidi-override characters: invisible, and able to make an
# export look different from what was typed. Tabs and line breaks become a space.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e"
                        "\u2060-\u2064\u2066-\u2069\ufeff]")
_SPACES = re.compile(r"[\t\n\r]+")


def clean_text(value: object) -> str:
    """Plain one-line text: control and invisible characters removed, outer spaces trimmed."""
    text = value if isinstance(value, str) else ("" if value is None else str(value))
    return _INVISIBLE.sub("", _SPACES.sub(" ", text)).strip()


def digits(phone: str) -> str:
    """Only the digits of a phone number (to compare numbers however they are written)."""
    return re.sub(r"\D", "", phone)


def field_problem(field: str, value: str) -> FieldProblem | None:
    """What is wrong with one (cleaned) field value, or None."""
    limit = LIMITS.get(field)
    if limit is not None and len(value) > limit:
        return FieldProblem("too_long", limit=limit, length=len(value))
    if field == "phone" and not phone_ok(value):
        return FieldProblem("phone")
    return None


def normalised(field: str, value: str) -> str:
    """A valid field value as the list keeps it: a phone number in one way of writing
    (`+31 0612345678` becomes `06 12345678`), other text unchanged."""
    return format_phone(value) if field == "phone" else value


def salvage_phone(row: object, lang: str) -> object:
    """A stored row whose number the numbering plan no longer accepts, with that number moved
    into the note (so the row loads and nothing is lost); any other row unchanged.

    Why: the plan and the check change over time (a number saved under an older check may not
    exist); refusing the whole stored list would lose the person's work. Text that is no phone
    number at all is not salvaged: such data was never written by this model.
    """
    if not isinstance(row, Mapping):
        return row
    phone = clean_text(row.get("phone", ""))
    if not phone or phone_ok(phone) or not PHONE_CHARS.match(phone):
        return row
    note = " ".join(p for p in (UNRECOGNISED.get(lang).format(phone=phone),
                                clean_text(row.get("note", ""))) if p)
    return {**row, "phone": "", "note": note[:LIMITS["note"]]}


__all__ = ["LIMITS", "clean_text", "digits", "field_problem", "normalised", "phone_ok",
           "salvage_phone"]
