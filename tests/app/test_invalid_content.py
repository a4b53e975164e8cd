"""Invalid content: a clear page listing every problem as file:line:col, never a traceback."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from app_helpers import ROOT, new_app

from vbestuur_app.i18n import _
from vbestuur_engine import check_content

PROBLEM_LINE = re.compile(r"^\S+:\d+:\d+: [A-Z][A-Z0-9-]+")


@pytest.fixture
def broken_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of rules/ and flows/ with one advice file made invalid."""
    for folder in ("rules", "flows"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    advice = sorted((tmp_path / "rules" / "advice").glob("*.yaml"))[0]
    advice.write_text(advice.read_text(encoding="utf-8")
                      + "  - id: Not_An_Id\n    urgency: whenever\n", encoding="utf-8")
    monkeypatch.setenv("VBESTUUR_CONTENT", str(tmp_path))
    return tmp_path


def test_invalid_content_page_lists_problems(broken_content: Path) -> None:
    at = new_app()
    assert not at.exception
    assert at.title[0].value == _("De inhoud van deze hulp klopt niet", "nl")
    listing = at.code[0].value.splitlines()
    _content, problems = check_content(broken_content)
    errors = [str(p) for p in problems if p.severity == "error"]
    assert errors
    assert listing == errors
    assert all(PROBLEM_LINE.match(line) for line in listing)
    assert not at.button, "no doors when the content is invalid"
    assert _("**Bent u nu in gevaar? Bel [112](tel:112).**", "nl") == at.warning[0].value


def test_invalid_content_page_in_english(broken_content: Path) -> None:
    at = new_app(lang="en")
    assert at.title[0].value == _("De inhoud van deze hulp klopt niet", "en")
