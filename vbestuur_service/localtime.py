"""Dates and times as a Dutch reader expects them: in Europe/Amsterdam, written by Babel.

Why one module: the store keeps moments in UTC, and the pages and every export must show the
same local wall-clock time (a change at 09:30 UTC reads 10:30 in winter, 11:30 in summer) in
the same words, in Dutch or English. Babel (CLDR data) writes "2 mei 2026 11:30" and
"May 2, 2026, 11:30" so nobody hand-formats dates again. Babel is imported when a date is
first written: a server's first page writes none (issue 15: a few hundredths of a second).
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

ZONE = ZoneInfo("Europe/Amsterdam")
LOCALES = {"nl": "nl_NL", "en": "en_GB"}
DATETIME_FORMATS = {"nl": "d MMMM y HH:mm", "en": "d MMMM y, HH:mm"}


def _locale(lang: str) -> str:
    return LOCALES["en" if lang == "en" else "nl"]


def local(moment: dt.datetime) -> dt.datetime:
    """The moment in Europe/Amsterdam; a naive moment is taken as UTC (how the store keeps it)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(ZONE)


def format_moment(moment: dt.datetime, lang: str) -> str:
    """A moment as local date and time: "2 mei 2026 11:30" / "2 May 2026, 11:30"."""
    from babel.dates import format_datetime

    key = "en" if lang == "en" else "nl"
    return format_datetime(local(moment), DATETIME_FORMATS[key], tzinfo=ZONE,
                           locale=_locale(lang))


def format_day(day: dt.date, lang: str) -> str:
    """A calendar date in words: "2 mei 2026" / "2 May 2026"."""
    from babel.dates import format_date

    return format_date(day, "long", locale=_locale(lang))


def today() -> dt.date:
    """Today's date in the Netherlands (not the server's zone: a server may run on UTC)."""
    return dt.datetime.now(ZONE).date()
