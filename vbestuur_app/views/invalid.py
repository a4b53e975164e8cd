"""The page shown instead of the app when the content does not validate.

Why a page and not a traceback: a broken YAML file must never give a person half an advice or
a stack trace. The app refuses to advise and lists each problem as `file:line:col RULE message`,
exactly as `vbestuur check` prints it, so a maintainer can fix it at once.
"""

from __future__ import annotations

import streamlit as st

from ..i18n import _, ngettext
from ..loading import load
from ..widgets import heading


def render() -> None:
    """Draw the list of content problems."""
    problems = load().problems
    heading(_("De inhoud van deze hulp klopt niet"), 1)
    st.markdown(_(
        "De vragen en adviezen konden niet worden geladen. Daarom toont de hulp nu geen advies. "
        "Hieronder staat per probleem het bestand, de regel en de kolom."))
    st.markdown(ngettext(
        "{count} probleem gevonden.",
        "{count} problemen gevonden.", len(problems), count=len(problems)))
    st.code("\n".join(str(problem) for problem in problems), language=None, wrap_lines=True)
    st.caption(_("Voor beheerders: los de problemen op en controleer met `vbestuur check`."))
