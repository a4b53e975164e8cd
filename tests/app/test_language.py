"""Language: Dutch first, English by the switch or `?lang=en`, remembered across pages."""

from __future__ import annotations

from app_helpers import answer_first, markdown_headings, new_app, visitor
from streamlit.testing.v1 import AppTest

from vbestuur_app.i18n import _
from vbestuur_app.state import LANG_WIDGET, widget_key
from vbestuur_engine import Engine
from vbestuur_engine.schema import QuestionNode


def heading_texts(at: AppTest) -> list[str]:
    return [h.value for h in [*at.title, *at.header, *at.subheader]] + markdown_headings(
        at, 1, 2, 3)


def test_dutch_by_default() -> None:
    at = new_app()
    assert visitor(at).lang == "nl"
    assert _("Er is iets gebeurd", "nl") in heading_texts(at)
    assert "lang" not in at.query_params


def test_query_parameter_sets_english() -> None:
    at = new_app(lang="en")
    assert not at.exception
    assert visitor(at).lang == "en"
    assert _("Er is iets gebeurd", "en") in heading_texts(at)
    assert at.warning[0].value == _("**Bent u nu in gevaar? Bel [112](tel:112).**", "en")


def test_unknown_language_falls_back_to_dutch() -> None:
    at = new_app(lang="xx")
    assert visitor(at).lang == "nl"
    assert _("Er is iets gebeurd", "nl") in heading_texts(at)


def test_switch_is_remembered_in_the_conversation(engine: Engine) -> None:
    at = new_app()
    at.radio(key=LANG_WIDGET).set_value("en").run()
    assert visitor(at).lang == "en"
    assert at.query_params["lang"] == ["en"] or at.query_params["lang"] == "en"
    at.button(key="door:incident").click().run()
    start = engine.flow("incident").flow.start
    node = engine.flow("incident").node(start)
    assert isinstance(node, QuestionNode)
    assert at.radio(key=widget_key("incident", start)).label == node.text.en
    assert at.button(key="ask:next").label == _("Volgende", "en")
    answer_first(at, engine, "incident")
    assert set(at.query_params) == {"lang"}, "only the language may be in the URL"


def test_switch_back_to_dutch() -> None:
    at = new_app(lang="en")
    at.radio(key=LANG_WIDGET).set_value("nl").run()
    assert visitor(at).lang == "nl"
    assert _("Er is iets gebeurd", "nl") in heading_texts(at)
