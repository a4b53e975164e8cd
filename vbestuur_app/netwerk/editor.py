"""The form to add or change one contact, with a message under every field that is wrong.

Why a form whose widgets own the typed values: on a mistake nothing is lost. "Opslaan" checks
the row with the engine's rules; when something is wrong the list is not changed, the form stays
open with exactly what was typed, and each wrong field says what to do. Only a valid row is
saved. The typed text is never shown other than inside the input fields themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from vbestuur_engine.netwerklijst import (
    EDITABLE,
    KINDS,
    MAX_ROWS,
    NetworkRow,
    clean_text,
    digits,
    replace_row,
    row_problems,
    without_gap_note,
)
from vbestuur_engine.netwerklijst_text import FieldProblem

from .. import session
from ..i18n import _
from ..widgets import heading
from . import store
from .actions import notify, saved_or_kept
from .labels import kind_label

NEW = -1
FIELDS = ("kind", *EDITABLE)


def field_key(field: str) -> str:
    """The widget key of one field of the form."""
    return f"nw:f:{field}"


def editing() -> int | None:
    """The row whose form is open (`NEW` for a new row), or None."""
    return session.current().netwerk_editing


def start(index: int | None) -> None:
    """on_click of "Wijzigen" (index) or "Contact toevoegen" (None): open the form, filled."""
    engine, lang, local = store.context()
    network = store.current(engine, lang, local)
    if index is None and len(network.rows) >= MAX_ROWS:
        notify("full")
        return
    row = network.rows[index] if index is not None else NetworkRow(kind="eigen")
    for field in FIELDS:
        session.set_widget(field_key(field), getattr(row, field))
    state = session.current()
    state.netwerk_editing = NEW if index is None else index
    state.netwerk_problems = {}


def cancel() -> None:
    """on_click of "Annuleren": close the form, the list unchanged."""
    state = session.current()
    state.netwerk_editing, state.netwerk_problems = None, {}


def submit() -> None:
    """on_click of "Opslaan": save a valid row, or keep the form open with the messages."""
    raw = {field: session.widget(field_key(field), "") for field in FIELDS}
    problems = row_problems(raw)
    if problems:
        session.current().netwerk_problems = dict(problems)
        return
    engine, lang, local = store.context()
    network = store.current(engine, lang, local)
    chosen = editing()
    index = chosen if chosen is not None and 0 <= chosen < len(network.rows) else None
    if index is None and len(network.rows) >= MAX_ROWS:
        notify("full")
        return
    base = network.rows[index] if index is not None else NetworkRow(kind="eigen")
    stored = store.save(replace_row(network, index, merged(base, raw)))
    cancel()
    notify(saved_or_kept(stored))


def merged(base: NetworkRow, raw: Mapping[str, Any]) -> NetworkRow:
    """The edited row. A changed number loses the source and date that vouched for the old
    one; a row that now has a number drops its "nog in te vullen" note."""
    update: dict[str, Any] = {field: clean_text(raw.get(field, "")) for field in EDITABLE}
    update["kind"] = raw.get("kind")
    if digits(update["phone"]) != digits(base.phone):
        update.update(source="", checked="")
    return without_gap_note(NetworkRow.model_validate({**base.model_dump(), **update}))


def form(lang: str) -> None:
    """The open form (if any): kind, name, role, phone and note, each with its message."""
    open_row = editing()
    if open_row is None:
        return
    problems: Mapping[str, FieldProblem] = session.current().netwerk_problems
    with st.form(key="nw-form", border=True, enter_to_submit=False):
        heading(_("Nieuw contact") if open_row == NEW else _("Contact wijzigen"), 2)
        if problems:
            st.error(_(
                "Niet opgeslagen. Verbeter de velden met een melding; uw invoer staat er nog."))
        st.selectbox(_("Soort contact"), KINDS, key=field_key("kind"),
                     format_func=lambda kind: kind_label(kind, lang))
        _message(problems, "kind", lang)
        st.text_input(_("Naam"), key=field_key("name"))
        _message(problems, "name", lang)
        st.text_input(_("Functie of waarvoor"), key=field_key("role"))
        _message(problems, "role", lang)
        st.text_input(_("Telefoonnummer"), key=field_key("phone"),
                      help=_(
                          "Bijvoorbeeld 06-12345678, 020-1234567 of +31 6 12345678."
                      ), placeholder="06-12345678")
        _message(problems, "phone", lang)
        st.text_area(_("Notitie"), key=field_key("note"), height=90)
        _message(problems, "note", lang)
        save, close = st.columns(2)
        with save:
            st.form_submit_button(_("Opslaan"), type="primary", on_click=submit,
                                  key="nw:save", width="stretch")
        with close:
            st.form_submit_button(_("Annuleren"), on_click=cancel, key="nw:cancel",
                                  width="stretch")


def _message(problems: Mapping[str, FieldProblem], field: str, lang: str) -> None:
    """The message for one field, right under it (fixed text; never the typed value)."""
    problem = problems.get(field)
    if problem is not None:
        st.error(problem.text(lang), icon="✏️")
