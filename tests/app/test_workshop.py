"""Workshop mode in AppTest: the facilitator's page, the presenter view and the participant's
page, driven by widget key against a real SQLite store in a temporary folder."""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from app_helpers import TIMEOUT, seed, visitor
from streamlit.testing.v1 import AppTest
from workshop_vocabulary import POLLS

from vbestuur_service.staff import StaffIdentity
from vbestuur_store import (
    Store,
    cast_vote,
    create_workshop,
    end_workshop,
    get_workshop,
    join_workshop,
    open_store,
    poll_results,
)
from vbestuur_store.workshop_errors import StepRevealed, UnknownRoom

PIN = "begeleider-1"


def facilitator_script() -> None:
    from vbestuur_app import links, state
    from vbestuur_app.loading import load
    from vbestuur_app.workshop import facilitator

    state.ensure_defaults(None)
    engine = load().engine
    assert engine is not None
    facilitator.render(engine, links.target(links.SCHERM))


def presenter_script() -> None:
    from vbestuur_app import state
    from vbestuur_app.loading import load
    from vbestuur_app.workshop import presenter

    state.ensure_defaults(None)
    engine = load().engine
    assert engine is not None
    presenter.render(engine)


def participant_script() -> None:
    from vbestuur_app import state
    from vbestuur_app.loading import load
    from vbestuur_app.workshop import participant

    state.ensure_defaults(None)
    engine = load().engine
    assert engine is not None
    participant.render(engine)


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """The app's database in a temporary folder, and a Store on it for set-up and checks."""
    monkeypatch.delenv("VBESTUUR_DATABASE_URL", raising=False)
    monkeypatch.delenv("VBESTUUR_WORKSHOP_DAYS", raising=False)
    monkeypatch.setenv("VBESTUUR_DATA_DIR", str(tmp_path))
    opened = open_store(env={"VBESTUUR_DATA_DIR": str(tmp_path)})
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def device(monkeypatch: pytest.MonkeyPatch) -> str:
    """This browser's HttpOnly cookie token (AppTest has no cookies), and one LAN address, so
    the join address does not depend on the test machine's network."""
    from vbestuur_app import persistence
    from vbestuur_app.workshop import qr

    token = secrets.token_urlsafe(32)
    monkeypatch.setattr(persistence, "read_cookie", lambda: token)
    monkeypatch.setattr(qr, "lan_addresses", lambda: ["192.168.1.20"])
    return token
FACILITATOR = StaffIdentity("f.acilitator", frozenset({"facilitator"}), time.time() + 3600)


def start(script: object, lang: str = "nl", **state: object) -> AppTest:
    """A session on `script`; the facilitator's page with a signed-in facilitator."""
    at = AppTest.from_function(script, default_timeout=TIMEOUT)  # type: ignore[arg-type]
    if script is facilitator_script:
        state.setdefault("staff", FACILITATOR)
    seed(at, lang=lang, **state)
    return at.run()


def fac_code(at: AppTest) -> str | None:
    """The room code this session facilitates, if any."""
    facilitating = visitor(at).facilitating
    return None if facilitating is None else facilitating[0]


def texts(at: AppTest) -> str:
    parts = [e.value for kind in ("markdown", "error", "success", "info", "caption", "title",
                                  "header", "subheader") for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts).replace("\\", "")  # drop Markdown escapes


def as_facilitator(code: str, script: object = facilitator_script) -> AppTest:
    return start(script, facilitating=(code, PIN))


def test_facilitator_creates_a_workshop(store: Store) -> None:
    at = start(facilitator_script)
    assert not at.exception
    at.multiselect(key="ws-new-phases").set_value(["vooraf"])
    at.number_input(key="ws-new-k").set_value(4)
    at.text_input(key="ws-new-pin").input(PIN)
    at.text_input(key="ws-new-pin2").input(PIN)
    at.button(key="ws-create").click().run()
    assert not at.exception
    code = fac_code(at)
    assert code is not None
    made = get_workshop(store, code)
    assert made.steps == tuple(range(1, 13)) and made.k == 4 and made.current_step == 1
    assert f"Workshopcode: {code}" in texts(at)
    assert at.button(key="ws-end") is not None


def test_facilitator_picks_single_steps_and_pins_must_match(store: Store) -> None:
    at = start(facilitator_script, "en")
    at.multiselect(key="ws-new-steps").set_value([14, 3])
    at.text_input(key="ws-new-pin").input(PIN)
    at.text_input(key="ws-new-pin2").input(PIN + "x")
    at.button(key="ws-create").click().run()
    assert "The two PINs are not the same." in texts(at)
    at.text_input(key="ws-new-pin2").input(PIN)
    at.button(key="ws-create").click().run()
    assert get_workshop(store, str(fac_code(at))).steps == (3, 14)


@pytest.mark.parametrize(("lang", "message"), [
    ("nl", "Deze combinatie van workshopcode en pincode klopt niet."),
    ("en", "This combination of workshop code and PIN is not right."),
])
def test_wrong_pin_gets_a_clear_message(store: Store, lang: str, message: str) -> None:
    code = create_workshop(store, PIN, [1, 2]).code
    at = start(facilitator_script, lang)
    at.text_input(key="ws-login-code").input(code.lower())
    at.text_input(key="ws-login-pin").input("niet-goed")
    at.button(key="ws-login").click().run()
    assert message in texts(at)
    assert fac_code(at) is None
    at.text_input(key="ws-login-pin").input(PIN)
    at.button(key="ws-login").click().run()
    assert fac_code(at) == code


def _expired_code(store: Store) -> str:
    past = open_store(str(store.engine.url), env={},
                      clock=lambda: datetime.now(UTC) - timedelta(days=30))
    code = create_workshop(past, PIN, [1], days=7).code
    past.close()
    return code


CALM = {"nl": "Met deze code kunt u nu niet meedoen.",
        "en": "You cannot join with this code now."}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("typed", ["222222", "expired", "ended"])
def test_wrong_expired_or_ended_codes_read_alike(store: Store, lang: str, typed: str) -> None:
    """No existence oracle (F15): unknown, expired and ended codes get one calm sentence."""
    if typed == "expired":
        typed = _expired_code(store)
    elif typed == "ended":
        typed = create_workshop(store, PIN, [1]).code
        end_workshop(store, typed, PIN)
    at = start(participant_script, lang)
    at.text_input(key="ws-join-code").input(typed)
    at.button(key="ws-join").click().run()
    assert not at.exception
    shown = texts(at)
    assert CALM[lang] in shown
    assert not any(word in shown.lower() for word in ("verlopen", "expired", "afgelopen",
                                                      "ended", "geen workshop", "no workshop"))
    assert visitor(at).participating is None


@pytest.mark.parametrize(("lang", "message"), [
    ("nl", "Dit is geen geldige workshopcode."), ("en", "This is not a valid workshop code.")])
def test_a_malformed_code_gets_the_typo_hint(store: Store, lang: str, message: str) -> None:
    at = start(participant_script, lang)
    at.text_input(key="ws-join-code").input("AB")
    at.button(key="ws-join").click().run()
    assert message in texts(at) and visitor(at).participating is None


def _join(code: str, lang: str = "nl") -> AppTest:
    """A participant who opened the QR address (code filled in) and pressed "Meedoen"."""
    at = AppTest.from_function(participant_script, default_timeout=TIMEOUT)
    seed(at, lang=lang)
    at.query_params["code"] = code
    at.run()
    assert at.text_input(key="ws-join-code").value == code
    at.button(key="ws-join").click().run()
    assert not at.exception
    return at


def test_participant_answers_and_changes_anonymously(store: Store) -> None:
    code = create_workshop(store, PIN, [1, 2], k=3).code
    at = _join(code)
    joined = visitor(at).participating
    assert joined is not None
    token = joined[1]
    assert get_workshop(store, code).participants == 1
    at.radio(key="ws-vote-1-geregeld").set_value("deels").run()
    assert "Uw antwoord is bewaard." in texts(at)
    at.radio(key="ws-vote-1-geregeld").set_value("nee").run()
    result = poll_results(store, code, PIN, 1, polls=POLLS)
    assert result.geregeld.respondents == 1 and result.geregeld.counts is None
    at.button(key="ws-vote-1-gedrag-send").click().run()
    assert "Kies eerst een antwoord." in texts(at)
    at.button_group(key="ws-vote-1-gedrag").set_value(["stalken", "geen"]).run()
    at.button(key="ws-vote-1-gedrag-send").click().run()
    assert "niet allebei" in texts(at)
    at.button_group(key="ws-vote-1-gedrag").set_value(["stalken"]).run()
    at.button(key="ws-vote-1-gedrag-send").click().run()
    assert "Uw antwoord nu: Stalken" in texts(at)
    assert at.button_group(key="ws-vote-1-gedrag").value == ["stalken"]
    from vbestuur_store import own_answers
    assert own_answers(store, code, token) == {(1, "geregeld"): ["nee"],
                                               (1, "gedrag"): ["stalken"]}
    assert token not in texts(at)  # the token is never shown


def test_presenter_hides_results_below_k_and_moves_on(store: Store) -> None:
    code = create_workshop(store, PIN, [1, 4], k=3).code
    tokens = [join_workshop(store, code) for _ in range(3)]
    for token in tokens[:2]:
        cast_vote(store, code, token, 1, "geregeld", "nee", polls=POLLS)
    at = as_facilitator(code, presenter_script)
    assert not at.exception
    shown = texts(at)
    assert "Stap 1: Bespreken en taboe doorbreken" in shown
    assert "2 van minimaal 3 antwoorden" in shown and "3 deelnemers" in shown
    assert "dezelfde dader" in shown  # a prompt from rules/workshop.yaml
    # the reachable address, not localhost (plain() puts a word joiner in "://" so it never
    # becomes a link; a reader sees the address unchanged)
    assert "http://192.168.1.20:8501/meedoen" in shown.replace("\u2060", "")
    assert 'alt="QR-code: open http://192.168.1.20:8501/meedoen?code=' in _html(at)
    cast_vote(store, code, tokens[2], 1, "geregeld", "ja", polls=POLLS)
    at.run()
    assert "3 antwoorden. De begeleider toont de uitslag" in texts(at)  # no live figures
    assert "Nee 2" not in texts(at)
    at.button(key="ws-reveal").click().run()
    shown = texts(at)
    assert "Oordeel van de zaal: niet geregeld" in shown
    assert "Ja 1 · Deels 0 · Nee 2 · Weet ik niet 0 (van 3)" in shown
    with pytest.raises(StepRevealed):  # the revealed figure cannot move any more
        cast_vote(store, code, tokens[0], 1, "geregeld", "ja", polls=POLLS)
    at.button(key="ws-next").click().run()
    assert get_workshop(store, code).current_step == 4
    assert "Stap 4: Risicoanalyse" in texts(at)
    participant = _join(code)
    assert participant.radio(key="ws-vote-4-geregeld") is not None


def _html(at: AppTest) -> str:
    return "\n".join(e.proto.body for e in at.get("html"))


def test_loopback_only_tells_the_facilitator_what_to_do(store: Store,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from vbestuur_app.workshop import beamer

    monkeypatch.setattr(beamer, "_listening_on", lambda: "127.0.0.1")
    code = create_workshop(store, PIN, [1], k=3).code
    at = as_facilitator(code, presenter_script)
    shown = texts(at)
    assert "Telefoons kunnen dit adres niet bereiken" in shown
    assert "make run HOST=0.0.0.0" in shown and "VBESTUUR_PUBLIC_URL" in shown
    assert "192.168.1.20" in shown
    assert "data:image/png" not in _html(at)  # no QR code that would lead nowhere


def test_reload_rejoins_as_the_same_participant_with_the_vote(store: Store) -> None:
    code = create_workshop(store, PIN, [1], k=3).code
    first = _join(code)
    first.radio(key="ws-vote-1-geregeld").set_value("deels").run()
    again = _join(code)  # a reload or a second tab: a new Streamlit session, same cookie
    assert get_workshop(store, code).participants == 1
    assert "Uw antwoord nu: Deels" in texts(again)


def test_end_export_hand_over_and_delete(store: Store) -> None:
    code = create_workshop(store, PIN, [3], k=3).code
    for value in ("nee", "nee", "weet-niet"):
        cast_vote(store, code, join_workshop(store, code), 3, "geregeld", value, polls=POLLS)
    at = as_facilitator(code)
    at.button(key="ws-end").click().run()
    assert get_workshop(store, code).ended and "Deze workshop is afgelopen." in texts(at)
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Download samenvatting (Markdown)", "Download samenvatting (PDF)"]
    at.button(key="ws-propose").click().run()
    assert "Doorgegeven aan de griffie: stap 3." in texts(at)
    assert "Voorstel uit workshop " + code in store.org_items([3])[0].note
    participant = AppTest.from_function(participant_script, default_timeout=TIMEOUT)
    seed(participant, lang="en")
    participant.run()
    participant.text_input(key="ws-join-code").input(code)
    participant.button(key="ws-join").click().run()
    assert CALM["en"] in texts(participant)
    at.checkbox(key="ws-delete-confirm").check().run()
    at.button(key="ws-delete").click().run()
    assert "De workshop en alle antwoorden zijn verwijderd." in texts(at)
    with pytest.raises(UnknownRoom):
        get_workshop(store, code)
