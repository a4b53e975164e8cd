"""Read one content file safely: only a regular file, inside the content folder, never too big.

Why: `Path.read_text` follows any link and reads whatever it finds. A FIFO blocks for ever,
`/dev/zero` fills the memory, a link loop raises, and a 50 MB file costs minutes in the parser
before any limit inside it can apply. Content comes from a folder that an operator points the
app at (`VBESTUUR_CONTENT`), so every file is checked with `stat` before it is opened, opened
without blocking, checked again on the open descriptor (no race between check and read), and
read only up to the size limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_FILE_BYTES = 2 * 1024 * 1024
"""2 MiB: the largest real content file is 16 kB and the bench's 10,000-node flow about 1 MB."""

_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


class FileRefused(Exception):
    """The file is not read; `rule` and `message` say why (reported at line 1, column 1)."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message


def read_content_file(path: Path, root: Path | None = None) -> str:
    """The UTF-8 text of `path`; `FileRefused` for anything but a regular file of at most
    MAX_FILE_BYTES (inside `root` when given, also after following links).

    A file that simply does not exist or cannot be decoded raises `OSError` or
    `UnicodeDecodeError`, as `read_text` would.
    """
    real = _resolved(path)
    _check_kind(os.stat(real).st_mode)
    if root is not None:
        _check_inside(real, root)
    fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        info = os.fstat(fd)
        _check_kind(info.st_mode)
        _check_size(info.st_size)
        data = _read_at_most(fd, MAX_FILE_BYTES + 1)
    finally:
        os.close(fd)
    _check_size(len(data))
    return data.decode("utf-8")


def _resolved(path: Path) -> Path:
    """The real path behind `path`; a link loop or a dangling link is refused."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        if not path.is_symlink():
            raise
        raise FileRefused("FILE-NOT-REGULAR", "the link cannot be followed (a link loop, or "
                          "its target is missing); content must be a regular file") from exc
    return real


def _check_inside(real: Path, root: Path) -> None:
    """Refuse a file that a link (to it, or to one of its folders) takes out of `root`."""
    try:
        inside = real.is_relative_to(root.resolve(strict=True))
    except (OSError, RuntimeError):
        inside = False
    if not inside:
        raise FileRefused("FILE-NOT-REGULAR", "a link leads this file out of the content "
                          "folder; copy the file in instead")


def _check_kind(mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    raise FileRefused("FILE-NOT-REGULAR", f"this is {kind}, not a regular file; "
                      "content must be a regular file")


def _check_size(size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise FileRefused("FILE-TOO-LARGE", f"the file is larger than {MAX_FILE_BYTES:,} bytes"
                          f" ({size:,}); split it into smaller files")


def _read_at_most(fd: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while total < limit:
        chunk = os.read(fd, min(1 << 20, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)
