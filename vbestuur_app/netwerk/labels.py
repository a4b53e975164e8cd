"""The netwerklijst's words for the export builders, read without Streamlit.

Why not `i18n.t`: that one reads the session's language from Streamlit; the builders get the
language as an argument, so they can be called (and tested) as plain functions.
"""

from __future__ import annotations

from ..strings_netwerk import STRINGS


def label(key: str, lang: str, **fmt: object) -> str:
    """The text for `key` in `lang` (Dutch unless "en"), formatted with `fmt`."""
    nl, en = STRINGS[key]
    text = en if lang == "en" else nl
    return text.format(**fmt) if fmt else text


def kind_label(kind: str, lang: str) -> str:
    """The name of a row's kind ("Landelijk", "Vertrouwenspersoon", ...)."""
    return label(f"nw.kind.{kind}", lang)


def display_name(name: str, role: str, lang: str) -> str:
    """What a row is called: the name, else its role, else "name still to fill in"."""
    return name or role or label("nw.no_name", lang)
