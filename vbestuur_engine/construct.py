"""Turn a composed YAML node tree into plain values, within limits, recording positions.

Why not PyYAML's constructor: it recurses without a depth bound (a list 990 levels deep or an
alias inside itself raises `RecursionError`), builds any key it meets (a merge key, a tagged
key, or an alias bomb used as a key, which it expands to a billion items before failing), and
turns a 5,000-digit integer into a `ValueError`. Here every such input becomes a `Problem` at
its line; a list or mapping reached again through an alias is built once and counted at its
full size, so an alias bomb is measured, not expanded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import Problem
from .sources import PathKey, Positions

MAX_DEPTH = 50
"""Nesting levels; the deepest real content (a condition inside a flow) needs about 15."""
MAX_VALUES = 1_000_000
"""Values per file, aliases counted in full; the bench's 10,000-node flow has 160,000."""
MAX_TEXT_CHARS = 20_000
"""Characters in one text; the longest real text has under 1,000."""
MAX_NUMBER_CHARS = 50
"""Characters in one number (Python refuses integers over 4,300 digits with a traceback)."""

_T = "tag:yaml.org,2002:"
STR, INT, MERGE = f"{_T}str", f"{_T}int", f"{_T}merge"
PLAIN_TAGS = frozenset(f"{_T}{name}" for name in ("map", "seq", "str", "int", "float", "bool",
                                                  "null"))
_SCALAR_TAGS = frozenset(f"{_T}{name}" for name in ("int", "float", "bool", "null"))
_SCALARS = yaml.constructor.SafeConstructor.yaml_constructors
_FAILED = object()


class _Stop(Exception):
    """A limit was met: the file is refused without building the rest of it."""


@dataclass
class Builder:
    """Builds one file's values; `problems` and `positions` are filled as it goes."""

    file: str
    loader: Any
    positions: Positions
    problems: list[Problem] = field(default_factory=list)
    values: int = 0
    deepest: int = 0
    _active: set[int] = field(default_factory=set)
    _built: dict[int, tuple[Any, int, int]] = field(default_factory=dict)
    _stack: list[Node] = field(default_factory=list)
    """The lists and mappings being built; an alias is reported at the innermost one, since
    an alias node is the anchored node itself and carries the anchor's position."""

    def build_root(self, node: Node) -> Any:
        """The plain value of the whole document, or None when a limit stopped it."""
        try:
            return self._build(node, (), 0)
        except _Stop:
            return None

    def _report(self, node: Node, rule: str, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.file, mark.line + 1, mark.column + 1, rule, message))

    def _stop(self, node: Node, rule: str, message: str) -> None:
        self._report(node, rule, message)
        raise _Stop

    def _count(self, node: Node, amount: int) -> None:
        self.values += amount
        if self.values > MAX_VALUES:
            self._stop(node, "TOO-MANY-VALUES",
                       f"the file holds more than {MAX_VALUES:,} values (aliases counted in "
                       "full); split it into smaller files")

    def _build(self, node: Node, path: PathKey, depth: int) -> Any:
        self._count(node, 1)
        if node.tag not in PLAIN_TAGS:
            self._report(node, "YAML-SYNTAX", f"tag {node.tag!r} is not allowed in content")
            return None
        if isinstance(node, ScalarNode):
            value = self._scalar(node)
            return None if value is _FAILED else value
        if depth > MAX_DEPTH:
            self._stop(node, "TOO-DEEP", f"lists and mappings are nested more than "
                       f"{MAX_DEPTH} levels deep; flatten the content")
        if depth > self.deepest:
            self.deepest = depth
        return self._collection(node, path, depth)

    def _collection(self, node: Node, path: PathKey, depth: int) -> Any:
        """A list or mapping; one reached again through an alias is built only once."""
        ident = id(node)
        built = self._built.get(ident)
        if built is not None:
            value, size, height = built
            used = self._stack[-1] if self._stack else node
            self._count(used, size - 1)
            if depth + height > MAX_DEPTH:
                self._stop(used, "TOO-DEEP", f"through this alias, lists and mappings are "
                           f"nested more than {MAX_DEPTH} levels deep")
            return value
        if ident in self._active:
            self._stop(self._stack[-1], "ALIAS-LOOP", "this alias refers to a list or mapping that "
                       "contains it, so it never ends; write the value out")
        self._active.add(ident)
        self._stack.append(node)
        before, outer, self.deepest = self.values, self.deepest, depth
        if isinstance(node, MappingNode):
            value = self._mapping(node, path, depth)
        else:
            assert isinstance(node, SequenceNode)
            value = self._sequence(node, path, depth)
        self._active.discard(ident)
        self._stack.pop()
        self._built[ident] = (value, self.values - before + 1, self.deepest - depth)
        self.deepest = max(outer, self.deepest)
        return value

    def _sequence(self, node: SequenceNode, path: PathKey, depth: int) -> list[Any]:
        items = []
        for index, child in enumerate(node.value):
            mark = child.start_mark
            self.positions[(*path, index)] = (mark.line + 1, mark.column + 1)
            items.append(self._build(child, (*path, index), depth + 1))
        return items

    def _mapping(self, node: MappingNode, path: PathKey, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self._key(key_node)
            if key is _FAILED:
                continue
            mark = key_node.start_mark
            line, col = mark.line + 1, mark.column + 1
            if key in result:
                first = self.positions.get((*path, key), (line, col))
                self._report(key_node, "DUPLICATE-KEY",
                             f"key {key!r} appears twice (first at line {first[0]})")
                continue
            self.positions[(*path, key)] = (line, col)
            result[key] = self._build(value_node, (*path, key), depth + 1)
        return result

    def _key(self, node: Node) -> Any:
        """A key: a plain word or number. Lists, mappings, merge keys and tags are refused
        before anything is built from them (an alias bomb as a key costs nothing)."""
        if node.tag == MERGE:
            self._report(node, "KEY-NOT-PLAIN", "merge keys (`<<`) are not supported; write "
                         "the keys out in full")
            return _FAILED
        if node.tag not in PLAIN_TAGS:
            self._report(node, "YAML-SYNTAX", f"tag {node.tag!r} is not allowed in content")
            return _FAILED
        if not isinstance(node, ScalarNode):
            self._report(node, "KEY-NOT-PLAIN", "a key must be a word or a number, not a "
                         "list or mapping")
            return _FAILED
        key = self._scalar(node)
        if key is _FAILED or isinstance(key, (str, int)):
            return key
        return str(key)

    def _scalar(self, node: ScalarNode) -> Any:
        text = node.value
        if len(text) > MAX_TEXT_CHARS:
            self._report(node, "VALUE-TOO-LONG", f"this text has more than {MAX_TEXT_CHARS:,} "
                         "characters; shorten it or split it")
            return _FAILED
        tag = node.tag
        if tag == STR:
            return text
        if tag == INT and len(text) > MAX_NUMBER_CHARS:
            self._report(node, "VALUE-TOO-LONG", f"this number has more than "
                         f"{MAX_NUMBER_CHARS} characters; quote it if it is text")
            return _FAILED
        if tag not in _SCALAR_TAGS:
            self._report(node, "YAML-SYNTAX", f"tag {tag!r} does not fit a single value")
            return _FAILED
        try:
            return _SCALARS[tag](self.loader, node)
        except (ValueError, OverflowError, yaml.YAMLError) as exc:
            self._report(node, "WRONG-VALUE", f"cannot read this value: {exc}")
            return _FAILED
