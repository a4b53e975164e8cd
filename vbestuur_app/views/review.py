"""The review screen: every answer on the path, each one changeable.

Why through the engine: changing an early answer may open another branch. The engine keeps the
answers that are still on the new path and drops the others, so the person never has to answer
unrelated questions again, and no stale answer can influence the advice.
"""

from __future__ import annotations

import streamlit as st

from vbestuur_engine import Progress
from vbestuur_service import conversation as uc

from .. import session, state
from ..i18n import _, ngettext
from ..widgets import answer_label, heading, plain, question_text, question_widget
from . import Ctx


def edit_key(flow_id: str, question: str) -> str:
    """The key of the "Wijzig" button of one answer."""
    return f"edit:{flow_id}:{question}"


def render(ctx: Ctx, progress: Progress) -> None:
    """List the answers on the path, in the order they were asked."""
    heading(_("Uw antwoorden"), 1)
    for notice in session.take(state.CONVERSATION):
        if notice.code == "dropped":
            st.info(ngettext(
                "{count} eerder antwoord hoort niet meer bij uw route en is weggehaald.",
                "{count} eerdere antwoorden horen niet meer bij uw route en zijn weggehaald.",
                notice.params["count"], count=notice.params["count"]))
    st.markdown(_(
        "U kunt elk antwoord wijzigen. Antwoorden die daarna niet meer passen, vallen weg. De "
        "rest blijft staan."))
    answered = [node for node in progress.path if node in progress.answers]
    if not answered:
        st.markdown(_("U heeft nog geen vragen beantwoord."))
    for question in answered:
        _answer_row(ctx, progress, question)
    if progress.complete:
        st.button(_("Naar het advies"), key="review:result", type="primary", width="stretch",
                  on_click=state.show, args=("result",))
    else:
        st.button(_("Verder met de vragen"), key="review:continue", type="primary", width="stretch",
                  on_click=state.show, args=("ask",))
    if answered:  # wipes this conversation's answers: here, below them, not beside the advice
        st.button(_("Opnieuw beginnen"), key="review:restart", width="stretch",
                  on_click=state.restart, args=(ctx.flow_id,))


def _answer_row(ctx: Ctx, progress: Progress, question: str) -> None:
    with st.container(border=True):
        text, button = st.columns([4, 1], vertical_alignment="center")
        with text:
            st.markdown(question_text(ctx.engine, ctx.flow_id, question, ctx.lang, ctx.local))
            label = answer_label(ctx.engine, ctx.flow_id, question,
                                 progress.answers[question], ctx.lang)
            st.markdown(f"**{plain(label)}**")
            if question == uc.role_question(ctx.engine, ctx.flow_id):
                st.caption(_(
                    "Uw rol hebt u eerder in dit bezoek gekozen. U kunt die hier wijzigen."))
        with button:
            st.button(_("Wijzig"), key=edit_key(ctx.flow_id, question), width="stretch",
                      on_click=state.begin_edit, args=(ctx.engine, ctx.flow_id, question),
                      help=None)


def render_edit(ctx: Ctx, progress: Progress, question: str) -> None:
    """One earlier question, pre-filled with its answer; saving re-walks the flow."""
    heading(_("Wijzig uw antwoord"), 1)
    if any(n.code == "choose" for n in session.take(state.CONVERSATION)):
        st.warning(_("Kies eerst een antwoord."))
    question_widget(ctx.engine, ctx.flow_id, question, ctx.lang, ctx.local)
    save, cancel = st.columns(2)
    with save:
        st.button(_("Opslaan"), key="edit:save", type="primary", width="stretch",
                  on_click=state.save_edit, args=(ctx.engine, ctx.flow_id, question))
    with cancel:
        st.button(_("Annuleren"), key="edit:cancel", width="stretch", on_click=state.show,
                  args=("review",))
