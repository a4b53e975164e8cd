"""Every broken fixture is reported with the right rule id, file and line.

Each file in tests/fixtures/invalid/ holds one defect. Its first line says where it goes in a
copy of the project's content (`# place: FOLDER/`, `# append: FILE` or `# replace: FILE`), and a
`# <- RULE-ID` comment marks the line where the problem must be reported.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from vbestuur_engine import ContentError, check_content, load_content
from vbestuur_engine.checks import RULES

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((Path(__file__).parent / "fixtures" / "invalid").glob("*.yaml"))
MARKER = re.compile(r"#\s*<-\s*([A-Z-]+)")
HUNG_BEFORE = {"too-many-values", "key-not-plain-alias-bomb"}
"""Fixtures that hung the loader (or ate gigabytes) before it was hardened: they run in a child
process with a time and memory bound, so a regression fails the test instead of hanging it."""
GUARD_SECONDS = 60
GUARD_BYTES = 3 * 1024**3


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
    if header.startswith("# replace: "):
        target = header.removeprefix("# replace: ").strip()
        (root / target).write_text(text, encoding="utf-8")
        return target, line, match.group(1)
    folder = header.removeprefix("# place: ").strip()
    target = f"{folder.rstrip('/')}/zz-{fixture.name}"
    (root / target).parent.mkdir(parents=True, exist_ok=True)
    (root / target).write_text(text, encoding="utf-8")
    return target, line, match.group(1)


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (GUARD_BYTES, GUARD_BYTES))


def _check_in_child(root: Path) -> list[tuple[str, str, int]]:
    """(file, rule, line) of every problem `vbestuur check` reports, run in a bounded child."""
    try:
        done = subprocess.run(
            [sys.executable, "-m", "vbestuur_engine.cli", "check", "--format", "json",
             "--content", str(root)], capture_output=True, text=True, cwd=ROOT,
            timeout=GUARD_SECONDS, preexec_fn=_limit_memory, check=False,
            env={**os.environ, "PYTHONPATH": str(ROOT)})
    except subprocess.TimeoutExpired:
        pytest.fail(f"`vbestuur check` did not finish within {GUARD_SECONDS} s")
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    assert done.returncode == 1, (done.returncode, done.stdout[-2000:], done.stderr[-2000:])
    return [(p["file"], p["rule"], p["line"]) for p in json.loads(done.stdout)["problems"]]


def _problems(root: Path, in_child: bool) -> list[tuple[str, str, int]]:
    if in_child:
        return _check_in_child(root)
    _content, problems = check_content(root)
    with pytest.raises(ContentError):
        load_content(root)
    return [(p.file, p.rule, p.line) for p in problems]


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_fixture_is_reported_at_its_line(fixture: Path, tmp_path: Path) -> None:
    root = _base_content(tmp_path)
    file, line, rule = _install(fixture, root)
    problems = _problems(root, fixture.stem in HUNG_BEFORE)
    found = [(r, n) for f, r, n in problems if f == file]
    assert (rule, line) in found, f"expected {rule} at {file}:{line}, got {found}"


def _fifo(target: Path) -> None:
    os.mkfifo(target)


def _link_loop(target: Path) -> None:
    target.symlink_to(target.name)


def _link_to_dev_zero(target: Path) -> None:
    target.symlink_to("/dev/zero")


def _directory(target: Path) -> None:
    target.mkdir()


def _huge_list(target: Path) -> None:
    """A 50 MB list (7.5 million items): 174 s and "alias loop?" before."""
    with target.open("w", encoding="utf-8") as out:
        out.write("steps:\n")
        for _ in range(75):
            out.write("  - 14\n" * 100_000)


def _link_out_of_the_folder(target: Path) -> None:
    """A valid flow, but outside the content folder, reached through a link."""
    outside = target.parents[2] / "outside.yaml"
    example = (ROOT / "flows" / "examples" / "voorbeeld.yaml").read_text(encoding="utf-8")
    outside.write_text(example.replace("id: voorbeeld", "id: buiten"), encoding="utf-8")
    target.symlink_to(outside)


SPECIAL: dict[str, tuple[Callable[[Path], None], str, bool]] = {
    "fifo": (_fifo, "FILE-NOT-REGULAR", True),
    "link-loop": (_link_loop, "FILE-NOT-REGULAR", False),
    "link-to-dev-zero": (_link_to_dev_zero, "FILE-NOT-REGULAR", True),
    "directory": (_directory, "FILE-NOT-REGULAR", False),
    "link-out-of-the-folder": (_link_out_of_the_folder, "FILE-NOT-REGULAR", False),
    "huge-list": (_huge_list, "FILE-TOO-LARGE", True),
}
"""Cases that cannot live in tests/fixtures/ (special files, links, 50 MB): made in tmp_path as
`flows/zz-<case>.yaml`; the flag runs the check in a bounded child (it hung or took minutes)."""


@pytest.mark.parametrize("case", sorted(SPECIAL))
def test_special_file_is_refused_at_line_one(case: str, tmp_path: Path) -> None:
    make, rule, in_child = SPECIAL[case]
    root = _base_content(tmp_path / "content")
    make(root / "flows" / f"zz-{case}.yaml")
    problems = _problems(root, in_child)
    assert (f"flows/zz-{case}.yaml", rule, 1) in problems, problems


def test_every_rule_has_a_fixture_or_a_unit_test() -> None:
    covered = {MARKER.search(f.read_text()).group(1) for f in FIXTURES}  # type: ignore[union-attr]
    covered |= {rule for _make, rule, _child in SPECIAL.values()}
    unit_tested = {"MISSING-FILE", "STEPS-INCOMPLETE", "READABILITY"}
    assert set(RULES) - covered - unit_tested == set()


def test_every_rule_documents_a_pass_and_a_fail_example() -> None:
    for rule in RULES.values():
        assert "PASS:" in rule.doc and "FAIL:" in rule.doc, rule.id


def test_the_project_content_has_no_errors() -> None:
    _content, problems = check_content(ROOT)
    errors = [str(p) for p in problems if p.severity == "error"]
    assert errors == []
