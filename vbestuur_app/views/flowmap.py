"""Flow maps for facilitators and reviewers: every question and route of one flow.

Why two renderings: the plotly network shows the shape at a glance; the Mermaid text can be
pasted into an editor or a README and diffed. Mermaid is shown as text only: loading its
JavaScript from a CDN would send the visitor's address to a third party.
"""

from __future__ import annotations

import streamlit as st

from vbestuur_engine import Engine
from vbestuur_engine.mermaid import flow_to_mermaid

from ..charts import flow_figure
from ..i18n import _, current_lang
from ..loading import load
from ..widgets import heading, plain

MAP_KEY = "map:flow"


def flow_order(engine: Engine) -> list[str]:
    """Flow ids with the real flows first and the example flows last."""
    return sorted(engine.compiled, key=lambda f: (engine.compiled[f].flow.door == "voorbeeld", f))


def render() -> None:
    """Draw the map of the chosen flow."""
    engine = load().engine
    assert engine is not None
    lang = current_lang()
    heading(_("Stroomkaarten"), 1)
    st.markdown(_("Voor begeleiders en controleurs: alle vragen en routes van een gesprek."))
    flows = flow_order(engine)
    chosen = st.selectbox(_("Kies een gesprek"), flows, key=MAP_KEY,
                          format_func=lambda f: engine.compiled[f].flow.title.get(lang))
    if chosen is None:
        return
    compiled = engine.flow(chosen)
    st.markdown(plain(compiled.flow.summary.get(lang)))
    heading(_("Kaart"), 2)
    st.plotly_chart(flow_figure(compiled, lang), key="chart:flow",
                    config={"displayModeBar": False})
    heading(_("Mermaid-tekst (om te plakken in een editor)"), 2)
    st.code(flow_to_mermaid(compiled, lang), language=None, wrap_lines=True)
