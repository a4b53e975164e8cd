"""The page shown instead of the app when the content does not validate.

Why a page and not a traceback: a broken YAML file must never give a person half an advice or
a stack trace. The app refuses to advise and lists each problem as `file:line:col RULE message`,
exactly as `vbestuur check` prints it, so a maintainer can fix it at once.
"""

from __future__ import annotations

import streamlit as st

from ..i18n import t
from ..loading import load
from ..widgets import heading


def render() -> None:
    """Draw the list of content problems."""
    problems = load().problems
    heading(t("invalid.title"), 1)
    st.markdown(t("invalid.intro"))
    st.markdown(t("invalid.count", count=len(problems)))
    st.code("\n".join(str(problem) for problem in problems), language=None, wrap_lines=True)
    st.caption(t("invalid.fix"))
