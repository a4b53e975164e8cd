"""Workshop mode's parts without a page: the prompts file, the QR code, the figures, the pages."""

from __future__ import annotations

import pytest
import yaml
from app_helpers import APP, TIMEOUT
from pydantic import ValidationError
from streamlit.testing.v1 import AppTest

from vbestuur_app.workshop.charts import gedrag_figure, geregeld_figure
from vbestuur_app.workshop.prompts import PROMPTS_FILE, load_prompts, parse_prompts
from vbestuur_app.workshop.qr import base_url, join_url, qr_png
from vbestuur_engine import Engine
from vbestuur_engine.content import PROJECT_ROOT
from vbestuur_store import BEHAVIOURS, Tally


def test_every_step_has_two_or_three_prompts_in_both_languages(engine: Engine) -> None:
    prompts = load_prompts()
    for step_id in engine.content.steps:
        found = prompts.for_step(step_id)
        assert 2 <= len(found) <= 3, step_id
        assert all(p.nl.strip() and p.en.strip() for p in found)
    assert all(set(p.steps) <= set(engine.content.steps) for p in prompts.prompts)


def _raw() -> dict[str, list[dict[str, object]]]:
    loaded = yaml.safe_load((PROJECT_ROOT / PROMPTS_FILE).read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


@pytest.mark.parametrize("break_it", ["missing_en", "unknown_key", "step_22", "too_few",
                                      "duplicate_id"])
def test_a_broken_prompts_file_is_refused(break_it: str) -> None:
    raw = _raw()
    first = raw["prompts"][0]
    if break_it == "missing_en":
        del first["en"]
    elif break_it == "unknown_key":
        first["toelichting"] = "x"
    elif break_it == "step_22":
        first["steps"] = [22]
    elif break_it == "too_few":
        raw["prompts"] = [p for p in raw["prompts"] if p["steps"] != [19]]
    else:
        raw["prompts"].append(dict(first))
    with pytest.raises(ValidationError):
        parse_prompts(yaml.safe_dump(raw, allow_unicode=True))


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
    counts = dict.fromkeys((*BEHAVIOURS, "geen"), 1)
    gedrag = gedrag_figure(Tally("gedrag", 7, 5, counts), "nl")
    assert gedrag is not None and len(gedrag.data[0].y) == len(BEHAVIOURS) + 1
    assert gedrag_figure(Tally("gedrag", 2, 5, None), "nl") is None


def _pages_script() -> None:
    import streamlit as st

    from vbestuur_app.i18n import t
    from vbestuur_app.pages import sections

    for page in sections(True, False)[t("nav.section.workshop")]:
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
