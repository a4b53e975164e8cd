"""The `organisatie` interview and the griffie's register show the same state (AppTest).

Why through the real app: a person opens the interview by its door; what they see must be the
register the griffie keeps, and an unlocked griffie's answers must land in that register.
"""

from __future__ import annotations

import time

from app_helpers import APP, TIMEOUT, choose, keys_with_prefix, new_app, seed
from streamlit.testing.v1 import AppTest

from vbestuur_app.i18n import _
from vbestuur_app.views.home import door_key
from vbestuur_engine import Engine
from vbestuur_service import register
from vbestuur_service.staff import StaffIdentity
from vbestuur_store import Store

DOOR = door_key("organisatie", None)


def test_the_interview_opens_with_the_registers_state(engine: Engine, app_store: Store) -> None:
    app_store.update_org_item(1, "A. de Griffier", status="geregeld")
    app_store.update_org_item(9, "A. de Griffier", status="deels")
    at = new_app()
    at.button(key=DOOR).click().run()
    assert not at.exception
    still_open = keys_with_prefix(at, "step-")
    assert "1" not in still_open  # arranged in the register: closed in the interview too
    assert "9" in still_open and "2" in still_open  # partly and unedited: open
    assert _(
        "Deze antwoorden zijn alleen van u. Ze komen in het overzicht van de griffie als u "
        "zich eerst op de griffiepagina aanmeldt met een account van de griffie.", "nl"
    ) in [c.value for c in at.caption]


def test_an_unlocked_griffie_fills_in_the_register(engine: Engine, app_store: Store) -> None:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    seed(at, staff=StaffIdentity("A. de Griffier", frozenset({"griffie"}), time.time() + 600))
    at.run()
    at.button(key=DOOR).click().run()
    first = next(q for q, step in register.question_steps(engine).items() if step == 1)
    choose(at, engine, "organisatie", first, "geregeld")
    at.button(key="ask:next").click().run()
    assert not at.exception
    [item] = app_store.org_items([1])
    assert (item.status, item.updated_by) == ("geregeld", "A. de Griffier")


def test_a_visitor_does_not_change_the_register(engine: Engine, app_store: Store) -> None:
    at = new_app()
    at.button(key=DOOR).click().run()
    first = next(q for q, step in register.question_steps(engine).items() if step == 1)
    choose(at, engine, "organisatie", first, "geregeld")
    at.button(key="ask:next").click().run()
    assert not at.exception
    [item] = app_store.org_items([1])
    assert item.status == "open" and item.updated_by is None
