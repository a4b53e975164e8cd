"""Phone numbers of the content as the app dials them: E.164, checked with `phonenumbers`.

Why a library and not a pattern: a call button that dials a number that does not exist fails a
person at the worst moment. Google's libphonenumber metadata (the `phonenumbers` package) knows
which Dutch numbers exist, 0800/0900 service numbers and short numbers such as 112 included, so
`vbestuur check` can refuse a typo and the app gets one canonical `tel:` form.

Short numbers (112) have no E.164 form: they are dialled as they are, so `tel:112` is right.
"""

from __future__ import annotations

from functools import lru_cache

import phonenumbers
from phonenumbers import shortnumberinfo

from .errors import VbestuurError

REGION = "NL"


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
