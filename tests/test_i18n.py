"""The app's catalogue: every key in both languages, same placeholders, every used key exists."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from vbestuur_app.i18n import CATALOGUE, LANGS, t

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "app.py", *sorted((ROOT / "vbestuur_app").rglob("*.py"))]
LITERAL_KEY = re.compile(r"""\bt\(\s*["']([a-z_]+(?:\.[a-z_]+)+)["']""")
PREFIX_KEY = re.compile(r"""\bt\(\s*f["']([a-z_.]+)\{""")


def fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_key_has_both_languages(key: str) -> None:
    entry = CATALOGUE[key]
    assert len(entry) == len(LANGS) == 2
    nl, en = entry
    assert nl.strip() and en.strip(), f"{key}: empty text"
    assert fields(nl) == fields(en), f"{key}: placeholders differ"


def test_every_key_used_in_the_code_exists() -> None:
    used: set[str] = set()
    prefixes: set[str] = set()
    for path in SOURCES:
        source = path.read_text(encoding="utf-8")
        used.update(LITERAL_KEY.findall(source))
        prefixes.update(PREFIX_KEY.findall(source))
    missing = sorted(key for key in used if key not in CATALOGUE)
    assert not missing, f"keys used but not in the catalogue: {missing}"
    for prefix in prefixes:
        assert any(key.startswith(prefix) for key in CATALOGUE), prefix


def test_t_picks_language_and_formats() -> None:
    assert t("ask.next", "nl") == "Volgende"
    assert t("ask.next", "en") == "Next"
    assert t("ask.progress", "en", number=3) == "Question 3"
    with pytest.raises(KeyError):
        t("no.such.key", "nl")


def test_dutch_addresses_the_reader_as_u() -> None:
    """B1 Dutch with "u": the informal "je/jij/jouw" never appears."""
    informal = re.compile(r"\b(je|jij|jou|jouw)\b", re.IGNORECASE)
    offenders = [k for k, (nl, _en) in CATALOGUE.items() if informal.search(nl)]
    assert not offenders
