"""The netwerklijst as CSV: one row per contact, safe to open in a spreadsheet.

Why the neutralising: a cell that starts with `=`, `+`, `-` or `@` would be run as a formula by
a spreadsheet, and every field here can hold what a person typed (or pasted). The shared
`neutralise` of the result export puts a single quote in front, so such text stays text.
"""

from __future__ import annotations

import csv
import io

from vbestuur_engine.netwerklijst import NetworkList
from vbestuur_service.i18n import _
from vbestuur_service.i18n.words import NW_COLUMNS

from ..exports.to_csv import Dialect, neutralise, separator, with_bom
from .labels import kind_label

COLUMNS = ("kind", "name", "role", "phone", "note", "source", "checked")


def build_csv(network: NetworkList, lang: str, dialect: Dialect = "standard") -> str:
    """CSV text in the chosen dialect, CRLF (encode as UTF-8; Excel-NL carries its BOM)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", delimiter=separator(dialect))
    writer.writerow([neutralise(_(NW_COLUMNS[c], lang)) for c in COLUMNS])
    for row in network.rows:
        cells = [kind_label(row.kind, lang), row.name, row.role, row.phone, row.note,
                 row.source, row.checked]
        writer.writerow([neutralise(cell) for cell in cells])
    return with_bom(out.getvalue(), dialect)
