"""A municipality's own values replace the national default text in the advice. The choice
is on the start page (not in a side bar on every page), names the griffie's profile once the
process has it without opening its store, and the result says whose arrangements it uses."""

from __future__ import annotations

import re

import pytest
from app_helpers import complete_flow, new_app, visitor
from html_parts import block_text
from streamlit.testing.v1 import AppTest

from vbestuur_app.i18n import _
from vbestuur_app.state import LOCAL_WIDGET
from vbestuur_app.store_views.local import NAME_ID
from vbestuur_engine import Engine, render
from vbestuur_engine.text import terms_used
from vbestuur_service import runtime
from vbestuur_store import Store


def test_choosing_a_municipality_fills_in_its_values(engine: Engine) -> None:
    if not engine.content.local:
        pytest.skip("no rules/local/*.yaml")
    name = sorted(engine.content.local)[0]
    local = engine.content.local[name]
    at = new_app()
    at.radio(key=LOCAL_WIDGET).set_value(name).run()
    assert visitor(at).local == name
    at.button(key="door:incident").click().run()
    progress = complete_flow(at, engine, "incident")
    with_term = [h.advice for h in progress.advice
                 if set(terms_used(h.advice.text)) & set(local.values)]
    if not with_term:
        pytest.skip("no advice on the golden incident path uses a local term")
    # the advice cards are the result's HTML blocks (tests/app/html_parts.py), read as text
    shown = " ".join(block_text(at).split())
    for advice in with_term:
        text = render(advice.text, "nl", engine.content.terms, local)
        for paragraph in re.split(r"\n\s*\n", text.strip()):
            assert " ".join(paragraph.split()) in shown


def test_no_municipality_by_default() -> None:
    at = new_app()
    assert visitor(at).local is None


def _menu_labels(at: AppTest) -> list[str]:
    return list(at.radio(key=LOCAL_WIDGET).options)


def test_a_first_question_does_not_open_the_store() -> None:
    """Issue 15: home and the first question draw without importing SQLAlchemy for the
    municipality profile (nothing on them uses it)."""
    at = new_app()
    assert _menu_labels(at)[0].startswith("Standaard (")
    at.button(key="door:incident").click().run()
    assert not at.exception
    assert any(r.key and r.key.startswith("ans:incident:") for r in at.radio)
    assert not runtime.current().store_is_open()


def test_the_start_page_names_the_profile_once_the_store_is_open(app_store: Store) -> None:
    app_store.set_profile_value(NAME_ID, "Testgemeente", "Testgemeente", "griffie")
    app_store.set_profile_value("meldprocedure", "Bel de griffie", "Call the griffie", "griffie")
    at = new_app()
    assert "Testgemeente (ingevuld door de griffie)" not in _menu_labels(at)
    runtime.current().store()  # as a save, a returning browser's cookie or /readyz would
    assert _menu_labels(at.run())[0] == "Testgemeente (ingevuld door de griffie)"


def test_without_a_profile_the_start_page_says_national_text_once_known() -> None:
    at = new_app()
    runtime.current().store()
    assert _menu_labels(at.run())[0] == "Geen (landelijke tekst)"


def test_the_choice_is_on_the_start_page_only_and_no_side_bar_is_drawn(engine: Engine) -> None:
    """The frame draws nothing in the side bar (on a phone the drawer holds only the menu);
    the conversation's pages carry no municipality choice."""
    at = new_app()
    assert _menu_labels(at)
    assert len(at.sidebar) == 0
    at.button(key="door:incident").click().run()
    complete_flow(at, engine, "incident")
    assert not [r for r in at.radio if r.key == LOCAL_WIDGET]
    assert len(at.sidebar) == 0


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_result_says_whose_arrangements_it_uses(engine: Engine, lang: str) -> None:
    if not engine.content.local:
        pytest.skip("no rules/local/*.yaml")
    name = sorted(engine.content.local)[0]
    at = new_app(lang)
    at.button(key="door:incident").click().run()
    complete_flow(at, engine, "incident")
    national = " ".join(block_text(at).split())
    assert _("Een andere gemeente kiest u op de startpagina.", lang) not in national
    at = new_app(lang)
    at.radio(key=LOCAL_WIDGET).set_value(name).run()
    at.button(key="door:incident").click().run()
    complete_flow(at, engine, "incident")
    shown = " ".join(block_text(at).split())
    whose = _("Dit advies gebruikt de afspraken van {name}.", lang,
              name=engine.content.local[name].municipality)
    assert f"{whose} {_('Een andere gemeente kiest u op de startpagina.', lang)}" in shown


def test_a_profile_without_a_name_is_the_griffie_s(app_store: Store, engine: Engine) -> None:
    app_store.set_profile_value("meldprocedure", "Bel de griffie", "Call the griffie", "griffie")
    at = new_app()
    at.button(key="door:incident").click().run()
    complete_flow(at, engine, "incident")
    shown = " ".join(block_text(at).split())
    assert "Dit advies gebruikt de afspraken die de griffie heeft ingevuld." in shown
    assert "afspraken van Uw gemeente" not in shown
