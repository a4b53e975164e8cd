"""The netwerklijst model: the initial list, validation, changes and the step 6 rule."""

from __future__ import annotations

import dataclasses
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vbestuur_engine import Engine, Progress
from vbestuur_engine import netwerklijst as nw
from vbestuur_engine.phone import format_phone, phone_e164
from vbestuur_engine.schema import QuestionNode

HOSTILE = "<script>alert('x')</script> =cmd|' /C calc'!A0 **vet** [link](https://evil.example)"
CONTROL = "Jan\x00\x07 de\u202e Vries\u200b\r\nJr"


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.load()


def fresh(engine: Engine, lang: str = "nl", local: str | None = None) -> nw.NetworkList:
    return nw.initial_list(engine.content, engine.local_values(local), lang)


def complete(engine: Engine) -> nw.NetworkList:
    """The initial list with a police number and a confidant filled in."""
    network = fresh(engine)
    police = next(i for i, r in enumerate(network.rows) if r.ref == nw.POLICE_TERM)
    network = nw.replace_row(network, police, network.rows[police].model_copy(
        update={"name": "Agent Jansen", "phone": "06-11111111"}))
    confidant = next(i for i, r in enumerate(network.rows) if r.kind == "vertrouwenspersoon")
    return nw.replace_row(network, confidant, network.rows[confidant].model_copy(
        update={"name": "Zoë de Boer", "phone": "+31 6 22222222"}))


# --- the initial list ------------------------------------------------------------------------

def test_national_rows_are_exactly_the_facts_contacts(engine: Engine) -> None:
    facts = nw.national_contacts(engine.content)
    assert facts, "the content has no contacts"
    national = [r for r in fresh(engine).rows if r.kind == "landelijk"]
    assert [r.ref for r in national] == [f.id for f in facts]
    for row, fact in zip(national, facts, strict=True):
        assert fact.contact is not None
        assert row.phone == format_phone(fact.contact.phone)
        assert phone_e164(row.phone) == phone_e164(fact.contact.phone) != ""
        assert row.name == fact.contact.name.nl and row.role == fact.contact.purpose.nl
        assert row.source == fact.source.title and row.checked == fact.checked


def test_no_number_is_invented(engine: Engine) -> None:
    """Only the facts' numbers are pre-filled; every other row starts without a number."""
    allowed = {format_phone(f.contact.phone) for f in nw.national_contacts(engine.content)
               if f.contact}
    for local in (None, "voorbeeldgemeente"):
        for lang in ("nl", "en"):
            phones = {r.phone for r in fresh(engine, lang, local).rows if r.phone}
            assert phones == allowed


def test_municipal_rows_show_a_gap_without_a_municipality(engine: Engine) -> None:
    rows = {r.ref: r for r in fresh(engine).rows if r.kind == "gemeente"}
    for term_id in nw.MUNICIPAL_TERMS:
        row = rows[term_id]
        default = engine.content.terms[term_id].default.nl
        assert row.gap and row.role == engine.content.terms[term_id].label.nl
        assert row.note.startswith("Nog in te vullen — vraag")
        assert row.note.endswith(default[1:])
    assert rows["griffie"].gap and rows["burgemeester"].gap


def test_municipal_rows_use_the_municipality_values(engine: Engine) -> None:
    local = engine.local_values("voorbeeldgemeente")
    assert local is not None
    rows = {r.ref: r for r in fresh(engine, "en", "voorbeeldgemeente").rows}
    for term_id in nw.MUNICIPAL_TERMS:
        assert rows[term_id].note == local.values[term_id].en
        assert rows[term_id].gap, "a value text is not a phone number: still to fill in"


def test_own_rows_explain_their_role(engine: Engine) -> None:
    own = [r for r in fresh(engine).rows if r.kind in ("vertrouwenspersoon", "sparringpartner")]
    assert [r.kind for r in own] == ["vertrouwenspersoon", "sparringpartner"]
    for row in own:
        assert row.blank and "vooraf" in row.note
    assert all("advance" in r.note for r in fresh(engine, "en").rows
               if r.kind in ("vertrouwenspersoon", "sparringpartner"))


def test_rows_are_numbered_in_order(engine: Engine) -> None:
    network = fresh(engine)
    assert [r.order for r in network.rows] == list(range(1, len(network.rows) + 1))


# --- validation ------------------------------------------------------------------------------

@pytest.mark.parametrize("phone", [
    "06-12345678", "0612345678", "020-1234567", "(020) 123 45 67", "070-373 83 14",
    "0800-7000", "0900-8844", "0900-0101", "0906 123456", "112", "14 020",
    "+31 6 12345678", "+31 (0)6 12345678", "+31 0612345678", "0031 20 1234567",
    "+32 2 222 22 22", "+49 30 1234567", "+1 202 555 0100", ""])
def test_plausible_phone_numbers(phone: str) -> None:
    assert nw.phone_ok(phone)


@pytest.mark.parametrize("phone", [
    "06-1234567", "061234567890", "1234", "12345678", "0800-70", "012-3456789",
    "019-3456789", "06-01234567", "+999 1234567", "+999 612345678", "+1 555 0100",
    "+32 2 123 45 67", "+31 6 1234", "+0 123456789", "06 1234 5678 ext 2", "bel mij",
    "<script>", "06--", "+", "0", "+31 6 12345678 +", "=1+1", "１２３４５６７８９０"])
def test_implausible_phone_numbers(phone: str) -> None:
    assert not nw.phone_ok(phone)


def test_phone_message_in_both_languages() -> None:
    problems = nw.row_problems({"kind": "eigen", "name": "Jan", "phone": "12345"})
    assert set(problems) == {"phone"}
    assert "06-12345678" in problems["phone"].text("nl")
    assert problems["phone"].text("nl").startswith("Dit lijkt geen geldig telefoonnummer")
    assert problems["phone"].text("en").startswith("This does not look like a valid phone")


def test_long_text_gets_a_message_with_the_limit() -> None:
    raw = {"kind": "eigen", "name": "x" * 121, "role": "r" * 201, "note": "n" * 501,
           "phone": "0" * 31}
    problems = nw.row_problems(raw)
    assert set(problems) == {"name", "role", "note", "phone"}
    assert problems["name"].text("nl") == "Dit is te lang: gebruik hoogstens 120 tekens (nu 121)."
    assert problems["note"].text("en") == "This is too long: use at most 500 characters (now 501)."


def test_a_row_needs_a_name_or_a_role_and_a_kind() -> None:
    problems = nw.row_problems({"kind": "iets", "name": "  ", "role": "\x00"})
    assert problems["name"].code == "empty" and problems["kind"].code == "kind"
    assert not nw.row_problems({"kind": "eigen", "role": "Huisarts"})


def test_control_and_invisible_characters_are_removed() -> None:
    assert nw.clean_text(CONTROL) == "Jan de Vries Jr"
    row = nw.NetworkRow(kind="eigen", name=CONTROL)
    assert row.name == "Jan de Vries Jr"


def test_hostile_text_is_kept_as_plain_text() -> None:
    row = nw.NetworkRow(kind="eigen", name=HOSTILE[:120], note=HOSTILE)
    assert row.note == HOSTILE
    network = nw.NetworkList(rows=(row,))
    again = nw.from_data(json.loads(json.dumps(network.model_dump(mode="json"))))
    assert again == network


def test_stored_data_that_breaks_the_rules_is_refused() -> None:
    good = nw.NetworkList(rows=(nw.NetworkRow(kind="eigen", name="Jan"),)).model_dump()
    assert nw.from_data(good) is not None
    for bad_row in ({"kind": "eigen", "name": "x" * 500}, {"kind": "eigen", "phone": "abc"},
                    {"kind": "baas", "name": "Jan"}, {"kind": "eigen", "extra": 1}):
        assert nw.from_data({"rows": [bad_row]}) is None
    assert nw.from_data({"rows": [{"kind": "eigen", "name": "a"}] * 51}) is None
    assert nw.from_data(None) is None and nw.from_data("[]") is None


@given(st.text(max_size=60))
def test_phone_check_and_cleaning_never_fail(text: str) -> None:
    nw.phone_ok(text)
    cleaned = nw.clean_text(text)
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in cleaned)
    assert cleaned == cleaned.strip()


# --- changing the list -----------------------------------------------------------------------

def test_replace_add_remove_and_move(engine: Engine) -> None:
    network = fresh(engine)
    count = len(network.rows)
    added = nw.replace_row(network, None, nw.NetworkRow(kind="eigen", name="Huisarts"))
    assert len(added.rows) == count + 1 and added.rows[-1].order == count + 1
    moved = nw.move_row(added, count, -count)
    assert moved.rows[0].name == "Huisarts"
    assert [r.order for r in moved.rows] == list(range(1, count + 2))
    assert nw.move_row(moved, 0, -1) == moved, "the first row cannot go further up"
    removed = nw.remove_row(moved, 0)
    assert [r.ref for r in removed.rows] == [r.ref for r in network.rows]
    assert network == fresh(engine), "the original list is never changed"


def test_a_filled_in_gap_loses_its_gap_note(engine: Engine) -> None:
    gap = next(r for r in fresh(engine).rows if r.ref == nw.POLICE_TERM)
    assert nw.without_gap_note(gap) == gap, "no number yet: the note stays"
    filled = nw.without_gap_note(gap.model_copy(update={"phone": "06-11111111"}))
    assert filled.note == "" and filled.role == gap.role
    own = nw.NetworkRow(kind="gemeente", phone="06-11111111", note="Alleen overdag")
    assert nw.without_gap_note(own) == own


def test_add_missing_puts_back_removed_rows_once(engine: Engine) -> None:
    network = fresh(engine)
    without = nw.remove_row(nw.remove_row(network, 0), 5)
    back = nw.add_missing(without, engine.content, None, "nl")
    assert sorted(r.ref for r in back.rows) == sorted(r.ref for r in network.rows)
    assert nw.add_missing(back, engine.content, None, "nl") == back


# --- the step 6 rule -------------------------------------------------------------------------

def test_fresh_list_misses_police_and_confidant(engine: Engine) -> None:
    assert nw.missing(fresh(engine), engine.content) == ("police", "confidant")
    assert nw.missing(None, engine.content) == ("national", "police", "confidant")
    assert nw.step6_status(fresh(engine), engine.content) == "open"


def test_complete_list_counts_as_done(engine: Engine) -> None:
    assert nw.missing(complete(engine), engine.content) == ()
    assert nw.step6_status(complete(engine), engine.content) == "done"


def test_every_national_contact_is_needed(engine: Engine) -> None:
    network = complete(engine)
    assert nw.missing(nw.remove_row(network, 1), engine.content) == ("national",)
    edited = nw.replace_row(network, 0, network.rows[0].model_copy(update={"name": "SOS"}))
    assert nw.missing(edited, engine.content) == (), "renaming keeps the number: still there"


def test_police_contact_rules(engine: Engine) -> None:
    base = nw.remove_row(complete(engine), next(
        i for i, r in enumerate(complete(engine).rows) if r.ref == nw.POLICE_TERM))
    assert nw.missing(base, engine.content) == ("police",)
    wijkagent = nw.NetworkRow(kind="eigen", name="Wijkagent Pietersen", phone="06-33333333")
    assert nw.missing(nw.replace_row(base, None, wijkagent), engine.content) == ()
    national = nw.NetworkRow(kind="gemeente", role="Politie", phone="0900-8844")
    assert nw.missing(nw.replace_row(base, None, national), engine.content) == ("police",)
    no_phone = nw.NetworkRow(kind="gemeente", role="Politie")
    assert nw.missing(nw.replace_row(base, None, no_phone), engine.content) == ("police",)


def test_a_confidant_needs_a_name_and_a_number(engine: Engine) -> None:
    network = complete(engine)
    index = next(i for i, r in enumerate(network.rows) if r.kind == "vertrouwenspersoon")
    no_phone = network.rows[index].model_copy(update={"phone": ""})
    assert nw.missing(nw.replace_row(network, index, no_phone), engine.content) == (
        "confidant",)
    sparring = nw.NetworkRow(kind="sparringpartner", name="Piet", phone="06-44444444")
    only_sparring = nw.replace_row(nw.remove_row(network, index), None, sparring)
    assert nw.missing(only_sparring, engine.content) == ("confidant",)


def gereedheid(engine: Engine, network_answer: str) -> Progress:
    """Walk gereedheid to its end: first options, except for the network list question."""
    answers: dict[str, str | list[str]] = {}
    for _ in range(100):
        progress = engine.walk("gereedheid", answers)
        if progress.complete:
            return progress
        question = progress.next_question
        assert question is not None
        node = engine.flow("gereedheid").node(question)
        assert isinstance(node, QuestionNode)
        value = network_answer if question == "netwerklijst" else node.options[0].value
        answers[question] = [value] if node.kind == "multi" else value
    raise AssertionError("gereedheid did not finish")


def step6(progress: Progress) -> str:
    return next(i.status for i in progress.checklist if i.step.id == nw.STEP)


@pytest.mark.parametrize(("answer", "with_list", "expected"), [
    ("ja", False, "partial"), ("ja", True, "done"),
    ("nee", False, "open"), ("nee", True, "done")])
def test_checklist_follows_the_list(engine: Engine, answer: str, with_list: bool,
                                    expected: str) -> None:
    progress = gereedheid(engine, answer)
    before = progress.checklist
    network = complete(engine) if with_list else fresh(engine)
    adjusted = nw.adjust_progress(progress, network, engine.content)
    assert step6(adjusted) == expected
    assert progress.checklist is before, "the input progress is not changed"
    others = [i for i in adjusted.checklist if i.step.id != nw.STEP]
    assert others == [i for i in before if i.step.id != nw.STEP]


def test_checklist_without_a_list_is_not_done(engine: Engine) -> None:
    progress = gereedheid(engine, "ja")
    assert step6(progress) == "done"
    assert step6(nw.adjust_progress(progress, None, engine.content)) == "partial"


def test_not_applicable_stays_not_applicable(engine: Engine) -> None:
    progress = gereedheid(engine, "nee")
    items = tuple(dataclasses.replace(i, status="na") if i.step.id == nw.STEP else i
                  for i in progress.checklist)
    result = nw.adjust_checklist(items, complete(engine), engine.content)
    assert result == items and isinstance(result, tuple)
