"""Is every message translated? The check behind the i18n tests and `make messages`.

Why a check of our own on top of Babel's: gettext falls back to the msgid (Dutch) for a
missing or fuzzy entry, so a forgotten English text would ship silently. Here every message
found by `pybabel extract` must be in every language's `.po`, not fuzzy, translated (every
plural form), and use the same `{placeholders}` as the Dutch, so `.format(**params)` can
never fail in one language only.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from .catalogue import DOMAIN, LOCALE_DIR, languages, po_path

ROOT = LOCALE_DIR.parents[1]
MAPPING = [("**.py", "python")]


@dataclass(frozen=True)
class Extracted:
    """One message as `pybabel extract` finds it in the code."""

    msgid: str
    plural: str | None
    context: str | None


def extract(root: Path = ROOT) -> set[Extracted]:
    """The messages in the code, found with the same keywords as `pybabel extract`."""
    found: set[Extracted] = set()
    for name in ["app.py", *sorted(p.name for p in root.glob("vbestuur_*") if p.is_dir())]:
        path = root / name
        if path.is_dir():
            items = extract_from_dir(path, MAPPING)
            found |= {_extracted(message, context) for _f, _l, message, _c, context in items}
        elif path.is_file():
            found |= _extract_file(path)
    return found


def _extract_file(path: Path) -> set[Extracted]:
    with path.open("rb") as handle:
        from babel.messages.extract import extract

        return {_extracted(m, ctx) for _l, m, _c, ctx in extract("python", handle)}


def _extracted(message: str | tuple[str, ...], context: str | None) -> Extracted:
    if isinstance(message, tuple):
        return Extracted(message[0], message[1] if len(message) > 1 else None, context)
    return Extracted(message, None, context)


def fields(text: str) -> set[str]:
    """The `{name}` placeholders of a python-format (brace) text."""
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


def read(lang: str, locale_dir: Path = LOCALE_DIR) -> Catalog:
    with po_path(lang, locale_dir).open("rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


def problems(messages: Iterable[Extracted], locale_dir: Path = LOCALE_DIR,
             unused: bool = True) -> list[str]:
    """Everything wrong, one line each: `lang: "msgid": what is wrong`. With `unused`,
    `messages` is all of the code, so a `.po` entry not among them is reported too."""
    wanted = sorted(messages, key=lambda m: (m.msgid, m.context or ""))
    found: list[str] = []
    for lang in languages(locale_dir):
        catalogue = read(lang, locale_dir)
        for message in wanted:
            entry = catalogue.get(message.msgid, context=message.context)
            found += [f"{lang}: {message.msgid!r}: {p}" for p in _entry_problems(message, entry)]
        if not unused:
            continue
        keys = {(m.msgid, m.context) for m in wanted}
        found += [f"{lang}: {e.id!r}: in the .po but not in the code (run `make messages`)"
                  for e in catalogue if e.id and (_singular(e.id), e.context) not in keys]
        found += [f"{lang}: {e.id!r}: obsolete entry" for e in catalogue.obsolete.values()]
    return found


def _singular(msgid: object) -> str:
    return str(msgid[0] if isinstance(msgid, tuple | list) else msgid)


def forms_of(string: object) -> list[str]:
    if isinstance(string, tuple | list):
        return [str(s or "") for s in string]
    return [str(string or "")]


def _entry_problems(message: Extracted, entry: Message | None) -> list[str]:
    if entry is None:
        return ["missing"]
    if entry.fuzzy:
        return ["fuzzy (the Dutch changed: check the translation)"]
    forms = forms_of(entry.string)
    sources = (message.msgid, message.plural) if message.plural else (message.msgid,)
    if message.plural and not isinstance(entry.id, tuple):
        return ["should have plural forms (ngettext)"]
    if not all(form.strip() for form in forms) or len(forms) < len(sources):
        return ["not translated"]
    expected = [fields(sources[min(i, len(sources) - 1)]) for i in range(len(forms))]
    return [f"placeholders {sorted(fields(form))} instead of {sorted(want)}"
            for form, want in zip(forms, expected, strict=True) if fields(form) != want]
