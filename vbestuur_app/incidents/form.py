"""The office holder's registration form: phone first, a handful of taps, under a minute.

Why this order: what is needed comes first and is one tap each (where, what); when is already
now and the role is the one said this visit. What may stay empty (a description, what is known
of the perpetrator) is folded away; whether a melding or aangifte was made is one row, with the
aangifte advice one tap away; then how it is kept (anonymous unless the person chooses their
name) and the button.

Why plain widgets and not `st.form`: the fields that belong to a choice (the platform for
"online", the police number after a melding) appear at once. Every problem is said at its
field, calmly, and every value stays where it was typed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

from vbestuur_engine import Engine
from vbestuur_engine.report import option_label
from vbestuur_engine.schema import QuestionNode
from vbestuur_service.i18n import N_
from vbestuur_service.incidents import CHANNELS, FORMS, REPORTED, ROLES, IncidentRegister

from .. import session, state
from ..i18n import _, current_lang
from ..store_views.local import session_local
from ..widgets import content_text, heading, plain
from . import draft, submit
from . import words as w

INCIDENT_FLOW = "incident"
VPT_LABELS = {"ja": N_("Ja"), "nee": N_("Nee"), "weet-niet": N_("Weet ik niet")}


def content_labels(engine: Engine, question: str) -> Callable[[str], str]:
    """The content's own labels of the incident flow's `wat` or `rol` options."""
    node = engine.flow(INCIDENT_FLOW).node(question)
    assert isinstance(node, QuestionNode)
    lang = current_lang()
    return lambda value: plain(option_label(node, value, lang))


def render(engine: Engine, register: IncidentRegister) -> None:
    """Draw the form; the button's callback validates and registers."""
    problems = submit.problems()
    draft.seed_defaults(state.role(engine))
    heading(_("Nieuw incident"), 2)
    st.datetime_input(_("Wanneer gebeurde het?"), key=draft.WHEN, format="DD-MM-YYYY")
    _problem(problems, "occurred_at")
    _where(problems)
    st.pills(_("Wat gebeurde er?"), list(FORMS), selection_mode="multi", key=draft.FORMS_KEY,
             format_func=content_labels(engine, "wat"), help=_("Kies alles wat past."))
    _problem(problems, "forms")
    st.pills(_("Uw rol"), list(ROLES), key=draft.ROLE, format_func=content_labels(engine, "rol"))
    _problem(problems, "role")
    _more(problems)
    _reported(engine, problems)
    _kept(problems)
    submit.summary(problems)
    st.button(_("Registreren"), key="inc-submit", type="primary", width="stretch",
              on_click=submit.submit, args=(register,))


def _problem(problems: Mapping[str, str], field: str) -> None:
    code = problems.get(field)
    if code is not None:
        st.error(_(w.PROBLEMS.get(code, w.PROBLEMS["not-allowed"])), icon="✏️")


def _where(problems: Mapping[str, str]) -> None:
    st.pills(_("Waar gebeurde het?"), list(CHANNELS), key=draft.CHANNEL,
             format_func=lambda c: _(w.CHANNELS[c]),
             help=_("Online is ook e-mail, WhatsApp en sociale media. Uw eigen adres vragen we "
                    "nooit."))
    _problem(problems, "channel")
    if session.widget(draft.CHANNEL) == "online":
        st.text_input(_("Welk platform of welke app? (mag leeg)"), key=draft.PLATFORM,
                      max_chars=100, placeholder=_("bijvoorbeeld X, Facebook, WhatsApp"))
        _problem(problems, "platform")


def _more(problems: Mapping[str, str]) -> None:
    """What may stay empty, folded: the description and what is known of the perpetrator."""
    with st.expander(_("Vertel kort wat er gebeurde (mag leeg)"), key="inc-more",
                     expanded="description" in problems):
        st.text_area(_("Beschrijving"), key=draft.DESCRIPTION, max_chars=4000, height=100)
        _problem(problems, "description")
    fields = (("name", draft.P_NAME, _("Naam")),
              ("handles", draft.P_HANDLES, _("Accountnamen, bijvoorbeeld @naam")),
              ("phones", draft.P_PHONES, _("Telefoonnummer")),
              ("emails", draft.P_EMAILS, _("E-mailadres")))
    with st.expander(_("Wie deed het? (als u het weet)"), key="inc-who",
                     expanded=any(k.startswith("perpetrator.") for k in problems)):
        st.caption(_("Alles mag leeg. Meer dan één? Zet een komma ertussen."))
        for name, key, label in fields:
            st.text_input(label, key=key, max_chars=300)
            _problem(problems, f"perpetrator.{name}")
        st.text_area(_("Hoe zag de persoon eruit, of wat weet u nog meer?"),
                     key=draft.P_DESCRIPTION, max_chars=2000, height=80)
        _problem(problems, "perpetrator.description")


def _reported(engine: Engine, problems: Mapping[str, str]) -> None:
    st.segmented_control(_("Melding of aangifte gedaan?"), list(REPORTED), key=draft.REPORTED,
                         format_func=lambda r: _(w.REPORTED[r]), width="stretch")
    _problem(problems, "reported")
    if session.widget(draft.REPORTED) not in (None, "none"):
        st.text_input(_("Registratienummer van de politie (mag leeg)"), key=draft.POLICE,
                      max_chars=60)
        _problem(problems, "police_number")
        st.segmented_control(_("Heeft u om de VPT-code gevraagd?"), list(draft.VPT_VALUES),
                             key=draft.VPT, format_func=lambda v: _(VPT_LABELS[v]))
        _problem(problems, "vpt_code_asked")
    _aangifte_advice(engine)


def _aangifte_advice(engine: Engine) -> None:
    """The guideline's advice on aangifte (step 15), one tap away."""
    advice = engine.content.advice.get("aangifte-strafbaar-feit")
    if advice is None:
        return
    lang, local = current_lang(), session_local(engine)
    with st.expander(_("Wanneer doet u aangifte? (stap 15)"), key="inc-aangifte"):
        st.markdown(content_text(engine, advice.text, lang, local))


def _kept(problems: Mapping[str, str]) -> None:
    st.segmented_control(
        _("Hoe bewaren we dit?"), [draft.ANONYMOUS, draft.WITH_NAME], key=draft.NAMED,
        format_func=lambda v: _("Anoniem") if v == draft.ANONYMOUS else _("Met mijn naam"),
        width="stretch")
    if session.widget(draft.NAMED) == draft.WITH_NAME:
        st.caption(_("De coördinator van de gemeente mag dan contact met u opnemen."))
        st.text_input(_("Uw naam"), key=draft.R_NAME, max_chars=200, autocomplete="name")
        _problem(problems, "reporter_name")
        st.text_input(_("Telefoon of e-mail, zodat de coördinator u bereikt"),
                      key=draft.R_CONTACT, max_chars=200)
        _problem(problems, "reporter_contact")
    else:
        st.caption(_("Anoniem: het incident telt mee in de cijfers en bij het zien van "
                     "patronen, maar is niet naar u te herleiden."))
