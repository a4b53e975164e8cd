"""Load a content directory (`rules/` and `flows/`) into one validated, immutable `Content`.

Why: every consumer (CLI, app, tests, bench) needs the same answer to "is this content good?".
Loading parses every file, validates every model, runs every check, and only then hands out the
content; with any error it raises `ContentError` listing all of them.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from pydantic import BaseModel

from vbestuur_content import content_root

from .errors import ContentError, Problem
from .schema import (
    Advice,
    AdviceFile,
    Fact,
    FactsFile,
    Flow,
    LocalValues,
    Step,
    StepsFile,
    Term,
    TermsFile,
)
from .schema_workshop import WorkshopFile
from .sources import LoadedFile, PathKey, SourceMap

# The default content: the checkout's rules/ and flows/, or the copy inside an installed wheel.
PROJECT_ROOT = content_root()

Where = tuple[str, PathKey]
Fetch = Callable[[Path, str], LoadedFile | None]
"""How a file is read (path, its name in problems): parsed, or None to skip it (cache.py)."""


def parse_file(path: Path, display: str, root: Path) -> LoadedFile:
    """The default `Fetch`: read and parse the file (PyYAML imported only here)."""
    from .loader import load_yaml_file

    return load_yaml_file(path, display, root)


@dataclass(frozen=True)
class Content:
    """Everything the engine knows, keyed by id, with where each item was written."""

    root: Path
    steps: Mapping[int, Step]
    facts: Mapping[str, Fact]
    terms: Mapping[str, Term]
    advice: Mapping[str, Advice]
    flows: Mapping[str, Flow]
    local: Mapping[str, LocalValues]
    where: Mapping[tuple[str, str | int], Where]
    sources: Mapping[str, SourceMap]
    warnings: tuple[Problem, ...] = ()
    workshop: WorkshopFile | None = None
    """The polls and prompts of rules/workshop.yaml (None only while that file has errors)."""

    def locate(self, kind: str, ident: str | int, *path: str | int) -> tuple[str, int, int]:
        """File, line and column of an item (or of a key inside it)."""
        file, base = self.where.get((kind, ident), ("?", ()))
        source = self.sources.get(file)
        line, col = source.lookup((*base, *path)) if source else (1, 1)
        return file, line, col


@dataclass
class _Collector:
    """Mutable state while loading; frozen into `Content` at the end."""

    root: Path
    fetch: Fetch | None = None
    problems: list[Problem] = field(default_factory=list)
    sources: dict[str, SourceMap] = field(default_factory=dict)
    where: dict[tuple[str, str | int], Where] = field(default_factory=dict)
    items: dict[str, dict[Any, Any]] = field(default_factory=dict)

    def parse(self, path: Path, model: type[BaseModel]) -> Any:
        display = _display(path, self.root)
        loaded = (parse_file(path, display, self.root) if self.fetch is None
                  else self.fetch(path, display))
        if loaded is None:
            return None
        self.sources[display] = loaded.source
        self.problems.extend(loaded.problems)
        if loaded.problems:
            return None
        from .validation import validate_model

        value, problems = validate_model(model, loaded)
        self.problems.extend(problems)
        return value

    def add(self, kind: str, ident: str | int, item: Any, file: str, path: PathKey) -> None:
        bucket = self.items.setdefault(kind, {})
        if (kind, ident) in self.where:
            first_file, first_path = self.where[(kind, ident)]
            line, col = self.sources[file].lookup(path)
            first_line = self.sources[first_file].lookup(first_path)[0]
            self.problems.append(Problem(file, line, col, "DUPLICATE-ID",
                                         f"{kind} id {ident!r} is already defined at "
                                         f"{first_file}:{first_line}"))
            return
        bucket[ident] = item
        self.where[(kind, ident)] = (file, path)


def _display(path: Path, root: Path) -> str:
    """`path` relative to the content folder, worked out from the names only: resolving
    would follow links (and raise on a link loop)."""
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    return str(path) if relative.startswith("..") else relative


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.y*ml") if p.suffix in (".yaml", ".yml"))


def _load_lists(c: _Collector) -> None:
    rules = c.root / "rules"
    listed: list[tuple[Path, type[BaseModel], str, str]] = [
        (rules / "steps.yaml", StepsFile, "steps", "step"),
        (rules / "facts.yaml", FactsFile, "facts", "fact"),
        (rules / "terms.yaml", TermsFile, "terms", "term"),
    ]
    listed += [(p, AdviceFile, "advice", "advice") for p in _yaml_files(rules / "advice")]
    for path, model, key, kind in listed:
        if not (path.exists() or path.is_symlink()):
            c.problems.append(Problem(_display(path, c.root), 1, 1, "MISSING-FILE",
                                      f"expected a {key} file here"))
            continue
        parsed = c.parse(path, model)
        for index, item in enumerate(getattr(parsed, key, None) or []):
            c.add(kind, item.id, item, _display(path, c.root), (key, index))


WORKSHOP_FILE = Path("rules") / "workshop.yaml"


def _load_workshop(c: _Collector) -> None:
    """rules/workshop.yaml: one file, registered whole (for its checks) and per poll and
    prompt (so an id used twice is a DUPLICATE-ID)."""
    path = c.root / WORKSHOP_FILE
    display = _display(path, c.root)
    if not (path.exists() or path.is_symlink()):
        c.problems.append(Problem(display, 1, 1, "MISSING-FILE", "expected a workshop file here"))
        return
    parsed = c.parse(path, WorkshopFile)
    if parsed is None:
        return
    c.add("workshop", "workshop", parsed, display, ())
    for key, kind in (("polls", "poll"), ("prompts", "prompt")):
        for index, item in enumerate(getattr(parsed, key)):
            c.add(kind, item.id, item, display, (key, index))


def _load_flows_and_local(c: _Collector) -> None:
    for path in _yaml_files(c.root / "flows"):
        flow = c.parse(path, Flow)
        if flow is not None:
            c.add("flow", flow.id, flow, _display(path, c.root), ())
    for path in _yaml_files(c.root / "rules" / "local"):
        local = c.parse(path, LocalValues)
        if local is not None:
            c.add("local", path.stem, local, _display(path, c.root), ())


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while loading.

    Loading allocates hundreds of thousands of small, acyclic objects; the collector's
    full passes over them cost half the load time of a large flow and grow faster than
    linearly (measured in bench/engine.py). Reference counting still frees everything.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def collect(root: Path | str | None = None, fetch: Fetch | None = None) -> _Collector:
    """Read, parse and validate every content file (no semantic checks yet)."""
    c = _Collector(Path(root) if root is not None else PROJECT_ROOT, fetch)
    with _gc_paused():
        _load_lists(c)
        _load_workshop(c)
        _load_flows_and_local(c)
    return c


def check_content(root: Path | str | None = None, include_warnings: bool = True,
                  fetch: Fetch | None = None) -> tuple[Content, list[Problem]]:
    """Load the content under `root` (default: this project) and every problem, sorted.

    The semantic checks run only when every file parsed and validated: on a half-loaded
    content they would mostly repeat the parse errors as dangling references.
    """
    from .checks import run_checks

    with _gc_paused():  # loading and checking alike (a pause inside a pause is kept)
        c = collect(root, fetch)
        problems = list(c.problems)
        if not problems:
            problems = run_checks(freeze(c), include_warnings)
    warnings = tuple(sorted(p for p in problems if p.severity == "warning"))
    return freeze(c, warnings), sorted(problems)


def load_content(root: Path | str | None = None, fetch: Fetch | None = None) -> Content:
    """Load checked content, or raise `ContentError` listing every error.

    Warning-only rules are skipped: they are for `vbestuur check`, not for serving users.
    """
    content, problems = check_content(root, include_warnings=False, fetch=fetch)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ContentError(errors)
    return content


def freeze(c: _Collector, warnings: tuple[Problem, ...] = ()) -> Content:
    def table(kind: str) -> Mapping[Any, Any]:
        return MappingProxyType(dict(c.items.get(kind, {})))

    return Content(c.root, table("step"), table("fact"), table("term"), table("advice"),
                   table("flow"), table("local"), MappingProxyType(dict(c.where)),
                   MappingProxyType(dict(c.sources)), warnings,
                   c.items.get("workshop", {}).get("workshop"))
