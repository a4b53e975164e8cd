"""The frame around every page: the navigation, the language, the 112 notice and the footer;
then the page the person asked for.

Why no side bar: the municipality choice is on the start page (views/municipality.py says
why) and "Bewaren en verdergaan" in the menu; on a phone Streamlit's drawer holds only the
navigation, and on a desktop the page starts at the left edge of the keyboard order.

Why a module and not app.py itself: Streamlit executes the script's own code on every rerun,
each of its import statements included; a module's code runs once per process, so app.py's
rerun is one call (issue 15: the imports alone were ~2 % of a result-page rerun). What app.py
is for (the script and the ASGI app in one file) is said there.
"""

from __future__ import annotations

import streamlit as st

from vbestuur_service import runtime
from vbestuur_store import StoreError

from . import pages, persistence, session, state
from .i18n import DEFAULT_LANG, LANGS, _
from .messages import error_text
from .widgets import danger_notice, footer, page_marker

LANG_NAMES = {"nl": "Nederlands", "en": "English"}


def sync_language() -> str:
    """Take `?lang=` once per session, then keep the URL in step with the chosen language.

    The query string only ever holds the language: never an answer.
    """
    requested = st.query_params.get("lang")
    state.ensure_defaults(requested)
    lang = session.lang()
    if requested != lang and (requested is not None or lang != DEFAULT_LANG):
        st.query_params["lang"] = lang
    return lang


def language_switch(lang: str) -> None:
    """A two-option radio; its own key, so the chosen language survives page changes."""
    session.set_widget(state.LANG_WIDGET, lang)
    st.radio(_("Taal · Language"), LANGS, format_func=LANG_NAMES.__getitem__, horizontal=True,
             label_visibility="collapsed", key=state.LANG_WIDGET, on_change=state.set_lang)


def store_notices() -> None:
    """Messages from saving (e.g. the database cannot be reached), each shown once."""
    for message in persistence.pop_notices():
        st.info(message)


def page_config(title: str) -> None:
    """The tab title and icon; once per run (layout and sidebar are Streamlit's defaults,
    said here so that they stay so), after the page is known."""
    st.set_page_config(page_title=title, page_icon="🛡️", layout="centered",
                       initial_sidebar_state="auto")


def main() -> None:
    """Set up the frame and run the page the person asked for."""
    session.begin_run()  # read the session's state once for this run (session.current)
    lang = sync_language()
    try:
        loaded = runtime.current().loaded
    except StoreError as err:  # a setting that does not fit: said once, in the person's words
        page_config("Veilig Bestuur")
        st.error(error_text(err))
        return
    persistence.keep_relink()
    sections = pages.sections(loaded.engine is not None, state.active_flow() is not None)
    page = st.navigation(sections, position="top")
    page_config(pages.browser_title(page))
    language_switch(lang)
    danger_notice()
    store_notices()
    page.run()
    store_notices()
    footer()
    page_marker(lang)  # last: it carries the screen the page drew
