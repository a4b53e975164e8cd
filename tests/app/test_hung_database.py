"""A PostgreSQL that accepts connections and never answers: the flows do not wait on it (F3).

Why: the review's hung database made every page load and every script run wait 130 s, the
112 notice included. With the store's timeouts a page still waited a few seconds on every
run (the profile, the saved answers, each save). Now a page that needs no database takes what
it has, the runtime pauses after the first failure, and the app tries the database only a
few times in a whole conversation; the person is told, once, that nothing is being saved.

The time bound is generous on purpose (a loaded 2-core machine): before, one walk through a
conversation took well over a minute; the number of connection attempts is the sharper
measure.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from app_helpers import answer_first, new_app, visitor

from vbestuur_app import persistence
from vbestuur_app.i18n import _
from vbestuur_engine import Engine
from vbestuur_store.tokens import new_token

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ops"))
from ops_helpers import hung_database_counted  # noqa: E402

NOT_SAVED = ("Uw antwoorden kunnen nu niet worden bewaard. U kunt gewoon verder; ze staan in "
             "dit venster zolang u het open houdt.")
DANGER = "**Bent u nu in gevaar? Bel [112](tel:112).**"
WALK_SECONDS = 30.0  # before: each of the ~6 runs waited for the database


@pytest.fixture
def hung(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    with hung_database_counted() as (port, held):
        monkeypatch.setenv("VBESTUUR_DATABASE_URL", f"postgresql://nobody@127.0.0.1:{port}/x")
        yield held  # type: ignore[misc]


def test_a_conversation_goes_on_while_the_database_hangs(
        engine: Engine, hung: list[object], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(persistence, "read_cookie", new_token)  # a returning browser
    began = time.monotonic()
    at = new_app()
    assert not at.exception
    assert _(DANGER, "nl") in [w.value for w in at.warning]
    at.button(key="door:incident").click().run()
    for _n in range(3):
        answer_first(at, engine, "incident")
    assert time.monotonic() - began < WALK_SECONDS
    assert not at.exception
    assert len(visitor(at).answers["incident"]) == 3  # kept in the window
    assert len(hung) <= 3  # the database was tried a few times, not on every run


def test_the_home_page_does_not_wait_for_a_returning_browsers_answers(
        hung: list[object], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(persistence, "read_cookie", new_token)
    began = time.monotonic()
    at = new_app()
    assert time.monotonic() - began < WALK_SECONDS / 3
    assert not at.exception
    assert _(NOT_SAVED, "nl") in [i.value for i in at.info]
    assert visitor(at).token is None  # nothing is saved over answers it could not read
    again = new_app()  # another browser right after: the pause spares it the wait
    assert not again.exception
    assert len(hung) <= 2
