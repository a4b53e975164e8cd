"""The one hardened YAML loader used everywhere.

Why: YAML 1.1 turns `nee`-like words (`no`, `off`) into booleans and dates into objects, and
PyYAML silently keeps the last of two duplicate keys. Content authors must get exactly what they
typed, or an error at the right line. So: safe loading only, only `true`/`false` are booleans, no
timestamps, duplicate keys reported, and every key and list item keeps its source position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import Problem

PathKey = tuple[str | int, ...]


_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _HardenedLoader(_Base):  # type: ignore[valid-type,misc]
    """SafeLoader (libyaml's when present: 10x faster) with YAML 1.2-style booleans and no
    timestamp conversion."""


_HardenedLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_HardenedLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


@dataclass
class SourceMap:
    """Positions (1-based line, col) of every key and list item in one file."""

    file: str
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def lookup(self, path: PathKey) -> tuple[int, int]:
        """Position of `path`, or of its nearest known ancestor.

        Segments that are not in the file (pydantic adds union tags to error locations)
        are skipped rather than ending the search.
        """
        best: PathKey = ()
        for segment in path:
            candidate = (*best, segment)
            if candidate in self.positions:
                best = candidate
        return self.positions.get(best, (1, 1))


@dataclass
class LoadedFile:
    """A parsed file: its plain value, its positions and the problems met while parsing."""

    path: str
    data: Any
    source: SourceMap
    problems: list[Problem] = field(default_factory=list)
    budget: int = 2_000_000


def load_yaml_text(text: str, path: str) -> LoadedFile:
    """Parse `text` with the hardened rules; never raises on bad YAML, reports instead."""
    source = SourceMap(path)
    loaded = LoadedFile(path, None, source)
    loader = _HardenedLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        loaded.problems.append(Problem(path, line, col, "YAML-SYNTAX",
                                       f"{exc.problem or exc}; check indentation and quotes"))
        return loaded
    except yaml.YAMLError as exc:
        loaded.problems.append(Problem(path, 1, 1, "YAML-SYNTAX", str(exc)))
        return loaded
    finally:
        loader.dispose()
    if root is not None:
        loaded.data = _construct(root, (), loader, loaded)
    return loaded


def load_yaml_file(path: Path, display: str | None = None) -> LoadedFile:
    """Read and parse one file; an unreadable file becomes a problem, not a crash."""
    shown = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return LoadedFile(shown, None, SourceMap(shown),
                          [Problem(shown, 1, 1, "YAML-SYNTAX", f"cannot read file: {exc}")])
    return load_yaml_text(text, shown)


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:str",
               "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
               "tag:yaml.org,2002:null"}


def _construct(node: Node, path: PathKey, loader: _HardenedLoader, out: LoadedFile) -> Any:
    """Build the plain value of `node`, recording positions and duplicate keys.

    Only plain YAML types are accepted: an explicit tag such as `!!python/object` is reported,
    never constructed.
    """
    out.budget -= 1
    if out.budget < 0:
        if out.budget == -1:
            line, col = _mark(node)
            out.problems.append(Problem(out.path, line, col, "YAML-SYNTAX",
                                        "the file expands to too many values (alias loop?)"))
        return None
    if node.tag not in _PLAIN_TAGS:
        line, col = _mark(node)
        out.problems.append(Problem(out.path, line, col, "YAML-SYNTAX",
                                    f"tag {node.tag!r} is not allowed in content"))
        return None
    if isinstance(node, MappingNode):
        return _construct_mapping(node, path, loader, out)
    if isinstance(node, SequenceNode):
        items = []
        for index, child in enumerate(node.value):
            out.source.positions[(*path, index)] = _mark(child)
            items.append(_construct(child, (*path, index), loader, out))
        return items
    assert isinstance(node, ScalarNode)
    return loader.construct_object(node, deep=True)


def _construct_mapping(node: MappingNode, path: PathKey, loader: _HardenedLoader,
                       out: LoadedFile) -> dict[Any, Any]:
    result: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int)):
            key = str(key)
        line, col = _mark(key_node)
        if key in result:
            first = out.source.positions.get((*path, key), (line, col))
            out.problems.append(Problem(out.path, line, col, "DUPLICATE-KEY",
                                        f"key {key!r} appears twice (first at line {first[0]})"))
            continue
        out.source.positions[(*path, key)] = (line, col)
        result[key] = _construct(value_node, (*path, key), loader, out)
    return result
