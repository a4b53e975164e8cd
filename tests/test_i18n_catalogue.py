"""The gettext catalogue: every message of the code in every language, same placeholders."""

from __future__ import annotations

import gettext
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from vbestuur_service.i18n import N_, languages, supported, translator
from vbestuur_service.i18n.catalogue import (
    LOCALE_DIR,
    POT_FILE,
    mo_bytes,
    mo_path,
    po_path,
    write_mo,
)
from vbestuur_service.i18n.check import Extracted, extract, fields, problems, read

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def extracted() -> set[Extracted]:
    return extract()


def test_nl_and_en_are_the_languages() -> None:
    assert set(languages()) == {"nl", "en"}


def test_every_message_in_the_code_is_translated(extracted: set[Extracted]) -> None:
    assert len(extracted) > 300  # the extraction really found the app's messages
    assert problems(extracted) == []


def test_the_template_is_current(extracted: set[Extracted]) -> None:
    """messages.pot is what `pybabel extract` gives now (translators start from it)."""
    with POT_FILE.open("rb") as handle:
        template = read_po(handle)
    in_pot = {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in template if m.id}
    assert in_pot == {(m.msgid, m.context) for m in extracted}


def _copy_locale(tmp_path: Path) -> Path:
    target = tmp_path / "locale"
    shutil.copytree(LOCALE_DIR, target, ignore=shutil.ignore_patterns("*.mo", "*.sha256"))
    return target


def _rewrite(locale: Path, lang: str, change: object) -> None:
    catalogue = read(lang, locale)
    change(catalogue)  # type: ignore[operator]
    with po_path(lang, locale).open("wb") as handle:
        write_po(handle, catalogue, width=96, no_location=True)


def test_a_missing_message_is_reported(tmp_path: Path, extracted: set[Extracted]) -> None:
    locale = _copy_locale(tmp_path)
    victim = sorted(m.msgid for m in extracted if m.plural is None and m.context is None)[0]
    _rewrite(locale, "en", lambda c: c.delete(victim))
    assert problems(extracted, locale) == [f"en: {victim!r}: missing"]


def test_fuzzy_empty_and_wrong_placeholders_are_reported(tmp_path: Path) -> None:
    locale = _copy_locale(tmp_path)
    locked = "Te veel onjuiste pogingen. Probeer het over {seconds} seconden opnieuw."
    messages = {Extracted(locked, None, None), Extracted("Datum", None, None),
                Extracted("Bron", None, None)}

    def spoil(catalogue):  # type: ignore[no-untyped-def]
        catalogue[locked].string = "Too many attempts. Try again in {secs} seconds."
        catalogue["Datum"].flags.add("fuzzy")
        catalogue["Bron"].string = ""

    _rewrite(locale, "en", spoil)
    found = problems(messages, locale, unused=False)
    assert found == ["en: 'Bron': not translated",
                     "en: 'Datum': fuzzy (the Dutch changed: check the translation)",
                     f"en: {locked!r}: placeholders ['secs'] instead of ['seconds']"]


def test_plural_messages_have_both_forms_in_both_languages(extracted: set[Extracted]) -> None:
    plurals = [m for m in extracted if m.plural]
    assert plurals, "ngettext is used"
    for lang in languages():
        catalogue = read(lang)
        for message in plurals:
            entry = catalogue.get(message.msgid, context=message.context)
            assert entry is not None and isinstance(entry.string, tuple | list)
            assert len(entry.string) == catalogue.num_plurals == 2
            assert fields(entry.string[1]) == fields(message.plural or "")


def test_translator_per_language_with_plurals() -> None:
    en, nl = translator("en"), translator("nl")
    locked = "Te veel onjuiste pogingen. Probeer het over {seconds} seconden opnieuw."
    assert en.gettext(locked, seconds=3) == "Too many incorrect attempts. Try again in 3 seconds."
    assert nl.gettext(locked, seconds=3) == locked.format(seconds=3)
    one, many = "stap {numbers}", "stappen {numbers}"
    assert en.ngettext(one, many, 1, numbers="6") == "step 6"
    assert en.ngettext(one, many, 2, numbers="6, 14") == "steps 6, 14"
    assert nl.ngettext(one, many, 2, numbers="6, 14") == "stappen 6, 14"
    assert supported("fy") == "nl" and supported("en") == "en"
    assert translator("fy") is nl  # no Frisian catalogue (yet): Dutch, the authoritative text
    assert translator("en") is en  # cached per language, not process-global


def test_hand_written_plurals_became_ngettext() -> None:
    en, nl = translator("en"), translator("nl")
    one, many = "{count} probleem gevonden.", "{count} problemen gevonden."
    assert en.ngettext(one, many, 1, count=1) == "1 problem found."
    assert en.ngettext(one, many, 4, count=4) == "4 problems found."
    assert nl.ngettext(one, many, 1, count=1) == "1 probleem gevonden."
    left = ("daarna misschien nog {count} vraag", "daarna misschien nog {count} vragen")
    assert en.ngettext(*left, 1, count=1) == "maybe 1 more question after this"
    assert nl.ngettext(*left, 3, count=3) == "daarna misschien nog 3 vragen"


def test_same_dutch_two_english_words_have_a_context() -> None:
    en = translator("en")
    assert en.pgettext("export: the room's verdict", "Oordeel van de zaal: {verdict}") != \
        en.pgettext("screen: the room's verdict", "Oordeel van de zaal: {verdict}")
    assert en.pgettext("button: open the console", "Openen") == "Open"
    assert en.pgettext("heading: who is editing", "Wijzigen") == "Editing"
    assert en.pgettext("button: edit a row", "Wijzigen") == "Edit"


def test_dutch_is_the_source_language() -> None:
    """In nl/…/vbestuur.po every msgstr is its msgid (filled in by `make messages`)."""
    dutch = read("nl")
    entries = [m for m in dutch if m.id]
    assert entries and all(m.string == m.id for m in entries)


def test_n_marks_without_translating() -> None:
    assert N_("Volgende") == "Volgende"


def test_a_stale_mo_is_never_used(tmp_path: Path) -> None:
    locale = _copy_locale(tmp_path)
    write_mo("en", locale)
    def bron() -> str:
        return gettext.GNUTranslations(io.BytesIO(mo_bytes("en", locale))).gettext("Bron")

    assert bron() == "Source" and mo_path("en", locale).is_file()
    _rewrite(locale, "en", lambda c: setattr(c["Bron"], "string", "Origin"))
    assert bron() == "Origin"  # the .po changed after `make mo`: compiled again, not the old .mo


def test_dutch_addresses_the_reader_as_u(extracted: set[Extracted]) -> None:
    """B1 Dutch with "u": the informal "je/jij/jouw" never appears."""
    informal = re.compile(r"\b(je|jij|jou|jouw)\b", re.IGNORECASE)
    assert not [m.msgid for m in extracted if informal.search(f"{m.msgid} {m.plural or ''}")]


def test_service_translations_never_import_streamlit() -> None:
    code = ("import sys, vbestuur_service.i18n as i; i.translator('en'); "
            "assert 'streamlit' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
