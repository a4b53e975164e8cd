"""Build step: copy the content (`rules/`, `flows/`) into the `vbestuur_content` package.

Why a build step and not a move: authors and reviewers keep editing the content at the project
root, where docs and tools expect it; only a wheel needs it inside a package. setuptools runs
this `build_py` (named in pyproject.toml, `[tool.setuptools] cmdclass`) for every wheel. An
editable install (`pip install -e .`, what `make` does) skips the copy: there `vbestuur_content`
finds the folders in the checkout itself.
"""

from __future__ import annotations

from pathlib import Path

from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
PACKAGE = "vbestuur_content"
FOLDERS = ("rules", "flows")
SUFFIXES = (".yaml", ".yml")


def content_files(root: Path = ROOT) -> list[Path]:
    """Every content file, relative to `root`, in a fixed order."""
    return sorted(path.relative_to(root) for folder in FOLDERS
                  for path in (root / folder).rglob("*")
                  if path.is_file() and path.suffix in SUFFIXES)


class BuildPyWithContent(build_py):
    """`build_py` that also puts the content files into the built `vbestuur_content`."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib) / PACKAGE
        for relative in content_files():
            destination = target / relative
            self.mkpath(str(destination.parent))
            self.copy_file(str(ROOT / relative), str(destination))
