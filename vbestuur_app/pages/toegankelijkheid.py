"""Toegankelijkheidsverklaring: the municipality's status, the project's measured results and
the known limitations (under "Over"; linked from every page's footer).

Why the split: a Dutch public body must publish a statement with its own status (A-E) in the
DigiToegankelijk register; only the municipality that hosts the app can do that, so the page
links to it (`VBESTUUR_ACCESSIBILITY_URL`). What the project can give is what it measured:
`accessibility-results.json`, written by the browser tests (tests/browser/
test_accessibility.py with VBESTUUR_A11Y_RECORD=1), shown as it is, never typed by hand; the
sweep fails when the file no longer says what it measures.

Why this order and these parts: the Dutch model statement (toegankelijkheidsverklaring.nl,
"benodigde informatie", read 2026-12-02) asks what the statement covers, the status, the
research it rests on (date and method), each deviation with its effect, and how to give
feedback. The escalation is the complaint procedure of the Algemene wet bestuursrecht,
chapter 9: first a complaint to the municipality itself (art. 9:1), then an ombudsman (title
9.2); for most municipalities that is the Nationale ombudsman, some have their own ombudsman
or ombudscommissie (burgerheid.nl "Welke ombudsman?" and raadsleden.nl "Gemeenten kunnen
beroep doen op Nationale ombudsman", both read 2026-12-02).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from vbestuur_service import runtime
from vbestuur_service.localtime import format_day

from .. import links
from ..i18n import _, current_lang
from ..widgets import heading, plain

RESULTS = Path(__file__).resolve().parents[1] / "accessibility-results.json"


def measured_results(path: Path = RESULTS) -> dict[str, Any] | None:
    """The results of the last recorded test run, or None when there are none (or broken)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def result_lines(data: dict[str, Any], lang: str) -> list[str]:
    """One line per tool of the recorded run, in the person's language."""
    return [_(
        "Gemeten op {date}: {runs} metingen met {tool} op {states} schermen (Nederlands en "
        "Engels, computer en telefoon). Gevonden problemen: {violations}.", lang,
        date=format_day(dt.date.fromisoformat(run["date"]), lang), runs=run["runs"],
        tool=run["tool"], states=run["states"], violations=run["violations"])
            for run in data.get("runs", [])]


def measured_on(data: dict[str, Any] | None) -> dt.date | None:
    """The date of the latest measurement in the results file."""
    dates = [dt.date.fromisoformat(run["date"]) for run in (data or {}).get("runs", [])
             if run.get("date")]
    return max(dates) if dates else None


def _intro() -> None:
    st.markdown(_(
        "Deze verklaring gaat over de app Veilig Bestuur: alle pagina's van deze installatie, "
        "en de bestanden die u ermee downloadt (PDF, Markdown, CSV, agenda en vCard). Deze app "
        "moet voor iedereen werken: met een muis, met alleen een toetsenbord, met een "
        "schermlezer en met grote letters. De norm is WCAG 2.1 op niveau A en AA (EN 301 549), "
        "zoals het Besluit digitale toegankelijkheid overheid vraagt."))


def _status() -> None:
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


def _method(data: dict[str, Any] | None) -> None:
    heading(_("Hoe het project heeft gemeten"), 2)
    when = measured_on(data)
    st.markdown(plain(_("Datum van de laatste meting: {date}.", date=format_day(
        when, current_lang())) if when else _("Er is nog geen meting bij deze versie.")))
    st.markdown(_(
        "Het project test elke versie zelf, met programma's die de regels van WCAG "
        "controleren:\n"
        "- axe-core in de browser Chromium, op elke pagina en elk scherm dat iemand kan "
        "bereiken: de vragen, het overzicht, de uitkomst, de formulieren en wat de griffie en "
        "de begeleider van een workshop zien na het aanmelden. Dat gebeurt in het Nederlands "
        "en het Engels, op een computerscherm en een telefoonscherm.\n"
        "- pa11y (WCAG 2 AA, met HTML_CodeSniffer en axe) op de belangrijkste pagina's.\n"
        "- Een test die een gesprek alleen met het toetsenbord doorloopt, en een test die "
        "controleert dat de pagina in de taal van de bezoeker staat.\n"
        "- Een test van elke PDF die de app maakt. Elke PDF is getagd volgens PDF/UA-1. De test "
        "controleert wat een computer kan controleren: de tags en hun volgorde, de taal, de "
        "titel, koppen zonder overgeslagen niveau, een beschrijving bij elk plaatje, dat alle "
        "tekst getagd is, en dat de letters in het bestand zitten."))
    st.markdown(_(
        "Dit is een eigen meting van het project, geen onderzoek door een deskundige volgens "
        "WCAG-EM. Een programma vindt niet elk probleem. Voor een volledige status is ook zo'n "
        "onderzoek nodig."))


def _results(data: dict[str, Any] | None) -> None:
    heading(_("Resultaten van de meting"), 2)
    lines = result_lines(data, current_lang()) if data else []
    for line in lines or [_("Er zijn nog geen meetresultaten bij deze versie.")]:
        st.markdown(plain(line))


def _limits() -> None:
    heading(_("Wat nog niet goed is"), 2)
    st.markdown(_(
        "- Een paar teksten van het onderdeel waarop de app is gebouwd (Streamlit) zijn altijd "
        "Engels, ook op een Nederlandse pagina. Voorbeelden: „Skip to main content”, „Expand "
        "sidebar”, „Main menu”, „Select all”, „Press Ctrl+Enter to submit form”, de aanwijzing "
        "voor de datum in een datumveld en de namen van maanden en dagen in de kalender. Een "
        "schermlezer leest die teksten in het Engels voor.\n"
        "- De stroomkaart is een plaatje. Dezelfde stappen staan eronder als tekst.\n"
        "- Het menu op een telefoon maakt Streamlit met een fout in de opbouw van de lijst. De "
        "app herstelt die fout zelf in de pagina. Bij een nieuwe versie van Streamlit kan dat "
        "anders worden; de tests merken dat dan op.\n"
        "- De PDF's zijn niet gecontroleerd met veraPDF of PAC, de programma's van deskundigen "
        "voor PDF/UA. Die zijn hier niet te installeren. Dezelfde tekst staat ook in de "
        "download als Markdown-tekst."))


def _report() -> None:
    heading(_("Een probleem melden"), 2)
    st.markdown(_(
        "Kunt u iets niet gebruiken? Meld het bij de gemeente die deze app aanbiedt. Zij zoekt "
        "dan met u naar een oplossing. Bent u niet tevreden met de reactie? Dan kunt u een "
        "klacht indienen bij de gemeente. Helpt dat niet, dan kunt u naar de ombudsman. Voor de "
        "meeste gemeenten is dat de Nationale ombudsman. Sommige gemeenten hebben een eigen "
        "ombudsman of ombudscommissie."))


def render() -> None:
    """Draw the statement in the order of the model statement: what it covers, the status,
    how and when it was measured, the results, what is not right yet, how to report."""
    data = measured_results()
    heading(_("Toegankelijkheidsverklaring"), 1)
    _intro()
    _status()
    _method(data)
    _results(data)
    _limits()
    _report()


def page() -> StreamlitPage:
    return st.Page(render, title=_("Toegankelijkheid"), icon="♿", url_path=links.TOEGANKELIJKHEID)
