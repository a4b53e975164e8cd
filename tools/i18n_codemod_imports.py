"""The codemod's import edits: the lookups' imports become the gettext helpers' imports.

The web layer's `t` is replaced by the same module's `_`/`ngettext`/`pgettext` (they default to
the session's language); a service lookup (`label(key, lang)`) by `vbestuur_service.i18n`'s.
New imports go after the module's last top-level import; ruff sorts them and drops what is no
longer used. One-off migration support (issue 11); removed together with `i18n_codemod.py`.
"""

from __future__ import annotations

import ast

from i18n_codemod_tables import LOOKUPS, SERVICE_I18N, WORDS_MODULE

ORDER = ("_", "ngettext", "pgettext")


def _statement(node: ast.ImportFrom, names: list[str], indent: str) -> list[str]:
    if not names:
        return []
    module = "." * node.level + (node.module or "")
    return [f"{indent}from {module} import {', '.join(names)}\n"]


def fix_imports(lines_of_imports: list[int], source: str, kind: str, needed: set[str],
                families: set[str]) -> str:
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    helpers = [n for n in ORDER if n in needed]
    edits: list[tuple[int, int, list[str]]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.lineno in lines_of_imports:
            kept = [a.name if not a.asname else f"{a.name} as {a.asname}" for a in node.names
                    if a.name not in LOOKUPS]
            if kind == "web" and any(LOOKUPS.get(a.name) == "web" for a in node.names):
                kept += [h for h in helpers if h not in kept]
            indent = lines[node.lineno - 1][:node.col_offset]
            edits.append((node.lineno, node.end_lineno or node.lineno,
                          _statement(node, kept, indent)))
    extra = []
    if kind == "service" and helpers:
        extra.append(f"from {SERVICE_I18N} import {', '.join(helpers)}\n")
    if families:
        extra.append(f"from {WORDS_MODULE} import {', '.join(sorted(families))}\n")
    last = max((n.end_lineno or n.lineno for n in tree.body
                if isinstance(n, ast.Import | ast.ImportFrom)), default=0)
    for start, end, text in sorted(edits, reverse=True):
        lines[start - 1:end] = text
        if end <= last:
            last -= (end - start + 1) - len(text)
    lines[last:last] = extra
    return "".join(lines)


def rename_local_underscore(source: str) -> str:
    """A throw-away `_` variable would shadow the helper `_`: rename it to `_skip`."""
    tree = ast.parse(source)
    spots = [n for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == "_"
             and isinstance(n.ctx, ast.Store)]
    data = source.encode()
    lines = data.splitlines(keepends=True)
    for node in sorted(spots, key=lambda n: (n.lineno, n.col_offset), reverse=True):
        start = sum(len(x) for x in lines[:node.lineno - 1]) + node.col_offset
        data = data[:start] + b"_skip" + data[start + 1:]
    return data.decode()
