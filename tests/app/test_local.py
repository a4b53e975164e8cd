"""A municipality's own values replace the national default text in the advice."""

from __future__ import annotations

import re

import pytest
from app_helpers import complete_flow, new_app, visitor
from html_parts import block_text

from vbestuur_app.state import LOCAL_WIDGET
from vbestuur_engine import Engine, render
from vbestuur_engine.text import terms_used


def test_choosing_a_municipality_fills_in_its_values(engine: Engine) -> None:
    if not engine.content.local:
        pytest.skip("no rules/local/*.yaml")
    name = sorted(engine.content.local)[0]
    local = engine.content.local[name]
    at = new_app()
    at.selectbox(key=LOCAL_WIDGET).set_value(name).run()
    assert visitor(at).local == name
    at.button(key="door:incident").click().run()
    progress = complete_flow(at, engine, "incident")
    with_term = [h.advice for h in progress.advice
                 if set(terms_used(h.advice.text)) & set(local.values)]
    if not with_term:
        pytest.skip("no advice on the golden incident path uses a local term")
    # the advice cards are the result's HTML blocks (tests/app/html_parts.py), read as text
    shown = " ".join(block_text(at).split())
    for advice in with_term:
        text = render(advice.text, "nl", engine.content.terms, local)
        for paragraph in re.split(r"\n\s*\n", text.strip()):
            assert " ".join(paragraph.split()) in shown


def test_no_municipality_by_default() -> None:
    at = new_app()
    assert visitor(at).local is None
