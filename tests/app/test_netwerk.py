"""AppTest for "Mijn netwerklijst": editing, validation messages, hostile input, persistence.

Why a harness page: the page is a callable `st.Page`, which AppTest cannot switch to; the
harness draws exactly what the navigation would run. Persistence is tested with a real store
in a temporary folder: the cookie reader is replaced, as `vbestuur_app.persistence` intends.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from app_helpers import TIMEOUT, keys_with_prefix, seed, visitor, walk_nodes
from streamlit.testing.v1 import AppTest

from vbestuur_engine import Engine
from vbestuur_engine import netwerklijst as nw

SCRIPT = "<script>alert('x')</script>"


@pytest.fixture(autouse=True)
def _own_database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Never touch the project's data folder (conftest normally points it at a copy)."""
    monkeypatch.delenv("VBESTUUR_DATABASE_URL", raising=False)
    if not os.environ.get("VBESTUUR_DATA_DIR"):
        monkeypatch.setenv("VBESTUUR_DATA_DIR", str(tmp_path))


@pytest.fixture
def token(monkeypatch: pytest.MonkeyPatch) -> str:
    """A token the store knows, sent as this browser's cookie."""
    from vbestuur_app import persistence
    from vbestuur_store import open_store

    store = open_store()
    value, _ = store.ensure_session(None)
    store.close()
    monkeypatch.setattr(persistence, "read_cookie", lambda: value)
    return value


def netwerk_app(lang: str = "nl") -> AppTest:
    """A new browser session on the netwerklijst page."""

    def script() -> None:
        from vbestuur_app import state
        from vbestuur_app.netwerk import page

        state.ensure_defaults(None)
        page.render()

    at = AppTest.from_function(script, default_timeout=TIMEOUT)
    seed(at, lang=lang)
    return at.run()


def row_index(at: AppTest, engine: Engine, ref: str) -> int:
    network = nw.initial_list(engine.content, None, "nl")
    return next(i for i, r in enumerate(network.rows) if r.ref == ref)


def edit(at: AppTest, index: int | None, **fields: str) -> AppTest:
    """Open the form of row `index` (None: a new row), type `fields`, press "Opslaan"."""
    at.button(key="nw:add" if index is None else f"nw:edit:{index}").click().run()
    for field, value in fields.items():
        if field == "kind":
            at.selectbox(key="nw:f:kind").set_value(value)
        elif field == "note":
            at.text_area(key="nw:f:note").input(value)
        else:
            at.text_input(key=f"nw:f:{field}").input(value)
    return at.button(key="nw:save").click().run()


def status_text(at: AppTest) -> str:
    parts = [getattr(n, "value", "") for n in walk_nodes(at.main)
             if getattr(n, "type", "") in ("alert", "success", "warning")]
    return " ".join(str(p) for p in parts)


def saved_list(at: AppTest) -> nw.NetworkList | None:
    kept = visitor(at).netwerklijst
    return None if kept is None else nw.from_data(kept[1])


def complete_list(at: AppTest, engine: Engine) -> AppTest:
    edit(at, row_index(at, engine, nw.POLICE_TERM), name="Agent Jansen", phone="06-11111111")
    confidant = next(i for i, r in enumerate(nw.initial_list(engine.content, None, "nl").rows)
                     if r.kind == "vertrouwenspersoon")
    return edit(at, confidant, name="Zoë de Boer", phone="+31 6 22222222")


# --- what the page shows ---------------------------------------------------------------------

def test_page_starts_with_national_numbers_and_gaps(engine: Engine) -> None:
    at = netwerk_app()
    assert not at.exception
    network = nw.initial_list(engine.content, None, "nl")
    assert keys_with_prefix(at, "nwrow-") == [str(i) for i in range(len(network.rows))]
    markdown = [m.value for m in at.markdown]
    for fact in nw.national_contacts(engine.content):
        assert fact.contact is not None
        assert any(f"(tel:{nw.digits(fact.contact.phone)})" in m for m in markdown)
    gaps = [w.value for w in at.warning if w.value == "Telefoonnummer nog in te vullen"]
    assert len(gaps) == sum(1 for r in network.rows if r.gap)
    assert "een contactpersoon bij de politie" in at.warning[0].value
    assert "een eigen vertrouwenspersoon" in at.warning[0].value
    assert any("alleen in dit browservenster" in c.value for c in at.caption)


def test_page_uses_the_chosen_municipality() -> None:
    def script() -> None:
        from vbestuur_app import state
        from vbestuur_app.netwerk import page

        state.ensure_defaults(None)
        page.render()

    at = AppTest.from_function(script, default_timeout=TIMEOUT)
    seed(at, local="voorbeeldgemeente")
    at.run()
    assert not at.exception
    assert any("In Voorbeeldgemeente regelt de griffier" in c.value for c in at.caption)


def test_page_in_english() -> None:
    at = netwerk_app("en")
    assert not at.exception
    assert any("Emergency number 112" in m.value for m in at.markdown)
    assert "Still missing" in at.warning[0].value


# --- editing and validation ------------------------------------------------------------------

def test_wrong_phone_keeps_the_input_and_says_why(engine: Engine) -> None:
    at = netwerk_app()
    police = row_index(at, engine, nw.POLICE_TERM)
    edit(at, police, name="Agent Jansen", phone="12345")
    assert not at.exception
    errors = [e.value for e in at.error]
    assert any(e.startswith("Niet opgeslagen") for e in errors)
    assert any("geen geldig telefoonnummer" in e for e in errors)
    assert at.text_input(key="nw:f:name").value == "Agent Jansen"
    assert at.text_input(key="nw:f:phone").value == "12345"
    assert saved_list(at) is None
    at.text_input(key="nw:f:phone").input("06-11111111")
    at.button(key="nw:save").click().run()
    assert not at.error
    saved = saved_list(at)
    assert saved is not None and saved.rows[police].phone == "06 11111111", "written one way"
    assert saved.rows[police].name == "Agent Jansen"
    assert saved.rows[police].note == "", "the filled-in row no longer says 'nog in te vullen'"


def test_too_long_text_gets_a_message_with_the_limit() -> None:
    at = netwerk_app()
    edit(at, None, name="x" * 500, note="n" * 600)
    errors = [e.value for e in at.error]
    assert any("hoogstens 120 tekens (nu 500)" in e for e in errors)
    assert any("hoogstens 500 tekens (nu 600)" in e for e in errors)
    assert at.text_input(key="nw:f:name").value == "x" * 500


def test_cancel_leaves_the_list_unchanged() -> None:
    at = netwerk_app()
    at.button(key="nw:edit:0").click().run()
    at.text_input(key="nw:f:phone").input("06-99999999")
    at.button(key="nw:cancel").click().run()
    assert visitor(at).netwerk_editing is None
    assert any("(tel:112)" in m.value for m in at.markdown)


def test_complete_list_marks_step_6_done(engine: Engine) -> None:
    at = complete_list(netwerk_app(), engine)
    assert not at.exception
    assert any("Stap 6 is klaar" in s.value for s in at.success)
    assert nw.step6_status(saved_list(at), engine.content) == "done"


def test_add_move_remove_and_undo() -> None:
    at = netwerk_app()
    count = len(keys_with_prefix(at, "nwrow-"))
    edit(at, None, kind="sparringpartner", name="Piet", role="Oud-wethouder",
         phone="0031 20 1234567")
    saved = saved_list(at)
    assert saved is not None and len(saved.rows) == count + 1
    assert saved.rows[-1].kind == "sparringpartner" and saved.rows[-1].name == "Piet"
    at.button(key=f"nw:up:{count}").click().run()
    saved = saved_list(at)
    assert saved is not None and saved.rows[count - 1].name == "Piet"
    at.button(key=f"nw:remove:{count - 1}").click().run()
    saved = saved_list(at)
    assert saved is not None and all(r.name != "Piet" for r in saved.rows)
    assert any("Weggehaald: Piet" in i.value for i in at.info)
    at.button(key="nw:undo").click().run()
    saved = saved_list(at)
    assert saved is not None and saved.rows[count - 1].name == "Piet"


def test_removed_national_row_can_be_put_back(engine: Engine) -> None:
    at = netwerk_app()
    at.button(key="nw:remove:0").click().run()
    assert "de landelijke nummers" in at.warning[0].value
    at.button(key="nw:restore").click().run()
    saved = saved_list(at)
    assert saved is not None
    assert {r.ref for r in saved.rows} >= {f.id for f in nw.national_contacts(engine.content)}


def test_row_buttons_are_off_while_the_form_is_open() -> None:
    at = netwerk_app()
    at.button(key="nw:edit:2").click().run()
    assert at.button(key="nw:remove:0").disabled and at.button(key="nw:add").disabled


# --- hostile input ---------------------------------------------------------------------------

def test_hostile_input_is_stored_and_shown_as_plain_text() -> None:
    at = netwerk_app()
    edit(at, None, name=SCRIPT, role="**vet** [klik](https://evil.example)",
         note="![img](https://evil.example/x.png) \x00\x07\u202eeinde")
    assert not at.exception and not at.error
    saved = saved_list(at)
    assert saved is not None
    row = saved.rows[-1]
    assert row.name == SCRIPT and row.note == "![img](https://evil.example/x.png) einde"
    shown = [m.value for m in at.markdown] + [c.value for c in at.caption]
    assert any("\\<script\\>alert\\('x'\\)\\</script\\>" in s for s in shown)
    assert not any("](https://evil.example" in s for s in shown), "no live link or image"
    for node in walk_nodes(at.main):
        proto = getattr(node, "proto", None)
        assert not getattr(proto, "allow_html", False), "HTML is never allowed"


# --- persistence -----------------------------------------------------------------------------

def test_list_is_found_again_in_a_new_session(engine: Engine, token: str) -> None:
    first = netwerk_app()
    assert any("eigen code" in c.value for c in first.caption)
    complete_list(first, engine)
    second = netwerk_app()
    assert not second.exception
    assert any("Stap 6 is klaar" in s.value for s in second.success)
    assert any("Zoë de Boer" in m.value for m in second.markdown)


def test_another_token_reads_its_own_list(engine: Engine, token: str) -> None:
    """After a resume (a bewaarcode) the session's token changes: the old list must go."""
    from vbestuur_store import open_store

    at = complete_list(netwerk_app(), engine)
    store = open_store()
    other, _ = store.ensure_session(None)
    store.close()
    visitor(at).token = other
    at.run()
    assert not any("Zoë de Boer" in m.value for m in at.markdown)
    kept = visitor(at).netwerklijst
    assert kept is not None and kept[0] == other


def test_forgotten_list_is_gone(engine: Engine, token: str) -> None:
    from vbestuur_store import open_store

    complete_list(netwerk_app(), engine)
    store = open_store()
    assert store.load_document(token, "netwerklijst") is not None
    store.forget(token)
    store.close()
    again = netwerk_app()
    assert not again.exception
    assert not any("Zoë de Boer" in m.value for m in again.markdown)
