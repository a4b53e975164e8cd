"""Toegankelijkheidsverklaring: the municipality's status, the project's measured results and
the known limitations (under "Over"; linked from every page's footer).

Why the split: a Dutch public body must publish a statement with its own status (A-E) in the
DigiToegankelijk register; only the municipality that hosts the app can do that, so the page
links to it (`VBESTUUR_ACCESSIBILITY_URL`). What the project can give is what it measured:
`accessibility-results.json`, written by the browser tests (tests/browser/
test_accessibility.py with VBESTUUR_A11Y_RECORD=1), shown as it is, never typed by hand.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from vbestuur_service import runtime

from .. import links
from ..i18n import _
from ..widgets import heading, plain

RESULTS = Path(__file__).resolve().parents[1] / "accessibility-results.json"


def measured_results(path: Path = RESULTS) -> dict[str, Any] | None:
    """The results of the last recorded test run, or None when there are none (or broken)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def result_lines(data: dict[str, Any]) -> list[str]:
    """One line per tool of the recorded run, in the person's language."""
    return [_(
        "Gemeten op {date}: {runs} metingen met {tool} op {states} schermen (Nederlands en "
        "Engels, computer en telefoon). Gevonden problemen: {violations}.", date=run["date"],
        runs=run["runs"], tool=run["tool"], states=run["states"], violations=run["violations"])
            for run in data.get("runs", [])]


def render() -> None:
    """Draw the statement."""
    heading(_("Toegankelijkheidsverklaring"), 1)
    st.markdown(_(
        "Deze app moet voor iedereen werken: met een muis, met alleen een toetsenbord, met een "
        "schermlezer en met grote letters. De norm is WCAG 2.1 op niveau A en AA (EN 301 549), "
        "zoals de wet voor overheden vraagt."))
    heading(_("Status bij uw gemeente"), 2)
    url = runtime.current().settings.accessibility_url
    if url.startswith("https://"):
        st.markdown(_(
            "De gemeente die deze app aanbiedt, heeft de status in haar eigen verklaring gezet:"))
        st.link_button(_("Toegankelijkheidsverklaring van de gemeente"), url)
    else:
        st.markdown(_(
            "De gemeente die deze app aanbiedt, stelt zelf de status vast en zet haar "
            "verklaring in het register van DigiToegankelijk. Zij maakt die hier zichtbaar met "
            "de instelling VBESTUUR_ACCESSIBILITY_URL. Bij deze installatie is dat nog niet "
            "gedaan."))
    heading(_("Wat het project heeft gemeten"), 2)
    st.markdown(_(
        "Het project test elke versie met axe-core en pa11y. Dat gebeurt in het Nederlands en "
        "het Engels, op een computerscherm en een telefoonscherm. Een test vindt niet elk "
        "probleem. Voor een volledige status is ook een onderzoek door een deskundige nodig."))
    data = measured_results()
    lines = result_lines(data) if data else []
    for line in lines or [_("Er zijn nog geen meetresultaten bij deze versie.")]:
        st.markdown(plain(line))
    heading(_("Wat nog niet goed is"), 2)
    st.markdown(_(
        "- Een paar teksten van het onderdeel waarop de app is gebouwd (Streamlit) zijn altijd "
        "Engels, ook op een Nederlandse pagina. Voorbeelden: „Skip to main content”, „Expand "
        "sidebar”, „Main menu”, „Select all”, „Press Ctrl+Enter to submit form” de aanwijzing "
        "voor de datum in een datumveld en de namen van maanden en dagen in de kalender.\n- De "
        "stroomkaart is een plaatje. Dezelfde stappen staan eronder als tekst.\n- De "
        "PDF-downloads zijn nog niet getagd (PDF/UA). Dezelfde tekst staat in de download als "
        "Markdown-tekst."))
    heading(_("Een probleem melden"), 2)
    st.markdown(_(
        "Kunt u iets niet gebruiken? Meld het bij de gemeente die deze app aanbiedt. Zij zoekt "
        "dan met u naar een oplossing."))


def page() -> StreamlitPage:
    return st.Page(render, title=_("Toegankelijkheid"), icon="♿", url_path=links.TOEGANKELIJKHEID)
