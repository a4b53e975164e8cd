"""Exports and on-page text against spreadsheet formulas and links (F11, F13 of the review).

Why read the CSV with every separator: the file is comma separated, but Excel with Dutch
settings splits on `;` (and other programs on tabs or `|`), so a cell `x;=1+1` became a live
`=1+1` cell there. Why a GFM autolink oracle: Streamlit's Markdown (and most viewers) make a
link of `http://…`, `www.…` and e-mail addresses even in escaped text; the patterns below are
those of mdast-util-gfm-autolink-literal (the remark-gfm step Streamlit uses).
"""

from __future__ import annotations

import csv
import io
import re

import pytest

from vbestuur_app.exports.to_csv import FORMULA_START, neutralise
from vbestuur_app.exports.to_markdown import defuse
from vbestuur_app.netwerk.to_csv import build_csv
from vbestuur_app.widgets import plain
from vbestuur_engine import netwerklijst as nw

SEPARATORS = (",", ";", "\t", "|")
PAYLOADS = ("x;=1+1", "x;@SUM(1;2)", "a,+cmd|' /C calc'!A0", "naam\t-2+3", "a|=HYPERLINK(1)",
            'x"; =1+1', "regel\n=1+1", "=1+1", "Team - bedrijfsvoering")
GFM_URL = re.compile(r"(https?://|www(?=\.))([-.\w]+)([^ \t\r\n]*)", re.I)
GFM_EMAIL = re.compile(r"(?<![\w.+-])([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)")
INLINE_LINK = re.compile(r"(?<!\\)\[[^\]]*\]\(")


def live_cells(text: str) -> list[str]:
    """Every cell some spreadsheet would evaluate, whatever separator it splits on."""
    found = []
    for sep in SEPARATORS:
        for row in csv.reader(io.StringIO(text), delimiter=sep):
            found += [c for c in row if c.lstrip(" ").startswith(FORMULA_START[:4])]
    return found


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_cell_is_a_formula_after_any_separator(payload: str) -> None:
    network = nw.NetworkList(rows=(nw.NetworkRow(kind="eigen", name=payload, role=payload,
                                                 phone="0612345678", note=payload),))
    assert live_cells(build_csv(network, "nl")) == []


def test_ordinary_text_stays_as_it_is() -> None:
    assert neutralise("Team - bedrijfsvoering, griffie") == "Team - bedrijfsvoering, griffie"
    assert neutralise("x;=1+1") == "x;'=1+1"


@pytest.mark.parametrize("text", ["Bel http://example.org/meld", "zie www.example.org",
                                  "mail meld@example.org", "HTTPS://EXAMPLE.ORG"])
def test_page_text_never_autolinks(text: str) -> None:
    shown = plain(text)
    assert not GFM_URL.search(shown) and not GFM_EMAIL.search(shown)
    assert shown.replace("\u2060", "").replace("\\", "") == text  # reads the same


def test_markdown_export_has_no_links_but_keeps_its_checkboxes() -> None:
    text = defuse("- [ ] Stap 3\n[klik](javascript:alert(1)) [r]: javascript:x ![b](http://e)"
                  " www.example.org meld@example.org\n")
    assert text.startswith("- [ ] Stap 3\n")
    assert not INLINE_LINK.search(text)
    assert not GFM_URL.search(text) and not GFM_EMAIL.search(text)
    assert "javascript:" not in text
