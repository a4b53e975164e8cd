"""vbestuur: the Streamlit entry point, a thin frame around `vbestuur_engine`.

Why so little here: this file only sets up the page, the language, the 112 notice and the
navigation. Answers live in the session (see `vbestuur_app.state`), advice comes from the
engine, and each page is its own module under `vbestuur_app/views`.
"""

from __future__ import annotations

import streamlit as st

from vbestuur_app import navigation, state
from vbestuur_app.i18n import DEFAULT_LANG, LANG_KEY, LANGS, t
from vbestuur_app.loading import Loaded, load
from vbestuur_app.widgets import danger_notice, touch_styles

LANG_NAMES = {"nl": "Nederlands", "en": "English"}


def sync_language() -> str:
    """Take `?lang=` once per session, then keep the URL in step with the chosen language.

    The query string only ever holds the language: never an answer.
    """
    requested = st.query_params.get("lang")
    state.ensure_defaults(requested)
    lang: str = st.session_state[LANG_KEY]
    if requested != lang and (requested is not None or lang != DEFAULT_LANG):
        st.query_params["lang"] = lang
    return lang


def language_switch(lang: str) -> None:
    """A two-option radio; its own key, so the chosen language survives page changes."""
    st.session_state[state.LANG_WIDGET] = lang
    st.radio(t("lang.label"), LANGS, format_func=LANG_NAMES.__getitem__, horizontal=True,
             label_visibility="collapsed", key=state.LANG_WIDGET, on_change=state.set_lang)


def municipality_choice(loaded: Loaded) -> None:
    """Pick a municipality's own values for the open terms, if the content has any."""
    engine = loaded.engine
    if engine is None or not engine.content.local:
        return
    labels = {"": t("local.none")}
    labels.update({name: values.municipality for name, values in engine.content.local.items()})
    st.session_state[state.LOCAL_WIDGET] = state.local_name() or ""
    st.selectbox(t("local.label"), sorted(labels), key=state.LOCAL_WIDGET,
                 on_change=state.set_local, format_func=labels.__getitem__,
                 help=t("local.help"))


def main() -> None:
    """Set up the frame and run the page the person asked for."""
    st.set_page_config(page_title="Veilig Bestuur", page_icon="🛡️", layout="centered",
                       initial_sidebar_state="auto")
    lang = sync_language()
    loaded = load()
    with st.sidebar:
        municipality_choice(loaded)
    page = st.navigation(navigation.pages(loaded.engine is not None), position="top")
    touch_styles()
    language_switch(lang)
    danger_notice()
    page.run()


main()
