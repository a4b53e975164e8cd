"""The result in layers (issue 10 §3), as AppTest sees it: "Doe nu" first, then "Vandaag /
deze week", then "Goed om te weten" folded; one "Waarom en bronnen" per card; call buttons with
a `tel:` href; no interview notes; and the role asked once per visit."""

from __future__ import annotations

import re
from typing import Any

import pytest
from app_helpers import (
    choose,
    complete_flow,
    new_app,
    progress_of,
    seed,
    visitor,
)
from html_parts import block_text, data_keys, headings, keyed, parts, summaries
from streamlit.testing.v1 import AppTest

from vbestuur_app import links
from vbestuur_app.i18n import _
from vbestuur_app.state import widget_key
from vbestuur_app.views.home import door_key
from vbestuur_engine import Engine, Progress
from vbestuur_engine.netwerklijst import adjust_progress
from vbestuur_engine.schema import InfoNode
from vbestuur_service import conversation as uc


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.load()


def incident_in_danger(engine: Engine, lang: str) -> tuple[AppTest, Progress]:
    """The incident flow with "Bent u nu in gevaar?" = ja, the rest first options."""
    at = new_app(lang)
    at.button(key=door_key("incident")).click().run()
    choose(at, engine, "incident", "gevaar", "ja")
    at.button(key="ask:next").click().run()
    return at, complete_flow(at, engine, "incident")


def markdown_text(at: AppTest) -> str:
    return "\n".join(str(m.value) for m in at.markdown)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_incident_result_in_three_layers(engine: Engine, lang: str) -> None:
    at, progress = incident_in_danger(engine, lang)
    assert not at.exception
    layers = engine.layers(progress)
    assert layers.now and layers.today and layers.later, "this path fills every layer"
    subheaders = headings(at, "h3")
    now, today = _("Doe nu", lang), _("Vandaag / deze week", lang)
    assert now in subheaders and today in subheaders
    assert subheaders.index(now) < subheaders.index(today)
    later = [s for s in summaries(at)
             if s == _("Goed om te weten ({count})", lang, count=len(layers.later))]
    assert len(later) == 1, "'Goed om te weten' is one folded fold"
    assert data_keys(at, "layer-") == ["now", "today", "later"]
    assert data_keys(at, "advice-") == [i.advice.id for _n, items in layers for i in items]
    assert headings(at, "h2") == [progress_outcome_title(engine, progress, lang)]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_one_expander_per_card(engine: Engine, lang: str) -> None:
    at, progress = incident_in_danger(engine, lang)
    layers = engine.layers(progress)
    details = [s for s in summaries(at) if s == _("Waarom en bronnen", lang)]
    assert len(details) == len(layers.now) + len(layers.today)
    for item in layers.now + layers.today:  # each card holds its own one fold
        card = keyed(at, f"advice-{item.advice.id}")
        assert [c.tag for c in card.children].count("details") == 1
    later_cards = keyed(at, "layer-later").children[1].children
    assert [c.attrs["data-key"] for c in later_cards] == [
        f"advice-{i.advice.id}" for i in layers.later]
    for card in later_cards:  # inside the fold the details are small print, not a fold
        assert not [c for c in card.children if c.tag == "details"]
        assert [c for c in card.children if "vb-small" in c.attrs.get("class", "")]
    labels = set(summaries(at)) - {_("Waarom en bronnen", lang)}
    # besides the cards: the later layer and the checklist (the closed steps inside it)
    assert len(labels) == 2, labels
    assert not at.expander, "no Streamlit fold: the exports are on a page of their own"


def test_the_result_links_to_its_exports_and_draws_none(engine: Engine) -> None:
    """The exports are one link ("Bewaar of print uw advies") to a page of their own: the
    result page draws no export, no date and no fold for them (tests/app/test_keep_advice.py
    opens that page)."""
    at, _progress = incident_in_danger(engine, "nl")
    assert not at.get("download_button") and not at.get("date_input") and not at.expander
    link = next(p for p in at.get("page_link") if p.proto.page == links.ADVIES)
    assert link.proto.label == _("Bewaar of print uw advies", "nl")


def test_call_button_and_phone_links(engine: Engine) -> None:
    at, progress = incident_in_danger(engine, "nl")
    call = engine.layers(progress).now[0].call
    assert call is not None and call.dial == "112"
    buttons = [p for p in parts(at) if p.tag == "a" and "vb-call" in p.attrs.get("class", "")]
    assert buttons and buttons[0].attrs["href"] == call.uri and "target" not in buttons[0].attrs
    assert buttons[0].attrs["data-key"] == f"call-{layers_now_id(engine, progress)}"
    numbers = [p for p in parts(at) if p.tag == "a" and p.attrs.get("href") == "tel:+319008844"]
    assert numbers and numbers[0].text == "0900-8844", "0900-8844 is not a tel: link"


def progress_outcome_title(engine: Engine, progress: Progress, lang: str) -> str:
    assert progress.outcome is not None
    node = engine.flow("incident").node(progress.outcome)
    return node.title.get(lang)  # type: ignore[union-attr]


def layers_now_id(engine: Engine, progress: Progress) -> str:
    return engine.layers(progress).now[0].advice.id


def letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def test_no_interview_notes_on_the_result(engine: Engine) -> None:
    """"Beantwoord de volgende vragen pas als u veilig bent" belongs to the questions."""
    at, progress = incident_in_danger(engine, "nl")
    notes = [engine.flow("incident").node(n) for n in progress.path]
    sentences = [letters(part) for n in notes if isinstance(n, InfoNode)
                 for part in n.text.nl.split(". ") if not re.search(r"\d", part)]
    assert sentences, "this path passes an info node"
    shown = letters(markdown_text(at) + block_text(at) + "".join(str(i.value) for i in at.info))
    assert not [x for x in sentences if x in shown]
    assert letters("Bel meteen") in shown, "the comparison sees the result's own text"


def test_readiness_starts_with_summary_and_exports(engine: Engine) -> None:
    at = new_app("nl")
    at.button(key=door_key("gereedheid")).click().run()
    complete_flow(at, engine, "gereedheid")
    subheaders = [h.value for h in at.subheader]
    assert subheaders[:2] == [_("Samenvatting"), _("Bewaar of print uw advies")]
    assert at.get("download_button"), "the exports are there"
    assert not [e for e in at.expander if e.label == _("Bewaar of print uw advies")]
    # the checklist open under its h3, the done and n.a. steps in a fold of their own
    assert _("Checklist: wat nog open staat") in headings(at, "h3")
    assert not data_keys(at, "checklist")
    shown = adjust_progress(progress_of(at, engine, "gereedheid"), None, engine.content)
    closed = [i for i in shown.checklist if i.status in ("done", "na")]
    if closed:
        assert _("Gedaan of niet van toepassing ({count})", count=len(closed)) in summaries(at)


def test_role_is_asked_once_per_visit(engine: Engine) -> None:
    at, _progress = incident_in_danger(engine, "nl")
    role = visitor(at).role
    assert role == uc.role_of(engine, "incident", stored(at, "incident"))
    again = new_app("nl")
    seed(again, role=role)
    again.run()
    again.button(key=door_key("gereedheid")).click().run()
    assert not [r for r in again.radio if r.key == widget_key("gereedheid", "rol")]
    question, _value = answer_first_with_role(again, engine, role)
    assert question != "rol"
    again.button(key="ask:review").click().run()
    captions = [str(c.value) for c in again.caption]
    assert _(
        "Uw rol hebt u eerder in dit bezoek gekozen. U kunt die hier wijzigen."
    ) in captions, "the role is shown on the review"
    assert [b for b in again.button if b.key == "edit:gereedheid:rol"], "and changeable"


def stored(at: AppTest, flow_id: str) -> dict[str, Any]:
    return dict(visitor(at).answers.get(flow_id, {}))


def answer_first_with_role(at: AppTest, engine: Engine, role: str | None) -> tuple[str, str]:
    """Answer the question on screen (the walk with the visit's role says which) with its
    first option; nothing is seeded, so the role can only come from the session."""
    question = uc.progress(engine, "gereedheid", stored(at, "gereedheid"), role).next_question
    assert question is not None and question != "rol"
    node = engine.flow("gereedheid").node(question)
    value = node.options[0].value  # type: ignore[union-attr]
    choose(at, engine, "gereedheid", question, value)
    at.button(key="ask:next").click().run()
    assert not at.exception, at.exception
    assert stored(at, "gereedheid")["rol"] == role, "the visit's role is kept as an answer"
    return question, value
