"""Load the engine once per process, or the list of problems when the content is invalid.

Why cached as a resource: loading parses, checks and compiles every YAML file (hundreds of
milliseconds); the result is immutable, so one `Engine` serves every session. Why an env var:
`VBESTUUR_CONTENT` points the app at another content folder, so tests (and content authors)
can see what the app does with their files, including the invalid-content page.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import streamlit as st

from vbestuur_engine import ContentError, Engine, Problem
from vbestuur_engine.content import PROJECT_ROOT

CONTENT_ENV = "VBESTUUR_CONTENT"


@dataclass(frozen=True)
class Loaded:
    """Either a ready engine or the problems that prevent one; plus the content's version."""

    engine: Engine | None
    problems: tuple[Problem, ...]
    version: str
    files: int


def content_root() -> Path:
    """The content folder: `$VBESTUUR_CONTENT` if set, else this project."""
    configured = os.environ.get(CONTENT_ENV, "").strip()
    return Path(configured) if configured else PROJECT_ROOT


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


@st.cache_resource(show_spinner=False)
def _load(root: str) -> Loaded:
    version, files = content_version(Path(root))
    try:
        engine = Engine.load(root)
    except ContentError as error:
        return Loaded(None, tuple(error.problems), version, files)
    return Loaded(engine, (), version, files)


def load() -> Loaded:
    """The engine (or problems) for the configured content folder, shared by all sessions."""
    return _load(str(content_root()))
