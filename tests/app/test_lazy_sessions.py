"""A page load makes no database row; the first thing worth keeping does (F6 of the review).

Why: every cookieless page load used to insert a session row (2,000 loads from one client,
2,000 rows kept for 90 days). Here every browser is what the cookie middleware makes of a
cookieless load: a fresh, well-formed token without a row. The rows are counted in the real
SQLite file the app under test writes.
"""

from __future__ import annotations

import pytest
from app_helpers import answer_first, complete_flow, new_app, visitor
from sqlalchemy import text
from test_netwerk import edit, netwerk_app

from vbestuur_app import clients, persistence
from vbestuur_app.i18n import _
from vbestuur_engine import Engine
from vbestuur_store import Store, limiter
from vbestuur_store.limiter import Policy
from vbestuur_store.tokens import new_token

KEPT_CHECK = ("Deze check is bewaard. Doet u hem later opnieuw, dan ziet u hier wat er is "
              "veranderd.")
THROTTLED = (
    "Vanaf uw netwerk worden nu heel veel nieuwe gesprekken begonnen. Wat u invult, staat in "
    "dit venster, maar wordt pas over een paar minuten weer bewaard.")


def session_rows(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM sessions")).scalar_one())


@pytest.fixture
def jar(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """This test's browsers: each new AppTest gets the token a cookieless load was given."""
    cookie: list[str] = [new_token()]
    monkeypatch.setattr(persistence, "read_cookie", lambda: cookie[0])
    return cookie


def test_page_loads_make_no_rows_and_the_first_answer_makes_one(
        engine: Engine, app_store: Store, jar: list[str]) -> None:
    for _n in range(5):  # five new browsers look at the home page and open a conversation
        jar[0] = new_token()
        at = new_app()
        at.button(key="door:incident").click().run()
        assert not at.exception and not at.info
    assert session_rows(app_store) == 0
    answer_first(at, engine, "incident")  # the last browser answers one question
    assert session_rows(app_store) == 1
    assert app_store.exists(jar[0])
    again = new_app()  # a refresh: the answer and the open conversation come back
    assert visitor(again).answers["incident"]
    assert visitor(again).flow == "incident"


def test_a_saved_netwerklijst_makes_the_row(app_store: Store, jar: list[str]) -> None:
    at = netwerk_app()
    assert session_rows(app_store) == 0
    at = edit(at, None, name="Jan Jansen", phone="0612345678")
    assert _("Opgeslagen.", "nl") in [s.value for s in at.success]
    assert session_rows(app_store) == 1


def few_sessions_per_client(monkeypatch: pytest.MonkeyPatch, free: int) -> None:
    monkeypatch.setattr(clients, "address", lambda: "203.0.113.77")  # one client
    monkeypatch.setattr(limiter, "SESSION_CREATE",
                        Policy("session-create", free=free, base_seconds=600, max_seconds=600,
                               window_seconds=600))


def test_a_check_is_said_to_be_kept_only_when_it_was(
        engine: Engine, app_store: Store, jar: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    few_sessions_per_client(monkeypatch, 1)
    at = new_app()
    at.button(key="door:gereedheid").click().run()
    complete_flow(at, engine, "gereedheid")
    assert _(KEPT_CHECK, "nl") in [c.value for c in at.caption]
    assert len(app_store.readiness_history(jar[0], "gereedheid")) == 1
    jar[0] = new_token()  # a second browser of the same client: throttled
    at = new_app()
    at.button(key="door:gereedheid").click().run()
    complete_flow(at, engine, "gereedheid")
    assert not at.exception
    assert _(KEPT_CHECK, "nl") not in [c.value for c in at.caption]
    assert session_rows(app_store) == 1


def test_a_client_that_starts_too_many_sessions_is_told_and_loses_nothing(
        engine: Engine, app_store: Store, jar: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    few_sessions_per_client(monkeypatch, 2)
    for _n in range(2):
        jar[0] = new_token()
        at = new_app()
        at.button(key="door:incident").click().run()
        answer_first(at, engine, "incident")
        assert _(THROTTLED, "nl") not in [i.value for i in at.info]
    jar[0] = new_token()
    at = new_app()
    at.button(key="door:incident").click().run()
    question, value = answer_first(at, engine, "incident")
    assert session_rows(app_store) == 2
    assert _(THROTTLED, "nl") in [i.value for i in at.info]
    assert visitor(at).answers["incident"][question] == value  # kept in this window
