"""The codemod's text layout: string literals, line breaks within 100 columns, edits by offset.

One-off migration support (issue 11); removed together with `i18n_codemod.py`.
"""

from __future__ import annotations

import io
import tokenize
import unicodedata

WIDTH = 100


def width_of(text: str) -> int:
    """Columns as ruff counts them: wide characters (emoji) take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def quote(text: str, mark: str = '"') -> str:
    if mark == "'" and ("'" in text or "\\" in text or "\n" in text):
        raise SystemExit(f"cannot put {text!r} in an f-string (Python 3.11): rewrite by hand")
    escaped = text.replace("\\", "\\\\").replace(mark, "\\" + mark).replace("\n", "\\n")
    return mark + escaped + mark


def chunks(text: str, width: int) -> list[str]:
    """`text` cut after spaces into pieces of about `width` characters (adjacent literals)."""
    out, line = [], ""
    for word in text.split(" "):
        if line and len(line) + len(word) > width:
            out.append(line)
            line = ""
        line += word + " "
    out.append(line[:-1])
    return out


def layout(func: str, lits: list[str], extras: list[str], col: int, indent: int,
           tail: int, mark: str = '"') -> str:
    """The call's text: one line when it fits (always inside an f-string), else the msgid cut
    over indented lines."""
    one = f"{func}({', '.join([*(quote(lit, mark) for lit in lits), *extras])})"
    if mark == "'" or ("\n" not in one and col + width_of(one) + tail <= WIDTH):
        return one
    pad = " " * (indent + 4)
    lines: list[str] = []
    for lit in lits:
        pieces = chunks(lit, WIDTH - len(pad) - 6)
        lines += [pad + quote(p) for p in pieces]
        lines[-1] += ","
    for extra in extras:
        if lines and "\n" not in extra and len(lines[-1]) + len(extra) + 2 <= WIDTH - 2:
            lines[-1] += f" {extra},"
        else:
            lines.append(f"{pad}{extra},")
    lines[-1] = lines[-1][:-1]
    closing = ")" if width_of(lines[-1]) + 1 + tail <= WIDTH else f"\n{' ' * indent})"
    return f"{func}(\n" + "\n".join(lines) + closing


def apply_spans(source: str, spans: list[tuple[int, int, str]]) -> str:
    """Replace byte ranges (non-overlapping), last first so earlier offsets stay right."""
    data = source.encode()
    for start, end, text in sorted(spans, key=lambda s: (s[0], s[1]), reverse=True):
        data = data[:start] + text.encode() + data[end:]
    return data.decode()


def move_long_comments(source: str) -> str:
    """A line pushed over the width by longer strings gets its trailing comment on its own line
    above it."""
    lines = source.splitlines(keepends=True)
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    comments = [t for t in tokens if t.type == tokenize.COMMENT and t.start[1] > 0]
    for token in reversed(comments):
        row, col = token.start
        line = lines[row - 1]
        if len(line.rstrip("\n")) > WIDTH and line[:col].strip():
            indent = line[:len(line) - len(line.lstrip())]
            lines[row - 1] = line[:col].rstrip() + "\n"
            lines.insert(row - 1, f"{indent}{token.string}\n")
    return "".join(lines)
