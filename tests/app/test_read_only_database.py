"""With the SQLite files made unwritable mid-session, every page says one calm, true sentence.

Why (F10, F12, F16 of the security review): with the data read-only the workshop page showed
Streamlit's error page ("Workshop maken"), the netwerklijst said "Opgeslagen." for a list it
could not keep, and the files made immutable ended the server with SIGBUS. Here the test's own
SQLite files are made immutable (`chattr +i`, as the review did) after the app has opened them;
each page must then name the storage, claim nothing was saved, and raise nothing.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from app_helpers import answer_first, new_app, visitor
from test_griffie import PASS, griffie_app, unlock
from test_netwerk import edit, netwerk_app
from test_store_resume import resume_app
from test_workshop import PIN, facilitator_script, start, texts

from vbestuur_app import persistence
from vbestuur_app.i18n import _
from vbestuur_app.store_views import resume
from vbestuur_engine import Engine
from vbestuur_service import runtime
from vbestuur_store import Store
from vbestuur_store.tokens import new_token

NOT_SAVED = ("Uw antwoorden kunnen nu niet worden bewaard. U kunt gewoon verder; ze staan in "
             "dit venster zolang u het open houdt.")


@pytest.fixture
def immutable(app_store: Store, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The app's SQLite files exist and are open, then become immutable; undone afterwards."""
    if os.geteuid() != 0 or subprocess.run(["which", "chattr"], capture_output=True).returncode:
        pytest.fail("this test needs root and chattr (e2fsprogs) to make files immutable")
    monkeypatch.setattr(persistence, "read_cookie", new_token)
    app_store.add_user("griffier", PASS, ["griffie"])
    assert runtime.current().use(lambda s: s.ping()).ready  # the app's store is open
    data = Path(os.environ["VBESTUUR_DATA_DIR"])
    files = [str(p) for p in data.iterdir() if p.name.startswith("vbestuur.sqlite")]
    assert any(name.endswith("-shm") for name in files)
    subprocess.run(["chattr", "+i", *files], check=True)
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", *files], check=True)


def test_workshop_maken_says_it_cannot_be_kept(immutable: None) -> None:
    at = start(facilitator_script)
    at.text_input(key="ws-new-pin").input(PIN)
    at.text_input(key="ws-new-pin2").input(PIN)
    at.button(key="ws-create").click().run()
    assert not at.exception
    assert _(NOT_SAVED, "nl") in texts(at)


def test_an_answer_stays_in_the_window_with_one_notice(engine: Engine, immutable: None) -> None:
    at = new_app()  # a returning browser: its saved answers cannot be read
    assert [i.value for i in at.info] == [_(NOT_SAVED, "nl")]
    at.button(key="door:incident").click().run()
    question, value = answer_first(at, engine, "incident")
    assert not at.exception
    assert _(NOT_SAVED, "nl") not in [i.value for i in at.info]  # said once, not per click
    assert visitor(at).answers["incident"][question] == value
    assert visitor(at).token is None  # nothing is saved over what could not be read


def test_the_netwerklijst_never_says_opgeslagen(immutable: None) -> None:
    at = edit(netwerk_app(), None, name="Jan Jansen", phone="0612345678")
    assert not at.exception
    assert _("Opgeslagen.", "nl") not in [s.value for s in at.success]


def test_bewaren_offers_no_code_and_names_the_storage_not_the_cookie(immutable: None) -> None:
    at = resume_app()
    assert not at.exception
    assert not at.code and resume.MAKE_KEY not in [b.key for b in at.button]
    shown = [i.value for i in at.info]
    assert _(NOT_SAVED, "nl") in shown
    assert not any("cookie" in text for text in shown)


def test_griffie_sign_in_names_the_storage_not_the_account(immutable: None) -> None:
    at = unlock(griffie_app(), PASS, name="griffier")
    assert not at.exception
    assert [e.value for e in at.error][:1] == [_(NOT_SAVED, "nl")]
