"""The office holder's side of the incident register (issue 16), in AppTest.

What must hold: without a key one calm message and the way to the melden advice; a
registration in a few choices with a receipt that says what, who and how long; a bad field
said at the field with every value kept; one's own list with adding later and withdrawing
after a confirmation; the result of the incident flow pre-fills the form.
"""

from __future__ import annotations

import datetime as dt

import pytest
from app_helpers import TIMEOUT, complete_flow, visitor
from incident_helpers import SUBMIT, fill, office, register, switch_on, texts
from streamlit.testing.v1 import AppTest

from vbestuur_app.i18n import _
from vbestuur_app.incidents import draft, mine, submit
from vbestuur_app.incidents.backend import OWNER_KEY
from vbestuur_engine import Engine
from vbestuur_service.localtime import format_day


def owner_of(at: AppTest) -> str:
    value = at.session_state[OWNER_KEY]
    assert isinstance(value, str)
    return value


def test_without_a_key_one_calm_message_and_the_way_to_melden() -> None:
    at = office()
    assert not at.exception
    assert [i.value for i in at.info] == [_(
        "Uw gemeente heeft het incidentenregister nog niet aangezet. Meld het incident wel: "
        "bij de griffie of uw contactpersoon in de gemeente, en bij een strafbaar feit bij de "
        "politie. Lees hoe dat gaat.", "nl")]
    assert not [b for b in at.button if b.key == SUBMIT]
    at.button(key="inc-to-melden").click().run()
    assert visitor(at).flow == "melden"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_anonymous_registration_gives_a_receipt_in_the_persons_language(
        monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    switch_on(monkeypatch)
    at = fill(office(lang), "online", ["bedreiging"], **{draft.PLATFORM: "X"})
    assert not at.exception
    page = texts(at)
    assert _("Uw incident is geregistreerd", lang) in [h.value for h in at.header]
    assert _("Alleen de coördinator van uw gemeente, zonder uw naam. Het incident telt mee in "
             "de cijfers. Wat u over de dader weet, wordt vergeleken met andere incidenten om "
             "te zien of het om dezelfde persoon gaat.", lang) in page
    assert _("Waar: {value}", lang, value=_("Online", lang) + " (X)") in page
    done = at.session_state[submit.RECEIPT_KEY]
    assert format_day(done.keep_until, lang) in page
    assert done.keep_until.year - dt.date.today().year == register().years
    own = register().mine(owner_of(at))
    assert [(o.channel, o.forms) for o in own] == [("online", ("bedreiging",))]


def test_a_bad_phone_number_is_said_at_its_field_and_nothing_is_lost(
        monkeypatch: pytest.MonkeyPatch) -> None:
    switch_on(monkeypatch)
    at = fill(office(), "phone", ["uitschelden"], **{
        draft.P_PHONES: "bel mij maar", draft.P_NAME: "Jan Dader",
        draft.DESCRIPTION: "Hij belde drie keer."})
    assert not at.exception
    errors = [e.value for e in at.error]
    assert _("Dit is geen telefoonnummer dat we herkennen. Laat het leeg als u het niet "
             "weet.", "nl") in errors
    assert any(_("Telefoonnummer van de dader", "nl") in e for e in errors)
    assert at.text_input(key=draft.P_NAME).value == "Jan Dader"
    assert at.text_area(key=draft.DESCRIPTION).value == "Hij belde drie keer."
    assert at.button_group(key=draft.CHANNEL).value == "phone"
    assert register().mine(owner_of(at)) == []
    at.text_input(key=draft.P_PHONES).input("06 12345678")
    at = at.button(key=SUBMIT).click().run()
    assert _("Uw incident is geregistreerd", "nl") in [h.value for h in at.header]


def test_nothing_chosen_is_a_calm_message_not_a_traceback(
        monkeypatch: pytest.MonkeyPatch) -> None:
    switch_on(monkeypatch)
    at = office().button(key=SUBMIT).click().run()
    assert not at.exception
    assert _("Kies of vul dit in.", "nl") in [e.value for e in at.error]


def test_with_my_name_the_receipt_says_the_coordinator_may_contact_me(
        monkeypatch: pytest.MonkeyPatch) -> None:
    switch_on(monkeypatch)
    at = office()
    at.segmented_control(key=draft.NAMED).set_value(draft.WITH_NAME).run()
    at = fill(at, "in_person", ["fysiek"], **{draft.R_NAME: "A. Raadslid",
                                               draft.R_CONTACT: "a@example.nl"})
    assert "mag contact met u opnemen" in texts(at)
    assert "a\u2060@example" in texts(at)  # typed text shown literally, never as a link


def test_own_registrations_can_be_added_to_and_withdrawn_after_a_confirmation(
        monkeypatch: pytest.MonkeyPatch) -> None:
    switch_on(monkeypatch)
    at = fill(office(), "mail", ["stalken"])
    owner = owner_of(at)
    (own,) = register().mine(owner)
    at.text_area(key=mine.add_key(own.incident_id)).input("Ik slaap er slecht van.")
    at = at.button(key=f"inc-add-save-{own.incident_id}").click().run()
    assert _("Uw aanvulling is bewaard.", "nl") in [i.value for i in at.info]
    assert register().mine(owner)[0].additions == ("Ik slaap er slecht van.",)
    at = at.button(key=f"inc-withdraw-{own.incident_id}").click().run()
    assert register().mine(owner) != []  # not yet: first the question
    at = at.button(key=f"inc-withdraw-yes-{own.incident_id}").click().run()
    assert register().mine(owner) == []
    assert _("Het incident is ingetrokken en verwijderd.", "nl") in [i.value for i in at.info]


def test_the_incident_result_prefills_the_form(monkeypatch: pytest.MonkeyPatch,
                                               engine: Engine) -> None:
    switch_on(monkeypatch)
    at = AppTest.from_file("../../app.py", default_timeout=TIMEOUT).run()
    at.button(key="door:incident").click().run()
    complete_flow(at, engine, "incident")
    at = at.button(key="inc-link-open").click().run()
    assert not at.exception
    given = visitor(at).answers["incident"]["wat"]
    assert at.button_group(key=draft.FORMS_KEY).value == list(given)
    assert at.button_group(key=draft.ROLE).value == visitor(at).answers["incident"]["rol"]


def test_without_a_key_the_result_has_no_door_to_the_register(engine: Engine) -> None:
    at = AppTest.from_file("../../app.py", default_timeout=TIMEOUT).run()
    at.button(key="door:incident").click().run()
    complete_flow(at, engine, "incident")
    assert not [b for b in at.button if b.key == "inc-link-open"]


def office_and_forget_script() -> None:
    from vbestuur_app import state
    from vbestuur_app.incidents import office
    from vbestuur_app.store_views import forget

    state.ensure_defaults(None)
    office.render()
    forget.render()


def test_vergeet_mij_also_withdraws_the_registrations(monkeypatch: pytest.MonkeyPatch) -> None:
    from vbestuur_app.store_views import forget

    switch_on(monkeypatch)
    at = AppTest.from_function(office_and_forget_script, default_timeout=TIMEOUT).run()
    at = fill(at, "home", ["doxing"])
    owner = owner_of(at)
    assert len(register().mine(owner)) == 1
    at.checkbox(key=forget.CONFIRM_KEY).check().run()
    at = at.button(key=forget.BUTTON_KEY).click().run()
    assert not at.exception
    assert register().mine(owner) == []


def test_typed_text_is_shown_literally_never_as_a_link_or_markup(
        monkeypatch: pytest.MonkeyPatch) -> None:
    switch_on(monkeypatch)
    hostile = "[klik](https://evil.example) <b>vet</b> **sterk** www.evil.example"
    at = fill(office(), "online", ["anders"], **{draft.PLATFORM: "![img](https://x.example/a.png)",
                                                 draft.DESCRIPTION: hostile})
    shown = "\n".join(m.value for m in at.markdown)
    assert "](https" not in shown and "<b>" not in shown and "**sterk**" not in shown
    assert "www\u2060" in shown  # the autolink is broken
    assert r"\[klik\]" in shown and r"\*\*sterk\*\*" in shown
