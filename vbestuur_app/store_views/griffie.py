"""The griffie's page: the lock, the municipality profile and the organisation view.

Why one page with two tabs: both are kept by the same people behind the same PIN, and the
navigation bar stays short for the raadsleden who never need it. The profile is readable by
everyone (its texts appear in the advice anyway); the organisation view may hold internal
arrangements, so it opens only after the PIN.
"""

from __future__ import annotations

import streamlit as st

from ..i18n import t
from ..loading import load
from ..widgets import heading
from . import organisation, pin, profile


def render() -> None:
    """Draw the griffie page."""
    engine = load().engine
    assert engine is not None
    heading(t("griffie.title"), 1)
    st.markdown(t("griffie.intro"))
    actor = pin.render()
    profile_tab, org_tab = st.tabs([t("profile.title"), t("org.title")])
    with profile_tab:
        profile.render(engine, actor)
    with org_tab:
        organisation.render(engine, actor)
