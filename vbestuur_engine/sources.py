"""A parsed file and where its keys were written: what the loader hands to validation.

Why apart from the loader: content read back from its cache (cache.py) is validated with
the same types, and must not import PyYAML to do so (issue 15).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .errors import Problem

PathKey = tuple[str | int, ...]
Positions = dict[PathKey, tuple[int, int]]


@dataclass
class SourceMap:
    """Positions (1-based line, col) of every key and list item in one file."""

    file: str
    positions: Positions = field(default_factory=dict)

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
