"""The receipt after registering: what was recorded, who can see it, how long it is kept.

Why all three: a person under threat decides whether to register again next time by what
happened to this one. So the receipt repeats what is stored (in their words and language),
says that only the municipality's coordinator sees it (with their name only if they chose so)
and until when it is kept. Typed text is shown literally (`plain`), never as a link.
"""

from __future__ import annotations

import streamlit as st

from vbestuur_engine import Engine
from vbestuur_service.incidents import IncidentDraft, Receipt
from vbestuur_service.localtime import format_day, format_moment

from ..i18n import _, current_lang
from ..widgets import heading, plain
from . import words as w
from .form import content_labels


def what_lines(engine: Engine, given: IncidentDraft, own: bool = True) -> list[str]:
    """The recorded facts as "label: value" lines, already escaped for Markdown; `own`: for
    the person who registered ("Uw rol"), else for the coordinator ("Rol")."""
    lang, none = current_lang(), _("niet ingevuld")
    forms, roles = content_labels(engine, "wat"), content_labels(engine, "rol")
    where = _(w.CHANNELS.get(given.channel, given.channel))
    if given.platform:
        where = f"{where} ({plain(given.platform)})"
    lines = [_("Wanneer: {value}", value=format_moment(given.occurred_at, lang)),
             _("Waar: {value}", value=where),
             _("Wat: {value}", value=", ".join(forms(f) for f in given.forms) or none),
             (_("Uw rol: {value}", value=roles(given.role) if given.role else none) if own
              else _("Rol: {value}", value=roles(given.role) if given.role else none)),
             _("Beschrijving: {value}",
               value=plain(given.description) if given.description else none),
             _("Dader: {value}", value=perpetrator_line(given)),
             _("Melding of aangifte: {value}", value=reported_line(given))]
    return lines


def perpetrator_line(given: IncidentDraft) -> str:
    who = given.perpetrator
    if not who.known:
        return _("onbekend")
    parts = [who.name, *who.handles, *who.phones, *who.emails, who.description]
    return plain("; ".join(p for p in parts if p))


def reported_line(given: IncidentDraft) -> str:
    text = _(w.REPORTED.get(given.reported, given.reported))
    if given.police_number:
        text += " · " + _("nummer {number}", number=plain(given.police_number))
    if given.vpt_code_asked is not None:
        text += " · " + (_("VPT-code gevraagd") if given.vpt_code_asked
                         else _("VPT-code niet gevraagd"))
    return text


def bold(text: str) -> None:
    """A short bold line (our own words, escaped anyway)."""
    st.markdown(f"**{plain(text)}**")


def render(engine: Engine, done: Receipt, lasting: bool) -> None:
    """The receipt box, in the session's language."""
    with st.container(border=True, key="inc-receipt"):
        heading(_("Uw incident is geregistreerd"), 2)
        st.success(_("Dank u wel. Elk incident telt, ook een klein incident (stap 14)."))
        bold(_("Wat is vastgelegd"))
        st.markdown("\n".join(f"- {line}" for line in what_lines(engine, done.draft)))
        bold(_("Wie dit ziet"))
        st.markdown(_(
            "Alleen de coördinator van uw gemeente. U koos ‘met mijn naam’: de coördinator ziet "
            "ook uw naam en hoe u te bereiken bent ({contact}), en mag contact met u opnemen.",
            contact=plain(done.draft.reporter_contact) or _("niet ingevuld"))
            if done.named else _(
            "Alleen de coördinator van uw gemeente, zonder uw naam. Het incident telt mee in de "
            "cijfers. Wat u over de dader weet, wordt vergeleken met andere incidenten om te zien "
            "of het om dezelfde persoon gaat."))
        bold(_("Hoe lang het bewaard blijft"))
        st.markdown(_(
            "Tot {day}. Daarna wordt het vanzelf verwijderd. U kunt het eerder intrekken bij "
            "‘Mijn registraties’.", day=format_day(done.keep_until, current_lang())))
        if not lasting:
            st.info(_(
                "Deze browser bewaart niets tussen bezoeken. U ziet deze registratie daarom "
                "alleen terug zolang dit venster open is. De coördinator ziet haar wel."))
