"""The lean static set: the icon subset covers every icon named, Source Sans is never sent."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest
from fontTools.ttLib import TTFont
from ops_helpers import body, call, header
from streamlit import file_util

from vbestuur_app.asgi_static import (
    BLANK_FONT,
    ICON_SUBSET,
    LeanStaticMiddleware,
    lean_page,
    streamlit_icon_font,
)

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
from subset_icons import ligatures, named_icons  # noqa: E402

INDEX = (Path(file_util.get_static_dir()) / "index.html").read_bytes()


def streamlit_page(kind: bytes = b"text/html; charset=utf-8") -> Any:
    """Streamlit's own index.html (or any body of that kind), as its static handler sends it."""
    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", kind),
                                (b"content-length", str(len(INDEX)).encode())]})
        half = len(INDEX) // 2
        await send({"type": "http.response.body", "body": INDEX[:half], "more_body": True})
        await send({"type": "http.response.body", "body": INDEX[half:]})

    return app


def test_every_named_icon_is_in_the_subset() -> None:
    """An icon missing from the subset would show as its name in letters ("expand_more")."""
    in_font = set(ligatures(TTFont(str(streamlit_icon_font()))))
    named = named_icons() & in_font
    assert len(named) > 40, "found too few :material/ names: the scan is broken"
    missing = named - set(ligatures(TTFont(str(ICON_SUBSET))))
    assert not missing, f"run tools/subset_icons.py: the subset lacks {sorted(missing)}"


def test_the_blank_font_has_no_characters() -> None:
    assert TTFont(str(BLANK_FONT)).getBestCmap() in ({}, None)


@pytest.mark.parametrize(("path", "font"), [
    ("/static/media/MaterialSymbols-Rounded.nEdyypZU.woff2", ICON_SUBSET),
    ("/static/media/SourceSansVF-Upright.ttf.BsWL4Kly.woff2", BLANK_FONT),
    ("/static/media/SourceSansVF-Italic.ttf.Bt9VkdQ3.woff2", BLANK_FONT)])
def test_fonts_are_served_from_the_app(path: str, font: Path) -> None:
    sent = call(LeanStaticMiddleware(streamlit_page(), enabled=True), path)
    assert sent[0]["status"] == 200
    assert body(sent) == font.read_bytes()
    assert header(sent[0], "content-type") == "font/woff2"
    assert "immutable" in (header(sent[0], "cache-control") or "")
    again = call(LeanStaticMiddleware(streamlit_page(), enabled=True), path,
                 headers=[(b"if-none-match", (header(sent[0], "etag") or "").encode())])
    assert again[0]["status"] == 304
    assert body(again) == b""


def test_the_page_loses_only_the_text_font_preload() -> None:
    assert b"SourceSansVF" in INDEX, "Streamlit no longer preloads Source Sans: revisit"
    sent = call(LeanStaticMiddleware(streamlit_page(), enabled=True), "/")
    page = body(sent)
    assert b"SourceSansVF" not in page
    assert re.sub(rb"\s+", b"", page) == re.sub(rb"\s+", b"", lean_page(INDEX))
    assert len(INDEX) - len(page) < 300
    assert header(sent[0], "content-length") == str(len(page))
    assert page.count(b"<script") == INDEX.count(b"<script")


def test_off_serves_streamlits_files_unchanged() -> None:
    sent = call(LeanStaticMiddleware(streamlit_page(), enabled=False), "/")
    assert body(sent) == INDEX
    other = call(LeanStaticMiddleware(streamlit_page(b"application/javascript"), enabled=True),
                 "/static/js/index.js")
    assert body(other) == INDEX
