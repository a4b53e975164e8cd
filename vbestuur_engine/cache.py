"""Checked content kept between starts, like `.pyc`: the parsed files of content that passed
every check, keyed by the content's bytes and the code that parses and checks them.

Why (issue 15): a server loads its content on its first page. Parsing every YAML file and
running every check, with PyYAML and networkx imported to do so, is about a third of a second
of CPU of a cold start. Content that passed every check passes again as long as neither its
files nor the code (and libraries) that parse and check it changed. So after a load without
errors the parsed values of every file and the flows' progress figures are written under a
key; a later load with that key validates the cached values into the same models (pydantic,
a few milliseconds) and skips parsing and the checks.

Why it cannot hide an error: the key is a hash of every content file's name and text as the
loader reads them, of the engine's own source files, of Python's version and of the installed
files of the libraries the checks use. A changed byte anywhere gives another key and a full
load with every check; a cache is written only after a load found no error; content with a
missing or refused file is never cached (the full load names the problem). A cache file that
cannot be read, does not parse or carries another key is ignored. Deleting the folder is
always safe. Why marshal: plain values only (dicts, lists, text, numbers); reading it runs no
code, unlike pickle.
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import os
import secrets
import sys
from contextlib import suppress
from functools import cache
from pathlib import Path
from typing import Any

from .content import PROJECT_ROOT, Fetch, collect, freeze, load_content
from .engine import Engine
from .reading import FileRefused, read_content_file
from .sources import LoadedFile, Positions, SourceMap

FORMAT = 1
ENGINE_DIR = Path(__file__).resolve().parent
LIBRARIES = ("yaml", "networkx", "phonenumbers", "pydantic", "pydantic_core")
"""What parses, validates and checks content besides the engine's own code."""
Parsed = dict[str, tuple[Any, Positions]]


def load_engine(root: Path | str | None, folder: Path) -> Engine:
    """`Engine.load(root)` through the cache in `folder`; raises `ContentError` as it does."""
    base = Path(root) if root is not None else PROJECT_ROOT
    texts = read_texts(base)
    if texts is None:
        return Engine.load(base)
    key = content_key(texts)
    found = _cached(folder / f"content-{key[:32]}.marshal", key, base, texts)
    if found is not None:
        return found
    parsed: Parsed = {}
    engine = Engine(load_content(base, fetch=_parser(texts, parsed)))
    _write(folder, key, parsed, engine)
    return engine


def read_texts(root: Path) -> dict[str, str] | None:
    """Every file the loader reads (by its name in problems), as it reads them; None when a
    file is missing, refused or unreadable."""
    texts: dict[str, str] = {}
    failed: list[str] = []

    def record(path: Path, display: str) -> None:
        try:
            texts[display] = read_content_file(path, root)
        except (FileRefused, OSError, UnicodeDecodeError):
            failed.append(display)

    collected = collect(root, record)
    return None if failed or collected.problems else texts


def content_key(texts: dict[str, str]) -> str:
    """The hash of the texts, the engine's code and the libraries' files."""
    digest = hashlib.sha256(code_fingerprint())
    for display, text in texts.items():
        digest.update(f"\0{display}\0{len(text)}\0".encode())
        digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


@cache
def code_fingerprint() -> bytes:
    """The engine's source files and the installed files of `LIBRARIES` (name, size, time)."""
    digest = hashlib.sha256(f"{FORMAT}\0{sys.version}\0".encode())
    for path in sorted(ENGINE_DIR.rglob("*.py")):
        digest.update(path.relative_to(ENGINE_DIR).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    for name in LIBRARIES:
        spec = importlib.util.find_spec(name)
        origin = Path(spec.origin) if spec is not None and spec.origin else None
        digest.update(f"\0{name}\0{origin}".encode())
        if origin is not None:
            with os.scandir(origin.parent) as entries:
                for entry in sorted(entries, key=lambda e: e.name):
                    info = entry.stat()
                    digest.update(f"\0{entry.name}\0{info.st_size}\0{info.st_mtime_ns}".encode())
    return digest.digest()


def _parser(texts: dict[str, str], parsed: Parsed) -> Fetch:
    """Parse the texts read for the key (not the files again: they may have changed since),
    and keep what was parsed for the cache."""
    from .loader import load_yaml_text

    def parse(_path: Path, display: str) -> LoadedFile:
        loaded = load_yaml_text(texts[display], display)
        parsed[display] = (loaded.data, loaded.source.positions)
        return loaded

    return parse


def _cached(path: Path, key: str, root: Path, texts: dict[str, str]) -> Engine | None:
    """The engine from a cache file written for `key`, or None."""
    try:
        stored = marshal.loads(path.read_bytes())
        if stored["format"] != FORMAT or stored["key"] != key or set(stored["files"]) != set(
                texts):
            return None
        files: Parsed = stored["files"]
        collected = collect(root, lambda _path, name: LoadedFile(
            name, files[name][0], SourceMap(name, files[name][1])))
        if collected.problems:
            return None
        return Engine(freeze(collected), stored["progress"])
    except Exception:  # noqa: BLE001  (a cache that cannot be used is not used)
        return None


def _write(folder: Path, key: str, parsed: Parsed, engine: Engine) -> None:
    """Write the cache for `key` (atomically) and drop older ones; a folder that cannot be
    written is no error: the next start loads in full again."""
    progress = {flow_id: dict(compiled.questions_to_end)
                for flow_id, compiled in engine.compiled.items()}
    name = f"content-{key[:32]}.marshal"
    partial = folder / f".{name}.{secrets.token_hex(8)}"  # never another process's
    try:
        blob = marshal.dumps({"format": FORMAT, "key": key, "files": parsed,
                              "progress": progress})
        folder.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(blob)
        os.replace(partial, folder / name)
        for old in folder.glob("content-*.marshal"):
            if old.name != name:
                old.unlink(missing_ok=True)
    except (OSError, ValueError):
        with suppress(OSError):
            partial.unlink(missing_ok=True)
