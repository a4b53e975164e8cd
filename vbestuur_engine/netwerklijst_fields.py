"""The fields of a netwerklijst row: cleaning free text, length limits and the phone check.

Why separate: these checks are the whole of "is this input acceptable", shared by the model
(which refuses bad stored data) and the form (which shows a message per field). A wrong number
on an emergency list is worse than none, so a number must look like a real Dutch or
international one; text is stripped of invisible characters that could make an export read
differently from what the person saw.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .netwerklijst_text import FieldProblem

LIMITS: Mapping[str, int] = {"name": 120, "role": 200, "phone": 30, "note": 500, "ref": 64,
                             "source": 300, "checked": 10}
# C0/C1 controls, zero-width and bidi-override characters: invisible, and able to make an
# export look different from what was typed. Tabs and line breaks become a space.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e"
                        "\u2060-\u2064\u2066-\u2069\ufeff]")
_SPACES = re.compile(r"[\t\n\r]+")
_PHONE_CHARS = re.compile(r"^\+?[0-9 ()./-]*[0-9][0-9 ()./-]*$")


def clean_text(value: object) -> str:
    """Plain one-line text: control and invisible characters removed, outer spaces trimmed."""
    text = value if isinstance(value, str) else ("" if value is None else str(value))
    return _INVISIBLE.sub("", _SPACES.sub(" ", text)).strip()


def digits(phone: str) -> str:
    """Only the digits of a phone number (to compare numbers however they are written)."""
    return re.sub(r"\D", "", phone)


def phone_ok(value: str) -> bool:
    """A plausible Dutch or international phone number (empty is allowed: not known yet).

    Dutch: ten digits from 0 (06-12345678, 020-1234567), 0800/0900/0906/0909 service numbers,
    the municipal 140xx(x) numbers and 112. International: + or 00, a country code and 7-15
    digits in all; +31 numbers must be valid Dutch numbers without their leading 0.
    """
    text = value.strip()
    if not text:
        return True
    if not _PHONE_CHARS.match(text):
        return False
    number = digits(text.replace("(0)", ""))
    if text.startswith("+") or number.startswith("00"):
        return _international(number.removeprefix("00") if not text.startswith("+") else number)
    return _dutch(number)


def _international(number: str) -> bool:
    if number.startswith("31"):
        rest = number[2:]
        return not rest.startswith("0") and _dutch("0" + rest)
    return 7 <= len(number) <= 15 and not number.startswith("0")


def _dutch(number: str) -> bool:
    return (number == "112" or re.fullmatch(r"140\d{2,3}", number) is not None
            or re.fullmatch(r"0(800|900|906|909)\d{4,7}", number) is not None
            or re.fullmatch(r"0[1-9]\d{8}", number) is not None)


def field_problem(field: str, value: str) -> FieldProblem | None:
    """What is wrong with one (cleaned) field value, or None."""
    limit = LIMITS.get(field)
    if limit is not None and len(value) > limit:
        return FieldProblem("too_long", limit=limit, length=len(value))
    if field == "phone" and not phone_ok(value):
        return FieldProblem("phone")
    return None
