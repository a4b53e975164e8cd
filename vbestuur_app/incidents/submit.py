"""The form's button: validate, register, keep the receipt; or say calmly what to change.

Why a callback: it runs before the page is drawn, so the next draw shows either the receipt
(the form emptied) or every problem at its field with every typed value still there. The
service names a problem by field and code; the words are the page's (words.py).
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from vbestuur_service.incidents import (
    IncidentRegister,
    InvalidDraft,
    Receipt,
    RegisterUnavailable,
)
from vbestuur_store import StoreError

from .. import session
from ..i18n import _
from . import backend, draft
from . import words as w

PLACE = "inc-form"  # the notice place of the form's problems
FAILED = "inc-failed"  # the notice place of "it could not be registered"
RECEIPT_KEY = "inc:receipt"


def problems() -> dict[str, str]:
    """field -> code of the last attempt ("perpetrator.phones[1]" counts as its field)."""
    return {str(n.params["field"]).split("[", 1)[0]: str(n.params["kind"])
            for n in session.peek(PLACE)}


def summary(found: Mapping[str, str]) -> None:
    """Above the button: which fields to look at, and (once) a failure to register."""
    if session.take(FAILED):
        st.error(_(
            "Het registreren is nu niet gelukt. Uw antwoorden staan er nog; probeer het zo "
            "opnieuw."))
    if found:
        names = ", ".join(_(w.field_name(f)) for f in found)
        st.error(_("Kijk nog even naar: {fields}. Daar staat wat er anders moet.", fields=names))


def receipt() -> Receipt | None:
    value = session.widget(RECEIPT_KEY)
    return value if isinstance(value, Receipt) else None


def forget_receipt() -> None:
    session.drop_widget(RECEIPT_KEY)


def submit(register: IncidentRegister) -> None:
    """on_click of "Registreren"."""
    session.clear(PLACE)
    moment = draft.occurred_at()
    if moment is None:
        session.notify(PLACE, "problem", field="occurred_at", kind="required")
        return
    given = draft.read(moment)
    try:
        found = register.validate(given)
        if not found:
            owner, _lasting = backend.owner()
            done = register.register(owner, given)
    except InvalidDraft as err:
        found = list(err.problems)
    except (StoreError, RegisterUnavailable):
        session.notify(FAILED, "failed")
        return
    for problem in found:
        session.notify(PLACE, "problem", field=problem.field, kind=problem.code)
    if not found:
        session.set_widget(RECEIPT_KEY, done)
        draft.clear()
