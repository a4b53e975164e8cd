"""Content that used to crash or hang the app shows the problem page (security review F5, F8).

Why in the app too: `st.cache_resource` does not cache an exception, so a loader traceback gave
Streamlit's error page on every load, and a FIFO froze the page. The loader now reports these
as problems; this test runs the real entry point on such content folders.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from app_helpers import ROOT, new_app

from vbestuur_app.i18n import _

UNBLOCK_SECONDS = 20
"""If a regression makes the app read the FIFO, a writer opens and closes it after this long:
the reader gets end-of-file and the test fails on its assertion instead of hanging pytest."""


def _unblock(fifo: Path) -> None:
    with contextlib.suppress(OSError):  # nobody is reading it: nothing to unblock
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))


def _fifo(root: Path) -> str:
    fifo = root / "flows" / "zz-fifo.yaml"
    os.mkfifo(fifo)
    guard = threading.Timer(UNBLOCK_SECONDS, _unblock, [fifo])
    guard.daemon = True
    guard.start()
    return "flows/zz-fifo.yaml:1:1: FILE-NOT-REGULAR"


def _merge_key(root: Path) -> str:
    (root / "flows" / "zz-merge.yaml").write_text("a: &x {b: 1}\nc:\n  <<: *x\n",
                                                  encoding="utf-8")
    return "flows/zz-merge.yaml:3:3: KEY-NOT-PLAIN"


def _prompt_without_english(root: Path) -> str:
    path = root / "rules" / "workshop.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    first = next(n for n, line in enumerate(lines) if line.startswith("  - id: wist-u-het"))
    english = next(n for n in range(first, len(lines)) if lines[n].lstrip().startswith("en:"))
    del lines[english]
    path.write_text("".join(lines), encoding="utf-8")
    return f"rules/workshop.yaml:{first + 1}:5: MISSING-TRANSLATION"


CASES: dict[str, Callable[[Path], str]] = {
    "fifo": _fifo, "merge-key": _merge_key, "prompt-without-english": _prompt_without_english}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_problem_page_names_the_file_and_rule(case: str, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    for folder in ("rules", "flows"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    expected = CASES[case](tmp_path)
    monkeypatch.setenv("VBESTUUR_CONTENT", str(tmp_path))
    at = new_app()
    assert not at.exception
    assert at.title[0].value == _("De inhoud van deze hulp klopt niet", "nl")
    listing = at.code[0].value.splitlines()
    assert any(line.startswith(expected) for line in listing), listing
