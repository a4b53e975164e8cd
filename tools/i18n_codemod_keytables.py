"""The codemod's key tables: literal dicts whose values are catalogue keys (`ERROR_KEYS`).

Why: the guide asks for per-value texts as "a literal dict of keys" (`{"wrong-pin":
"err.wrong_pin", ...}`) looked up with `t(ERROR_KEYS[code])`. Such a dict is found by its
shape (every value a string that is a catalogue key), its values become `N_("Dutch msgid")`
(so `pybabel extract` finds them), and a lookup `t(<expression using the table>)` becomes
`_(<same expression>)` with any key constant in it (a `.get` default) replaced by its msgid.
One-off migration support (issue 11); removed together with `i18n_codemod.py`.
"""

from __future__ import annotations

import ast

from i18n_codemod_layout import apply_spans, layout, quote, width_of
from i18n_codemod_messages import Messages

N_IMPORT = "from vbestuur_service.i18n import N_\n"


def key_tables(tree: ast.AST, keys: dict[str, object]) -> list[ast.Dict]:
    """Every dict literal whose values are all catalogue keys (string constants)."""
    return [n for n in ast.walk(tree) if isinstance(n, ast.Dict) and n.values
            and all(isinstance(v, ast.Constant) and isinstance(v.value, str)
                    and v.value in keys for v in n.values)]


def table_names(tree: ast.AST, keys: dict[str, object]) -> set[str]:
    """The names bound to a key table (`ERROR_KEYS: Final[...] = {...}`)."""
    tables = {id(d) for d in key_tables(tree, keys)}
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign) and id(node.value) in tables:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def uses_table(arg: ast.expr, names: set[str], keys: dict[str, object]) -> bool:
    """Is this key expression a lookup in a key table (by name or an inline dict)?"""
    return bool({n.id for n in ast.walk(arg) if isinstance(n, ast.Name)} & names) or bool(
        key_tables(arg, keys))


def msgid_expression(arg: ast.expr, source: str, messages: Messages, where: str) -> str:
    """The key expression's source with each catalogue-key constant replaced by its msgid."""
    text = ast.get_source_segment(source, arg) or ""
    base = _offset(source, arg)
    spans = []
    for node in ast.walk(arg):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and node.value in messages.by_key:
            spans.append((_offset(source, node) - base, _end(source, node) - base,
                          quote(_plain(messages, node.value, where))))
    return apply_spans(text, spans)


def _plain(messages: Messages, key: str, where: str) -> str:
    entry = messages.by_key[key]
    if entry.context or entry.plural:
        raise SystemExit(f"{where}: key {key!r} in a key table needs a context or plural: "
                         "look it up with a literal t(...) instead")
    return entry.msgid


def rewrite_tables(source: str, messages: Messages, where: str) -> tuple[str, set[str]]:
    """Key-table values -> `N_("msgid")`; returns the new source and the keys used."""
    tree = ast.parse(source)
    tables = key_tables(tree, messages.by_key)
    if not tables:
        return source, set()
    lines = source.splitlines()
    spans, used = [], set()
    for table in tables:
        for value in table.values:
            key = value.value  # type: ignore[attr-defined]
            used.add(key)
            line = lines[value.lineno - 1]
            col = width_of(line.encode()[:value.col_offset].decode())
            tail = width_of(line.encode()[value.end_col_offset:].decode())
            indent = len(line) - len(line.lstrip())
            text = layout("N_", [_plain(messages, key, f"{where}:{value.lineno}")], [], col,
                          indent, tail)
            spans.append((_offset(source, value), _end(source, value), text))
    source = apply_spans(source, spans)
    if "import N_" not in source:
        tree = ast.parse(source)
        last = max((n.end_lineno or n.lineno for n in tree.body
                    if isinstance(n, ast.Import | ast.ImportFrom)), default=0)
        out = source.splitlines(keepends=True)
        out[last:last] = [N_IMPORT]
        source = "".join(out)
    return source, used


def _offset(source: str, node: ast.expr) -> int:
    lines = source.encode().splitlines(keepends=True)
    return sum(len(x) for x in lines[:node.lineno - 1]) + node.col_offset


def _end(source: str, node: ast.expr) -> int:
    lines = source.encode().splitlines(keepends=True)
    return sum(len(x) for x in lines[:(node.end_lineno or node.lineno) - 1]) + (
        node.end_col_offset or 0)
