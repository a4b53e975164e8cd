"""The codemod's call rewriting: `t("key", ...)` -> `_("Dutch msgid", ...)` and friends.

Calls are rewritten innermost first (`t("a", x=t("b"))`), one pass per nesting level, so every
replacement is built from source that is already converted. One-off migration support (issue
11); removed together with `i18n_codemod.py`.
"""

from __future__ import annotations

import ast
from pathlib import Path

from i18n_codemod_imports import fix_imports, rename_local_underscore
from i18n_codemod_keytables import msgid_expression, rewrite_tables, table_names, uses_table
from i18n_codemod_layout import (
    apply_spans,
    layout,
    move_long_comments,
    quote,
    width_of,
)
from i18n_codemod_messages import Entry, Messages
from i18n_codemod_tables import FAMILIES, LOOKUPS, PLURAL_PAIRS


class Rewriter:
    """Rewrites the lookup calls of each file and the imports that brought the lookups in."""

    def __init__(self, root: Path, messages: Messages, definers: dict[Path, set[str]]) -> None:
        self.root, self.messages = root, messages
        self.definers = definers
        self.modules = {_dotted(root, p): names for p, names in definers.items()}
        self.used_keys: set[str] = set()  # keys looked up one by one
        self.pair_keys: set[str] = set()  # keys used as a hand-written plural pair
        self.calls = 0

    def rewrite_all(self, files: list[Path], check: bool) -> set[Path]:
        changed = set()
        self.tables = set().union(*(table_names(ast.parse(p.read_text("utf-8")),
                                                self.messages.by_key) for p in files))
        for path in files:
            source = path.read_text("utf-8")
            if "tests" in path.parts and "CATALOGUE" in source:
                continue  # the old key-parity test: deleted, not converted
            where = str(path.relative_to(self.root))
            try:
                new = self.rewrite(path, source)
                new, used = rewrite_tables(new, self.messages, where)
            except SystemExit as stop:
                raise SystemExit(f"{where}: {stop.code}") from None
            self.used_keys |= used
            if new != source:
                changed.add(path)
                if not check:
                    path.write_text(new, "utf-8")
        return changed

    def lookups_in(self, path: Path, tree: ast.Module) -> dict[str, str]:
        """Local lookup names in this file -> "web" or "service"."""
        found = {n: LOOKUPS[n] for n in self.definers.get(path, set())}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                names = self.modules.get(_resolve(self.root, path, node), set())
                found |= {a.asname or a.name: LOOKUPS[a.name] for a in node.names
                          if a.name in names}
        return found

    def modules_of(self, path: Path, source: str, lookups: dict[str, str]) -> list[int]:
        """Line numbers of the `from ... import` statements that bring in a lookup."""
        tree = ast.parse(source)
        return [n.lineno for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)
                and self.modules.get(_resolve(self.root, path, n), set()) & set(lookups)]

    def rewrite(self, path: Path, source: str) -> str:
        tree = ast.parse(source)
        lookups = self.lookups_in(path, tree)
        if not lookups:
            return source
        kind = "web" if "web" in lookups.values() else "service"
        self.in_tests, self.key_variables = "tests" in path.relative_to(self.root).parts, False
        needed: set[str] = set()
        families: set[str] = set()
        while True:
            tree = ast.parse(source)
            calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)
                     and isinstance(n.func, ast.Name) and n.func.id in lookups]
            if not calls:
                break
            leaves = [c for c in calls if not any(i is not c and i in calls for i in ast.walk(c))]
            ordered = sorted(leaves, key=lambda c: (c.lineno, c.col_offset))
            rightmost = {c.lineno: c for c in ordered}
            spans = [span for c in rightmost.values()  # one per line: tails are then final
                     for span in self.replace(c, source, tree, needed, families)]
            source = apply_spans(source, spans)
        source = fix_imports(self.modules_of(path, source, lookups), source, kind, needed, families)
        if self.key_variables:
            source = self.keys_to_msgids(source)
        return rename_local_underscore(source)

    def keys_to_msgids(self, source: str) -> str:
        """A test that passes keys around in variables (`for key in ("nav.map", ...)`) passes
        the Dutch msgids instead."""
        tree = ast.parse(source)
        consts = [n for n in ast.walk(tree) if isinstance(n, ast.Constant)
                  and isinstance(n.value, str) and n.value in self.messages.by_key]
        edits = []
        for node in consts:
            entry = self.messages.by_key[node.value]
            if entry.context or entry.plural:
                raise SystemExit(f"key {node.value!r} in a variable needs a context or plural")
            self.used_keys.add(node.value)
            edits.append((*_span(source, node), quote(entry.msgid)))
        return move_long_comments(apply_spans(source, edits))

    def replace(self, call: ast.Call, source: str, tree: ast.Module, needed: set[str],
                families: set[str]) -> list[tuple[int, int, str]]:
        """The edits for one call: its new text, or (inside an f-string, where Babel cannot find
        it on Python 3.11) a variable set just before the statement and the call replaced by it."""
        self.calls += 1
        seg = _segmenter(source)
        extras = [seg(a) for a in call.args[1:]]
        extras += [f"{k.arg}={seg(k.value)}" if k.arg else f"**{seg(k.value)}"
                   for k in call.keywords]
        count = next((seg(k.value) for k in call.keywords if k.arg == "count"), None)
        func, lits, pre = self.target(call, count, families, source)
        needed.add(func if func != "FAMILY" else "_")
        func = "_" if func == "FAMILY" else func
        lines = source.splitlines()
        line, end_line = lines[call.lineno - 1], lines[call.end_lineno - 1]  # type: ignore[index]
        col = width_of(line.encode()[:call.col_offset].decode())
        tail = width_of(end_line.encode()[call.end_col_offset:].decode())
        indent = len(line) - len(line.lstrip())
        mark = _mark(source, call)
        text = layout(func, lits, [*pre, *extras], col, indent, tail, mark or '"')
        start, end = _span(source, call)
        if mark is None or not lits:  # a family's msgids are found in words.py, not here
            return [(start, end, text)]
        return self.hoist(call, tree, source, (func, lits, [*pre, *extras]), (start, end))

    def hoist(self, call: ast.Call, tree: ast.Module, source: str,
              parts: tuple[str, list[str], list[str]], span: tuple[int, int]) -> list[
                  tuple[int, int, str]]:
        stmt = max((s for s in ast.walk(tree) if isinstance(s, ast.stmt) and _inside(call, s)),
                   key=lambda s: (s.lineno, s.col_offset))
        scopes = [n for n in ast.walk(stmt) if isinstance(n, ast.Lambda | ast.comprehension)]
        line = source.splitlines()[stmt.lineno - 1]
        if line.lstrip().startswith("elif") or any(_inside(call, n) for n in scopes):
            raise SystemExit(f"line {call.lineno}: a message inside an f-string inside a "
                             "comprehension or lambda: rewrite by hand")
        used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        name = next(f"{self.last_key}{i or ''}_text" for i in range(99)
                    if f"{self.last_key}{i or ''}_text" not in used)
        indent = len(line) - len(line.lstrip())
        text = layout(*parts, indent + len(name) + 3, indent, 0)
        at = _span(source, stmt)[0] - stmt.col_offset
        return [(at, at, f"{' ' * indent}{name} = {text}\n"), (*span, name)]

    def target(self, call: ast.Call, count: str | None, families: set[str],
               source: str) -> tuple[str, list[str], list[str]]:
        arg = call.args[0]
        where = f"line {call.lineno}: {ast.get_source_segment(source, call)}"
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            if arg.value not in self.messages.by_key:
                raise SystemExit(f"unknown key {arg.value!r} at {where}")
            self.used_keys.add(arg.value)
            self.last_key = arg.value.rsplit(".", 1)[-1].replace("-", "_")
            return _entry_call(self.messages.by_key[arg.value], count, where)
        if isinstance(arg, ast.IfExp):
            pair = (_const(arg.body), _const(arg.orelse))
            if pair not in PLURAL_PAIRS or pair not in self.messages.plural_pairs:
                raise SystemExit(f"unknown choice of keys {pair} at {where}")
            self.pair_keys |= set(pair)
            return _entry_call(self.messages.plural_pairs[pair], count, where)
        if isinstance(arg, ast.Name) and self.in_tests:
            self.key_variables = True  # the keys themselves become msgids (`keys_to_msgids`)
            return "FAMILY", [], [arg.id]
        if uses_table(arg, self.tables, self.messages.by_key):
            return "FAMILY", [], [msgid_expression(arg, source, self.messages, where)]
        prefix, expr, suffix = _built_key(arg, where)
        found = FAMILIES.get((prefix, suffix, expr)) or FAMILIES.get((prefix, suffix))
        if found is None:
            raise SystemExit(f"key built at run time, not in FAMILIES: {where}")
        name, values = found
        families.add(name)
        self.used_keys |= {f"{prefix}{v}{suffix}" for v in values}
        return "FAMILY", [], [f"{name}[{expr}]"]


def _mark(source: str, call: ast.Call) -> str | None:
    """The quote to use: the other one inside an f-string (Python 3.11 forbids reusing it)."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.JoinedStr) and (node.lineno, node.col_offset) < (
                call.lineno, call.col_offset) and (node.end_lineno, node.end_col_offset) > (
                call.end_lineno, call.end_col_offset):
            opening = source.splitlines()[node.lineno - 1].encode()[node.col_offset:]
            outer = opening.lstrip(b"fFrRbB")[:1].decode()
            return "'" if outer == '"' else '"'
    return None


def _entry_call(entry: Entry, count: str | None, where: str) -> tuple[str, list[str], list[str]]:
    if entry.plural:
        if count is None:
            raise SystemExit(f"plural message without count= at {where}")
        return "ngettext", [entry.msgid, entry.plural], [count]
    if entry.context:
        return "pgettext", [entry.context, entry.msgid], []
    return "_", [entry.msgid], []


def _const(node: ast.expr) -> str:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else ""


def _built_key(arg: ast.expr, where: str) -> tuple[str, str, str]:
    """(prefix, value expression, suffix) of `f"p.{x}s"` or `"p." + x`."""
    if isinstance(arg, ast.JoinedStr):
        parts = arg.values
        values = [p for p in parts if isinstance(p, ast.FormattedValue)]
        if len(values) == 1:
            i = parts.index(values[0])
            prefix = "".join(_const(p) for p in parts[:i])  # type: ignore[arg-type]
            suffix = "".join(_const(p) for p in parts[i + 1:])  # type: ignore[arg-type]
            return prefix, ast.unparse(values[0].value), suffix
    if isinstance(arg, ast.BinOp) and isinstance(arg.op, ast.Add) and _const(arg.left):
        return _const(arg.left), ast.unparse(arg.right), ""
    raise SystemExit(f"cannot read the key of {where}")


def _segmenter(source: str):  # type: ignore[no-untyped-def]
    return lambda node: ast.get_source_segment(source, node)


def _span(source: str, node: ast.expr | ast.stmt) -> tuple[int, int]:
    """Byte offsets of a node (ast columns count UTF-8 bytes)."""
    lines = source.encode().splitlines(keepends=True)

    def offset(lineno: int, col: int) -> int:
        return sum(len(line) for line in lines[:lineno - 1]) + col

    return offset(node.lineno, node.col_offset), offset(node.end_lineno or node.lineno,
                                                         node.end_col_offset or 0)


def _inside(inner: ast.AST, outer: ast.AST) -> bool:
    return any(n is inner for n in ast.walk(outer))


def _dotted(root: Path, path: Path) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _resolve(root: Path, path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = _dotted(root, path).split(".")
    package = package if path.name == "__init__.py" else package[:-1]
    base = package[:len(package) - node.level + 1]
    return ".".join([*base, *([node.module] if node.module else [])])

