"""Phone numbers: is it a real number, how to write it, and its `tel:` URI, by `phonenumbers`.

Why the library and not a pattern: a wrong number on an emergency list is worse than none, and
only the real numbering plans (Google's libphonenumber data, updated monthly) know that 012 and
019 are no Dutch area codes, that 06-0… is no mobile number and that +999 is no country. The
library also repairs the common slip "+31 06…" and gives E.164 for the exports.

Why a character check first: `phonenumbers.parse` searches text for a number ("bel 06…" or
"06… +" parse), so only digits, spaces, ( ) . / - and one leading + get that far. Numbers without
a country code are Dutch (DEFAULT_REGION). Of the short numbers only emergency numbers (112) are
accepted; 14 0xx municipal numbers, 0800 and 0900 numbers are ordinary numbers in the plan.

Why the library is imported on the first number: its metadata takes a tenth of a second of
CPU to import, and a server's first page (and most texts) have no number to check (issue 15).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from phonenumbers import PhoneNumber

DEFAULT_REGION = "NL"
PHONE_CHARS = re.compile(r"^\+?[0-9 ()./-]*[0-9][0-9 ()./-]*$")


def _parse(value: str) -> PhoneNumber | None:
    text = value.strip()
    if not PHONE_CHARS.match(text):
        return None
    import phonenumbers

    try:
        return phonenumbers.parse(text, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return None


def _emergency(value: str) -> bool:
    """112 (and the numbers the plan forwards to it), written without a country code."""
    text = value.strip()
    if PHONE_CHARS.match(text) is None or text.startswith("+"):
        return False
    from phonenumbers import shortnumberinfo

    return bool(shortnumberinfo.is_emergency_number(text, DEFAULT_REGION))


def _valid(value: str) -> PhoneNumber | None:
    number = _parse(value)
    if number is None:
        return None
    import phonenumbers

    return number if phonenumbers.is_valid_number(number) else None


def phone_ok(value: str) -> bool:
    """A number that exists in the numbering plan, or an emergency number; empty is allowed."""
    if not value.strip():
        return True
    return _emergency(value) or _valid(value) is not None


def format_phone(value: str) -> str:
    """How the list writes a number: Dutch ones nationally (06 12345678, 070 373 8314),
    others internationally (+49 30 1234567). Text that is not a valid number is returned
    unchanged (stripped), so this never hides what a person typed."""
    text = value.strip()
    number = None if _emergency(text) else _valid(text)
    if number is None:
        return text
    import phonenumbers
    from phonenumbers import PhoneNumberFormat

    if phonenumbers.region_code_for_number(number) == DEFAULT_REGION:
        return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


def phone_e164(value: str) -> str:
    """The number in E.164 (+31703738314); an emergency number as its digits (112); "" when
    the text is not a valid number. Two ways of writing one number give the same key."""
    if _emergency(value):
        return re.sub(r"\D", "", value)
    number = _valid(value)
    if number is None:
        return ""
    import phonenumbers

    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def phone_uri(value: str) -> str:
    """An RFC 3966 `tel:` URI: global numbers as `tel:+31…`; a short number is local, so it
    carries its context (`tel:112;phone-context=+31`). "" when the text is not a number."""
    e164 = phone_e164(value)
    if not e164:
        return ""
    if e164.startswith("+"):
        return f"tel:{e164}"
    import phonenumbers

    code = phonenumbers.country_code_for_region(DEFAULT_REGION)
    return f"tel:{e164};phone-context=+{code}"
