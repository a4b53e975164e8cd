"""The web layer's helpers `_`, `ngettext`, `pgettext`, in the session's language.

Why here: the messages live in one gettext catalogue (`vbestuur_service.i18n`, Babel `.po`
files); only knowing *which* language a session speaks needs Streamlit. Content (questions,
advice, steps) carries its own `nl`/`en` texts.
"""

from __future__ import annotations

from vbestuur_service.i18n import translator

from . import (
    session,
)
from .session import DEFAULT_LANG, LANGS

__all__ = ["DEFAULT_LANG", "LANGS", "_", "current_lang", "ngettext", "pgettext"]


def current_lang() -> str:
    """The language of this session; Dutch unless the person chose English."""
    return session.lang()


def _(message: str, /, lang: str | None = None, **params: object) -> str:
    """`message` (the Dutch msgid) in `lang`, by default this session's language."""
    return translator(lang or current_lang()).gettext(message, **params)


def ngettext(singular: str, plural: str, n: int, /, lang: str | None = None,
             **params: object) -> str:
    """The singular or plural form for `n`, in `lang` or this session's language."""
    return translator(lang or current_lang()).ngettext(singular, plural, n, **params)


def pgettext(context: str, message: str, /, lang: str | None = None, **params: object) -> str:
    """`message` in `context` (same Dutch, different English), in `lang` or the session's."""
    return translator(lang or current_lang()).pgettext(context, message, **params)
