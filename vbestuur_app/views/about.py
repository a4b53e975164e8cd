"""Over en privacy: what is stored, whose guideline this is, where the facts come from.

Why this page matters: people use the tool about threats against them. They must be able to
see what is kept, for how long, and how to delete it, on whose guideline the advice rests, how sure
each external fact is, and exactly which version of the content they saw.
"""

from __future__ import annotations

import streamlit as st

from vbestuur_engine import Engine

from .. import links
from ..i18n import _, current_lang
from ..loading import app_version, load
from ..store_views.resume import retention_days
from ..widgets import heading, link, plain


def render() -> None:
    """Draw the about and privacy page."""
    loaded = load()
    engine = loaded.engine
    assert engine is not None
    heading(_("Over deze hulp en uw privacy"), 1)
    heading(_("Wat wordt er bewaard?"), 2)
    st.markdown(_(
        "Alleen uw antwoorden, en wat u zelf invult, zoals een netwerklijst. Er is geen account "
        "en er wordt niet naar uw naam gevraagd. Er gaat niets naar andere websites. Wat u "
        "downloadt, staat daarna op uw eigen computer."))
    st.markdown(_(
        "Uw antwoorden worden op deze server bewaard onder een willekeurige sleutel. Die "
        "sleutel staat in een cookie in uw browser; er staat geen naam bij. Wat u {days} dagen "
        "niet gebruikt, wordt vanzelf verwijderd. U kunt alles ook meteen laten verwijderen met "
        "‘Vergeet mij’ op de pagina ‘Bewaren en verdergaan’.", days=retention_days()))
    st.page_link(links.target(links.BEWAREN), label=_("Bewaren en verdergaan"), icon="💾")
    st.page_link(links.target(links.GRIFFIE), label=_(
        "Griffie: gemeenteprofiel en organisatie"), icon="🏛️")
    heading(_("De leidraad"), 2)
    st.markdown(_(
        "Deze hulp volgt de Leidraad Veilig Bestuur. Die is gemaakt door het Nederlands "
        "Genootschap van Burgemeesters (NGB) en het programma Veilige Publieke Taak van het "
        "ministerie van Binnenlandse Zaken en Koninkrijksrelaties (BZK), samen met partners. De "
        "leidraad heeft 21 stappen: vooraf, tijdens en na een incident. Elk advies noemt de "
        "stappen waar het op steunt."))
    limits_text = _(
        "Deze hulp geeft informatie, geen juridisch advies, en vervangt de politie niet. Bij "
        "acuut gevaar: bel 112.")
    st.markdown(f"**{limits_text}**")
    heading(_("Versie van de inhoud"), 2)
    st.markdown(_(
        "App {app} · inhoud {content} ({files} bestanden)", app=plain(app_version()),
        content=loaded.version, files=loaded.files))
    heading(_("Bronnen van de feiten"), 2)
    st.markdown(_(
        "Naast de leidraad gebruikt het advies deze feiten. Feiten met zekerheid M zijn niet "
        "helemaal zeker."))
    with st.expander(_("Alle {count} feiten met hun bron", count=len(engine.content.facts))):
        fact_list(engine, current_lang())


def fact_list(engine: Engine, lang: str) -> None:
    """Every external fact: a short statement, its source, checked date and confidence."""
    lines = []
    for fact in engine.content.facts.values():
        statement = fact.statement.get(lang)
        short = statement if len(statement) <= 140 else statement[:139] + "…"
        source = link(fact.source.title, fact.source.url)
        col_confidence_text = _("Zekerheid")
        col_checked_text = _("Gecontroleerd")
        col_source_text = _("Bron")
        lines.append(
            f"- {plain(short)}  \n  {col_source_text}: {source}"
            f" · {col_checked_text}: {fact.checked}"
            f" · {col_confidence_text}: **{fact.confidence}**")
    st.markdown("\n".join(lines))
