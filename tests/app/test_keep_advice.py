"""The page "Bewaar of print uw advies" (views/keep_advice.py): the exports of the result the
person just read, reached by the result's one link (issue 15: the exports are no longer a
fold on the result page, whose every rerun paid for it).

The page is opened as the browser opens it: the app's own navigation, selected by the page's
address (its url_path hash), in the same session as the conversation.
"""

from __future__ import annotations

import pytest
from app_helpers import complete_flow, new_app
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from vbestuur_app import links
from vbestuur_app.i18n import _
from vbestuur_app.views.home import door_key
from vbestuur_engine import Engine

EXPORTS = ["csv", "csv_nl", "md", "pdf"]


def to_page(at: AppTest, url_path: str) -> None:
    at._page_hash = calc_hash(url_path)
    at.run()
    assert not at.exception


def shown_exports(at: AppTest) -> list[str]:
    return sorted(b.proto.id.rsplit("dl:", 1)[-1] for b in at.get("download_button"))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_page_holds_the_exports_of_the_result_just_read(engine: Engine, lang: str) -> None:
    at = new_app(lang)
    at.button(key=door_key("incident")).click().run()
    complete_flow(at, engine, "incident")
    to_page(at, links.ADVIES)
    assert [t.value for t in at.title] == [_("Bewaar of print uw advies", lang)]
    assert shown_exports(at) == EXPORTS, "four exports, the calendar still folded"
    at.session_state["ics-folded"] = True
    at.run()
    assert shown_exports(at) == sorted([*EXPORTS, "ics"]) and len(at.get("date_input")) == 2
    back = [p.proto for p in at.get("page_link")]
    assert any(p.page == links.GESPREK and p.label == _("Terug naar uw advies", lang)
               for p in back)
    to_page(at, links.GESPREK)  # and back: the same result, its answers untouched
    assert any(p.proto.page == links.ADVIES for p in at.get("page_link"))


def test_without_a_finished_conversation_the_page_says_how_to_get_one(engine: Engine) -> None:
    at = new_app()
    to_page(at, links.ADVIES)
    assert [t.value for t in at.title] == [_("Bewaar of print uw advies", "nl")]
    assert not at.get("download_button")
    assert [i.value for i in at.info] == [
        _("Er is nog geen advies om te bewaren. Maak eerst een gesprek af.", "nl")]
    assert links.START in [p.proto.page for p in at.get("page_link")]
    begun = new_app()  # a conversation begun, not finished
    begun.button(key=door_key("incident")).click().run()
    to_page(begun, links.ADVIES)
    assert not begun.get("download_button") and begun.info
