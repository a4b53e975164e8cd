"""The machine-checkable part of PDF/UA-1 (ISO 14289-1), checked with pypdf.

Why our own checks: veraPDF, the reference PDF/UA validator, is a Java program published on
verapdf.org and Maven Central; it is on none of the registries this project installs from
(PyPI, Debian, npm). So the tests check what the Matterhorn Protocol's machine-checkable
conditions ask and pypdf can see: the catalogue (marked, not suspect, language, title shown,
the PDF/UA identifier and a title in the XMP), a structure tree whose every type is standard or
role-mapped to one, a figure or formula only with alternative text, headings that start at H1
and skip no level, every piece of page content either tagged (its marked-content id belongs to
exactly one structure element on that page) or an artifact, the tab order by structure, and
every font embedded with a Unicode map. What it cannot judge (is the alternative text right,
is the reading order sensible for a person) stays for a human reviewer.

`problems(data)` returns every failed condition as a readable line; empty means all passed.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from typing import Any

from pypdf import PdfReader
from pypdf.generic import ArrayObject, ContentStream, DictionaryObject, IndirectObject

STANDARD = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl",
    "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note",
    "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT",
    "WP", "Figure", "Formula", "Form"}
NEEDS_ALT = {"Figure", "Formula"}
SHOWS = {b"Tj", b"TJ", b"'", b'"', b"Do", b"sh", b"BI"}


def _obj(item: Any) -> Any:
    return item.get_object() if isinstance(item, IndirectObject) else item


def _true(value: Any) -> bool:
    """pypdf's BooleanObject(False) is truthy as an object; its value is what counts."""
    return bool(getattr(_obj(value), "value", value))


def _name(value: Any) -> str:
    return str(value).lstrip("/")


def catalogue_problems(reader: PdfReader) -> list[str]:
    root = reader.trailer["/Root"]
    found = []
    mark = _obj(root.get("/MarkInfo")) or {}
    if not _true(mark.get("/Marked")):
        found.append("06-001: /MarkInfo /Marked is not true")
    if _true(mark.get("/Suspects")):
        found.append("06-002: /MarkInfo /Suspects is true")
    if not str(root.get("/Lang", "")).strip():
        found.append("11-006: no document language (/Lang)")
    if not _true((_obj(root.get("/ViewerPreferences")) or {}).get("/DisplayDocTitle")):
        found.append("07-002: /ViewerPreferences /DisplayDocTitle is not true")
    xmp = _obj(root["/Metadata"]).get_data().decode() if "/Metadata" in root else ""
    if not re.search(r"pdfuaid:part(>|=\")1", xmp):
        found.append("06-003: no PDF/UA-1 identifier (pdfuaid:part) in the XMP metadata")
    if "dc:title" not in xmp:
        found.append("06-004: no dc:title in the XMP metadata")
    return found


def _walk(node: Any, page: Any, out: dict[str, Any]) -> None:
    """Collect structure types, headings in order, missing alt texts and MCIDs per page."""
    node = _obj(node)
    if isinstance(node, int):
        out["mcids"].append((page, node))
        return
    if isinstance(node, ArrayObject | list):
        for kid in node:
            _walk(kid, page, out)
        return
    if not isinstance(node, DictionaryObject):
        return
    page = node.raw_get("/Pg") if "/Pg" in node else page
    if node.get("/Type") == "/MCR":
        out["mcids"].append((page, int(node["/MCID"])))
        return
    if node.get("/Type") == "/OBJR" or "/S" not in node:
        return
    kind = out["rolemap"].get(_name(node["/S"]), _name(node["/S"]))
    out["types"].append(kind)
    if re.fullmatch(r"H[1-6]", kind):
        out["headings"].append(int(kind[1]))
    if kind in NEEDS_ALT and not str(node.get("/Alt", "")).strip():
        out["no_alt"].append(kind)
    if "/K" in node:
        _walk(node["/K"], page, out)


def _page_id(page: Any) -> Any:
    return page.idnum if isinstance(page, IndirectObject) else page


def structure_problems(reader: PdfReader) -> tuple[list[str], Counter[tuple[Any, int]]]:
    root = reader.trailer["/Root"]
    if "/StructTreeRoot" not in root:
        return ["01-006: no structure tree (/StructTreeRoot)"], Counter()
    tree = _obj(root["/StructTreeRoot"])
    rolemap = {_name(k): _name(v) for k, v in (_obj(tree.get("/RoleMap")) or {}).items()}
    out: dict[str, Any] = {"rolemap": rolemap, "types": [], "headings": [], "no_alt": [],
                           "mcids": []}
    _walk(tree.get("/K"), None, out)
    found = [] if out["types"] else ["01-006: the structure tree is empty"]
    found += [f"02-001: structure type /{kind} is neither standard nor role-mapped to one"
              for kind in sorted(set(out["types"]) - STANDARD)]
    found += [f"13-004: a /{kind} without alternative text (/Alt)" for kind in out["no_alt"]]
    levels = out["headings"]
    if levels and levels[0] != 1:
        found.append(f"14-002: the first heading is H{levels[0]}, not H1")
    found += [f"14-003: heading level skipped, H{a} -> H{b}"
              for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    if "/ParentTree" not in tree:
        found.append("01-006: the structure tree has no /ParentTree")
    return found, Counter((_page_id(page), mcid) for page, mcid in out["mcids"])


def content_problems(reader: PdfReader, tagged: Counter[tuple[Any, int]]) -> list[str]:
    """Every shown piece of content is inside marked content: a tagged id or an artifact."""
    found: list[str] = []
    for number, page in enumerate(reader.pages, start=1):
        ref = _page_id(page.indirect_reference)
        if page.get("/Annots") and page.get("/Tabs") != "/S":
            found.append(f"page {number}: 28-002: annotations but /Tabs is not /S")
        depth, ids = 0, []
        for operands, op in ContentStream(page.get_contents(), reader).operations:
            if op in (b"BDC", b"BMC"):
                depth += 1
                props = operands[1] if op == b"BDC" and len(operands) > 1 else {}
                props = _obj(page["/Resources"]["/Properties"][props]) if isinstance(
                    props, str) else props
                if operands[0] != "/Artifact" and "/MCID" in props:
                    ids.append(int(props["/MCID"]))
            elif op == b"EMC":
                depth -= 1
            elif op in SHOWS and depth <= 0:
                found.append(f"page {number}: 01-005: content ({op.decode()}) neither tagged "
                             "nor an artifact")
        for mcid in ids:
            if tagged[(ref, mcid)] != 1:
                found.append(f"page {number}: 01-007: marked content {mcid} belongs to "
                             f"{tagged[(ref, mcid)]} structure elements, not 1")
    return found


def font_problems(reader: PdfReader) -> list[str]:
    found = []
    for number, page in enumerate(reader.pages, start=1):
        for name, font in (_obj(page["/Resources"].get("/Font")) or {}).items():
            font = _obj(font)
            parts = [_obj(f) for f in font.get("/DescendantFonts", [])] or [font]
            described = [_obj(p.get("/FontDescriptor")) or {} for p in parts]
            if not all(any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                       for d in described):
                found.append(f"page {number}: 31-001: font {name} is not embedded")
            if "/ToUnicode" not in font:
                found.append(f"page {number}: 31-027: font {name} has no /ToUnicode map")
    return found


def problems(data: bytes) -> list[str]:
    """Every failed PDF/UA-1 condition this module checks, as one line each."""
    reader = PdfReader(io.BytesIO(data))
    structure, tagged = structure_problems(reader)
    return (catalogue_problems(reader) + structure + content_problems(reader, tagged)
            + font_problems(reader))
