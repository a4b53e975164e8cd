"""Every PDF the app makes is a tagged PDF/UA-1 document (issue 14, EN 301 549 §10).

Checked with pypdf on the real builders, in Dutch and English: the machine-checkable PDF/UA-1
conditions of `pdfua_checks` (veraPDF is not on the registries this project installs from;
that module says what it checks), the title, only the bundled font, and the text extracted in
reading order with Dutch characters intact. User text that looks like Typst markup must print
literally. Each condition is also shown to fail on a document that breaks it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable

import pytest
from pdfua_checks import problems
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    BooleanObject,
    ContentStream,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from vbestuur_app.exports import build_pdf
from vbestuur_app.exports.organisation import build_org_pdf
from vbestuur_app.exports.pdfbase import PdfDocument, page_count
from vbestuur_app.netwerk.to_pdf import build_pdf as build_network_pdf
from vbestuur_app.workshop.export import StepBlock, SummaryDocument
from vbestuur_app.workshop.export_pdf import to_pdf as workshop_pdf
from vbestuur_engine import Engine
from vbestuur_engine import netwerklijst as nw
from vbestuur_engine.schema import LocalValues, Text
from vbestuur_store import OrgItem

DUTCH = "Zoë’s ‘naïeve’ café-bon van € 50"
MARKUP = "*vet* _schuin_ #panic() $x^2$ <lbl> @ref = [link](x) \\ // geen commentaar"
SCRIPT = {"rol": "raadslid", "gevaar": "nee", "vormen": ["bedreiging"], "gemeld": "nee"}


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.load()


def _result(engine: Engine, lang: str) -> bytes:
    local = LocalValues(municipality="Eëmnes", values={"meldprocedure": Text(nl=DUTCH, en=DUTCH)})
    return build_pdf(engine, engine.walk("voorbeeld", SCRIPT), lang, local)


def _network(engine: Engine, lang: str) -> bytes:
    row = nw.NetworkRow(kind="eigen", name=DUTCH, role=MARKUP, phone="+31 6 12345678")
    network = nw.replace_row(nw.initial_list(engine.content, None, lang), None, row)
    return build_network_pdf(network, lang, today=dt.date(2026, 11, 30))


def _organisation(engine: Engine, lang: str) -> bytes:
    steps = sorted(engine.content.steps.values(), key=lambda s: s.id)
    item = OrgItem(step_id=2, status="geregeld", owner=DUTCH, note=MARKUP, version=1,
                   updated_by="A. de Griffier", updated_at=dt.datetime(2026, 1, 5, 9, 30))
    return build_org_pdf(steps, [item], lang, "Eëmnes", dt.date(2026, 11, 30))


def _workshop(engine: Engine, lang: str) -> bytes:
    block = StepBlock(1, "Vóór een incident", f"Stap 1. {DUTCH}", (MARKUP,))
    doc = SummaryDocument(lang, "Workshop: samenvatting", "Ondertitel", "30 november 2026",
                          ("k = 3",), (block,), ("Stap 6. Netwerk",), (),
                          "Bel 112 bij acuut gevaar.")
    return workshop_pdf(doc)


def _incidents(engine: Engine, lang: str) -> bytes:
    from vbestuur_app.exports.incidents import Section, sections_pdf

    section = Section("Incident van 30 november 2026 10:30", (f"beschrijving: {DUTCH}",
                                                               f"dader: naam: {MARKUP}"))
    return sections_pdf("Incidentenregister: selectie", lang, ("Vertrouwelijk.",), [section])


BUILDERS: dict[str, Callable[[Engine, str], bytes]] = {
    "result": _result, "netwerklijst": _network, "organisation": _organisation,
    "workshop": _workshop, "incidents": _incidents}
TITLES = {"result": "Veilig Bestuur: Voorbeeld", "netwerklijst": "Mijn netwerklijst",
          "organisation": "Veilig Bestuur: Organisatie: stand van zaken",
          "workshop": "Workshop: samenvatting", "incidents": "Incidentenregister: selectie"}


def _text(reader: PdfReader) -> str:
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_every_pdf_passes_the_pdf_ua_1_checks(engine: Engine, kind: str, lang: str) -> None:
    assert problems(BUILDERS[kind](engine, lang)) == []


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_every_pdf_is_tagged_pdf_ua_1(engine: Engine, kind: str) -> None:
    reader = PdfReader(io.BytesIO(BUILDERS[kind](engine, "nl")))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/StructTreeRoot"].get_object()["/K"], "the structure tree has content"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "nl"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata is not None and reader.metadata.title == TITLES[kind]
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert re.search(r"pdfuaid:part(>|=\")1", xmp), "PDF/UA-1 identifier in the XMP"
    fonts = {str(f["/BaseFont"]) for page in reader.pages
             for f in page["/Resources"]["/Font"].values()}
    assert fonts and all("DejaVuSans" in name for name in fonts), fonts


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_text_keeps_dutch_characters_and_user_markup_literally(engine: Engine, kind: str) -> None:
    text = _text(PdfReader(io.BytesIO(BUILDERS[kind](engine, "nl"))))
    assert DUTCH in text
    for char in "ëé‘’€":
        assert char in text, char
    if kind != "result":
        assert MARKUP in text, "user text is data, never Typst markup"


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_english_documents_say_so(engine: Engine, kind: str) -> None:
    root = PdfReader(io.BytesIO(BUILDERS[kind](engine, "en"))).trailer["/Root"]
    assert root["/Lang"] == "en"


def test_result_text_extracts_in_reading_order(engine: Engine) -> None:
    text = _text(PdfReader(io.BytesIO(_result(engine, "nl"))))
    order = ["Veilig Bestuur: Voorbeeld", "Datum:", "Eëmnes", "Advies", "Checklist",
             "Stap 6.", "Stap 13.", "Dit is informatie, geen juridisch advies."]
    positions = [text.find(part) for part in order]
    assert -1 not in positions, dict(zip(order, positions, strict=True))
    assert positions == sorted(positions)


def test_organisation_shows_the_local_time_of_a_utc_change(engine: Engine) -> None:
    text = _text(PdfReader(io.BytesIO(_organisation(engine, "nl"))))
    assert "A. de Griffier, 5 januari 2026 10:30" in text  # 09:30 UTC, winter time


def test_headings_are_tagged_as_headings() -> None:
    doc = PdfDocument("Titel", "nl", "voet")
    doc.heading("Kop één", 1)
    doc.item("punt")
    data = doc.pdf()
    tree = PdfReader(io.BytesIO(data)).trailer["/Root"]["/StructTreeRoot"].get_object()
    assert {"/H1", "/L", "/LI", "/Lbl"} <= _kinds(tree)
    assert page_count(data) == 1


def _kinds(node: object) -> set[object]:
    """Structure types (/S) found below a structure element."""
    found: set[object] = set()
    stack = [node]
    while stack and len(found) < 200:
        item = stack.pop()
        item = item.get_object() if hasattr(item, "get_object") else item
        if isinstance(item, dict):
            if "/S" in item:
                found.add(str(item["/S"]))
            kids = item.get("/K")
            stack.extend(kids if isinstance(kids, list) else [kids] if kids is not None else [])
        elif isinstance(item, list):
            stack.extend(item)
    return found


def test_page_count_counts_every_page() -> None:
    doc = PdfDocument("Lang", "nl", "voet")
    for number in range(120):
        doc.para(f"Alinea {number} met ë")
    data = doc.pdf()
    assert page_count(data) == len(PdfReader(io.BytesIO(data)).pages) > 1


@pytest.mark.parametrize("text", ["漢字 Wang", "nul \u0000 teken", "", "   "])
def test_any_user_text_still_gives_a_valid_document(text: str) -> None:
    """PDF/UA-1 refuses glyphs the font lacks, empty headings and skipped heading levels; the
    builder adapts (U+FFFD, a paragraph, the next level) instead of failing the download."""
    doc = PdfDocument("Titel", "nl", "voet")
    doc.heading(text, 3)
    doc.para(f"{text} einde")
    doc.heading(f"{text} kop", 4)
    reader = PdfReader(io.BytesIO(doc.pdf()))
    shown = _text(reader)
    assert "einde" in shown and "kop" in shown
    if "Wang" in text:
        assert "\ufffd\ufffd Wang" in shown


def _elements(writer: PdfWriter) -> list[DictionaryObject]:
    """The structure elements of a document in tree order."""
    found: list[DictionaryObject] = []
    stack = [writer.root_object["/StructTreeRoot"].get_object().get("/K")]
    while stack:
        item = stack.pop(0)
        item = item.get_object() if hasattr(item, "get_object") else item
        if isinstance(item, list):
            stack[:0] = list(item)
        elif isinstance(item, DictionaryObject) and "/S" in item:
            found.append(item)
            stack.insert(0, item.get("/K"))
    return found


def _first(writer: PdfWriter, kind: str) -> DictionaryObject:
    return next(e for e in _elements(writer) if e["/S"] == kind)


def _untagged_text(writer: PdfWriter) -> None:
    page = writer.pages[0]
    old = page.get_contents()
    assert old is not None
    new = ContentStream(None, writer)
    new.set_data(old.get_data() + b"\nBT 10 10 Td (los) Tj ET\n")
    page.replace_contents(new)


def _orphan_content(writer: PdfWriter) -> None:
    """A structure element loses its marked content: the page's content is tagged to nothing."""
    def holds_content(kid: object) -> bool:
        kid = kid.get_object() if hasattr(kid, "get_object") else kid
        return isinstance(kid, int) or (isinstance(kid, DictionaryObject) and "/MCID" in kid)

    def kids(element: DictionaryObject) -> list[object]:
        k = element.get("/K")
        return list(k) if isinstance(k, list) else [k]

    element = next(e for e in _elements(writer) if any(map(holds_content, kids(e))))
    element[NameObject("/K")] = NumberObject(9999)


BREAKS = {
    "01-007": _orphan_content,
    "06-002": lambda w: w.root_object["/MarkInfo"].__setitem__(
        NameObject("/Suspects"), BooleanObject(True)),
    "11-006": lambda w: w.root_object.__setitem__(NameObject("/Lang"), TextStringObject("")),
    "02-001": lambda w: _first(w, "/P").__setitem__(NameObject("/S"), NameObject("/Fancy")),
    "13-004": lambda w: _first(w, "/P").__setitem__(NameObject("/S"), NameObject("/Figure")),
    "14-002": lambda w: _first(w, "/H1").__setitem__(NameObject("/S"), NameObject("/H2")),
    "01-005": _untagged_text,
}


@pytest.mark.parametrize("rule", sorted(BREAKS))
def test_each_check_fails_a_document_that_breaks_it(engine: Engine, rule: str) -> None:
    writer = PdfWriter(clone_from=io.BytesIO(_workshop(engine, "nl")))
    BREAKS[rule](writer)
    out = io.BytesIO()
    writer.write(out)
    found = problems(out.getvalue())
    assert rule in re.findall(r"\b\d\d-\d\d\d\b", " ".join(found)), found


def test_an_untagged_pdf_fails_the_checks() -> None:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    out = io.BytesIO()
    writer.write(out)
    codes = set(re.findall(r"\b\d\d-\d\d\d\b", " ".join(problems(out.getvalue()))))
    assert {"06-001", "11-006", "07-002", "06-003", "01-006"} <= codes, codes
