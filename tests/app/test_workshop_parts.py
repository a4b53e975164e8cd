"""Workshop mode's parts without a page: the prompts file, the QR code, the figures, the pages."""

from __future__ import annotations

import pytest
from app_helpers import APP, TIMEOUT
from streamlit.testing.v1 import AppTest
from workshop_vocabulary import BEHAVIOURS

from vbestuur_app.i18n import _
from vbestuur_app.workshop.charts import gedrag_figure, geregeld_figure
from vbestuur_app.workshop.prompts import poll_vocabulary, prompts_for
from vbestuur_app.workshop.qr import base_url, join_url, qr_png
from vbestuur_engine import Engine
from vbestuur_service.i18n import N_
from vbestuur_store import Tally


def test_every_step_has_two_or_three_prompts_in_both_languages(engine: Engine) -> None:
    """The presenter reads the prompts from the engine's checked content (a broken
    rules/workshop.yaml is refused by `vbestuur check`: tests/fixtures/invalid/workshop-*)."""
    for step_id in engine.content.steps:
        found = prompts_for(engine, step_id)
        assert 2 <= len(found) <= 3, step_id
        assert all(p.nl.strip() and p.en.strip() for p in found)


def test_the_store_gets_the_poll_vocabulary_of_the_content(engine: Engine) -> None:
    polls = poll_vocabulary(engine)
    assert polls.geregeld == ("ja", "deels", "nee", "weet-niet")
    assert polls.gedrag_steps == frozenset({1}) and polls.none_met == "geen"
    assert "stalken" in polls.behaviours


# The catalogue's copies of the poll texts, per poll and option (keys written out, so the
# gettext codemod can follow them).
POLL_TEXT_KEYS = {"geregeld": N_("Is dit bij ons geregeld?"), "gedrag": N_(
    "Welke van deze vormen van gedrag heeft u het afgelopen jaar meegemaakt?")}
POLL_HELP_KEYS = {"gedrag": N_("Kies alles wat past. Niets meegemaakt? Kies ‘Geen van deze’.")}
LABEL_KEYS = {"ja": N_("Ja"), "deels": N_("Deels"), "nee": N_("Nee"),
              "weet-niet": N_("Weet ik niet"), "uitschelden": N_("Uitschelden"),
              "beledigen": N_("Beledigen"), "bedreiging": N_("Persoonlijke bedreiging"),
              "bedreiging-familie": N_("Bedreiging van familie"), "stalken": N_("Stalken"),
              "fysieke-agressie": N_("Fysieke agressie"), "geen": N_("Geen van deze")}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_pages_show_the_poll_labels_of_the_content(engine: Engine, lang: str) -> None:
    """The pages draw the app's own copies of the poll labels (ws.opt.*, ws.form.*, ws.q.*);
    they must say what the content says."""
    workshop = engine.content.workshop
    assert workshop is not None
    for poll_id in ("geregeld", "gedrag"):
        poll = workshop.poll(poll_id)
        assert poll is not None
        assert _(POLL_TEXT_KEYS[poll_id], lang) == poll.text.get(lang)
        if poll.help is not None:
            assert _(POLL_HELP_KEYS[poll_id], lang) == poll.help.get(lang)
        options = (*poll.options, *([poll.none] if poll.none else []))
        assert {option.value for option in options} <= set(LABEL_KEYS)
        for option in options:
            assert _(LABEL_KEYS[option.value], lang) == option.label.get(lang)


def test_join_address_and_local_qr_code() -> None:
    assert base_url("http://10.0.0.5:8501/workshop-scherm?lang=nl") == "http://10.0.0.5:8501"
    assert base_url(None) == "http://localhost:8501"
    assert base_url("x", "https://vb.example.nl/app/") == \
        "https://vb.example.nl/app"
    url = join_url("http://10.0.0.5:8501", "K7QM3X")
    assert url == "http://10.0.0.5:8501/meedoen?code=K7QM3X"
    png = qr_png(url)
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 200


def test_figures_only_with_counts() -> None:
    hidden = Tally("geregeld", 2, 5, None)
    assert geregeld_figure(hidden, "nl") is None
    shown = Tally("geregeld", 6, 5, {"ja": 1, "deels": 2, "nee": 3, "weet-niet": 0})
    figure = geregeld_figure(shown, "en")
    assert figure is not None
    assert list(figure.data[0].x) == [1, 2, 3, 0]
    assert list(figure.data[0].y) == ["Yes", "Partly", "No", "Don't know"]
    counts = dict.fromkeys(BEHAVIOURS + ("geen",), 1)
    gedrag = gedrag_figure(Tally("gedrag", 7, 5, counts), "nl")
    assert gedrag is not None and len(gedrag.data[0].y) == len(BEHAVIOURS) + 1
    assert gedrag_figure(Tally("gedrag", 2, 5, None), "nl") is None


def _pages_script() -> None:
    import streamlit as st

    from vbestuur_app.i18n import _
    from vbestuur_app.pages import sections

    for page in sections(True, False)[_("Workshop")]:
        st.text(f"{page.url_path} {page.visibility}")


def test_pages_and_their_addresses() -> None:
    at = AppTest.from_function(_pages_script, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert [e.value for e in at.text] == ["workshop visible", "meedoen hidden",
                                          "workshop-scherm hidden"]


def test_the_qr_address_opens_the_join_page_in_the_real_app(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`/meedoen?code=…` (what the QR code holds) inside the full app frame: the page
    registered by st.navigation (selected by its url_path hash, as a browser would) shows the
    join form with the code filled in."""
    from streamlit.util import calc_hash

    monkeypatch.setenv("VBESTUUR_DATA_DIR", str(tmp_path))
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    assert not at.exception
    at.query_params["code"] = "K7QM3X"
    at._page_hash = calc_hash("meedoen")
    at.run()
    assert not at.exception
    assert at.text_input(key="ws-join-code").value == "K7QM3X"


def test_the_join_address_is_one_the_phones_can_reach() -> None:
    from vbestuur_app.workshop import qr

    lan = ["192.168.1.20"]
    assert qr.reachable("https://vb.gemeente.nl", "127.0.0.1", lan) == "https://vb.gemeente.nl"
    assert qr.reachable("http://127.0.0.1:8501", "0.0.0.0", lan) == "http://192.168.1.20:8501"
    assert qr.reachable("http://localhost:8501", "", lan) == "http://192.168.1.20:8501"
    assert qr.reachable("http://[::1]:8501", "::", lan) == "http://192.168.1.20:8501"
    assert qr.reachable("http://127.0.0.1:8501", "127.0.0.1", lan) is None  # loopback only
    assert qr.reachable("http://127.0.0.1:8501", "0.0.0.0", []) is None  # no network
    assert qr.is_loopback("127.0.0.2") and qr.is_loopback("app.localhost")
    assert not qr.is_loopback("10.0.0.5")
    assert all(not qr.is_loopback(a) for a in qr.lan_addresses())
