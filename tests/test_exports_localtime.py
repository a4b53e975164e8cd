"""Times are shown in Europe/Amsterdam and written by Babel, the same on pages and in exports.

Why: the store keeps UTC; a change at 09:30 UTC happened at 10:30 (winter, CET) or 11:30
(summer, CEST) for the person reading the history or the CSV.
"""

from __future__ import annotations

import datetime as dt

import pytest

from vbestuur_service import localtime

WINTER = dt.datetime(2026, 1, 5, 9, 30, tzinfo=dt.UTC)
SUMMER = dt.datetime(2026, 5, 2, 9, 30, tzinfo=dt.UTC)


@pytest.mark.parametrize(("moment", "lang", "shown"), [
    (WINTER, "nl", "5 januari 2026 10:30"),
    (SUMMER, "nl", "2 mei 2026 11:30"),
    (WINTER, "en", "5 January 2026, 10:30"),
    (SUMMER, "en", "2 May 2026, 11:30"),
    (SUMMER.replace(tzinfo=None), "nl", "2 mei 2026 11:30"),  # the store's naive UTC
])
def test_a_0930_utc_change_reads_local_time(moment: dt.datetime, lang: str, shown: str) -> None:
    assert localtime.format_moment(moment, lang) == shown


def test_the_change_to_summer_time_is_followed() -> None:
    before = dt.datetime(2026, 3, 29, 0, 59, tzinfo=dt.UTC)  # 01:59 CET
    after = dt.datetime(2026, 3, 29, 1, 0, tzinfo=dt.UTC)  # 03:00 CEST
    assert localtime.format_moment(before, "nl").endswith("01:59")
    assert localtime.format_moment(after, "nl").endswith("03:00")


def test_days_are_written_out_in_both_languages() -> None:
    assert localtime.format_day(dt.date(2026, 12, 1), "nl") == "1 december 2026"
    assert localtime.format_day(dt.date(2026, 12, 1), "en") == "1 December 2026"


def test_today_is_the_dutch_date_not_the_servers() -> None:
    now = dt.datetime.now(localtime.ZONE)
    assert localtime.today() in (now.date(), (now + dt.timedelta(minutes=1)).date())
    assert localtime.local(WINTER).utcoffset() == dt.timedelta(hours=1)
