"""The netwerklijst's words for the export builders, read without Streamlit.

Why `vbestuur_service.i18n` and not the web layer's `_`: that one reads the session's language
from Streamlit; the builders get the language as an argument, so they can be called (and
tested) as plain functions.
"""

from __future__ import annotations

from vbestuur_service.i18n import _
from vbestuur_service.i18n.words import NW_KINDS


def kind_label(kind: str, lang: str) -> str:
    """The name of a row's kind ("Landelijk", "Vertrouwenspersoon", ...)."""
    return _(NW_KINDS[kind], lang)


def display_name(name: str, role: str, lang: str) -> str:
    """What a row is called: the name, else its role, else "name still to fill in"."""
    return name or role or _("naam nog invullen", lang)
