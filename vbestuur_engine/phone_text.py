"""Phone numbers inside content texts: where they are and how they are dialled.

Why: every number in an advice text becomes a `tel:` link in the app (E.164 in the href, the
number kept on one line), and a number that does not exist must fail `vbestuur check` rather
than become a link that dials nothing. Whether a number exists is `phone.phone_e164`'s answer
(the `phonenumbers` metadata); this module only finds the candidates in running text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .phone import phone_e164, phone_uri


@dataclass(frozen=True)
class PhoneSpan:
    """A phone number inside a text: `text[start:end]` as written, how it is dialled (E.164,
    or `112`) and its RFC 3966 `tel:` URI for the link."""

    start: int
    end: int
    written: str
    dial: str

    @property
    def uri(self) -> str:
        return phone_uri(self.written)


# Written like a phone number: national (a leading 0 and 8 to 11 digits in all) or international
# (+ and 8 to 15 digits), with dashes or spaces between the digits; or the short number 112.
_NUMBER_LIKE = re.compile(r"(?<![\w+-])(?:0\d(?:[ -]?\d){6,9}|\+\d(?:[ -]?\d){7,14}|112)"
                          r"(?![\w-])")
_DATE = re.compile(r"^\d{2}-\d{2}-\d{4}$")


@lru_cache(maxsize=1024)
def _number_like(text: str) -> tuple[tuple[int, int, str, str | None], ...]:
    """(start, end, as written, dialled or None) for every part written like a number.

    A pattern finds the candidates and `phone_e164` decides; phonenumbers' own text matcher
    (`PhoneNumberMatcher`) does the same but cost 60 ms per check of this content, the
    pattern under 10 ms."""
    found = []
    for match in _NUMBER_LIKE.finditer(text):
        written = match.group(0)
        dial = phone_e164(written) or None
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
