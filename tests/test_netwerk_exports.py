"""The netwerklijst exports, called as plain functions: PDF, vCard, CSV and ICS.

Why a vCard library in the test: the file must load into a real phone's address book, so it is
parsed back by `vobject` (a test-only dependency), not by our own code.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
import vobject
from icalendar import Calendar
from pypdf import PdfReader

from vbestuur_app.exports.to_csv import FORMULA_START
from vbestuur_app.netwerk.to_csv import build_csv
from vbestuur_app.netwerk.to_ics import build_ics
from vbestuur_app.netwerk.to_pdf import build_pdf
from vbestuur_app.netwerk.to_vcard import build_vcard, fold
from vbestuur_engine import Engine
from vbestuur_engine import netwerklijst as nw
from vbestuur_engine.phone import phone_e164, phone_uri

DUTCH = "Zoë’s naïeve café-bon, ’s-Hertogenbosch"
SCRIPT = "<script>alert('x')</script>"
FORMULA = "=HYPERLINK(\"https://evil.example\";\"klik\")"


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.load()


@pytest.fixture(scope="module")
def network(engine: Engine) -> nw.NetworkList:
    """The initial list plus rows with Dutch characters and hostile text in every field."""
    base = nw.initial_list(engine.content, None, "nl")
    extra = (
        nw.NetworkRow(kind="vertrouwenspersoon", name=DUTCH, role="Zus; vertrouwenspersoon",
                      phone="+31 6 12345678", note="Bel ’s avonds, na 19.00 uur"),
        nw.NetworkRow(kind="eigen", name=SCRIPT, role=FORMULA, phone="020-1234567",
                      note="@SUM(1+1)\\n;,:" + "x" * 300),
        nw.NetworkRow(kind="sparringpartner", name="-2+3", role="+cmd", note="\tstart"),
    )
    for row in extra:
        base = nw.replace_row(base, None, row)
    return base


def pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


# --- PDF -------------------------------------------------------------------------------------

def test_pdf_is_one_page_with_extractable_dutch_text(network: nw.NetworkList) -> None:
    data = build_pdf(network, "nl", today=dt.date(2026, 11, 30))
    assert data.startswith(b"%PDF")
    pages, text = pdf_text(data)
    assert pages == 1
    for expected in ("Mijn netwerklijst", "Zoë’s naïeve café-bon", "0900 8844",
                     "070 373 8314", "06 12345678", SCRIPT, "30 november 2026",
                     "Bel 112 bij acuut gevaar"):
        assert expected in text, expected
    assert "nummer nog invullen" in text, "gaps are visible on paper too"


def test_pdf_in_english(network: nw.NetworkList) -> None:
    _, text = pdf_text(build_pdf(network, "en"))
    assert "My network list" in text and "Call 112 in acute danger" in text


def test_a_full_list_of_long_rows_still_fits_one_page() -> None:
    row = nw.NetworkRow(kind="eigen", name="Ë" * 120, role="r " * 100, note="n " * 250,
                        phone="06-12345678")
    full = nw.NetworkList(rows=(row,) * nw.MAX_ROWS)
    pages, text = pdf_text(build_pdf(full, "nl"))
    assert pages == 1
    assert text.count("06 12345678") == nw.MAX_ROWS, "every number is still on the page"


# --- vCard -----------------------------------------------------------------------------------

def parse_cards(text: str) -> list[vobject.base.Component]:
    return list(vobject.readComponents(text))


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_vcard_parses_back_with_every_contact(network: nw.NetworkList, version: str) -> None:
    text = build_vcard(network, "nl", version)  # type: ignore[arg-type]
    cards = parse_cards(text)
    with_phone = [r for r in network.rows if r.phone]
    assert len(cards) == len(with_phone)
    if version == "4.0":
        assert "TEL;VALUE=uri;TYPE=voice:tel:+31703738314\r\n" in text
        assert "TEL;VALUE=uri;TYPE=voice:tel:112;phone-context=+31\r\n" in text
    for card, row in zip(cards, with_phone, strict=True):
        assert card.version.value == version
        assert card.fn.value == (row.name or row.role)
        tel = card.tel.value
        e164 = phone_e164(row.phone)
        assert tel == (phone_uri(row.phone) if version == "4.0" else e164)
        assert e164.startswith("+") or e164 == "112"
    names = [c.fn.value for c in cards]
    assert DUTCH in names and SCRIPT in names
    hostile = cards[names.index(SCRIPT)]
    assert hostile.title.value == FORMULA
    assert hostile.note.value.startswith("@SUM(1+1)\\n;,:")


def test_vcard_keeps_the_source_of_national_numbers(network: nw.NetworkList,
                                                    engine: Engine) -> None:
    cards = parse_cards(build_vcard(network, "nl"))
    fact = nw.national_contacts(engine.content)[0]
    card = cards[0]
    assert fact.source.title in card.note.value and fact.checked in card.note.value
    assert "Netwerklijst Veilig Bestuur" in card.categories.value


def test_vcard_lines_are_folded_and_crlf(network: nw.NetworkList) -> None:
    text = build_vcard(network, "nl")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    assert fold("é" * 100).replace("\r\n ", "") == "é" * 100


def test_vcard_text_cannot_start_a_new_property() -> None:
    sneaky = nw.NetworkRow(kind="eigen", name="Jan", phone="0612345678",
                           note="x END:VCARD BEGIN:VCARD FN:Nep")
    cards = parse_cards(build_vcard(nw.NetworkList(rows=(sneaky,)), "nl"))
    assert len(cards) == 1 and cards[0].fn.value == "Jan"


# --- CSV -------------------------------------------------------------------------------------

def test_csv_has_every_row_and_neutralises_formulas(network: nw.NetworkList) -> None:
    text = build_csv(network, "nl")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["soort", "naam", "functie of waarvoor", "telefoon", "notitie", "bron",
                       "gecontroleerd op"]
    assert len(rows) == len(network.rows) + 1
    for row in rows[1:]:
        assert not any(cell.startswith(FORMULA_START) for cell in row), row
    cells = {cell for row in rows for cell in row}
    assert "'" + FORMULA in cells and "'-2+3" in cells and "'+cmd" in cells
    assert "06 12345678" in cells and DUTCH in cells and SCRIPT in cells
    assert "'+31 6 12345678" not in cells, "a Dutch number is written nationally: no quote"


def test_csv_in_english(network: nw.NetworkList) -> None:
    header = next(csv.reader(io.StringIO(build_csv(network, "en"))))
    assert header[:4] == ["kind", "name", "role or what for", "phone"]


# --- ICS -------------------------------------------------------------------------------------

def test_ics_has_a_yearly_review_and_a_new_term() -> None:
    stamp = dt.datetime(2026, 11, 30, 12, tzinfo=dt.UTC)
    data = build_ics("nl", dt.date(2027, 11, 30), dt.date(2030, 4, 1), stamp=stamp)
    calendar = Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 2
    yearly, term = events
    assert "stap 20" in str(yearly["summary"]) and "netwerklijst" in str(yearly["summary"])
    assert yearly["rrule"]["FREQ"] == ["YEARLY"]
    assert yearly.decoded("dtstart") == dt.date(2027, 11, 30)
    assert "stap 21" in str(term["summary"]) and "rrule" not in term
    assert term.decoded("dtstart") == dt.date(2030, 4, 1)
    assert build_ics("nl", dt.date(2027, 11, 30), dt.date(2030, 4, 1), stamp=stamp) == data


def test_ics_without_a_term_date_in_english() -> None:
    calendar = Calendar.from_ical(build_ics("en", dt.date(2027, 1, 5)))
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1 and "step 20" in str(events[0]["summary"])
