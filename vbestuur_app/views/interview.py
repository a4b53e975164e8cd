"""One question at a time, with the advice reached so far and a way back.

Why advice before the end: in the incident flow the first answer can already mean "call 112"
or "get to safety"; that must show at once, above the next question, not after ten more
questions. Less urgent advice waits below the question so the question stays in view.
"""

from __future__ import annotations

import streamlit as st

from vbestuur_engine import Progress
from vbestuur_engine.schema import InfoNode

from .. import links, session, state
from ..i18n import _, ngettext
from ..widgets import content_text, heading, question_widget
from . import Ctx
from .advice import advice_brief

NEXT_KEY = "ask:next"
BACK_KEY = "ask:back"
REVIEW_KEY = "ask:review"


def render(ctx: Ctx, progress: Progress) -> None:
    """Draw the current question of an unfinished flow."""
    question = progress.next_question
    assert question is not None
    _notices(question)  # the flow's title (h1) is drawn by the conversation page
    urgent = [hit for hit in progress.advice if hit.advice.urgency == "now"]
    if urgent:
        heading(_("Doe dit nu"), 2)
        for hit in urgent:
            advice_brief(ctx, hit, st.warning)
    for text in recent_info(ctx, progress):
        st.info(text)
    _progress_bar(progress)
    question_widget(ctx.engine, ctx.flow_id, question, ctx.lang, ctx.local)
    _buttons(ctx, progress, question)
    later = [hit for hit in progress.advice if hit.advice.urgency != "now"]
    if later:
        heading(_("Advies tot nu toe"), 2)
        for hit in later:
            advice_brief(ctx, hit, st.info)


def recent_info(ctx: Ctx, progress: Progress) -> list[str]:
    """Texts of the info nodes passed since the last answered question."""
    texts: list[str] = []
    for node_id in reversed(progress.path[:-1]):
        node = ctx.compiled.node(node_id)
        if not isinstance(node, InfoNode):
            break
        texts.append(content_text(ctx.engine, node.text, ctx.lang, ctx.local))
    return list(reversed(texts))


def progress_text(progress: Progress, lang: str | None = None) -> tuple[float, str]:
    """The share done (0..1) and "Vraag 3 · daarna nog 2 tot 4 vragen"."""
    answered = len(progress.answers)
    low, high = (max(0, n - 1) for n in progress.remaining)
    if high == 0:
        rest = _("dit is de laatste vraag", lang)
    elif low == 0:
        rest = ngettext(
            "daarna misschien nog {count} vraag",
            "daarna misschien nog {count} vragen", high, lang, count=high)
    elif low == high:
        rest = ngettext(
            "daarna nog ongeveer {count} vraag",
            "daarna nog ongeveer {count} vragen", low, lang, count=low)
    else:
        rest = _("daarna nog {low} tot {high} vragen", lang, low=low, high=high)
    expected_total = answered + 1 + (low + high) / 2
    progress1_text = _("Vraag {number}", lang, number=answered + 1)
    return answered / expected_total, f"{progress1_text} · {rest}"


def _progress_bar(progress: Progress) -> None:
    share, text = progress_text(progress)
    st.progress(share, text=text)


def _notices(question: str) -> None:
    for notice in session.take(state.CONVERSATION):
        if notice.code == "dropped":
            st.info(ngettext(
                "{count} eerder antwoord hoort niet meer bij uw route en is weggehaald.",
                "{count} eerdere antwoorden horen niet meer bij uw route en zijn weggehaald.",
                notice.params["count"], count=notice.params["count"]))
        elif notice.code == "choose" and notice.params["question"] == question:
            st.warning(_("Kies eerst een antwoord."))


def _buttons(ctx: Ctx, progress: Progress, question: str) -> None:
    """"Volgende" first (it follows the answer in keyboard order), then back and review side
    by side in one horizontal container (one block; two columns were three), wrapping onto
    two rows where they do not fit; at the first question only the way to the start page."""
    st.button(_("Volgende"), key=NEXT_KEY, type="primary", width="stretch",
              on_click=state.submit, args=(ctx.engine, ctx.flow_id, question))
    if not progress.answers:
        st.page_link(links.target(links.START), label=_("Naar de startpagina"))
        return
    row = st.container(horizontal=True, gap="small", key="ask-row")  # equal halves: CSS
    row.button(_("Vorige vraag"), key=BACK_KEY, width="stretch", on_click=state.back,
               args=(ctx.engine, ctx.flow_id))
    row.button(_("Mijn antwoorden"), key=REVIEW_KEY, width="stretch", on_click=state.show,
               args=("review",))
