"""The netwerklijst as a vCard file, to load every contact into a phone in one go.

Why by hand and not a library: vCard is a small text format, and the app should not carry a
dependency for thirty lines. Every text value is escaped as RFC 2426/6350 require (backslash,
comma, semicolon, line break), so nothing a person typed can start a new property; long lines
are folded at 75 bytes without splitting a character. Only rows with a number are contacts.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from vbestuur_engine.netwerklijst import NetworkList, NetworkRow
from vbestuur_engine.phone import phone_e164, phone_uri
from vbestuur_service.i18n import _

from .labels import display_name, kind_label

Version = Literal["3.0", "4.0"]
LINE_BYTES = 75


def build_vcard(network: NetworkList, lang: str, version: Version = "3.0") -> str:
    """One VCARD per row that has a phone number; CRLF line ends, as the standard asks."""
    cards = [_card(row, lang, version) for row in network.rows if row.phone]
    return "".join(cards)


def _card(row: NetworkRow, lang: str, version: Version) -> str:
    name = display_name(row.name, row.role, lang)
    lines = ["BEGIN:VCARD", f"VERSION:{version}", f"UID:{_uid(row)}", f"FN:{escape(name)}",
             f"N:;{escape(name)};;;"]
    if row.name and row.role:
        lines.append(f"TITLE:{escape(row.role)}")
    category_text = _("Netwerklijst Veilig Bestuur", lang)
    category = f"{escape(category_text)},{escape(kind_label(row.kind, lang))}"
    lines.append(f"CATEGORIES:{category}")
    if version == "4.0":  # RFC 3966: tel:+31… (E.164), a short number with its context
        lines.append(f"TEL;VALUE=uri;TYPE=voice:{phone_uri(row.phone)}")
    else:
        lines.append(f"TEL;TYPE=VOICE:{escape(phone_e164(row.phone) or row.phone)}")
    note = _note(row, lang)
    if note:
        lines.append(f"NOTE:{escape(note)}")
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)


def _note(row: NetworkRow, lang: str) -> str:
    parts = [row.note]
    if row.source:
        parts.append(_(
            "Bron: {source}; gecontroleerd op {checked}", lang, source=row.source,
            checked=row.checked))
    return "\n".join(p for p in parts if p)


def tel_uri(phone: str) -> str:
    """A tel: URI: the digits, with a leading + kept for international numbers."""
    plus = "+" if phone.strip().startswith("+") else ""
    return plus + "".join(ch for ch in phone if ch.isdigit())


def _uid(row: NetworkRow) -> str:
    key = "|".join([row.kind, row.ref, row.name, row.role, row.phone])
    return "urn:uuid:" + _as_uuid(hashlib.sha256(key.encode("utf-8")).hexdigest())


def _as_uuid(hexdigest: str) -> str:
    h = hexdigest[:32]
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


def escape(value: str) -> str:
    """Escape a text value: backslash first, then comma, semicolon and line breaks."""
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """Fold a content line at 75 bytes (UTF-8), continuing with CRLF and one space."""
    pieces: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = LINE_BYTES if not pieces else LINE_BYTES - 1
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)
