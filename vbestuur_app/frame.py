"""The frame around every page: the language, the municipality choice, the 112 notice, the
navigation and the footer; then the page the person asked for.

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
from .loading import Loaded
from .messages import error_text
from .store_views import local
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


def municipality_choice(loaded: Loaded) -> None:
    """Pick whose values fill the open terms: the municipality profile the griffie keeps
    (the default, '') or one of the example municipalities in the content.

    Radio buttons, not a select box: two or three options, all seen at once and chosen with
    one click; and a radio costs a rerun a third less server time (issue 15).

    The profile's name shows once this process has the profile without opening its store
    (store_views/local.py: a first page does not import SQLAlchemy, issue 15); until then the
    default option says what it stands for, true with or without a profile."""
    engine = loaded.engine
    if engine is None:
        return
    known = local.known_profile()
    own = None if known is None else local.profile_values(engine, _("Uw gemeente"), known)
    if not engine.content.local and own is None:
        return
    if own is not None:
        default = _("{name} (ingevuld door de griffie)", name=own.municipality)
    elif known is None:
        default = _("Standaard (profiel van de griffie, anders landelijke tekst)")
    else:
        default = _("Geen (landelijke tekst)")
    labels = {"": default} | {name: values.municipality
                              for name, values in engine.content.local.items()}
    session.set_widget(state.LOCAL_WIDGET, state.local_name() or "")
    st.radio(_("Uw gemeente"), sorted(labels), key=state.LOCAL_WIDGET,
             on_change=state.set_local, format_func=labels.__getitem__,
             help=_("Kies uw gemeente om haar eigen afspraken in het advies te zien."))


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
    with st.sidebar:  # "Bewaren en verdergaan" is in the menu ("Voor u") on every page
        municipality_choice(loaded)
    sections = pages.sections(loaded.engine is not None, state.active_flow() is not None)
    page = st.navigation(sections, position="top")
    page_config(pages.browser_title(page))
    language_switch(lang)
    danger_notice()
    store_notices()
    page.run()
    store_notices()
    footer()
    with st.sidebar:  # last: it carries the screen the page drew (widgets.page_marker)
        page_marker(lang)
