"""Helpers for the incident register's AppTest suites: a register key, the two pages as
scripts, and filling in the form by widget key (never by caption)."""

from __future__ import annotations

import pytest
from app_helpers import TIMEOUT, seed
from streamlit.testing.v1 import AppTest

from vbestuur_app.incidents import draft
from vbestuur_service import runtime
from vbestuur_service.incidents import IncidentRegister
from vbestuur_service.incidents.crypto import new_key
from vbestuur_service.staff import StaffIdentity

SUBMIT = "inc-submit"


def office_script() -> None:
    from vbestuur_app import state
    from vbestuur_app.incidents import office

    state.ensure_defaults(None)
    office.render()


def coordinator_script() -> None:
    from vbestuur_app import state
    from vbestuur_app.incidents import coordinator

    state.ensure_defaults(None)
    coordinator.render()


def switch_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """Give the app a register key (the municipality switches the register on)."""
    monkeypatch.setenv("VBESTUUR_REGISTER_KEY", new_key())
    runtime.reset()


def register() -> IncidentRegister:
    return IncidentRegister.open(runtime.current())


def office(lang: str = "nl", **fields: object) -> AppTest:
    at = AppTest.from_function(office_script, default_timeout=TIMEOUT)
    seed(at, lang=lang, **fields)
    return at.run()


def coordinator(who: StaffIdentity | None, lang: str = "nl") -> AppTest:
    at = AppTest.from_function(coordinator_script, default_timeout=TIMEOUT)
    seed(at, lang=lang, staff=who)
    return at.run()


def fill(at: AppTest, channel: str, forms: list[str], **texts: str) -> AppTest:
    """Choose where and what, type the given texts (widget key -> text), and register."""
    at.button_group(key=draft.CHANNEL).set_value(channel).run()
    at.button_group(key=draft.FORMS_KEY).set_value(forms).run()
    for key, text in texts.items():
        widget = [w for w in [*at.text_input, *at.text_area] if w.key == key]
        assert widget, key
        widget[0].input(text)
    return at.button(key=SUBMIT).click().run()


def texts(at: AppTest) -> str:
    """Everything the page says, as one string."""
    parts = [m.value for m in at.markdown] + [e.value for e in at.error]
    parts += [i.value for i in at.info] + [s.value for s in at.success]
    parts += [c.value for c in at.caption] + [w.value for w in at.warning]
    return "\n".join(str(p) for p in parts).replace("\\", "")
