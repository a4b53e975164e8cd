"""The municipality profile: the griffie's own text for each open term, in Dutch and English.

Why both languages: the advice is shown in the person's language and the engine's `Text`
needs both, so a value is saved only when both are filled in. Why the national text stays
visible: the griffie sees exactly what people read until the municipality fills in its own.
"""

from __future__ import annotations

import streamlit as st

from vbestuur_engine import Engine
from vbestuur_engine.schema import Term
from vbestuur_service.i18n.words import PROFILE_TEXT_LANG
from vbestuur_service.localtime import format_moment
from vbestuur_store import Change, Store

from .. import persistence, session
from ..i18n import _, current_lang
from ..widgets import heading, plain
from . import local

PLACE = "profile"  # the notice place of the profile section


def field_key(term_id: str, lang: str) -> str:
    """The key of a term's text area (tests fill them in by these keys)."""
    return f"profile:{term_id}:{lang}"


def render(engine: Engine, actor: str | None) -> None:
    """Every open term with its current text; editors for whoever unlocked the page."""
    heading(_("Gemeenteprofiel"), 2)
    st.markdown(_(
        "Dit zijn de onderwerpen die elke gemeente zelf regelt. Staat er nog geen eigen tekst, "
        "dan lezen mensen de landelijke tekst. Vul de tekst in het Nederlands en in het Engels "
        "in."))
    saved = next((n.params["term"] for n in session.take(PLACE)), None)
    if saved:
        st.success(_(
            "Opgeslagen: {term}. Het advies gebruikt deze tekst nu.",
            term=plain(_label(engine, saved))))
    values = local.profile()
    _name(values, actor)
    for term in engine.content.terms.values():
        _term(term, values.get(term.id), actor)
    _history(engine)


def _label(engine: Engine, term_id: str) -> str:
    """A term's label in the session's language (the name entry has its own)."""
    term = engine.content.terms.get(term_id)
    return term.label.get(current_lang()) if term is not None else _("Naam van de gemeente")


def _name(values: dict[str, tuple[str, str]], actor: str | None) -> None:
    name = values.get(local.NAME_ID)
    unnamed_text = _("Uw gemeente")
    name_text = _("Naam van de gemeente")
    st.markdown(f"**{name_text}:** {plain(name[0]) if name else unnamed_text}")
    if actor is None:
        return
    with st.form("profile-name"):
        st.text_input(_("Naam van de gemeente"), value=name[0] if name else "",
                      key=field_key(local.NAME_ID, "nl"), max_chars=100)
        st.form_submit_button(_("Opslaan"), on_click=_save_name, args=(actor,))


def _term(term: Term, value: tuple[str, str] | None, actor: str | None) -> None:
    lang = current_lang()
    with st.container(border=True, key=f"profile-{term.id}"):
        st.markdown(f"**{plain(term.label.get(lang))}**")
        if value is None:
            st.caption(_("Landelijke tekst (nog geen eigen tekst):"))
            st.markdown(plain(term.default.get(lang)))
        else:
            st.caption(_("Eigen tekst van de gemeente:"))
            st.markdown(plain(value[0] if lang == "nl" else value[1]))
        if actor is not None:
            _editor(term, value, actor)


def _editor(term: Term, value: tuple[str, str] | None, actor: str) -> None:
    with st.form(f"profile-form-{term.id}"):
        for index, lang in enumerate(("nl", "en")):
            st.text_area(_(PROFILE_TEXT_LANG[lang]), value=value[index] if value else "",
                         key=field_key(term.id, lang), max_chars=4000)
        st.form_submit_button(_("Opslaan"), on_click=_save, args=(term.id, actor))
    if value is not None:
        st.button(_(
            "Terug naar de landelijke tekst"), key=f"profile:{term.id}:clear", on_click=_clear,
                  args=(term.id, actor))


def _save(term_id: str, actor: str) -> None:
    """on_click: both languages are needed; then save, audited, and refresh the advice."""
    nl = str(session.widget(field_key(term_id, "nl")) or "").strip()
    en = str(session.widget(field_key(term_id, "en")) or "").strip()
    if not nl or not en:
        persistence.notice(_("Vul de tekst in beide talen in."))
        return
    ok = persistence.safely(lambda s: _set(s, term_id, nl, en, actor), False)
    _after(ok, term_id)


def _save_name(actor: str) -> None:
    name = str(session.widget(field_key(local.NAME_ID, "nl")) or "").strip()
    if not name:
        persistence.notice(_("Vul de tekst in beide talen in."))
        return
    ok = persistence.safely(lambda s: _set(s, local.NAME_ID, name, name, actor), False)
    _after(ok, local.NAME_ID)


def _clear(term_id: str, actor: str) -> None:
    def clear(store: Store) -> bool:
        store.clear_profile_value(term_id, actor)
        return True

    ok = persistence.safely(clear, False)
    for lang in ("nl", "en"):
        session.drop_widget(field_key(term_id, lang))
    _after(ok, term_id)


def _set(store: Store, term_id: str, nl: str, en: str, actor: str) -> bool:
    store.set_profile_value(term_id, nl, en, actor)
    return True


def _after(ok: bool, term_id: str) -> None:
    if ok:
        local.forget_cache()
        session.notify(PLACE, "saved", term=term_id)


def _history(engine: Engine) -> None:
    """Who changed which term when (newest first), folded away."""
    nothing: list[Change] = []
    changes = persistence.safely(lambda store: store.profile_history(), nothing)
    with st.expander(_("Wie wijzigde wat ({count})", count=len(changes))):
        if not changes:
            st.caption(_("Nog geen wijzigingen."))
        for change in reversed(changes):
            st.markdown(_(
                "{when} · {who} · {item} ({field})",
                when=format_moment(change.at, current_lang()), who=plain(change.actor),
                item=plain(_label(engine, change.item)), field=plain(change.field)))
            st.text(f"{change.old or '—'}  →  {change.new or '—'}")
