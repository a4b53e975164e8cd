"""The built wheel carries everything the engine and the exports need, and runs when installed.

Why: a municipality installs a wheel, not a checkout. Before, a wheel had no rules/, flows/ or
fonts, so it could neither load content nor make a PDF. This test builds the wheel from a copy
of the project (`pip wheel --no-deps`, the pyproject's own build step), installs only that wheel
into a fresh venv (`--no-deps --no-index`), and runs `vbestuur check` and a PDF export there,
from a folder outside the checkout, without PYTHONPATH.

Why the fresh venv borrows the dependencies: installing the ~780 MB of pinned dependencies again
takes 4-6 minutes on the CI box. The venv instead sees this test run's site-packages through a
`.pth` line (appended after its own, so the wheel's code comes first), and the test checks that
every dependency the wheel declares is installed there in a version it accepts. What the wheel
itself must carry (code, content, fonts, templates, licences) comes only from the wheel.

Slow (about 30 s) and run by `make test`; it never skips, so CI cannot pass without it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from email.parser import Parser
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from pypdf import PdfReader

from vbestuur_engine import Engine

ROOT = Path(__file__).resolve().parent.parent
IGNORED = shutil.ignore_patterns(".git", ".venv", "build", "dist", "data", "*.egg-info",
                                 "__pycache__", ".mypy_cache", ".ruff_cache", ".hypothesis",
                                 ".pytest_cache", "*.sqlite*")
ANSWERS = {"rol": "raadslid", "gevaar": "nee", "vormen": ["bedreiging"], "gemeld": "nee"}
EXPORT = """
import json, sys
import vbestuur_content, vbestuur_engine
from vbestuur_app.exports.to_pdf import build_pdf
from vbestuur_engine import Engine
engine = Engine.load()
progress = engine.walk("voorbeeld", json.loads(sys.argv[2]))
open(sys.argv[1], "wb").write(build_pdf(engine, progress, "nl"))
print(json.dumps({"engine": vbestuur_engine.__file__,
                  "content": str(vbestuur_content.content_root())}))
"""

pytestmark = pytest.mark.slow


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VBESTUUR_CONTENT")}
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600, check=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The wheel built from a clean copy of the project, and a fresh venv with only it."""
    tmp = tmp_path_factory.mktemp("wheel")
    shutil.copytree(ROOT, tmp / "src", ignore=IGNORED)
    done = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", tmp / "dist",
               tmp / "src", cwd=tmp)
    assert done.returncode == 0, done.stdout + done.stderr
    (wheel,) = (tmp / "dist").glob("vbestuur-*.whl")
    venv.create(tmp / "venv", with_pip=False)
    python = tmp / "venv" / "bin" / "python"
    purelib = run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))",
                  cwd=tmp).stdout.strip()
    Path(purelib, "zz-test-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    done = run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet",
               "--no-deps", "--no-index", wheel, cwd=tmp)
    assert done.returncode == 0, done.stdout + done.stderr
    return wheel, tmp / "venv"


def test_the_wheel_carries_content_fonts_templates_and_licences(built: tuple[Path, Path]) -> None:
    wheel, _ = built
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"vbestuur_content/{path.relative_to(ROOT).as_posix()}"
                for folder in ("rules", "flows") for path in (ROOT / folder).rglob("*.yaml")}
    assert len(expected) > 25 and expected <= names, sorted(expected - names)
    assert {"vbestuur_app/fonts/DejaVuSans.ttf", "vbestuur_app/fonts/DejaVuSans-Bold.ttf",
            "vbestuur_store/migrations/script.py.mako",
            "vbestuur_app/exports/templates/document.typ",
            "vbestuur-0.1.0.dist-info/licenses/LICENSE"} <= names
    assert not any(name.startswith(("tests/", "rules/", "flows/")) for name in names)


def test_the_wheel_declares_eupl_and_its_dependencies_are_met(built: tuple[Path, Path]) -> None:
    wheel, _ = built
    with zipfile.ZipFile(wheel) as archive:
        meta = Parser().parsestr(archive.read("vbestuur-0.1.0.dist-info/METADATA").decode())
    assert meta["License-Expression"] == "EUPL-1.2" and meta["License"] is None
    required = [Requirement(r) for r in meta.get_all("Requires-Dist") or []]
    runtime = [r for r in required if r.marker is None]
    assert any(r.name == "phonenumbers" for r in runtime)
    for requirement in runtime:
        installed = metadata.version(requirement.name)
        assert requirement.specifier.contains(installed), (requirement, installed)


def test_vbestuur_check_runs_from_the_installed_wheel(built: tuple[Path, Path],
                                                      tmp_path: Path) -> None:
    _, env = built
    done = run(env / "bin" / "vbestuur", "check", "--format", "json", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(done.stdout)
    assert report["ok"] and report["steps"] == list(range(1, 22))
    assert {f["id"] for f in report["flows"]} == set(Engine.load().content.flows)


def test_a_pdf_export_runs_from_the_installed_wheel(built: tuple[Path, Path],
                                                   tmp_path: Path) -> None:
    """The engine CLI cannot make a PDF without importing the app (the layers forbid it), so
    the installed app's exporter is called directly."""
    _, env = built
    out = tmp_path / "advies.pdf"
    done = run(env / "bin" / "python", "-c", EXPORT, out, json.dumps(ANSWERS), cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    where = json.loads(done.stdout)
    assert Path(where["engine"]).is_relative_to(env) and Path(where["content"]).is_relative_to(env)
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Leidraad" in text or "leidraad" in text
    assert "112" in text and "Bel" in text


def test_the_console_script_writes_a_tagged_pdf_from_the_wheel(built: tuple[Path, Path],
                                                               tmp_path: Path) -> None:
    """`vbestuur advise --format pdf`: the installed console script, template and font."""
    _, env = built
    answers, out = tmp_path / "answers.json", tmp_path / "advies.pdf"
    answers.write_text(json.dumps(ANSWERS), encoding="utf-8")
    done = run(env / "bin" / "vbestuur", "advise", "voorbeeld", "--answers", answers,
               "--format", "pdf", "--output", out, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    root = PdfReader(out).trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/Lang"] == "nl"
