"""Every broken fixture is reported with the right rule id, file and line.

Each file in tests/fixtures/invalid/ holds one defect. Its first line says where it goes in a
copy of the project's content (`# place: FOLDER/` or `# append: FILE`), and a `# <- RULE-ID`
comment marks the line where the problem must be reported.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from vbestuur_engine import ContentError, check_content, load_content
from vbestuur_engine.checks import RULES

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((Path(__file__).parent / "fixtures" / "invalid").glob("*.yaml"))
MARKER = re.compile(r"#\s*<-\s*([A-Z-]+)")


def _base_content(tmp_path: Path) -> Path:
    """The project's rules and the example flow: valid content to break one thing in."""
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    shutil.copytree(ROOT / "flows" / "examples", tmp_path / "flows" / "examples")
    return tmp_path


def _install(fixture: Path, root: Path) -> tuple[str, int, str]:
    """Put the fixture in place; return (relative file, expected line, expected rule)."""
    text = fixture.read_text(encoding="utf-8")
    header = text.splitlines()[0]
    marked = [(n, MARKER.search(line)) for n, line in enumerate(text.splitlines(), 1)]
    line, match = next((n, m) for n, m in marked if m)
    if header.startswith("# append: "):
        target = header.removeprefix("# append: ").strip()
        existing = (root / target).read_text(encoding="utf-8")
        if not existing.endswith("\n"):
            existing += "\n"
        (root / target).write_text(existing + text, encoding="utf-8")
        return target, len(existing.splitlines()) + line, match.group(1)
    folder = header.removeprefix("# place: ").strip()
    target = f"{folder.rstrip('/')}/zz-{fixture.name}"
    (root / target).parent.mkdir(parents=True, exist_ok=True)
    (root / target).write_text(text, encoding="utf-8")
    return target, line, match.group(1)


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_fixture_is_reported_at_its_line(fixture: Path, tmp_path: Path) -> None:
    root = _base_content(tmp_path)
    file, line, rule = _install(fixture, root)
    _content, problems = check_content(root)
    found = [(p.rule, p.line) for p in problems if p.file == file]
    assert (rule, line) in found, f"expected {rule} at {file}:{line}, got {found}"
    with pytest.raises(ContentError):
        load_content(root)


def test_every_rule_has_a_fixture_or_a_unit_test() -> None:
    covered = {MARKER.search(f.read_text()).group(1) for f in FIXTURES}  # type: ignore[union-attr]
    unit_tested = {"MISSING-FILE", "STEPS-INCOMPLETE", "READABILITY"}
    assert set(RULES) - covered - unit_tested == set()


def test_every_rule_documents_a_pass_and_a_fail_example() -> None:
    for rule in RULES.values():
        assert "PASS:" in rule.doc and "FAIL:" in rule.doc, rule.id


def test_the_project_content_has_no_errors() -> None:
    _content, problems = check_content(ROOT)
    errors = [str(p) for p in problems if p.severity == "error"]
    assert errors == []
