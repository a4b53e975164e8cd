"""The start page: four doors into the conversations, the municipality whose arrangements
the advice uses, and what this tool is and is not.

Why doors and not a menu of flows: a person who has just been threatened should not have to
read a list. "Er is iets gebeurd" comes first and opens the incident flow with one click; the
question flows are listed by the question they answer, in the person's own words.
"""

from __future__ import annotations

import streamlit as st

from vbestuur_engine import Engine
from vbestuur_engine.schema import Flow
from vbestuur_service.i18n.words import DOOR_HELP, DOORS

from .. import links, state
from ..i18n import _, current_lang
from ..incidents import backend as incident_backend
from ..loading import load
from ..widgets import heading, heading_with_text, plain
from . import municipality

# Single-flow doors: (door id, flow id, button type).
SINGLE_DOORS = (("incident", "incident", "primary"), ("gereedheid", "gereedheid", "secondary"),
                ("organisatie", "organisatie", "secondary"))


def door_key(door: str, flow_id: str | None = None) -> str:
    """The widget key of a door button (tests address doors by these keys)."""
    return f"door:{door}" if flow_id is None else f"door:{door}:{flow_id}"


def render() -> None:
    """Draw the start page (each heading and the line under it are one element:
    widgets.heading_with_text)."""
    engine = load().engine
    assert engine is not None
    heading_with_text(_("Veilig Bestuur"), _(
        "Deze hulp zet de Leidraad Veilig Bestuur om in een kort gesprek. U beantwoordt een "
        "paar vragen. Daarna krijgt u advies, met de stappen uit de leidraad, en een lijst van "
        "wat u nog kunt doen."), 1)
    _single_door(engine, *SINGLE_DOORS[0])
    _question_door(engine)
    for door in SINGLE_DOORS[1:]:
        _single_door(engine, *door)
    municipality.choice(engine)  # after the doors: the incident door stays the first thing
    _keep_line()
    st.caption(_("Deze hulp vervangt de politie (112) en juridisch advies niet."))


def _keep_line() -> None:
    """How answers are kept, one line, and a link to "Bewaren en verdergaan" (bewaarcode,
    vergeet mij). The two lines are one caption (two paragraphs): one element less."""
    privacy = _(
        "Uw antwoorden worden bewaard onder een willekeurige sleutel, zonder naam. Er gaat "
        "niets naar andere websites.")
    later = _("Wilt u later verder, of op een ander apparaat? Of wilt u alles laten verwijderen?")
    st.caption(f"{privacy}\n\n{later}")
    st.page_link(links.target(links.BEWAREN), label=_("Bewaren en verdergaan"), icon="💾")


def _single_door(engine: Engine, door: str, flow_id: str, kind: str) -> None:
    """A door that opens exactly one flow (incident, gereedheid, organisatie)."""
    with st.container(border=True):
        heading_with_text(_(DOORS[door]), _(DOOR_HELP[door]))
        if flow_id not in engine.compiled:
            st.caption(_("Dit deel is nog niet beschikbaar."))
            return
        _open_button(engine, flow_id, _("Begin"), door_key(door), kind)
        if door == "incident" and incident_backend.switched_on():
            st.page_link(links.target(links.REGISTREREN), label=_(
                "Incident registreren, ook als het klein lijkt"), icon="📝")
        if door == "organisatie":
            st.page_link(links.target(links.GRIFFIE), label=_(
                "Griffie: gemeenteprofiel en organisatie"), icon="🏛️")


def _question_door(engine: Engine) -> None:
    """The door "Ik heb een vraag": one button per question flow, labelled by its question."""
    flows: list[Flow] = engine.flows_for("vraag")
    lang = current_lang()
    with st.container(border=True):
        if not flows:
            heading(_("Ik heb een vraag"), 2)
            st.caption(_("Dit deel is nog niet beschikbaar."))
            return
        heading_with_text(_("Ik heb een vraag"), _("Kies de vraag die het best past."))
        for flow in flows:
            _open_button(engine, flow.id, plain(flow.question.get(lang)),
                         door_key("vraag", flow.id), "secondary")


def _open_button(engine: Engine, flow_id: str, label: str, key: str, kind: str) -> None:
    """A full-width button that opens a flow and goes to the conversation page."""
    clicked = st.button(label, key=key, type=kind,  # type: ignore[arg-type]
                        width="stretch", on_click=state.start_flow, args=(engine, flow_id))
    if state.answers(flow_id):
        st.caption(_("U was hier al mee bezig. Uw antwoorden staan er nog."))
    if clicked:
        st.switch_page(links.target(links.GESPREK))
