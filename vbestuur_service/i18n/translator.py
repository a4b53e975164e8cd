"""One translator per language, shared by every session in the process.

Why not gettext's process-global `_` (`gettext.install`): one Streamlit process serves many
people at once, each in their own language. So a translator is asked for by language, and the
caller (the web layer's session, an export that got `lang`) says which. The msgid is the Dutch
source text (Babel's convention); `{name}` placeholders are filled in after translation, so the
same keyword arguments work in every language.
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from functools import cache, lru_cache
from typing import Final, Protocol

from .catalogue import languages, load

DEFAULT_LANG: Final = "nl"


class Translator:
    """gettext, ngettext and pgettext for one language, with `{placeholder}` formatting."""

    def __init__(self, lang: str, translations: gettext.GNUTranslations) -> None:
        self.lang = lang
        self._tr = translations

    def gettext(self, message: str, /, **params: object) -> str:
        return _format(self._tr.gettext(message), params)

    def ngettext(self, singular: str, plural: str, n: int, /, **params: object) -> str:
        return _format(self._tr.ngettext(singular, plural, n), params)

    def pgettext(self, context: str, message: str, /, **params: object) -> str:
        return _format(self._tr.pgettext(context, message), params)

    def npgettext(self, context: str, singular: str, plural: str, n: int, /,
                  **params: object) -> str:
        return _format(self._tr.npgettext(context, singular, plural, n), params)


def _format(text: str, params: dict[str, object]) -> str:
    return text.format(**params) if params else text


@cache
def _translator(lang: str) -> Translator:
    return Translator(lang, load(lang))


@lru_cache(maxsize=1)
def _languages() -> frozenset[str]:
    return frozenset(languages())


def translator(lang: str | None) -> Translator:
    """The cached translator of `lang`; Dutch (authoritative) for an unknown or absent one."""
    return _translator(lang if lang in _languages() else DEFAULT_LANG)


def N_(message: str) -> str:
    """Mark a msgid for `pybabel extract` where it is defined; it is translated where shown."""
    return message


def _(message: str, lang: str | None, /, **params: object) -> str:
    """`message` (the Dutch msgid) in `lang`, placeholders filled in."""
    return translator(lang).gettext(message, **params)


def ngettext(singular: str, plural: str, n: int, lang: str | None, /, **params: object) -> str:
    """The singular or plural form for `n` in `lang` (the language's own plural rule)."""
    return translator(lang).ngettext(singular, plural, n, **params)


def pgettext(context: str, message: str, lang: str | None, /, **params: object) -> str:
    """`message` in `lang`, where the same Dutch needs a different English in `context`."""
    return translator(lang).pgettext(context, message, **params)


class Coded(Protocol):
    """A problem named by the engine or the store: its Dutch msgid and the values to fill in."""

    @property
    def msgid(self) -> str: ...

    @property
    def params(self) -> Mapping[str, object]: ...


def message_text(problem: Coded, lang: str | None) -> str:
    """The engine's or the store's message (a `FieldProblem`, a `StoreError`) in `lang`."""
    return translator(lang).gettext(problem.msgid, **problem.params)


def supported(lang: str | None) -> str:
    """`lang` if it has a catalogue, else Dutch: the language a document is made in."""
    return lang if lang in _languages() else DEFAULT_LANG
