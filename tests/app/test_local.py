"""A municipality's own values replace the national default text in the advice."""

from __future__ import annotations

import re

import pytest
from app_helpers import complete_flow, new_app, visitor

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
    shown = "\n".join(m.value.replace("\\", "") for m in at.markdown)
    # phone numbers are tel: links on the page, kept on one line: read them as plain text
    shown = re.sub(r"\[([^\]]+)\]\(tel:[^)]*\)", r"\1", shown)
    shown = shown.replace("\u00a0", " ").replace("\u2011", "-").replace("\u2060", "")
    for advice in with_term:
        assert render(advice.text, "nl", engine.content.terms, local) in shown


def test_no_municipality_by_default() -> None:
    at = new_app()
    assert visitor(at).local is None
