"""With the database down, the pages name the right cause and claim nothing false (F10, F16).

Why: the review saw the netwerklijst say "Opgeslagen." next to "kunnen nu niet worden
bewaard" after PostgreSQL stopped mid-session (F16), and the bewaren page blame the cookie
when the database was refused (F10). The database here is a real refusal: a PostgreSQL URL on
a local port nothing listens on.
"""

from __future__ import annotations

import socket

import pytest
from app_helpers import walk_nodes
from test_netwerk import edit, netwerk_app, token
from test_store_resume import resume_app

from vbestuur_app.i18n import _
from vbestuur_service import runtime
from vbestuur_service.runtime import Runtime
from vbestuur_service.settings import Settings

__all__ = ["token"]  # the netwerk tests' fixture: a stored session as this browser's cookie


def refused_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"postgresql://nobody@127.0.0.1:{port}/vbestuur?connect_timeout=2"


def database_goes_down() -> None:
    runtime.install(Runtime(Settings.from_env({"VBESTUUR_DATABASE_URL": refused_url()})))


def all_text(at: object) -> str:
    return "\n".join(str(getattr(n, "value", "")) for n in walk_nodes(at.main))  # type: ignore[attr-defined]


def test_netwerklijst_never_says_saved_when_saving_failed(token: str) -> None:
    at = netwerk_app()
    database_goes_down()
    at = edit(at, None, name="Jan Jansen", phone="0612345678")
    assert not at.exception
    assert _("Opgeslagen.", "nl") not in [s.value for s in at.success]
    assert _(
        "Uw wijziging staat in dit venster, maar is niet bewaard.", "nl"
    ) in [i.value for i in at.info]


def test_netwerklijst_still_says_saved_when_it_was(token: str) -> None:
    at = edit(netwerk_app(), None, name="Jan Jansen", phone="0612345678")
    assert _("Opgeslagen.", "nl") in [s.value for s in at.success]


def test_bewaren_blames_the_database_not_the_cookie(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VBESTUUR_DATABASE_URL", refused_url())
    runtime.reset()
    at = resume_app()
    assert not at.exception
    text = all_text(at)
    assert _(
        "In deze browser worden uw antwoorden niet bewaard, omdat er geen cookie kan worden "
        "gebruikt. Uw antwoorden staan alleen in dit venster.", "nl") not in text
    assert _(
        "Uw antwoorden kunnen nu niet worden bewaard. U kunt gewoon verder; ze staan in dit "
        "venster zolang u het open houdt.", "nl") in text
