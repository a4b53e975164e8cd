"""Phone numbers of the content as the app dials them: E.164, checked with `phonenumbers`.

Why a library and not a pattern: a call button that dials a number that does not exist fails a
person at the worst moment. Google's libphonenumber metadata (the `phonenumbers` package) knows
which Dutch numbers exist, 0800/0900 service numbers and short numbers such as 112 included, so
`vbestuur check` can refuse a typo and the app gets one canonical `tel:` form.

Short numbers (112) have no E.164 form: they are dialled as they are, so `tel:112` is right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import shortnumberinfo

from .errors import VbestuurError

REGION = "NL"
# Short numbers that may stand alone in a text; the matcher below finds only full numbers.
_SHORT_NUMBERS = re.compile(r"(?<![\d+-])112(?![\d-])")


class InvalidPhoneError(VbestuurError):
    """A phone number that does not exist (or cannot be read as one)."""


@lru_cache(maxsize=1024)
def phone_e164(phone: str, region: str = REGION) -> str:
    """The number as dialled: E.164 (`+31703738314`), or the short number itself (`112`).

    Written numbers may be national (`070-373 83 14`) or international (`+31 70 373 83 14`);
    raises `InvalidPhoneError` for a number that does not exist.
    """
    try:
        parsed = phonenumbers.parse(phone, region)
    except phonenumbers.NumberParseException as exc:
        raise InvalidPhoneError(f"{phone!r} is not a phone number: {exc}") from None
    if phonenumbers.is_valid_number(parsed):
        return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))
    if not phone.strip().startswith("+") and shortnumberinfo.is_valid_short_number(parsed):
        return str(parsed.national_number)
    raise InvalidPhoneError(f"{phone!r} is not a valid number in {region} "
                            "(checked with the phonenumbers metadata)")


def phone_problem(phone: str, region: str = REGION) -> str | None:
    """Why a number cannot be dialled, or None when it can."""
    try:
        phone_e164(phone, region)
    except InvalidPhoneError as exc:
        return str(exc)
    return None


def dial_key(phone: str) -> str:
    """A key to compare numbers however they are written: E.164 when the number exists,
    otherwise its digits (so a number typed by a person still matches itself)."""
    try:
        return phone_e164(phone)
    except InvalidPhoneError:
        return "".join(c for c in phone if c.isdigit())


def same_number(first: str, second: str) -> bool:
    """Whether two written numbers dial the same line (`070-373 83 14` = `+31703738314`)."""
    return dial_key(first) == dial_key(second)


@dataclass(frozen=True)
class PhoneSpan:
    """A phone number inside a text: `text[start:end]` as written, and how it is dialled."""

    start: int
    end: int
    written: str
    dial: str


# Written like a phone number: national (a leading 0 and 8 to 11 digits in all) or international
# (+ and 8 to 15 digits), with dashes or spaces between the digits; or the short number 112.
_NUMBER_LIKE = re.compile(r"(?<![\w+-])(?:0\d(?:[ -]?\d){6,9}|\+\d(?:[ -]?\d){7,14}|112)"
                          r"(?![\w-])")
_DATE = re.compile(r"^\d{2}-\d{2}-\d{4}$")


@lru_cache(maxsize=1024)
def _number_like(text: str) -> tuple[tuple[int, int, str, str | None], ...]:
    """(start, end, as written, dialled or None) for every part written like a number.

    A pattern finds the candidates and `phone_e164` decides; phonenumbers' own text matcher
    does the same but costs 60 ms per check of this content, the pattern a few."""
    found = []
    for match in _NUMBER_LIKE.finditer(text):
        written = match.group(0)
        try:
            dial: str | None = phone_e164(written)
        except InvalidPhoneError:
            dial = None
        if dial is not None or not _DATE.match(written):
            found.append((match.start(), match.end(), written, dial))
    return tuple(found)


def phones_in_text(text: str) -> tuple[PhoneSpan, ...]:
    """Every dialable number in a rendered text, in order (for `tel:` links that keep the
    number on one line). Only numbers that exist are found."""
    return tuple(PhoneSpan(start, end, written, dial)
                 for start, end, written, dial in _number_like(text) if dial is not None)


def unknown_numbers(text: str) -> tuple[str, ...]:
    """Parts of a text written like a phone number that do not dial anywhere (a typo, or a
    number outside the numbering plan): `phones_in_text` would leave them unlinked."""
    return tuple(written for _s, _e, written, dial in _number_like(text) if dial is None)
