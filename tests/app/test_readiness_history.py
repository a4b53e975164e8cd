"""AppTest for readiness over time: a completed gereedheid check is kept with its date, only on
the person's own token, and the result shows the progress since the previous check.
"""

from __future__ import annotations

import datetime as dt
import re

from app_helpers import complete_flow, new_app
from streamlit.testing.v1 import AppTest

from vbestuur_app.i18n import _
from vbestuur_engine import Engine
from vbestuur_service.i18n.words import PHASE_NAMES
from vbestuur_store import Store


def shown_percentages(at: AppTest) -> dict[str, int]:
    """The percentage per phase in the result's summary lines ("- Vooraf: …: 94% geregeld")."""
    found = {}
    lines = [line.removeprefix("- ") for m in at.markdown
             for line in m.value.replace("\\", "").splitlines()]
    for phase in ("vooraf", "tijdens", "erna"):
        label = _(PHASE_NAMES[phase], "nl")
        for line in lines:
            match = re.match(re.escape(label) + r": (\d+)%", line)
            if match and phase not in found:  # the summary first, not the history lines
                found[phase] = int(match.group(1))
    return found


def test_a_completed_check_is_kept_as_shown_and_progress_is_shown(
        engine: Engine, app_store: Store, browser_token: str) -> None:
    earlier = dt.datetime(2026, 1, 15, 10, 0, tzinfo=dt.UTC)
    app_store.record_readiness(browser_token, "gereedheid", {"vooraf": 0.0, "tijdens": 0.0,
                                                             "erna": 0.0}, when=earlier)
    at = new_app()
    at.button(key="door:gereedheid").click().run()
    complete_flow(at, engine, "gereedheid")
    history = app_store.readiness_history(browser_token, "gereedheid")
    assert len(history) == 2
    percentages = shown_percentages(at)
    assert percentages
    assert {p: round(s * 100) for p, s in history[-1].scores.items()} == percentages
    shown = [m.value for m in at.markdown]
    assert _("Sinds uw vorige check op {date}:", "nl", date="15 januari 2026") in shown
    for phase, now in percentages.items():
        line = _(
            "{phase}: {then}% → {now}% ({diff})", "nl", phase=_(PHASE_NAMES[phase], "nl"), then=0,
            now=now, diff=f"{now:+d}")
        assert any(line in m for m in shown), line


def test_a_refresh_does_not_count_as_a_new_check(
        engine: Engine, app_store: Store, browser_token: str) -> None:
    at = new_app()
    at.button(key="door:gereedheid").click().run()
    complete_flow(at, engine, "gereedheid")
    assert _(
        "Deze check is bewaard. Doet u hem later opnieuw, dan ziet u hier wat er is veranderd.",
        "nl") in [c.value for c in at.caption]
    again = new_app()  # a refresh: the answers come back, the result is shown again
    again.button(key="door:gereedheid").click().run()
    assert not again.exception
    assert len(app_store.readiness_history(browser_token, "gereedheid")) == 1


def test_without_a_token_nothing_is_kept(engine: Engine, app_store: Store) -> None:
    at = new_app()
    at.button(key="door:gereedheid").click().run()
    complete_flow(at, engine, "gereedheid")
    assert not at.exception
    assert _(
        "Deze check is bewaard. Doet u hem later opnieuw, dan ziet u hier wat er is veranderd.",
        "nl") not in [c.value for c in at.caption]
