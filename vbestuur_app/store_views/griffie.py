"""The griffie's page: the lock, the municipality profile and the organisation view.

Why one page with two tabs: both are kept by the same people behind the same sign-in, and the
navigation bar stays short for the raadsleden who never need it. The profile is readable by
everyone (its texts appear in the advice anyway); the organisation view may hold internal
arrangements, so it opens only for a signed-in griffie or coordinator.
"""

from __future__ import annotations

import time

import streamlit as st

from .. import session
from ..i18n import _
from ..loading import load
from ..widgets import heading, plain
from . import organisation, profile, signin


def render() -> None:
    """Draw the griffie page."""
    engine = load().engine
    assert engine is not None
    heading(_("Voor de griffie"), 1)
    st.markdown(_(
        "Hier houdt de griffie de eigen afspraken van de gemeente bij, en wat de organisatie "
        "heeft geregeld. Iedereen die het advies leest, ziet daarna de afspraken van uw "
        "gemeente."))
    who = signin.render()
    actor = session.griffie_editor(time.time()) if who is not None else None
    if who is not None and actor is None:
        st.warning(_(
            "U bent aangemeld als {name}, maar uw account heeft geen rol voor de griffie. De "
            "beheerder kan de rol griffie of coordinator toevoegen.", name=plain(who.name)))
    profile_tab, org_tab = st.tabs([_("Gemeenteprofiel"), _("Organisatie")])
    with profile_tab:
        profile.render(engine, actor)
    with org_tab:
        organisation.render(engine, actor)
