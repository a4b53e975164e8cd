"""Keep GFM autolinks from turning text into links (F13 of the security review).

Why: GitHub-flavoured Markdown (Streamlit's renderer, and most Markdown viewers) makes a link
of any `http://`, `https://`, `www.` or e-mail address in plain text, even when every Markdown
character is backslash-escaped: the autolink pass runs on the parsed text, after escapes are
decoded. A URL in a griffie's profile text would become a clickable link in every person's
advice, so an address typed by one person could lead everyone else somewhere else.

How: an invisible WORD JOINER (U+2060) goes inside each trigger (`http⁠://`, `www⁠.`,
`name⁠@`): the text reads the same and screen readers skip the joiner, but no autolink
pattern matches any more. The app's own links (`widgets.link`) are explicit Markdown links to
checked https addresses and are not affected.
"""

from __future__ import annotations

import re
from typing import Final

JOINER: Final = "\u2060"
_SCHEME = re.compile(r"(?i)\b(https?|ftp|mailto|javascript|data|vbscript)(\\?:)")
_WWW = re.compile(r"(?i)\b(www)(\\?\.)")
_AT = re.compile(r"(?<=[\w.+-])(\\?@)")


def break_autolinks(text: str) -> str:
    """`text` with every autolink trigger interrupted by an invisible word joiner."""
    text = _SCHEME.sub(lambda m: m.group(1) + JOINER + m.group(2), text)
    text = _WWW.sub(lambda m: m.group(1) + JOINER + m.group(2), text)
    return _AT.sub(lambda m: JOINER + m.group(1), text)
