"""AppTest for the griffie's page: staff sign-in (wrong, right, throttled per client, roles),
the municipality profile (and that a new session's advice uses it), and the organisation view
(edit, history, stale).

Why the advice test starts a new AppTest: "from then on every person's advice uses them" means
another browser session, which shares nothing with the griffie's session but the database.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from app_helpers import TIMEOUT, seed, walk_nodes
from streamlit.testing.v1 import AppTest

from vbestuur_app import clients
from vbestuur_app.i18n import _
from vbestuur_app.messages import error_text
from vbestuur_app.store_views import organisation, profile, signin
from vbestuur_app.widgets import plain
from vbestuur_engine import Engine
from vbestuur_engine.schema import QuestionNode
from vbestuur_store import StaleItem, Store

PASS = "griffie-wachtwoord-2026"
NAME = "a.degriffier"
MARKER = "MELDPUNT ZUIDERDAM BIJ DE GRIFFIE"


def griffie_app(lang: str = "nl") -> AppTest:
    """A new browser session on the griffie page (with the frame's notices)."""

    def script() -> None:
        import streamlit as st

        from vbestuur_app import persistence, state
        from vbestuur_app.store_views import griffie

        state.ensure_defaults(None)
        griffie.render()
        for message in persistence.pop_notices():
            st.info(message)

    at = AppTest.from_function(script, default_timeout=TIMEOUT)
    seed(at, lang=lang)
    return at.run()


def unlock(at: AppTest, passphrase: str, name: str = NAME, lang: str = "nl") -> AppTest:
    at.text_input(key=signin.NAME_KEY).input(name)
    at.text_input(key=signin.PASS_KEY).input(passphrase)
    next(b for b in at.button if b.label == _("Aanmelden", lang)).click()
    return at.run()


def shown(at: AppTest) -> str:
    parts = []
    for node in walk_nodes(at.main):
        value = getattr(node, "value", None)
        if isinstance(value, str):
            parts.append(value)
    return "\n".join(parts)


def test_without_an_account_the_page_says_how_the_operator_makes_one() -> None:
    at = griffie_app()
    assert not at.exception
    assert _(
        "Nog geen account? De beheerder van deze hulp maakt er een aan met de opdracht "
        "hieronder.", "nl") in [c.value for c in at.caption]
    assert "add-user" in at.code[0].value
    assert not at.text_area  # no editors
    assert _(
        "Dit overzicht kan interne afspraken bevatten. Het opent pas als u bent aangemeld "
        "met een account van de griffie.", "nl") in [i.value for i in at.info]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_wrong_passphrase_then_right_one(app_store: Store, lang: str) -> None:
    app_store.add_user(NAME, PASS, ["griffie"])
    at = unlock(griffie_app(lang), "wrong-passphrase!", lang=lang)
    assert [e.value for e in at.error] == [_("De naam of het wachtwoord is onjuist.", lang)]
    assert at.session_state[signin.PASS_KEY] == ""  # the passphrase never stays in the session
    assert not at.text_area
    at = unlock(at, PASS, lang=lang)
    assert not at.error
    assert _(
        "U bent aangemeld als {name}, voor een half uur.", lang, name=plain(NAME)
    ) in [s.value for s in at.success]
    assert at.text_area  # the profile editors are there now


def test_an_unknown_name_reads_like_a_wrong_passphrase(app_store: Store) -> None:
    app_store.add_user(NAME, PASS, ["griffie"])
    at = unlock(griffie_app(), PASS, name="niemand.anders")
    assert [e.value for e in at.error] == [_("De naam of het wachtwoord is onjuist.", "nl")]


def test_a_guesser_elsewhere_never_locks_the_griffier_out(
        app_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """F4: before, five wrong PINs from anyone locked the one global PIN for everyone."""
    app_store.add_user(NAME, PASS, ["griffie"])
    monkeypatch.setattr(clients, "address", lambda: "203.0.113.9")
    guesser = griffie_app()
    for _skip in range(8):
        guesser = unlock(guesser, "still-wrong-passphrase")
    assert guesser.error[0].value.startswith(_(
        "Te veel pogingen vanaf deze plek. Probeer het over {seconds} seconden opnieuw.", "nl"
    ).split("{")[0])
    monkeypatch.setattr(clients, "address", lambda: "198.51.100.7")
    at = unlock(griffie_app(), PASS)
    assert not at.error
    assert at.text_area


def test_an_account_without_a_griffie_role_cannot_edit(app_store: Store) -> None:
    app_store.add_user("f.acilitator", PASS, ["facilitator"])
    at = unlock(griffie_app(), PASS, name="f.acilitator")
    assert _(
        "U bent aangemeld als {name}, maar uw account heeft geen rol voor de griffie. De "
        "beheerder kan de rol griffie of coordinator toevoegen.", "nl",
        name=plain("f.acilitator")) in [w.value for w in at.warning]
    assert not at.text_area
    assert _(
        "Dit overzicht kan interne afspraken bevatten. Het opent pas als u bent aangemeld "
        "met een account van de griffie.", "nl") in [i.value for i in at.info]


def test_with_the_database_down_the_page_does_not_blame_a_missing_account(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """F10: the page said "no PIN set" when the database was down."""
    monkeypatch.setenv("VBESTUUR_DATABASE_URL", "postgresql://vb@127.0.0.1:9/x")
    from vbestuur_service import runtime
    runtime.reset()
    at = unlock(griffie_app(), PASS)
    texts = [e.value for e in at.error]
    assert texts and texts[0] == _(
        "Uw antwoorden kunnen nu niet worden bewaard. U kunt gewoon verder; ze staan in dit "
        "venster zolang u het open houdt.", "nl")
    assert not at.exception


def unlocked(app_store: Store, lang: str = "nl") -> AppTest:
    app_store.add_user(NAME, PASS, ["griffie", "coordinator"])
    return unlock(griffie_app(lang), PASS, lang=lang)


def test_profile_value_needs_both_languages(app_store: Store) -> None:
    at = unlocked(app_store)
    at.text_area(key=profile.field_key("meldprocedure", "nl")).input(MARKER)
    submit(at, "profile-form-meldprocedure")
    at.run()
    assert _("Vul de tekst in beide talen in.", "nl") in [i.value for i in at.info]
    assert app_store.get_profile() == {}


def golden_with_term(engine: Engine, term: str) -> tuple[str, dict[str, Any]]:
    """A flow and first-option answers whose advice uses the open term `term`."""
    for flow_id, compiled in engine.compiled.items():
        if compiled.flow.door == "voorbeeld":
            continue
        answers: dict[str, Any] = {}
        progress = engine.walk(flow_id, answers)
        while not progress.complete:
            node = compiled.node(progress.next_question or "")
            assert isinstance(node, QuestionNode)
            first = node.options[0].value
            answers[progress.next_question or ""] = [first] if node.kind == "multi" else first
            progress = engine.walk(flow_id, answers)
        if any("{term:" + term in hit.advice.text.nl for hit in progress.advice):
            return flow_id, answers
    raise AssertionError(f"no first-option path shows the term {term}")


def result_app(flow_id: str, answers: dict[str, Any], lang: str = "nl") -> AppTest:
    """A new browser session that shows the result of `answers` on the conversation page."""

    def script() -> None:
        from vbestuur_app import state
        from vbestuur_app.views import conversation

        state.ensure_defaults(None)
        conversation.render()

    at = AppTest.from_function(script, default_timeout=TIMEOUT)
    seed(at, lang=lang, flow=flow_id, view="result", answers={flow_id: answers})
    return at.run()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_profile_edit_changes_the_advice_of_a_new_session(
        engine: Engine, app_store: Store, lang: str) -> None:
    flow_id, answers = golden_with_term(engine, "meldprocedure")
    before = result_app(flow_id, answers, lang)
    assert MARKER not in shown(before)
    at = unlocked(app_store)
    at.text_area(key=profile.field_key("meldprocedure", "nl")).input(MARKER + " NL")
    at.text_area(key=profile.field_key("meldprocedure", "en")).input(MARKER + " EN")
    submit(at, "profile-form-meldprocedure")
    at.run()
    assert not at.exception
    assert app_store.get_profile()["meldprocedure"].updated_by == NAME
    after = result_app(flow_id, answers, lang)
    assert f"{MARKER} {lang.upper()}" in shown(after)
    assert [c.actor for c in app_store.profile_history("meldprocedure")] == [
        NAME, NAME]


def test_an_example_municipality_chosen_by_the_person_wins(
        engine: Engine, app_store: Store) -> None:
    flow_id, answers = golden_with_term(engine, "meldprocedure")
    app_store.set_profile_value("meldprocedure", MARKER, MARKER, "griffie")
    at = result_app(flow_id, answers)
    assert MARKER in shown(at)
    seed(at, local=next(iter(engine.content.local)))
    assert MARKER not in shown(at.run())


def test_back_to_the_national_text(app_store: Store) -> None:
    app_store.set_profile_value("meldprocedure", MARKER, MARKER, "griffie")
    at = unlocked(app_store)
    at.button(key="profile:meldprocedure:clear").click().run()
    assert "meldprocedure" not in app_store.get_profile()


def org_form(at: AppTest, step_id: int, version: int, **values: Any) -> AppTest:
    for field, value in values.items():
        key = organisation.field_key(step_id, version, field)
        widget = {"status": at.selectbox, "owner": at.text_input, "due": at.date_input,
                  "note": at.text_area}[field](key=key)
        widget.set_value(value)
    submit(at, f"org-form-{step_id}")
    return at.run()


def submit(at: AppTest, form: str) -> None:
    """Press the submit button of the form with this key."""
    next(b for b in at.button if b.proto.form_id == form).click()


def test_org_view_is_closed_without_signing_in(app_store: Store) -> None:
    app_store.add_user(NAME, PASS, ["griffie"])
    at = griffie_app()
    assert _(
        "Dit overzicht kan interne afspraken bevatten. Het opent pas als u bent aangemeld "
        "met een account van de griffie.", "nl") in [i.value for i in at.info]
    assert not at.get("plotly_chart")


def test_org_item_edit_is_stored_with_its_history(app_store: Store) -> None:
    at = unlocked(app_store)
    due = dt.date.today() - dt.timedelta(days=3)
    at = org_form(at, 5, 0, status="deels", owner="Team bedrijfsvoering", due=due,
                  note="=HYPERLINK(\"x\")")
    assert not at.exception
    item = app_store.org_items([5])[0]
    assert (item.status, item.owner, item.due, item.note) == (
        "deels", "Team bedrijfsvoering", due, "=HYPERLINK(\"x\")")
    changes = app_store.org_history(5)
    assert {c.field for c in changes} == {"status", "owner", "due", "note"}
    assert {c.actor for c in changes} == {NAME}
    assert _("Stap {step} is opgeslagen.", "nl", step=5) in [s.value for s in at.success]
    page = shown(at)
    assert plain(NAME) in page
    assert "Team bedrijfsvoering" in page
    assert _("Over de datum ({count})", "nl", count=1) in page  # its date has passed
    traces = json.loads(at.get("plotly_chart")[0].proto.spec)["data"]
    counts = {trace["name"]: sum(trace["x"]) for trace in traces}
    assert counts[_("deels geregeld", "nl")] == 1
    assert sum(counts.values()) == len(organisation.org_steps(Engine.load()))


def test_a_save_over_someone_elses_change_is_refused(app_store: Store) -> None:
    at = unlocked(app_store)
    app_store.update_org_item(5, "Iemand anders", note="hun notitie")  # version 1 elsewhere
    at = org_form(at, 5, 0, note="mijn notitie")
    assert error_text(StaleItem(), "nl") in [i.value for i in at.info]
    assert app_store.org_items([5])[0].note == "hun notitie"
    at = org_form(at.run(), 5, 1, note="mijn notitie")  # the rebuilt form shows version 1
    assert app_store.org_items([5])[0].note == "mijn notitie"
