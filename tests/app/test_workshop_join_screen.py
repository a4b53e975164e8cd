"""Joining a room and opening the projector's window, in AppTest (issue 13, F15).

Why these tests: the join page told a guesser whether a code existed ("geen workshop", "verlopen",
"vol") and never slowed him down; and the screen opened in a second window asked the facilitator
to sign in again in front of the room. Now every code that lets nobody in reads alike and counts
against the guessing client, and the console hands the screen over once, briefly, to this browser.
"""

from __future__ import annotations

import secrets

import pytest
from app_helpers import TIMEOUT, seed, visitor
from streamlit.testing.v1 import AppTest
from test_workshop import (
    CALM,
    PIN,
    as_facilitator,
    device,
    facilitator_script,
    participant_script,
    presenter_script,
    start,
    store,
    texts,
)

from vbestuur_app import clients, persistence
from vbestuur_app.workshop import handover, presenter
from vbestuur_store import Store, create_workshop, get_workshop
from vbestuur_store.limiter import ROOM_CODE
from vbestuur_store.workshop import ROOM_ALPHABET

__all__ = ["device", "store"]  # the workshop tests' fixtures


def warnings(at: AppTest) -> str:
    return "\n".join(str(w.value) for w in at.warning)


def try_code(code: str, lang: str = "nl") -> AppTest:
    at = start(participant_script, lang)
    at.text_input(key="ws-join-code").input(code)
    return at.button(key="ws-join").click().run()


def test_a_full_room_reads_like_a_wrong_code_but_lets_its_devices_back(
        store: Store, device: str, monkeypatch: pytest.MonkeyPatch) -> None:
    code = create_workshop(store, PIN, [1], max_participants=1).code
    assert visitor(try_code(code)).participating is not None  # this device takes the place
    monkeypatch.setattr(persistence, "read_cookie", lambda: secrets.token_urlsafe(32))
    refused = try_code(code)
    assert CALM["nl"] in texts(refused) and "workshop is vol" not in texts(refused)
    assert visitor(refused).participating is None
    monkeypatch.setattr(persistence, "read_cookie", lambda: device)
    assert visitor(try_code(code)).participating is not None  # the same device: back in
    assert get_workshop(store, code).participants == 1


def test_guessing_codes_is_slowed_per_client(store: Store,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    code = create_workshop(store, PIN, [1]).code
    monkeypatch.setattr(clients, "address", lambda: "10.0.0.66")
    for n in range(ROOM_CODE.free):
        assert CALM["nl"] in texts(try_code(f"2222{ROOM_ALPHABET[n]}Z"))
    assert store.room_code_missed("10.0.0.66") > 0  # the page counted every miss
    assert store.room_code_missed("10.0.0.99") == 0  # a client that never missed
    for _ in range(4):
        store.room_code_missed("10.0.0.66")  # a guesser keeps going: the wait doubles
    slowed = try_code(code)  # even the right code waits: the wait says nothing about codes
    assert "Te veel pogingen vanaf deze plek." in texts(slowed)
    assert visitor(slowed).participating is None
    monkeypatch.setattr(clients, "address", lambda: "10.0.0.7")  # someone else in the room
    assert visitor(try_code(code)).participating is not None


def _screen_link(code: str) -> str:
    """Press "Scherm in een nieuw venster" on the console; return the link's address."""
    at = as_facilitator(code)
    at.button(key="ws-window").click().run()
    links = [e.proto.url for e in at.get("link_button")]
    assert len(links) == 1 and links[0].startswith("workshop-scherm?overdracht="), links
    assert PIN not in links[0] and code not in links[0]
    return links[0]


def _open_screen(link: str) -> AppTest:
    """A new window (a new session, nothing remembered) opening the hand-over address."""
    at = AppTest.from_function(presenter_script, default_timeout=TIMEOUT)
    seed(at, lang="nl")
    at.query_params[handover.PARAM] = link.split("=", 1)[1]
    return at.run()


def test_the_projector_window_opens_once_without_signing_in(store: Store) -> None:
    code = create_workshop(store, PIN, [1, 2], k=3).code
    link = _screen_link(code)
    screen = _open_screen(link)
    assert not screen.exception
    assert visitor(screen).facilitating == (code, PIN)
    assert handover.PARAM not in screen.query_params  # taken out of the address at once
    assert "Stap 1:" in texts(screen)
    again = _open_screen(link)  # the same address once more (history, a copy): worthless
    assert visitor(again).facilitating is None
    assert "al gebruikt of verlopen" in warnings(again)


def test_the_hand_over_works_only_in_the_browser_that_asked(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    code = create_workshop(store, PIN, [1]).code
    link = _screen_link(code)
    monkeypatch.setattr(persistence, "read_cookie", lambda: secrets.token_urlsafe(32))
    stranger = _open_screen(link)
    assert visitor(stranger).facilitating is None
    assert "al gebruikt of verlopen" in warnings(stranger)


def test_a_hand_over_expires_and_is_used_once() -> None:
    now = [1000.0]
    book = handover.HandoverBook(seconds=120, clock=lambda: now[0])
    late, once = book.issue("K7QM3X", PIN, "dev"), book.issue("K7QM3X", PIN, None)
    assert book.redeem(once, "any browser") == ("K7QM3X", PIN)
    assert book.redeem(once, "any browser") is None
    now[0] += 120
    assert book.redeem(late, "dev") is None
    assert book.redeem("not-issued", "dev") is None


def test_the_presenter_buttons_have_slide_keys(store: Store) -> None:
    code = create_workshop(store, PIN, [1, 2], k=3).code
    at = as_facilitator(code, presenter_script)
    keys = {key: at.button(key=key).proto.shortcut for key in presenter.KEYS}
    assert keys == {"ws-prev": "left", "ws-next": "right", "ws-reveal": "space"}


def test_the_console_needs_the_staff_sign_in_before_any_hand_over(store: Store) -> None:
    code = create_workshop(store, PIN, [1]).code
    at = AppTest.from_function(facilitator_script, default_timeout=TIMEOUT)
    seed(at, lang="nl", facilitating=(code, PIN))  # no staff sign-in on this session
    at.run()
    assert not at.get("link_button") and "ws-window" not in [b.key for b in at.button]


@pytest.mark.parametrize(("listening", "lan", "told"), [
    ("127.0.0.1", ["192.168.1.20"], "make run HOST=0.0.0.0"),
    ("0.0.0.0", [], "Deze computer heeft geen netwerkadres gevonden."),
])
def test_the_console_says_why_phones_cannot_join_before_the_room_opens(
        store: Store, monkeypatch: pytest.MonkeyPatch, listening: str, lan: list[str],
        told: str) -> None:
    from vbestuur_app.workshop import beamer, qr

    monkeypatch.setattr(beamer, "_listening_on", lambda: listening)
    monkeypatch.setattr(qr, "lan_addresses", lambda: lan)
    at = as_facilitator(create_workshop(store, PIN, [1]).code)
    shown = texts(at)
    assert "Telefoons kunnen dit adres niet bereiken" in shown and told in shown
    assert all(address in shown for address in lan)


def test_the_console_is_quiet_when_the_phones_can_reach_it(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from vbestuur_app.workshop import beamer

    monkeypatch.setattr(beamer, "_listening_on", lambda: "0.0.0.0")  # make run HOST=0.0.0.0
    at = as_facilitator(create_workshop(store, PIN, [1]).code)
    assert "Telefoons kunnen dit adres niet bereiken" not in texts(at)
    assert "192.168.1.20" not in texts(at)  # no notice, no list of addresses


def test_the_empty_screen_has_its_heading_and_says_what_to_do() -> None:
    """Opened without a workshop (no sign-in, no hand-over): an h1 like every page, and the
    one sentence that says where to open a workshop."""
    at = AppTest.from_function(presenter_script, default_timeout=TIMEOUT)
    seed(at, lang="nl")
    at.run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Workshopscherm"]
    assert "Open eerst een workshop" in " ".join(i.value for i in at.info)
