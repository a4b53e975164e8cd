"""Facilitator sign-in on the workshop page (F2, F15 of the security review).

Why these tests: before, the workshop's PIN was counted on the workshop row, so a participant
who read the room code from the wall locked the facilitator out of "next step" and "end" with
five wrong guesses; and the login said "no such workshop" for an unknown code, an oracle for
guessing codes. Now only staff with the facilitator role see the forms, guesses are counted on
the guesser's client, and an unknown code reads exactly like a wrong PIN.
"""

from __future__ import annotations

import time

import pytest
from app_helpers import TIMEOUT, seed
from streamlit.testing.v1 import AppTest
from test_workshop import FACILITATOR, PIN, facilitator_script, store, texts

from vbestuur_app import clients
from vbestuur_app.i18n import _
from vbestuur_app.store_views import signin
from vbestuur_service.staff import StaffIdentity
from vbestuur_store import Store, create_workshop, end_workshop

__all__ = ["store"]  # the workshop tests' store fixture


def session_as(who: StaffIdentity | None) -> AppTest:
    at = AppTest.from_function(facilitator_script, default_timeout=TIMEOUT)
    seed(at, lang="nl", staff=who)
    return at.run()


def try_pin(at: AppTest, code: str, pin: str) -> AppTest:
    at.text_input(key="ws-login-code").input(code)
    at.text_input(key="ws-login-pin").input(pin)
    return at.button(key="ws-login").click().run()


def test_without_a_facilitator_sign_in_there_is_no_workshop_form(store: Store) -> None:
    at = session_as(None)
    assert _(
        "Workshops begeleiden kan na aanmelden met een account met de rol facilitator.", "nl"
    ) in [i.value for i in at.info]
    assert not [w for w in at.text_input if w.key in ("ws-login-pin", "ws-new-pin")]
    assert at.text_input(key=signin.NAME_KEY) is not None
    griffier = StaffIdentity("a.griffier", frozenset({"griffie"}), time.time() + 600)
    assert not [w for w in session_as(griffier).text_input if w.key == "ws-login-pin"]


def test_a_facilitator_account_signs_in_on_the_page(store: Store) -> None:
    store.add_user("f.acilitator", "facilitator-wachtwoord", ["facilitator"])
    at = session_as(None)
    at.text_input(key=signin.NAME_KEY).input("f.acilitator")
    at.text_input(key=signin.PASS_KEY).input("facilitator-wachtwoord")
    at = at.button(key="FormSubmitter:staff-sign-in-" + _("Aanmelden", "nl")).click().run()
    assert at.text_input(key="ws-login-pin") is not None


def test_guessing_strangers_never_lock_the_facilitator_out(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """F2: wrong PINs from a participant's client must not stop the facilitator's actions."""
    code = create_workshop(store, PIN, [1, 2]).code
    monkeypatch.setattr(clients, "address", lambda: "203.0.113.50")
    stranger = session_as(FACILITATOR)
    for _skip in range(12):
        stranger = try_pin(stranger, code, "geraden-pin")
    assert _(
        "Deze combinatie van workshopcode en pincode klopt niet.", "nl"
    ) in texts(stranger) or "seconden" in texts(stranger)
    monkeypatch.setattr(clients, "address", lambda: "198.51.100.20")
    at = try_pin(session_as(FACILITATOR), code, PIN)
    assert at.session_state["vbestuur"].facilitating == (code, PIN)
    assert end_workshop(store, code, PIN).ended  # the store's own check is not locked either


def test_an_unknown_code_reads_like_a_wrong_pin_and_guessing_is_throttled(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """F15: no oracle for room codes; a client guessing codes is slowed down."""
    code = create_workshop(store, PIN, [1]).code
    monkeypatch.setattr(clients, "address", lambda: "203.0.113.51")
    at = try_pin(session_as(FACILITATOR), code, "verkeerd")
    wrong_pin = [e.value for e in at.error]
    at = try_pin(at, "ZZZZZZ", "verkeerd")
    assert [e.value for e in at.error] == wrong_pin == [_(
        "Deze combinatie van workshopcode en pincode klopt niet.", "nl")]
    for _skip in range(12):
        at = try_pin(at, "QQQQQQ", "verkeerd")
    assert [e.value for e in at.error][0].startswith(_(
        "Te veel pogingen vanaf deze plek. Probeer het over {seconds} seconden opnieuw.", "nl"
    ).split("{")[0])
