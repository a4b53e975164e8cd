"""Over en privacy: what is stored, whose guideline this is, where the facts come from.

Why this page matters: people use the tool about threats against them. They must be able to
see what is kept, for how long, and how to delete it, on whose guideline the advice rests, how sure
each external fact is, and exactly which version of the content they saw.
"""

from __future__ import annotations

import streamlit as st

from vbestuur_engine import Engine

from .. import links
from ..i18n import current_lang, t
from ..loading import app_version, load
from ..store_views.resume import retention_days
from ..widgets import heading, link, plain


def render() -> None:
    """Draw the about and privacy page."""
    loaded = load()
    engine = loaded.engine
    assert engine is not None
    heading(t("about.title"), 1)
    heading(t("about.stored_h"), 2)
    st.markdown(t("about.stored"))
    st.markdown(t("store.about", days=retention_days()))
    st.page_link(links.target(links.BEWAREN), label=t("store.title"), icon="💾")
    st.page_link(links.target(links.GRIFFIE), label=t("store.griffie_link"), icon="🏛️")
    heading(t("about.guideline_h"), 2)
    st.markdown(t("about.guideline"))
    st.markdown(f"**{t('about.limits')}**")
    heading(t("about.version_h"), 2)
    st.markdown(t("about.version", app=plain(app_version()), content=loaded.version,
                  files=loaded.files))
    heading(t("about.facts_h"), 2)
    st.markdown(t("about.facts"))
    with st.expander(t("about.facts_list", count=len(engine.content.facts))):
        fact_list(engine, current_lang())


def fact_list(engine: Engine, lang: str) -> None:
    """Every external fact: a short statement, its source, checked date and confidence."""
    lines = []
    for fact in engine.content.facts.values():
        statement = fact.statement.get(lang)
        short = statement if len(statement) <= 140 else statement[:139] + "…"
        source = link(fact.source.title, fact.source.url)
        lines.append(
            f"- {plain(short)}  \n  {t('about.col_source')}: {source}"
            f" · {t('about.col_checked')}: {fact.checked}"
            f" · {t('about.col_confidence')}: **{fact.confidence}**")
    st.markdown("\n".join(lines))
