"""`make messages`, after `pybabel extract` and `pybabel update`: fill in Dutch, compile, check.

Why: Dutch is the source language, so in `nl/…/vbestuur.po` every msgstr is the msgid; filling
it in here keeps that file complete without a translator. Then every `.po` is compiled to its
`.mo` (with the `.po`'s hash, see `catalogue.py`) and the catalogues are checked.
"""

from __future__ import annotations

import io
import sys

from babel.messages.pofile import write_po

from .catalogue import LOCALE_DIR, languages, po_path, write_mo
from .check import extract, forms_of, problems, read
from .translator import DEFAULT_LANG


def fill_source_language(lang: str = DEFAULT_LANG) -> int:
    """Set msgstr = msgid for every empty entry of the source language; returns how many."""
    catalogue = read(lang)
    filled = 0
    for entry in catalogue:
        if entry.id and not any(forms_of(entry.string)):
            entry.string = entry.id
            entry.flags.discard("fuzzy")
            filled += 1
    out = io.BytesIO()
    write_po(out, catalogue, width=96, sort_output=True, no_location=True)
    po_path(lang).write_bytes(out.getvalue())
    return filled


def main() -> int:
    print(f"{fill_source_language()} Dutch entries filled in")
    for lang in languages():
        print(write_mo(lang).relative_to(LOCALE_DIR.parent))
    found = problems(extract())
    print("\n".join(found) or "every message is translated")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
