"""Phone numbers checked against the numbering plan (`phonenumbers`), written one way, as tel: URIs.

Why real examples: the old hand-written check accepted area codes that do not exist (012, 019),
06-0… and +999…, and refused the common slip "+31 06…". Each case below is one the check must
get right; 070-373 83 14 is a number the content itself lists (rules/facts.yaml).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vbestuur_engine import Engine
from vbestuur_engine import netwerklijst as nw
from vbestuur_engine.phone import format_phone, phone_e164, phone_ok, phone_uri


@pytest.mark.parametrize(("typed", "written", "e164"), [
    ("06-12345678", "06 12345678", "+31612345678"),          # mobile
    ("+31 6 12345678", "06 12345678", "+31612345678"),
    ("+31 0612345678", "06 12345678", "+31612345678"),       # the slip: 0 after +31
    ("+31 (0)6 12345678", "06 12345678", "+31612345678"),
    ("0031 6 12345678", "06 12345678", "+31612345678"),
    ("070-373 83 14", "070 373 8314", "+31703738314"),       # landline, The Hague
    ("(020) 123 45 67", "020 123 4567", "+31201234567"),
    ("0800-7000", "0800 7000", "+318007000"),
    ("0900-8844", "0900 8844", "+319008844"),
    ("14 020", "14 020", "+3114020"),                        # municipal 14 0xx number
    ("+49 30 1234567", "+49 30 1234567", "+49301234567"),    # abroad: international form
])
def test_valid_numbers_are_written_one_way(typed: str, written: str, e164: str) -> None:
    assert phone_ok(typed)
    assert format_phone(typed) == written
    assert format_phone(written) == written, "writing it again changes nothing"
    assert phone_e164(typed) == phone_e164(written) == e164
    assert phone_uri(typed) == f"tel:{e164}"


@pytest.mark.parametrize("typed", [
    "012-3456789",        # 012 is no Dutch area code
    "019-3456789",        # nor is 019
    "06-01234567",        # 06-0… is no mobile range
    "+999 1234567",       # +999 is no country code
    "+999 612345678",
    "+1 555 0100",        # too short for the North American plan
    "06-1234567",         # one digit short
    "1234",               # a short number that is no emergency number
    "+31 6 12345678 +",   # the library would find a number in this text; the check must not
    "bel 06-12345678",
])
def test_numbers_that_do_not_exist_are_refused(typed: str) -> None:
    assert not phone_ok(typed)
    assert phone_e164(typed) == "" and phone_uri(typed) == ""
    assert format_phone(typed) == typed.strip(), "what was typed is never hidden"
    assert nw.row_problems({"kind": "eigen", "name": "Jan", "phone": typed})["phone"].code \
        == "phone"


def test_112_is_a_local_short_number_with_its_context() -> None:
    assert phone_ok("112") and format_phone("112") == "112"
    assert phone_e164("112") == "112"
    assert phone_uri("112") == "tel:112;phone-context=+31"
    assert not phone_ok("+31 112"), "an emergency number has no country code"


def test_the_model_keeps_a_number_in_one_way_of_writing() -> None:
    row = nw.NetworkRow(kind="eigen", name="Jan", phone=" +31 0612345678 ")
    assert row.phone == "06 12345678"
    again = nw.from_data(nw.NetworkList(rows=(row,)).model_dump(mode="json"))
    assert again is not None and again.rows[0].phone == "06 12345678"
    with pytest.raises(ValueError, match="valid phone number"):
        nw.NetworkRow(kind="eigen", name="Jan", phone="+999 1234567")


def test_a_stored_number_the_plan_refuses_moves_to_the_note() -> None:
    stored = {"lang": "nl", "rows": [{"kind": "eigen", "name": "Jan", "phone": "012-3456789",
                                      "note": "Buurman"}]}
    network = nw.from_data(stored)
    assert network is not None, "the person's list is not thrown away"
    row = network.rows[0]
    assert row.phone == "" and row.name == "Jan"
    assert row.note == "Nummer niet herkend, kijk het na: 012-3456789. Buurman"
    assert nw.from_data({"rows": [{"kind": "eigen", "phone": "abc"}]}) is None


def test_a_national_number_written_otherwise_still_counts_for_step_6() -> None:
    content = Engine.load().content
    network = nw.initial_list(content, None, "nl")
    index = next(i for i, r in enumerate(network.rows) if r.phone == "0900 8844")
    network = nw.replace_row(network, index, nw.NetworkRow.model_validate(
        {**network.rows[index].model_dump(), "phone": "+31 900 8844"}))
    assert network.rows[index].phone == "0900 8844"
    assert "national" not in nw.missing(network, content)
    broken = nw.replace_row(network, index, network.rows[index].model_copy(
        update={"phone": "0900 8845"}))
    assert "national" in nw.missing(broken, content)


@given(st.text(max_size=40))
def test_phone_functions_never_fail(text: str) -> None:
    ok = phone_ok(text)
    written = format_phone(text)
    assert (phone_e164(text) != "") == (ok and bool(text.strip()))
    if ok:
        assert phone_ok(written) and format_phone(written) == written
