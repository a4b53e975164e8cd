"""With the database unreachable every page degrades calmly: a sentence, never an exception.

Why: the review's probe showed the home page degrading quietly while the facilitator page
showed Streamlit's exception box. All storage now goes through the runtime, which maps a
driver failure to one typed error; these tests hold the pages to it.
"""

from __future__ import annotations

import socket

import pytest
from app_helpers import APP, TIMEOUT
from streamlit.testing.v1 import AppTest
from test_workshop import (
    PIN,
    device,  # noqa: F401  (autouse: this browser has its cookie)
    facilitator_script,
    participant_script,
    presenter_script,
    start,
    texts,
)

from vbestuur_app.i18n import _


@pytest.fixture(autouse=True)
def _database_down(monkeypatch: pytest.MonkeyPatch) -> None:
    """A PostgreSQL URL on a local port nothing listens on: every connection is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("VBESTUUR_DATABASE_URL",
                       f"postgresql://nobody@127.0.0.1:{port}/vbestuur?connect_timeout=2")


def test_facilitator_page_says_the_database_is_down() -> None:
    at = start(facilitator_script)
    at.text_input(key="ws-new-pin").input(PIN)
    at.text_input(key="ws-new-pin2").input(PIN)
    at.button(key="ws-create").click().run()
    assert not at.exception
    assert _(
        "Uw antwoorden kunnen nu niet worden bewaard. U kunt gewoon verder; ze staan in dit "
        "venster zolang u het open houdt.", "nl") in texts(at)


def test_console_and_participant_pages_say_it_too() -> None:
    at = start(facilitator_script, facilitating=("K7QM3X", PIN))
    assert not at.exception
    assert _(
        "Uw antwoorden kunnen nu niet worden bewaard. U kunt gewoon verder; ze staan in dit "
        "venster zolang u het open houdt.", "nl") in texts(at)
    joined = start(participant_script, lang="en")
    joined.text_input(key="ws-join-code").input("K7QM3X")
    joined.button(key="ws-join").click().run()
    assert not joined.exception
    assert _(
        "Uw antwoorden kunnen nu niet worden bewaard. U kunt gewoon verder; ze staan in dit "
        "venster zolang u het open houdt.", "en") in texts(joined)


def test_home_page_still_works() -> None:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    assert not at.exception
    assert at.button  # the doors are there


def test_the_beamer_screen_says_it_too() -> None:
    """F10: the presenter's screen (scherm) with a room open and the database refused."""
    at = start(presenter_script, facilitating=("K7QM3X", PIN))
    assert not at.exception
    assert _(
        "Uw antwoorden kunnen nu niet worden bewaard. U kunt gewoon verder; ze staan in dit "
        "venster zolang u het open houdt.", "nl") in texts(at)


def test_the_retention_purge_waits_for_the_database() -> None:
    """The lifespan's purge (sessions and expired workshops) is postponed, never fatal."""
    from vbestuur_app.asgi import purge_quietly
    from vbestuur_service import runtime

    purge_quietly(runtime.current())  # raises nothing
    assert not runtime.current().available()  # and the pages stop waiting on it
