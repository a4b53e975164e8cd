"""The hand conversions of the gettext migration that the codemod cannot infer, as text edits.

Why edits by exact text and not a patch: a patch fails on any nearby change; these edits name
the one line they replace and are skipped when already applied, so `tools/apply_gettext.sh` can
run again. Each edit that finds neither its old nor its new text stops with the file and the
text to change by hand. What is done here (everything else is `i18n_codemod.py`):

* exports/organisation.py: its nl/en word table becomes `N_` msgids translated per language
  (exports/labels.py is copied whole from tools/i18n_patches/files/);
* Makefile (`make mo`, `make messages`, `run`/`test` compile first, bench/i18n.py) and
  pyproject.toml (Babel, the .po files in the wheel);
* README.md: the language bullet and a "Languages" section (tools/i18n_patches/);
* the exports' document language is any language with a catalogue (`supported(lang)`), not an
  nl/en branch.

Store errors and the workshop hand-over note need no edit: the app layer already words the
store's error codes and the note in `vbestuur_app/messages.py` through catalogue keys
(`ERROR_KEYS`, `JUDGED_KEYS`), which the codemod converts. One-off migration support.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ORG = "vbestuur_app/exports/organisation.py"
ORG_WORDS_NEW = '''_WORDS: Final = {
    "title": N_("Organisatie: stand van zaken"), "step": N_("stap"), "phase": N_("fase"),
    "status": N_("status"), "owner": N_("eigenaar"), "due": N_("datum klaar"),
    "note": N_("notitie"), "changed_by": N_("gewijzigd door"), "changed_at": N_("gewijzigd op"),
    "open": N_("open"), "deels": N_("deels geregeld"), "geregeld": N_("geregeld"),
    "nvt": N_("niet van toepassing"), "titlecol": N_("titel"),
}
'''
ORG_WORDS_FN_OLD = '''def _words(lang: str) -> Mapping[str, str]:
    return _WORDS["en" if lang == "en" else "nl"]
'''
ORG_WORDS_FN_NEW = '''@cache
def _words(lang: str) -> Mapping[str, str]:
    """The column and status words in `lang`, from the one catalogue; "—" marks an empty cell."""
    return {"none": "—", **{key: _(msgid, lang) for key, msgid in _WORDS.items()}}
'''
FUTURE = "from __future__ import annotations\n"
MAKE_VARS = """
LOCALE := vbestuur_service/locale
I18N_SOURCES := app.py $(sort $(wildcard vbestuur_*))

.PHONY: run test lint typecheck bench scale clean messages mo
"""
MAKE_TARGETS = """# The compiled catalogues (.mo): only a start-up shortcut, never stale
# (vbestuur_service/i18n).
mo: $(RUN_STAMP)
\t$(BIN)/python -m vbestuur_service.i18n

# After changing UI text: extract the msgids, merge them into every .po (changed Dutch -> fuzzy),
# fill in the Dutch, compile, and list what a translator still has to do.
messages: $(STAMP)
\t$(BIN)/pybabel -q extract -F babel.cfg --sort-output --no-location -w 96 \\
\t    --project vbestuur --version 0.1.0 --copyright-holder "the vbestuur authors" \\
\t    -o $(LOCALE)/messages.pot $(I18N_SOURCES)
\t$(BIN)/pybabel -q update -i $(LOCALE)/messages.pot -d $(LOCALE) -D vbestuur -w 96 \\
\t    --ignore-obsolete
\t$(BIN)/python -m vbestuur_service.i18n.maintain

run: $(RUN_STAMP) mo
"""
BUILD_EDITS: list[tuple[str, str, str]] = [
    ("Makefile", "\n.PHONY: run test lint typecheck bench scale clean\n", MAKE_VARS),
    ("Makefile", "run: $(RUN_STAMP)\n", MAKE_TARGETS),
    ("Makefile", "test: lint\n", "test: lint mo\n"),
    ("Makefile", "\t$(BIN)/python bench/app.py\n",
     "\t$(BIN)/python bench/app.py\n\t$(BIN)/python bench/i18n.py\n"),
    ("pyproject.toml", 'vbestuur_store = ["migrations/script.py.mako"]\n',
     'vbestuur_store = ["migrations/script.py.mako"]\n'
     'vbestuur_service = ["locale/*.pot", "locale/*/LC_MESSAGES/*.po"]\n'),
]

# (file, old text, new text). An old text of None: the new text goes after FUTURE (an import).
EDITS: list[tuple[str, str | None, str]] = [
    (ORG, None, "from functools import cache\n"),
    (ORG, None, "from vbestuur_service.i18n import N_, _\n"),
    (ORG, ORG_WORDS_FN_OLD, ORG_WORDS_FN_NEW),
    ("vbestuur_app/exports/document.py", None, "from vbestuur_service.i18n import supported\n"),
    ("vbestuur_app/exports/document.py", 'lang = "en" if lang == "en" else "nl"',
     "lang = supported(lang)"),
    ("vbestuur_app/exports/to_ics.py", None, "from vbestuur_service.i18n import supported\n"),
    ("vbestuur_app/exports/to_ics.py", 'lang = "en" if lang == "en" else "nl"',
     "lang = supported(lang)"),
    ("vbestuur_app/netwerk/to_ics.py", None, "from vbestuur_service.i18n import supported\n"),
    ("vbestuur_app/netwerk/to_ics.py", 'lang = "en" if lang == "en" else "nl"',
     "lang = supported(lang)"),
]


# Words about the old catalogues in docstrings and comments: edited when found, else a note
# (a rewritten docstring needs no edit).
DOC_EDITS: list[tuple[str, str, str]] = [
    ("vbestuur_app/messages.py",
     "message catalogue (`strings_store.py`, keys `err.*`) like every other text of the app.",
     "gettext catalogue (`vbestuur_service/locale`) like every other text of the app."),
    ("vbestuur_app/messages.py",
     "the catalogue key of each one's sentence (keys written out, so\n# the catalogue tooling "
     "finds them)",
     "the Dutch msgid of each one's sentence (written out with N_,\n# so `pybabel extract` "
     "finds them)"),
    ("vbestuur_app/messages.py", "(keys written out, as above)", "(msgids written out, as above)"),
    ("vbestuur_app/workshop/__init__.py",
     "its words live in\n`vbestuur_app.strings_workshop`. Storage rules (k threshold, PIN, one "
     "vote per person) are\nenforced in",
     "its words are in\nthe one gettext catalogue (`vbestuur_service/locale`). Storage rules "
     "(k threshold, PIN, one\nvote per person) are enforced in"),
    ("vbestuur_app/netwerk/labels.py",
     "Why not `i18n.t`: that one reads the session's language from Streamlit; the builders get "
     "the\nlanguage as an argument, so they can be called (and tested) as plain functions.",
     "Why `vbestuur_service.i18n` and not the web layer's `_`: that one reads the session's "
     "language\nfrom Streamlit; the builders get the language as an argument, so they can be "
     "called (and\ntested) as plain functions."),
]


def _docs(root: Path) -> None:
    for name, old, new in DOC_EDITS:
        path = root / name
        text = path.read_text("utf-8") if path.exists() else ""
        if old in text:
            path.write_text(text.replace(old, new), "utf-8")
        elif new not in text:
            print(f"note: {name}: {old[:40]!r}… not found; check its wording by hand")


def _org_words(text: str) -> str:
    """The `_WORDS = {"nl": {...}, "en": {...}}` block, whatever its words, replaced."""
    if ORG_WORDS_NEW in text:
        return text
    start = text.find('_WORDS: Final = {\n    "nl": {')
    end = text.find("\n}\n", start)
    if start < 0 or end < 0:
        sys.exit(f"{ORG}: the nl/en `_WORDS` table was not found: convert it by hand to "
                 "N_ msgids (see tools/i18n_fixups.py ORG_WORDS_NEW), then run again")
    return text[:start] + ORG_WORDS_NEW + text[end + 3:]


LANGUAGE_BULLET = """- **A language** (for example Frisian, `fy`): one `.po` file, `pybabel init -i
  vbestuur_service/locale/messages.pot -d vbestuur_service/locale -D vbestuur -l fy`, translated
  (see "Languages"), plus the language's field in the content's `Text` (the YAML `fy:` entries)
  and in the language choice (`vbestuur_app/session.py` `LANGS`). The catalogue test then checks
  the new `.po` like the others.
"""


def _imported(text: str, statement: str) -> bool:
    """Are the names of `from M import a, b` already imported from M (ruff may merge lines)?"""
    wanted = ast.parse(statement).body[0]
    assert isinstance(wanted, ast.ImportFrom)
    have = {a.name for n in ast.walk(ast.parse(text)) if isinstance(n, ast.ImportFrom)
            and n.module == wanted.module for a in n.names}
    return {a.name for a in wanted.names} <= have


def _readme(root: Path) -> None:
    """The README's language bullet and its "Languages" section describe the gettext way."""
    path = root / "README.md"
    text = path.read_text("utf-8")
    start = text.find("- **A language**")
    if start < 0:
        sys.exit("README.md: no '- **A language**' bullet: write the gettext way by hand "
                 "(tools/i18n_fixups.py LANGUAGE_BULLET), then run again")
    end = text.find("\n\n", start)
    text = text[:start] + LANGUAGE_BULLET + text[end + 1:]
    text = text.replace("i18n.py + strings_*.py, messages.py", "i18n.py (gettext), messages.py")
    if "## Languages" not in text:
        section = (root / "tools/i18n_patches/README-languages.md").read_text("utf-8")
        at = text.find("## Configuration")
        text = text + "\n" + section if at < 0 else text[:at] + section + text[at:]
    path.write_text(text, "utf-8")


def apply(root: Path) -> None:
    for name, old, new in [*BUILD_EDITS, *EDITS]:
        path = root / name
        text = path.read_text("utf-8")
        if new in text or (old is None and _imported(text, new)):
            continue
        if old is None:
            if FUTURE not in text:
                sys.exit(f"{name}: no `{FUTURE.strip()}` line to put `{new.strip()}` after")
            text = text.replace(FUTURE, FUTURE + "\n" + new, 1)
        elif old in text:
            text = text.replace(old, new)
        else:
            sys.exit(f"{name}: neither the old text {old!r} nor the new one was found: "
                     f"apply by hand (new text: {new!r}), then run again")
        path.write_text(text, "utf-8")
    org = root / ORG
    org.write_text(_org_words(org.read_text("utf-8")), "utf-8")
    _readme(root)
    _docs(root)


if __name__ == "__main__":
    apply(Path.cwd())
    print("hand conversions applied (tools/i18n_fixups.py)")
