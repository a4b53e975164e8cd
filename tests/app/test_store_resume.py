"""AppTest for keeping answers: save on every change, restore in a new session, the bewaarcode,
continuing with a code (right, wrong, malformed), and "vergeet mij".

Why a real store: every test has its own SQLite file (see conftest.py), and the cookie reader
is replaced by a token the store knows, so what is saved is read back from the database, not
from a mock. A "new session" is a new AppTest, exactly as a browser refresh is a new session.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from app_helpers import (
    APP,
    TIMEOUT,
    answer_first,
    new_app,
    seed,
    stored_answers,
    visitor,
    walk_nodes,
)
from streamlit.testing.v1 import AppTest

from vbestuur_app import persistence
from vbestuur_app.i18n import _
from vbestuur_app.messages import error_text
from vbestuur_app.store_views import forget, resume
from vbestuur_engine import Engine
from vbestuur_service import runtime
from vbestuur_store import MalformedCode, Store, UnknownCode, is_token

CODE_RE = re.compile(r"^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$")


def resume_app(lang: str = "nl", answers: dict[str, Any] | None = None) -> AppTest:
    """A new browser session on the "Bewaren en verdergaan" page (with the frame's notices)."""

    def script() -> None:
        import streamlit as st

        from vbestuur_app import persistence, state
        from vbestuur_app.store_views import resume

        state.ensure_defaults(None)
        persistence.keep_relink()
        resume.render()
        for message in persistence.pop_notices():
            st.info(message)

    at = AppTest.from_function(script, default_timeout=TIMEOUT)
    seed(at, lang=lang)
    if answers is not None:
        seed(at, answers=answers)
    return at.run()


def all_text(at: AppTest) -> str:
    """Every value and label on the page, to check what is (not) shown."""
    parts = []
    for node in walk_nodes(at.main):
        for attr in ("value", "label", "body"):
            value = getattr(node, attr, None)
            if isinstance(value, str):
                parts.append(value)
    return "\n".join(parts)


def submit_code(at: AppTest, code: str, lang: str = "nl") -> AppTest:
    """Type the code into the form field and press the form's button."""
    at.text_input(key=resume.INPUT_KEY).input(code)
    next(b for b in at.button if b.label == _("Verdergaan", lang)).click()
    return at.run()


def first_answer(engine: Engine) -> tuple[str, str]:
    flow = engine.flow("incident").flow
    node = engine.flow("incident").node(flow.start)
    return flow.start, node.options[0].value  # type: ignore[union-attr]


def test_every_answer_is_saved_and_a_new_session_gets_it_back(
        engine: Engine, app_store: Store, browser_token: str) -> None:
    at = new_app()
    at.button(key="door:incident").click().run()
    question, value = answer_first(at, engine, "incident")
    assert app_store.load_answers(browser_token)["incident"][question] == value
    again = new_app()  # a refresh: a new session with the same cookie
    assert not again.exception
    assert stored_answers(again, "incident") == {question: value}
    assert _(
        "U was hier al mee bezig. Uw antwoorden staan er nog.", "nl"
    ) in [c.value for c in again.caption]


def test_restart_is_saved_too(engine: Engine, app_store: Store, browser_token: str) -> None:
    at = new_app()
    at.button(key="door:incident").click().run()
    answer_first(at, engine, "incident")
    at.button(key="ask:back").click().run()
    assert app_store.load_answers(browser_token)["incident"] == {}


def test_without_a_cookie_nothing_is_saved_and_all_works(engine: Engine) -> None:
    at = new_app()
    at.button(key="door:incident").click().run()
    answer_first(at, engine, "incident")
    assert not at.exception
    assert visitor(at).token is None
    assert not visitor(new_app()).answers


@pytest.mark.parametrize("cookie", ["not-a-token", "x" * 500])
def test_tampered_cookie_gives_a_fresh_session_without_error(
        monkeypatch: pytest.MonkeyPatch, cookie: str) -> None:
    monkeypatch.setattr(persistence, "read_cookie",
                        lambda: cookie if is_token(cookie) else None)
    at = new_app()
    assert not at.exception
    assert not at.error
    assert visitor(at).token is None
    assert not visitor(at).answers


def test_an_unknown_token_sees_nothing_and_is_quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    """A well-formed token without a row (a browser that saved nothing yet, F6) reads
    nothing and gets no "not found" message; it has a row only after a save."""
    monkeypatch.setattr(persistence, "read_cookie", lambda: "A" * 43)
    at = new_app()
    assert not at.exception and not at.error and not at.info
    assert visitor(at).token == "A" * 43 and visitor(at).stored is False
    assert not visitor(at).answers


def test_bewaarcode_is_shown_once_and_belongs_to_this_session(
        app_store: Store, browser_token: str) -> None:
    at = resume_app()
    at.button(key=resume.MAKE_KEY).click().run()
    code = at.code[0].value
    assert CODE_RE.match(code)
    assert app_store.resume(code) == browser_token
    at.button(key=resume.HIDE_KEY).click().run()
    assert not at.code
    assert code not in all_text(at)
    assert code not in str(at.session_state.to_dict())
    assert at.button(key=resume.MAKE_KEY)  # a new code can be made; the old one is never shown


def test_a_new_code_replaces_the_old_one(app_store: Store, browser_token: str) -> None:
    at = resume_app()
    at.button(key=resume.MAKE_KEY).click().run()
    first = at.code[0].value
    at.button(key=resume.HIDE_KEY).click().run()
    at.button(key=resume.MAKE_KEY).click().run()
    second = at.code[0].value
    assert first != second
    assert app_store.resume(second) == browser_token
    with pytest.raises(UnknownCode):
        app_store.resume(first)


def test_no_code_without_a_cookie() -> None:
    at = resume_app()
    assert _(
        "In deze browser worden uw antwoorden niet bewaard, omdat er geen cookie kan worden "
        "gebruikt. Uw antwoorden staan alleen in dit venster.", "nl") in [i.value for i in at.info]
    with pytest.raises(KeyError):
        at.button(key=resume.MAKE_KEY)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(("typed", "error"), [
    ("abc", MalformedCode), ("<script>alert(1)</script>", MalformedCode),
    ("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345", UnknownCode)])
def test_wrong_or_malformed_code_says_so_and_loses_nothing(
        app_store: Store, browser_token: str, lang: str, typed: str, error: type) -> None:
    mine = {"incident": {"q": "x"}}
    app_store.save_answers(browser_token, "incident", mine["incident"])
    at = submit_code(resume_app(lang, answers=mine), typed, lang)
    assert not at.exception
    assert [e.value for e in at.error] == [error_text(error(), lang)]
    assert typed not in all_text(at)
    assert visitor(at).answers == mine
    assert visitor(at).token == browser_token
    assert app_store.load_answers(browser_token) == mine


def test_right_code_adopts_the_saved_answers_and_offers_to_relink(
        engine: Engine, app_store: Store, browser_token: str) -> None:
    other = app_store.new_token()  # the first device
    question, value = first_answer(engine)
    app_store.save_answers(other, "incident", {question: value})
    code = app_store.create_bewaarcode(other)
    at = submit_code(resume_app(answers={"gereedheid": {"x": "y"}}), code)
    assert not at.exception
    assert _(
        "Gelukt. Uw bewaarde antwoorden staan nu in dit venster.", "nl"
    ) in [s.value for s in at.success]
    assert visitor(at).answers == {"incident": {question: value}}
    assert visitor(at).token == other
    assert at.session_state[resume.INPUT_KEY] == ""
    assert at.get("link_button")  # "Deze browser laten onthouden"
    assert runtime.current().relinks.take(browser_token) == other  # the middleware's one-time swap
    assert code not in all_text(at)


def test_after_resume_new_answers_are_saved_under_the_resumed_token(
        engine: Engine, app_store: Store, browser_token: str) -> None:
    other = app_store.new_token()
    code = app_store.create_bewaarcode(other)
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    seed(at, started=True, token=other)  # what a resume leaves in the session
    at.run()
    at.button(key="door:incident").click().run()
    question, value = answer_first(at, engine, "incident")
    assert app_store.load_answers(other)["incident"] == {question: value}
    assert app_store.load_answers(browser_token) == {}
    assert app_store.resume(code) == other


def forget_all(at: AppTest) -> AppTest:
    assert at.button(key=forget.BUTTON_KEY).disabled  # confirm first
    at.checkbox(key=forget.CONFIRM_KEY).check().run()
    at.button(key=forget.BUTTON_KEY).click().run()
    return at


def test_vergeet_mij_deletes_everything_at_once(
        engine: Engine, app_store: Store, browser_token: str) -> None:
    question, value = first_answer(engine)
    app_store.save_answers(browser_token, "incident", {question: value})
    app_store.save_document(browser_token, "netwerklijst", {"rows": []})
    app_store.record_readiness(browser_token, "gereedheid", {"vooraf": 0.5})
    code = app_store.create_bewaarcode(browser_token)
    at = forget_all(resume_app())
    assert not at.exception
    assert _(
        "Alles is verwijderd. Wat u in dit venster nog invult, wordt niet meer bewaard. Opent u "
        "de hulp opnieuw, dan begint u met een lege lijst.", "nl") in [s.value for s in at.success]
    assert not app_store.exists(browser_token)
    with pytest.raises(UnknownCode):
        app_store.resume(code)
    assert not visitor(at).answers
    assert visitor(at).token is None
    fresh = visitor(at).fresh_cookie
    assert fresh is not None and fresh != browser_token
    # the next page load swaps the forgotten cookie for a fresh, unused token
    assert runtime.current().fresh_cookies.take(browser_token) == fresh
    assert not app_store.exists(fresh)
    again = new_app()  # a refresh with the old cookie: nothing comes back
    assert not again.exception
    assert not visitor(again).answers
    assert visitor(again).stored is False


def test_vergeet_mij_also_forgets_this_browsers_own_token_after_a_resume(
        app_store: Store, browser_token: str) -> None:
    other = app_store.new_token()
    at = submit_code(resume_app(), app_store.create_bewaarcode(other))
    forget_all(at)
    assert not app_store.exists(other)
    assert not app_store.exists(browser_token)
    assert runtime.current().relinks.take(browser_token) is None
