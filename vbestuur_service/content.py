"""The loaded content: a ready engine, or the problems that prevent one; and its version.

Why kept with the runtime: loading parses, checks and compiles every YAML file (hundreds of
milliseconds) and the result is immutable, so one `Engine` serves every session of a process.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from vbestuur_engine import ContentError, Engine, Problem
from vbestuur_engine.cache import load_engine


@dataclass(frozen=True)
class Loaded:
    """Either a ready engine or the problems that prevent one; plus the content's version."""

    engine: Engine | None
    problems: tuple[Problem, ...]
    version: str
    files: int


def content_version(root: Path) -> tuple[str, int]:
    """A short hash over every rules/flows YAML file (names and bytes), and the file count.

    Why a hash and not git: the app may run from a copy without `.git`; the hash still tells a
    reviewer exactly which content produced an advice.
    """
    digest = hashlib.sha256()
    files = sorted(p for folder in ("rules", "flows") for p in (root / folder).rglob("*")
                   if p.is_file() and p.suffix in (".yaml", ".yml"))
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12], len(files)


def app_version() -> str:
    """The installed package version, or 'dev' when run from an uninstalled checkout."""
    try:
        return metadata.version("vbestuur")
    except metadata.PackageNotFoundError:
        return "dev"


def load_content(root: Path, cache: Path | None = None) -> Loaded:
    """Load and check the content folder (through the engine's cache in `cache`, if given);
    invalid content gives its problems, not an error."""
    version, files = content_version(root)
    try:
        engine = Engine.load(root) if cache is None else load_engine(root, cache)
    except ContentError as error:
        return Loaded(None, tuple(error.problems), version, files)
    return Loaded(engine, (), version, files)
