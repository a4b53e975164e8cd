"""Cut Streamlit's Material Symbols icon font down to the icons this app can show.

Why: Streamlit 1.67 preloads its whole icon font (MaterialSymbols-Rounded, 375 KB of woff2,
about 4,300 icons) on every first visit, and compression cannot shrink a woff2. The pages
show a few dozen of those icons: the ones Streamlit's own frontend names (`:material/x:` in
its bundled scripts) and the ones the app names (`:material/x:` in its code). The icons are
ligatures (the text "expand_more" drawn as one glyph), so the subset keeps those ligature
rules only (`--no-layout-closure`), plus the letters they are spelled with.

Run after a Streamlit upgrade: `python tools/subset_icons.py` (needs fontTools, a test extra).
The result, vbestuur_app/fonts/MaterialSymbols-Rounded-subset.woff2, is served in place of
Streamlit's file by vbestuur_app/asgi_static.py; tests/app/test_icon_subset.py fails when an
icon named by Streamlit or the app is missing from it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from vbestuur_app.asgi_static import BLANK_FONT, ICON_SUBSET, streamlit_icon_font  # noqa: E402

NAME = re.compile(r":material/([a-z0-9_]+):")
APP_SOURCES = ("app.py", "vbestuur_app", "vbestuur_service", "vbestuur_engine")


def named_icons() -> set[str]:
    """Every `:material/name:` in Streamlit's scripts and in the app's own code."""
    files = list((streamlit_icon_font().parent.parent / "js").glob("*.js"))
    for source in APP_SOURCES:
        path = ROOT / source
        files += [path] if path.is_file() else list(path.rglob("*.py"))
    return {name for f in files for name in NAME.findall(f.read_text(errors="ignore"))}


def ligatures(font: TTFont) -> dict[str, str]:
    """Icon name -> glyph name, read from the font's ligature substitutions."""
    letters = {glyph: chr(code) for code, glyph in font.getBestCmap().items()}
    found: dict[str, str] = {}
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for table in lookup.SubTable:
            table = getattr(table, "ExtSubTable", table)
            for first, rules in getattr(table, "ligatures", {}).items():
                for rule in rules:
                    parts = [first, *rule.Component]
                    if all(p in letters for p in parts):
                        found["".join(letters[p] for p in parts)] = rule.LigGlyph
    return found


def cut(source: Path, glyphs: list[str], text: str, target: Path) -> None:
    """Save the font with only these glyphs (and the ligature rules among them) as woff2."""
    font = TTFont(str(source))
    options = subset.Options()
    options.layout_closure = False
    options.layout_features = ["liga", "rlig", "calt", "ccmp"]
    options.flavor = "woff2"
    options.name_IDs = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(glyphs=glyphs, text=text)
    subsetter.subset(font)
    font.save(str(target))


def main() -> None:
    """The icon subset, and a font with no characters at all (served for Source Sans: the
    browser then draws every character in the next font of the stack, the system font)."""
    source = streamlit_icon_font()
    known = ligatures(TTFont(str(source)))
    wanted = sorted(named_icons() & set(known))
    letters = "".join(sorted({c for name in wanted for c in name}))
    cut(source, [known[n] for n in wanted], letters + " ", ICON_SUBSET)
    cut(ICON_SUBSET, [], "", BLANK_FONT)
    for target in (ICON_SUBSET, BLANK_FONT):
        print(f"{target.relative_to(ROOT)}: {target.stat().st_size:,} bytes")
    print(f"{len(wanted)} icons of {len(known)}; Streamlit's font {source.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
