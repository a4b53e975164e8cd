"""The choice "Uw gemeente" on the start page: whose values fill the open terms of the advice
(the municipality profile the griffie keeps, the default '', or one of the example
municipalities in the content).

Why on the start page and not in the side bar of every page: a municipality is chosen once,
before a conversation, like the doors beside it. In the side bar it was, on a phone, only in
the closed menu drawer, and on a desktop it came before the page in the keyboard order
(../shared/review/2026-12-browser-walkthrough.md); and as the frame of every page it cost
every rerun of every page a radio group, the most expensive element of the result page's
rerun (~0.7 ms of ~5, issue 15). The result says whose arrangements it uses
(views/result.py), so the choice stays visible where it matters.

Radio buttons, not a select box: two or three options, all seen at once and chosen with one
click. The profile's name shows once this process has the profile without opening its store
(store_views/local.py: a first page does not import SQLAlchemy, issue 15); until then the
default option says what it stands for, true with or without a profile.
"""

from __future__ import annotations

import streamlit as st

from vbestuur_engine import Engine

from .. import session, state
from ..i18n import _
from ..store_views import local


def choice(engine: Engine) -> None:
    """The radio group, when there is something to choose (a profile or an example)."""
    known = local.known_profile()
    own = None if known is None else local.profile_values(engine, _(local.UNNAMED), known)
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
