"""One-off migration (issue 11): from key -> (nl, en) tuple catalogues to gettext `.po` files.

Run from the repository root: `python tools/i18n_codemod.py` (add `--check` to only report).
It is deterministic and re-runnable on a restructured tree; it assumes only that

* the tuple catalogues are top-level dict literals `{"key": ("nl", "en"), ...}` in `app.py` or
  any top-level `vbestuur_*` package except the engine and the store (found by scanning every
  module, not by a fixed list, so moved or renamed modules are found);
* the lookups are top-level functions named as in `LOOKUPS` (`t`, `label`) whose first
  parameter is `key`; the module defining `t` is the web layer's i18n module: it keeps
  everything else it defines and must have `current_lang()` in scope (the new helpers call it);
* key families built at run time are listed in `FAMILIES`, plural pairs in `PLURAL_PAIRS`, and
  same-Dutch collisions in `CONTEXTS` (it stops with a message on anything it does not know);
* `vbestuur_service/locale/{nl,en}/LC_MESSAGES/vbestuur.po` may already hold messages: they are
  kept, and one that would get a different English stops the codemod.

What it does: rewrites every lookup call to `_("Dutch msgid", ...)`, `ngettext(...)` or
`pgettext(...)`; writes `vbestuur_service/i18n/words.py` (the run-time-built families) and merges
the messages into `vbestuur_service/locale/{nl,en}/LC_MESSAGES/vbestuur.po`; deletes the
catalogues, the lookups and the old key-parity test; then lets ruff sort and prune the imports.
Remove this file and its tables once the migration has landed (see README, "Languages").
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from i18n_codemod_calls import Rewriter  # noqa: E402
from i18n_codemod_messages import Messages, build_messages, write_po, write_words  # noqa: E402
from i18n_codemod_tables import LOOKUPS, TEST_TEXT_FIXES  # noqa: E402

EXTRACT = [sys.executable, "-m", "babel.messages.frontend", "-q", "extract", "-F", "babel.cfg",
           "--sort-output", "--no-location", "-w", "96", "--project", "vbestuur", "--version",
           "0.1.0", "--copyright-holder", "the vbestuur authors",
           "-o", "vbestuur_service/locale/messages.pot"]
NOT_CATALOGUES = {"vbestuur_engine", "vbestuur_store", "tests", "bench"}
WEB_HELPERS = '''

def _(message: str, /, lang: str | None = None, **params: object) -> str:
    """`message` (the Dutch msgid) in `lang`, by default this session's language."""
    return translator(lang or current_lang()).gettext(message, **params)


def ngettext(singular: str, plural: str, n: int, /, lang: str | None = None,
             **params: object) -> str:
    """The singular or plural form for `n`, in `lang` or this session's language."""
    return translator(lang or current_lang()).ngettext(singular, plural, n, **params)


def pgettext(context: str, message: str, /, lang: str | None = None, **params: object) -> str:
    """`message` in `context` (same Dutch, different English), in `lang` or the session's."""
    return translator(lang or current_lang()).pgettext(context, message, **params)
'''
WEB_DOC = '''"""The web layer's helpers `_`, `ngettext`, `pgettext`, in the session's language.

Why here: the messages live in one gettext catalogue (`vbestuur_service.i18n`, Babel `.po`
files); only knowing *which* language a session speaks needs Streamlit. Content (questions,
advice, steps) carries its own `nl`/`en` texts.
"""'''


def packages(root: Path) -> list[str]:
    """app.py and every top-level `vbestuur_*` package, whatever a restructure renamed."""
    return ["app.py", *sorted(p.name for p in root.glob("vbestuur_*") if p.is_dir())]


def sources(root: Path) -> list[Path]:
    found: list[Path] = []
    for name in [*packages(root), "bench", "tests"]:
        path = root / name
        found += [path] if path.is_file() else sorted(path.rglob("*.py")) if path.is_dir() else []
    return [p for p in found if "fixtures" not in p.parts]


def is_catalogue(node: ast.stmt) -> bool:
    """A top-level `NAME = {"key": ("nl", "en"), ...}` (annotated or not)."""
    value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
    if not isinstance(value, ast.Dict) or not value.keys:
        return False
    pairs = zip(value.keys, value.values, strict=True)
    return all(isinstance(k, ast.Constant) and isinstance(k.value, str)
               and isinstance(v, ast.Tuple) and len(v.elts) == 2
               and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in v.elts)
               for k, v in pairs)


def is_lookup(node: ast.stmt) -> bool:
    return (isinstance(node, ast.FunctionDef) and node.name in LOOKUPS
            and bool(node.args.args) and node.args.args[0].arg == "key")


def read_catalogues(files: list[Path]) -> dict[str, tuple[str, str]]:
    """Every key of every tuple catalogue; a key defined twice stops the codemod. The engine and
    the store are not scanned: they never held the app's catalogues (and cannot import the
    service layer)."""
    merged: dict[str, tuple[str, str]] = {}
    for path in (p for p in files if not NOT_CATALOGUES & set(p.parts)):
        for node in ast.parse(path.read_text("utf-8")).body:
            if is_catalogue(node):
                for key, pair in ast.literal_eval(node.value).items():  # type: ignore[union-attr]
                    if key in merged:
                        sys.exit(f"{path}: key {key!r} defined twice")
                    merged[key] = pair
    return merged


def _names(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _imports_module(node: ast.AST, modules: set[str]) -> bool:
    return any(isinstance(n, ast.ImportFrom) and any(a.name in modules for a in n.names)
               for n in ast.walk(node))


def strip_module(path: Path, catalogue_modules: set[str]) -> str | None:
    """The module without catalogues, lookups and what only served them; None if nothing is left.
    The module that defined `t` gets the web helpers instead."""
    source = path.read_text("utf-8")
    tree = ast.parse(source)
    dead: set[str] = set()
    drop: list[ast.stmt] = []
    had_t = any(is_lookup(n) and n.name == "t" for n in tree.body)  # type: ignore[attr-defined]
    for node in tree.body:  # catalogues and lookups, then whatever used them (one pass suffices
        targets = _targets(node)  # because definitions precede uses)
        serves = isinstance(node, ast.FunctionDef) and _imports_module(node, catalogue_modules)
        if is_catalogue(node) or is_lookup(node) or (targets and _names(node) & dead) or serves:
            drop.append(node)
            dead |= targets
    if not drop:
        return None
    lines = source.splitlines(keepends=True)
    for node in sorted(drop, key=lambda n: n.lineno, reverse=True):
        start = node.lineno - 1 - len(getattr(node, "decorator_list", []))
        del lines[start:node.end_lineno]
    text = re.sub(r"\n{4,}", "\n\n\n", "".join(lines).rstrip() + "\n")
    if had_t:
        text = _as_web_module(text)
    rest = [n for n in ast.parse(text).body
            if not isinstance(n, ast.Import | ast.ImportFrom | ast.Expr)]
    return text if rest else ""


def _targets(node: ast.stmt) -> set[str]:
    if isinstance(node, ast.FunctionDef | ast.ClassDef):
        return {node.name}
    if isinstance(node, ast.Assign):
        return {t.id for t in node.targets if isinstance(t, ast.Name)}
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return {node.target.id}
    return set()


def _as_web_module(text: str) -> str:
    tree = ast.parse(text)
    doc = tree.body[0]
    if isinstance(doc, ast.Expr) and isinstance(doc.value, ast.Constant):
        lines = text.splitlines(keepends=True)
        text = WEB_DOC + "\n" + "".join(lines[doc.end_lineno:])
    lines = text.splitlines(keepends=True)
    last = max(n.end_lineno or n.lineno for n in ast.parse(text).body
               if isinstance(n, ast.Import | ast.ImportFrom))
    lines.insert(last, "\nfrom vbestuur_service.i18n import translator\n")
    return _web_all("".join(lines).rstrip() + "\n" + WEB_HELPERS)


def _web_all(text: str) -> str:
    """`__all__` names what the module still defines or imports, plus the three helpers."""
    tree = ast.parse(text)
    spot = next((n for n in tree.body if isinstance(n, ast.Assign) and any(
        isinstance(t, ast.Name) and t.id == "__all__" for t in n.targets)), None)
    if spot is None:
        return text
    defined = {a.asname or a.name for n in tree.body if isinstance(n, ast.ImportFrom)
               for a in n.names} | set().union(*(_targets(n) for n in tree.body))
    names = [n for n in ast.literal_eval(spot.value) if n in defined]
    names = sorted({*names, "_", "ngettext", "pgettext"} - {"__all__"})
    lines = text.splitlines(keepends=True)
    lines[spot.lineno - 1:spot.end_lineno] = [f"__all__ = {names!r}\n".replace("'", '"')]
    return "".join(lines)


def main(root: Path, check: bool) -> int:
    files = sources(root)
    catalogue = read_catalogues(files)
    if not catalogue:
        print("no tuple catalogues found: nothing to do")
        return 0
    messages: Messages = build_messages(catalogue)
    rewriter = Rewriter(root, messages, catalogue_files(files))
    changed = rewriter.rewrite_all(files, check)
    unused = sorted(set(catalogue) - rewriter.used_keys - rewriter.pair_keys)
    print(f"{len(catalogue)} keys -> {len(messages.entries)} messages; "
          f"{rewriter.calls} calls rewritten in {len(changed)} files")
    if unused:
        print("keys never used in code (left out of the .po):", ", ".join(unused))
    if check:
        return 0
    changed |= remove_catalogues(files)
    changed |= fix_test_texts(files)
    write_words(root, messages)
    write_po(root, messages, rewriter.used_keys, rewriter.pair_keys)
    existing = [str(p) for p in sorted(changed) if p.exists()]
    subprocess.run([sys.executable, "-m", "ruff", "check", "--fix", "--quiet",
                    "--select", "I001,F401", *existing], cwd=root, check=False)
    subprocess.run([*EXTRACT, *packages(root)], cwd=root, check=True)  # as `make messages`
    return 0


def catalogue_files(files: list[Path]) -> dict[Path, set[str]]:
    """Modules defining a lookup, with the lookup names each defines."""
    found: dict[Path, set[str]] = {}
    for path in files:
        names = {n.name for n in ast.parse(path.read_text("utf-8")).body  # type: ignore[attr-defined]
                 if is_lookup(n)}
        if names:
            found[path] = names
    return found


def fix_test_texts(files: list[Path]) -> set[Path]:
    """The English made consistent (TEST_TEXT_FIXES) also in the tests' expectations."""
    changed = set()
    for path in (p for p in files if "tests" in p.parts and p.exists()):
        text = path.read_text("utf-8")
        new = text
        for old, fixed in TEST_TEXT_FIXES:
            new = re.sub(rf"(?<!{re.escape(fixed[:-len(old)])}){re.escape(old)}", fixed, new)
        if new != text:
            path.write_text(new, "utf-8")
            changed.add(path)
    return changed


def remove_catalogues(files: list[Path]) -> set[Path]:
    modules = {p.stem for p in files if not NOT_CATALOGUES & set(p.parts)
               and any(is_catalogue(n) for n in ast.parse(p.read_text()).body)}
    changed: set[Path] = set()
    for path in files:
        if "tests" in path.parts and "CATALOGUE" in path.read_text("utf-8"):
            path.unlink()  # the old key/tuple parity test, replaced by tests/test_i18n_catalogue.py
            changed.add(path)
            continue
        if NOT_CATALOGUES & set(path.parts):
            continue
        text = strip_module(path, modules)
        if text == "":
            path.unlink()
        elif text is not None:
            path.write_text(text, "utf-8")
        if text is not None:
            changed.add(path)
    return changed


if __name__ == "__main__":
    raise SystemExit(main(Path.cwd(), "--check" in sys.argv[1:]))
