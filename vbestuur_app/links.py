"""Where a link or a button may send the person: the pages' addresses, as link targets.

Why targets and not the pages themselves: Streamlit matches a `st.page_link`/`st.switch_page`
target to the page `st.navigation` registered by its `url_path` alone. So a view links to
"start" without importing the page module, which imports the view (no import cycle), and an
address is written once, here.
"""

from __future__ import annotations

from typing import Final

import streamlit as st
from streamlit.navigation.page import StreamlitPage
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

START: Final = "start"
GESPREK: Final = "gesprek"
ADVIES: Final = "advies-bewaren"
NETWERKLIJST: Final = "netwerklijst"
BEWAREN: Final = "bewaren"
GRIFFIE: Final = "griffie"
WORKSHOP: Final = "workshop"
MEEDOEN: Final = "meedoen"
SCHERM: Final = "workshop-scherm"
OVER: Final = "over"
KAART: Final = "kaart"
TOEGANKELIJKHEID: Final = "toegankelijkheid"
INHOUD: Final = "inhoud"
REGISTREREN: Final = "registreren"
REGISTER: Final = "incidentenregister"


def _never_run() -> None:
    """A link target is never run: Streamlit runs the registered page with this address."""


def target(url_path: str) -> StreamlitPage:
    """The page with this address, for `st.page_link` and `st.switch_page`.

    Made once per address and process: a target is only read (its address, by which
    Streamlit finds the registered page), never registered or run, so it holds no state of a
    session or a run and may be shared. (Only one made inside a script run is kept: outside
    one, `st.Page` returns early, without its address.)"""
    found = _TARGETS.get(url_path)
    if found is None:
        found = st.Page(_never_run, title=url_path, url_path=url_path)
        if get_script_run_ctx(suppress_warning=True) is not None:
            _TARGETS[url_path] = found
    return found


_TARGETS: dict[str, StreamlitPage] = {}
