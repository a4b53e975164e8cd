"""Where the message catalogues live and how one language's catalogue is loaded.

Why a compiled `.mo` *and* the `.po`: the `.po` files are the source (what translators edit in
Poedit or Weblate, what the tests check); the `.mo` is only a start-up shortcut. `make messages`
(and `make run`/`make test`) compiles each `.po` to a `.mo` and writes the `.po`'s SHA-256 next to
it. At start-up the `.mo` is used only when that hash matches the `.po` read now; otherwise (a
fresh clone, an edited `.po`) the `.po` is compiled in memory with Babel. So a stale `.mo` can
never be shown, and the common start-up does not import Babel (measured in README).
"""

from __future__ import annotations

import gettext
import hashlib
import io
from pathlib import Path
from typing import Final

DOMAIN: Final = "vbestuur"
LOCALE_DIR: Final = Path(__file__).resolve().parents[1] / "locale"
POT_FILE: Final = LOCALE_DIR / "messages.pot"


def po_path(lang: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return po_path(lang, locale_dir).with_suffix(".mo")


def languages(locale_dir: Path = LOCALE_DIR) -> tuple[str, ...]:
    """Every language that has a `.po` file: adding a language is adding one file."""
    found = locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po")
    return tuple(sorted(path.parent.parent.name for path in found))


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def compile_po(po_bytes: bytes, lang: str) -> bytes:
    """The `.mo` bytes of a `.po` file; fuzzy entries are left out, as gettext intends."""
    from babel.messages import mofile, pofile  # only when no fresh .mo exists (start-up cost)

    catalogue = pofile.read_po(io.BytesIO(po_bytes), locale=lang, domain=DOMAIN)
    out = io.BytesIO()
    mofile.write_mo(out, catalogue, use_fuzzy=False)
    return out.getvalue()


def write_mo(lang: str, locale_dir: Path = LOCALE_DIR) -> Path:
    """Compile one language's `.po` to its `.mo` plus the `.po`'s hash (`make messages`)."""
    po_bytes = po_path(lang, locale_dir).read_bytes()
    target = mo_path(lang, locale_dir)
    target.write_bytes(compile_po(po_bytes, lang))
    target.with_suffix(".sha256").write_text(_digest(po_bytes) + "\n", encoding="ascii")
    return target


def mo_bytes(lang: str, locale_dir: Path = LOCALE_DIR) -> bytes:
    """The compiled catalogue of `lang`: the `.mo` when it matches the `.po`, else compiled now."""
    po_bytes = po_path(lang, locale_dir).read_bytes()
    mo, stamp = mo_path(lang, locale_dir), mo_path(lang, locale_dir).with_suffix(".sha256")
    if mo.is_file() and stamp.is_file() and stamp.read_text("ascii").strip() == _digest(po_bytes):
        return mo.read_bytes()
    return compile_po(po_bytes, lang)


def load(lang: str, locale_dir: Path = LOCALE_DIR) -> gettext.GNUTranslations:
    return gettext.GNUTranslations(io.BytesIO(mo_bytes(lang, locale_dir)))
