"""The one hardened YAML loader used everywhere.

Why: YAML 1.1 turns `nee`-like words (`no`, `off`) into booleans and dates into objects, and
PyYAML silently keeps the last of two duplicate keys. Content authors must get exactly what they
typed, or an error at the right line. So: safe loading only, only `true`/`false` are booleans, no
timestamps, duplicate keys reported, and every key and list item keeps its source position.

Why the limits: content may come from any folder (`VBESTUUR_CONTENT`), and a broken or hostile
file must give `path:line:col: RULE-ID`, never a traceback or a hang. Files are read by
`reading.py` (regular files of at most 2 MiB); here nesting depth, text length, number length
and the number of values (aliases counted at their full size, so an alias bomb stops at once)
are bounded, keys must be plain words or numbers, and an alias inside itself is refused.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .construct import MAX_DEPTH, Builder
from .errors import Problem
from .reading import FileRefused, read_content_file
from .sources import LoadedFile, PathKey, SourceMap

__all__ = ["LoadedFile", "PathKey", "SourceMap", "load_yaml_file", "load_yaml_text"]

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _HardenedLoader(_Base):  # type: ignore[valid-type,misc]
    """SafeLoader (libyaml's when present: 10x faster) with YAML 1.2-style booleans and no
    timestamp conversion."""


_DROPPED = ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:value")
"""YAML 1.1 readings that surprise authors; `=` (the "value" key) is plain text."""

_HardenedLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers
            if tag not in _DROPPED]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_HardenedLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


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
    except RecursionError:
        loaded.problems.append(Problem(path, 1, 1, "TOO-DEEP", "lists and mappings are "
                                       f"nested more than {MAX_DEPTH} levels deep"))
        return loaded
    finally:
        loader.dispose()
    if root is not None:
        builder = Builder(path, loader, source.positions)
        loaded.data = builder.build_root(root)
        loaded.problems.extend(builder.problems)
    return loaded


def load_yaml_file(path: Path, display: str | None = None,
                   root: Path | None = None) -> LoadedFile:
    """Read and parse one file; an unreadable or refused file becomes a problem, not a crash.

    With `root`, a link that leads out of that folder is refused (see `reading.py`).
    """
    shown = display or str(path)
    try:
        text = read_content_file(path, root)
    except FileRefused as exc:
        return LoadedFile(shown, None, SourceMap(shown), [Problem(shown, 1, 1, exc.rule,
                                                                  exc.message)])
    except (OSError, UnicodeDecodeError) as exc:
        return LoadedFile(shown, None, SourceMap(shown),
                          [Problem(shown, 1, 1, "YAML-SYNTAX", f"cannot read file: {exc}")])
    return load_yaml_text(text, shown)
